// Deriving deadlines in the double, after crates/store/src/rule_choices.rs and
// deadlines.rs. The double knows a handful of the bundled rules (their real
// citations, names and service methods) and counts plain calendar days: no
// court calendar, no roll. Components are tested over it; the real counting
// is the Rust engine's, tested in Rust and end to end.

import type { Deadline, DeriveDeadline, EventId, RuleChoices, RuleOffer } from '../../bindings';
import { copy, invalid, notFound, type Database } from './database';

const CA_SERVICES = [
  { code: 'personal', label: 'personal service' },
  { code: 'mail', label: 'service by mail' },
  { code: 'mail-out-of-state', label: 'service by mail outside the state' },
  { code: 'electronic', label: 'electronic service' },
  { code: 'overnight', label: 'service by overnight delivery' },
  { code: 'substituted', label: 'substituted service' },
];

type Known = RuleOffer & { days: number; courtSystem: string };

const offer = (r: Omit<Known, 'primary'>): Known => ({ ...r, primary: false });

/** The rules the double offers, by the court system they belong to. */
const RULES: Known[] = [
  offer({
    citation: 'CCP 412.20(a)(3)', name: 'Response to the complaint', system: 'ca', courtSystem: 'state:CA',
    trigger: 'service of the summons and complaint', parts: [], services: CA_SERVICES, us_party: false,
    jurisdictional: false, extendable: true, notes: ['Substituted service is complete on the 10th day after mailing (CCP 415.20).'], days: 30,
  }),
  offer({
    citation: 'Cal. Rules of Court 8.104(a)(1)', name: 'Notice of appeal', system: 'ca', courtSystem: 'state:CA',
    trigger: 'service of notice of entry of judgment', parts: [], services: [], us_party: false,
    jurisdictional: true, extendable: false, notes: [], days: 60,
  }),
  offer({
    citation: 'FRCP 12(a)(1)(A)(i)', name: 'Answer to the complaint', system: 'frcp', courtSystem: 'federal',
    trigger: 'service of the summons and complaint', parts: [], services: [], us_party: true,
    jurisdictional: false, extendable: null, notes: [], days: 21,
  }),
  offer({
    citation: 'FRAP 4(a)(1)(A)', name: 'Notice of appeal in a civil case', system: 'frap', courtSystem: 'federal',
    trigger: 'entry of the judgment or order', parts: [], services: [], us_party: false,
    jurisdictional: true, extendable: false, notes: [], days: 30,
  }),
];

/** What a deadline derived from `eventId` can be computed under: its court's system first. */
export function ruleChoices(db: Database, eventId: EventId): RuleChoices {
  const ev = db.event(eventId);
  const p = db.proceeding(ev.proceeding_id);
  const court = db.court(p.court_id);
  if (!court) throw notFound(`no court ${JSON.stringify(p.court_id)}`);
  const own = (r: Known) => r.courtSystem === court.system;
  const strip = ({ days: _d, courtSystem: _c, ...r }: Known, primary: boolean): RuleOffer => ({ ...copy(r), primary });
  return {
    court_id: court.id,
    court_system: court.system,
    court_system_name: court.system === 'federal' ? 'Federal courts' : court.system === 'state:CA' ? 'California courts' : court.system,
    rules: [...RULES.filter(own).map((r) => strip(r, true)), ...RULES.filter((r) => !own(r)).map((r) => strip(r, false))],
  };
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Derive a deadline: the trigger's day plus the rule's days, with the double's two steps. */
export function deriveDeadline(db: Database, spec: DeriveDeadline): Deadline {
  const ev = db.event(spec.trigger_event);
  const rule = RULES.find((r) => r.citation === spec.rule);
  if (!rule) throw notFound(`unknown rule '${spec.rule}': run \`casetrail rules\` to list the rules`);
  if (ev.date.length !== 10)
    throw invalid(`event #${ev.id} is dated ${ev.date} (month only): a deadline needs the exact day of its trigger`);
  if (spec.service && rule.services.length > 0 && !rule.services.some((s) => s.code === spec.service))
    throw invalid(`no service kind '${spec.service}' under ${rule.citation}`);
  const p = db.proceeding(ev.proceeding_id);
  const due = addDays(ev.date, rule.days);
  const now = db.now();
  const d: Deadline = {
    id: db.id(),
    case_id: p.case_id,
    proceeding_id: p.id,
    title: spec.title?.trim() || rule.name,
    rule: rule.citation,
    part: spec.part ?? null,
    us_party: spec.us_party ?? false,
    service: spec.service ?? null,
    court_id: p.court_id,
    trigger_event: ev.id,
    trigger_date: ev.date,
    computed_due: due,
    computation: {
      due,
      rule: rule.citation,
      steps: [
        { date: ev.date, note: `trigger: event #${ev.id}, ${ev.title}`, cite: rule.citation },
        { date: due, note: `day ${rule.days} counted (the double counts calendar days only)`, cite: rule.citation },
      ],
    },
    ordered_due: null,
    ordered_note: '',
    due,
    status: spec.status ?? 'open',
    notes: spec.notes ?? '',
    created_at: now,
    updated_at: now,
  };
  db.deadlines.push(d);
  db.touchCase(p.case_id);
  return copy(d);
}
