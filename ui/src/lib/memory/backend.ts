// The in-memory double of the backend: the same interface and error shape as
// the Rust commands, over one in-memory database (database.ts) that every
// method reads and writes, with the core's checks and messages. Vitest mounts
// components over it; `npm run dev` in a plain browser uses `MemoryBackend.sample()`
// (main.ts loads it only in development, never in the production bundle).
// tests/scenarios/backend.json runs against it here (scenario.test.ts) and
// against the real Store in Rust, so the two answer alike.

import type { Backend } from '../backend';
import type { Document, DocumentId } from '../../bindings';
import type { Deadline } from '../../bindings';
import { BackupFolder } from './backups';
import * as cases from './cases';
import * as citations from './citations';
import { Database } from './database';
import * as deadlines from './deadlines';
import { loadDemo } from './demo';
import * as docket from './docket';
import * as dockets from './dockets';
import { invalid } from './database';
import * as documents from './documents';
import * as exports from './exports';
import * as highlights from './highlights';
import { Importer, type FakeFile } from './import';
import * as notes from './notes';
import * as rules from './rules';
import * as search from './search';

export type { FakeFile } from './import';
export type { FakeDocket } from './dockets';
export type { NewDocument } from './documents';
export type { NewDeadline } from './deadlines';

export class MemoryBackend implements Backend {
  /** Found in any bundle that holds the double (ui/scripts/check-dist.mjs looks for it). */
  static readonly marker = 'casetrail-memory-double';

  private readonly db = new Database();
  private readonly importer = new Importer(this.db);
  private dropHandlers: ((paths: string[]) => void)[] = [];
  /** Every call, in order, for tests that check what the UI asked for. */
  readonly calls: string[] = [];
  /** Every desktop notification shown, in order. */
  readonly notifications: { title: string; body: string }[] = [];
  /** Documents "opened in the system viewer". */
  readonly openedExternally: DocumentId[] = [];
  /** What the native dialog will answer next (tests set it; null is a cancelled dialog). */
  nextChosenPaths: string[] | null = null;
  /** What the save dialog will answer next (null is a cancelled dialog; unset proposes /exports/<name>). */
  nextSavePath: string | null | undefined = undefined;
  /** Exports written, by path: what was asked for (tests read it). */
  readonly exported = new Map<string, { caseId: number; kind: string }>();
  /** The backups folder beside the database (tests make it fail, or seed a warning). */
  readonly backups = new BackupFolder();

  /** A double already holding the small sample case. */
  static async sample(): Promise<MemoryBackend> {
    const b = new MemoryBackend();
    loadDemo(b.db);
    return b;
  }

  /** Record the call, then answer as a command does: a value, or a rejected {kind, message}. */
  private async call<T>(name: keyof Backend, answer: () => T | Promise<T>): Promise<T> {
    this.calls.push(name);
    return answer();
  }

  // --- Test hooks (not part of Backend) -------------------------------------

  /** A document as `Store::add_document` records it: listed, searchable and viewable. */
  seedDocument(input: documents.NewDocument): Document {
    return documents.addDocument(this.db, input);
  }

  /** What the core's import would have found in a document: its citations and bad redactions. */
  seedFound(documentId: DocumentId, found: citations.Found): void {
    citations.addFound(this.db, documentId, found);
  }

  /** A deadline entered by hand on a case (`Store::add_deadline`; open unless said otherwise). */
  seedDeadline(input: deadlines.NewDeadline): Deadline {
    return deadlines.addDeadline(this.db, input);
  }

  /** Pretend a file exists at `path` (a folder is any prefix ending in `/`). */
  addFile(path: string, file: FakeFile): void {
    this.importer.addFile(path, file);
  }

  /** Milliseconds the double spends on each imported file, so progress and cancel can be seen. */
  get importDelayMs(): number {
    return this.importer.delayMs;
  }
  set importDelayMs(ms: number) {
    this.importer.delayMs = ms;
  }

  /** Simulate files dropped on the window. */
  dropFiles(paths: string[]): void {
    for (const h of this.dropHandlers) h(paths);
  }

  // --- Backend --------------------------------------------------------------

