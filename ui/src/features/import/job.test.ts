// The import's pure logic: events folded into progress and results, paths
// parsed from the text field, outcomes said in plain words.
import { describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../bindings';
import {
  applyEvent,
  detectedFacts,
  failureWords,
  fileName,
  NO_PROGRESS,
  pagesWords,
  parsePaths,
  percent,
  statusWord,
  summary,
} from './job';

const outcome = (o: Partial<FileOutcome>): FileOutcome => ({
  path: '/tmp/a.pdf',
  status: 'imported',
  document_id: 1,
  case_id: null,
  proceeding_id: null,
  pages: 17,
  pages_needing_ocr: 0,
  error: null,
  reason: null,
  warnings: [],
  detected: null,
  ...o,
});

describe('import job logic', () => {
  it('folds progress and finished events in order', () => {
    let s = { progress: NO_PROGRESS, outcomes: [] as FileOutcome[] };
    s = applyEvent(s, { type: 'progress', files_done: 0, files_total: 2, pages_done: 0, current: '/x/a.pdf' });
    expect(s.progress).toEqual({ filesDone: 0, filesTotal: 2, pagesDone: 0, current: '/x/a.pdf' });
    s = applyEvent(s, { type: 'finished', outcome: outcome({ path: '/x/a.pdf' }) });
    s = applyEvent(s, { type: 'progress', files_done: 1, files_total: 2, pages_done: 17, current: '/x/a.pdf' });
    expect(s.outcomes.map((o) => o.path)).toEqual(['/x/a.pdf']);
    expect(percent(s.progress)).toBe(50);
    expect(percent(NO_PROGRESS)).toBe(0);
  });

  it('reads one path per line, keeping spaces and dropping quotes and file:// prefixes', () => {
    expect(parsePaths('  /a b/c.pdf \n\n"/d/e.pdf"\r\nfile:///f/g%20h.pdf\n')).toEqual([
      '/a b/c.pdf',
      '/d/e.pdf',
      '/f/g h.pdf',
    ]);
    expect(parsePaths('   \n')).toEqual([]);
    expect(fileName('/a/b/c.pdf')).toBe('c.pdf');
    expect(fileName('/a/folder/')).toBe('folder');
  });

  it('says failures in plain words with the details', () => {
    const encrypted = outcome({
      status: 'failed',
      reason: 'encrypted',
      error: 'the PDF is encrypted: a password is needed to open it',
      pages: null,
    });
    expect(failureWords(encrypted)).toBe(
      'The PDF is password-protected. Save an unprotected copy and import that. (the PDF is encrypted: a password is needed to open it)',
    );
    expect(statusWord(encrypted)).toBe('failed');
    const cancelled = outcome({ status: 'failed', reason: 'cancelled', error: 'import cancelled' });
    expect(statusWord(cancelled)).toBe('cancelled');
    expect(failureWords(cancelled)).toBe('Not imported: the import was cancelled.');
    expect(failureWords(outcome({ status: 'failed', reason: 'new_code', error: 'odd' }))).toBe(
      'The file could not be imported. (odd)',
    );
  });

  it('counts pages, OCR, detected facts and the summary', () => {
    expect(pagesWords(outcome({ pages: 1 }))).toBe('1 page');
    expect(pagesWords(outcome({ pages: 17, pages_needing_ocr: 3 }))).toBe('17 pages, 3 need OCR');
    expect(pagesWords(outcome({ pages: null }))).toBe('');
    expect(
      detectedFacts({ court: 'ca1', docket_number: '20-1507', filed: '2020-07-01', kind: 'amicus_brief', citations: [] }),
    ).toEqual([
      { label: 'Court', value: 'ca1' },
      { label: 'Docket', value: '20-1507' },
      { label: 'Filed', value: '2020-07-01' },
      { label: 'Kind', value: 'amicus brief' },
    ]);
    expect(detectedFacts(null)).toEqual([]);
    expect(
      summary([
        outcome({}),
        outcome({ status: 'duplicate' }),
        outcome({ status: 'failed', reason: 'not_pdf' }),
        outcome({ status: 'failed', reason: 'cancelled' }),
      ]),
    ).toBe('1 imported, 1 duplicate, 1 failed, 1 cancelled');
  });
});
