import { describe, expect, it } from 'vitest';
import fixture from './fixtures/ireland.json';
import { dayNumber } from './dates';
import { buildModel, labelOf, markersIn, shortTitle } from './layout';
import { fitScale, zoomAt } from './scale';
import type { TimelineData } from './types';
import { gutterWidth, project, type View } from './view';

const data = fixture as TimelineData;
const TODAY = dayNumber(2026, 11, 26);
const model = buildModel(data, [], { today: TODAY });
const allMarkers = model.markersByLane.flat().sort((a, b) => a.start - b.start || a.lane - b.lane);

function viewAt(width: number, zoom = 1, focalDay?: number): View {
  const x0 = gutterWidth(width);
  let s = fitScale(model.first, model.last, x0, width - 18);
  if (zoom !== 1) {
    const fx = focalDay === undefined ? (s.x0 + s.x1) / 2 : s.x0 + ((focalDay - s.start) / (s.end - s.start)) * (s.x1 - s.x0);
    s = zoomAt(s, fx, zoom);
  }
  return project(model, s, width, 470);
}

describe('lanes', () => {
  it('one lane per proceeding, in the order given', () => {
    expect(model.lanes.map((l) => l.title)).toEqual(['S.D.N.Y.', '2d Cir.', 'U.S. Supreme Court', 'U.S. Congress']);
    expect(model.lanes[0].subtitle).toBe('13 Mag. 2814 · 13-MJ-2814');
    // Every event is drawn in its own proceeding's lane.
    for (const [i, lane] of model.markersByLane.entries()) {
      for (const m of lane) expect(m.event.proceeding_id).toBe(data.proceedings[i].id);
    }
    expect(model.undated).toEqual([]);
  });

  it('lanes stack top to bottom without overlapping', () => {
    const v = viewAt(1280);
    for (let i = 1; i < v.lanes.length; i++) {
      expect(v.lanes[i].top).toBeGreaterThanOrEqual(v.lanes[i - 1].top + v.lanes[i - 1].height);
    }
  });
});

describe('markers', () => {
  it('rulings are distinct and carry their outcome', () => {
    const rulings = allMarkers.filter((m) => m.shape === 'ruling');
    expect(rulings.map((m) => m.event.outcome)).toEqual([
      'denied', 'affirmed', 'granted', 'held_in_contempt', 'reversed_and_remanded', 'denied', 'granted', 'vacated_as_moot',
    ]);
    const vacatur = rulings[rulings.length - 1];
    expect(labelOf(vacatur).startsWith('Vacated as moot · ')).toBe(true);
    expect(allMarkers.find((m) => m.event.kind === 'statute')?.shape).toBe('statute');
    expect(allMarkers.find((m) => m.event.kind === 'argument')?.shape).toBe('argument');
  });

  it('a month-only event covers its month and is flagged, not put on a fake day', () => {
    const objections = model.markerOf.get(4)!; // "2014-06"
    expect(objections.monthOnly).toBe(true);
    expect(objections.start).toBe(dayNumber(2014, 6, 1));
    expect(objections.end).toBe(dayNumber(2014, 7, 1));
    const v = viewAt(1280, 6, dayNumber(2014, 6, 15));
    const placed = v.markers[0].find((p) => p.marker === objections)!;
    // Drawn as a bracket over the whole month, glyph mid-month.
    expect(placed.x1 - placed.x0).toBeGreaterThan(20);
    expect(placed.x).toBeCloseTo((placed.x0 + placed.x1) / 2, 6);
  });

  it('labels are short phrases', () => {
    expect(shortTitle('Solicitor General files petition for a writ of certiorari (United States v. Microsoft)')).toBe(
      'Solicitor General files petition for a…',
    );
    expect(shortTitle('Microsoft files (premature) notice of appeal from the July 31 order; a second follows')).toBe(
      'Microsoft files notice of appeal from…',
    );
    expect(shortTitle('CLOUD Act (Clarifying Lawful Overseas Use of Data Act) enacted')).toBe('CLOUD Act enacted');
    expect(shortTitle('Certiorari granted (583 U.S. ___ (2017))')).toBe('Certiorari granted');
    for (const m of allMarkers) expect(labelOf(m).length).toBeLessThanOrEqual(60);
  });
});

describe('stays', () => {
  it('span from granted to lifted', () => {
    expect(model.stays).toEqual([
      { lane: 0, eventId: 9, start: dayNumber(2014, 8, 1), end: dayNumber(2014, 8, 30), inEffect: false },
    ]);
  });

  it('a stay in effect runs to today', () => {
    const open = structuredClone(data);
    const stay = open.events.find((e) => e.id === 9)!;
    stay.stay = { granted_on: '2014-08-01', lifted_on: null, lifted_by: null, status: 'in_effect' };
    const m = buildModel(open, [], { today: TODAY });
    expect(m.stays[0]).toMatchObject({ start: dayNumber(2014, 8, 1), end: TODAY, inEffect: true });
  });
});

describe('amicus waves', () => {
  it('briefs of one day in one lane are one wave counting their filers', () => {
    const waves = allMarkers.filter((m) => m.shape === 'wave');
    expect(waves.map((w) => [w.event.date, w.lane, w.eventIds.length, w.count])).toEqual([
      ['2014-06', 0, 1, 5],
      ['2014-12-15', 1, 4, 21],
      ['2014-12-23', 1, 1, 1],
      ['2017-12-13', 2, 1, 7],
      ['2018-01-18', 2, 1, 16],
    ]);
    const dec15 = waves[1];
    expect(dec15.eventIds).toEqual([14, 15, 16, 17]);
    expect(dec15.filers.map((f) => f.name)).toContain('Electronic Frontier Foundation');
    expect(dec15.filers.every((f) => f.side === 'petitioner')).toBe(true);
    expect(dec15.label).toBe('21 amici (4 briefs)');
    // Each brief of the wave resolves to the wave marker.
    for (const id of dec15.eventIds) expect(model.markerOf.get(id)).toBe(dec15);
  });
});

