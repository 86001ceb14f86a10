// The double's sample case: a small part of the bundled Microsoft–Ireland case
// (assets/demo/), enough to work on the UI alone (`npm run dev`) and for tests.

import type { Loaded, NewEvent } from '../../bindings';
import { addCase, addProceeding } from './cases';
import { copy, type Database } from './database';
import { logEvent } from './docket';

export function loadDemo(db: Database): Loaded {
  const existing = db.cases.find((c) => c.slug === 'microsoft-ireland');
  if (existing) return { case: copy(existing), created: false, proceedings: 0, events: 0 };
  const c = addCase(db, {
    slug: 'microsoft-ireland',
    name: 'Microsoft–Ireland email warrant',
    summary: 'Whether a U.S. warrant reaches e-mail stored in Ireland.',
  });
  const blank = { docket_aliases: [], opened_on: null, closed_on: null };
  const sdny = addProceeding(db, c.id, { ...blank, court_id: 'nysd', docket_number: '13 Mag. 2814', caption: 'In re Warrant', opened_on: '2013-12-04' });
  const ca2 = addProceeding(db, c.id, { ...blank, court_id: 'ca2', docket_number: '14-2985', caption: 'Microsoft Corp. v. United States' });
  const scotus = addProceeding(db, c.id, {
    ...blank,
    court_id: 'scotus',
    docket_number: '17-2',
    caption: 'United States v. Microsoft Corp.',
    opened_on: '2017-06-23',
    closed_on: '2018-04-17',
  });
  const ruling = { description: '', entry: null, side: null, filers: [], source: '', certainty: 'confirmed', kind: 'ruling' } satisfies Partial<NewEvent>;
  const events: NewEvent[] = [
    { ...ruling, proceeding_id: sdny.id, date: '2014-04-25', title: 'Magistrate judge denies motion to quash', outcome: 'denied' },
    { ...ruling, proceeding_id: ca2.id, date: '2016-07-14', title: 'Second Circuit reverses', outcome: 'reversed' },
    { ...ruling, proceeding_id: scotus.id, date: '2018-04-17', title: 'Vacated as moot after the CLOUD Act', outcome: 'vacated_as_moot' },
  ];
  for (const e of events) logEvent(db, e);
  return { case: copy(db.case(c.id)), created: true, proceedings: 3, events: events.length };
}
