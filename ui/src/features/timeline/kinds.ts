// Which glyph each kind of docket event is drawn with, and whose label wins
// when labels compete for room (rulings first).

import type { TimelineEvent } from './types';

/** How a marker is drawn. */
export type MarkerShape = 'ruling' | 'filing' | 'argument' | 'statute' | 'stay' | 'wave' | 'other';

const SHAPES = new Map<string, MarkerShape>([
  ['ruling', 'ruling'],
  ['mandate', 'ruling'],
  // Kinds read from imported docket text.
  ['order', 'ruling'],
  ['judgment', 'ruling'],
  ['minute_entry', 'argument'],
  ...['stipulation', 'transcript', 'summons', 'appearance'].map((k): [string, MarkerShape] => [k, 'filing']),
  ['argument', 'argument'],
  ['hearing', 'argument'],
  ['conference', 'argument'],
  ['statute', 'statute'],
  ['statement', 'statute'],
  ['stay', 'stay'],
  ['amicus_brief', 'wave'],
  ...['complaint', 'petition', 'motion', 'response', 'reply', 'brief', 'objection', 'notice_of_appeal', 'letter', 'filing', 'warrant'].map(
    (k): [string, MarkerShape] => [k, 'filing'],
  ),
]);

/** The shape a kind of event is drawn with. */
export function shapeOf(kind: string): MarkerShape {
  return SHAPES.get(kind) ?? 'other';
}

/** Label priority: rulings first, then statutes, stays, waves, arguments, petitions, other filings. */
export function priorityOf(e: TimelineEvent, shape: MarkerShape = shapeOf(e.kind)): number {
  switch (shape) {
    case 'ruling':
      // An order with no outcome read from it ("TEXT ORDER") yields to rulings that decide something.
      return e.kind === 'order' && !e.outcome ? 75 : 100;
    case 'statute':
      return 90;
    case 'stay':
      return 85;
    case 'wave':
      return 70;
    case 'argument':
      return 60;
    case 'filing':
      return e.kind === 'petition' || e.kind === 'notice_of_appeal' ? 50 : 30;
    default:
      return 20;
  }
}
