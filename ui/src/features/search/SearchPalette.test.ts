// The palette inside the window shell over the in-memory backend: Ctrl+K from
// anywhere, results with snippets as text, keyboard navigation, opening a hit,
// typed errors, saving a search and seeing its new hits.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';

async function start() {
  const backend = await MemoryBackend.sample();
  render(App, { props: { backend } });
  await settle();
  return backend;
}

const $ = (testid: string) => document.querySelector(`[data-testid=${testid}]`) as HTMLElement | null;
const all = (testid: string) => [...document.querySelectorAll(`[data-testid=${testid}]`)] as HTMLElement[];

function key(target: EventTarget, k: string, opts: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...opts }));
  flushSync();
}

async function typeQuery(text: string) {
  const input = $('search-input') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle({ ms: 200 });
}

describe('SearchPalette', () => {
  it('opens with Ctrl+K, shows snippets as text, moves with the arrows and opens an event hit on its case', async () => {
    const backend = await start();
    const opener = $('case-search') ?? document.body;
    opener.focus();
    key(window, 'k', { ctrlKey: true });
    await settle();
    const input = $('search-input') as HTMLInputElement;
    expect(document.activeElement).toBe(input);

    // A hostile event title is shown as text.
    const [c] = await backend.listCases();
    const [p] = await backend.listProceedings(c.id);
    await backend.logEvent({
      proceeding_id: p.id, date: '2014-05-01', kind: 'letter', title: 'Letter <script>alert(1)</script> about the warrant',
      description: '', entry: null, outcome: null, side: null, filers: [], source: '', certainty: 'confirmed',
    });
    await typeQuery('warrant');
    const hits = all('search-hit');
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(document.querySelector('[data-testid=search-hit] script')).toBeNull();
    const hostile = hits.find((h) => h.textContent!.includes('<script>'))!;
    expect(hostile.querySelector('mark')!.textContent).toBe('warrant');
    expect(hostile.querySelector('[data-testid=search-hit-place]')!.textContent).toContain('May 1, 2014');

    // The first hit is selected; arrows move and wrap.
    const selected = () => all('search-hit').findIndex((h) => h.getAttribute('aria-selected') === 'true');
    expect(selected()).toBe(0);
    key(input, 'ArrowDown');
    expect(selected()).toBe(hits.length > 1 ? 1 : 0);
    key(input, 'ArrowUp');
    expect(selected()).toBe(0);
    expect(input.getAttribute('aria-activedescendant')).toBe('search-option-0');

    key(input, 'Enter');
    await settle();
    expect($('search-palette')).toBeNull();
    expect($('case-title')?.textContent).toContain('Ireland');
  });

  it('opens a page hit in the viewer at its page with the query', async () => {
    const backend = await start();
    const [c] = await backend.listCases();
    const ca1 = await backend.addProceeding(c.id, { court_id: 'ca1', docket_number: '20-1507', docket_aliases: [], caption: '', opened_on: null, closed_on: null });
    backend.seedDocument({ title: 'Opinion', pages: ['Caption', 'Before Torresen, District Judge.'], case_id: c.id, proceeding_id: ca1.id });
    ($('nav-search') as HTMLButtonElement).click();
    await settle();
    await typeQuery('torresen');
    const [hit] = all('search-hit');
    expect(hit.querySelector('[data-testid=search-hit-place]')!.textContent).toBe(`p. 2 · 1st Cir. · ${c.name}`);
    expect(hit.querySelector('mark')!.textContent).toBe('Torresen');
    key($('search-input')!, 'Enter');
    await settle();
    expect($('document-viewer')).not.toBeNull();
  });

  it('shows a bad query as an error, and Escape closes and gives the focus back', async () => {
    await start();
    const button = $('nav-search') as HTMLButtonElement;
    button.focus();
    button.click();
    await settle();
    await typeQuery('( * )');
    expect($('search-error')!.textContent).toContain('nothing to search for');
    expect(all('search-hit')).toHaveLength(0);
    // Tab stays inside the dialog.
    const input = $('search-input') as HTMLInputElement;
    key(input, 'Tab', { shiftKey: true });
    expect($('search-palette')!.contains(document.activeElement)).toBe(true);
    key(document.activeElement!, 'Tab');
    expect(document.activeElement).toBe(input);
    key(input, 'Escape');
    expect($('search-palette')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('keeps the search to the open case when asked', async () => {
    const backend = await start();
    const other = await backend.addCase({ slug: 'other', name: 'Other case', summary: '' });
    backend.seedDocument({ title: 'Other warrant', pages: ['a warrant elsewhere'], case_id: other.id });
    const [c] = (await backend.listCases()).filter((x) => x.slug === 'microsoft-ireland');
    backend.seedDocument({ title: 'Search warrant', pages: ['The warrant reaches Dublin.'], case_id: c.id });
    [...document.querySelectorAll<HTMLButtonElement>('[data-testid=case-row]')].find((b) => b.textContent!.includes(c.name))!.click();
    await settle();
    key(window, 'k', { ctrlKey: true });
    await settle();
    await typeQuery('warrant');
    expect(all('search-hit').some((h) => h.textContent!.includes('Other warrant'))).toBe(true);
    const scope = $('search-scope') as HTMLInputElement;
    scope.click();
    await settle();
    expect(all('search-hit').length).toBeGreaterThan(0);
    expect(all('search-hit').some((h) => h.textContent!.includes('Other warrant'))).toBe(false);
  });

  it('saves a search, counts its new hits, shows them marked and then as seen', async () => {
    const backend = await start();
    key(window, 'k', { ctrlKey: true });
    await settle();
    await typeQuery('moot');
    ($('search-save') as HTMLButtonElement).click();
    flushSync();
    const name = $('search-save-name') as HTMLInputElement;
    expect(name.value).toBe('moot');
    name.value = '';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    key(name, 'Enter');
    await settle();
    expect($('search-save-error')!.textContent).toContain('needs a name');
    name.value = 'Mootness';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    key(name, 'Enter');
    await settle();
    expect($('search-saved')!.textContent).toContain('Mootness');

    // Something new matches: the saved list shows a badge.
    const [c] = await backend.listCases();
    backend.seedDocument({ title: 'Judgment', pages: ['The case is moot.'], case_id: c.id });
    key($('search-input')!, 'Escape');
    key(window, 'k', { ctrlKey: true });
    await settle();
    await typeQuery('');
    expect(all('saved-search')).toHaveLength(1);
    expect($('saved-badge')!.textContent).toBe('1 new');

    // Opening it (Enter on the selected row) shows the new hit marked, then it is seen.
    key($('search-input')!, 'ArrowDown');
    key($('search-input')!, 'Enter');
    await settle();
    expect($('saved-run-title')!.textContent).toContain('1 new');
    const marked = all('search-hit').filter((h) => h.querySelector('[data-testid=hit-new]'));
    expect(marked).toHaveLength(1);
    expect(marked[0].textContent).toContain('Judgment');
    ($('saved-run-back') as HTMLButtonElement).click();
    await settle();
    expect($('saved-badge')).toBeNull();
    expect(backend.calls).toContain('openSavedSearch');
  });
});
