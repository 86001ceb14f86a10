// Hidden labels grouped by calendar period. A dense lane zoomed out (a
// 160-entry docket over two years) hides most of its labels; rather than
// "+N" badges wherever markers happen to crowd, what is hidden is counted per
// month (or per year, further out), each badge centred on its period with a
// bracket spanning it, so the lane reads as "this much happened in March".
// Zoomed in, where a month is wider than the plot's useful grain, the
// proximity badges of labels.ts are used instead.

import { civil, dayNumber, monthName } from './dates';

export type PeriodUnit = 'month' | 'year';

/** One period's hidden labels. */
export interface PeriodGroup {
  unit: PeriodUnit;
  /** Days [start, end) of the period. */
  start: number;
  end: number;
  /** "Mar" or "2024": short, for the badge. */
  short: string;
  /** "March 2024" or "2024": for the tooltip. */
  long: string;
  count: number;
  /** What to report for each hidden label (ids given by the caller). */
  members: number[];
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * How to group at this zoom: by month when a month is at least `minPx` wide
 * (room for a badge) and at most `maxMonthPx` (beyond that the nearby "+N"
 * badges say more); by year when a year is at least `minPx`; else null.
 */
export function periodUnit(pxPerDay: number, minPx = 38, maxMonthPx = 360): PeriodUnit | null {
  const month = pxPerDay * 30.44;
  if (month > maxMonthPx) return null;
  if (month >= minPx) return 'month';
  if (pxPerDay * 365.25 >= minPx) return 'year';
  return null;
}

/** The period holding `day`. */
export function periodOf(day: number, unit: PeriodUnit): { start: number; end: number; short: string; long: string } {
  const c = civil(Math.floor(day));
  if (unit === 'year') {
    return { start: dayNumber(c.year, 1, 1), end: dayNumber(c.year + 1, 1, 1), short: String(c.year), long: String(c.year) };
  }
  const next = c.month === 12 ? dayNumber(c.year + 1, 1, 1) : dayNumber(c.year, c.month + 1, 1);
  return {
    start: dayNumber(c.year, c.month, 1),
    end: next,
    short: monthName(c.month),
    long: `${LONG_MONTHS[c.month - 1]} ${c.year}`,
  };
}

/** Group hidden labels (their days and ids) by period, in date order. */
export function groupByPeriod(days: ArrayLike<number>, ids: ArrayLike<number>, unit: PeriodUnit): PeriodGroup[] {
  const groups: PeriodGroup[] = [];
  // Days arrive nearly sorted (month-only markers sit mid-month, hidden flags
  // come last): look the period up among the last few groups before adding.
  const byStart = new Map<number, PeriodGroup>();
  let last: PeriodGroup | null = null;
  for (let k = 0; k < days.length; k++) {
    const day = days[k];
    let g: PeriodGroup | null | undefined = last && day >= last.start && day < last.end ? last : null;
    if (!g) {
      const p = periodOf(day, unit);
      g = byStart.get(p.start);
      if (!g) {
        g = { unit, ...p, count: 0, members: [] };
        byStart.set(p.start, g);
        groups.push(g);
      }
    }
    g.count += 1;
    g.members.push(ids[k]);
    last = g;
  }
  groups.sort((a, b) => a.start - b.start);
  return groups;
}

/** A group's badge on screen. */
export interface GroupBadge {
  group: PeriodGroup;
  left: number;
  width: number;
  text: string;
  /** The period's pixel span, clipped to the plot (for the bracket). */
  x0: number;
  x1: number;
}

const GAP = 4;

/**
 * Badges for the groups: centred on the visible part of their period, "+N in
 * Mar" when that fits in it, else "+N"; kept inside [minX, maxX]. Periods do
 * not overlap, so neither do badges, except where a clipped edge period is
 * narrower than its badge: such a badge is slid inside and, if it still
 * touches its neighbour, that neighbour is pushed on (or, at the far edge,
 * the two are merged).
 */
export function placeGroups(
  groups: PeriodGroup[],
  x: (day: number) => number,
  measure: (text: string) => number,
  minX: number,
  maxX: number,
): GroupBadge[] {
  const out: GroupBadge[] = [];
  for (const g of groups) {
    const x0 = Math.max(minX, x(g.start));
    const x1 = Math.min(maxX, x(g.end));
    if (x1 <= x0) continue;
    const long = `+${g.count} in ${g.short}`;
    const longWidth = measure(long) + 10;
    const text = longWidth <= x1 - x0 - GAP ? long : `+${g.count}`;
    const width = text === long ? longWidth : measure(text) + 10;
    let left = Math.max(minX, Math.min((x0 + x1) / 2 - width / 2, maxX - width));
    const prev = out[out.length - 1];
    if (prev && left < prev.left + prev.width + GAP) left = prev.left + prev.width + GAP;
    if (left + width > maxX && prev) {
      // No room left at the edge: count it with its neighbour.
      const merged: PeriodGroup = {
        ...prev.group,
        end: g.end,
        long: `${prev.group.long} – ${g.long}`,
        count: prev.group.count + g.count,
        members: [...prev.group.members, ...g.members],
      };
      const text2 = `+${merged.count}`;
      const w2 = measure(text2) + 10;
      out[out.length - 1] = { group: merged, left: Math.min(prev.left, maxX - w2), width: w2, text: text2, x0: prev.x0, x1 };
      continue;
    }
    out.push({ group: g, left, width, text, x0, x1 });
  }
  return out;
}
