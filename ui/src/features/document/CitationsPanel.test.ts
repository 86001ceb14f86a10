// The viewer's citation list and the bad-redaction notice, over the in-memory
// backend: grouped, reachable by keyboard, each place a button naming its page.
import { describe, expect, it } from 'vitest';
import type { StoredCitation } from '../../bindings';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import CitationsPanel from './CitationsPanel.svelte';
import DocumentViewer from './DocumentViewer.svelte';

const iqbal = {
  page: 2,
  start: 40,
  end: 57,
  kind: 'case',
  text: '556 U.S. 662, 678',
  key: '556 U.S. 662',
  authority: '556 U.S. 662',
  pin: '678',
  name: 'Ashcroft v. Iqbal',
  court: null,
  year: 2009,
};
const statute = {
  ...iqbal,
  page: 3,
  kind: 'statute',
  text: '42 U.S.C. § 1983',
  key: '42 U.S.C. § 1983',
  authority: '42 U.S.C. § 1983',
  pin: null,
  name: null,
  year: null,
};

const all = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];

describe('CitationsPanel', () => {
  it('lists the groups and calls back with the chosen citation', async () => {
    const chosen: StoredCitation[] = [];
    const cites = [iqbal, statute].map((c) => ({ ...c, document_id: 1, title: 'Brief' }));
    render(CitationsPanel, { props: { citations: cites, current: cites[1], onjump: (c) => chosen.push(c) } });
    expect(all('[data-testid=citation-group]').map((h) => h.textContent)).toEqual(['Cases', 'Statutes']);
    expect(all('[data-testid=cited-authority-label]')[0].textContent).toBe('Ashcroft v. Iqbal, 556 U.S. 662 (2009)');
    const jumps = all('[data-testid=citation-jump]') as HTMLButtonElement[];
    expect(jumps.map((b) => b.tagName)).toEqual(['BUTTON', 'BUTTON']);
    expect(jumps[0].getAttribute('aria-label')).toBe('“556 U.S. 662, 678” on page 2');
    expect(jumps[1].getAttribute('aria-current')).toBe('true');
    jumps[0].click();
    expect(chosen.map((c) => c.page)).toEqual([2]);
  });

  it('says when the document cites nothing', () => {
    render(CitationsPanel, { props: { citations: [], onjump: () => {} } });
    expect(document.querySelector('[data-testid=no-citations]')).not.toBeNull();
  });
});

describe('DocumentViewer with what the import found', () => {
  it('lists the citations and counts the bad redactions by page', async () => {
    const backend = new MemoryBackend();
    const doc = backend.seedDocument({ title: 'Brief', pages: ['one', 'two', 'three'] });
    backend.seedFound(doc.id, {
      citations: [iqbal, statute],
      redactions: [
        { page: 1, rect: [78, 295, 270, 311], text: 'The settlement amount' },
        { page: 3, rect: [10, 10, 50, 20], text: 'x' },
      ],
    });
    render(DocumentViewer, { props: { documentId: doc.id }, backend });
    await settle();
    expect(all('[data-testid=citation-jump]')).toHaveLength(2);
    expect(document.querySelector('[data-testid=citation-count]')?.textContent).toBe('(2)');
    const notice = document.querySelector('[data-testid=bad-redaction-count]')?.textContent ?? '';
    expect(notice.replace(/\s+/g, ' ')).toContain('2 bad redactions: the text under these boxes is readable. Pages 1, 3.');
    expect(backend.calls).toContain('documentBadRedactions');
  });
});

describe('CitationsPanel when the citations could not be loaded', () => {
  it('says why instead of claiming there are none', () => {
    render(CitationsPanel, { props: { citations: [], error: 'database is locked', onjump: () => {} } });
    expect(document.querySelector('[data-testid=citations-error]')?.textContent).toContain('database is locked');
    expect(document.querySelector('[data-testid=no-citations]')).toBeNull();
  });
});
