// The in-memory test double of the backend: same interface, same error shape,
// the core's main validation rules, no Tauri. Vitest mounts components over
// it; `npm run dev` in a plain browser uses it with `MemoryBackend.sample()`.

import type {
  Case,
  CaseId,
  Court,
  DocketEvent,
  DocumentDetails,
  DocumentId,
  Highlight,
  HighlightId,
  Loaded,
  NewCase,
  NewEvent,
  NewHighlight,
  NewProceeding,
  Note,
  NoteTarget,
  Proceeding,
  Tag,
  Timeline,
  TimelineEvent,
} from '../bindings';
import { BackendError, type Backend } from './backend';
import { isFiling } from './vocabulary';
import { dateError } from '../features/docket/entry';

const COURTS: Court[] = [
  { id: 'scotus', name: 'Supreme Court of the United States', short_name: 'U.S. Supreme Court', level: 'supreme', system: 'federal', appeals_to: null },
  { id: 'ca2', name: 'United States Court of Appeals for the Second Circuit', short_name: '2d Cir.', level: 'appellate', system: 'federal', appeals_to: 'scotus' },
  { id: 'nysd', name: 'United States District Court for the Southern District of New York', short_name: 'S.D.N.Y.', level: 'trial', system: 'federal', appeals_to: 'ca2' },
  { id: 'us-congress', name: 'United States Congress', short_name: 'U.S. Congress', level: 'legislature', system: 'legislative', appeals_to: null },
];

const invalid = (m: string) => new BackendError('invalid_input', m);
const notFound = (m: string) => new BackendError('not_found', m);

function targetKey(t: NoteTarget): string {
  return `${t.kind}:${t.id}`;
}

export class MemoryBackend implements Backend {
  private cases: Case[] = [];
  private proceedings: Proceeding[] = [];
  private events: DocketEvent[] = [];
  private notes: Note[] = [];
  private tags: Tag[] = [];
  private taggings = new Map<string, Set<number>>();
  private nextId = 1;
  private dropHandlers: ((paths: string[]) => void)[] = [];
  /** Every call, in order, for tests that check what the UI asked for. */
  readonly calls: string[] = [];

  private id(): number {
    return this.nextId++;
  }

  private now(): string {
    return new Date().toISOString();
  }

  private record(name: string) {
    this.calls.push(name);
  }

  private caseOf(id: CaseId): Case {
    const c = this.cases.find((c) => c.id === id);
    if (!c) throw notFound(`no case #${id}`);
    return c;
  }

  async listCases(): Promise<Case[]> {
    this.record('listCases');
    return [...this.cases].sort((a, b) => b.updated_at.localeCompare(a.updated_at) || a.id - b.id);
  }

  async addCase(input: NewCase): Promise<Case> {
    this.record('addCase');
    if (input.name.trim() === '') throw invalid('a case needs a name');
    if (!/^[a-z0-9-]+$/.test(input.slug))
      throw invalid(`case key "${input.slug}" must be lowercase letters, digits and dashes`);
    if (this.cases.some((c) => c.slug === input.slug))
      throw invalid(`a case with the key "${input.slug}" already exists`);
    const now = this.now();
    const c: Case = { id: this.id(), slug: input.slug, name: input.name.trim(), summary: input.summary, created_at: now, updated_at: now };
    this.cases.push(c);
    return c;
  }

  async getTimeline(caseId: CaseId): Promise<Timeline> {
    this.record('getTimeline');
    const c = this.caseOf(caseId);
    const proceedings = this.proceedings.filter((p) => p.case_id === caseId);
    const events: TimelineEvent[] = this.events
      .filter((e) => proceedings.some((p) => p.id === e.proceeding_id))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
      .map((e) => {
        const p = proceedings.find((p) => p.id === e.proceeding_id)!;
        const tags = [...(this.taggings.get(targetKey({ kind: 'event', id: e.id })) ?? [])]
          .map((t) => this.tags.find((x) => x.id === t)!.name)
          .sort();
        return { ...e, court: p.court, court_id: p.court_id, docket: p.docket_number, tags };
      });
    return { case: c, proceedings, events };
  }

