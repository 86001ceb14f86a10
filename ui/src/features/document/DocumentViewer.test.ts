// The viewer over the in-memory backend: metadata, the highlights panel and
// its note editing, and a plain error when the stored file is missing (pdf.js
// itself is exercised by the end-to-end test in the real window).
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import DocumentViewer from './DocumentViewer.svelte';

async function setup() {
  const backend = new MemoryBackend();
  const doc = backend.seedDocument({
    title: 'Calvary Chapel v. Mills — opinion',
    original_name: 'calvary.pdf',
    pages: Array.from({ length: 17 }, () => ''),
    size_bytes: 44000,
    detected: { court: 'ca1', docket_number: '20-1507', filed: '2021-08-26', kind: 'opinion', citations: [] },
  });
  await backend.addHighlight({
    document_id: doc.id,
    page: 2,
    rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }],
    quote: 'the Governor’s orders',
    note: 'first note',
  });
  render(DocumentViewer, { props: { documentId: doc.id }, backend });
  await settle();
  return { backend, doc };
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('DocumentViewer', () => {
  it('shows the metadata, the highlights and why the page cannot be drawn', async () => {
    await setup();
    expect(byTestId('document-title')?.textContent).toContain('Calvary Chapel');
    expect(byTestId('meta-court')?.textContent).toBe('1st Cir.');
    expect(byTestId('meta-docket')?.textContent).toBe('20-1507');
    expect(byTestId('highlight-item')?.textContent).toContain('p. 2');
    expect(byTestId('highlight-note')?.textContent).toBe('first note');
    expect(byTestId('viewer-error')?.textContent).toContain('missing from the library');
    expect((byTestId('highlight-selection') as HTMLButtonElement).disabled).toBe(true);
  });

  it('edits a highlight note in place and deletes a highlight', async () => {
    const { backend, doc } = await setup();
    byTestId('highlight-edit')!.click();
    flushSync();
    const input = byTestId('highlight-note-input') as HTMLTextAreaElement;
    input.value = 'second thoughts';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await settle();
    expect((await backend.listHighlights(doc.id))[0].note).toBe('second thoughts');
    expect(byTestId('highlight-note')?.textContent).toBe('second thoughts');

    byTestId('highlight-delete')!.click();
    await settle();
    expect(await backend.listHighlights(doc.id)).toEqual([]);
    expect(byTestId('no-highlights')).not.toBeNull();
  });

  it('says when opening in the system viewer fails', async () => {
    await setup();
    byTestId('open-externally')!.click();
    await settle();
    expect(document.querySelector('.open [role=alert]')?.textContent).toContain('missing from the library');
  });
});
