// The deadline form's logic, pure: which rules it lists (the court's own
// system first, the others on request, grouped by system), what it asks for
// the chosen rule, and the `DeriveDeadline` it sends.

import type { DeriveDeadline, EventId, RuleChoices, RuleOffer, System } from '../../bindings';

/** How each rule system's group is headed. */
export const SYSTEM_TITLE: Record<System, string> = {
  frcp: 'Federal Rules of Civil Procedure',
  frap: 'Federal Rules of Appellate Procedure',
  scotus: 'Rules of the Supreme Court of the United States',
  ca: 'California',
  ny: 'New York',
  tx: 'Texas',
  fl: 'Florida',
  il: 'Illinois',
};

export interface RuleGroup {
  system: System;
  title: string;
  rules: RuleOffer[];
}

/**
 * The rules to list, grouped by system in the order given (the court's own
 * systems first); the other systems' only when `everySystem` is set.
 */
export function ruleGroups(choices: RuleChoices, everySystem: boolean): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (const r of choices.rules) {
    if (!r.primary && !everySystem) continue;
    let g = groups.find((g) => g.system === r.system);
    if (!g) {
      g = { system: r.system, title: SYSTEM_TITLE[r.system], rules: [] };
      groups.push(g);
    }
    g.rules.push(r);
  }
  return groups;
}

/** What the person filled in. */
export interface RuleForm {
  citation: string;
  part: string;
  /** A service code, or '' for not given. */
  service: string;
  usParty: boolean;
  title: string;
}

export const emptyForm = (): RuleForm => ({ citation: '', part: '', service: '', usParty: false, title: '' });

/** The chosen rule, if the citation is one of the choices. */
export function chosenRule(choices: RuleChoices | null, citation: string): RuleOffer | null {
  return choices?.rules.find((r) => r.citation === citation) ?? null;
}

/** The spec to send, or the sentence saying what is missing. */
export function toSpec(
  eventId: EventId,
  rule: RuleOffer | null,
  form: RuleForm,
): { spec: DeriveDeadline } | { error: string } {
  if (!rule) return { error: 'Choose the rule the deadline is computed under.' };
  if (rule.parts.length > 0 && !rule.parts.some((p) => p.key === form.part))
    return { error: `${rule.citation} sets several periods: choose which one.` };
  const service = rule.services.some((s) => s.code === form.service) ? form.service : null;
  return {
    spec: {
      trigger_event: eventId,
      rule: rule.citation,
      part: rule.parts.length > 0 ? form.part : null,
      us_party: rule.us_party && form.usParty,
      service,
      court_id: null,
      title: form.title.trim() === '' ? null : form.title.trim(),
      status: null,
      notes: '',
    },
  };
}

/** The short facts a lawyer checks before relying on the rule. */
export function ruleFacts(rule: RuleOffer): string[] {
  const facts = [`Runs from ${rule.trigger}.`];
  if (rule.jurisdictional) facts.push('Jurisdictional: it cannot be waived.');
  if (rule.extendable === false) facts.push('The court may not extend it.');
  if (rule.extendable === true) facts.push('The court may extend it.');
  return [...facts, ...rule.notes];
}
