// Label placement without overlaps: greedy by priority into rows above a lane
// line, each label either right or left of its marker, with the leader line
// from the marker up to the label kept clear of lower rows. What does not fit
// is hidden and counted into "+N" clusters.

/** A label wanting a place. `x` is its marker's pixel position. */
export interface LabelRequest {
  x: number;
  width: number;
  priority: number;
  /** Tie-break among equal priorities (earlier wins), usually the date. */
  order: number;
}

/** Where a label went: a row (0 = nearest the line) and its left edge; or hidden. */
export interface LabelPlacement {
  row: number;
  left: number;
  hidden: boolean;
  /** Its leader passes behind labels of lower rows (placed in the second pass). */
  crossing: boolean;
}

/** A "+N" badge standing for hidden labels near `x`. */
export interface LabelCluster {
  x: number;
  width: number;
  count: number;
  /** Indexes into the requests of the hidden labels it counts. */
  members: number[];
}

const GAP = 6;
const LEADER_HALF = 3;

/** Sorted, non-overlapping intervals of one row. */
class Row {
  private a: number[] = [];
  private b: number[] = [];

  /** Whether [from, to) touches no interval. */
  free(from: number, to: number): boolean {
    // First interval whose end is after `from`.
    let lo = 0;
    let hi = this.b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.b[mid] <= from) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.a.length || this.a[lo] >= to;
  }

  add(from: number, to: number): void {
    let lo = 0;
    let hi = this.a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.a[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    this.a.splice(lo, 0, from);
    this.b.splice(lo, 0, to);
  }
}

/**
 * Place labels in `rows` rows within [minX, maxX]. Higher priority first;
 * rows nearer the line first; right of the marker before left of it. A first
 * pass keeps every leader clear of lower rows; a second pass places what is
 * left with leaders passing behind lower labels. Labels never overlap.
 */
export function placeLabels(
  requests: LabelRequest[],
  rows: number,
  minX: number,
  maxX: number,
): LabelPlacement[] {
  const out: LabelPlacement[] = requests.map(() => ({ row: -1, left: 0, hidden: true, crossing: false }));
  const grid: Row[] = Array.from({ length: Math.max(0, rows) }, () => new Row());
  const order = requests.map((_, i) => i);
  order.sort((i, j) => requests[j].priority - requests[i].priority || requests[i].order - requests[j].order);
  for (const crossing of [false, true]) {
    for (const i of order) {
      if (!out[i].hidden) continue;
      const r = requests[i];
      // Right of the marker, left of it, or (near the plot edges) slid inside.
      const slid = Math.max(minX, Math.min(r.x - LEADER_HALF, maxX - r.width));
      const lefts = [r.x - LEADER_HALF, r.x + LEADER_HALF - r.width, slid];
      placing: for (let row = 0; row < rows; row++) {
        // The leader crosses rows below this one.
        if (!crossing && row > 0 && !grid[row - 1].free(r.x - LEADER_HALF, r.x + LEADER_HALF)) break;
        for (const left of lefts) {
          if (left < minX || left + r.width > maxX) continue;
          if (!grid[row].free(left - GAP, left + r.width + GAP)) continue;
          grid[row].add(left, left + r.width);
          if (!crossing) for (let below = 0; below < row; below++) grid[below].add(r.x - LEADER_HALF, r.x + LEADER_HALF);
          out[i] = { row, left, hidden: false, crossing };
          break placing;
        }
      }
    }
  }
  return out;
}

/**
 * Group hidden labels into "+N" badges on one row, merging neighbours so the
 * badges never overlap. `xs[k]` is a hidden label's marker x and `ids[k]` what
 * to report as its member; `badgeWidth(n)` is the width of "+n".
 */
