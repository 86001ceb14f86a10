// The docket entry form's model: a draft of plain strings as typed, its
// validation (messages shown next to each field), and the NewEvent it becomes.
// The core validates again on save and stays the authority; this gives the
// paralegal the message before the round trip, next to the right field.

import type { EventKind, NewEvent, Outcome, ProceedingId, Side } from '../../bindings';
import { EVENT_KINDS, OUTCOMES, SIDES, isFiling } from '../../lib/vocabulary';

export interface EntryDraft {
  date: string;
  kind: EventKind | '';
  title: string;
  /** Filer names, separated by semicolons or new lines (names may contain commas). */
  filers: string;
  outcome: Outcome | '';
  side: Side | '';
  entry: string;
  source: string;
}

export type EntryField = keyof EntryDraft;
export type EntryErrors = Partial<Record<EntryField, string>>;

export function emptyDraft(): EntryDraft {
  return { date: '', kind: '', title: '', filers: '', outcome: '', side: '', entry: '', source: '' };
}

/** Whether the form shows the outcome field for this kind. */
export function hasOutcome(kind: EventKind | ''): boolean {
  return kind === 'ruling';
}

/** Whether the form shows the side field for this kind. */
export function hasSide(kind: EventKind | ''): boolean {
  return kind !== '' && isFiling(kind);
}

/** Whether the form shows the filers field for this kind. */
export function hasFilers(kind: EventKind | ''): boolean {
  return kind === '' || isFiling(kind);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** The message for a bad date, or null. Same rules as the core's EventDate. */
export function dateError(text: string): string | null {
  const s = text.trim();
  if (s === '') return 'Enter the date: YYYY-MM-DD, or YYYY-MM when only the month is known.';
  const day = DAY.exec(s);
  const month = day ? null : MONTH.exec(s);
  if (!day && !month) return 'Use YYYY-MM-DD, or YYYY-MM when only the month is known.';
  const [y, m, d] = (day ?? month)!.slice(1).map(Number);
  if (m < 1 || m > 12) return `${s} has no month ${m}.`;
  if (day) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d < 1 || d > last) return `${s} is not a day in the calendar.`;
  }
  return null;
}

export function splitFilers(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

/** Every problem with the draft, keyed by field; empty when it can be saved. */
export function validateEntry(d: EntryDraft): EntryErrors {
  const errors: EntryErrors = {};
  const date = dateError(d.date);
  if (date) errors.date = date;
  if (d.kind === '') errors.kind = 'Choose what happened.';
  else if (!(d.kind in EVENT_KINDS)) errors.kind = `Unknown kind “${d.kind}”.`;
  if (d.title.trim() === '') errors.title = 'Give the entry a title.';
  if (d.outcome !== '' && !(d.outcome in OUTCOMES)) errors.outcome = 'Unknown outcome.';
  if (d.outcome !== '' && d.kind !== '' && !hasOutcome(d.kind))
    errors.outcome = 'Only a ruling has an outcome.';
  if (d.side !== '' && !(d.side in SIDES)) errors.side = 'Unknown side.';
  if (d.side !== '' && d.kind !== '' && !hasSide(d.kind))
    errors.side = 'Only a filing supports a side.';
  if (d.kind === 'amicus_brief' && splitFilers(d.filers).length === 0)
    errors.filers = 'Name at least one amicus.';
  return errors;
}

export function isValid(errors: EntryErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** The command's input. Call only on a draft without errors. */
export function toNewEvent(d: EntryDraft, proceedingId: ProceedingId): NewEvent {
  if (d.kind === '') throw new Error('toNewEvent on a draft without a kind');
  return {
    proceeding_id: proceedingId,
    date: d.date.trim(),
    kind: d.kind,
    title: d.title.trim(),
    description: '',
    entry: d.entry.trim() === '' ? null : d.entry.trim(),
    outcome: hasOutcome(d.kind) && d.outcome !== '' ? d.outcome : null,
    side: hasSide(d.kind) && d.side !== '' ? d.side : null,
    filers: hasFilers(d.kind) ? splitFilers(d.filers) : [],
    source: d.source.trim(),
    certainty: 'confirmed',
  };
}
