// The backend interface: everything the UI asks of the app, in one place.
// `TauriBackend` (tauri-backend.ts) calls the Rust commands; `MemoryBackend`
// (memory/backend.ts, over one in-memory database) is the test double used by
// Vitest and by `npm run dev` in a plain browser, never in the production
// bundle. Features get the backend from context (context.ts), never by
// importing an implementation.
//
// A new core feature (import, search, deadlines) adds its methods here, in
// both implementations, and its command in src-tauri/src/commands/ (with
// build.rs and capabilities/main.json: src-tauri/tests/commands.rs fails when
// any of these lists disagree), and steps in tests/scenarios/backend.json.

import type {
  Case,
  CaseId,
  Court,
  DocketEvent,
  DocumentDetails,
  DocumentId,
  ErrorKind,
  ErrorReport,
  EventId,
  Highlight,
  HighlightId,
  Loaded,
  NewCase,
  NewEvent,
  NewHighlight,
  NewProceeding,
  Note,
  NoteId,
  NoteTarget,
  Proceeding,
  ProceedingId,
  Tag,
  TagId,
  Timeline,
} from '../bindings';
import type { Document, FileOutcome, ImportEvent } from '../bindings';
import type { ExportKind, Exported } from '../bindings';
import type { BackupStatus } from '../bindings';
import type { DeriveDeadline, RuleChoices } from '../bindings';
import type {
  CaseSummary,
  Deadline,
  DeadlineEntry,
  DeadlineId,
  DeadlineStatus,
  Settings,
  SavedSearch,
  SavedSearchId,
  SavedSearchRun,
  SavedSearchSummary,
  SearchResult,
} from '../bindings';
import type { DocketFileOutcome, EntrySource, NewsItem } from '../bindings';
import type { Authority, BadRedaction, StoredCitation } from '../bindings';

export interface Backend {
  listCases(): Promise<Case[]>;
  addCase(input: NewCase): Promise<Case>;
  getTimeline(caseId: CaseId): Promise<Timeline>;
  listProceedings(caseId: CaseId): Promise<Proceeding[]>;
  addProceeding(caseId: CaseId, input: NewProceeding): Promise<Proceeding>;
  listCourts(): Promise<Court[]>;
  loadDemo(): Promise<Loaded>;

  listEvents(proceedingId: ProceedingId): Promise<DocketEvent[]>;
  getEvent(eventId: EventId): Promise<DocketEvent>;
  logEvent(input: NewEvent): Promise<DocketEvent>;

  listNotes(target: NoteTarget): Promise<Note[]>;
  addNote(target: NoteTarget, body: string): Promise<Note>;
  editNote(noteId: NoteId, body: string): Promise<void>;
  listTags(target: NoteTarget): Promise<Tag[]>;
  addTag(target: NoteTarget, name: string): Promise<Tag>;
  removeTag(target: NoteTarget, tagId: TagId): Promise<void>;

  /** Files dropped on the window (absolute paths). Returns an unsubscribe function. */
  onFilesDropped(handler: (paths: string[]) => void): Promise<() => void>;

