import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render as mountComponent } from '../../test/render';
import Timeline from './Timeline.svelte';
import fixture from './fixtures/ireland.json';
import type { TimelineData } from './types';

const data = fixture as TimelineData;
function render(props: Record<string, unknown> = {}) {
  const selected: number[] = [];
  const { target } = mountComponent(Timeline, {
    props: { data, today: '2026-11-26', onselect: (id: number) => selected.push(id), ...props },
  });
  return { target, selected };
}

describe('Timeline component (list fallback, no canvas in jsdom)', () => {
  it('lists the events in view as focusable buttons, in date order', () => {
    const { target } = render();
    const items = [...target.querySelectorAll<HTMLButtonElement>('.sr-list button')];
    // 37 events; the four briefs of Dec 15, 2014 are one wave.
    expect(items).toHaveLength(34);
    expect(items[0].textContent).toContain('Dec 4, 2013, S.D.N.Y.: warrant');
    expect(items.some((b) => b.textContent?.includes('amicus wave, 21 filers in 4 briefs'))).toBe(true);
    expect(items.some((b) => b.textContent?.includes('Jun 2014 (day unknown), S.D.N.Y.: objection'))).toBe(true);
    expect(items.at(-1)?.textContent).toContain('ruling (vacated as moot)');
    expect(items.some((b) => b.textContent?.includes('stay (Stay Aug 1 → lifted Aug 29, 2014)'))).toBe(true);
    const lanes = [...target.querySelectorAll('.sr-list .lanes li')].map((li) => li.textContent);
    expect(lanes).toEqual([
      'S.D.N.Y. (13 Mag. 2814 · 13-MJ-2814)',
      '2d Cir. (14-2985)',
      'U.S. Supreme Court (17-2)',
      'U.S. Congress (Pub. L. 115-141 · H.R. 1625)',
    ]);
  });

  it('Enter on an item (a button click) selects its event', () => {
    const { target, selected } = render();
    const ruling = [...target.querySelectorAll<HTMLButtonElement>('.sr-list button')].find((b) =>
      b.textContent?.includes('reversed and remanded'),
    )!;
    ruling.click();
    expect(selected).toEqual([22]);
  });

  it('a wave expands to its filers, each selecting its brief', () => {
    const { target, selected } = render();
    const wave = [...target.querySelectorAll<HTMLButtonElement>('.sr-list button')].find((b) =>
      b.textContent?.includes('21 filers'),
    )!;
    expect(wave.getAttribute('aria-expanded')).toBe('false');
    wave.click();
    flushSync();
    expect(wave.getAttribute('aria-expanded')).toBe('true');
    const filers = [...target.querySelectorAll<HTMLButtonElement>('.wave li button')];
    expect(filers).toHaveLength(21);
    const eff = filers.find((b) => b.textContent === 'Electronic Frontier Foundation')!;
    eff.click();
    expect(selected).toEqual([16]);
  });

  it('keyboard zoom narrows the events in view; 0 fits again', () => {
    const { target } = render({ initialRange: { from: '2014-07-15', to: '2014-09-15' } });
    const count = () => target.querySelectorAll('.sr-list button').length;
    const few = count();
    expect(few).toBeLessThan(15);
    const stage = target.querySelector<HTMLElement>('.stage')!;
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
    flushSync();
    expect(count()).toBe(34);
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    flushSync();
    expect(count()).toBeLessThan(34);
  });

  it('text from data is text, never markup', () => {
    const hostile = structuredClone(data);
    hostile.events[0].title = '<img src=x onerror="alert(1)">';
    const { target } = render({ data: hostile });
    expect(target.querySelector('img')).toBeNull();
    expect(target.textContent).toContain('<img src=x');
  });
});

describe('bad input', () => {
  it('duplicate ids and dates that are not dates do not break the component', () => {
    const odd = structuredClone(data);
    odd.events[1].id = odd.events[0].id;
    odd.events[2].date = 'soon';
    const { target } = render({
      data: odd,
      deadlines: [
        { id: 1, due: '2017-04-24', title: 'a', status: 'open', proceeding_id: 3 },
        { id: 1, due: '2017-04-25', title: 'b', status: 'open', proceeding_id: 3 },
      ],
    });
    expect(target.querySelectorAll('.sr-list button').length).toBe(33);
    expect(target.textContent).toContain('1 event has no readable date');
  });
});

describe('deadlines', () => {
  it('are listed as text with their status', () => {
    const { target } = render({
      deadlines: [{ id: 'd1', due: '2017-04-24', title: 'cert petition', status: 'superseded', proceeding_id: 3 }],
    });
    expect(target.querySelector('.sr-list')?.textContent).toContain('Due Apr 24, 2017 (superseded): cert petition');
  });
});

describe('pointer', () => {
  const range = (target: HTMLElement) => target.querySelector('.hint')?.textContent?.split(' · ')[0];

  it('the wheel zooms in about the pointer', () => {
    const { target } = render();
    const before = range(target);
    const canvas = target.querySelector('canvas')!;
    canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: 600, clientY: 100, bubbles: true, cancelable: true }));
    flushSync();
    expect(range(target)).not.toBe(before);
    expect(target.querySelectorAll('.sr-list button').length).toBeLessThan(34);
  });

  it('dragging pans to earlier dates', () => {
    const { target } = render({ initialRange: { from: '2016-01-01', to: '2016-12-31' } });
    const canvas = target.querySelector('canvas')!;
    const fire = (type: string, x: number) =>
      canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: 100, button: 0, bubbles: true }));
    fire('pointerdown', 400);
    fire('pointermove', 700);
    fire('pointerup', 700);
    flushSync();
    // 300 px of an 832 px plot showing 366 days: about 132 days earlier.
    expect(range(target)?.split(' – ')[0]).toBe('Aug 22, 2015');
  });
});