  async listProceedings(caseId: CaseId): Promise<Proceeding[]> {
    this.record('listProceedings');
    this.caseOf(caseId);
    return this.proceedings.filter((p) => p.case_id === caseId);
  }

  async addProceeding(caseId: CaseId, input: NewProceeding): Promise<Proceeding> {
    this.record('addProceeding');
    this.caseOf(caseId);
    if (input.court_id.trim() === '') throw invalid('a proceeding needs a court');
    if (input.docket_number.trim() === '') throw invalid('a proceeding needs a docket number');
    const court = COURTS.find((c) => c.id === input.court_id || c.short_name === input.court_id);
    if (!court) throw notFound(`no court "${input.court_id}"`);
    const p: Proceeding = {
      id: this.id(),
      case_id: caseId,
      court_id: court.id,
      court: court.short_name,
      docket_number: input.docket_number.trim(),
      docket_aliases: input.docket_aliases,
      caption: input.caption,
      opened_on: input.opened_on,
      closed_on: input.closed_on,
      appeal_from: null,
      appeal_from_event: null,
    };
    this.proceedings.push(p);
    return p;
  }

  async listCourts(): Promise<Court[]> {
    this.record('listCourts');
    return COURTS;
  }

  async loadDemo(): Promise<Loaded> {
    this.record('loadDemo');
    const existing = this.cases.find((c) => c.slug === 'microsoft-ireland');
    if (existing) return { case: existing, created: false, proceedings: 0, events: 0 };
    const c = await this.addCase({ slug: 'microsoft-ireland', name: 'Microsoft–Ireland email warrant', summary: 'Whether a U.S. warrant reaches e-mail stored in Ireland.' });
    const sdny = await this.addProceeding(c.id, { court_id: 'nysd', docket_number: '13 Mag. 2814', docket_aliases: [], caption: 'In re Warrant', opened_on: '2013-12-04', closed_on: null });
    const ca2 = await this.addProceeding(c.id, { court_id: 'ca2', docket_number: '14-2985', docket_aliases: [], caption: 'Microsoft Corp. v. United States', opened_on: null, closed_on: null });
    const scotus = await this.addProceeding(c.id, { court_id: 'scotus', docket_number: '17-2', docket_aliases: [], caption: 'United States v. Microsoft Corp.', opened_on: '2017-06-23', closed_on: '2018-04-17' });
    const base = { description: '', entry: null, side: null, filers: [], source: '', certainty: 'confirmed' as const };
    await this.logEvent({ ...base, proceeding_id: sdny.id, date: '2014-04-25', kind: 'ruling', title: 'Magistrate judge denies motion to quash', outcome: 'denied' });
    await this.logEvent({ ...base, proceeding_id: ca2.id, date: '2016-07-14', kind: 'ruling', title: 'Second Circuit reverses', outcome: 'reversed' });
    await this.logEvent({ ...base, proceeding_id: scotus.id, date: '2018-04-17', kind: 'ruling', title: 'Vacated as moot after the CLOUD Act', outcome: 'vacated_as_moot' });
    return { case: c, created: true, proceedings: 3, events: 3 };
  }

  /** A double already holding the small sample case. */
  static async sample(): Promise<MemoryBackend> {
    const b = new MemoryBackend();
    await b.loadDemo();
    b.calls.length = 0;
    return b;
  }

  async listEvents(proceedingId: number): Promise<DocketEvent[]> {
    this.record('listEvents');
    return this.events
      .filter((e) => e.proceeding_id === proceedingId)
      .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  }

  async getEvent(eventId: number): Promise<DocketEvent> {
    this.record('getEvent');
    const e = this.events.find((e) => e.id === eventId);
    if (!e) throw notFound(`no event #${eventId}`);
    return e;
  }

