// Editing a case or a proceeding: the checks made before sending (the same
// rules as the core's, worded for the form), and which field a message from
// the core belongs to, so it is shown next to that field.

import type { NewCase, NewProceeding, Proceeding } from '../../bindings';

export type CaseField = 'name' | 'slug' | 'summary' | 'form';
export type ProceedingField = 'court_id' | 'docket_number' | 'docket_aliases' | 'caption' | 'opened_on' | 'closed_on' | 'form';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with a case as typed, by field (empty when it can be sent). */
export function caseErrors(c: NewCase): Partial<Record<CaseField, string>> {
  const out: Partial<Record<CaseField, string>> = {};
  if (c.name.trim() === '') out.name = 'A case needs a name.';
  if (!/^[a-z0-9-]+$/.test(c.slug)) out.slug = 'Use lowercase letters, digits and dashes.';
  return out;
}

/** The field a core message about a case is about. */
export function caseFieldOf(message: string): CaseField {
  if (/\bkey\b/.test(message)) return 'slug';
  if (/\bname\b/.test(message)) return 'name';
  return 'form';
}

/** Aliases as typed: separated by commas or new lines. */
export function parseAliases(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The form's text for a proceeding. */
export function proceedingDraft(p: Proceeding) {
  return {
    court_id: p.court_id,
    docket_number: p.docket_number,
    aliases: p.docket_aliases.join(', '),
    caption: p.caption,
    opened_on: p.opened_on ?? '',
    closed_on: p.closed_on ?? '',
  };
}

export type ProceedingDraft = ReturnType<typeof proceedingDraft>;

/** The draft as the backend takes it. */
export function proceedingInput(d: ProceedingDraft): NewProceeding {
  return {
    court_id: d.court_id,
    docket_number: d.docket_number,
    docket_aliases: parseAliases(d.aliases),
    caption: d.caption,
    opened_on: d.opened_on.trim() || null,
    closed_on: d.closed_on.trim() || null,
  };
}

/** Problems with a proceeding as typed, by field. */
export function proceedingErrors(d: ProceedingDraft): Partial<Record<ProceedingField, string>> {
  const out: Partial<Record<ProceedingField, string>> = {};
  if (d.court_id.trim() === '') out.court_id = 'Choose the court.';
  if (d.docket_number.trim() === '') out.docket_number = 'Enter the docket number.';
  const o = d.opened_on.trim();
  const c = d.closed_on.trim();
  if (o && !DATE.test(o)) out.opened_on = 'Use YYYY-MM-DD.';
  if (c && !DATE.test(c)) out.closed_on = 'Use YYYY-MM-DD.';
  if (!out.opened_on && !out.closed_on && o && c && c < o) out.closed_on = 'Closed before it was opened.';
  return out;
}

/** The field a core message about a proceeding is about. */
export function proceedingFieldOf(message: string): ProceedingField {
  if (/closed on/.test(message)) return 'closed_on';
  if (/opened on/.test(message)) return 'opened_on';
  if (/docket/.test(message)) return 'docket_number';
  if (/court/.test(message)) return 'court_id';
  if (/date|day/.test(message)) return 'opened_on';
  return 'form';
}
