// A case's documents tab over the in-memory backend: lists the case's documents
// only, says where each is linked, and opens one in the viewer route.
import { describe, expect, it } from 'vitest';
import type { Route } from '../../lib/route';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import DocumentsTab from './DocumentsTab.svelte';

describe('DocumentsTab', () => {
  it("lists the case's documents with their proceeding and opens one in the viewer", async () => {
    const backend = await MemoryBackend.sample();
    const [c] = await backend.listCases();
    const proceedings = await backend.listProceedings(c.id);
    backend.addFile('/d/ruling.pdf', { pages: 17, detected: { docket_number: '14-2985', court: 'ca2' } });
    backend.addFile('/d/elsewhere.pdf', { pages: 2 });
    await backend.importFiles(['/d/ruling.pdf'], c.id, () => {});
    await backend.importFiles(['/d/elsewhere.pdf'], null, () => {});
    const routes: Route[] = [];
    render(DocumentsTab, { props: { caseId: c.id, proceedings }, backend, navigate: (to) => routes.push(to) });
    await settle();
    const rows = document.querySelectorAll('[data-testid=case-document]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('ruling');
    expect(rows[0].querySelector('[data-testid=case-document-proceeding]')?.textContent).toBe('2d Cir. 14-2985');
    (rows[0].querySelector('[data-testid=case-document-open]') as HTMLButtonElement).click();
    const [doc] = await backend.listDocuments(c.id);
    expect(routes).toEqual([{ view: 'document', documentId: doc.id }]);
  });

  it('says there are no documents yet', async () => {
    const backend = await MemoryBackend.sample();
    const [c] = await backend.listCases();
    render(DocumentsTab, { props: { caseId: c.id, proceedings: [] }, backend });
    await settle();
    expect(document.querySelector('[data-testid=case-documents-empty]')?.textContent).toContain('No documents yet');
  });
});
