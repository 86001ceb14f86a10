// The entry form driven by keyboard events only, over the in-memory backend.
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import DocketEntryForm from './DocketEntryForm.svelte';

async function setup() {
  const backend = await MemoryBackend.sample();
  const [c] = await backend.listCases();
  const [proceeding] = await backend.listProceedings(c.id);
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  render(DocketEntryForm, { props: { proceeding, onsaved, oncancel }, backend });
  return { backend, proceeding, onsaved, oncancel };
}

function type(id: string, value: string) {
  const el = document.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  flushSync();
}

function press(id: string, key: string) {
  document.getElementById(id)!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  flushSync();
}

describe('DocketEntryForm', () => {
  it('shows messages next to the fields and saves nothing when Enter is pressed on an empty form', async () => {
    const { backend, onsaved } = await setup();
    press('entry-date', 'Enter');
    await settle();
    expect(document.getElementById('entry-date-msg')!.textContent).toMatch(/date/i);
    expect(document.getElementById('entry-title-msg')!.textContent).toMatch(/title/i);
    expect(document.getElementById('entry-date')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('entry-date');
    expect(backend.calls).not.toContain('logEvent');
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('offers the outcome only for rulings, and saves on Enter from a select', async () => {
    const { backend, proceeding, onsaved } = await setup();
    type('entry-date', '2014-07-31');
    type('entry-kind', 'ruling');
    expect(document.getElementById('entry-outcome')).not.toBeNull();
    expect(document.getElementById('entry-side')).toBeNull();
    type('entry-title', 'Preska affirms the magistrate');
    type('entry-outcome', 'affirmed');
    press('entry-outcome', 'Enter');
    await settle();
    expect(onsaved).toHaveBeenCalledTimes(1);
    const saved = (await backend.listEvents(proceeding.id)).find((e) => e.title === 'Preska affirms the magistrate');
    expect(saved?.outcome).toBe('affirmed');
    // Ready for the next entry: date and kind kept, title cleared.
    expect((document.getElementById('entry-date') as HTMLInputElement).value).toBe('2014-07-31');
    expect((document.getElementById('entry-title') as HTMLInputElement).value).toBe('');
  });

  it('closes on Escape', async () => {
    const { oncancel } = await setup();
    press('entry-title', 'Escape');
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});

describe('DocketEntryForm attachments', () => {
  it('imports the attached PDFs and links them to the logged entry, saying what failed', async () => {
    const { backend, onsaved } = await setup();
    backend.addFile('/filings/motion.pdf', { pages: 5 });
    backend.addFile('/filings/locked.pdf', { pages: 1, failure: { reason: 'encrypted', error: 'the PDF is encrypted' } });
    type('entry-date', '2014-06-06');
    type('entry-kind', 'motion');
    type('entry-title', 'Motion to vacate');
    const attach = document.getElementById('entry-attach') as HTMLTextAreaElement;
    attach.value = '/filings/motion.pdf\n/filings/locked.pdf';
    attach.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    press('entry-title', 'Enter');
    await settle({ rounds: 10 });

    expect(onsaved).toHaveBeenCalledTimes(1);
    const saved = onsaved.mock.calls[0][0];
    const docs = await backend.listEventDocuments(saved.id);
    expect(docs.map((d) => d.original_name)).toEqual(['motion.pdf']);
    const note = document.querySelector('[data-testid=entry-attach-note]')!.textContent!;
    expect(note).toContain('Attached motion.pdf.');
    expect(note).toContain('Not attached: locked.pdf');
    expect(attach.value).toBe('');
  });
});
