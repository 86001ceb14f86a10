// Hidden labels counted per month or year, and a one-court case's lane.
import { describe, expect, it } from 'vitest';
import { dayNumber } from './dates';
import { groupByPeriod, periodOf, periodUnit, placeGroups } from './groups';
import fixture from './fixtures/ireland.json';
import { buildModel } from './layout';
import { fitScale, scaleX, type DateScale } from './scale';
import type { TimelineData, TimelineEvent } from './types';
import { estimateWidth, maxLaneHeight, project, SIZES } from './view';

/** A one-court docket of `n` plain entries, `every` days apart from Jan 2, 2023. */
function docket(n: number, every = 4): TimelineData {
  const start = Date.UTC(2023, 0, 2);
  const events: TimelineEvent[] = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    proceeding_id: 1,
    date: new Date(start + i * every * 86_400_000).toISOString().slice(0, 10),
    kind: i % 17 === 0 ? 'order' : 'entry',
    title: `Docket entry number ${i + 1} with a longer description`,
    parties: [],
    judges: [],
    source: '',
    certainty: 'confirmed',
    tags: [],
    court: 'D.N.J.',
    court_id: 'njd',
    docket: '2:20-cv-01234',
    entry: String(i + 1),
  }));
  return {
    case: { id: 1, slug: 'x', name: 'X v. Y', summary: '' },
    proceedings: [
      { id: 1, court_id: 'njd', court: 'D.N.J.', docket_number: '2:20-cv-01234', caption: '', appeal_from: null, appeal_from_event: null },
    ],
    events,
  };
}

describe('periods', () => {
  it('chooses months, then years, as the view zooms out; nothing when zoomed in', () => {
    expect(periodUnit(20)).toBeNull(); // a month is 600 px
    expect(periodUnit(2)).toBe('month'); // 61 px
    expect(periodUnit(0.5)).toBe('year'); // a month 15 px, a year 183 px
    expect(periodUnit(0.05)).toBeNull(); // a year 18 px
  });

  it('knows the bounds and names of a month and a year', () => {
    const p = periodOf(dayNumber(2024, 2, 29), 'month');
    expect(p).toEqual({ start: dayNumber(2024, 2, 1), end: dayNumber(2024, 3, 1), short: 'Feb', long: 'February 2024' });
    expect(periodOf(dayNumber(2024, 12, 31), 'year')).toMatchObject({ start: dayNumber(2024, 1, 1), end: dayNumber(2025, 1, 1), short: '2024' });
    expect(periodOf(dayNumber(2024, 12, 31), 'month').end).toBe(dayNumber(2025, 1, 1));
  });

  it('counts hidden labels per period, in date order, whatever order they come in', () => {
    const days = [dayNumber(2024, 3, 5), dayNumber(2024, 3, 30), dayNumber(2024, 5, 1), dayNumber(2024, 3, 9)];
    const groups = groupByPeriod(days, [10, 11, 12, 13], 'month');
    expect(groups.map((g) => [g.short, g.count, g.members])).toEqual([
      ['Mar', 3, [10, 11, 13]],
      ['May', 1, [12]],
    ]);
  });

  it('centres each badge in its period, says which period when it fits, and never overlaps', () => {
    const scale: DateScale = { start: dayNumber(2024, 1, 1), end: dayNumber(2025, 1, 1), x0: 100, x1: 1100 };
    const days = Array.from({ length: 300 }, (_, i) => dayNumber(2024, 1, 1) + i);
    const groups = groupByPeriod(days, days.map((_, i) => i), 'month');
    const badges = placeGroups(groups, (d) => scaleX(scale, d), (t) => estimateWidth(t, true), scale.x0, scale.x1);
    expect(badges).toHaveLength(10);
    expect(badges[0].text).toBe('+31 in Jan');
    for (const b of badges) {
      expect(b.left).toBeGreaterThanOrEqual(b.x0);
      expect(b.left + b.width).toBeLessThanOrEqual(b.x1);
    }
    for (let i = 1; i < badges.length; i++) expect(badges[i].left).toBeGreaterThan(badges[i - 1].left + badges[i - 1].width);
    expect(badges.reduce((n, b) => n + b.group.count, 0)).toBe(300);
  });

  it('merges an edge period with no room of its own into its neighbour', () => {
    const scale: DateScale = { start: dayNumber(2024, 1, 1), end: dayNumber(2024, 3, 2), x0: 0, x1: 100 };
    const days = [dayNumber(2024, 1, 10), dayNumber(2024, 2, 10), dayNumber(2024, 3, 1)];
    const badges = placeGroups(groupByPeriod(days, [0, 1, 2], 'month'), (d) => scaleX(scale, d), (t) => estimateWidth(t, true), 0, 100);
    expect(badges.reduce((n, b) => n + b.group.count, 0)).toBe(3);
    expect(badges[badges.length - 1].left + badges[badges.length - 1].width).toBeLessThanOrEqual(100);
  });
});

describe('a sparse case', () => {
  it('keeps its "+N" badges beside the markers they stand for', () => {
    const model = buildModel(fixture as TimelineData, [], { today: dayNumber(2026, 11, 26) });
    const v = project(model, fitScale(model.first, model.last, 190, 1262), 1280, 470);
    expect(v.clusters.length).toBeGreaterThan(0);
    expect(v.clusters.every((c) => c.period === null && c.text === `+${c.count}`)).toBe(true);
  });
});

describe('a one-court docket of 160 entries', () => {
  const data = docket(160);
  const model = buildModel(data, [], { today: dayNumber(2026, 1, 1) });
  const fit = (width: number) => fitScale(model.first, model.last, 190, width - 18);

  it('draws its lane at the top, no taller than its labels need', () => {
    const v = project(model, fit(1280), 1280, 460);
    expect(v.lanes).toHaveLength(1);
    expect(v.lanes[0].top).toBe(SIZES.axisHeight);
    expect(v.lanes[0].height).toBe(maxLaneHeight());
    expect(v.height).toBeLessThan(460);
    expect(v.lanes[0].rows).toBe(SIZES.maxRows);
  });

  it('zoomed out, counts what it cannot label per month, and everything in view is labelled or counted', () => {
    const v = project(model, fit(1280), 1280, 460);
    expect(v.labels.length).toBeGreaterThan(20);
    expect(v.clusters.every((c) => c.period !== null)).toBe(true);
    const counted = v.clusters.reduce((n, c) => n + c.count, 0);
    expect(v.labels.length + counted).toBe(160);
    const months = v.clusters.map((c) => c.period!.long);
    expect(new Set(months).size).toBe(months.length);
    expect(months[0]).toMatch(/2023$/);
  });

  it('further out (ten years in view) counts per year', () => {
    const s = fitScale(dayNumber(2018, 1, 1), dayNumber(2028, 1, 1), 190, 1262);
    const v = project(model, s, 1280, 460);
    expect(v.clusters.map((c) => c.period?.long)).toEqual(['2023', '2024']);
  });

  it('zoomed in to a few weeks, hidden labels are counted where they crowd, not per month', () => {
    const s: DateScale = { start: dayNumber(2023, 3, 1), end: dayNumber(2023, 3, 22), x0: 190, x1: 1262 };
    const v = project(model, s, 1280, 460);
    expect(v.clusters.every((c) => c.period === null)).toBe(true);
  });
});
