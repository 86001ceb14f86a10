// Marks the moment the window first shows real data, for the E2E harness's
// "window interactive" figure (milliseconds since navigation start), and the
// case timeline's first paint, for its "timeline first paint" figure.

import type { PaintTiming } from '../features/timeline/types';

let marked = false;

export function markInteractive(): void {
  if (marked) return;
  marked = true;
  performance.mark('casetrail:interactive');
  document.documentElement.dataset.interactiveMs = performance.now().toFixed(1);
  // The wall clock too, so the harness can measure from the process's start.
  document.documentElement.dataset.interactiveEpochMs = String(Date.now());
}

/**
 * The latest case timeline's first paint: the component's own timing plus how
 * long fetching the case took (`fetchMs`), as JSON on <html data-timeline-paint>.
 */
export function markTimelinePaint(timing: PaintTiming, fetchMs: number): void {
  document.documentElement.dataset.timelinePaint = JSON.stringify({ ...timing, fetchMs });
}
