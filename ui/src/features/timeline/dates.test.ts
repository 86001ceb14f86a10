import { describe, expect, it } from 'vitest';
import { civil, dayNumber, parseEventDate } from './dates';

describe('event dates', () => {
  it('day numbers agree with the calendar', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2014, 8, 1], [2000, 2, 29], [2018, 12, 31], [1899, 3, 1]]) {
      expect(dayNumber(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(civil(dayNumber(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
    expect(dayNumber(2014, 13, 1)).toBe(dayNumber(2015, 1, 1));
  });

  it('a month-only date covers the whole month, not a fake day', () => {
    const r = parseEventDate('2014-06');
    expect(r).toEqual({ start: dayNumber(2014, 6, 1), end: dayNumber(2014, 7, 1), monthOnly: true });
    expect(parseEventDate('2016-02')!.end - parseEventDate('2016-02')!.start).toBe(29);
    expect(parseEventDate('2014-06-10')).toEqual({ start: dayNumber(2014, 6, 10), end: dayNumber(2014, 6, 11), monthOnly: false });
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', '2014', '2014-13', '2014-02-30', '2015-02-29', '14-06-01', '2014/06/01', 'soon']) {
      expect(parseEventDate(bad)).toBeNull();
    }
  });
});
