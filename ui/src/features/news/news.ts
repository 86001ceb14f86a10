// What is new on a case's dockets, grouped for the case page: per proceeding,
// in date order, changed entries with both texts. Pure, so Vitest checks it.

import type { EventId, NewsChange, NewsItem, ProceedingId } from '../../bindings';

/** The news of one proceeding. */
export interface NewsGroup {
  proceedingId: ProceedingId;
  /** "S.D.N.Y. 1:24-cv-00001". */
  title: string;
  added: NewsItem[];
  updated: NewsItem[];
}

/** Group news items by proceeding (in the order they come: the store's), each group's added then changed. */
export function groupNews(items: NewsItem[]): NewsGroup[] {
  const groups = new Map<ProceedingId, NewsGroup>();
  for (const n of items) {
    let g = groups.get(n.proceeding_id);
    if (!g) {
      g = { proceedingId: n.proceeding_id, title: `${n.court} ${n.docket_number}`.trim(), added: [], updated: [] };
      groups.set(n.proceeding_id, g);
    }
    (n.change === 'added' ? g.added : g.updated).push(n);
  }
  return [...groups.values()];
}

/**
 * What each event's news is, for the "new" / "changed" marks on the docket:
 * an event both added and changed since the last look counts as new.
 */
export function newsMarks(items: NewsItem[]): Map<EventId, NewsChange> {
  const marks = new Map<EventId, NewsChange>();
  for (const n of items) {
    if (marks.get(n.event_id) !== 'added') marks.set(n.event_id, n.change);
  }
  return marks;
}

/** "3 new entries, 1 changed" (or "Nothing new"). */
export function newsHeadline(items: NewsItem[]): string {
  const marks = newsMarks(items);
  let added = 0;
  let changed = 0;
  for (const c of marks.values()) {
    if (c === 'added') added++;
    else changed++;
  }
  if (added === 0 && changed === 0) return 'Nothing new';
  const parts: string[] = [];
  if (added > 0) parts.push(`${added} new ${added === 1 ? 'entry' : 'entries'}`);
  if (changed > 0) parts.push(`${changed} changed`);
  return parts.join(', ');
}

/** The label of an item: its entry number, when it has one, then its title. */
export function itemLabel(n: NewsItem): string {
  return n.entry ? `No. ${n.entry} · ${n.title}` : n.title;
}

/** Only the first `limit` items of each list are shown at first; how many more there are. */
export function capped<T>(list: T[], limit: number, all: boolean): { shown: T[]; more: number } {
  if (all || list.length <= limit) return { shown: list, more: 0 };
  return { shown: list.slice(0, limit), more: list.length - limit };
}