  listCases: Backend['listCases'] = () => this.call('listCases', () => cases.listCases(this.db));
  addCase: Backend['addCase'] = (input) => this.call('addCase', () => cases.addCase(this.db, input));
  getTimeline: Backend['getTimeline'] = (caseId) => this.call('getTimeline', () => cases.getTimeline(this.db, caseId));
  listProceedings: Backend['listProceedings'] = (caseId) =>
    this.call('listProceedings', () => cases.listProceedings(this.db, caseId));
  addProceeding: Backend['addProceeding'] = (caseId, input) =>
    this.call('addProceeding', () => cases.addProceeding(this.db, caseId, input));
  listCourts: Backend['listCourts'] = () => this.call('listCourts', () => [...this.db.courts]);
  loadDemo: Backend['loadDemo'] = () => this.call('loadDemo', () => loadDemo(this.db));

  listEvents: Backend['listEvents'] = (proceedingId) => this.call('listEvents', () => docket.listEvents(this.db, proceedingId));
  getEvent: Backend['getEvent'] = (eventId) => this.call('getEvent', () => docket.getEvent(this.db, eventId));
  logEvent: Backend['logEvent'] = (input) => this.call('logEvent', () => docket.logEvent(this.db, input));

  listNotes: Backend['listNotes'] = (target) => this.call('listNotes', () => notes.listNotes(this.db, target));
  addNote: Backend['addNote'] = (target, body) => this.call('addNote', () => notes.addNote(this.db, target, body));
  editNote: Backend['editNote'] = (noteId, body) => this.call('editNote', () => notes.editNote(this.db, noteId, body));
  listTags: Backend['listTags'] = (target) => this.call('listTags', () => notes.listTags(this.db, target));
  addTag: Backend['addTag'] = (target, name) => this.call('addTag', () => notes.addTag(this.db, target, name));
  removeTag: Backend['removeTag'] = (target, tagId) => this.call('removeTag', () => notes.removeTag(this.db, target, tagId));

  onFilesDropped: Backend['onFilesDropped'] = async (handler) => {
    this.dropHandlers.push(handler);
    return () => {
      this.dropHandlers = this.dropHandlers.filter((h) => h !== handler);
    };
  };

  importFiles: Backend['importFiles'] = (paths, caseId, onEvent) =>
    this.call('importFiles', () => this.importer.run(paths, caseId, onEvent));
  cancelImport: Backend['cancelImport'] = () => this.call('cancelImport', () => this.importer.cancel());
  listDocuments: Backend['listDocuments'] = (caseId) =>
    this.call('listDocuments', () => documents.listDocuments(this.db, caseId));
  listEventDocuments: Backend['listEventDocuments'] = (eventId) =>
    this.call('listEventDocuments', () => documents.listEventDocuments(this.db, eventId));
  linkDocument: Backend['linkDocument'] = (documentId, caseId, proceedingId, eventId) =>
    this.call('linkDocument', () => documents.linkDocument(this.db, documentId, caseId, proceedingId, eventId));
  chooseImportPaths: Backend['chooseImportPaths'] = (_kind) =>
    this.call('chooseImportPaths', () => this.nextChosenPaths && [...this.nextChosenPaths]);

  listCaseSummaries: Backend['listCaseSummaries'] = (tag) =>
    this.call('listCaseSummaries', () => cases.listCaseSummaries(this.db, tag));
  updateCase: Backend['updateCase'] = (caseId, input) => this.call('updateCase', () => cases.updateCase(this.db, caseId, input));
  updateProceeding: Backend['updateProceeding'] = (proceedingId, input) =>
    this.call('updateProceeding', () => cases.updateProceeding(this.db, proceedingId, input));
  listEventsTagged: Backend['listEventsTagged'] = (proceedingId, tag) =>
    this.call('listEventsTagged', () => notes.listEventsTagged(this.db, proceedingId, tag));
  listAllTags: Backend['listAllTags'] = () => this.call('listAllTags', () => notes.listAllTags(this.db));
  listDeadlines: Backend['listDeadlines'] = (tag) => this.call('listDeadlines', () => deadlines.listDeadlines(this.db, tag));
  listCaseDeadlines: Backend['listCaseDeadlines'] = (caseId) =>
    this.call('listCaseDeadlines', () => deadlines.listCaseDeadlines(this.db, caseId));
  setDeadlineStatus: Backend['setDeadlineStatus'] = (deadlineId, status) =>
    this.call('setDeadlineStatus', () => deadlines.setDeadlineStatus(this.db, deadlineId, status));
  ruleChoices: Backend['ruleChoices'] = (eventId) => this.call('ruleChoices', () => rules.ruleChoices(this.db, eventId));
  deriveDeadline: Backend['deriveDeadline'] = (spec) => this.call('deriveDeadline', () => rules.deriveDeadline(this.db, spec));
  getSettings: Backend['getSettings'] = () => this.call('getSettings', () => deadlines.getSettings(this.db));
  saveSettings: Backend['saveSettings'] = (settings) => this.call('saveSettings', () => deadlines.saveSettings(this.db, settings));
  notify: Backend['notify'] = (title, body) =>
    this.call('notify', () => {
      this.notifications.push({ title, body });
      return true;
    });