export function clusterHidden(
  xs: ArrayLike<number>,
  ids: ArrayLike<number>,
  badgeWidth: (count: number) => number,
  minX: number,
  maxX: number,
): LabelCluster[] {
  // Nearly sorted already (month-only markers sit mid-month): insertion sort.
  let order: Int32Array | null = null;
  for (let k = 1; k < xs.length; k++) {
    if (xs[k - 1] <= xs[k]) continue;
    order = new Int32Array(xs.length);
    for (let i = 0; i < xs.length; i++) order[i] = i;
    for (let i = k; i < xs.length; i++) {
      const v = order[i];
      let j = i - 1;
      while (j >= 0 && xs[order[j]] > xs[v]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
    break;
  }
  const clusters: LabelCluster[] = [];
  let last: LabelCluster | null = null;
  for (let n = 0; n < xs.length; n++) {
    const k = order ? order[n] : n;
    const x = xs[k];
    if (last && x < last.x + last.width + GAP) {
      last.count += 1;
      last.members.push(ids[k]);
      if (last.count === 10 || last.count === 100 || last.count === 1000 || last.count === 10000) {
        last.width = badgeWidth(last.count);
      }
      continue;
    }
    last = { x, width: badgeWidth(1), count: 1, members: [ids[k]] };
    clusters.push(last);
  }
  // Keep badges inside the plot, then resolve overlaps that widening caused.
  for (const c of clusters) {
    c.width = badgeWidth(c.count);
    c.x = Math.max(minX, Math.min(c.x, maxX - c.width));
  }
  for (let k = 1; k < clusters.length; k++) {
    const prev = clusters[k - 1];
    const c = clusters[k];
    if (c.x < prev.x + prev.width + GAP) {
      prev.count += c.count;
      prev.members.push(...c.members);
      prev.width = badgeWidth(prev.count);
      prev.x = Math.max(minX, Math.min(prev.x, maxX - prev.width));
      clusters.splice(k, 1);
      k = Math.max(0, k - 2);
    }
  }
  return clusters;
}

/**
 * Which markers may compete for a label. Labels are at least `bucketPx`
 * wide, so a `bucketPx` column can anchor at most two labels per row: keep
 * the best `2 * rows + 2` of each column (by priority, then order; a margin
 * for better ones that find no room) and hide the rest at once. Keeps label
 * layout cheap with 10,000 markers in view; an approximation of the full
 * greedy only where markers crowd.
 */
export function labelCandidates(
  items: { x: number; marker: { priority: number; start: number } }[],
  rows: number,
  bucketPx = 40,
): Uint8Array {
  const keep = new Uint8Array(items.length).fill(1);
  const limit = 2 * rows + 2;
  // Items come in date order, so each column is a run (month-only markers,
  // drawn mid-month, may break a run: a column then appears twice, which
  // only keeps more). In a long run keep the `limit` best: the highest
  // priorities, the earliest first among equals (no sort: priorities are
  // small integers).
  const histogram = new Int32Array(MAX_PRIORITY + 1);
  let runStart = 0;
  for (let k = 1; k <= items.length; k++) {
    if (k < items.length && Math.floor(items[k].x / bucketPx) === Math.floor(items[runStart].x / bucketPx)) continue;
    if (k - runStart > limit) {
      histogram.fill(0);
      for (let i = runStart; i < k; i++) histogram[clampPriority(items[i].marker.priority)]++;
      let threshold = MAX_PRIORITY;
      let above = 0;
      while (threshold > 0 && above + histogram[threshold] < limit) above += histogram[threshold--];
      let atThreshold = limit - above;
      for (let i = runStart; i < k; i++) {
        const p = clampPriority(items[i].marker.priority);
        if (p > threshold) continue;
        if (p === threshold && atThreshold > 0) atThreshold--;
        else keep[i] = 0;
      }
    }
    runStart = k;
  }
  return keep;
}

const MAX_PRIORITY = 127;
const clampPriority = (p: number) => Math.max(0, Math.min(MAX_PRIORITY, Math.round(p)));
