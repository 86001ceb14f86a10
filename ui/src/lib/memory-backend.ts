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
import type {
  CaseSummary,
  Deadline,
  DeadlineEntry,
  DeadlineId,
  DeadlineStatus,
  Settings,
} from '../bindings';
import { BackendError, type Backend } from './backend';
import { isFiling } from './vocabulary';
import { dateError } from '../features/docket/entry';
import type { Detected, Document, EventId, FileOutcome, ImportEvent, ProceedingId } from '../bindings';
import type {
  SavedSearch,
  SavedSearchId,
  SavedSearchRun,
  SavedSearchSummary,
  SearchResult,
} from '../bindings';
import { matchText, parseQuery } from './memory-search';

/** A file the double pretends is on disk (see `MemoryBackend.addFile`). */
export interface FakeFile {
  pages: number;
  /** Stands for the bytes: two files with the same `content` are duplicates. Defaults to the path. */
  content?: string;
  /** Pages without a text layer. */
  pagesNeedingOcr?: number;
  detected?: Partial<Detected>;
  warnings?: string[];
  /** Make the file fail as the core would, e.g. `{ reason: 'not_pdf', error: '… is not a PDF' }`. */
  failure?: { reason: string; error: string };
}

/** A document's text for search in the double (the import feature owns real documents). */
type SearchableDocument = { id: DocumentId; title: string; caseId: CaseId | null; court: string | null; pages: string[] };

