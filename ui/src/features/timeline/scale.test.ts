import { describe, expect, it } from 'vitest';
import { dayNumber } from './dates';
import { fitScale, panBy, scaleDay, scaleX, ticks, zoomAt, MIN_SPAN_DAYS } from './scale';

const base = () => fitScale(dayNumber(2013, 12, 1), dayNumber(2018, 4, 30), 180, 1260);

describe('date scale', () => {
  it('maps days to pixels and back', () => {
    const s = base();
    const d = dayNumber(2014, 8, 1);
    expect(scaleDay(s, scaleX(s, d))).toBeCloseTo(d, 9);
  });

  it('zoom keeps the focal date fixed', () => {
    let s = base();
    const focalX = 517.3;
    const focal = scaleDay(s, focalX);
    for (const factor of [1.5, 3, 0.4, 10, 2]) {
      s = zoomAt(s, focalX, factor);
      expect(scaleDay(s, focalX)).toBeCloseTo(focal, 6);
    }
    // The span did shrink.
    expect(s.end - s.start).toBeLessThan(base().end - base().start);
  });

  it('zoom is clamped to a week', () => {
    const s = zoomAt(base(), 600, 1e9);
    expect(s.end - s.start).toBeCloseTo(MIN_SPAN_DAYS, 6);
  });

  it('pan moves the dates with the pointer', () => {
    const s = base();
    const d = scaleDay(s, 400);
    expect(scaleDay(panBy(s, 100), 500)).toBeCloseTo(d, 6);
  });

  it('ticks adapt from years to months to days', () => {
    let s = zoomAt(base(), 720, 1 / 1.8);
    expect(ticks(s).unit).toBe('year');
    expect(ticks(s).ticks.map((t) => t.label)).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020']);
    s = zoomAt(s, 600, 8);
    expect(ticks(s).unit).toBe('month');
    s = zoomAt(s, 600, 30);
    const t = ticks(s);
    expect(t.unit).toBe('day');
    // Ticks are in order and in view.
    for (let i = 1; i < t.ticks.length; i++) expect(t.ticks[i].day).toBeGreaterThan(t.ticks[i - 1].day);
  });
});
