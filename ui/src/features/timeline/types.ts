// Input types of the case timeline, mirroring `casetrail timeline CASE --json`.
// The generated bindings (ui/src/bindings/) satisfy them structurally: CasePage passes a
// bindings `Timeline`, and svelte-check holds the two together. Only the fields the
// timeline reads are required here.

/** A date known to the day ("2014-08-01") or only to the month ("2014-06"). */
export type EventDateText = string;

export interface TimelineParty {
  name: string;
  role: string;
  party_id?: number;
}

export interface TimelineJudge {
  name: string;
  role: string;
  judge_id?: number;
}

export interface StaySpan {
  granted_on: EventDateText;
  lifted_on: EventDateText | null;
  lifted_by: number | null;
  status: 'in_effect' | 'lifted';
}

export interface TimelineEvent {
  id: number;
  proceeding_id: number;
  date: EventDateText;
  /** snake_case event kind: ruling, stay, amicus_brief, brief, argument, petition, statute… */
  kind: string;
  title: string;
  description?: string;
  entry?: string | null;
  outcome?: string | null;
  side?: 'petitioner' | 'respondent' | 'neither' | null;
  stay?: StaySpan | null;
  parties: TimelineParty[];
  judges: TimelineJudge[];
  source: string;
  certainty: string;
  tags: string[];
  court: string;
  court_id: string;
  docket: string;
}

export interface TimelineProceeding {
  id: number;
  case_id?: number;
  court_id: string;
  court: string;
  docket_number: string;
  docket_aliases?: string[];
  caption: string;
  opened_on?: string | null;
  closed_on?: string | null;
  appeal_from: number | null;
  appeal_from_event: number | null;
}

export interface TimelineCase {
  id: number;
  slug: string;
  name: string;
  summary: string;
}

/** The whole input: a case, its proceedings (lane order) and their events. */
export interface TimelineData {
  case: TimelineCase;
  proceedings: TimelineProceeding[];
  events: TimelineEvent[];
}

/** A computed deadline shown as a flag. */
export interface TimelineDeadline {
  id: number | string;
  due: string;
  title: string;
  status: 'open' | 'done' | 'missed' | 'superseded';
  proceeding_id?: number | null;
}

/** First-paint timings reported by the component, in milliseconds. */
export interface PaintTiming {
  events: number;
  /** Building the zoom-independent model, the first time. */
  modelMs: number;
  /** Projecting it for the view (markers in view, label layout), the first time. */
  projectMs: number;
  /** The first canvas draw. */
  drawMs: number;
  /** From the component's creation to the end of the first draw. */
  totalMs: number;
}
