import { describe, expect, it } from 'vitest';
import { clusterHidden, labelCandidates, placeLabels, type LabelRequest } from './labels';

function overlaps(a: { l: number; r: number; row: number }, b: { l: number; r: number; row: number }) {
  return a.row === b.row && a.l < b.r && b.l < a.r;
}

const crowd: LabelRequest[] = Array.from({ length: 400 }, (_, i) => ({
  x: 200 + ((i * 37) % 900),
  width: 40 + ((i * 13) % 120),
  priority: i % 7 === 0 ? 100 : 30,
  order: i,
}));

describe('label placement', () => {
  it('never overlaps labels, nor leaders of the first pass, nor the plot edges', () => {
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
        if (other.row < boxes[i].row && !boxes[i].crossing) expect(boxes[i].x >= other.l && boxes[i].x <= other.r).toBe(false);
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
    const hiddenItems = crowd.map((r, i) => ({ x: r.x, i })).filter((h) => placed[h.i].hidden);
    const clusters = clusterHidden(
      hiddenItems.map((h) => h.x),
      hiddenItems.map((h) => h.i),
      (n) => 14 + String(n).length * 7,
      180,
      1260,
    );
    expect(clusters.reduce((s, c) => s + c.count, 0)).toBe(hidden);
    for (let i = 1; i < clusters.length; i++) {
      expect(clusters[i].x).toBeGreaterThanOrEqual(clusters[i - 1].x + clusters[i - 1].width);
    }
  });
});

describe('label candidates', () => {
  it('keep the best of each column and change nothing where it is sparse', () => {
    const item = (x: number, priority: number, start: number) => ({ x, marker: { priority, start } });
    const dense = Array.from({ length: 100 }, (_, i) => item(500 + i / 10, i === 77 ? 100 : 30, i));
    const keep = [...labelCandidates(dense, 2)];
    expect(keep.filter(Boolean)).toHaveLength(6);
    expect(keep[77]).toBe(1);
    expect(keep.slice(0, 4)).toEqual([1, 1, 1, 1]);
    const sparse = Array.from({ length: 20 }, (_, i) => item(i * 50, 30, i));
    expect([...labelCandidates(sparse, 1)].every(Boolean)).toBe(true);
  });

  it('thinning a crowd labels nearly as many', () => {
    const byX = [...crowd].sort((a, b) => a.x - b.x);
    const keep = labelCandidates(byX.map((r) => ({ x: r.x, marker: { priority: r.priority, start: r.order } })), 3);
    const all = placeLabels(crowd, 3, 180, 1260);
    const thinned = placeLabels(byX.filter((_, i) => keep[i]), 3, 180, 1260);
    const shown = (ps: { hidden: boolean }[]) => ps.filter((p) => !p.hidden).length;
    expect(shown(thinned)).toBeGreaterThanOrEqual(Math.floor(shown(all) * 0.9));
  });
});
