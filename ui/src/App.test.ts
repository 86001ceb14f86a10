// The window shell over the in-memory backend: the case list shows, opening a
// case shows its courts, and files dropped on the window are imported.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { MemoryBackend } from './lib/memory/backend';
import { render, settle } from './test/render';

async function start() {
  const backend = await MemoryBackend.sample();
  render(App, { props: { backend } });
  await settle();
  return backend;
}

describe('App', () => {
  it('lists cases, marks the window interactive, and opens a case on its courts', async () => {
    await start();
    const rows = document.querySelectorAll('[data-testid=case-row]');
    expect(rows).toHaveLength(1);
    expect(document.documentElement.dataset.interactiveMs).toMatch(/^\d+(\.\d)?$/);
    (rows[0] as HTMLButtonElement).click();
    await settle();
    // The lane list comes after the chart's first paint (or 300 ms without a canvas).
    await new Promise((r) => setTimeout(r, 350));
    flushSync();
    const lanes = [...document.querySelectorAll('[data-testid=lane-court]')].map((e) => e.textContent);
    expect(lanes).toEqual(['S.D.N.Y.', '2d Cir.', 'U.S. Supreme Court']);
  });

  it('imports dropped files in the Import view, into the case they were dropped on', async () => {
    const backend = await start();
    backend.addFile('/tmp/opinion.pdf', { pages: 12, detected: { docket_number: '14-2985' } });
    (document.querySelector('[data-testid=case-row]') as HTMLButtonElement).click();
    await settle();
    backend.dropFiles(['/tmp/opinion.pdf', '/tmp/brief.pdf']);
    await settle();
    expect(document.querySelector('[data-testid=view-import]')).not.toBeNull();
    const statuses = [...document.querySelectorAll('[data-testid=import-status]')].map((e) => e.textContent);
    expect(statuses).toEqual(['imported', 'failed']);
    const [c] = await backend.listCases();
    const docs = await backend.listDocuments(c.id);
    expect(docs.map((d) => d.original_name)).toEqual(['opinion.pdf']);
    // The detected docket number linked it to the Second Circuit proceeding.
    expect(docs[0].proceeding_id).not.toBeNull();
  });
});
