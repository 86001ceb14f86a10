import { describe, expect, it } from 'vitest';
import { normaliseRects, pointsToPage, toPixels } from './geometry';

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

describe('pointsToPage', () => {
  const near = (r: ReturnType<typeof pointsToPage>, e: { x: number; y: number; w: number; h: number }) => {
    expect(r).not.toBeNull();
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(r![k]).toBeCloseTo(e[k], 5);
  };

  // US Letter: 612 × 792 points.
  const LETTER = [0, 0, 612, 792];

  it('normalises a rectangle recorded from the top left of the crop box', () => {
    near(pointsToPage([61.2, 79.2, 306, 158.4], LETTER, 0), { x: 0.1, y: 0.1, w: 0.4, h: 0.1 });
    // A crop box not at the origin: the rectangle is already relative to it.
    near(pointsToPage([0, 0, 306, 396], [100, 100, 712, 892], 0), { x: 0, y: 0, w: 0.5, h: 0.5 });
  });

  it('turns with the page', () => {
    const r = [0, 0, 306, 79.2]; // top left, half the width, a tenth of the height
    near(pointsToPage(r, LETTER, 90), { x: 0.9, y: 0, w: 0.1, h: 0.5 });
    near(pointsToPage(r, LETTER, 180), { x: 0.5, y: 0.9, w: 0.5, h: 0.1 });
    near(pointsToPage(r, LETTER, 270), { x: 0, y: 0.5, w: 0.1, h: 0.5 });
  });

  it('clips to the page and refuses what cannot be drawn', () => {
    near(pointsToPage([-10, 700, 700, 900], LETTER, 0), { x: 0, y: 0.883838, w: 1, h: 0.116162 });
    expect(pointsToPage([10, 10, 10, 20], LETTER, 0)).toBeNull();
    expect(pointsToPage([0, 0, Number.NaN, 1], LETTER, 0)).toBeNull();
    expect(pointsToPage([0, 0, 1, 1], [0, 0, 0, 0], 0)).toBeNull();
  });
});
