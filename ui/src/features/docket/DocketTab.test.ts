// The docket's tag filter over the in-memory backend.
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import DocketTab from './DocketTab.svelte';

describe('DocketTab tag filter', () => {
  it('shows only the events with the chosen tag, and all again for any tag', async () => {
    const backend = await MemoryBackend.sample();
    const [c] = await backend.listCases();
    const [p] = await backend.listProceedings(c.id);
    const base = { proceeding_id: p.id, description: '', entry: null, outcome: null, side: null, filers: [], source: '', certainty: 'confirmed' as const };
    const e = await backend.logEvent({ ...base, date: '2014-05-01', kind: 'brief', title: 'Objection brief' });
    await backend.addTag({ kind: 'event', id: e.id }, 'key');
    render(DocketTab, { props: { proceeding: p, onselect: () => {}, onchanged: () => {} }, backend });
    await settle();
    const rows = () => document.querySelectorAll('tbody tr').length;
    expect(rows()).toBe(2);
    const select = document.querySelector('[data-testid=docket-tag-filter]') as HTMLSelectElement;
    select.value = 'key';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(rows()).toBe(1);
    expect(document.querySelector('tbody')?.textContent).toContain('Objection brief');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(rows()).toBe(2);
  });
});
