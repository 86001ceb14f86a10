// Highlights in the double, after crates/model/src/highlight.rs (what a highlight
// must be) and crates/store/src/highlights.rs (checked against the document).

import type { DocumentId, Highlight, HighlightId, NewHighlight } from '../../bindings';
import { copy, invalid, type Database } from './database';

const MAX_RECTS = 500;
const MAX_QUOTE_CHARS = 20_000;

/** `NewHighlight::validate`. */
function check(input: NewHighlight): void {
  if (input.page < 1) throw invalid('pages are numbered from 1');
  if (input.rects.length === 0) throw invalid('a highlight needs at least one rectangle');
  if (input.rects.length > MAX_RECTS) throw invalid(`a highlight has at most ${MAX_RECTS} rectangles`);
  for (const r of input.rects) {
    const within = (v: number) => v >= 0 && v <= 1;
    const inside =
      [r.x, r.y, r.w, r.h].every(Number.isFinite) &&
      within(r.x) && within(r.y) && r.w > 0 && r.h > 0 && r.x + r.w <= 1 + 1e-9 && r.y + r.h <= 1 + 1e-9;
    if (!inside)
      throw invalid(
        `a highlight rectangle must lie on the page (x, y, w, h between 0 and 1, w and h above 0), got x=${r.x} y=${r.y} w=${r.w} h=${r.h}`,
      );
  }
  if (input.quote.trim() === '') throw invalid('a highlight needs the text it marks');
  if ([...input.quote].length > MAX_QUOTE_CHARS) throw invalid(`a highlight quotes at most ${MAX_QUOTE_CHARS} characters`);
}

/** A document's highlights, by page, then as made. */
export function listHighlights(db: Database, documentId: DocumentId): Highlight[] {
  db.document(documentId);
  return copy(db.highlights.filter((h) => h.document_id === documentId).sort((a, b) => a.page - b.page || a.id - b.id));
}

export function addHighlight(db: Database, input: NewHighlight): Highlight {
  check(input);
  const doc = db.document(input.document_id);
  if (input.page > doc.page_count)
    throw invalid(`page ${input.page} is past the end of document #${doc.id} (${doc.page_count} pages)`);
  const now = db.now();
  const h: Highlight = {
    id: db.id(),
    document_id: doc.id,
    page: input.page,
    rects: input.rects.map(({ x, y, w, h }) => ({ x, y, w, h })),
    quote: input.quote,
    note: input.note.trim(),
    created_at: now,
    updated_at: now,
  };
  db.highlights.push(h);
  return copy(h);
}

/** Replace a highlight's note (empty removes it). */
export function editHighlightNote(db: Database, highlightId: HighlightId, note: string): Highlight {
  const h = db.highlight(highlightId);
  h.note = note.trim();
  h.updated_at = db.now();
  return copy(h);
}

export function deleteHighlight(db: Database, highlightId: HighlightId): void {
  db.highlight(highlightId);
  db.highlights = db.highlights.filter((h) => h.id !== highlightId);
}
