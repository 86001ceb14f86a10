// Where the window is: one value, owned by App.svelte. Features never import
// each other; they ask to go somewhere through `useNavigate()` (context.ts),
// so the search palette can open the document viewer without knowing it.

import type { CaseId, DocumentId } from '../bindings';

export type Route =
  | { view: 'cases' }
  | { view: 'case'; caseId: CaseId }
  /** A stored PDF in the built-in viewer, at `page` (1-based), with `query`'s hits highlighted
   *  and the citation of authority `cite` ("556 U.S. 662") marked. */
  | { view: 'document'; documentId: DocumentId; page?: number; query?: string; cite?: string }
  /** Upcoming deadlines across every case. */
  | { view: 'deadlines' }
  /** Importing PDFs: progress, per-file results, linking. */
  | { view: 'import' };

export type Navigate = (to: Route) => void;
