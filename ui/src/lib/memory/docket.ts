// Docket events in the double, after crates/store/src/events.rs and the checks the
// core makes on a NewEvent: the date (model/date.rs), the closed word lists
// (the `vocabulary!` macro's FromStr) and `NewEvent::validate`.

import type { DocketEvent, EventId, NewEvent, ProceedingId } from '../../bindings';
import { CERTAINTIES, EVENT_KINDS, OUTCOMES, SIDES, isFiling, words } from '../vocabulary';
import { binary, copy, invalid, type Database } from './database';

/** An event date as `EventDate::from_str` reads it (`YYYY-MM-DD` or `YYYY-MM`), or its error. */
export function parseEventDate(text: string): string {
  const s = text.trim();
  const bad = () => invalid(`bad date ${JSON.stringify(s)}: expected YYYY-MM-DD, or YYYY-MM when only the month is known`);
  const parts = s.split('-');
  const wellFormed =
    (parts.length === 2 && parts[0].length === 4 && parts[1].length === 2) ||
    (parts.length === 3 && parts[0].length === 4 && parts[1].length === 2 && parts[2].length === 2);
  if (!wellFormed || !parts.every((p) => /^[0-9]*$/.test(p))) throw bad();
  const [y, m, d] = parts.map(Number);
  if (parts.length === 2) {
    if (m < 1 || m > 12) throw bad();
    return s;
  }
  const last = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
  if (d < 1 || d > last) throw invalid(`${s} is not a day in the calendar`);
  return s;
}

/** One word of a closed list, spelled as the core accepts it, or the core's error naming the list. */
export function parseWord<K extends string>(table: Record<K, string>, what: string, value: string): K {
  const wanted = value.trim().toLowerCase().replace(/[- ]/g, '_');
  const all = words(table);
  const found = all.find((w) => w === wanted);
  if (found === undefined)
    throw invalid(`unknown ${what} ${JSON.stringify(value)}; expected one of: ${all.join(', ')}`);
  return found;
}

const byDate = (a: DocketEvent, b: DocketEvent) => binary(a.date, b.date) || a.id - b.id;

/** A proceeding's docket, oldest first (none for an unknown proceeding, as in the core). */
export function listEvents(db: Database, proceedingId: ProceedingId): DocketEvent[] {
  return copy(db.events.filter((e) => e.proceeding_id === proceedingId).sort(byDate));
}

export function getEvent(db: Database, eventId: EventId): DocketEvent {
  return copy(db.event(eventId));
}

/** The party named `name` (any letter case), created when new. */
function party(db: Database, name: string): { id: number; name: string } {
  const clean = name.trim();
  let p = db.parties.find((p) => p.name.toLowerCase() === clean.toLowerCase());
  if (!p) {
    p = { id: db.id(), name: clean };
    db.parties.push(p);
  }
  return p;
}

export function logEvent(db: Database, input: NewEvent): DocketEvent {
  // What deserialising a NewEvent checks, then NewEvent::validate, then the store.
  const date = parseEventDate(input.date);
  const kind = parseWord(EVENT_KINDS, 'event kind', input.kind);
  const outcome = input.outcome === null ? null : parseWord(OUTCOMES, 'outcome', input.outcome);
  const side = input.side === null ? null : parseWord(SIDES, 'side', input.side);
  const certainty = parseWord(CERTAINTIES, 'certainty', input.certainty);
  if (input.title.trim() === '') throw invalid('an event needs a title');
  if (outcome !== null && kind !== 'ruling') throw invalid(`only a ruling has an outcome (this event is a ${kind})`);
  if (side !== null && !isFiling(kind)) throw invalid(`only a filing supports a side (this event is a ${kind})`);
  if (input.filers.some((f) => f.trim() === '')) throw invalid("a filer's name is empty");
  const p = db.proceeding(input.proceeding_id);
  const now = db.now();
  const role = kind === 'amicus_brief' ? 'amicus' : 'filer';
  const parties: DocketEvent['parties'] = [];
  for (const name of input.filers) {
    const { id, name: stored } = party(db, name);
    if (!parties.some((x) => x.party_id === id)) parties.push({ party_id: id, name: stored, role });
  }
  const entry = input.entry?.trim() || null;
  const e: DocketEvent = {
    id: db.id(),
    proceeding_id: p.id,
    date,
    kind,
    title: input.title.trim(),
    description: input.description,
    entry,
    outcome,
    side,
    stay: kind === 'stay' ? { granted_on: date, lifted_on: null, lifted_by: null, status: 'in_effect' } : null,
    parties,
    judges: [],
    source: input.source,
    certainty,
    created_at: now,
    updated_at: now,
  };
  db.events.push(e);
  db.touchCase(p.case_id);
  return copy(e);
}
