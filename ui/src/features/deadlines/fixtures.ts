// Deadline entries for the tests.
import type { DeadlineEntry, DeadlineStatus } from '../../bindings';

let nextId = 1;
export function entry(
  due: string,
  status: DeadlineStatus = 'open',
  over: { case_id?: number; case_name?: string; tags?: string[]; title?: string; system?: string | null } = {},
): DeadlineEntry {
  const id = nextId++;
  return {
    deadline: {
      id,
      case_id: over.case_id ?? 1,
      proceeding_id: null,
      title: over.title ?? `Deadline ${id}`,
      rule: null,
      part: null,
      us_party: false,
      service: null,
      court_id: null,
      trigger_event: null,
      trigger_date: null,
      computed_due: null,
      computation: null,
      ordered_due: null,
      ordered_note: '',
      due,
      status,
      notes: '',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    },
    case_name: over.case_name ?? 'Acme v. Roe',
    proceeding: null,
    case_tags: over.tags ?? [],
    court_system: over.system === undefined ? 'federal' : over.system,
  };
}

