import { describe, expect, it } from 'vitest';
import { formatActivity, formatEventDate } from './format';

describe('formatEventDate', () => {
  it('reads days and month-only dates', () => {
    expect(formatEventDate('2014-04-25')).toBe('Apr 25, 2014');
    expect(formatEventDate('2014-06')).toBe('Jun 2014');
    expect(formatEventDate('garbage')).toBe('garbage');
  });
});

describe('formatActivity', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('is coarse and relative', () => {
    expect(formatActivity('2026-11-26T08:00:00Z', now)).toBe('today');
    expect(formatActivity('2026-11-25T08:00:00Z', now)).toBe('yesterday');
    expect(formatActivity('2026-11-20T12:00:00Z', now)).toBe('6 days ago');
    expect(formatActivity('2018-04-17T12:00:00Z', now)).toBe('Apr 17, 2018');
  });
});
