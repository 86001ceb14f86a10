// The backend interface: everything the UI asks of the app, in one place.
// `TauriBackend` (tauri-backend.ts) calls the Rust commands; `MemoryBackend`
// (memory-backend.ts) is the in-memory test double used by Vitest and by
// `npm run dev` in a plain browser. Features get the backend from context
// (context.ts), never by importing an implementation.
//
// A new core feature (import, search, deadlines) adds its methods here, in
// both implementations, and its command in src-tauri/src/commands/.

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
