import { describe, expect, it } from 'vitest';
import fixture from './fixtures/ireland.json';
import { dayNumber } from './dates';
import { hitTest } from './hit';
import { buildModel } from './layout';
import { fitScale, zoomAt } from './scale';
import type { TimelineData } from './types';
import { project } from './view';

const model = buildModel(fixture as TimelineData, [], { today: dayNumber(2026, 11, 26) });
const fit = fitScale(model.first, model.last, 190, 1262);
const view = project(model, fit, 1280, 470);

describe('hit testing', () => {
  it('finds the marker under the pointer, and nothing off the lanes', () => {
    const vacatur = view.markers[2].find((pm) => pm.marker.event.id === 37)!;
    const hit = hitTest(view, vacatur.x + 2, vacatur.y - 1);
    expect(hit?.type === 'marker' && hit.marker.event.id).toBe(37);
    expect(hitTest(view, vacatur.x, vacatur.y - 60 - 200)).toBeNull();
  });

  it('a wave answers for its briefs; a label for its marker; a badge for its cluster', () => {
    const wave = view.markers[1].find((pm) => pm.marker.shape === 'wave' && pm.marker.count === 21)!;
    const hit = hitTest(view, wave.x + 9, wave.y);
    expect(hit?.type === 'marker' && hit.marker.eventIds).toEqual([14, 15, 16, 17]);
    const label = view.labels.find((l) => l.marker?.event.id === 22)!;
    const onLabel = hitTest(view, label.left + label.width - 2, label.top + 5);
    expect(onLabel?.type === 'marker' && onLabel.marker.event.id).toBe(22);
    const badge = view.clusters[0];
    const onBadge = hitTest(view, badge.left + 3, badge.top + 3);
    expect(onBadge?.type).toBe('cluster');
  });

  it('a month-only event is hit anywhere over its month when zoomed in', () => {
    const m = model.markerOf.get(20)!; // reply brief, "2015-04"
    const s = zoomAt(fit, 190 + ((m.start - fit.start) / (fit.end - fit.start)) * 1072, 40);
    const v = project(model, s, 1280, 470);
    const pm = v.markers[1].find((p) => p.marker === m)!;
    expect(pm.x1 - pm.x0).toBeGreaterThan(100);
    const hit = hitTest(v, pm.x0 + 5, pm.y);
    expect(hit?.type === 'marker' && hit.marker.event.id).toBe(20);
  });
});
