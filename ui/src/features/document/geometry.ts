// Rectangles of a selection, normalised to the page (0..1 from the top-left
// corner) so a highlight does not depend on the zoom it was made at.

import type { HighlightRect } from '../../bindings';

/** A rectangle in CSS pixels (what getClientRects / getBoundingClientRect give). */
export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Normalise `rects` (CSS pixels) to `page` (the page box, CSS pixels): clipped to
 * the page, empty ones dropped, rectangles on the same line merged into one.
 */
export function normaliseRects(rects: readonly PixelRect[], page: PixelRect): HighlightRect[] {
  if (page.width <= 0 || page.height <= 0) return [];
  const out: HighlightRect[] = [];
  for (const r of rects) {
    const x0 = clamp01((r.left - page.left) / page.width);
    const y0 = clamp01((r.top - page.top) / page.height);
    const x1 = clamp01((r.left + r.width - page.left) / page.width);
    const y1 = clamp01((r.top + r.height - page.top) / page.height);
    if (x1 - x0 < 1e-4 || y1 - y0 < 1e-4) continue;
    out.push({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
  }
  return mergeLines(out).map(round);
}

/** Rectangles whose vertical extents mostly overlap are one line: join them. */
function mergeLines(rects: HighlightRect[]): HighlightRect[] {
  const sorted = [...rects].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: HighlightRect[] = [];
  for (const r of sorted) {
    const line = lines.find((l) => overlapY(l, r) > 0.5 * Math.min(l.h, r.h));
    if (!line) {
      lines.push({ ...r });
      continue;
    }
    const x0 = Math.min(line.x, r.x);
    const y0 = Math.min(line.y, r.y);
    const x1 = Math.max(line.x + line.w, r.x + r.w);
    const y1 = Math.max(line.y + line.h, r.y + r.h);
    Object.assign(line, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
  }
  return lines;
}

function overlapY(a: HighlightRect, b: HighlightRect): number {
  return Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
}

/** Six decimals are far below a pixel; keep x + w within the page after rounding. */
function round(r: HighlightRect): HighlightRect {
  const f = (v: number) => Math.round(v * 1e6) / 1e6;
  const x = f(r.x);
  const y = f(r.y);
  return { x, y, w: Math.min(f(r.w), 1 - x), h: Math.min(f(r.h), 1 - y) };
}

/** A normalised rectangle back in CSS pixels of a page drawn `width` × `height`. */
export function toPixels(r: HighlightRect, width: number, height: number): PixelRect {
  return { left: r.x * width, top: r.y * height, width: r.w * width, height: r.h * height };
}

/**
 * A rectangle the core recorded in points — `[x0, y0, x1, y1]`, origin at the
 * top left of the page's crop box, y down, the page unrotated (a bad redaction) —
 * normalised to the page as drawn: `view` is pdf.js's page box `[x0, y0, x1, y1]`
 * (the crop box) and `rotation` the drawn rotation (0, 90, 180, 270, clockwise).
 */
export function pointsToPage(rect: readonly number[], view: readonly number[], rotation: number): HighlightRect | null {
  const w = view[2] - view[0];
  const h = view[3] - view[1];
  if (!(w > 0 && h > 0) || rect.length !== 4 || !rect.every(Number.isFinite)) return null;
  const u0 = clamp01(Math.min(rect[0], rect[2]) / w);
  const u1 = clamp01(Math.max(rect[0], rect[2]) / w);
  const v0 = clamp01(Math.min(rect[1], rect[3]) / h);
  const v1 = clamp01(Math.max(rect[1], rect[3]) / h);
  // Unrotated (u right, v down) to the drawn page.
  const turn = ((Math.round(rotation / 90) % 4) + 4) % 4;
  const [x0, y0, x1, y1] =
    turn === 1 ? [1 - v1, u0, 1 - v0, u1] : turn === 2 ? [1 - u1, 1 - v1, 1 - u0, 1 - v0] : turn === 3 ? [v0, 1 - u1, v1, 1 - u0] : [u0, v0, u1, v1];
  if (x1 - x0 <= 0 || y1 - y0 <= 0) return null;
  return round({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
}
