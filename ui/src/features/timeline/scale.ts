// A small linear date scale (no d3): day numbers to pixels and back, zoom
// about a focal point, pan, and ticks that adapt from years to months to days.

import { civil, dayNumber, monthName } from './dates';

/** Maps the days [start, end] onto the pixels [x0, x1]. */
export interface DateScale {
  start: number;
  end: number;
  x0: number;
  x1: number;
}

/** Shortest and longest visible spans (in days) zoom may reach. */
export const MIN_SPAN_DAYS = 7;
export const MAX_SPAN_DAYS = 365 * 200;

export function scaleX(s: DateScale, day: number): number {
  return s.x0 + ((day - s.start) / (s.end - s.start)) * (s.x1 - s.x0);
}

export function scaleDay(s: DateScale, x: number): number {
  return s.start + ((x - s.x0) / (s.x1 - s.x0)) * (s.end - s.start);
}

/** Pixels per day. */
export function pxPerDay(s: DateScale): number {
  return (s.x1 - s.x0) / (s.end - s.start);
}

/**
 * Zoom by `factor` (> 1 zooms in) keeping the date under pixel `focalX` where
 * it is. The span is clamped to [MIN_SPAN_DAYS, MAX_SPAN_DAYS].
 */
export function zoomAt(s: DateScale, focalX: number, factor: number): DateScale {
  const focal = scaleDay(s, focalX);
  const span = s.end - s.start;
  const next = Math.min(MAX_SPAN_DAYS, Math.max(MIN_SPAN_DAYS, span / factor));
  const k = next / span;
  return { ...s, start: focal - (focal - s.start) * k, end: focal + (s.end - focal) * k };
}

/** Shift the view by `dx` pixels (positive moves the content right). */
export function panBy(s: DateScale, dx: number): DateScale {
  const dd = (dx / (s.x1 - s.x0)) * (s.end - s.start);
  return { ...s, start: s.start - dd, end: s.end - dd };
}

/** A scale showing [first, last] with a margin of `pad` (fraction of the span) each side. */
export function fitScale(first: number, last: number, x0: number, x1: number, pad = 0.03): DateScale {
  const span = Math.max(MIN_SPAN_DAYS, last - first);
  const mid = (first + last) / 2;
  const half = (span * (1 + 2 * pad)) / 2;
  return { start: mid - half, end: mid + half, x0, x1 };
}

/** A tick: its day, whether it starts a bigger unit (drawn stronger), and its label. */
export interface Tick {
  day: number;
  major: boolean;
  label: string;
}

export type TickUnit = 'year' | 'month' | 'day';

interface TickLevel {
  unit: TickUnit;
  step: number;
  approxDays: number;
}

const LEVELS: TickLevel[] = [
  { unit: 'day', step: 1, approxDays: 1 },
  { unit: 'day', step: 2, approxDays: 2 },
  { unit: 'day', step: 7, approxDays: 7 },
  { unit: 'day', step: 14, approxDays: 14 },
  { unit: 'month', step: 1, approxDays: 30.4 },
  { unit: 'month', step: 3, approxDays: 91 },
  { unit: 'month', step: 6, approxDays: 182 },
  { unit: 'year', step: 1, approxDays: 365.25 },
  { unit: 'year', step: 2, approxDays: 730 },
  { unit: 'year', step: 5, approxDays: 1826 },
  { unit: 'year', step: 10, approxDays: 3652 },
  { unit: 'year', step: 25, approxDays: 9131 },
  { unit: 'year', step: 50, approxDays: 18262 },
];

/** The finest tick level whose ticks are at least `minPx` apart. */
export function tickLevel(s: DateScale, minPx = 64): TickLevel {
  const ppd = pxPerDay(s);
  return LEVELS.find((l) => l.approxDays * ppd >= minPx) ?? LEVELS[LEVELS.length - 1];
}

/** Ticks covering the view, adapted to the zoom. */
export function ticks(s: DateScale, minPx = 64): { unit: TickUnit; ticks: Tick[] } {
  const level = tickLevel(s, minPx);
  const out: Tick[] = [];
  const from = civil(Math.floor(s.start));
  const to = Math.ceil(s.end);
  if (level.unit === 'year') {
    let y = Math.floor(from.year / level.step) * level.step;
    for (; dayNumber(y, 1, 1) <= to; y += level.step) {
      out.push({ day: dayNumber(y, 1, 1), major: true, label: String(y) });
    }
  } else if (level.unit === 'month') {
    let m = from.year * 12 + Math.floor((from.month - 1) / level.step) * level.step;
    for (;; m += level.step) {
      const y = Math.floor(m / 12);
      const mo = (m % 12) + 1;
      const day = dayNumber(y, mo, 1);
      if (day > to) break;
      out.push({ day, major: mo === 1, label: mo === 1 ? String(y) : monthName(mo) });
    }
  } else {
    // Days: step through each month so ticks restart on the 1st.
    let y = from.year;
    let mo = from.month;
    for (;;) {
      const first = dayNumber(y, mo, 1);
      if (first > to) break;
      const next = dayNumber(y, mo + 1, 1);
      for (let d = 1; first + d - 1 < next; d += level.step) {
        if (level.step >= 7 && d > 1 && next - (first + d - 1) < level.step / 2) break;
        const day = first + d - 1;
        if (day > to) break;
        const label = d === 1 ? (mo === 1 ? `${y}` : `${monthName(mo)} ${y}`) : String(d);
        out.push({ day, major: d === 1, label });
      }
      mo += 1;
      if (mo > 12) {
        mo = 1;
        y += 1;
      }
    }
  }
  return { unit: level.unit, ticks: out.filter((t) => t.day >= s.start && t.day <= s.end) };
}
