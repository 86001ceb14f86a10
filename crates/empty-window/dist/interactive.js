// The same marks the app's page sets (ui/src/lib/interactive.ts), once the
// page is ready: milliseconds since navigation start, and the wall clock.
document.documentElement.dataset.interactiveMs = performance.now().toFixed(1);
document.documentElement.dataset.interactiveEpochMs = String(Date.now());
