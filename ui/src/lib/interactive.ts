// Marks the moment the window first shows real data, for the E2E harness's
// "window interactive" figure (milliseconds since navigation start).

let marked = false;

export function markInteractive(): void {
  if (marked) return;
  marked = true;
  performance.mark('casetrail:interactive');
  document.documentElement.dataset.interactiveMs = performance.now().toFixed(1);
}
