// Documents and their pages in the double, after crates/store/src/documents.rs and
// the viewer's half of crates/store/src/highlights.rs (document details, the stored
// file). A document is added once — by `seedDocument` (what `Store::add_document`
// takes) or by the double's import — and is then listed, searched and viewed.

import type {
  CaseId,
  Detected,
  Document,
  DocumentDetails,
  DocumentId,
  EventId,
  OcrStatus,
  ProceedingId,
} from '../../bindings';
import { binary, copy, invalid, notFound, type Database, type DocumentRow, type PageRow } from './database';

/** A document as `Store::add_document(NewDocument)` takes it; only the title and pages are required. */
export interface NewDocument {
  title: string;
  /** Text per page, in order (an empty string is a blank page). */
  pages: string[];
  case_id?: CaseId | null;
  proceeding_id?: ProceedingId | null;
  /** Defaults to `<title>.pdf`. */
  original_name?: string;
  /** Defaults to a value unique to this document. */
  sha256?: string;
  size_bytes?: number;
  /** What detection read from the first pages; null (the default) when nothing. */
  detected?: Detected | null;
  ocr?: OcrStatus;
  warnings?: string[];
  /** Pages of `pages` (1-based) still waiting for OCR. */
  pages_needing_ocr?: number[];
  /** The PDF's bytes, for the viewer (not part of the core's NewDocument: its file is in the library). */
  pdf?: ArrayBuffer | null;
}

/** A document row without what the core keeps apart from `Document` (pages, bytes). */
function publicDocument(row: DocumentRow): Document {
  const { pages: _pages, pdf: _pdf, ...doc } = row;
  return copy(doc);
}

export function addDocument(db: Database, input: NewDocument): Document {
  if (input.title.trim() === '') throw invalid('a document needs a title');
  const id = db.id();
  const sha256 = input.sha256 ?? `memory-${id}`;
  if (db.documents.some((d) => d.sha256 === sha256))
    throw invalid(`a document with these bytes (sha256 ${sha256}) is already imported`);
  const needing = new Set(input.pages_needing_ocr ?? []);
  const pages: PageRow[] = input.pages.map((text, i) => ({
    number: i + 1,
    status: needing.has(i + 1) ? 'needs_ocr' : text.trim() === '' ? 'empty' : 'text',
    text: needing.has(i + 1) ? '' : text,
  }));
  const row: DocumentRow = {
    id,
    sha256,
    title: input.title.trim(),
    original_name: input.original_name ?? `${input.title.trim()}.pdf`,
    size_bytes: input.size_bytes ?? 0,
    page_count: pages.length,
    case_id: input.case_id ?? null,
    proceeding_id: input.proceeding_id ?? null,
    event_id: null,
    detected: input.detected ? { ...input.detected, citations: [...input.detected.citations] } : null,
    ocr: input.ocr ?? 'not_needed',
    warnings: [...(input.warnings ?? [])],
    pages_needing_ocr: pages.filter((p) => p.status === 'needs_ocr').length,
    imported_at: db.now(),
    pages,
    pdf: input.pdf ?? null,
  };
  db.documents.push(row);
  if (row.case_id !== null) db.touchCase(row.case_id);
  return publicDocument(row);
}

/** Documents, newest first; only those of `caseId` when given. */
export function listDocuments(db: Database, caseId: CaseId | null): Document[] {
  return db.documents
    .filter((d) => caseId === null || d.case_id === caseId)
    .sort((a, b) => binary(b.imported_at, a.imported_at) || b.id - a.id)
    .map(publicDocument);
}

/** The documents linked to one docket event, oldest first. */
export function listEventDocuments(db: Database, eventId: EventId): Document[] {
  return db.documents
    .filter((d) => d.event_id === eventId)
    .sort((a, b) => binary(a.imported_at, b.imported_at) || a.id - b.id)
    .map(publicDocument);
}

export function linkDocument(
  db: Database,
  documentId: DocumentId,
  caseId: CaseId | null,
  proceedingId: ProceedingId | null,
  eventId: EventId | null,
): Document {
  const doc = db.document(documentId);
  let caseOf = caseId;
  if (proceedingId !== null) {
    const p = db.proceeding(proceedingId);
    if (caseOf !== null && caseOf !== p.case_id) throw invalid(`proceeding #${p.id} belongs to another case`);
    caseOf = p.case_id;
  }
  if (eventId !== null) {
    const e = db.event(eventId);
    if (proceedingId !== e.proceeding_id) throw invalid(`event #${e.id} is not in the document's proceeding`);
  }
  Object.assign(doc, { case_id: caseOf, proceeding_id: proceedingId, event_id: eventId });
  if (caseOf !== null) db.touchCase(caseOf);
  return publicDocument(doc);
}

/** A court's short name from the court table, else the id (`court_label`). */
function courtLabel(db: Database, id: string): string {
  return db.court(id)?.short_name ?? id;
}

/** `Store::document_details`: the document, what was detected, the labels of its links. */
export function getDocument(db: Database, documentId: DocumentId): DocumentDetails {
  const d = db.document(documentId);
  const detected = d.detected;
  const c = d.case_id === null ? null : db.case(d.case_id);
  const p = d.proceeding_id === null ? null : db.proceeding(d.proceeding_id);
  const e = d.event_id === null ? null : db.event(d.event_id);
  return copy({
    id: d.id,
    title: d.title,
    original_name: d.original_name,
    page_count: d.page_count,
    size_bytes: d.size_bytes,
    imported_at: d.imported_at,
    court: detected?.court ? courtLabel(db, detected.court) : null,
    docket_number: detected?.docket_number ?? null,
    filed: detected?.filed && /^\d{4}-\d{2}-\d{2}$/.test(detected.filed) ? detected.filed : null,
    kind: detected?.kind ?? null,
    citations: detected?.citations ?? [],
    case: c && { id: c.id, label: c.name },
    proceeding: p && { id: p.id, label: `${p.court} ${p.docket_number}` },
    event: e && { id: e.id, label: `${e.date} ${e.title}` },
  });
}

/** The stored file: the double has the bytes only when they were given. */
function file(db: Database, documentId: DocumentId): ArrayBuffer {
  const { pdf } = db.document(documentId);
  if (!pdf) throw notFound(`the file of document #${documentId} is missing from the library`);
  return pdf;
}

export function documentPdf(db: Database, documentId: DocumentId): ArrayBuffer {
  return file(db, documentId).slice(0);
}

export function openDocumentExternally(db: Database, documentId: DocumentId): void {
  file(db, documentId);
}
