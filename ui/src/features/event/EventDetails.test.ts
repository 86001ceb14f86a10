// An event's details over the in-memory backend: the documents linked to the
// event are listed, and one opens in the viewer route.
import { describe, expect, it } from 'vitest';
import type { Route } from '../../lib/route';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import EventDetails from './EventDetails.svelte';

describe('EventDetails', () => {
  it('lists the documents linked to the event and opens one in the viewer', async () => {
    const backend = await MemoryBackend.sample();
    const [c] = await backend.listCases();
    const proceedings = await backend.listProceedings(c.id);
    const p = proceedings[0];
    const [event] = await backend.listEvents(p.id);
    const other = (await Promise.all(proceedings.map((q) => backend.listEvents(q.id))))
      .flat()
      .find((e) => e.id !== event.id)!;
    backend.addFile('/d/warrant.pdf', { pages: 3 });
    backend.addFile('/d/unrelated.pdf', { pages: 1 });
    await backend.importFiles(['/d/warrant.pdf', '/d/unrelated.pdf'], c.id, () => {});
    const docs = await backend.listDocuments(c.id);
    const warrant = docs.find((d) => d.original_name === 'warrant.pdf')!;
    const unrelated = docs.find((d) => d.original_name === 'unrelated.pdf')!;
    await backend.linkDocument(warrant.id, c.id, p.id, event.id);
    await backend.linkDocument(unrelated.id, c.id, other.proceeding_id, other.id);

    const routes: Route[] = [];
    render(EventDetails, {
      props: { eventId: event.id, onclose: () => {}, onchanged: () => {} },
      backend,
      navigate: (to) => routes.push(to),
    });
    await settle();
    const items = document.querySelectorAll('[data-testid=event-documents] li');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('3 pages');
    (items[0].querySelector('button') as HTMLButtonElement).click();
    expect(routes).toEqual([{ view: 'document', documentId: warrant.id }]);
  });

  it('shows no documents section for an event without any', async () => {
    const backend = await MemoryBackend.sample();
    const [c] = await backend.listCases();
    const [p] = await backend.listProceedings(c.id);
    const [event] = await backend.listEvents(p.id);
    render(EventDetails, { props: { eventId: event.id, onclose: () => {}, onchanged: () => {} }, backend, navigate: () => {} });
    await settle();
    expect(document.querySelector('[data-testid=event-details] h2')).not.toBeNull();
    expect(document.querySelector('[data-testid=event-documents]')).toBeNull();
  });
});
