// The Import view over the in-memory backend: typing a path, progress, per-file
// results in plain words, cancel, one import at a time, and linking a document.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle as settleRounds } from '../../test/render';
import ImportView from './ImportView.svelte';
import { ImportJob } from './import-job.svelte';

const settle = () => settleRounds({ rounds: 8 });

async function setup() {
  const backend = await MemoryBackend.sample();
  backend.addFile('/docs/opinion.pdf', {
    pages: 17,
    detected: { court: 'ca2', docket_number: '14-2985', filed: '2016-07-14', kind: 'opinion' },
  });
  backend.addFile('/docs/scan.pdf', { pages: 4, pagesNeedingOcr: 4, warnings: ['4 pages need OCR, which is unavailable: tesseract not found'] });
  backend.addFile('/docs/locked.pdf', {
    pages: 0,
    failure: { reason: 'encrypted', error: 'the PDF is encrypted: a password is needed to open it' },
  });
  const job = new ImportJob();
  render(ImportView, { props: { job }, backend });
  await settle();
  return { backend, job };
}

function typePaths(text: string) {
  const field = document.querySelector('[data-testid=import-path]') as HTMLTextAreaElement;
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
  return field;
}

const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.textContent?.trim());

describe('ImportView', () => {
  it('imports typed paths on Enter and shows each outcome in plain words', async () => {
    const { backend } = await setup();
    const field = typePaths('/docs/opinion.pdf\n/docs/scan.pdf\n/docs/locked.pdf\n/docs/missing.pdf');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(backend.calls).toContain('importFiles');
    expect(texts('[data-testid=import-status]')).toEqual(['imported', 'imported', 'failed', 'failed']);
    expect(texts('[data-testid=import-pages]')).toEqual(['17 pages', '4 pages, 4 need OCR']);
    const errors = texts('[data-testid=import-error]');
    expect(errors[0]).toMatch(/^The PDF is password-protected/);
    expect(errors[1]).toMatch(/^The file could not be read\. \(cannot read the file/);
    expect(texts('[data-testid=import-warning]')[0]).toContain('tesseract not found');
    expect(document.querySelector('[data-testid=import-detected]')?.textContent).toContain('14-2985');
    expect(document.querySelector('[data-testid=import-counts]')?.textContent).toContain('4 of 4 files · 21 pages · 100%');
    expect(document.querySelector('[data-testid=import-summary]')?.textContent).toBe('2 imported, 0 duplicates, 2 failed');
  });

  it('reports the same bytes a second time as a duplicate, with its existing link', async () => {
    const { backend } = await setup();
    const [c] = await backend.listCases();
    const caseSelect = document.querySelector('[data-testid=import-case]') as HTMLSelectElement;
    caseSelect.value = String(c.id);
    caseSelect.dispatchEvent(new Event('change', { bubbles: true }));
    typePaths('/docs/opinion.pdf');
    (document.querySelector('[data-testid=import-start]') as HTMLButtonElement).click();
    await settle();
    (document.querySelector('[data-testid=import-start]') as HTMLButtonElement).click();
    await settle();
    expect(texts('[data-testid=import-status]')).toEqual(['duplicate']);
    expect((await backend.listDocuments(null)).length).toBe(1);
    // The link form starts from the document's link: the case, and the proceeding
    // its detected docket number (14-2985) matched.
    expect((document.querySelector('[data-testid=link-case]') as HTMLSelectElement).value).toBe(String(c.id));
    expect((document.querySelector('[data-testid=link-proceeding]') as HTMLSelectElement).selectedOptions[0].textContent).toBe(
      '2d Cir. 14-2985',
    );
  });

  it('says what is missing instead of starting with no path', async () => {
    const { backend } = await setup();
    (document.querySelector('[data-testid=import-start]') as HTMLButtonElement).click();
    await settle();
    expect(document.querySelector('[data-testid=import-field-error]')?.textContent).toMatch(/Choose PDF or docket files/);
    expect(backend.calls).not.toContain('importFiles');
  });

  it('adds the paths chosen in the native dialog to the list', async () => {
    const { backend } = await setup();
    backend.nextChosenPaths = ['/docs/opinion.pdf', '/docs/scan.pdf'];
    (document.querySelector('[data-testid=import-choose-files]') as HTMLButtonElement).click();
    await settle();
    expect((document.querySelector('[data-testid=import-path]') as HTMLTextAreaElement).value).toBe(
      '/docs/opinion.pdf\n/docs/scan.pdf',
    );
    backend.nextChosenPaths = null; // cancelled dialog changes nothing
    (document.querySelector('[data-testid=import-choose-folder]') as HTMLButtonElement).click();
    await settle();
    expect((document.querySelector('[data-testid=import-path]') as HTMLTextAreaElement).value).toBe(
      '/docs/opinion.pdf\n/docs/scan.pdf',
    );
  });

  it('shows the current file while running, and Cancel reports the rest as cancelled', async () => {
    const { backend, job } = await setup();
    for (let i = 0; i < 6; i++) backend.addFile(`/many/f${i}.pdf`, { pages: 2 });
    backend.importDelayMs = 20;
    typePaths('/many');
    (document.querySelector('[data-testid=import-start]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 30));
    flushSync();
    expect(job.running).toBe(true);
    expect(document.querySelector('[data-testid=import-current]')?.textContent).toMatch(/Reading f\d\.pdf/);
    expect((document.querySelector('[data-testid=import-start]') as HTMLButtonElement).disabled).toBe(true);
    // A second import at the same time is refused by the backend, in words.
    await expect(backend.importFiles(['/docs/scan.pdf'], null, () => {})).rejects.toThrow(/already running/);
    (document.querySelector('[data-testid=import-cancel]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(job.running).toBe(false);
    const statuses = texts('[data-testid=import-status]');
    expect(statuses).toHaveLength(6);
    expect(statuses).toContain('cancelled');
    expect(statuses.filter((s) => s === 'imported').length).toBeLessThan(6);
    expect(document.querySelector('[data-testid=import-counts]')?.textContent).toMatch(
      new RegExp(`^${6 - statuses.filter((s) => s === 'cancelled').length} of 6 files`),
    );
    expect((await backend.listDocuments(null)).length).toBe(statuses.filter((s) => s === 'imported').length);
  });

  it('links an imported document to a proceeding of a case', async () => {
    const { backend } = await setup();
    const [c] = await backend.listCases();
    const ca2 = (await backend.listProceedings(c.id)).find((p) => p.court === '2d Cir.')!;
    typePaths('/docs/scan.pdf');
    (document.querySelector('[data-testid=import-start]') as HTMLButtonElement).click();
    await settle();
    const caseSelect = document.querySelector('[data-testid=link-case]') as HTMLSelectElement;
    caseSelect.value = String(c.id);
    caseSelect.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const proceeding = document.querySelector('[data-testid=link-proceeding]') as HTMLSelectElement;
    proceeding.value = String(ca2.id);
    proceeding.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const event = document.querySelector('[data-testid=link-event]') as HTMLSelectElement;
    expect(event.options.length).toBe(2); // "No event" and the Second Circuit's ruling
    event.value = event.options[1].value;
    event.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    (document.querySelector('[data-testid=link-save]') as HTMLButtonElement).click();
    await settle();
    expect(document.querySelector('[data-testid=link-status]')?.textContent).toContain('2d Cir. 14-2985');
    const [doc] = await backend.listDocuments(c.id);
    expect(doc.proceeding_id).toBe(ca2.id);
    expect(doc.event_id).toBe(Number(event.options[1].value));
  });
});
