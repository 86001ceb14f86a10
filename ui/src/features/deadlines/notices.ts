// Desktop notices for deadlines, decided here (pure) and shown by the
// notifier: every open deadline due from today to `windowDays` ahead is
// announced at most once per deadline per day. What was announced is
// remembered per deadline as the day it was last announced.

import type { DeadlineEntry } from '../../bindings';
import type { Backend } from '../../lib/backend';
import { daysBetween, localDay } from './agenda';
import { formatEventDate } from '../../lib/format';

/** Deadline id → the day ("YYYY-MM-DD") it was last announced. */
export type Announced = Record<string, string>;

/** Open deadlines due today or within `windowDays`, not yet announced today. */
export function toAnnounce(
  entries: DeadlineEntry[],
  today: string,
  windowDays: number,
  announced: Announced,
): DeadlineEntry[] {
  return entries.filter((e) => {
    if (e.deadline.status !== 'open') return false;
    const days = daysBetween(today, e.deadline.due);
    return days >= 0 && days <= windowDays && announced[String(e.deadline.id)] !== today;
  });
}

/** The notice for one deadline. */
export function noticeFor(e: DeadlineEntry, today: string): { title: string; body: string } {
  const days = daysBetween(today, e.deadline.due);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return {
    title: `Due ${when}: ${e.deadline.title}`,
    body: `${e.case_name}${e.proceeding ? ` (${e.proceeding})` : ''}, due ${formatEventDate(e.deadline.due)}`,
  };
}

/** Record `ids` as announced on `today`, forgetting days before today. */
export function remember(announced: Announced, ids: number[], today: string): Announced {
  const out: Announced = {};
  for (const [id, day] of Object.entries(announced)) if (day >= today) out[id] = day;
  for (const id of ids) out[String(id)] = today;
  return out;
}

/** Where the announced days are kept between runs of the app. */
export interface AnnouncedStore {
  load(): Announced;
  save(a: Announced): void;
}

const KEY = 'casetrail.deadline-notices';

/** The window's local storage (kept by the webview per app). */
export const localAnnouncedStore: AnnouncedStore = {
  load() {
    try {
      const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
      return typeof v === 'object' && v !== null ? (v as Announced) : {};
    } catch {
      return {};
    }
  },
  save(a) {
    try {
      localStorage.setItem(KEY, JSON.stringify(a));
    } catch {
      // Storage full or unavailable: at worst a notice repeats.
    }
  },
};

/**
 * One check: read the warning window and the deadlines, show a notice for
 * each one due, remember them. Returns how many notices were shown.
 */
export async function checkDeadlines(backend: Backend, store: AnnouncedStore, now: Date = new Date()): Promise<number> {
  const today = localDay(now);
  const [settings, entries] = await Promise.all([backend.getSettings(), backend.listDeadlines()]);
  let announced = store.load();
  const due = toAnnounce(entries, today, settings.deadline_warning_days, announced);
  const shown: number[] = [];
  for (const e of due) {
    const n = noticeFor(e, today);
    if (!(await backend.notify(n.title, n.body))) break; // not allowed: try again next time
    shown.push(e.deadline.id);
  }
  announced = remember(announced, shown, today);
  store.save(announced);
  return shown.length;
}