  /**
   * Import PDF files and folders (searched for *.pdf), attaching them to `caseId` when
   * given. `onEvent` receives progress and each file's outcome as they happen; the
   * outcomes come back in input order. One import at a time.
   */
  importFiles(paths: string[], caseId: CaseId | null, onEvent: (event: ImportEvent) => void): Promise<FileOutcome[]>;
  /** Stop the running import. False when none is running. */
  cancelImport(): Promise<boolean>;
  /** Documents, newest first; only those of `caseId` when given. */
  listDocuments(caseId: CaseId | null): Promise<Document[]>;
  /** The documents linked to one docket event, oldest first. */
  listEventDocuments(eventId: EventId): Promise<Document[]>;
  /** Confirm or change what a document belongs to (all null detaches it). */
  linkDocument(
    documentId: DocumentId,
    caseId: CaseId | null,
    proceedingId: ProceedingId | null,
    eventId: EventId | null,
  ): Promise<Document>;
  /** The native open dialog: several PDFs or docket files, or one folder. Null when the user cancels. */
  chooseImportPaths(kind: 'files' | 'folder'): Promise<string[] | null>;
  // Deadlines, the cases list's summaries, editing cases and proceedings, tag filters.
  /** Cases with next open deadline, last activity and tags; only those tagged `tag` if given. */
  listCaseSummaries(tag?: string | null): Promise<CaseSummary[]>;
  updateCase(caseId: CaseId, input: NewCase): Promise<Case>;
  updateProceeding(proceedingId: ProceedingId, input: NewProceeding): Promise<Proceeding>;
  /** The events of a proceeding tagged `tag`. */
  listEventsTagged(proceedingId: ProceedingId, tag: string): Promise<EventId[]>;
  /** Every tag in use. */
  listAllTags(): Promise<Tag[]>;
  /** Every deadline of every case, soonest first; only those of cases tagged `tag` if given. */
  listDeadlines(tag?: string | null): Promise<DeadlineEntry[]>;
  /** One case's deadlines, soonest first. */
  listCaseDeadlines(caseId: CaseId): Promise<Deadline[]>;
  setDeadlineStatus(deadlineId: DeadlineId, status: DeadlineStatus): Promise<Deadline>;
  /** The rules a deadline derived from this event can be computed under, its court's system first. */
  ruleChoices(eventId: EventId): Promise<RuleChoices>;
  /** Derive a deadline from an event and a rule (computed by the core, with its step trail). */
  deriveDeadline(spec: DeriveDeadline): Promise<Deadline>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  /** Show a desktop notification; false when the user has not allowed them. */
  notify(title: string, body: string): Promise<boolean>;
  /** Full-text search of document pages and docket events, best first (only `caseId`'s when given). */
  search(query: string, caseId?: CaseId | null, limit?: number): Promise<SearchResult[]>;
  /** Saved searches with how many of their hits are new. */
  listSavedSearches(): Promise<SavedSearchSummary[]>;
  /** Save a search; its current hits count as seen. */
  saveSearch(name: string, query: string, caseId?: CaseId | null): Promise<SavedSearch>;
  /** A saved search's hits, the new ones flagged; they are then recorded as seen. */
  openSavedSearch(id: SavedSearchId): Promise<SavedSearchRun>;
  deleteSavedSearch(id: SavedSearchId): Promise<void>;
  /** A document with its detected metadata, page count and links. */
  getDocument(documentId: DocumentId): Promise<DocumentDetails>;
  /** The stored PDF's bytes. */
  documentPdf(documentId: DocumentId): Promise<ArrayBuffer>;
  /** Open the stored PDF in the system's viewer. */
  openDocumentExternally(documentId: DocumentId): Promise<void>;
  listHighlights(documentId: DocumentId): Promise<Highlight[]>;
  addHighlight(input: NewHighlight): Promise<Highlight>;
  /** Replace a highlight's note (empty removes it). */
  editHighlightNote(highlightId: HighlightId, note: string): Promise<Highlight>;
  deleteHighlight(highlightId: HighlightId): Promise<void>;
  // Docket files (PACER, CourtListener, supremecourt.gov) and what they bring that is new.
  /** Which of `paths` are docket files rather than PDFs (read from their first bytes), in order. */
  docketPaths(paths: string[]): Promise<string[]>;
  /**
   * Import docket files, each in one transaction; new proceedings go into `caseId` when given.
   * One outcome per file, in order. Refused while a PDF import runs.
   */
  importDockets(paths: string[], caseId: CaseId | null): Promise<DocketFileOutcome[]>;
  /** Entries imports added or changed that the user has not seen: one case's, or all. */
  listNews(caseId: CaseId | null): Promise<NewsItem[]>;
  /** Mark one case's news (all when null) as seen; how many items were. */
  markNewsSeen(caseId: CaseId | null): Promise<number>;
  /** Where an imported docket entry came from; null for an event a person logged. */
  entrySource(eventId: EventId): Promise<EntrySource | null>;
  // Exports (the case page's Export menu) and the calendar feed (the Deadlines view).
  /** The native save dialog, proposing `defaultName`; null when the user cancels. */
  chooseSavePath(title: string, defaultName: string, filterName: string, extension: string): Promise<string | null>;
  /** Export a case to `path`: calendar, report (HTML or PDF), CSV, case file or bundle. */
  exportCase(caseId: CaseId, kind: ExportKind, path: string): Promise<Exported>;
  /** The calendar feed file the app keeps up to date. */
  calendarFeed(): Promise<string>;
  // What documents cite (found on every page at import) and the bad redactions found with them.
  /** A document's citations, in reading order, each with its page. */
  documentCitations(documentId: DocumentId): Promise<StoredCitation[]>;
  /** A case's table of authorities: cases, statutes, rules, most cited first, with the documents and pages citing each. */
  caseAuthorities(caseId: CaseId): Promise<Authority[]>;
  /** A document's bad redactions (dark boxes over text that is still readable), by page. */
  documentBadRedactions(documentId: DocumentId): Promise<BadRedaction[]>;
  // Backups (shown with the settings, in the Deadlines view).
  /** The newest backup (automatic or manual), the backups folder, and what the automatic backups could not do. */
  backupStatus(): Promise<BackupStatus>;
  /** "Back up now": a checked copy of the database into the backups folder; the status after it. */
  backUpNow(): Promise<BackupStatus>;
}

/** An error from the backend, always with a kind and a message for a person. */
export class BackendError extends Error implements ErrorReport {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'BackendError';
    this.kind = kind;
  }

  /** Turn whatever a call threw into a BackendError. */
  static from(e: unknown): BackendError {
    if (e instanceof BackendError) return e;
    if (isErrorReport(e)) return new BackendError(e.kind, e.message);
    const message = e instanceof Error ? e.message : String(e);
    return new BackendError('io', message);
  }
}

function isErrorReport(e: unknown): e is ErrorReport {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as ErrorReport).kind === 'string' &&
    typeof (e as ErrorReport).message === 'string'
  );
}
