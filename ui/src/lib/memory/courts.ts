// The courts the double knows: a few rows of the core's bundled table
// (assets/courts/federal.tsv and states.tsv), highest level first as `Store::courts` lists them.

import type { Court } from '../../bindings';

export const COURTS: readonly Court[] = [
  { id: 'scotus', name: 'Supreme Court of the United States', short_name: 'U.S. Supreme Court', level: 'supreme', system: 'federal', appeals_to: null },
  { id: 'ca1', name: 'United States Court of Appeals for the First Circuit', short_name: '1st Cir.', level: 'appellate', system: 'federal', appeals_to: 'scotus' },
  { id: 'ca2', name: 'United States Court of Appeals for the Second Circuit', short_name: '2d Cir.', level: 'appellate', system: 'federal', appeals_to: 'scotus' },
  { id: 'med', name: 'United States District Court for the District of Maine', short_name: 'D. Me.', level: 'trial', system: 'federal', appeals_to: 'ca1' },
  { id: 'nysd', name: 'United States District Court for the Southern District of New York', short_name: 'S.D.N.Y.', level: 'trial', system: 'federal', appeals_to: 'ca2' },
  { id: 'calsuperct', name: 'California Superior Court', short_name: 'Cal. Super. Ct.', level: 'trial', system: 'state:CA', appeals_to: 'calctapp' },
  { id: 'us-congress', name: 'United States Congress', short_name: 'U.S. Congress', level: 'legislature', system: 'legislative', appeals_to: null },
];

/** The court named by id or citation form (any letter case), as `courts::resolve_id` finds it. */
export function resolveCourt(courts: readonly Court[], key: string): Court | undefined {
  const k = key.trim();
  return courts.find((c) => c.id === k) ?? courts.find((c) => c.short_name.toLowerCase() === k.toLowerCase());
}

/** Where a court's proceedings come in a case: trial, appellate, supreme, the others. */
export function levelOrder(court: Court | undefined): number {
  switch (court?.level) {
    case 'trial':
    case 'bankruptcy':
      return 0;
    case 'appellate':
      return 1;
    case 'supreme':
      return 2;
    default:
      return 3;
  }
}
