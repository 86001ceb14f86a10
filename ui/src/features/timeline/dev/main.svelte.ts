// The standalone timeline harness: the demo case from the fixture, or a
// synthetic one with ?n=10000. First-paint timings are written into #paint
// (and the page title) so a headless browser can read them.
import { mount } from 'svelte';
import Timeline from '../Timeline.svelte';
import ireland from '../fixtures/ireland.json';
import { generateTimeline } from '../generate';
import { buildModel } from '../layout';
import { draw } from '../draw';
import { makeMeasure } from '../theme';
import { fitScale } from '../scale';
import { gutterWidth, project } from '../view';
import type { PaintTiming, TimelineData, TimelineDeadline } from '../types';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 0);
// ?data=NAME.json: a `casetrail timeline CASE --json` file served beside the harness (an imported docket).
const file = params.get('data');
const data: TimelineData =
  n > 0 ? generateTimeline(n) : file ? ((await (await fetch(file)).json()) as TimelineData) : (ireland as TimelineData);

// The cert petition deadline of the demo case, as the deadline engine will compute it.
const deadlines: TimelineDeadline[] =
  n > 0 || file
    ? []
    : [
        { id: 'cert-13.1', due: '2017-04-24', title: 'cert petition, S. Ct. R. 13.1', status: 'superseded', proceeding_id: 3 },
        { id: 'cert-13.5', due: '2017-06-23', title: 'cert petition, extended (R. 13.5)', status: 'done', proceeding_id: 3 },
      ];

document.getElementById('title')!.textContent = data.case.name;
document.getElementById('subtitle')!.textContent = `${data.proceedings.map((p) => p.court).join(' → ')} · ${data.events.length} events`;

const selectedOut = document.getElementById('selected')!;
const paintOut = document.getElementById('paint')!;
let selected = $state<number | null>(params.get('select') ? Number(params.get('select')) : null);

function onselect(id: number) {
  selected = id;
  const e = data.events.find((x) => x.id === id);
  selectedOut.textContent = e ? `Selected #${e.id}: ${e.date} · ${e.court} · ${e.title}` : '';
}

/** Warm figures: model + projection + draw again, `repeat` times, on an offscreen canvas. */
function warmRuns(repeat: number): string {
  const width = document.getElementById('app')!.clientWidth || 1280;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = 600;
  const ctx = canvas.getContext('2d')!;
  const measure = makeMeasure(ctx);
  const times: number[][] = [[], [], [], []];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    const model = buildModel(data, deadlines, { today: 20_000 });
    const t1 = performance.now();
    const scale = fitScale(model.first, model.last, gutterWidth(width), width - 18);
    const view = project(model, scale, width, 470, measure);
    const t2 = performance.now();
    draw(ctx, view, { selectedKey: null, hoverKey: null, focusKey: null, today: null });
    ctx.getImageData(0, 0, 1, 1); // wait for the raster
    const t3 = performance.now();
    [t3 - t0, t1 - t0, t2 - t1, t3 - t2].forEach((t, k) => times[k].push(t));
  }
  const [total, model, proj, drawn] = times.map((list) => {
    list.sort((a, b) => a - b);
    return `${list[0].toFixed(1)}/${list[list.length >> 1].toFixed(1)}`;
  });
  return `warm x${repeat} (min/median ms): total ${total}, model ${model}, projection ${proj}, draw ${drawn}`;
}

function onpaint(t: PaintTiming) {
  const line = `first paint, ${t.events} events: total ${t.totalMs.toFixed(1)} ms (model ${t.modelMs.toFixed(1)} ms, projection ${t.projectMs.toFixed(1)} ms, draw ${t.drawMs.toFixed(1)} ms, rest ${(t.totalMs - t.modelMs - t.projectMs - t.drawMs).toFixed(1)} ms)`;
  const repeat = Number(params.get('repeat') ?? 0);
  const text = repeat > 0 ? `${line}\n${warmRuns(repeat)}` : line;
  paintOut.textContent = text;
  document.title = line;
  console.log(text);
}

// With chromium --js-flags=--expose-gc, collect the generator's garbage first
// so the figure is the timeline's own cost.
(globalThis as { gc?: () => void }).gc?.();

mount(Timeline, {
  target: document.getElementById('app')!,
  props: {
    data,
    deadlines,
    get selected() {
      return selected;
    },
    onselect,
    onpaint,
    height: Number(params.get('h') ?? 470),
    today: params.get('today') ?? '2026-11-26',
    initialRange: params.get('from') && params.get('to') ? { from: params.get('from')!, to: params.get('to')! } : undefined,
  },
});

// Screenshot helpers: ?click=TEXT clicks, ?focus=TEXT focuses the first
// listed event whose text contains TEXT (the list is what keyboards use).
function listButton(text: string): HTMLButtonElement | undefined {
  return [...document.querySelectorAll<HTMLButtonElement>('.sr-list button')].find((b) => b.textContent?.includes(text));
}
// The list appears after the first frame: wait for it.
const started = performance.now();
const poll = setInterval(() => {
  const click = params.get('click');
  const focus = params.get('focus');
  const ready = document.querySelector('.sr-list button');
  if (!ready && performance.now() - started < 3000) return;
  clearInterval(poll);
  if (click) listButton(click)?.click();
  if (focus) listButton(focus)?.focus();
}, 20);
