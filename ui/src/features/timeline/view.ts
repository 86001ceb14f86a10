// Projection of the model onto the screen for one scale and size: lane
// geometry, the markers in view with their pixel positions, placed labels,
// "+N" clusters, stay bars, appeal links, flags and axis ticks.

import { markerLabel } from './captions';
import { groupByPeriod, periodUnit, placeGroups } from './groups';
import { clusterHidden, labelCandidates, placeLabels, type LabelRequest } from './labels';
import { firstEndingAfter, type Flag, type Marker, type TimelineModel } from './layout';
import { pxPerDay, scaleDay, scaleX, ticks, type DateScale, type Tick, type TickUnit } from './scale';

export { flagTooltip, markerLabel, tooltipLines } from './captions';

/** Measures text in px; `bold` for the outcome of a ruling. */
export type Measure = (text: string, bold: boolean) => number;

/** A width estimate used where no canvas exists (tests, first layout). */
export const estimateWidth: Measure = (text, bold) => text.length * (bold ? 6.6 : 6.1);

/** Fixed sizes of the drawing, in CSS pixels. */
export const SIZES = {
  axisHeight: 28,
  rowHeight: 16,
  labelHeight: 14,
  /** Room under the lane line: marker halves, wave pills, the "+N" row. */
  below: 30,
  minLaneHeight: 92,
  maxRows: 7,
  /** A lane with this many markers in view counts its hidden labels per month or year (groups.ts). */
  denseLane: 40,
  fontSize: 11,
} as const;

export interface LaneBox {
  /** Index into model.lanes; -1 for the lane of deadlines tied to no proceeding. */
  lane: number;
  title: string;
  subtitle: string;
  top: number;
  height: number;
  lineY: number;
  rows: number;
}

export interface PlacedMarker {
  marker: Marker;
  /** Where the glyph is (mid-month for month-only dates). */
  x: number;
  /** The days covered, in px (a month bracket for month-only dates). */
  x0: number;
  x1: number;
  y: number;
}

export interface PlacedLabel {
  /** Bold part (a ruling's outcome), may be empty. */
  strong: string;
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  lane: number;
  row: number;
  /** The marker's x (leader line) and the lane line's y. */
  anchorX: number;
  lineY: number;
  marker?: Marker;
  flag?: Flag;
  priority: number;
}

export interface PlacedCluster {
  laneBox: number;
  left: number;
  top: number;
  width: number;
  height: number;
  count: number;
  markers: Marker[];
  /** What the badge says ("+12", "+12 in Mar"). */
  text: string;
  /** Zoomed out, hidden labels are counted per month or year: that period, its span clipped to the plot. */
  period: { start: number; end: number; long: string; x0: number; x1: number } | null;
}

export interface PlacedStay {
  eventId: number;
  x0: number;
  x1: number;
  y: number;
  inEffect: boolean;
}

export interface PlacedAppeal {
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  fromEventId: number | null;
}

export interface PlacedFlag {
  flag: Flag;
  x: number;
  y: number;
}

export interface View {
  scale: DateScale;
  width: number;
  /** Total height the lanes need (may exceed the viewport). */
  height: number;
  gutter: number;
  lanes: LaneBox[];
  /** Markers in view, per lane box, in date order. */
  markers: PlacedMarker[][];
  labels: PlacedLabel[];
  clusters: PlacedCluster[];
  stays: PlacedStay[];
  appeals: PlacedAppeal[];
  flags: PlacedFlag[];
  tickUnit: TickUnit;
  ticks: Tick[];
}

/** Width of the left gutter holding lane titles. */
export function gutterWidth(width: number): number {
  return Math.round(Math.min(190, Math.max(110, width * 0.15)));
}

/** The tallest a lane gets: its label rows, the room under its line, and a margin above. */
export function maxLaneHeight(): number {
  return SIZES.below + 14 + SIZES.maxRows * SIZES.rowHeight + 10;
}

