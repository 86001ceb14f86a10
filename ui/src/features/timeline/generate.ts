// A synthetic case timeline of any size, for the 10k-event benchmark and the
// dev harness. Deterministic for a given seed.

import { civil, dayNumber } from './dates';
import type { TimelineData, TimelineEvent, TimelineProceeding } from './types';

const KINDS = [
  'motion', 'brief', 'response', 'reply', 'letter', 'filing', 'ruling', 'argument',
  'hearing', 'amicus_brief', 'amicus_brief', 'petition', 'notice_of_appeal', 'conference',
];
const OUTCOMES = ['granted', 'denied', 'affirmed', 'reversed', 'vacated_as_moot', 'dismissed'];
const COURTS = ['S.D.N.Y.', '2d Cir.', 'U.S.', 'Congress'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `n` events over ten years across four proceedings. */
export function generateTimeline(n: number, seed = 42): TimelineData {
  const rand = rng(seed);
  const proceedings: TimelineProceeding[] = COURTS.map((court, i) => ({
    id: i + 1,
    court_id: court.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    court,
    docket_number: `${10 + i}-${1000 + i * 7}`,
    docket_aliases: [],
    caption: `Synthetic v. Generated (${court})`,
    appeal_from: i > 0 && i < 3 ? i : null,
    appeal_from_event: null,
  }));
  const first = dayNumber(2010, 1, 1);
  const events: TimelineEvent[] = [];
  for (let i = 0; i < n; i++) {
    const lane = Math.min(3, Math.floor(rand() * rand() * 4.5));
    const day = first + Math.floor(rand() * 3650);
    const c = civil(day);
    const kind = lane === 3 ? 'statute' : KINDS[Math.floor(rand() * KINDS.length)];
    const monthOnly = rand() < 0.05;
    const stay = rand() < 0.002;
    events.push({
      id: i + 1,
      proceeding_id: lane + 1,
      date: monthOnly ? `${c.year}-${pad(c.month)}` : `${c.year}-${pad(c.month)}-${pad(c.day)}`,
      kind: stay ? 'stay' : kind,
      title: `${kind.replace(/_/g, ' ')} number ${i + 1} in the synthetic record`,
      outcome: kind === 'ruling' ? OUTCOMES[Math.floor(rand() * OUTCOMES.length)] : null,
      side: kind === 'amicus_brief' ? (rand() < 0.5 ? 'petitioner' : 'respondent') : null,
      stay: stay
        ? { granted_on: `${c.year}-${pad(c.month)}-${pad(c.day)}`, lifted_on: null, lifted_by: null, status: 'in_effect' }
        : null,
      parties: kind === 'amicus_brief' ? [{ name: `Amicus ${i + 1}`, role: 'amicus' }] : [],
      judges: [],
      source: 'generated',
      certainty: 'confirmed',
      tags: [],
      court: COURTS[lane],
      court_id: proceedings[lane].court_id,
      docket: proceedings[lane].docket_number,
    });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  return {
    case: { id: 1, slug: 'synthetic', name: `Synthetic case (${n} events)`, summary: '' },
    proceedings,
    events,
  };
}
