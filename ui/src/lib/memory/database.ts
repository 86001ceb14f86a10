// The in-memory double's one database: the tables every method of the double
// reads and writes (as the core's SQLite file is for the real backend), the
// row lookups that fail with the core's words, and the id and clock.

import type {
  Case,
  CaseId,
  Court,
  DocketEvent,
  Document,
  DocumentId,
  EventId,
  Highlight,
  HighlightId,
  Note,
  NoteId,
  NoteTarget,
  Proceeding,
  ProceedingId,
  SavedSearch,
  SavedSearchId,
  Settings,
  Tag,
  TagId,
} from '../../bindings';
import type { Deadline, DeadlineId } from '../../bindings';
import type { BadRedaction, StoredCitation } from '../../bindings';
import { BackendError } from '../backend';
import { COURTS } from './courts';
import type { NewsRow, SourceRow } from './dockets';

/** How a page's text was obtained, as the core stores it (`PageStatus::as_str`). */
export type PageStatus = 'text' | 'ocr' | 'empty' | 'needs_ocr' | 'failed';

export interface PageRow {
  number: number;
  status: PageStatus;
  text: string;
}

/** A document with its pages (the `documents` and `pages` tables) and, for the viewer, its bytes. */
export interface DocumentRow extends Document {
  pages: PageRow[];
  pdf: ArrayBuffer | null;
}

export interface TaggingRow {
  tagId: TagId;
  target: NoteTarget;
}

export interface PartyRow {
  id: number;
  name: string;
}

export interface SavedSearchRow {
  search: SavedSearch;
  /** Keys of the hits seen (`saved_search_seen`). */
  seen: Set<string>;
}

export const invalid = (message: string) => new BackendError('invalid_input', message);
export const notFound = (message: string) => new BackendError('not_found', message);

/** A copy of a row, so that what a caller holds never changes under it (and the reverse). */
export function copy<T>(row: T): T {
  return row === undefined ? row : (JSON.parse(JSON.stringify(row)) as T);
}

export function sameTarget(a: NoteTarget, b: NoteTarget): boolean {
  return a.kind === b.kind && a.id === b.id;
}

export class Database {
  cases: Case[] = [];
  proceedings: Proceeding[] = [];
  events: DocketEvent[] = [];
  parties: PartyRow[] = [];
  documents: DocumentRow[] = [];
  notes: Note[] = [];
  tags: Tag[] = [];
  taggings: TaggingRow[] = [];
  highlights: Highlight[] = [];
  deadlines: Deadline[] = [];
  savedSearches: SavedSearchRow[] = [];
  settings: Settings = { deadline_warning_days: 7 };
  /** What docket imports added or changed (`docket_news`), and where each imported event came from. */
  news: NewsRow[] = [];
  sources: SourceRow[] = [];
  /** What documents cite (`citations`), in document and reading order, and the bad redactions found on import. */
  citations: StoredCitation[] = [];
  badRedactions: BadRedaction[] = [];
  readonly courts: readonly Court[] = COURTS;

  private lastId = 0;
  private lastTime = 0;

  /** A new row id (one sequence for every table: ids never collide across kinds). */
  id(): number {
    return ++this.lastId;
  }

  /** The time now, always later than the last answer (the core's clock has finer grain). */
  now(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return new Date(this.lastTime).toISOString();
  }

  case(id: CaseId): Case {
    const c = this.cases.find((c) => c.id === id);
    if (!c) throw notFound(`no case #${id}`);
    return c;
  }

  proceeding(id: ProceedingId): Proceeding {
    const p = this.proceedings.find((p) => p.id === id);
    if (!p) throw notFound(`no proceeding #${id}`);
    return p;
  }

  event(id: EventId): DocketEvent {
    const e = this.events.find((e) => e.id === id);
    if (!e) throw notFound(`no event #${id}`);
    return e;
  }

  document(id: DocumentId): DocumentRow {
    const d = this.documents.find((d) => d.id === id);
    if (!d) throw notFound(`no document #${id}`);
    return d;
  }

  note(id: NoteId): Note {
    const n = this.notes.find((n) => n.id === id);
    if (!n) throw notFound(`no note #${id}`);
    return n;
  }

  highlight(id: HighlightId): Highlight {
    const h = this.highlights.find((h) => h.id === id);
    if (!h) throw notFound(`no highlight #${id}`);
    return h;
  }

  deadline(id: DeadlineId): Deadline {
    const d = this.deadlines.find((d) => d.id === id);
    if (!d) throw notFound(`no deadline #${id}`);
    return d;
  }

  savedSearch(id: SavedSearchId): SavedSearchRow {
    const s = this.savedSearches.find((s) => s.search.id === id);
    if (!s) throw notFound(`no saved search #${id}`);
    return s;
  }

  court(id: string): Court | undefined {
    return this.courts.find((c) => c.id === id);
  }

  /** Mark a case as changed now (its "last activity"), as `Writer::touch_case` does. */
  touchCase(id: CaseId): void {
    this.case(id).updated_at = this.now();
  }

  /** The names of the tags on one thing, in name order. */
  tagNames(target: NoteTarget): string[] {
    return this.taggings
      .filter((t) => sameTarget(t.target, target))
      .map((t) => this.tags.find((x) => x.id === t.tagId)!.name)
      .sort(nocase);
  }

  /** Whether `target` carries the tag `name` (any letter case); true when no tag is asked for. */
  hasTag(target: NoteTarget, name: string | null | undefined): boolean {
    const want = name?.trim();
    if (!want) return true;
    return this.tagNames(target).some((n) => nocase(n, want) === 0);
  }
}

/** SQLite's default (binary) order of text. */
export function binary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SQLite's NOCASE order (ASCII letters folded), which tag and saved-search names sort by. */
export function nocase(a: string, b: string): number {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return binary(fold(a), fold(b));
}
