import { describe, expect, it } from 'vitest';
import { clusterHidden, placeLabels, type LabelRequest } from './labels';

function overlaps(a: { l: number; r: number; row: number }, b: { l: number; r: number; row: number }) {
  return a.row === b.row && a.l < b.r && b.l < a.r;
}

describe('label placement', () => {
  const crowd: LabelRequest[] = Array.from({ length: 400 }, (_, i) => ({
    x: 200 + ((i * 37) % 900),
    width: 40 + ((i * 13) % 120),
    priority: i % 7 === 0 ? 100 : 30,
    order: i,
  }));

  it('never overlaps labels, leaders or the plot edges', () => {
    const placed = placeLabels(crowd, 4, 180, 1260);
    const boxes = placed
      .map((p, i) => ({ ...p, l: p.left, r: p.left + crowd[i].width, x: crowd[i].x }))
      .filter((p) => !p.hidden);
    expect(boxes.length).toBeGreaterThan(10);
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i].l).toBeGreaterThanOrEqual(180);
      expect(boxes[i].r).toBeLessThanOrEqual(1260);
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
      // A label's leader (at its marker's x) crosses no label in a lower row.
      for (const other of boxes) {
        if (other.row < boxes[i].row) expect(boxes[i].x >= other.l && boxes[i].x <= other.r).toBe(false);
      }
    }
  });

  it('places high priority labels first', () => {
    const reqs: LabelRequest[] = [
      { x: 300, width: 200, priority: 30, order: 0 },
      { x: 310, width: 200, priority: 100, order: 1 },
    ];
    const placed = placeLabels(reqs, 1, 0, 1000);
    expect(placed[1].hidden).toBe(false);
    expect(placed[0].hidden).toBe(true);
  });

  it('counts every hidden label once in non-overlapping "+N" badges', () => {
    const placed = placeLabels(crowd, 2, 180, 1260);
    const hidden = placed.filter((p) => p.hidden).length;
    const clusters = clusterHidden(crowd, placed, (n) => 14 + String(n).length * 7, 180, 1260);
    expect(clusters.reduce((s, c) => s + c.count, 0)).toBe(hidden);
    for (let i = 1; i < clusters.length; i++) {
      expect(clusters[i].x).toBeGreaterThanOrEqual(clusters[i - 1].x + clusters[i - 1].width);
    }
  });
});
