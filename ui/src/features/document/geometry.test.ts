import { describe, expect, it } from 'vitest';
import { normaliseRects, toPixels } from './geometry';

const page = { left: 100, top: 50, width: 600, height: 800 };

describe('normaliseRects', () => {
  it('maps client rectangles to fractions of the page', () => {
    const [r] = normaliseRects([{ left: 160, top: 130, width: 300, height: 16 }], page);
    expect(r.x).toBeCloseTo(0.1);
    expect(r.y).toBeCloseTo(0.1);
    expect(r.w).toBeCloseTo(0.5);
    expect(r.h).toBeCloseTo(0.02);
  });

  it('merges the pieces of one line and keeps lines apart', () => {
    const rects = normaliseRects(
      [
        { left: 160, top: 130, width: 100, height: 16 },
        { left: 262, top: 131, width: 120, height: 15 },
        { left: 160, top: 150, width: 200, height: 16 },
      ],
      page,
    );
    expect(rects).toHaveLength(2);
    expect(rects[0].w).toBeCloseTo((382 - 160) / 600);
    expect(rects[1].y).toBeCloseTo(100 / 800);
  });

  it('clips to the page and drops empty rectangles', () => {
    const rects = normaliseRects(
      [
        { left: 50, top: 40, width: 100, height: 20 },
        { left: 300, top: 300, width: 0, height: 10 },
        { left: 900, top: 300, width: 50, height: 10 },
      ],
      page,
    );
    expect(rects).toHaveLength(1);
    const r = rects[0];
    expect(r.x).toBe(0);
    expect(r.y).toBe(0);
    for (const v of [r.x, r.y, r.w, r.h, r.x + r.w, r.y + r.h]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('gives nothing for a page without size', () => {
    expect(normaliseRects([{ left: 0, top: 0, width: 10, height: 10 }], { ...page, width: 0 })).toEqual([]);
  });

  it('round-trips through pixels at another zoom', () => {
    const [r] = normaliseRects([{ left: 160, top: 130, width: 300, height: 16 }], page);
    const px = toPixels(r, 1200, 1600);
    expect(px.left).toBeCloseTo(120);
    expect(px.width).toBeCloseTo(600);
  });
});