/** The pixel height all lanes need for a given viewport height. */
export function laneBoxes(model: TimelineModel, height: number): LaneBox[] {
  const orphanFlags = model.flags.some((f) => f.lane < 0);
  const count = model.lanes.length + (orphanFlags ? 1 : 0);
  const avail = Math.max(0, height - SIZES.axisHeight - 4);
  // A lane is never taller than its rows of labels need: a one-court case gets
  // one lane of that height at the top, not one line at the bottom of a tall,
  // empty drawing (the canvas is as tall as its lanes).
  const laneHeight = Math.max(SIZES.minLaneHeight, Math.min(maxLaneHeight(), Math.floor(avail / Math.max(1, count))));
  const rows = Math.max(
    1,
    Math.min(SIZES.maxRows, Math.floor((laneHeight - SIZES.below - 14) / SIZES.rowHeight)),
  );
  const boxes: LaneBox[] = model.lanes.map((l, i) => ({
    lane: l.index,
    title: l.title,
    subtitle: l.subtitle,
    top: SIZES.axisHeight + i * laneHeight,
    height: laneHeight,
    lineY: 0,
    rows,
  }));
  if (orphanFlags) {
    boxes.push({
      lane: -1,
      title: 'Deadlines',
      subtitle: 'not tied to a proceeding',
      top: SIZES.axisHeight + model.lanes.length * laneHeight,
      height: laneHeight,
      lineY: 0,
      rows,
    });
  }
  for (const b of boxes) b.lineY = b.top + b.height - SIZES.below;
  return boxes;
}

/** The y of the text baseline row `row` above a lane line. */
export function rowTop(lineY: number, row: number): number {
  return lineY - 16 - SIZES.labelHeight - row * SIZES.rowHeight;
}

