// Deadlines and settings in the double, after crates/store/src/deadlines.rs (a
// deadline entered by hand, its status), agenda.rs (the list across cases)
// and settings.rs (the warning window).

import type { CaseId, Deadline, DeadlineEntry, DeadlineId, DeadlineStatus, ProceedingId, Settings } from '../../bindings';
import { binary, copy, invalid, type Database } from './database';

/** A deadline entered by hand (`Store::add_deadline(NewDeadline)`), plus what tests set directly. */
export interface NewDeadline {
  case_id: CaseId;
  proceeding_id?: ProceedingId | null;
  title: string;
  due: string;
  /** Not in the core's NewDeadline (it always starts open): for tests. */
  status?: DeadlineStatus;
  /** Not in the core's NewDeadline (derived deadlines have one): for tests. */
  computation?: Deadline['computation'];
}

const soonest = (a: Deadline, b: Deadline) => binary(a.due, b.due) || a.id - b.id;

export function addDeadline(db: Database, input: NewDeadline): Deadline {
  if (input.title.trim() === '') throw invalid('a deadline needs a title');
  db.case(input.case_id);
  const proceedingId = input.proceeding_id ?? null;
  if (proceedingId !== null && db.proceeding(proceedingId).case_id !== input.case_id)
    throw invalid(`proceeding #${proceedingId} belongs to another case`);
  const now = db.now();
  const d: Deadline = {
    id: db.id(),
    case_id: input.case_id,
    proceeding_id: proceedingId,
    title: input.title.trim(),
    rule: input.computation?.rule ?? null,
    part: null,
    us_party: false,
    service: null,
    court_id: null,
    trigger_event: null,
    trigger_date: null,
    computed_due: input.computation ? input.due : null,
    computation: input.computation ? copy(input.computation) : null,
    ordered_due: null,
    ordered_note: '',
    due: input.due,
    status: input.status ?? 'open',
    notes: '',
    created_at: now,
    updated_at: now,
  };
  db.deadlines.push(d);
  db.touchCase(input.case_id);
  return copy(d);
}

/** Every deadline, soonest first, with its case and proceeding names; only cases tagged `tag` when given. */
export function listDeadlines(db: Database, tag: string | null | undefined): DeadlineEntry[] {
  return db.deadlines
    .filter((d) => db.hasTag({ kind: 'case', id: d.case_id }, tag))
    .sort(soonest)
    .map((d) => {
      const p = d.proceeding_id === null ? undefined : db.proceedings.find((p) => p.id === d.proceeding_id);
      return {
        deadline: copy(d),
        case_name: db.case(d.case_id).name,
        proceeding: p ? `${p.court} ${p.docket_number}` : null,
        case_tags: db.tagNames({ kind: 'case', id: d.case_id }),
        court_system: (p && db.court(p.court_id)?.system) ?? null,
      };
    });
}

/** One case's deadlines, soonest first (none for an unknown case, as in the core). */
export function listCaseDeadlines(db: Database, caseId: CaseId): Deadline[] {
  return copy(db.deadlines.filter((d) => d.case_id === caseId).sort(soonest));
}

export function setDeadlineStatus(db: Database, deadlineId: DeadlineId, status: DeadlineStatus): Deadline {
  const d = db.deadline(deadlineId);
  if (d.status !== status) {
    d.status = status;
    d.updated_at = db.now();
  }
  return copy(d);
}

export function getSettings(db: Database): Settings {
  return copy(db.settings);
}

export function saveSettings(db: Database, settings: Settings): Settings {
  const days = settings.deadline_warning_days;
  // A u32 in the core: anything else fails to deserialise.
  if (!Number.isInteger(days) || days < 0) throw invalid('the warning window is a whole number of days');
  if (days > 365) throw invalid('the warning window is at most 365 days');
  db.settings = { deadline_warning_days: days };
  return copy(db.settings);
}
