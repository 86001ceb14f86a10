// A docket import's outcomes in plain words, and the Import view importing a
// docket file beside a PDF over the in-memory backend.
import { describe, expect, it } from 'vitest';
import type { DocketImport } from '../../bindings';
import { MemoryBackend, type FakeDocket } from '../../lib/memory/backend';
import { render, settle as settleRounds } from '../../test/render';
import { countWords, docketSummary, entriesWord, formatWords, originMissing, splitPaths } from './dockets';
import ImportView from './ImportView.svelte';
import { ImportJob } from './import-job.svelte';

const settle = () => settleRounds({ rounds: 10 });
const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

const base: DocketImport = {
  court: 'ca2',
  docket_number: '24-1234',
  case_name: 'Doe v. Acme Corp.',
  proceeding_id: 2,
  case_id: 1,
  entries: [],
  parties: [],
  originating: null,
  appeal_of: null,
  added: 0,
  updated: 0,
  unchanged: 0,
};

describe('docket words', () => {
  it('says what an import did, leaving out what did not happen', () => {
    expect(countWords({ added: 3, updated: 1, unchanged: 40 })).toBe('3 added, 1 changed, 40 unchanged');
    expect(countWords({ added: 0, updated: 0, unchanged: 12 })).toBe('12 unchanged');
    expect(countWords({ added: 0, updated: 0, unchanged: 0 })).toBe('no entries');
    expect(entriesWord(1)).toBe('1 entry');
    expect(formatWords('courtlistener')).toBe('CourtListener');
    expect(formatWords('pacer_district')).toBe('PACER district docket');
    expect(formatWords('some_new_format')).toBe('some new format');
  });

  it('offers to add the lower court only when it is named and not found', () => {
    expect(originMissing(base)).toBe(false);
    expect(originMissing({ ...base, originating: { court: 'nysd', docket_number: '1:23-cv-1' } })).toBe(true);
    expect(originMissing({ ...base, originating: { court: 'nysd', docket_number: '1:23-cv-1' }, appeal_of: { proceeding_id: 1 } })).toBe(false);
  });

  it('sums up a run of files, and splits PDFs from dockets in order', () => {
    const ok = { file: 'a.json', format: 'courtlistener', dockets: [base] };
    const bad = { file: 'b.html', error: 'not a docket' };
    expect(docketSummary([ok, bad])).toBe('2 docket files: 1 imported, 1 failed');
    expect(docketSummary([{ ...ok, dockets: [base, base] }])).toBe('1 docket file: 1 imported (2 dockets), 0 failed');
    expect(splitPaths(['/a.pdf', '/d.json', '/dir', '/e.html'], ['/e.html', '/d.json'])).toEqual({
      pdfs: ['/a.pdf', '/dir'],
      dockets: ['/d.json', '/e.html'],
    });
  });
});

const district: FakeDocket = {
  format: 'courtlistener',
  court: 'nysd',
  docket_number: '1:24-cv-00001',
  case_name: 'Doe v. Acme Corp.',
  entries: [
    { number: '1', date_filed: '2024-01-05', description: 'COMPLAINT against Acme Corp.' },
    { number: '2', date_filed: '2024-01-09', description: 'SUMMONS issued as to Acme Corp.' },
  ],
};

describe('ImportView with docket files', () => {
  it('imports a docket beside a PDF, says what it added, and a re-import what changed', async () => {
    const backend = new MemoryBackend();
    backend.addFile('/in/opinion.pdf', { pages: 3 });
    backend.addFile('/in/doe.json', { pages: 0, docket: district });
    backend.addFile('/in/login.html', { pages: 0, docketError: 'this is a PACER login page, not a docket' });
    const job = new ImportJob();
    render(ImportView, { props: { job }, backend });
    await settle();
    await job.start(backend, ['/in/opinion.pdf', '/in/doe.json', '/in/login.html'], null);
    await settle();
    expect(backend.calls.filter((c) => c === 'importFiles' || c === 'importDockets')).toEqual(['importFiles', 'importDockets']);
    expect(texts('[data-testid=import-status]')).toEqual(['imported']);
    expect(texts('[data-testid=docket-summary]')).toEqual(['2 docket files: 1 imported, 1 failed']);
    expect(texts('[data-testid=docket-counts]')).toEqual(['2 entries: 2 added']);
    expect(texts('[data-testid=docket-error]')).toEqual(['this is a PACER login page, not a docket']);

    const later = { ...district, entries: [...district.entries, { number: '3', date_filed: '2024-02-01', description: 'ORDER' }] };
    later.entries[1] = { ...later.entries[1], description: 'SUMMONS returned executed' };
    backend.addFile('/in/doe-later.json', { pages: 0, docket: later });
    await job.start(backend, ['/in/doe-later.json'], null);
    await settle();
    expect(texts('[data-testid=docket-counts]')).toEqual(['3 entries: 1 added, 1 changed, 1 unchanged']);
    const news = await backend.listNews(null);
    expect(news.map((n) => n.change)).toEqual(['added', 'added', 'updated', 'added']);
    expect(news[2].old_text).toBe('SUMMONS issued as to Acme Corp.');
    expect((await backend.listCaseSummaries())[0].news).toBe(4);
  });

  it('an appeal whose lower court is missing offers to add it to the same case', async () => {
    const backend = new MemoryBackend();
    backend.addFile('/in/appeal.json', {
      pages: 0,
      docket: { ...district, court: 'ca2', docket_number: '24-1234', originating: { court: 'nysd', docket_number: '1:24-cv-00001' } },
    });
    const job = new ImportJob();
    render(ImportView, { props: { job }, backend });
    await settle();
    await job.start(backend, ['/in/appeal.json'], null);
    await settle();
    expect(texts('[data-testid=docket-origin-missing]')[0]).toContain("The lower court's docket S.D.N.Y. 1:24-cv-00001 is not in Casetrail.");
    (document.querySelector('[data-testid=docket-add-origin]') as HTMLButtonElement).click();
    await settle();
    const caseId = job.dockets.flatMap((o) => ('dockets' in o ? o.dockets : []))[0].case_id;
    const proceedings = await backend.listProceedings(caseId);
    expect(proceedings.map((p) => `${p.court_id} ${p.docket_number}`).sort()).toEqual(['ca2 24-1234', 'nysd 1:24-cv-00001']);
    expect(document.querySelector('[data-testid=docket-add-origin]')).toBeNull();
  });
});