/** The key a hit keeps across runs, as the core spells it (SearchResult::key). */
function resultKey(r: SearchResult): string {
  return r.kind === 'page' ? `page:${r.document_id}:${r.page}` : `event:${r.event_id}`;
}

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

  // --- Import and documents -------------------------------------------------

  private files = new Map<string, FakeFile>();
  private documents: (Document & { content: string })[] = [];
  private importCancel: { cancelled: boolean } | null = null;
  /** Milliseconds the double spends on each file, so progress and cancel can be seen. */
  importDelayMs = 0;

  /** Test hook: pretend a file exists at `path` (a folder is any prefix ending in `/`). */
  addFile(path: string, file: FakeFile): void {
    this.files.set(path, file);
  }

  /** Folders expand to the fake PDFs below them (sorted), files stay as given. */
  private collect(paths: string[]): string[] {
    const out: string[] = [];
    for (const p of paths) {
      const dir = p.endsWith('/') ? p : `${p}/`;
      const below = [...this.files.keys()].filter((f) => f.startsWith(dir) && /\.pdf$/i.test(f)).sort();
      if (!this.files.has(p) && below.length > 0) out.push(...below);
      else out.push(p);
    }
    return out;
  }

  async importFiles(paths: string[], caseId: CaseId | null, onEvent: (event: ImportEvent) => void): Promise<FileOutcome[]> {
    this.record('importFiles');
    if (paths.length === 0) throw invalid('choose at least one PDF file or folder to import');
    if (caseId !== null) this.caseOf(caseId);
    if (this.importCancel) throw invalid('an import is already running; wait for it to finish or cancel it');
    const cancel = { cancelled: false };
    this.importCancel = cancel;
    try {
      const files = this.collect(paths);
      const outcomes: FileOutcome[] = [];
      let pagesDone = 0;
      const progress = (current: string | null) =>
        onEvent({ type: 'progress', files_done: outcomes.length, files_total: files.length, pages_done: pagesDone, current });
      for (const path of files) {
        if (cancel.cancelled) break;
        progress(path);
        await new Promise((r) => setTimeout(r, this.importDelayMs));
        if (cancel.cancelled) break;
        const outcome = this.importOne(path, caseId);
        outcomes.push(outcome);
        pagesDone += outcome.pages ?? 0;
        onEvent({ type: 'finished', outcome });
        progress(path);
      }
      return files.map(
        (path, i) => outcomes[i] ?? { ...blankOutcome(path, 'failed'), reason: 'cancelled', error: 'import cancelled' },
      );
    } finally {
      this.importCancel = null;
    }
  }

  private importOne(path: string, caseId: CaseId | null): FileOutcome {
    const file = this.files.get(path);
    if (!file) {
      return { ...blankOutcome(path, 'failed'), reason: 'unreadable', error: 'cannot read the file: No such file or directory (os error 2)' };
    }
    if (file.failure) return { ...blankOutcome(path, 'failed'), ...file.failure };
    const content = file.content ?? path;
    const existing = this.documents.find((d) => d.content === content);
    if (existing) {
      return {
        ...blankOutcome(path, 'duplicate'),
        document_id: existing.id,
        case_id: existing.case_id,
        proceeding_id: existing.proceeding_id,
        pages: existing.page_count,
        pages_needing_ocr: existing.pages_needing_ocr,
        detected: existing.detected,
      };
    }
    const detected: Detected = { court: null, docket_number: null, filed: null, kind: null, citations: [], ...file.detected };
    const proceeding =
      caseId !== null && detected.docket_number
        ? this.proceedings.find((p) => p.case_id === caseId && p.docket_number === detected.docket_number)
        : undefined;
    const name = path.split('/').pop() ?? path;
    const doc: Document & { content: string } = {
      id: this.id(),
      sha256: content,
      title: name.replace(/\.pdf$/i, '').replace(/_/g, ' ').trim() || 'Untitled document',
      original_name: name,
      size_bytes: 1000 * file.pages,
      page_count: file.pages,
      case_id: caseId,
      proceeding_id: proceeding?.id ?? null,
      event_id: null,
      detected,
      ocr: (file.pagesNeedingOcr ?? 0) > 0 ? 'unavailable' : 'not_needed',
      warnings: file.warnings ?? [],
      pages_needing_ocr: file.pagesNeedingOcr ?? 0,
      imported_at: this.now(),
      content,
    };
    this.documents.push(doc);
    if (caseId !== null) this.caseOf(caseId).updated_at = doc.imported_at;
    return {
      ...blankOutcome(path, 'imported'),
      document_id: doc.id,
      case_id: doc.case_id,
      proceeding_id: doc.proceeding_id,
      pages: doc.page_count,
      pages_needing_ocr: doc.pages_needing_ocr,
      warnings: doc.warnings,
      detected,
    };
  }

  async cancelImport(): Promise<boolean> {
    this.record('cancelImport');
    if (!this.importCancel) return false;
    this.importCancel.cancelled = true;
    return true;
  }

  async listDocuments(caseId: CaseId | null): Promise<Document[]> {
    this.record('listDocuments');
    return this.documents
      .filter((d) => caseId === null || d.case_id === caseId)
      .sort((a, b) => b.imported_at.localeCompare(a.imported_at) || b.id - a.id)
      .map(({ content: _, ...d }) => d);
  }

  async listEventDocuments(eventId: EventId): Promise<Document[]> {
    this.record('listEventDocuments');
    return this.documents
      .filter((d) => d.event_id === eventId)
      .sort((a, b) => a.imported_at.localeCompare(b.imported_at) || a.id - b.id)
      .map(({ content: _, ...d }) => d);
  }

  async linkDocument(
    documentId: DocumentId,
    caseId: CaseId | null,
    proceedingId: ProceedingId | null,
    eventId: EventId | null,
  ): Promise<Document> {
    this.record('linkDocument');
    const doc = this.documents.find((d) => d.id === documentId);
    if (!doc) throw notFound(`no document #${documentId}`);
    let caseOf = caseId;
    if (proceedingId !== null) {
      const p = this.proceedings.find((p) => p.id === proceedingId);
      if (!p) throw notFound(`no proceeding #${proceedingId}`);
      if (caseOf !== null && caseOf !== p.case_id) throw invalid(`proceeding #${p.id} belongs to another case`);
      caseOf = p.case_id;
    }
    if (eventId !== null) {
      const e = this.events.find((e) => e.id === eventId);
      if (!e) throw notFound(`no event #${eventId}`);
      if (proceedingId !== e.proceeding_id) throw invalid(`event #${e.id} is not in the document's proceeding`);
    }
    if (caseOf !== null) this.caseOf(caseOf).updated_at = this.now();
    doc.case_id = caseOf;
    doc.proceeding_id = proceedingId;
    doc.event_id = eventId;
    const { content: _, ...out } = doc;
    return out;
  }

  /** What the native dialog will answer next (tests set it; null is a cancelled dialog). */
  nextChosenPaths: string[] | null = null;

  async chooseImportPaths(_kind: 'files' | 'folder'): Promise<string[] | null> {
    this.record('chooseImportPaths');
    return this.nextChosenPaths;
  }
  // Deadlines, case summaries, editing, tag filters (the deadlines feature).
  private deadlines: Deadline[] = [];
  private settings: Settings = { deadline_warning_days: 7 };
  /** Every desktop notification shown, in order. */
  readonly notifications: { title: string; body: string }[] = [];

  private tagNamesOf(target: NoteTarget): string[] {
    const ids = this.taggings.get(targetKey(target)) ?? new Set<number>();
    return this.tags
      .filter((t) => ids.has(t.id))
      .map((t) => t.name)
      .sort((a, b) => a.localeCompare(b));
  }

  private hasTag(target: NoteTarget, tag: string | null | undefined): boolean {
    const want = tag?.trim().toLowerCase();
    if (!want) return true;
    return this.tagNamesOf(target).some((n) => n.toLowerCase() === want);
  }

  /** Test hook: a deadline entered by hand on a case (open unless said otherwise). */
  seedDeadline(input: {
    case_id: CaseId;
    title: string;
    due: string;
    status?: DeadlineStatus;
    proceeding_id?: number | null;
    computation?: Deadline['computation'];
  }): Deadline {
    this.caseOf(input.case_id);
    const now = this.now();
    const d: Deadline = {
      id: this.id(),
      case_id: input.case_id,
      proceeding_id: input.proceeding_id ?? null,
      title: input.title,
      rule: input.computation?.rule ?? null,
      part: null,
      us_party: false,
      service: null,
      court_id: null,
      trigger_event: null,
      trigger_date: null,
      computed_due: input.computation ? input.due : null,
      computation: input.computation ?? null,
      ordered_due: null,
      ordered_note: '',
      due: input.due,
      status: input.status ?? 'open',
      notes: '',
      created_at: now,
      updated_at: now,
    };
    this.deadlines.push(d);
    return d;
  }

  async listCaseSummaries(tag?: string | null): Promise<CaseSummary[]> {
    this.record('listCaseSummaries');
    return this.cases
      .filter((c) => this.hasTag({ kind: 'case', id: c.id }, tag))
      .map((c) => {
        const own = this.deadlines.filter((d) => d.case_id === c.id);
        const next = own
          .filter((d) => d.status === 'open')
          .sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id)[0];
        const last = own.map((d) => d.updated_at).reduce((a, b) => (b > a ? b : a), c.updated_at);
        return {
          case: { ...c },
          next_deadline: next ? { id: next.id, title: next.title, due: next.due } : null,
          last_activity: last,
          tags: this.tagNamesOf({ kind: 'case', id: c.id }),
        };
      })
      .sort((a, b) => b.last_activity.localeCompare(a.last_activity) || a.case.id - b.case.id);
  }

  async updateCase(caseId: CaseId, input: NewCase): Promise<Case> {
    this.record('updateCase');
    if (input.name.trim() === '') throw invalid('a case needs a name');
    if (!/^[a-z0-9-]+$/.test(input.slug))
      throw invalid(`case key "${input.slug}" must be lowercase letters, digits and dashes`);
    const c = this.caseOf(caseId);
    const other = this.cases.find((x) => x.slug === input.slug && x.id !== caseId);
    if (other) throw invalid(`a case with the key "${input.slug}" already exists (#${other.id} ${other.name})`);
    c.slug = input.slug;
    c.name = input.name.trim();
    c.summary = input.summary;
    c.updated_at = this.now();
    return { ...c };
  }

  async updateProceeding(proceedingId: number, input: NewProceeding): Promise<Proceeding> {
    this.record('updateProceeding');
    if (input.court_id.trim() === '') throw invalid('a proceeding needs a court');
    if (input.docket_number.trim() === '') throw invalid('a proceeding needs a docket number');
    if (input.opened_on && input.closed_on && input.closed_on < input.opened_on)
      throw invalid(`closed on ${input.closed_on} is before opened on ${input.opened_on}`);
    const p = this.proceedings.find((p) => p.id === proceedingId);
    if (!p) throw notFound(`no proceeding #${proceedingId}`);
    const court = COURTS.find((c) => c.id === input.court_id || c.short_name === input.court_id);
    if (!court) throw notFound(`no court "${input.court_id}"`);
    const docket = input.docket_number.trim();
    if (this.proceedings.some((x) => x.id !== p.id && x.case_id === p.case_id && x.court_id === court.id && x.docket_number === docket))
      throw invalid(`the case already has docket ${docket} in ${court.id}`);
    Object.assign(p, {
      court_id: court.id,
      court: court.short_name,
      docket_number: docket,
      docket_aliases: [...new Set(input.docket_aliases.map((a) => a.trim()).filter(Boolean))].sort(),
      caption: input.caption,
      opened_on: input.opened_on,
      closed_on: input.closed_on,
    });
    this.caseOf(p.case_id).updated_at = this.now();
    return { ...p };
  }

  async listEventsTagged(proceedingId: number, tag: string): Promise<EventId[]> {
    this.record('listEventsTagged');
    return this.events
      .filter((e) => e.proceeding_id === proceedingId && this.hasTag({ kind: 'event', id: e.id }, tag))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
      .map((e) => e.id);
  }

  async listAllTags(): Promise<Tag[]> {
    this.record('listAllTags');
    return [...this.tags].sort((a, b) => a.name.localeCompare(b.name));
  }

  async listDeadlines(tag?: string | null): Promise<DeadlineEntry[]> {
    this.record('listDeadlines');
    return this.deadlines
      .filter((d) => this.hasTag({ kind: 'case', id: d.case_id }, tag))
      .sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id)
      .map((d) => {
        const p = this.proceedings.find((p) => p.id === d.proceeding_id);
        return {
          deadline: { ...d },
          case_name: this.caseOf(d.case_id).name,
          proceeding: p ? `${p.court} ${p.docket_number}` : null,
          case_tags: this.tagNamesOf({ kind: 'case', id: d.case_id }),
        };
      });
  }

  async listCaseDeadlines(caseId: CaseId): Promise<Deadline[]> {
    this.record('listCaseDeadlines');
    this.caseOf(caseId);
    return this.deadlines
      .filter((d) => d.case_id === caseId)
      .sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id)
      .map((d) => ({ ...d }));
  }

  async setDeadlineStatus(deadlineId: DeadlineId, status: DeadlineStatus): Promise<Deadline> {
    this.record('setDeadlineStatus');
    const d = this.deadlines.find((d) => d.id === deadlineId);
    if (!d) throw notFound(`no deadline #${deadlineId}`);
    if (d.status !== status) {
      d.status = status;
      d.updated_at = this.now();
    }
    return { ...d };
  }

  async getSettings(): Promise<Settings> {
    this.record('getSettings');
    return { ...this.settings };
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    this.record('saveSettings');
    if (!Number.isInteger(settings.deadline_warning_days) || settings.deadline_warning_days < 0)
      throw invalid('the warning window is a whole number of days');
    if (settings.deadline_warning_days > 365) throw invalid('the warning window is at most 365 days');
    this.settings = { ...settings };
    return { ...this.settings };
  }

  async notify(title: string, body: string): Promise<boolean> {
    this.record('notify');
    this.notifications.push({ title, body });
    return true;
  }

  private searchableDocuments: SearchableDocument[] = [];
  private saved: { search: SavedSearch; seen: Set<string> }[] = [];

  /** Test hook: a document with text per page, as an import would leave it. */
  addSearchableDocument(title: string, pages: string[], caseId: CaseId | null = null, court: string | null = null): DocumentId {
    const id = this.id();
    this.searchableDocuments.push({ id, title, caseId, court, pages });
    return id;
  }

  private checkQuery(query: string) {
    const q = query.trim();
    if (q === '') throw invalid('type something to search for');
    if ([...q].length > 1000) throw invalid('a search can be at most 1000 characters');
    const clauses = parseQuery(q);
    if (!clauses || clauses.length === 0) throw invalid(`nothing to search for in "${q}": type a word or a number`);
    return { q, clauses };
  }

  private runSearch(query: string, caseId: CaseId | null, limit: number): SearchResult[] {
    const { clauses } = this.checkQuery(query);
    if (caseId !== null) this.caseOf(caseId);
    const scored: { score: number; order: number; hit: SearchResult }[] = [];
    for (const d of this.searchableDocuments) {
      if (caseId !== null && d.caseId !== caseId) continue;
      const c = d.caseId === null ? undefined : this.cases.find((c) => c.id === d.caseId);
      d.pages.forEach((text, i) => {
        const m = matchText(text, clauses);
        if (!m) return;
        scored.push({
          score: m.score,
          order: d.id * 10_000 + i,
          hit: { kind: 'page', document_id: d.id, event_id: null, note_id: null, highlight_id: null, title: d.title, page: i + 1, snippet: m.snippet, case_id: d.caseId, case_name: c?.name ?? null, court: d.court, date: null, new: false },
        });
      });
    }
    for (const e of this.events) {
      const p = this.proceedings.find((p) => p.id === e.proceeding_id)!;
      if (caseId !== null && p.case_id !== caseId) continue;
      const m = matchText(`${e.title} ${e.description}`, clauses);
      if (!m) continue;
      scored.push({
        score: m.score,
        order: e.id,
        hit: { kind: 'event', document_id: null, event_id: e.id, note_id: null, highlight_id: null, title: e.title, page: null, snippet: m.snippet, case_id: p.case_id, case_name: this.caseOf(p.case_id).name, court: p.court, date: e.date, new: false },
      });
    }
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, Math.max(1, Math.min(limit, 500))).map((s) => s.hit);
  }

  async search(query: string, caseId: CaseId | null = null, limit = 20): Promise<SearchResult[]> {
    this.record('search');
    return this.runSearch(query, caseId ?? null, limit);
  }

  private savedOf(id: SavedSearchId) {
    const s = this.saved.find((s) => s.search.id === id);
    if (!s) throw notFound(`no saved search #${id}`);
    return s;
  }

  private runSaved(entry: { search: SavedSearch; seen: Set<string> }): SavedSearchRun {
    const hits = this.runSearch(entry.search.query, entry.search.case_id, 200).map((h) => ({ ...h, new: !entry.seen.has(resultKey(h)) }));
    return { search: { ...entry.search }, hits, new_hits: hits.filter((h) => h.new).length };
  }

  async listSavedSearches(): Promise<SavedSearchSummary[]> {
    this.record('listSavedSearches');
    return [...this.saved]
      .sort((a, b) => a.search.name.toLowerCase().localeCompare(b.search.name.toLowerCase()) || a.search.id - b.search.id)
      .map((s) => {
        const run = this.runSaved(s);
        return { search: run.search, new_hits: run.new_hits };
      });
  }

  async saveSearch(name: string, query: string, caseId: CaseId | null = null): Promise<SavedSearch> {
    this.record('saveSearch');
    const n = name.trim();
    if (n === '') throw invalid('a saved search needs a name');
    if (/\p{Cc}/u.test(n)) throw invalid("a saved search's name cannot contain control characters");
    if ([...n].length > 100) throw invalid("a saved search's name can be at most 100 characters");
    const hits = this.runSearch(query, caseId ?? null, 200);
    if (this.saved.some((s) => s.search.name.toLowerCase() === n.toLowerCase()))
      throw invalid(`a saved search named "${n}" already exists`);
    const now = this.now();
    const search: SavedSearch = { id: this.id(), name: n, query: query.trim(), case_id: caseId ?? null, created_at: now, seen_at: now };
    this.saved.push({ search, seen: new Set(hits.map(resultKey)) });
    return { ...search };
  }

  async openSavedSearch(id: SavedSearchId): Promise<SavedSearchRun> {
    this.record('openSavedSearch');
    const entry = this.savedOf(id);
    const run = this.runSaved(entry);
    entry.seen = new Set(run.hits.map(resultKey));
    entry.search.seen_at = this.now();
    return run;
  }

  async deleteSavedSearch(id: SavedSearchId): Promise<void> {
    this.record('deleteSavedSearch');
    this.savedOf(id);
    this.saved = this.saved.filter((s) => s.search.id !== id);
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

function blankOutcome(path: string, status: FileOutcome['status']): FileOutcome {
  return {
    path,
    status,
    document_id: null,
    case_id: null,
    proceeding_id: null,
    pages: null,
    pages_needing_ocr: null,
    error: null,
    reason: null,
    warnings: [],
    detected: null,
  };
}
