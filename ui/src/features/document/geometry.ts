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
