// The in-memory double's import and document methods answer as the core does:
// the same validation messages, folders expanded, duplicates by content.
import { describe, expect, it } from 'vitest';
import type { ImportEvent } from '../../bindings';
import { MemoryBackend } from './backend';

describe('MemoryBackend import', () => {
  it('refuses an empty list and an unknown case with the core words', async () => {
    const b = await MemoryBackend.sample();
    await expect(b.importFiles([], null, () => {})).rejects.toMatchObject({
      kind: 'invalid_input',
      message: 'choose at least one PDF file or folder to import',
    });
    await expect(b.importFiles(['/x.pdf'], 999, () => {})).rejects.toMatchObject({
      kind: 'not_found',
      message: 'no case #999',
    });
  });

  it('expands folders in name order and streams a finished event then the counts per file', async () => {
    const b = await MemoryBackend.sample();
    b.addFile('/f/b.pdf', { pages: 2 });
    b.addFile('/f/a.PDF', { pages: 3 });
    b.addFile('/f/notes.txt', { pages: 1 });
    const events: ImportEvent[] = [];
    const outcomes = await b.importFiles(['/f'], null, (e) => events.push(e));
    expect(outcomes.map((o) => o.path)).toEqual(['/f/a.PDF', '/f/b.pdf']);
    expect(events.map((e) => e.type)).toEqual(['progress', 'finished', 'progress', 'progress', 'finished', 'progress']);
    expect(events[events.length - 1]).toMatchObject({ files_done: 2, files_total: 2, pages_done: 5 });
  });

  it('links with the core rules', async () => {
    const b = await MemoryBackend.sample();
    const [c] = await b.listCases();
    const other = await b.addCase({ slug: 'other', name: 'Other', summary: '' });
    const [sdny, ca2] = await b.listProceedings(c.id);
    const [ruling] = await b.listEvents(sdny.id);
    b.addFile('/d.pdf', { pages: 1 });
    const [o] = await b.importFiles(['/d.pdf'], null, () => {});
    const id = o.document_id!;
    await expect(b.linkDocument(id, other.id, sdny.id, null)).rejects.toThrow(
      `proceeding #${sdny.id} belongs to another case`,
    );
    await expect(b.linkDocument(id, null, ca2.id, ruling.id)).rejects.toThrow(
      `event #${ruling.id} is not in the document's proceeding`,
    );
    await expect(b.linkDocument(12345, null, null, null)).rejects.toThrow('no document #12345');
    const linked = await b.linkDocument(id, null, sdny.id, ruling.id);
    expect([linked.case_id, linked.proceeding_id, linked.event_id]).toEqual([c.id, sdny.id, ruling.id]);
    const detached = await b.linkDocument(id, null, null, null);
    expect([detached.case_id, detached.proceeding_id, detached.event_id]).toEqual([null, null, null]);
  });

  it('puts an imported file in the one database: listed, searched and viewed', async () => {
    const b = await MemoryBackend.sample();
    const [c] = await b.listCases();
    b.addFile('/d/opinion.pdf', {
      pages: 2,
      text: ['Caption', 'The warrant reaches e-mail stored in Dublin.'],
      detected: { court: 'ca2', docket_number: '14-2985' },
    });
    const [o] = await b.importFiles(['/d/opinion.pdf'], c.id, () => {});
    expect((await b.listDocuments(c.id)).map((d) => d.id)).toEqual([o.document_id]);
    const [hit] = await b.search('dublin');
    expect(hit).toMatchObject({ kind: 'page', document_id: o.document_id, page: 2, court: '2d Cir.', case_id: c.id });
    expect(await b.getDocument(o.document_id!)).toMatchObject({ court: '2d Cir.', docket_number: '14-2985', page_count: 2 });
    await b.addNote({ kind: 'document', id: o.document_id! }, 'Compare the Stored Communications Act.');
    expect((await b.search('stored')).map((h) => h.kind).sort()).toEqual(['note', 'page']);
  });
});
