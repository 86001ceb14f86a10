// The in-memory double refuses bad highlights with the core's messages
// (crates/model/src/highlight.rs, crates/store/src/highlights.rs), which the viewer shows as is.
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';

function setup() {
  const backend = new MemoryBackend();
  const doc = backend.seedDocument({ title: 'Opinion', original_name: 'o.pdf', pages: ['', '', ''], size_bytes: 1 });
  const ok = { document_id: doc.id, page: 2, rects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.02 }], quote: 'text', note: '' };
  return { backend, doc, ok };
}

describe('MemoryBackend highlights', () => {
  it('refuses what the core refuses, with its words', async () => {
    const { backend, doc, ok } = setup();
    await expect(backend.addHighlight({ ...ok, page: 0 })).rejects.toThrow('pages are numbered from 1');
    await expect(backend.addHighlight({ ...ok, page: 4 })).rejects.toThrow(
      `page 4 is past the end of document #${doc.id} (3 pages)`,
    );
    await expect(backend.addHighlight({ ...ok, rects: [] })).rejects.toThrow('a highlight needs at least one rectangle');
    await expect(backend.addHighlight({ ...ok, rects: [{ x: 0.9, y: 0, w: 0.2, h: 0.1 }] })).rejects.toThrow(
      'a highlight rectangle must lie on the page',
    );
    await expect(backend.addHighlight({ ...ok, quote: ' ' })).rejects.toThrow('a highlight needs the text it marks');
    await expect(backend.addHighlight({ ...ok, document_id: 999 })).rejects.toThrow('no document #999');
    expect(await backend.listHighlights(doc.id)).toEqual([]);
  });

  it('lists by page, trims notes, edits and deletes', async () => {
    const { backend, doc, ok } = setup();
    const b = await backend.addHighlight({ ...ok, page: 3, note: '  later ' });
    const a = await backend.addHighlight(ok);
    expect((await backend.listHighlights(doc.id)).map((h) => h.id)).toEqual([a.id, b.id]);
    expect(b.note).toBe('later');
    expect((await backend.editHighlightNote(a.id, ' why ')).note).toBe('why');
    await backend.deleteHighlight(b.id);
    await expect(backend.deleteHighlight(b.id)).rejects.toThrow(`no highlight #${b.id}`);
    expect(await backend.listHighlights(doc.id)).toHaveLength(1);
  });
});
