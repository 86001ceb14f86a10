// Hit testing on the drawn view: what is under a pointer.

import type { Flag, Marker } from './layout';
import { pillWidth } from './glyphs';
import { pxPerDay } from './scale';
import type { PlacedCluster, View } from './view';

export type Hit =
  | { type: 'marker'; marker: Marker; x: number; y: number }
  | { type: 'cluster'; cluster: PlacedCluster }
  | { type: 'flag'; flag: Flag; x: number; y: number };

const RADIUS = 9;

/** The thing under (px, py), nearest first: labels, "+N" badges, flags, markers. */
export function hitTest(view: View, px: number, py: number): Hit | null {
  for (const l of view.labels) {
    if (px >= l.left && px <= l.left + l.width && py >= l.top && py <= l.top + l.height) {
      if (l.marker) return { type: 'marker', marker: l.marker, x: l.anchorX, y: l.lineY };
      if (l.flag) return { type: 'flag', flag: l.flag, x: l.anchorX, y: l.lineY };
    }
  }
  for (const c of view.clusters) {
    if (px >= c.left && px <= c.left + c.width && py >= c.top && py <= c.top + c.height) {
      return { type: 'cluster', cluster: c };
    }
  }
  for (const f of view.flags) {
    if (Math.abs(px - f.x - 4) <= 7 && py <= f.y && py >= f.y - 22) return { type: 'flag', flag: f.flag, x: f.x, y: f.y };
  }
  const bi = view.lanes.findIndex((b) => Math.abs(py - b.lineY) <= RADIUS + 2);
  if (bi < 0) return null;
  const list = view.markers[bi];
  const monthPx = 31 * pxPerDay(view.scale);
  // Markers are in date order; their x0 grows with it. Find the first one whose
  // bracket could reach px, then scan the few near it.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].x0 < px - RADIUS - monthPx) lo = mid + 1;
    else hi = mid;
  }
  let best: { d: number; i: number } | null = null;
  for (let i = lo; i < list.length && list[i].x0 <= px + RADIUS + 24; i++) {
    const pm = list[i];
    const inBracket = pm.marker.monthOnly && px >= pm.x0 && px <= pm.x1;
    let d = inBracket ? Math.min(Math.abs(px - pm.x), RADIUS - 1) : Math.abs(px - pm.x);
    // A wave pill is hit anywhere over it (the first drawn wins a tie).
    if (pm.marker.shape === 'wave') d = Math.max(0, d - pillWidth(pm.marker.count) / 2);
    if (d <= RADIUS && (!best || d < best.d || (d === best.d && pm.marker.priority > list[best.i].marker.priority))) {
      best = { d, i };
    }
  }
  if (!best) return null;
  const pm = list[best.i];
  return { type: 'marker', marker: pm.marker, x: pm.x, y: pm.y };
}
