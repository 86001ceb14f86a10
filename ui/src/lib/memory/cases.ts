// Cases and proceedings in the double, after crates/store/src/cases.rs,
// proceedings.rs, timeline.rs and the cases list of agenda.rs.

import type {
  Case,
  CaseId,
  CaseSummary,
  NewCase,
  NewProceeding,
  Proceeding,
  ProceedingId,
  Timeline,
  TimelineEvent,
} from '../../bindings';
import { levelOrder, resolveCourt } from './courts';
import { binary, copy, invalid, notFound, type Database } from './database';
import { newsCount } from './dockets';

/** `NewCase::validate`. */
function checkCase(input: NewCase): void {
  if (input.name.trim() === '') throw invalid('a case needs a name');
  if (!/^[a-z0-9-]+$/.test(input.slug))
    throw invalid(`case key ${JSON.stringify(input.slug)} must be lowercase letters, digits and dashes`);
}

/** `NewProceeding::validate`. */
function checkProceeding(input: NewProceeding): void {
  if (input.court_id.trim() === '') throw invalid('a proceeding needs a court');
  if (input.docket_number.trim() === '') throw invalid('a proceeding needs a docket number');
  if (input.opened_on && input.closed_on && input.closed_on < input.opened_on)
    throw invalid(`closed on ${input.closed_on} is before opened on ${input.opened_on}`);
}

function courtOf(db: Database, key: string) {
  const court = resolveCourt(db.courts, key);
  if (!court) throw notFound(`no court ${JSON.stringify(key)}; use a courts-db id such as nysd, ca2 or scotus`);
  return court;
}

/** Aliases as the store reads them back: trimmed, each once, in order. */
function aliases(list: readonly string[], dropEmpty: boolean): string[] {
  const trimmed = list.map((a) => a.trim()).filter((a) => !dropEmpty || a !== '');
  return [...new Set(trimmed)].sort(binary);
}

export function listCases(db: Database): Case[] {
  return copy([...db.cases].sort((a, b) => binary(b.updated_at, a.updated_at) || a.id - b.id));
}

export function addCase(db: Database, input: NewCase): Case {
  checkCase(input);
  if (db.cases.some((c) => c.slug === input.slug))
    throw invalid(`a case with the key ${JSON.stringify(input.slug)} already exists`);
  const now = db.now();
  const c: Case = { id: db.id(), slug: input.slug, name: input.name.trim(), summary: input.summary, created_at: now, updated_at: now };
  db.cases.push(c);
  return copy(c);
}

export function updateCase(db: Database, caseId: CaseId, input: NewCase): Case {
  checkCase(input);
  const c = db.case(caseId);
  const other = db.cases.find((x) => x.slug === input.slug && x.id !== caseId);
  if (other) throw invalid(`a case with the key ${JSON.stringify(input.slug)} already exists (#${other.id} ${other.name})`);
  const name = input.name.trim();
  if (c.slug !== input.slug || c.name !== name || c.summary !== input.summary) {
    Object.assign(c, { slug: input.slug, name, summary: input.summary, updated_at: db.now() });
  }
  return copy(c);
}

/** A case's proceedings, in the order a dispute climbs, then by opening date and id. */
function proceedingsOf(db: Database, caseId: CaseId): Proceeding[] {
  return db.proceedings
    .filter((p) => p.case_id === caseId)
    .sort(
      (a, b) =>
        levelOrder(db.court(a.court_id)) - levelOrder(db.court(b.court_id)) ||
        binary(a.opened_on ?? '', b.opened_on ?? '') ||
        a.id - b.id,
    );
}

/** The core answers an unknown case with no proceedings, not an error. */
export function listProceedings(db: Database, caseId: CaseId): Proceeding[] {
  return copy(proceedingsOf(db, caseId));
}

export function addProceeding(db: Database, caseId: CaseId, input: NewProceeding): Proceeding {
  checkProceeding(input);
  db.case(caseId);
  const court = courtOf(db, input.court_id);
  const docket = input.docket_number.trim();
  if (db.proceedings.some((p) => p.case_id === caseId && p.court_id === court.id && p.docket_number === docket))
    throw invalid(`the case already has docket ${docket} in ${court.id}`);
  const p: Proceeding = {
    id: db.id(),
    case_id: caseId,
    court_id: court.id,
    court: court.short_name,
    docket_number: docket,
    docket_aliases: aliases(input.docket_aliases, false),
    caption: input.caption,
    opened_on: input.opened_on,
    closed_on: input.closed_on,
    appeal_from: null,
    appeal_from_event: null,
  };
  db.proceedings.push(p);
  db.touchCase(caseId);
  return copy(p);
}

export function updateProceeding(db: Database, proceedingId: ProceedingId, input: NewProceeding): Proceeding {
  checkProceeding(input);
  const p = db.proceeding(proceedingId);
  const court = courtOf(db, input.court_id);
  const docket = input.docket_number.trim();
  if (db.proceedings.some((x) => x.id !== p.id && x.case_id === p.case_id && x.court_id === court.id && x.docket_number === docket))
    throw invalid(`the case already has docket ${docket} in ${court.id}`);
  const before = JSON.stringify(p);
  Object.assign(p, {
    court_id: court.id,
    court: court.short_name,
    docket_number: docket,
    docket_aliases: aliases(input.docket_aliases, true),
    caption: input.caption,
    opened_on: input.opened_on,
    closed_on: input.closed_on,
  });
  if (JSON.stringify(p) !== before) db.touchCase(p.case_id);
  return copy(p);
}

export function getTimeline(db: Database, caseId: CaseId): Timeline {
  const c = db.case(caseId);
  const proceedings = proceedingsOf(db, caseId);
  const events: TimelineEvent[] = db.events
    .filter((e) => proceedings.some((p) => p.id === e.proceeding_id))
    .sort((a, b) => binary(a.date, b.date) || a.id - b.id)
    .map((e) => {
      const p = proceedings.find((p) => p.id === e.proceeding_id)!;
      return { ...e, court: p.court, court_id: p.court_id, docket: p.docket_number, tags: db.tagNames({ kind: 'event', id: e.id }) };
    });
  return copy({ case: c, proceedings, events });
}

/** The cases list: next open deadline, last activity, tags; only cases tagged `tag` when given. */
export function listCaseSummaries(db: Database, tag: string | null | undefined): CaseSummary[] {
  return db.cases
    .filter((c) => db.hasTag({ kind: 'case', id: c.id }, tag))
    .map((c) => {
      const own = db.deadlines.filter((d) => d.case_id === c.id);
      const next = own
        .filter((d) => d.status === 'open')
        .sort((a, b) => binary(a.due, b.due) || a.id - b.id)[0];
      const last = own.map((d) => d.updated_at).reduce((a, b) => (b > a ? b : a), c.updated_at);
      return {
        case: copy(c),
        next_deadline: next ? { id: next.id, title: next.title, due: next.due } : null,
        last_activity: last,
        tags: db.tagNames({ kind: 'case', id: c.id }),
        news: newsCount(db, c.id),
      };
    })
    .sort((a, b) => binary(b.last_activity, a.last_activity) || a.case.id - b.case.id);
}
