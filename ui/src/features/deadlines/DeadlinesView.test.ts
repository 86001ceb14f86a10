// The deadlines view over the in-memory backend: grouped soonest first with
// states marked, a step trail on expanding, mark done and undo, filters, and
// the warning-window setting with its validation message.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import { localDay } from './agenda';
import DeadlinesView from './DeadlinesView.svelte';

function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return localDay(d);
}

async function setup() {
  const backend = await MemoryBackend.sample();
  const [c] = await backend.listCases();
  const other = await backend.addCase({ slug: 'acme', name: 'Acme v. Roe', summary: '' });
  await backend.addTag({ kind: 'case', id: other.id }, 'Client');
  backend.seedDeadline({
    case_id: c.id,
    title: 'Petition for certiorari',
    due: inDays(3),
    computation: {
      due: inDays(3),
      rule: 'S. Ct. R. 13.1',
      steps: [
        { date: inDays(-87), note: 'trigger: judgment entered', cite: 'S. Ct. R. 13.1' },
        { date: inDays(3), note: 'day 90: the last day', cite: 'S. Ct. R. 30.1' },
      ],
    },
  });
  backend.seedDeadline({ case_id: other.id, title: 'Answer', due: inDays(-2) });
  backend.seedDeadline({ case_id: other.id, title: 'Reply', due: inDays(40) });
  backend.seedDeadline({ case_id: c.id, title: 'Old brief', due: inDays(-100), status: 'done' });
  render(DeadlinesView, { backend });
  await settle();
  return { backend, c, other };
}

const titles = (sel = '[data-testid=deadline-row]') =>
  [...document.querySelectorAll(sel)].map((r) => r.querySelector('.title')!.textContent);
const states = () => [...document.querySelectorAll('[data-testid=deadline-row]')].map((r) => (r as HTMLElement).dataset.state);

describe('DeadlinesView', () => {
  it('groups open deadlines soonest first and marks their state', async () => {
    await setup();
    expect(titles()).toEqual(['Answer', 'Petition for certiorari', 'Reply', 'Old brief']);
    expect(states()).toEqual(['overdue', 'soon', 'later', 'done']);
    const groups = [...document.querySelectorAll('h2')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(groups).toEqual(['Overdue (1)', 'Due within 7 days (1)', 'Later (1)', 'Done, missed or superseded (1)']);
  });

  it('expands a deadline to its step trail with rule citations', async () => {
    await setup();
    const row = [...document.querySelectorAll('[data-testid=deadline-row]')].find((r) => r.textContent?.includes('certiorari'))!;
    const toggle = row.querySelector('[data-testid=deadline-toggle]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    flushSync();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const cites = [...row.querySelectorAll('[data-testid=trail-cite]')].map((c) => c.textContent);
    expect(cites).toEqual(['S. Ct. R. 13.1', 'S. Ct. R. 30.1']);
    expect(row.querySelector('[data-testid=deadline-trail]')?.textContent).toContain('day 90: the last day');
  });

  it('marks a deadline done and undoes it', async () => {
    const { backend } = await setup();
    const row = () => [...document.querySelectorAll('[data-testid=deadline-row]')].find((r) => r.textContent?.includes('Answer'))!;
    (row().querySelector('[data-testid=deadline-done]') as HTMLButtonElement).click();
    await settle();
    expect((row() as HTMLElement).dataset.state).toBe('done');
    expect((await backend.listDeadlines()).find((e) => e.deadline.title === 'Answer')?.deadline.status).toBe('done');
    (row().querySelector('[data-testid=deadline-reopen]') as HTMLButtonElement).click();
    await settle();
    expect((row() as HTMLElement).dataset.state).toBe('overdue');
  });

  it('filters by case and by tag', async () => {
    const { other } = await setup();
    const byCase = document.querySelector('[data-testid=deadline-case-filter]') as HTMLSelectElement;
    byCase.value = String(other.id);
    byCase.dispatchEvent(new Event('change'));
    flushSync();
    expect(titles()).toEqual(['Answer', 'Reply']);
    byCase.value = '';
    byCase.dispatchEvent(new Event('change'));
    const byTag = document.querySelector('[data-testid=deadline-tag-filter]') as HTMLSelectElement;
    byTag.value = 'Client';
    byTag.dispatchEvent(new Event('change'));
    flushSync();
    expect(titles()).toEqual(['Answer', 'Reply']);
  });

  it('saves the warning window and shows a bad value next to the field', async () => {
    const { backend } = await setup();
    const input = document.querySelector('[data-testid=warning-days]') as HTMLInputElement;
    const form = document.querySelector('[data-testid=warning-window]') as HTMLFormElement;
    input.value = 'soon';
    input.dispatchEvent(new Event('input'));
    form.requestSubmit();
    await settle();
    expect(form.querySelector('[role=alert]')?.textContent).toBe('Enter a whole number of days (0 or more).');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    input.value = '60';
    input.dispatchEvent(new Event('input'));
    form.requestSubmit();
    await settle();
    expect(form.querySelector('[role=alert]')).toBeNull();
    expect((await backend.getSettings()).deadline_warning_days).toBe(60);
    // The later deadline is now within the window.
    expect(states()).toEqual(['overdue', 'soon', 'soon', 'done']);
  });
});
