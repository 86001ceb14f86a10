// The timeline model, independent of zoom: lanes (one per proceeding, in the
// order given), markers by kind (amicus briefs grouped into waves), stay spans,
// appeal links and deadline flags, all positioned in day numbers.

import { parseEventDate, today } from './dates';
import type {
  TimelineData,
  TimelineDeadline,
  TimelineEvent,
  TimelineProceeding,
} from './types';
import { priorityOf, shapeOf, type MarkerShape } from './kinds';

export type { MarkerShape } from './kinds';
export { priorityOf, shapeOf } from './kinds';

/** One lane: a proceeding (a docket in one court). */
export interface Lane {
  index: number;
  proceeding: TimelineProceeding;
  /** The court ("2d Cir."). */
  title: string;
  /** The docket number and aliases. */
  subtitle: string;
}

/** A filer in an amicus wave. */
export interface WaveFiler {
  name: string;
  side: string | null;
  eventId: number;
}

/** Something drawn on a lane line: one event, or an amicus wave of several. */
export interface Marker {
  /** "e<id>" for an event, "w<lane>:<day>" for a wave. */
  key: string;
  lane: number;
  /** Days covered, [start, end): one day, or the whole month when only the month is known. */
  start: number;
  end: number;
  monthOnly: boolean;
  shape: MarkerShape;
  /** The event shown (for a wave, the first brief). */
  event: TimelineEvent;
  /** Every event this marker stands for (one, or the briefs of a wave). */
  eventIds: number[];
  /** Short label text, made on first use by `labelOf`; drawn as text, never as HTML. */
  label: string | null;
  /** Higher wins when labels compete for room. */
  priority: number;
  /** For waves: the number of filers (the sum of the briefs' parties). */
  count: number;
  /** For waves: who filed. */
  filers: WaveFiler[];
}

/** A stay drawn as a span from granted to lifted (or to the end if still in effect). */
export interface StayBar {
  lane: number;
  eventId: number;
  start: number;
  end: number;
  inEffect: boolean;
}

/** An appeal: from the ruling appealed to the start of the appellate lane. */
export interface AppealLink {
  fromLane: number;
  fromDay: number;
  fromEventId: number | null;
  toLane: number;
  toDay: number;
}

/** A deadline flag; lane -1 when it belongs to no shown proceeding. */
export interface Flag {
  lane: number;
  day: number;
  deadline: TimelineDeadline;
  label: string;
  priority: number;
}

export interface TimelineModel {
  lanes: Lane[];
  /** Per lane, markers sorted by start day. */
  markersByLane: Marker[][];
  stays: StayBar[];
  appeals: AppealLink[];
  flags: Flag[];
  /** Event id → marker showing it (built on first use). */
  readonly markerOf: Map<number, Marker>;
  /** First and last day with something on it (for "fit"). */
  first: number;
  last: number;
  /** Events whose date could not be read (kept out of the drawing, listed for the user). */
  undated: TimelineEvent[];
}

export interface LayoutOptions {
  /** Day number of "today", where stays in effect end. Defaults to the clock. */
  today?: number;
}

