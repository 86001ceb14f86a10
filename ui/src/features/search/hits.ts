// What a search result says about where it is, and where Enter takes you.

import type { SearchResult } from '../../bindings';
import { formatEventDate } from '../../lib/format';
import type { Route } from '../../lib/route';

/** "p. 3 · 1st Cir. · Calvary Chapel" for a page; "Apr 25, 2014 · S.D.N.Y. · Microsoft–Ireland" for an event. */
export function hitPlace(hit: SearchResult): string {
  const parts: string[] = [];
  if (hit.page !== null) parts.push(`p. ${hit.page}`);
  if (hit.date !== null) parts.push(formatEventDate(hit.date));
  if (hit.court !== null) parts.push(hit.court);
  if (hit.case_name !== null) parts.push(hit.case_name);
  return parts.join(' · ');
}

/** The view a result opens: the page in the viewer, or the event's case. */
export function hitRoute(hit: SearchResult, query: string): Route | null {
  if (hit.document_id !== null) {
    return { view: 'document', documentId: hit.document_id, page: hit.page ?? undefined, query };
  }
  if (hit.case_id !== null) return { view: 'case', caseId: hit.case_id };
  return null;
}

/** A stable key for a result in a keyed list. */
export function hitKey(hit: SearchResult): string {
  return `${hit.kind}:${hit.document_id ?? ''}:${hit.page ?? ''}:${hit.event_id ?? ''}:${hit.note_id ?? ''}:${hit.highlight_id ?? ''}`;
}
