// A link straight into the viewer: `#/document/<id>[/<page>][?q=<query>][&cite=<authority>]`.
// App.svelte follows it on start and when the hash changes, so a document can
// be opened from outside the app's own lists (tests, the search palette later).

import type { Route } from '../../lib/route';

/** The viewer route a location hash names, or null. */
export function routeFromHash(hash: string): Route | null {
  const m = /^#\/document\/(\d+)(?:\/(\d+))?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const route: Route = { view: 'document', documentId: Number(m[1]) };
  if (m[2]) route.page = Number(m[2]);
  const params = new URLSearchParams(m[3] ?? '');
  const q = params.get('q');
  if (q) route.query = q;
  const cite = params.get('cite');
  if (cite) route.cite = cite;
  return route;
}
