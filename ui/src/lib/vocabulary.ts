// Human labels for the core's vocabularies (crates/model/src/*.rs `vocabulary!`).
// `satisfies Record<…>` makes the compiler fail here when the core adds a word
// and the regenerated bindings have it but this table does not.

import type { Certainty, EventKind, Outcome, PartyRole, Side } from '../bindings';

export const EVENT_KINDS = {
  complaint: 'Complaint',
  petition: 'Petition',
  motion: 'Motion',
  response: 'Response',
  reply: 'Reply',
  brief: 'Brief',
  amicus_brief: 'Amicus brief',
  objection: 'Objections',
  notice_of_appeal: 'Notice of appeal',
  letter: 'Letter',
  filing: 'Filing',
  warrant: 'Warrant',
  ruling: 'Ruling',
  stay: 'Stay',
  hearing: 'Hearing',
  argument: 'Oral argument',
  conference: 'Conference',
  mandate: 'Mandate',
  statute: 'Statute',
  statement: 'Public statement',
  order: 'Order',
  judgment: 'Judgment',
  stipulation: 'Stipulation',
  transcript: 'Transcript',
  minute_entry: 'Minute entry',
  summons: 'Summons',
  appearance: 'Notice of appearance',
  entry: 'Docket entry',
  other: 'Other',
} as const satisfies Record<EventKind, string>;

export const OUTCOMES = {
  granted: 'Granted',
  granted_in_part: 'Granted in part',
  denied: 'Denied',
  affirmed: 'Affirmed',
  affirmed_in_part: 'Affirmed in part',
  reversed: 'Reversed',
  reversed_and_remanded: 'Reversed and remanded',
  vacated: 'Vacated',
  vacated_and_remanded: 'Vacated and remanded',
  vacated_as_moot: 'Vacated as moot',
  remanded: 'Remanded',
  dismissed: 'Dismissed',
  dismissed_as_moot: 'Dismissed as moot',
  held_in_contempt: 'Held in contempt',
  other: 'Other',
} as const satisfies Record<Outcome, string>;

export const SIDES = {
  petitioner: 'Supports petitioner / appellant',
  respondent: 'Supports respondent / appellee',
  neither: 'Supports neither party',
} as const satisfies Record<Side, string>;

export const CERTAINTIES = {
  confirmed: 'Confirmed',
  likely: 'Likely',
  inferred: 'Inferred from a rule',
  unverified: 'Not yet verified',
} as const satisfies Record<Certainty, string>;

export const PARTY_ROLES = {
  plaintiff: 'Plaintiff',
  defendant: 'Defendant',
  movant: 'Movant',
  appellant: 'Appellant',
  appellee: 'Appellee',
  petitioner: 'Petitioner',
  respondent: 'Respondent',
  government: 'Government',
  amicus: 'Amicus curiae',
  intervenor: 'Intervenor',
  filer: 'Filer',
  other: 'Other',
} as const satisfies Record<PartyRole, string>;

/** Keys of a label table, in declaration order, typed as the vocabulary. */
export function words<K extends string>(table: Record<K, string>): K[] {
  return Object.keys(table) as K[];
}

/**
 * Filings made by parties or amici. Mirrors `EventKind::is_filing` in the core,
 * which stays the authority: this only decides whether the form offers "side".
 */
const FILINGS: ReadonlySet<EventKind> = new Set<EventKind>([
  'complaint',
  'petition',
  'motion',
  'response',
  'reply',
  'brief',
  'amicus_brief',
  'objection',
  'notice_of_appeal',
  'letter',
  'filing',
  'stipulation',
  'appearance',
]);

export function isFiling(kind: EventKind): boolean {
  return FILINGS.has(kind);
}
