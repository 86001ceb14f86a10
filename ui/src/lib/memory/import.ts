// The double's import: files it pretends are on disk, imported one at a time
// with the progress events the app streams, into the same documents table
// that `seedDocument` writes (so an imported file is listed, searched, viewed).

import type { CaseId, Detected, FileOutcome, ImportEvent } from '../../bindings';
import { type Database, invalid } from './database';
import { addDocument } from './documents';
import type { FakeDocket } from './dockets';

/** A file the double pretends is on disk (see `MemoryBackend.addFile`). */
export interface FakeFile {
  pages: number;
  /** Text per page (defaults to blank pages); what search finds once imported. */
  text?: string[];
  /** Stands for the bytes: two files with the same `content` are duplicates. Defaults to the path. */
  content?: string;
  /** Pages without a text layer (the last ones). */
  pagesNeedingOcr?: number;
  detected?: Partial<Detected>;
  warnings?: string[];
  /** Make the file fail as the core would, e.g. `{ reason: 'not_pdf', error: '… is not a PDF' }`. */
  failure?: { reason: string; error: string };
  /** A docket file (not a PDF): what the double "parses" from it. */
  docket?: FakeDocket;
  /** A docket file that fails to parse, with the core's error. */
  docketError?: string;
}

function blankOutcome(path: string, status: FileOutcome['status']): FileOutcome {
  return {
    path,
    status,
    document_id: null,
    case_id: null,
    proceeding_id: null,
    pages: null,
    pages_needing_ocr: null,
    error: null,
    reason: null,
    warnings: [],
    detected: null,
  };
}

export class Importer {
  private files = new Map<string, FakeFile>();
  private running: { cancelled: boolean } | null = null;
  /** Milliseconds spent on each file, so progress and cancel can be seen. */
  delayMs = 0;

  constructor(private readonly db: Database) {}

  addFile(path: string, file: FakeFile): void {
    this.files.set(path, file);
  }

  /** A file the double pretends is on disk, if any. */
  file(path: string): FakeFile | undefined {
    return this.files.get(path);
  }

  /** `is_docket_file`: a known file that is not a PDF. */
  isDocket(path: string): boolean {
    const f = this.files.get(path);
    return f !== undefined && (f.docket !== undefined || f.docketError !== undefined);
  }

  /** Whether an import (PDF or docket) holds the slot. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Folders expand to the fake PDFs below them (sorted), files stay as given. */
  private collect(paths: string[]): string[] {
    const out: string[] = [];
    for (const p of paths) {
      const dir = p.endsWith('/') ? p : `${p}/`;
      const below = [...this.files.keys()].filter((f) => f.startsWith(dir) && /\.pdf$/i.test(f)).sort();
      if (!this.files.has(p) && below.length > 0) out.push(...below);
      else out.push(p);
    }
    return out;
  }

  async run(paths: string[], caseId: CaseId | null, onEvent: (event: ImportEvent) => void): Promise<FileOutcome[]> {
    if (paths.length === 0) throw invalid('choose at least one PDF file or folder to import');
    if (caseId !== null) this.db.case(caseId);
    if (this.running) throw invalid('an import is already running; wait for it to finish or cancel it');
    const cancel = { cancelled: false };
    this.running = cancel;
    try {
      const files = this.collect(paths);
      const outcomes: FileOutcome[] = [];
      let pagesDone = 0;
      const progress = (current: string | null) =>
        onEvent({ type: 'progress', files_done: outcomes.length, files_total: files.length, pages_done: pagesDone, current });
      for (const path of files) {
        if (cancel.cancelled) break;
        progress(path);
        await new Promise((r) => setTimeout(r, this.delayMs));
        if (cancel.cancelled) break;
        const outcome = this.importOne(path, caseId);
        outcomes.push(outcome);
        pagesDone += outcome.pages ?? 0;
        onEvent({ type: 'finished', outcome });
        progress(path);
      }
      return files.map(
        (path, i) => outcomes[i] ?? { ...blankOutcome(path, 'failed'), reason: 'cancelled', error: 'import cancelled' },
      );
    } finally {
      this.running = null;
    }
  }

  /** Stop the running import; false when none is running. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.cancelled = true;
    return true;
  }

  private importOne(path: string, caseId: CaseId | null): FileOutcome {
    const file = this.files.get(path);
    if (!file) {
      return { ...blankOutcome(path, 'failed'), reason: 'unreadable', error: 'cannot read the file: No such file or directory (os error 2)' };
    }
    if (file.failure) return { ...blankOutcome(path, 'failed'), ...file.failure };
    const sha256 = file.content ?? path;
    const existing = this.db.documents.find((d) => d.sha256 === sha256);
    if (existing) {
      return {
        ...blankOutcome(path, 'duplicate'),
        document_id: existing.id,
        case_id: existing.case_id,
        proceeding_id: existing.proceeding_id,
        pages: existing.page_count,
        pages_needing_ocr: existing.pages_needing_ocr,
        detected: existing.detected,
      };
    }
    const detected: Detected = { court: null, docket_number: null, filed: null, kind: null, citations: [], ...file.detected };
    const proceeding =
      caseId !== null && detected.docket_number
        ? this.db.proceedings.find((p) => p.case_id === caseId && p.docket_number === detected.docket_number)
        : undefined;
    const name = path.split('/').pop() ?? path;
    const scanned = Math.min(file.pagesNeedingOcr ?? 0, file.pages);
    const doc = addDocument(this.db, {
      sha256,
      title: name.replace(/\.pdf$/i, '').replace(/_/g, ' ').trim() || 'Untitled document',
      original_name: name,
      size_bytes: 1000 * file.pages,
      pages: Array.from({ length: file.pages }, (_, i) => file.text?.[i] ?? ''),
      pages_needing_ocr: Array.from({ length: scanned }, (_, i) => file.pages - scanned + i + 1),
      case_id: caseId,
      proceeding_id: proceeding?.id ?? null,
      detected,
      ocr: scanned > 0 ? 'unavailable' : 'not_needed',
      warnings: file.warnings ?? [],
    });
    return {
      ...blankOutcome(path, 'imported'),
      document_id: doc.id,
      case_id: doc.case_id,
      proceeding_id: doc.proceeding_id,
      pages: doc.page_count,
      pages_needing_ocr: doc.pages_needing_ocr,
      warnings: doc.warnings,
      detected,
    };
  }
}
