// Calendar dates as whole UTC day numbers (days since 1970-01-01), so the
// timeline's arithmetic is integer and free of time zones.

const MS_PER_DAY = 86_400_000;

/** A parsed event date: the days it covers, [start, end). */
export interface DayRange {
  start: number;
  end: number;
  /** Whether only the month is known. */
  monthOnly: boolean;
}

/** Day number of a calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parse "YYYY-MM-DD" or "YYYY-MM"; null when it is neither. */
export function parseEventDate(text: string): DayRange | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) {
    const start = dayNumber(year, month, 1);
    return { start, end: dayNumber(year, month + 1, 1), monthOnly: true };
  }
  const day = Number(m[3]);
  const start = dayNumber(year, month, day);
  if (civil(start).day !== day) return null; // 2014-02-30
  return { start, end: start + 1, monthOnly: false };
}

/** Year, month (1–12) and day of a day number. */
export function civil(dayNum: number): { year: number; month: number; day: number } {
  const d = new Date(dayNum * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Today's day number (UTC). */
export function today(): number {
  return Math.floor(Date.now() / MS_PER_DAY);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Aug 1, 2014". */
export function formatDay(dayNum: number): string {
  const c = civil(dayNum);
  return `${MONTHS[c.month - 1]} ${c.day}, ${c.year}`;
}

/** "Aug 2014". */
export function formatMonth(dayNum: number): string {
  const c = civil(dayNum);
  return `${MONTHS[c.month - 1]} ${c.year}`;
}

/** "Aug 1" (no year). */
export function formatShortDay(dayNum: number): string {
  const c = civil(dayNum);
  return `${MONTHS[c.month - 1]} ${c.day}`;
}

/** A date range as people read it: a day, or a month when only that is known. */
export function formatRange(r: DayRange): string {
  return r.monthOnly ? `${formatMonth(r.start)} (day unknown)` : formatDay(r.start);
}

export const monthName = (month: number): string => MONTHS[month - 1];