  search: Backend['search'] = (query, caseId, limit) =>
    this.call('search', () => search.search(this.db, query, caseId ?? null, limit ?? search.DEFAULT_LIMIT));
  listSavedSearches: Backend['listSavedSearches'] = () => this.call('listSavedSearches', () => search.listSavedSearches(this.db));
  saveSearch: Backend['saveSearch'] = (name, query, caseId) =>
    this.call('saveSearch', () => search.saveSearch(this.db, name, query, caseId ?? null));
  openSavedSearch: Backend['openSavedSearch'] = (id) => this.call('openSavedSearch', () => search.openSavedSearch(this.db, id));
  deleteSavedSearch: Backend['deleteSavedSearch'] = (id) =>
    this.call('deleteSavedSearch', () => search.deleteSavedSearch(this.db, id));

  getDocument: Backend['getDocument'] = (documentId) => this.call('getDocument', () => documents.getDocument(this.db, documentId));
  documentPdf: Backend['documentPdf'] = (documentId) => this.call('documentPdf', () => documents.documentPdf(this.db, documentId));
  openDocumentExternally: Backend['openDocumentExternally'] = (documentId) =>
    this.call('openDocumentExternally', () => {
      documents.openDocumentExternally(this.db, documentId);
      this.openedExternally.push(documentId);
    });
  listHighlights: Backend['listHighlights'] = (documentId) =>
    this.call('listHighlights', () => highlights.listHighlights(this.db, documentId));
  addHighlight: Backend['addHighlight'] = (input) => this.call('addHighlight', () => highlights.addHighlight(this.db, input));
  editHighlightNote: Backend['editHighlightNote'] = (highlightId, note) =>
    this.call('editHighlightNote', () => highlights.editHighlightNote(this.db, highlightId, note));
  deleteHighlight: Backend['deleteHighlight'] = (highlightId) =>
    this.call('deleteHighlight', () => highlights.deleteHighlight(this.db, highlightId));

  docketPaths: Backend['docketPaths'] = (paths) =>
    this.call('docketPaths', () => paths.filter((p) => this.importer.isDocket(p)));
  importDockets: Backend['importDockets'] = (paths, caseId) =>
    this.call('importDockets', () => {
      if (paths.length === 0) throw invalid('choose at least one docket file to import');
      if (caseId !== null) this.db.case(caseId);
      if (this.importer.busy) throw invalid('an import is already running; wait for it to finish or cancel it');
      return dockets.importDocketFiles(this.db, paths, (p) => this.importer.file(p), caseId);
    });
  listNews: Backend['listNews'] = (caseId) => this.call('listNews', () => dockets.listNews(this.db, caseId));
  markNewsSeen: Backend['markNewsSeen'] = (caseId) => this.call('markNewsSeen', () => dockets.markNewsSeen(this.db, caseId));
  entrySource: Backend['entrySource'] = (eventId) => this.call('entrySource', () => dockets.entrySource(this.db, eventId));

  chooseSavePath: Backend['chooseSavePath'] = (_title, defaultName, _filterName, _extension) =>
    this.call('chooseSavePath', () => (this.nextSavePath === undefined ? `/exports/${defaultName}` : this.nextSavePath));
  exportCase: Backend['exportCase'] = (caseId, kind, path) =>
    this.call('exportCase', () => exports.exportCase(this.db, this.exported, caseId, kind, path));
  calendarFeed: Backend['calendarFeed'] = () => this.call('calendarFeed', () => exports.FEED_PATH);
  backupStatus: Backend['backupStatus'] = () => this.call('backupStatus', () => this.backups.status());
  backUpNow: Backend['backUpNow'] = () => this.call('backUpNow', () => this.backups.backUpNow(this.db.now()));

  documentCitations: Backend['documentCitations'] = (documentId) =>
    this.call('documentCitations', () => citations.documentCitations(this.db, documentId));
  caseAuthorities: Backend['caseAuthorities'] = (caseId) =>
    this.call('caseAuthorities', () => citations.caseAuthorities(this.db, caseId));
  documentBadRedactions: Backend['documentBadRedactions'] = (documentId) =>
    this.call('documentBadRedactions', () => citations.documentBadRedactions(this.db, documentId));
}
