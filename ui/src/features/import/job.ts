// The import's pure logic: folding the backend's events into what the view
// shows, and saying outcomes in plain words. No Svelte here, so Vitest checks
// it directly.

import type { CaseId, Detected, FileOutcome, ImportEvent } from '../../bindings';

/** Files dropped on the window, and the case open when they were dropped. */
export interface Drop {
  paths: string[];
  caseId: CaseId | null;
}

/** Where a running import stands. */
export interface Progress {
  filesDone: number;
  filesTotal: number;
  pagesDone: number;
  /** The file most recently started. */
  current: string | null;
}

export const NO_PROGRESS: Progress = { filesDone: 0, filesTotal: 0, pagesDone: 0, current: null };

/** What the view shows while and after an import runs. */
export interface Snapshot {
  progress: Progress;
  /** Outcomes in the order the files finished (replaced by input order at the end). */
  outcomes: FileOutcome[];
}

/** Fold one event from the backend into the snapshot (returns a new one). */
export function applyEvent(s: Snapshot, e: ImportEvent): Snapshot {
  if (e.type === 'finished') return { ...s, outcomes: [...s.outcomes, e.outcome] };
  return {
    ...s,
    progress: { filesDone: e.files_done, filesTotal: e.files_total, pagesDone: e.pages_done, current: e.current },
  };
}

/** Whole percent of files done, 0 when nothing is known yet. */
export function percent(p: Progress): number {
  if (p.filesTotal <= 0) return 0;
  return Math.min(100, Math.floor((p.filesDone * 100) / p.filesTotal));
}

/**
 * Paths typed or pasted into the path field: one per line (a path may contain
 * spaces), surrounding quotes and `file://` prefixes removed, empty lines dropped.
 */
export function parsePaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .map((l) => (/^(['"]).*\1$/.test(l) ? l.slice(1, -1) : l))
    .map((l) => (l.startsWith('file://') ? decodeURIComponent(l.slice('file://'.length)) : l))
    .filter((l) => l !== '');
}

/** The last part of a path. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

const REASONS: Record<string, string> = {
  unreadable: 'The file could not be read.',
  empty_file: 'The file is empty.',
  not_pdf: 'This file is not a PDF.',
  encrypted: 'The PDF is password-protected. Save an unprotected copy and import that.',
  damaged_xref: 'The PDF is damaged (its index of contents is broken).',
  damaged: 'The PDF is damaged.',
  no_pages: 'The PDF has no readable pages.',
  timed_out: 'Reading the PDF took too long and was stopped.',
  memory_limit: 'Reading the PDF needed too much memory and was stopped.',
  page_count_mismatch: 'Not every page of the PDF could be read.',
  worker: 'The PDF reader stopped unexpectedly.',
  storage: 'The file could not be copied into the document library.',
  cancelled: 'Not imported: the import was cancelled.',
};

/** Why a file failed, for a person: a sentence for the reason, then the details. */
export function failureWords(o: FileOutcome): string {
  const lead = (o.reason && REASONS[o.reason]) || 'The file could not be imported.';
  const detail = o.error?.trim();
  if (!detail || o.reason === 'cancelled') return lead;
  return `${lead} (${detail})`;
}

/** The status word shown on a result row. */
export function statusWord(o: FileOutcome): string {
  switch (o.status) {
    case 'imported':
      return 'imported';
    case 'duplicate':
      return 'duplicate';
    default:
      return o.reason === 'cancelled' ? 'cancelled' : 'failed';
  }
}

/** "17 pages", "1 page", plus the pages still needing OCR. */
export function pagesWords(o: FileOutcome): string {
  if (o.pages === null) return '';
  const pages = `${o.pages} ${o.pages === 1 ? 'page' : 'pages'}`;
  const ocr = o.pages_needing_ocr ?? 0;
  return ocr > 0 ? `${pages}, ${ocr} need${ocr === 1 ? 's' : ''} OCR` : pages;
}

const KIND_WORDS: Record<string, string> = { amicus_brief: 'amicus brief' };

/** What was detected in the first pages, as labelled facts (only those found). */
export function detectedFacts(d: Detected | null): { label: string; value: string }[] {
  if (!d) return [];
  const facts: { label: string; value: string }[] = [];
  if (d.court) facts.push({ label: 'Court', value: d.court });
  if (d.docket_number) facts.push({ label: 'Docket', value: d.docket_number });
  if (d.filed) facts.push({ label: 'Filed', value: d.filed });
  if (d.kind) facts.push({ label: 'Kind', value: KIND_WORDS[d.kind] ?? d.kind.replace(/_/g, ' ') });
  return facts;
}

/** "2 imported, 1 duplicate, 1 failed". */
export function summary(outcomes: FileOutcome[]): string {
  const n = (s: string) => outcomes.filter((o) => statusWord(o) === s).length;
  const parts = [`${n('imported')} imported`, `${n('duplicate')} duplicate${n('duplicate') === 1 ? '' : 's'}`, `${n('failed')} failed`];
  if (n('cancelled') > 0) parts.push(`${n('cancelled')} cancelled`);
  return parts.join(', ');
}
