// The deadlines view's logic, pure: what state a deadline is in today, how
// the list is grouped and filtered. Dates are "YYYY-MM-DD" (the due day);
// "today" is the user's local day.

import type { CaseId, DeadlineEntry } from '../../bindings';

/** The user's local day as "YYYY-MM-DD". */
export function localDay(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** Where a deadline stands today. */
export type DeadlineState = 'overdue' | 'today' | 'soon' | 'later' | 'done' | 'missed' | 'superseded';

export function deadlineState(entry: DeadlineEntry, today: string, windowDays: number): DeadlineState {
  const d = entry.deadline;
  if (d.status !== 'open') return d.status;
  const days = daysBetween(today, d.due);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  return days <= windowDays ? 'soon' : 'later';
}

/** How a state reads in the list. */
export const STATE_LABEL: Record<DeadlineState, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  soon: 'Due soon',
  later: 'Open',
  done: 'Done',
  missed: 'Missed',
  superseded: 'Superseded',
};

/** "in 3 days", "tomorrow", "today", "2 days ago". */
export function relativeDue(due: string, today: string): string {
  const n = daysBetween(today, due);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

/** Soonest first; ties by id (the order they were entered). */
export function soonestFirst(entries: DeadlineEntry[]): DeadlineEntry[] {
  return [...entries].sort(
    (a, b) => a.deadline.due.localeCompare(b.deadline.due) || a.deadline.id - b.deadline.id,
  );
}

/** The court system filter's value for deadlines without a listed court. */
export const NO_COURT = 'none';

export interface DeadlineFilter {
  caseId: CaseId | null;
  /** A case tag (any letter case), or null for all. */
  tag: string | null;
  /** A court system as the court list has it (`federal`, `state:CA`), `NO_COURT`, or null for all. */
  system?: string | null;
}

export function filterDeadlines(entries: DeadlineEntry[], f: DeadlineFilter): DeadlineEntry[] {
  const tag = f.tag?.trim().toLowerCase() || null;
  const system = f.system ?? null;
  return entries.filter(
    (e) =>
      (f.caseId === null || e.deadline.case_id === f.caseId) &&
      (tag === null || e.case_tags.some((t) => t.toLowerCase() === tag)) &&
      (system === null || (e.court_system ?? NO_COURT) === system),
  );
}

const STATES: Record<string, string> = {
  CA: 'California',
  NY: 'New York',
  TX: 'Texas',
  FL: 'Florida',
  IL: 'Illinois',
};

/** How a court system reads: "Federal courts", "California courts", "No court". */
export function systemName(system: string): string {
  if (system === NO_COURT) return 'No court';
  if (system === 'federal') return 'Federal courts';
  const state = system.startsWith('state:') ? system.slice('state:'.length) : null;
  if (state !== null) return `${STATES[state] ?? state} courts`;
  return system;
}

/** The court systems of the listed deadlines (federal first, then states by name), for the filter. */
export function systemsOf(entries: DeadlineEntry[]): { value: string; name: string }[] {
  const seen = new Set(entries.map((e) => e.court_system ?? NO_COURT));
  const rank = (v: string) => (v === 'federal' ? 0 : v === NO_COURT ? 2 : 1);
  return [...seen]
    .map((value) => ({ value, name: systemName(value) }))
    .sort((a, b) => rank(a.value) - rank(b.value) || a.name.localeCompare(b.name));
}

export interface DeadlineGroup {
  key: 'overdue' | 'upcoming' | 'later' | 'closed';
  title: string;
  entries: DeadlineEntry[];
}

/**
 * Open deadlines first (overdue, then those within the warning window, then
 * later ones), soonest first in each; then the closed ones (done, missed,
 * superseded), most recent due date first. Empty groups are left out.
 */
export function groupDeadlines(entries: DeadlineEntry[], today: string, windowDays: number): DeadlineGroup[] {
  const groups: DeadlineGroup[] = [
    { key: 'overdue', title: 'Overdue', entries: [] },
    { key: 'upcoming', title: `Due within ${windowDays} day${windowDays === 1 ? '' : 's'}`, entries: [] },
    { key: 'later', title: 'Later', entries: [] },
    { key: 'closed', title: 'Done, missed or superseded', entries: [] },
  ];
  const at = (k: DeadlineGroup['key']) => groups.find((g) => g.key === k)!;
  for (const e of soonestFirst(entries)) {
    const s = deadlineState(e, today, windowDays);
    if (s === 'overdue') at('overdue').entries.push(e);
    else if (s === 'today' || s === 'soon') at('upcoming').entries.push(e);
    else if (s === 'later') at('later').entries.push(e);
    else at('closed').entries.push(e);
  }
  at('closed').entries.reverse();
  return groups.filter((g) => g.entries.length > 0);
}

/** The cases that have deadlines, by name, for the case filter. */
export function casesOf(entries: DeadlineEntry[]): { id: CaseId; name: string }[] {
  const seen = new Map<CaseId, string>();
  for (const e of entries) seen.set(e.deadline.case_id, e.case_name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every case tag on the listed deadlines, sorted. */
export function tagsOf(entries: DeadlineEntry[]): string[] {
  const seen = new Map<string, string>();
  for (const e of entries) for (const t of e.case_tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The warning window typed by a person: a whole number of days, 0–365, or an error to show. */
export function parseWindow(text: string): { days: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: 'Enter a whole number of days (0 or more).' };
  const days = Number(t);
  if (days > 365) return { error: 'The warning window is at most 365 days.' };
  return { days };
}
