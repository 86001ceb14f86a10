// The real backend: each method invokes one Rust command (src-tauri/src/commands/).
// Argument names are camelCase here; Tauri maps them to the commands' snake_case.

import { invoke } from '@tauri-apps/api/core';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import {
  isPermissionGranted,
  requestPermission,
  sendNotification,
} from '@tauri-apps/plugin-notification';
import { BackendError, type Backend } from './backend';
import { Channel } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { ImportEvent } from '../bindings';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw BackendError.from(e);
  }
}

export class TauriBackend implements Backend {
  listCases: Backend['listCases'] = () => call('list_cases');
  addCase: Backend['addCase'] = (input) => call('add_case', { new: input });
  getTimeline: Backend['getTimeline'] = (caseId) => call('get_timeline', { caseId });
  listProceedings: Backend['listProceedings'] = (caseId) => call('list_proceedings', { caseId });
  addProceeding: Backend['addProceeding'] = (caseId, input) =>
    call('add_proceeding', { caseId, new: input });
  listCourts: Backend['listCourts'] = () => call('list_courts');
  loadDemo: Backend['loadDemo'] = () => call('load_demo');

  listEvents: Backend['listEvents'] = (proceedingId) => call('list_events', { proceedingId });
  getEvent: Backend['getEvent'] = (eventId) => call('get_event', { eventId });
  logEvent: Backend['logEvent'] = (input) => call('log_event', { new: input });

  listNotes: Backend['listNotes'] = (target) => call('list_notes', { target });
  addNote: Backend['addNote'] = (target, body) => call('add_note', { target, body });
  editNote: Backend['editNote'] = (noteId, body) => call('edit_note', { noteId, body });
  listTags: Backend['listTags'] = (target) => call('list_tags', { target });
  addTag: Backend['addTag'] = (target, name) => call('add_tag', { target, name });
  removeTag: Backend['removeTag'] = (target, tagId) => call('remove_tag', { target, tagId });

  onFilesDropped: Backend['onFilesDropped'] = async (handler) => {
    const unlisten = await getCurrentWebview().onDragDropEvent((event) => {
      if (event.payload.type === 'drop' && event.payload.paths.length > 0) {
        handler(event.payload.paths);
      }
    });
    return unlisten;
  };

