// The words drawn for a marker and shown in its tooltip: a ruling's outcome in
// bold, a stay's span, the date, court and title (always as text).

import { civil, formatDay, formatMonth, formatShortDay, parseEventDate } from './dates';
import { labelOf, type Flag, type Marker } from './layout';

/** Longest label drawn, in characters. */
const MAX_LABEL_CHARS = 46;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Label parts of a marker: a ruling's outcome is drawn bold. */
export function markerLabel(m: Marker): { strong: string; text: string } {
  const label = labelOf(m);
  if (m.shape === 'ruling' && m.event.outcome) {
    const dot = label.indexOf(' · ');
    if (dot > 0) return { strong: label.slice(0, dot), text: truncate(label.slice(dot), MAX_LABEL_CHARS) };
  }
  if (m.shape === 'stay' && m.event.stay) {
    const s = m.event.stay;
    const from = parseEventDate(s.granted_on);
    const to = s.lifted_on ? parseEventDate(s.lifted_on) : null;
    const sameYear = from && to && civil(from.start).year === civil(to.start).year;
    const start = from ? (sameYear ? formatShortDay(from.start) : formatDay(from.start)) : s.granted_on;
    const end = to ? `lifted ${formatDay(to.start)}` : s.lifted_on ? `lifted ${s.lifted_on}` : 'in effect';
    return { strong: '', text: `Stay ${start} → ${end}` };
  }
  return { strong: '', text: truncate(label, MAX_LABEL_CHARS) };
}

/** Tooltip lines for a marker: date, court, title (plain text). */
export function tooltipLines(m: Marker): string[] {
  const e = m.event;
  const when = m.monthOnly ? `${formatMonth(m.start)} (day not known)` : formatDay(m.start);
  if (m.shape === 'wave') {
    return [`${when} · ${e.court}`, `${m.count} amici in ${m.eventIds.length} brief${m.eventIds.length === 1 ? '' : 's'}`, 'Click to list the filers'];
  }
  const lines = [`${when} · ${e.court} ${e.docket}`.trim(), e.title];
  if (e.outcome) lines.push(`Outcome: ${e.outcome.replace(/_/g, ' ')}`);
  if (e.stay) {
    const s = e.stay;
    lines.push(s.lifted_on ? `Stay ${s.granted_on} → lifted ${s.lifted_on}` : `Stay since ${s.granted_on}, in effect`);
  }
  return lines;
}

/** Tooltip lines for a deadline flag. */
export function flagTooltip(f: Flag): string[] {
  return [`Due ${formatDay(f.day)} (${f.deadline.status})`, f.deadline.title];
}