  async logEvent(input: NewEvent): Promise<DocketEvent> {
    this.record('logEvent');
    const bad = dateError(input.date);
    if (bad) throw invalid(bad);
    if (input.title.trim() === '') throw invalid('an event needs a title');
    if (input.outcome !== null && input.kind !== 'ruling')
      throw invalid(`only a ruling has an outcome (this event is a ${input.kind})`);
    if (input.side !== null && !isFiling(input.kind))
      throw invalid(`only a filing supports a side (this event is a ${input.kind})`);
    const p = this.proceedings.find((p) => p.id === input.proceeding_id);
    if (!p) throw notFound(`no proceeding #${input.proceeding_id}`);
    const now = this.now();
    const role = input.kind === 'amicus_brief' ? 'amicus' : 'filer';
    const e: DocketEvent = {
      id: this.id(),
      proceeding_id: p.id,
      date: input.date,
      kind: input.kind,
      title: input.title.trim(),
      description: input.description,
      entry: input.entry,
      outcome: input.outcome,
      side: input.side,
      stay: input.kind === 'stay' ? { granted_on: input.date, lifted_on: null, lifted_by: null, status: 'in_effect' } : null,
      parties: input.filers.map((name) => ({ party_id: this.id(), name, role })),
      judges: [],
      source: input.source,
      certainty: input.certainty,
      created_at: now,
      updated_at: now,
    };
    this.events.push(e);
    this.caseOf(p.case_id).updated_at = now;
    return e;
  }

  async listNotes(target: NoteTarget): Promise<Note[]> {
    this.record('listNotes');
    return this.notes.filter((n) => targetKey(n.target) === targetKey(target));
  }

  async addNote(target: NoteTarget, body: string): Promise<Note> {
    this.record('addNote');
    if (body.trim() === '') throw invalid('a note cannot be empty');
    const now = this.now();
    const n: Note = { id: this.id(), target, body, created_at: now, updated_at: now };
    this.notes.push(n);
    return n;
  }

  async editNote(noteId: number, body: string): Promise<void> {
    this.record('editNote');
    if (body.trim() === '') throw invalid('a note cannot be empty');
    const n = this.notes.find((n) => n.id === noteId);
    if (!n) throw notFound(`no note #${noteId}`);
    n.body = body;
    n.updated_at = this.now();
  }

  async listTags(target: NoteTarget): Promise<Tag[]> {
    this.record('listTags');
    const ids = this.taggings.get(targetKey(target)) ?? new Set();
    return this.tags.filter((t) => ids.has(t.id)).sort((a, b) => a.name.localeCompare(b.name));
  }

  async addTag(target: NoteTarget, name: string): Promise<Tag> {
    this.record('addTag');
    const clean = name.trim();
    if (clean === '') throw invalid('a tag needs a name without control characters');
    if (target.kind === 'proceeding') throw invalid('proceedings are not tagged; tag the case or its events');
    let tag = this.tags.find((t) => t.name.toLowerCase() === clean.toLowerCase());
    if (!tag) {
      tag = { id: this.id(), name: clean };
      this.tags.push(tag);
    }
    const key = targetKey(target);
    if (!this.taggings.has(key)) this.taggings.set(key, new Set());
    this.taggings.get(key)!.add(tag.id);
    return tag;
  }

  async removeTag(target: NoteTarget, tagId: number): Promise<void> {
    this.record('removeTag');
    this.taggings.get(targetKey(target))?.delete(tagId);
  }

  async onFilesDropped(handler: (paths: string[]) => void): Promise<() => void> {
    this.dropHandlers.push(handler);
    return () => {
      this.dropHandlers = this.dropHandlers.filter((h) => h !== handler);
    };
  }

  /** Test hook: simulate files dropped on the window. */
  dropFiles(paths: string[]): void {
    for (const h of this.dropHandlers) h(paths);
  }