/** Project the model for a scale (whose x0/x1 are the plot edges) and a viewport. */
export function project(
  model: TimelineModel,
  scale: DateScale,
  width: number,
  height: number,
  measure: Measure = estimateWidth,
): View {
  const lanes = laneBoxes(model, height);
  const boxOfLane = new Map(lanes.map((b, i) => [b.lane, i]));
  const fromDay = scaleDay(scale, scale.x0 - 40);
  const toDay = scaleDay(scale, scale.x1 + 40);

  const markers: PlacedMarker[][] = lanes.map(() => []);
  model.markersByLane.forEach((list, laneIndex) => {
    const bi = boxOfLane.get(laneIndex);
    if (bi === undefined) return;
    const y = lanes[bi].lineY;
    const out = markers[bi];
    const k = (scale.x1 - scale.x0) / (scale.end - scale.start);
    for (let i = firstEndingAfter(list, fromDay); i < list.length && list[i].start < toDay; i++) {
      const m = list[i];
      if (m.end <= fromDay) continue;
      const x0 = scale.x0 + (m.start - scale.start) * k;
      const x1 = scale.x0 + (m.end - scale.start) * k;
      out.push({ marker: m, x: (x0 + x1) / 2, x0, x1, y });
    }
  });

  const flags: PlacedFlag[] = [];
  for (const f of model.flags) {
    if (f.day < fromDay || f.day > toDay) continue;
    const bi = boxOfLane.get(f.lane);
    if (bi === undefined) continue;
    flags.push({ flag: f, x: scaleX(scale, f.day), y: lanes[bi].lineY });
  }

  const labels: PlacedLabel[] = [];
  const clusters: PlacedCluster[] = [];
  const badgeWidth = (n: number) => measure(`+${n}`, true) + 10;
  // Zoomed out, what a dense lane hides is counted per month or year (groups.ts).
  const unit = periodUnit(pxPerDay(scale));
  lanes.forEach((box, bi) => {
    const reqs: LabelRequest[] = [];
    const parts: { strong: string; text: string; marker?: Marker; flag?: Flag }[] = [];
    const lane = markers[bi];
    const keep = labelCandidates(lane, box.rows);
    // Request index per marker, or -1 when it is no candidate.
    const reqOf = new Int32Array(lane.length).fill(-1);
    // Markers just outside the plot (drawn half-visible at its edges) get no label.
    const inPlot = (pm: PlacedMarker) => pm.x >= scale.x0 && pm.x <= scale.x1;
    lane.forEach((pm, k) => {
      if (!keep[k] || !inPlot(pm)) return;
      const p = markerLabel(pm.marker);
      reqOf[k] = reqs.length;
      reqs.push({
        x: pm.x,
        width: Math.ceil((p.strong ? measure(p.strong, true) : 0) + measure(p.text, false)) + 2,
        priority: pm.marker.priority,
        order: pm.marker.start,
      });
      parts.push({ strong: p.strong, text: p.text, marker: pm.marker });
    });
    for (const pf of flags) {
      if (pf.y !== box.lineY) continue;
      reqs.push({ x: pf.x, width: Math.ceil(measure(pf.flag.label, false)) + 2, priority: pf.flag.priority, order: pf.flag.day });
      parts.push({ strong: '', text: pf.flag.label, flag: pf.flag });
    }
    const placed = placeLabels(reqs, box.rows, scale.x0, scale.x1);
    // Hidden labels in date order (so already sorted by x), then hidden flags.
    const hiddenX: number[] = [];
    const hiddenDay: number[] = [];
    const hiddenId: number[] = [];
    for (let k = 0; k < lane.length; k++) {
      const r = reqOf[k];
      if ((r >= 0 && !placed[r].hidden) || !inPlot(lane[k])) continue;
      hiddenX.push(lane[k].x);
      hiddenDay.push(lane[k].marker.start);
      hiddenId.push(k);
    }
    placed.forEach((p, i) => {
      if (p.hidden) {
        const flag = parts[i].flag;
        if (flag) {
          hiddenX.push(reqs[i].x);
          hiddenDay.push(flag.day);
          hiddenId.push(-1);
        }
        return;
      }
      const top = rowTop(box.lineY, p.row);
      labels.push({
        strong: parts[i].strong,
        text: parts[i].text,
        left: p.left,
        top,
        width: reqs[i].width,
        height: SIZES.labelHeight,
        lane: bi,
        row: p.row,
        anchorX: reqs[i].x,
        lineY: box.lineY,
        marker: parts[i].marker,
        flag: parts[i].flag,
        priority: reqs[i].priority,
      });
    });
    const memberOf = (k: number) => (k < 0 ? undefined : lane[k].marker);
    const members = (ids: number[]) => ids.map(memberOf).filter((m): m is Marker => m !== undefined);
    const top = box.lineY + 12;
    if (unit !== null && lane.length >= SIZES.denseLane && hiddenDay.length > 0) {
      const groups = groupByPeriod(hiddenDay, hiddenId, unit);
      for (const b of placeGroups(groups, (d) => scaleX(scale, d), (t) => measure(t, true), scale.x0, scale.x1)) {
        const g = b.group;
        clusters.push({
          laneBox: bi,
          left: b.left,
          top,
          width: b.width,
          height: 14,
          count: g.count,
          markers: members(g.members),
          text: b.text,
          period: { start: g.start, end: g.end, long: g.long, x0: b.x0, x1: b.x1 },
        });
      }
      return;
    }
    for (const c of clusterHidden(hiddenX, hiddenId, badgeWidth, scale.x0, scale.x1)) {
      clusters.push({
        laneBox: bi,
        left: c.x,
        top,
        width: c.width,
        height: 14,
        count: c.count,
        markers: members(c.members),
        text: `+${c.count}`,
        period: null,
      });
    }
  });

  const stays: PlacedStay[] = [];
  for (const s of model.stays) {
    if (s.end < fromDay || s.start > toDay) continue;
    const bi = boxOfLane.get(s.lane);
    if (bi === undefined) continue;
    stays.push({
      eventId: s.eventId,
      x0: scaleX(scale, s.start),
      x1: Math.max(scaleX(scale, s.end), scaleX(scale, s.start) + 3),
      y: lanes[bi].lineY - 12,
      inEffect: s.inEffect,
    });
  }

  const appeals: PlacedAppeal[] = [];
  for (const a of model.appeals) {
    const fb = boxOfLane.get(a.fromLane);
    const tb = boxOfLane.get(a.toLane);
    if (fb === undefined || tb === undefined) continue;
    if (Math.max(a.fromDay, a.toDay) < fromDay || Math.min(a.fromDay, a.toDay) > toDay) continue;
    appeals.push({
      fromX: scaleX(scale, a.fromDay),
      fromY: lanes[fb].lineY + 7,
      toX: scaleX(scale, a.toDay),
      toY: lanes[tb].lineY - 8,
      fromEventId: a.fromEventId,
    });
  }

  const t = ticks(scale, 72);
  const last = lanes[lanes.length - 1];
  return {
    scale,
    width,
    height: last ? last.top + last.height : SIZES.axisHeight,
    gutter: scale.x0,
    lanes,
    markers,
    labels,
    clusters,
    stays,
    appeals,
    flags,
    tickUnit: t.unit,
    ticks: t.ticks,
  };
}

/**
 * The first `cap` markers in view in date order (merging the lanes), and how
 * many there are in all: the accessible list of what the canvas shows.
 */
export function markersInView(view: View, cap: number): { items: Marker[]; total: number } {
  const lanes = view.markers;
  const heads = lanes.map(() => 0);
  const items: Marker[] = [];
  let total = 0;
  for (const lane of lanes) total += lane.length;
  while (items.length < cap) {
    let best = -1;
    for (let l = 0; l < lanes.length; l++) {
      const h = heads[l];
      if (h >= lanes[l].length) continue;
      if (best < 0 || lanes[l][h].marker.start < lanes[best][heads[best]].marker.start) best = l;
    }
    if (best < 0) break;
    items.push(lanes[best][heads[best]].marker);
    heads[best] += 1;
  }
  return { items, total };
}