const humanize = (word: string): string => {
  const s = word.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/**
 * A title short enough for a label: parentheticals dropped, then up to the
 * first clause break ("; ", ": ", " — ") when that leaves a readable phrase,
 * then cut at a word.
 */
export function shortTitle(title: string, max = 40): string {
  let t = title;
  if (t.length <= max && !t.includes('(') && !t.includes(': ') && !t.includes('; ')) return t;
  for (let prev = ''; prev !== t && t.includes('('); ) {
    prev = t;
    t = t.replace(/\s*\([^()]*\)/g, '');
  }
  t = t.trim() || title.trim();
  for (const stop of ['; ', ': ', ' — ', ' – ']) {
    const i = t.indexOf(stop);
    if (i >= 8) t = t.slice(0, i);
  }
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1).replace(/[,.;:]$/, '')}…`;
}

/** The label of one event: rulings lead with their outcome. */
export function eventLabel(e: TimelineEvent): string {
  if (shapeOf(e.kind) === 'ruling' && e.outcome) {
    return `${humanize(e.outcome)} · ${shortTitle(e.title, 34)}`;
  }
  return shortTitle(e.title);
}

/** The label of a marker, made once and kept. */
export function labelOf(m: Marker): string {
  if (m.label === null) m.label = eventLabel(m.event);
  return m.label;
}

function laneSubtitle(p: TimelineProceeding): string {
  // Aliases that only restate the number ("No. 17-2", "14-2985-cv") are left out.
  const norm = (n: string) => n.toLowerCase().replace(/^no\.?\s*/, '').replace(/[^a-z0-9]/g, '');
  const main = norm(p.docket_number);
  const others = (p.docket_aliases ?? []).filter((a) => a.trim() !== '' && !norm(a).startsWith(main));
  return [p.docket_number, ...others].filter((n) => n.trim() !== '').slice(0, 2).join(' · ');
}

function isSorted(list: Marker[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1];
    const b = list[i];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/** Shared by every marker that is not a wave (never written to). */
const NO_FILERS: WaveFiler[] = Object.freeze([]) as unknown as WaveFiler[];

/** Build the zoom-independent model of a case timeline. */
export function buildModel(
  data: TimelineData,
  deadlines: TimelineDeadline[] = [],
  options: LayoutOptions = {},
): TimelineModel {
  const now = options.today ?? today();
  const lanes: Lane[] = data.proceedings.map((p, index) => ({
    index,
    proceeding: p,
    title: p.court,
    subtitle: laneSubtitle(p),
  }));
  const laneOf = new Map<number, number>(data.proceedings.map((p, i) => [p.id, i]));
  const markersByLane: Marker[][] = lanes.map(() => []);
  const undated: TimelineEvent[] = [];
  const waves = new Map<string, Marker>();

  for (const e of data.events) {
    const lane = laneOf.get(e.proceeding_id);
    const range = parseEventDate(e.date);
    if (lane === undefined || range === null) {
      undated.push(e);
      continue;
    }
    const shape = shapeOf(e.kind);
    if (shape === 'wave') {
      const key = `w${lane}:${e.date}`;
      const filers = e.parties.length
        ? e.parties.map((p) => ({ name: p.name, side: e.side ?? null, eventId: e.id }))
        : [{ name: e.title, side: e.side ?? null, eventId: e.id }];
      const wave = waves.get(key);
      if (wave) {
        wave.eventIds.push(e.id);
        wave.filers.push(...filers);
        wave.count += filers.length;
        continue;
      }
      const marker: Marker = {
        key,
        lane,
        start: range.start,
        end: range.end,
        monthOnly: range.monthOnly,
        shape,
        event: e,
        eventIds: [e.id],
        label: '',
        priority: priorityOf(e, shape),
        count: filers.length,
        filers,
      };
      waves.set(key, marker);
      markersByLane[lane].push(marker);
      continue;
    }
    markersByLane[lane].push({
      key: `e${e.id}`,
      lane,
      start: range.start,
      end: range.end,
      monthOnly: range.monthOnly,
      shape,
      event: e,
      eventIds: [e.id],
      label: null,
      priority: priorityOf(e, shape),
      count: 1,
      filers: NO_FILERS,
    });
  }
  for (const w of waves.values()) {
    const briefs = w.eventIds.length;
    w.label =
      briefs === 1 && w.count === 1
        ? `Amicus: ${w.filers[0].name}`
        : `${w.count} amici (${briefs} brief${briefs === 1 ? '' : 's'})`;
  }

  for (const lane of markersByLane) {
    if (!isSorted(lane)) lane.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  let first = Infinity;
  let last = -Infinity;
  for (const lane of markersByLane) {
    if (!lane.length) continue;
    first = Math.min(first, lane[0].start);
    for (const m of lane) last = Math.max(last, m.end);
  }

  const stays: StayBar[] = [];
  for (const e of data.events) {
    if (!e.stay) continue;
    const lane = laneOf.get(e.proceeding_id);
    if (lane === undefined) continue;
    const granted = parseEventDate(e.stay.granted_on) ?? parseEventDate(e.date);
    if (!granted) continue;
    const lifted = e.stay.lifted_on ? parseEventDate(e.stay.lifted_on) : null;
    const inEffect = lifted === null;
    const end = lifted ? lifted.end : Math.max(now, last, granted.end);
    stays.push({ lane, eventId: e.id, start: granted.start, end, inEffect });
  }

  const appeals: AppealLink[] = [];
  data.proceedings.forEach((p, toLane) => {
    const target = markersByLane[toLane][0];
    if (!target) return;
    let fromLane: number | undefined;
    let fromDay: number | undefined;
    let fromEventId: number | null = null;
    if (p.appeal_from_event !== null && p.appeal_from_event !== undefined) {
      const source = data.events.find((e) => e.id === p.appeal_from_event);
      const range = source && laneOf.has(source.proceeding_id) ? parseEventDate(source.date) : null;
      if (source && range) {
        fromLane = laneOf.get(source.proceeding_id);
        fromDay = range.start;
        fromEventId = source.id;
      }
    }
    if (fromLane === undefined && p.appeal_from !== null && p.appeal_from !== undefined) {
      // The ruling is unknown: link from the lower court's last ruling before the appeal.
      fromLane = laneOf.get(p.appeal_from);
      if (fromLane !== undefined) {
        const rulings = markersByLane[fromLane].filter((m) => m.shape === 'ruling' && m.start <= target.start);
        const src = rulings[rulings.length - 1];
        if (src) {
          fromDay = src.start;
          fromEventId = src.event.id;
        } else fromLane = undefined;
      }
    }
    if (fromLane === undefined || fromDay === undefined) return;
    appeals.push({ fromLane, fromDay, fromEventId, toLane, toDay: target.start });
  });

  const flags: Flag[] = [];
  for (const d of deadlines) {
    const due = parseEventDate(d.due);
    if (!due) continue;
    const lane = d.proceeding_id !== null && d.proceeding_id !== undefined ? laneOf.get(d.proceeding_id) ?? -1 : -1;
    flags.push({
      lane,
      day: due.start,
      deadline: d,
      label: `Due: ${d.title}${d.status === 'open' ? '' : ` (${d.status})`}`,
      priority: d.status === 'open' || d.status === 'missed' ? 80 : 40,
    });
    first = Math.min(first, due.start);
    last = Math.max(last, due.end);
  }
  for (const s of stays) last = Math.max(last, s.inEffect ? s.start + 1 : s.end);

  if (!Number.isFinite(first)) {
    first = now - 365;
    last = now;
  }
  let markerOf: Map<number, Marker> | null = null;
  return {
    lanes,
    markersByLane,
    stays,
    appeals,
    flags,
    // Built on first use: only selection needs it.
    get markerOf() {
      if (!markerOf) {
        markerOf = new Map();
        for (const lane of markersByLane) for (const m of lane) for (const id of m.eventIds) markerOf.set(id, m);
      }
      return markerOf;
    },
    first,
    last,
    undated,
  };
}

/** Index of the first marker of `list` (sorted by start) ending after `day`. */
export function firstEndingAfter(list: Marker[], day: number): number {
  // Markers are sorted by start and at most a month long, so search on start - 31.
  let lo = 0;
  let hi = list.length;
  const target = day - 31;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < target) lo = mid + 1;
    else hi = mid;
  }
  while (lo < list.length && list[lo].end <= day) lo++;
  return lo;
}

/** Markers of a lane overlapping the days [from, to). */
export function markersIn(list: Marker[], from: number, to: number): Marker[] {
  const out: Marker[] = [];
  for (let i = firstEndingAfter(list, from); i < list.length && list[i].start < to; i++) {
    if (list[i].end > from) out.push(list[i]);
  }
  return out;
}
