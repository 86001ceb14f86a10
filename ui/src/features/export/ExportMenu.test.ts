// The Export menu over the in-memory backend: every export offered, the save
// dialog asked with the case key as the name, the file named in the answer,
// a cancelled dialog doing nothing, and a failure said in plain words.
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import ExportMenu from './ExportMenu.svelte';
import CalendarFeed from './CalendarFeed.svelte';

async function setup() {
  const backend = await MemoryBackend.sample();
  const [c] = await backend.listCases();
  render(ExportMenu, { props: { caseId: c.id, caseKey: c.slug }, backend });
  await settle();
  return { backend, c };
}

function click(sel: string) {
  (document.querySelector(sel) as HTMLElement).click();
}

describe('ExportMenu', () => {
  it('lists the six exports and saves the chosen one where the dialog says', async () => {
    const { backend, c } = await setup();
    click('[data-testid=export-menu]');
    await settle();
    expect([...document.querySelectorAll('[role=menuitem] .label')].map((e) => e.textContent)).toEqual([
      'Calendar',
      'Timeline report',
      'Timeline report as PDF',
      'Events (CSV)',
      'Case file (JSON)',
      'Case bundle',
    ]);
    click('[data-testid=export-html]');
    await settle();
    expect(backend.exported.get(`/exports/${c.slug}.html`)).toEqual({ caseId: c.id, kind: 'html' });
    expect(document.querySelector('[data-testid=export-saved]')?.textContent).toBe(
      `Saved timeline report to /exports/${c.slug}.html (1.0 kB).`,
    );
    expect(document.querySelector('[role=menu]')).toBeNull();
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { backend } = await setup();
    backend.nextSavePath = null;
    click('[data-testid=export-menu]');
    await settle();
    click('[data-testid=export-bundle]');
    await settle();
    expect(backend.calls).not.toContain('exportCase');
    expect(document.querySelector('[data-testid=export-saved]')).toBeNull();
  });

  it('says why an export failed', async () => {
    const { backend } = await setup();
    backend.nextSavePath = '/exports/';
    click('[data-testid=export-menu]');
    await settle();
    click('[data-testid=export-csv]');
    await settle();
    expect(document.querySelector('[data-testid=export-error]')?.textContent).toBe(
      'The events (csv) was not saved: /exports/ is a directory: give a file name',
    );
  });

  it('closes on Escape and moves with the arrow keys', async () => {
    await setup();
    const button = document.querySelector('[data-testid=export-menu]') as HTMLElement;
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle();
    const menu = document.querySelector('[role=menu]') as HTMLElement;
    expect(document.activeElement?.getAttribute('data-testid')).toBe('export-ics');
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('export-bundle');
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(document.querySelector('[role=menu]')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});

describe('CalendarFeed', () => {
  it('shows the feed file and how to subscribe to it', async () => {
    const backend = await MemoryBackend.sample();
    render(CalendarFeed, { backend });
    await settle();
    const field = document.querySelector('[data-testid=calendar-feed-path]') as HTMLInputElement;
    expect(field.value).toBe('/home/user/.local/share/casetrail/casetrail-deadlines.ics');
    expect(document.querySelector('[data-testid=calendar-feed]')?.textContent).toContain(
      'file:///home/user/.local/share/casetrail/casetrail-deadlines.ics',
    );
  });
});
