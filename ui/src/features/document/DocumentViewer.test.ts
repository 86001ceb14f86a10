// The viewer over the in-memory backend: metadata, the highlights panel and
// its note editing, and a plain error when the stored file is missing (pdf.js
// itself is exercised by the end-to-end test in the real window).
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { backendContext } from '../../lib/context';
import { MemoryBackend } from '../../lib/memory-backend';
import DocumentViewer from './DocumentViewer.svelte';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  document.body.innerHTML = '';
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
};

async function setup() {
  const backend = new MemoryBackend();
  const doc = backend.addDocument({
    title: 'Calvary Chapel v. Mills — opinion',
    original_name: 'calvary.pdf',
    page_count: 17,
    size_bytes: 44000,
    imported_at: '2026-11-26T10:00:00Z',
    court: '1st Cir.',
    docket_number: '20-1507',
    filed: '2021-08-26',
    kind: 'opinion',
    citations: [],
    case: null,
    proceeding: null,
    event: null,
  });
  await backend.addHighlight({
    document_id: doc.id,
    page: 2,
    rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }],
    quote: 'the Governor’s orders',
    note: 'first note',
  });
  const target = document.body.appendChild(document.createElement('div'));
  const app = mount(DocumentViewer, {
    target,
    props: { documentId: doc.id },
    context: backendContext(backend),
  });
  cleanup = () => unmount(app);
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
