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

/** Day number of a calendar date (month 1–12, may overflow into the next year). */
export function dayNumber(year: number, month: number, day: number): number {
  // Days from civil (H. Hinnant), integer-only: no Date objects on the hot path.
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m0 + (m0 > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Parse "YYYY-MM-DD" or "YYYY-MM"; null when it is neither or no such day. */
export function parseEventDate(raw: string): DayRange | null {
  const text = raw.length === 10 || raw.length === 7 ? raw : raw.trim();
  if ((text.length !== 10 && text.length !== 7) || text[4] !== '-') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  if (year < 0 || month < 1 || month > 12) return null;
  if (text.length === 7) {
    const start = dayNumber(year, month, 1);
    return { start, end: start + daysInMonth(year, month), monthOnly: true };
  }
  if (text[7] !== '-') return null;
  const day = digits(text, 8, 2);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const start = dayNumber(year, month, day);
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
