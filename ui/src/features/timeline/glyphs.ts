// Markers and flags on the lane lines: glyphs by kind, amicus wave pills,
// month brackets, highlight rings. Batched by style (one path per style) and
// deduplicated per pixel so 10,000 events draw in a frame.

import { COLORS, BOLD, SHAPE_COLOR } from './theme';
import type { MarkerShape } from './layout';
import type { PlacedMarker, View } from './view';

export interface DrawState {
  /** Key of the marker showing the selected event. */
  selectedKey: string | null;
  hoverKey: string | null;
  focusKey: string | null;
  /** Key of the amicus wave whose filers are listed. */
  expandedKey?: string | null;
  /** Day number of today (a dashed line), or null. */
  today: number | null;
}

function glyph(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, grow = 0, dense = false): void {
  if (dense && shape !== 'ruling') {
    // Too many to tell apart: a square is as good as a circle and much cheaper.
    const r = shape === 'statute' ? 5 : 3.6;
    ctx.rect(x - r, y - r, 2 * r, 2 * r);
    return;
  }
  switch (shape) {
    case 'ruling': {
      const r = 6.5 + grow;
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      return;
    }
    case 'statute': {
      const r = 5 + grow;
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    }
    default: {
      const r = (shape === 'argument' ? 4.8 : 4.2) + grow;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
  }
}

/** Past this many glyphs of one style in view, circles are drawn as squares. */
const DENSE = 600;

/** Width of a wave pill showing `count`. */
export function pillWidth(count: number): number {
  return Math.max(16, String(count).length * 6.5 + 9);
}

export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

export function drawMarkers(ctx: CanvasRenderingContext2D, view: View, state: DrawState): void {
  const groups = new Map<string, PlacedMarker[]>();
  const waves: PlacedMarker[] = [];
  for (const lane of view.markers) {
    const lastX = new Map<string, number>();
    for (const pm of lane) {
      const m = pm.marker;
      if (m.shape === 'wave') {
        waves.push(pm);
        continue;
      }
      const key = `${m.shape}${m.monthOnly ? '~' : ''}`;
      const px = Math.round(pm.x);
      if (lastX.get(key) === px) continue; // same pixel, same glyph: drawn once
      lastX.set(key, px);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(pm);
    }
  }
  // Month brackets under the line: the month is what is known, not a day.
  for (const [key, list] of groups) {
    if (!key.endsWith('~')) continue;
    ctx.strokeStyle = SHAPE_COLOR[list[0].marker.shape];
    ctx.globalAlpha = 0.6;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (const pm of list) {
      const y = pm.y + 9;
      ctx.moveTo(pm.x0 + 1, y - 4);
      ctx.lineTo(pm.x0 + 1, y);
      ctx.lineTo(pm.x1 - 1, y);
      ctx.lineTo(pm.x1 - 1, y - 4);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  for (const [key, list] of groups) {
    const color = SHAPE_COLOR[list[0].marker.shape];
    const monthOnly = key.endsWith('~');
    const hollow = monthOnly || list[0].marker.shape === 'other';
    const dense = list.length > DENSE;
    ctx.beginPath();
    for (const pm of list) glyph(ctx, pm.marker.shape, pm.x, pm.y, 0, dense);
    if (hollow) {
      ctx.fillStyle = COLORS.bg;
      ctx.fill();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      if (monthOnly && list.length < 200) ctx.setLineDash([2, 2]); // dashes are costly in bulk
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = color;
      ctx.fill();
    }
  }
  // Waves: a pill with the number of filers where there is room, else a dot.
  const pills: PlacedMarker[] = [];
  const dots: PlacedMarker[] = [];
  let lastRight = -Infinity;
  let lastY = NaN;
  for (const pm of waves) {
    const w = pillWidth(pm.marker.count);
    if (pm.y !== lastY) lastRight = -Infinity;
    lastY = pm.y;
    if (pm.x - w / 2 < lastRight + 1) dots.push(pm);
    else {
      pills.push(pm);
      lastRight = pm.x + w / 2;
    }
  }
  ctx.fillStyle = COLORS.wave;
  ctx.beginPath();
  let lastDot = NaN;
  for (const pm of dots) {
    const px = Math.round(pm.x) * 1000 + pm.y;
    if (px === lastDot) continue;
    lastDot = px;
    glyph(ctx, 'wave', pm.x, pm.y, 0.8, dots.length > DENSE);
  }
  for (const pm of pills) roundRect(ctx, pm.x - pillWidth(pm.marker.count) / 2, pm.y - 8, pillWidth(pm.marker.count), 16, 8);
  ctx.fill();
  ctx.font = BOLD;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  for (const pm of pills) ctx.fillText(String(pm.marker.count), pm.x, pm.y + 0.5);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  // Selection, hover and keyboard focus rings.
  for (const lane of view.markers) {
    for (const pm of lane) {
      const m = pm.marker;
      const selected = state.selectedKey === m.key;
      const hovered = state.hoverKey === m.key;
      const focused = state.focusKey === m.key;
      const expanded = state.expandedKey === m.key;
      if (!selected && !hovered && !focused && !expanded) continue;
      ctx.strokeStyle = selected ? COLORS.selected : focused ? COLORS.focus : expanded ? COLORS.wave : COLORS.subtitle;
      ctx.lineWidth = selected || focused || expanded ? 2.5 : 1.5;
      ctx.beginPath();
      if (m.shape === 'wave') {
        const w = pillWidth(m.count) + 6;
        roundRect(ctx, pm.x - w / 2, pm.y - 11, w, 22, 11);
      } else glyph(ctx, m.shape, pm.x, pm.y, 4);
      ctx.stroke();
    }
  }
}

export function drawFlags(ctx: CanvasRenderingContext2D, view: View): void {
  for (const f of view.flags) {
    const color = COLORS[f.flag.deadline.status];
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(f.x, f.y + 4);
    ctx.lineTo(f.x, f.y - 22);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(f.x, f.y - 22);
    ctx.lineTo(f.x + 10, f.y - 18);
    ctx.lineTo(f.x, f.y - 14);
    ctx.closePath();
    if (f.flag.deadline.status === 'open' || f.flag.deadline.status === 'missed') ctx.fill();
    else {
      ctx.fillStyle = COLORS.bg;
      ctx.fill();
      ctx.stroke();
    }
    if (f.flag.deadline.status === 'missed') {
      ctx.beginPath();
      ctx.moveTo(f.x - 4, f.y - 4);
      ctx.lineTo(f.x + 4, f.y + 4);
      ctx.moveTo(f.x + 4, f.y - 4);
      ctx.lineTo(f.x - 4, f.y + 4);
      ctx.stroke();
    }
  }
}