describe('appeals', () => {
  it('link the ruling appealed to the start of the appellate lane', () => {
    expect(model.appeals).toEqual([
      { fromLane: 0, fromDay: dayNumber(2014, 9, 8), fromEventId: 12, toLane: 1, toDay: dayNumber(2014, 12, 8) },
      { fromLane: 1, fromDay: dayNumber(2016, 7, 14), fromEventId: 22, toLane: 2, toDay: dayNumber(2017, 6, 23) },
    ]);
  });
});

describe('deadline flags', () => {
  it('sit on their proceeding, or on a lane of their own', () => {
    const m = buildModel(
      data,
      [
        { id: 1, due: '2017-04-24', title: 'cert petition', status: 'superseded', proceeding_id: 3 },
        { id: 2, due: '2017-06-23', title: 'cert petition (extended)', status: 'done', proceeding_id: 3 },
        { id: 3, due: '2027-01-05', title: 'status report', status: 'open' },
        { id: 4, due: 'someday', title: 'bad', status: 'open' },
      ],
      { today: TODAY },
    );
    expect(m.flags.map((f) => [f.lane, f.deadline.status])).toEqual([
      [2, 'superseded'],
      [2, 'done'],
      [-1, 'open'],
    ]);
    const v = project(m, fitScale(m.first, m.last, 190, 1262), 1280, 470);
    expect(v.lanes.map((l) => l.lane)).toEqual([0, 1, 2, 3, -1]);
    expect(v.flags).toHaveLength(3);
  });
});

function assertNoOverlaps(v: View) {
  // Only markers inside the plot are labelled.
  for (const l of v.labels) {
    expect(l.anchorX).toBeGreaterThanOrEqual(v.scale.x0);
    expect(l.anchorX).toBeLessThanOrEqual(v.scale.x1);
  }
  const boxes = [
    ...v.labels.map((l) => ({ l: l.left, r: l.left + l.width, t: l.top, b: l.top + l.height, what: l.text })),
    ...v.clusters.map((c) => ({ l: c.left, r: c.left + c.width, t: c.top, b: c.top + c.height, what: `+${c.count}` })),
  ];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    expect(a.l).toBeGreaterThanOrEqual(v.scale.x0 - 0.001);
    expect(a.r).toBeLessThanOrEqual(v.scale.x1 + 0.001);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j];
      const hit = a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
      if (hit) throw new Error(`labels overlap: "${a.what}" and "${b.what}"`);
    }
  }
}

describe('label layout', () => {
  it('no labels overlap on the demo case, at any zoom', () => {
    for (const width of [900, 1280, 1600]) {
      for (const zoom of [1, 2, 4, 12, 40]) {
        assertNoOverlaps(viewAt(width, zoom, dayNumber(2014, 8, 15)));
        assertNoOverlaps(viewAt(width, zoom, dayNumber(2017, 12, 20)));
      }
    }
  });

  it('rulings are labelled first; the hidden rest are counted in "+N"', () => {
    const v = viewAt(900);
    const labelled = new Set(v.labels.map((l) => l.marker?.key));
    const hidden = v.clusters.reduce((s, c) => s + c.count, 0);
    const shown = v.markers.flat().length;
    expect(labelled.size + hidden).toBe(shown);
    const rulingsHidden = v.clusters.flatMap((c) => c.markers).filter((m) => m.shape === 'ruling').length;
    const othersShown = v.labels.filter((l) => l.marker && l.marker.shape !== 'ruling').length;
    // Rulings only go unlabelled when nothing else could be labelled either.
    if (rulingsHidden > 0) expect(othersShown).toBeLessThan(v.labels.length);
  });

  it('zoomed into August 2014 every S.D.N.Y. event is labelled', () => {
    const v = viewAt(1280, 30, dayNumber(2014, 8, 15));
    const inView = markersIn(model.markersByLane[0], v.scale.start, v.scale.end);
    const labelled = v.labels.filter((l) => l.lane === 0 && l.marker).map((l) => l.marker!.key);
    for (const m of inView) expect(labelled).toContain(m.key);
    expect(v.stays).toHaveLength(1);
  });
});

describe('odd input', () => {
  it('an empty case lays out without events', () => {
    const empty: TimelineData = { case: data.case, proceedings: [], events: [] };
    const m = buildModel(empty, [], { today: TODAY });
    expect(m.first).toBeLessThan(m.last);
    const v = project(m, fitScale(m.first, m.last, 190, 1262), 1280, 470);
    expect(v.lanes).toEqual([]);
    expect(v.labels).toEqual([]);
  });

  it('events with no readable date or unknown proceeding are set aside, not drawn', () => {
    const odd = structuredClone(data);
    odd.events[0].date = '2014-02-30';
    odd.events[1].proceeding_id = 99;
    const m = buildModel(odd, [], { today: TODAY });
    expect(m.undated.map((e) => e.id)).toEqual([1, 2]);
  });

  it('an appeal with no recorded ruling links from the lower court’s last ruling before it', () => {
    const odd = structuredClone(data);
    odd.proceedings[1].appeal_from_event = null;
    const m = buildModel(odd, [], { today: TODAY });
    expect(m.appeals[0]).toMatchObject({ fromLane: 0, fromEventId: 12, toLane: 1 });
  });
});