  // The document viewer: documents are put in by tests (addDocument), as the
  // import would; highlights follow the core's validation and messages.
  private documentsById = new Map<DocumentId, { details: DocumentDetails; pdf: ArrayBuffer | null }>();
  private highlights: Highlight[] = [];
  /** Paths "opened in the system viewer", for tests. */
  readonly openedExternally: DocumentId[] = [];

  /** Test hook: a document as if imported, with its PDF bytes when given. */
  addDocument(details: Omit<DocumentDetails, 'id'> & { id?: DocumentId }, pdf: ArrayBuffer | null = null): DocumentDetails {
    const d: DocumentDetails = { ...details, id: details.id ?? this.id() };
    this.documentsById.set(d.id, { details: d, pdf });
    return d;
  }

  private documentOf(id: DocumentId) {
    const d = this.documentsById.get(id);
    if (!d) throw notFound(`no document #${id}`);
    return d;
  }

  async getDocument(documentId: DocumentId): Promise<DocumentDetails> {
    this.record('getDocument');
    return this.documentOf(documentId).details;
  }

  async documentPdf(documentId: DocumentId): Promise<ArrayBuffer> {
    this.record('documentPdf');
    const { pdf } = this.documentOf(documentId);
    if (!pdf) throw notFound(`the file of document #${documentId} is missing from the library`);
    return pdf.slice(0);
  }

  async openDocumentExternally(documentId: DocumentId): Promise<void> {
    this.record('openDocumentExternally');
    const { pdf } = this.documentOf(documentId);
    if (!pdf) throw notFound(`the file of document #${documentId} is missing from the library`);
    this.openedExternally.push(documentId);
  }

  async listHighlights(documentId: DocumentId): Promise<Highlight[]> {
    this.record('listHighlights');
    this.documentOf(documentId);
    return this.highlights
      .filter((h) => h.document_id === documentId)
      .sort((a, b) => a.page - b.page || a.id - b.id);
  }

  async addHighlight(input: NewHighlight): Promise<Highlight> {
    this.record('addHighlight');
    if (input.page < 1) throw invalid('pages are numbered from 1');
    if (input.rects.length === 0) throw invalid('a highlight needs at least one rectangle');
    for (const r of input.rects) {
      const inside =
        [r.x, r.y, r.w, r.h].every(Number.isFinite) &&
        r.x >= 0 && r.y >= 0 && r.w > 0 && r.h > 0 && r.x + r.w <= 1 + 1e-9 && r.y + r.h <= 1 + 1e-9;
      if (!inside)
        throw invalid(
          `a highlight rectangle must lie on the page (x, y, w, h between 0 and 1, w and h above 0), got x=${r.x} y=${r.y} w=${r.w} h=${r.h}`,
        );
    }
    if (input.quote.trim() === '') throw invalid('a highlight needs the text it marks');
    const { details } = this.documentOf(input.document_id);
    if (input.page > details.page_count)
      throw invalid(`page ${input.page} is past the end of document #${details.id} (${details.page_count} pages)`);
    const now = this.now();
    const h: Highlight = {
      id: this.id(),
      document_id: input.document_id,
      page: input.page,
      rects: input.rects.map((r) => ({ ...r })),
      quote: input.quote,
      note: input.note.trim(),
      created_at: now,
      updated_at: now,
    };
    this.highlights.push(h);
    return { ...h };
  }

  async editHighlightNote(highlightId: HighlightId, note: string): Promise<Highlight> {
    this.record('editHighlightNote');
    const h = this.highlights.find((h) => h.id === highlightId);
    if (!h) throw notFound(`no highlight #${highlightId}`);
    h.note = note.trim();
    h.updated_at = this.now();
    return { ...h };
  }

  async deleteHighlight(highlightId: HighlightId): Promise<void> {
    this.record('deleteHighlight');
    const at = this.highlights.findIndex((h) => h.id === highlightId);
    if (at < 0) throw notFound(`no highlight #${highlightId}`);
    this.highlights.splice(at, 1);
  }
}
