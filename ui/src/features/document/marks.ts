// Rectangles of text in the text layer pdf.js drew, normalised to the page: what
// the viewer draws over a search hit or a citation.

import type { HighlightRect } from '../../bindings';
import { normaliseRects } from './geometry';

/** Characters `start` to `end` of the text in text item `item`. */
export interface TextPiece {
  item: number;
  start: number;
  end: number;
}

/** The rectangles `pieces` cover on the page `pageEl`, whose text layer has `spans`. */
export function pieceRects(spans: readonly HTMLElement[], pieces: readonly TextPiece[], pageEl: HTMLElement): HighlightRect[] {
  const rects: DOMRect[] = [];
  for (const p of pieces) {
    const node = spans[p.item]?.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const len = node.textContent?.length ?? 0;
    const range = document.createRange();
    range.setStart(node, Math.min(p.start, len));
    range.setEnd(node, Math.min(p.end, len));
    rects.push(...range.getClientRects());
  }
  return normaliseRects(rects, pageEl.getBoundingClientRect());
}
