// The cases list over the in-memory backend: next deadline and last activity
// per case, the tag filter, and editing a case and a proceeding with the
// keyboard, with messages next to the field.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import CasesList from './CasesList.svelte';

async function setup() {
  const backend = await MemoryBackend.sample();
  const [demo] = await backend.listCases();
  const acme = await backend.addCase({ slug: 'acme', name: 'Acme v. Roe', summary: '' });
  await backend.addTag({ kind: 'case', id: acme.id }, 'Client');
  backend.seedDeadline({ case_id: demo.id, title: 'Reply brief', due: '2999-01-05' });
  backend.seedDeadline({ case_id: demo.id, title: 'Filed long ago', due: '2000-01-05', status: 'done' });
  render(CasesList, { props: { onopen: () => {} }, backend });
  await settle();
  return { backend, demo, acme };
}

const names = () => [...document.querySelectorAll('[data-testid=case-name]')].map((n) => n.textContent);

function type(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function rowOf(name: string): HTMLElement {
  return [...document.querySelectorAll('li.item')].find((r) => r.textContent?.includes(name)) as HTMLElement;
}

describe('CasesList', () => {
  it('shows the next open deadline and last activity of each case', async () => {
    await setup();
    const demo = rowOf('Microsoft');
    expect(demo.querySelector('[data-testid=case-next-deadline]')?.textContent).toContain('Reply brief, Jan 5, 2999');
    expect(demo.querySelector('[data-testid=case-activity]')?.textContent).toBe('Last activity today');
    expect(rowOf('Acme').textContent).toContain('No open deadline');
  });

  it('filters by tag', async () => {
    await setup();
    expect(names()).toHaveLength(2);
    const select = document.querySelector('[data-testid=case-tag-filter]') as HTMLSelectElement;
    select.value = 'Client';
    select.dispatchEvent(new Event('change'));
    flushSync();
    expect(names()).toEqual(['Acme v. Roe']);
  });

  it('edits a case name and shows the new name; bad input is named next to its field', async () => {
    const { backend, acme } = await setup();
    (rowOf('Acme').querySelector('[data-testid=case-edit]') as HTMLButtonElement).click();
    await settle();
    const name = document.querySelector('[data-testid=edit-case-name]') as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    const form = name.closest('form')!;
    type(name, '   ');
    form.requestSubmit();
    await settle();
    expect(document.getElementById('edit-case-name-error')?.textContent).toBe('A case needs a name.');
    expect(backend.calls).not.toContain('updateCase');
    // The key clashes with the demo case: the core's message sits by the key.
    type(name, 'Acme Corp. v. Roe');
    type(document.querySelector('[data-testid=edit-case-slug]') as HTMLInputElement, 'microsoft-ireland');
    form.requestSubmit();
    await settle();
    expect(document.getElementById('edit-case-slug-error')?.textContent).toContain('already exists');
    type(document.querySelector('[data-testid=edit-case-slug]') as HTMLInputElement, 'acme');
    form.requestSubmit();
    await settle();
    expect(document.querySelector('[data-testid=edit-case]')).toBeNull();
    expect(names()).toContain('Acme Corp. v. Roe');
    expect((await backend.listCases()).find((c) => c.id === acme.id)?.name).toBe('Acme Corp. v. Roe');
  });

  it('Escape closes the case editor without saving', async () => {
    const { backend } = await setup();
    (rowOf('Acme').querySelector('[data-testid=case-edit]') as HTMLButtonElement).click();
    await settle();
    const name = document.querySelector('[data-testid=edit-case-name]') as HTMLInputElement;
    type(name, 'Changed');
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(document.querySelector('[data-testid=edit-case]')).toBeNull();
    expect(backend.calls).not.toContain('updateCase');
  });

  it('edits a proceeding of the case, with date order checked by the field', async () => {
    const { backend, demo } = await setup();
    (rowOf('Microsoft').querySelector('[data-testid=case-edit]') as HTMLButtonElement).click();
    await settle();
    (document.querySelector('[data-testid=edit-proceeding]') as HTMLButtonElement).click();
    await settle();
    const form = document.querySelector('[data-testid=edit-proceeding-form]') as HTMLFormElement;
    type(form.querySelector('[data-testid=edit-proceeding-closed]') as HTMLInputElement, '2000-01-01');
    form.requestSubmit();
    await settle();
    expect(form.querySelector('[data-testid=edit-proceeding-closed-error]')?.textContent).toBe('Closed before it was opened.');
    type(form.querySelector('[data-testid=edit-proceeding-closed]') as HTMLInputElement, '2014-12-31');
    type(form.querySelector('[data-testid=edit-proceeding-docket]') as HTMLInputElement, '13-MJ-2814');
    form.requestSubmit();
    await settle();
    expect(document.querySelector('[data-testid=edit-proceeding-form]')).toBeNull();
    const [p] = await backend.listProceedings(demo.id);
    expect([p.docket_number, p.closed_on]).toEqual(['13-MJ-2814', '2014-12-31']);
  });
});
