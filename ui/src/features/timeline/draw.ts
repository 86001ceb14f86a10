// Drawing a projected view on a 2D canvas: axis, lanes, stays, appeals, then
// the markers (glyphs.ts), labels and lane titles. All text is drawn with
// fillText: data never becomes markup.

import { drawFlags, drawMarkers, roundRect, type DrawState } from './glyphs';
import type { Marker } from './layout';
import { scaleX } from './scale';
import { BOLD, COLORS, FONT } from './theme';
import { SIZES, type View } from './view';

export type { DrawState } from './glyphs';

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
  // Periods' brackets (hidden labels counted per month or year), then the badges.
  ctx.strokeStyle = COLORS.periodBracket;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const c of view.clusters) {
    if (!c.period) continue;
    const y = c.top + c.height / 2 + 0.5;
    const x0 = Math.round(c.period.x0) + 1.5;
    const x1 = Math.round(c.period.x1) - 1.5;
    if (x1 - x0 < 6) continue;
    ctx.moveTo(x0, y - 4);
    ctx.lineTo(x0, y);
    ctx.lineTo(x1, y);
    ctx.lineTo(x1, y - 4);
  }
  ctx.stroke();
  ctx.font = BOLD;
  for (const c of view.clusters) {
    ctx.fillStyle = COLORS.cluster;
    ctx.beginPath();
    roundRect(ctx, c.left, c.top, c.width, c.height, 7);
    ctx.fill();
    ctx.fillStyle = COLORS.clusterText;
    ctx.fillText(c.text, c.left + 5, c.top + c.height - 3);
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
