// Which of a lane's events the reading list shows. A docket can hold thousands
// of entries; building a row for each would stall the window for seconds (the
// 10,000-event benchmark took 7 s in WebKit), so a lane shows its latest
// `limit` events, and any earlier event that is selected, with a button for
// the rest.

/** Events shown per lane before the user asks for more. */
export const LANE_LIMIT = 100;

export interface LaneWindow<T> {
  /** The events shown, in date order. */
  shown: T[];
  /** How many earlier events are not shown. */
  hidden: number;
}

/**
 * The tail of `events` (in date order) of length `limit`, stretched back to
 * include the event whose id is `selected` if it is earlier.
 */
export function laneWindow<T extends { id: unknown }>(
  events: T[],
  limit: number,
  selected: unknown = null,
): LaneWindow<T> {
  let start = Math.max(0, events.length - Math.max(0, limit));
  if (selected !== null && selected !== undefined) {
    const at = events.findIndex((e) => e.id === selected);
    if (at >= 0 && at < start) start = at;
  }
  return { shown: events.slice(start), hidden: start };
}
