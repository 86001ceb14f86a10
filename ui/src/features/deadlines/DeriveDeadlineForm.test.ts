// The deadline form over the in-memory backend: a California proceeding's
// event offers California's rules first and only the methods of service its
// rules know; other systems' rules only on request; a rule must be chosen;
// the added deadline shows its date and trail and is in the list across cases.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../bindings';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import DeriveDeadlineForm from './DeriveDeadlineForm.svelte';
import { emptyForm, ruleGroups, toSpec } from './rule-form';

async function setup(court: string) {
  const backend = new MemoryBackend();
  const c = await backend.addCase({ slug: 'doe', name: 'Doe v. Acme', summary: '' });
  const p = await backend.addProceeding(c.id, {
    court_id: court,
    docket_number: '26-CV-0001',
    docket_aliases: [],
    caption: '',
    opened_on: null,
    closed_on: null,
  });
  const ev = await backend.logEvent({
    proceeding_id: p.id,
    date: '2026-08-26',
    kind: 'filing',
    title: 'Summons and complaint served',
    description: '',
    entry: null,
    outcome: null,
    side: null,
    filers: [],
    source: '',
    certainty: 'confirmed',
  });
  const added: Deadline[] = [];
  render(DeriveDeadlineForm, { backend, props: { eventId: ev.id, onadded: (d: Deadline) => added.push(d) } });
  await settle();
  return { backend, added, ev };
}

const options = () =>
  [...document.querySelectorAll<HTMLOptionElement>('[data-testid=rule-select] option')].map((o) => o.value).filter(Boolean);
const groupLabels = () =>
  [...document.querySelectorAll<HTMLOptGroupElement>('[data-testid=rule-select] optgroup')].map((g) => g.label);

function choose(testid: string, value: string) {
  const select = document.querySelector<HTMLSelectElement>(`[data-testid=${testid}]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  flushSync();
}

describe('DeriveDeadlineForm', () => {
  it("offers a California proceeding California's rules, the others on request", async () => {
    await setup('calsuperct');
    expect(document.querySelector('[data-testid=rule-system]')!.textContent).toBe('California courts');
    expect(groupLabels()).toEqual(['California']);
    expect(options()).toEqual(['CCP 412.20(a)(3)', 'Cal. Rules of Court 8.104(a)(1)']);
    const every = document.querySelector<HTMLInputElement>('[data-testid=rule-every-system]')!;
    every.click();
    flushSync();
    expect(groupLabels()).toEqual([
      'California',
      'Federal Rules of Civil Procedure',
      'Federal Rules of Appellate Procedure',
    ]);
  });

  it("asks how the paper was served, with the state's methods, and adds the deadline", async () => {
    const { backend, added } = await setup('calsuperct');
    choose('rule-select', 'CCP 412.20(a)(3)');
    const services = [...document.querySelectorAll<HTMLOptionElement>('[data-testid=rule-service] option')].map(
      (o) => o.value,
    );
    expect(services).toContain('substituted');
    expect(services).not.toContain('clerk');
    expect(document.querySelector('[data-testid=rule-facts]')!.textContent).toContain('summons and complaint');
    choose('rule-service', 'personal');
    document.querySelector<HTMLButtonElement>('[data-testid=derive-deadline]')!.click();
    await settle();
    expect(added).toHaveLength(1);
    expect(added[0].rule).toBe('CCP 412.20(a)(3)');
    expect(added[0].service).toBe('personal');
    const shown = document.querySelector('[data-testid=derived-deadline]')!;
    expect(shown.textContent).toContain('Response to the complaint');
    expect(shown.querySelectorAll('[data-testid=derived-step]').length).toBeGreaterThan(0);
    const [entry] = await backend.listDeadlines();
    expect(entry.court_system).toBe('state:CA');
  });

  it('says a rule must be chosen, and sends nothing', async () => {
    const { backend, added } = await setup('nysd');
    expect(document.querySelector('[data-testid=rule-system]')!.textContent).toBe('Federal courts');
    document.querySelector<HTMLFormElement>('[data-testid=derive-deadline-form]')!.requestSubmit();
    await settle();
    expect(document.querySelector('[role=alert]')!.textContent).toContain('Choose the rule');
    expect(added).toHaveLength(0);
    expect(backend.calls).not.toContain('deriveDeadline');
  });
});

describe('rule-form', () => {
  it('needs the period of a rule that sets several, and drops a service the rule does not take', () => {
    const rule = {
      citation: 'FRAP 31(a)(1)',
      name: 'Briefs',
      system: 'frap' as const,
      primary: true,
      trigger: 'the record filed',
      parts: [{ key: 'reply', name: 'Reply brief' }],
      services: [],
      us_party: false,
      jurisdictional: false,
      extendable: null,
      notes: [],
    };
    expect(toSpec(1, rule, emptyForm())).toEqual({ error: 'FRAP 31(a)(1) sets several periods: choose which one.' });
    const built = toSpec(1, rule, { ...emptyForm(), part: 'reply', service: 'mail', title: '  ' });
    expect(built).toMatchObject({ spec: { rule: 'FRAP 31(a)(1)', part: 'reply', service: null, title: null } });
    const groups = ruleGroups(
      { court_id: 'ca2', court_system: 'federal', court_system_name: 'Federal courts', rules: [rule, { ...rule, system: 'ca', primary: false }] },
      false,
    );
    expect(groups.map((g) => g.system)).toEqual(['frap']);
  });
});
