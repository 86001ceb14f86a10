// Drawing a projected view on a 2D canvas. Markers are batched by style (one
// path per style) and deduplicated per pixel so 10,000 events draw in a frame.
// All text is drawn with fillText: data never becomes markup.

import type { Marker, MarkerShape } from './layout';
import { SIZES, type PlacedMarker, type View } from './view';
import { scaleX } from './scale';

export const COLORS = {
  bg: '#fbfbf8',
  band: '#f3f3ee',
  grid: '#e6e6e0',
  gridMajor: '#cdcdc5',
  axisText: '#6f6f6a',
  lane: '#b5b5ad',
  title: '#1b1b1b',
  subtitle: '#6b6b66',
  label: '#222222',
  leader: '#c4c4bc',
  ruling: '#1f5fbf',
  filing: '#555555',
  argument: '#2a8a4a',
  statute: '#0f7c7c',
  stay: '#d08a00',
  wave: '#8a5cc2',
  other: '#8a8a8a',
  appeal: '#1f5fbf',
  cluster: '#e4e4de',
  clusterText: '#444',
  today: '#c0392b',
  selected: '#ff7a00',
  focus: '#111111',
  open: '#c0392b',
  done: '#3d8b5a',
  missed: '#7b1010',
  superseded: '#9a9a9a',
} as const;

export const FONT = `${SIZES.fontSize}px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif`;
export const BOLD = `600 ${FONT}`;

/** What is highlighted. */
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

const SHAPE_COLOR: Record<MarkerShape, string> = {
  ruling: COLORS.ruling,
  filing: COLORS.filing,
  argument: COLORS.argument,
  statute: COLORS.statute,
  stay: COLORS.stay,
  wave: COLORS.wave,
  other: COLORS.other,
};

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

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}

function drawAxis(ctx: CanvasRenderingContext2D, view: View): void {
  const { scale } = view;
  ctx.font = FONT;
  ctx.textBaseline = 'alphabetic';
  for (const t of view.ticks) {
    const x = Math.round(scaleX(scale, t.day)) + 0.5;
    if (x < scale.x0 - 1 || x > scale.x1 + 1) continue;
    ctx.strokeStyle = t.major ? COLORS.gridMajor : COLORS.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, SIZES.axisHeight - 8);
    ctx.lineTo(x, view.height);
    ctx.stroke();
    ctx.fillStyle = t.major ? COLORS.title : COLORS.axisText;
    ctx.font = t.major ? BOLD : FONT;
    if (x + 3 + ctx.measureText(t.label).width > view.width) continue; // would be cut off
    ctx.fillText(t.label, x + 3, SIZES.axisHeight - 12);
  }
}

function drawLanes(ctx: CanvasRenderingContext2D, view: View): void {
  const { scale } = view;
  view.lanes.forEach((b, i) => {
    if (i % 2 === 1) {
      ctx.fillStyle = COLORS.band;
      ctx.fillRect(0, b.top, view.width, b.height);
    }
    ctx.strokeStyle = COLORS.lane;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(scale.x0, b.lineY);
    ctx.lineTo(scale.x1, b.lineY);
    ctx.stroke();
  });
}

function drawGutter(ctx: CanvasRenderingContext2D, view: View): void {
  ctx.fillStyle = COLORS.bg;
  ctx.fillRect(0, SIZES.axisHeight - 8, view.gutter - 6, view.height);
  view.lanes.forEach((b, i) => {
    if (i % 2 === 1) {
      ctx.fillStyle = COLORS.band;
      ctx.fillRect(0, b.top, view.gutter - 6, b.height);
    }
    ctx.fillStyle = COLORS.title;
    ctx.font = `600 13px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif`;
    ctx.fillText(fitText(ctx, b.title, view.gutter - 20), 12, b.lineY - 4);
    ctx.fillStyle = COLORS.subtitle;
    ctx.font = FONT;
    ctx.fillText(fitText(ctx, b.subtitle, view.gutter - 20), 12, b.lineY + 12);
  });
}

function drawStays(ctx: CanvasRenderingContext2D, view: View): void {
  for (const s of view.stays) {
    ctx.fillStyle = COLORS.stay;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(s.x0, s.y - 3, s.x1 - s.x0, 6);
    ctx.globalAlpha = 1;
    // Ends: a bar at the grant, a bar at the lift or an arrow while in effect.
    ctx.fillRect(s.x0 - 1, s.y - 6, 2, 12);
    ctx.beginPath();
    if (s.inEffect) {
      ctx.moveTo(s.x1, s.y - 6);
      ctx.lineTo(s.x1 + 8, s.y);
      ctx.lineTo(s.x1, s.y + 6);
      ctx.closePath();
      ctx.fill();
    } else {
      ctx.fillRect(s.x1 - 1, s.y - 6, 2, 12);
    }
  }
}

