// The standalone timeline harness: the demo case from the fixture, or a
// synthetic one with ?n=10000. First-paint timings are written into #paint
// (and the page title) so a headless browser can read them.
import { mount } from 'svelte';
import Timeline from '../Timeline.svelte';
import ireland from '../fixtures/ireland.json';
import { generateTimeline } from '../generate';
import type { PaintTiming, TimelineData, TimelineDeadline } from '../types';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 0);
const data: TimelineData = n > 0 ? generateTimeline(n) : (ireland as TimelineData);

// The cert petition deadline of the demo case, as the deadline engine will compute it.
const deadlines: TimelineDeadline[] =
  n > 0
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

function onpaint(t: PaintTiming) {
  const line = `first paint, ${t.events} events: total ${t.totalMs.toFixed(1)} ms (model ${t.modelMs.toFixed(1)} ms, projection ${t.projectMs.toFixed(1)} ms, draw ${t.drawMs.toFixed(1)} ms, rest ${(t.totalMs - t.modelMs - t.projectMs - t.drawMs).toFixed(1)} ms)`;
  paintOut.textContent = line;
  document.title = line;
  console.log(line);
}

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