  importFiles: Backend['importFiles'] = (paths, caseId, onEvent) => {
    const channel = new Channel<ImportEvent>();
    channel.onmessage = onEvent;
    return call('import_files', { paths, caseId, onEvent: channel });
  };
  cancelImport: Backend['cancelImport'] = () => call('cancel_import');
  listDocuments: Backend['listDocuments'] = (caseId) => call('list_documents', { caseId });
  listEventDocuments: Backend['listEventDocuments'] = (eventId) => call('event_documents', { eventId });
  linkDocument: Backend['linkDocument'] = (documentId, caseId, proceedingId, eventId) =>
    call('link_document', { documentId, caseId, proceedingId, eventId });
  chooseImportPaths: Backend['chooseImportPaths'] = async (kind) => {
    const picked =
      kind === 'folder'
        ? await open({ directory: true, multiple: false, title: 'Import a folder of PDFs' })
        : await open({
            multiple: true,
            title: 'Import PDFs and docket files',
            filters: [
              { name: 'PDFs and dockets', extensions: ['pdf', 'PDF', 'html', 'htm', 'json', 'xml', 'rss', 'acms_json'] },
              { name: 'All files', extensions: ['*'] },
            ],
          });
    if (picked === null) return null;
    return Array.isArray(picked) ? picked : [picked];
  };
  listCaseSummaries: Backend['listCaseSummaries'] = (tag) =>
    call('list_case_summaries', { tag: tag ?? null });
  updateCase: Backend['updateCase'] = (caseId, input) => call('update_case', { caseId, changed: input });
  updateProceeding: Backend['updateProceeding'] = (proceedingId, input) =>
    call('update_proceeding', { proceedingId, changed: input });
  listEventsTagged: Backend['listEventsTagged'] = (proceedingId, tag) =>
    call('list_events_tagged', { proceedingId, tag });
  listAllTags: Backend['listAllTags'] = () => call('list_all_tags');
  listDeadlines: Backend['listDeadlines'] = (tag) => call('list_deadlines', { tag: tag ?? null });
  listCaseDeadlines: Backend['listCaseDeadlines'] = (caseId) => call('case_deadlines', { caseId });
  setDeadlineStatus: Backend['setDeadlineStatus'] = (deadlineId, status) =>
    call('set_deadline_status', { deadlineId, status });
  ruleChoices: Backend['ruleChoices'] = (eventId) => call('rule_choices', { eventId });
  deriveDeadline: Backend['deriveDeadline'] = (spec) => call('derive_deadline', { spec });
  getSettings: Backend['getSettings'] = () => call('get_settings');
  saveSettings: Backend['saveSettings'] = (settings) => call('save_settings', { settings });
  notify: Backend['notify'] = async (title, body) => {
    let granted = await isPermissionGranted();
    if (!granted) granted = (await requestPermission()) === 'granted';
    if (granted) sendNotification({ title, body });
    return granted;
  };
  search: Backend['search'] = (query, caseId, limit) =>
    call('search', { query, caseId: caseId ?? null, limit: limit ?? null });
  listSavedSearches: Backend['listSavedSearches'] = () => call('list_saved_searches');
  saveSearch: Backend['saveSearch'] = (name, query, caseId) =>
    call('save_search', { name, query, caseId: caseId ?? null });
  openSavedSearch: Backend['openSavedSearch'] = (savedSearchId) =>
    call('open_saved_search', { savedSearchId });
  deleteSavedSearch: Backend['deleteSavedSearch'] = (savedSearchId) =>
    call('delete_saved_search', { savedSearchId });
  getDocument: Backend['getDocument'] = (documentId) => call('get_document', { documentId });
  // The command answers with raw bytes (tauri::ipc::Response), which arrive as an ArrayBuffer.
  documentPdf: Backend['documentPdf'] = (documentId) => call('document_pdf', { documentId });
  openDocumentExternally: Backend['openDocumentExternally'] = (documentId) =>
    call('open_document_externally', { documentId });
  listHighlights: Backend['listHighlights'] = (documentId) => call('list_highlights', { documentId });
  addHighlight: Backend['addHighlight'] = (input) => call('add_highlight', { new: input });
  editHighlightNote: Backend['editHighlightNote'] = (highlightId, note) =>
    call('edit_highlight_note', { highlightId, note });
  deleteHighlight: Backend['deleteHighlight'] = (highlightId) => call('delete_highlight', { highlightId });
  docketPaths: Backend['docketPaths'] = (paths) => call('docket_paths', { paths });
  importDockets: Backend['importDockets'] = (paths, caseId) => call('import_dockets', { paths, caseId });
  listNews: Backend['listNews'] = (caseId) => call('list_news', { caseId });
  markNewsSeen: Backend['markNewsSeen'] = (caseId) => call('mark_news_seen', { caseId });
  entrySource: Backend['entrySource'] = (eventId) => call('entry_source', { eventId });
  chooseSavePath: Backend['chooseSavePath'] = (title, defaultName, filterName, extension) =>
    save({ title, defaultPath: defaultName, filters: [{ name: filterName, extensions: [extension] }] });
  exportCase: Backend['exportCase'] = (caseId, kind, path) => call('export_case', { caseId, kind, path });
  calendarFeed: Backend['calendarFeed'] = () => call('calendar_feed');
  backupStatus: Backend['backupStatus'] = () => call('backup_status');
  backUpNow: Backend['backUpNow'] = () => call('back_up_now');
  documentCitations: Backend['documentCitations'] = (documentId) => call('document_citations', { documentId });
  caseAuthorities: Backend['caseAuthorities'] = (caseId) => call('case_authorities', { caseId });
  documentBadRedactions: Backend['documentBadRedactions'] = (documentId) =>
    call('document_bad_redactions', { documentId });
}

/** True inside the Tauri window (as opposed to a plain browser or Vitest). */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}