function drawAppeals(ctx: CanvasRenderingContext2D, view: View): void {
  ctx.strokeStyle = COLORS.appeal;
  ctx.fillStyle = COLORS.appeal;
  ctx.lineWidth = 1.4;
  for (const a of view.appeals) {
    const midY = (a.fromY + a.toY) / 2;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    ctx.moveTo(a.fromX, a.fromY);
    ctx.bezierCurveTo(a.fromX, midY, a.toX, midY, a.toX, a.toY - 6);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(a.toX, a.toY);
    ctx.lineTo(a.toX - 4.5, a.toY - 8);
    ctx.lineTo(a.toX + 4.5, a.toY - 8);
    ctx.closePath();
    ctx.fill();
  }
}

function drawMarkers(ctx: CanvasRenderingContext2D, view: View, state: DrawState): void {
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

function drawFlags(ctx: CanvasRenderingContext2D, view: View): void {
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

function labelColor(m: Marker | undefined): string {
  if (!m) return COLORS.open;
  if (m.shape === 'wave') return COLORS.wave;
  if (m.shape === 'stay') return '#a06a00';
  return COLORS.label;
}

function drawLabels(ctx: CanvasRenderingContext2D, view: View, state: DrawState): void {
  ctx.strokeStyle = COLORS.leader;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const l of view.labels) {
    if (l.row === 0 && !l.flag) continue;
    const x = Math.round(l.anchorX) + 0.5;
    ctx.moveTo(x, l.top + l.height);
    ctx.lineTo(x, l.lineY - (l.flag ? 22 : 8));
  }
  ctx.stroke();
  // Opaque backs: a leader passing behind a lower label stops at its edge.
  for (const l of view.labels) {
    ctx.fillStyle = l.lane % 2 === 1 ? COLORS.band : COLORS.bg;
    ctx.fillRect(l.left - 1, l.top, l.width + 2, l.height);
  }
  ctx.lineJoin = 'round';
  for (const l of view.labels) {
    const y = l.top + l.height - 3;
    const selected = l.marker !== undefined && state.selectedKey === l.marker.key;
    let x = l.left;
    ctx.lineWidth = 3;
    ctx.strokeStyle = COLORS.bg;
    if (l.strong) {
      ctx.font = BOLD;
      ctx.strokeText(l.strong, x, y);
      ctx.fillStyle = selected ? COLORS.selected : COLORS.ruling;
      ctx.fillText(l.strong, x, y);
      x += ctx.measureText(l.strong).width;
    }
    ctx.font = selected ? BOLD : FONT;
    ctx.strokeText(l.text, x, y);
    ctx.fillStyle = selected ? COLORS.selected : labelColor(l.marker);
    if (l.flag) ctx.fillStyle = COLORS[l.flag.deadline.status];
    ctx.fillText(l.text, x, y);
  }
  ctx.font = BOLD;
  for (const c of view.clusters) {
    ctx.fillStyle = COLORS.cluster;
    ctx.beginPath();
    roundRect(ctx, c.left, c.top, c.width, c.height, 7);
    ctx.fill();
    ctx.fillStyle = COLORS.clusterText;
    ctx.fillText(`+${c.count}`, c.left + 5, c.top + c.height - 3);
  }
}

/** Draw the whole view. `ctx` is already scaled for the device pixel ratio. */
export function draw(ctx: CanvasRenderingContext2D, view: View, state: DrawState): void {
  ctx.fillStyle = COLORS.bg;
  ctx.fillRect(0, 0, view.width, view.height);
  drawLanes(ctx, view);
  drawAxis(ctx, view);
  ctx.save();
  ctx.beginPath();
  ctx.rect(view.scale.x0 - 12, 0, view.scale.x1 - view.scale.x0 + 24, view.height);
  ctx.clip();
  if (state.today !== null) {
    const x = scaleX(view.scale, state.today);
    if (x >= view.scale.x0 && x <= view.scale.x1) {
      ctx.strokeStyle = COLORS.today;
      ctx.setLineDash([2, 4]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, SIZES.axisHeight - 8);
      ctx.lineTo(x, view.height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  drawStays(ctx, view);
  drawAppeals(ctx, view);
  drawFlags(ctx, view);
  drawMarkers(ctx, view, state);
  drawLabels(ctx, view, state);
  ctx.restore();
  drawGutter(ctx, view);
}

/**
 * A fast text measurer: per-character widths of printable ASCII measured once
 * with the canvas fonts, summed per string (other characters measured and cached).
 */
export function makeMeasure(ctx: CanvasRenderingContext2D): (text: string, bold: boolean) => number {
  const tables = [FONT, BOLD].map((font) => {
    ctx.font = font;
    const widths = new Float32Array(128);
    for (let c = 32; c < 127; c++) widths[c] = ctx.measureText(String.fromCharCode(c)).width;
    return { font, widths, other: new Map<string, number>() };
  });
  return (text, bold) => {
    const t = tables[bold ? 1 : 0];
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 32 && c < 127) w += t.widths[c];
      else {
        const ch = text[i];
        let cw = t.other.get(ch);
        if (cw === undefined) {
          ctx.font = t.font;
          cw = ctx.measureText(ch).width;
          t.other.set(ch, cw);
        }
        w += cw;
      }
    }
    return w + 1;
  };
}
