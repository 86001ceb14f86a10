// Search and saved searches in the double, after crates/store/src/search.rs,
// search/notes.rs, search_results.rs and saved_searches.rs: four indexes
// (pages, events, notes, highlights) over the one database, each ranked by
// bm25, merged best first, each hit described with its case, court and date.

import type {
  CaseId,
  HitKind,
  SavedSearch,
  SavedSearchId,
  SavedSearchRun,
  SavedSearchSummary,
  SearchResult,
} from '../../bindings';
import { copy, invalid, nocase, type Database, type SavedSearchRow } from './database';
import { parseQuery, searchTable, type Clause } from './fulltext';

const MAX_QUERY_CHARS = 1000;
const MAX_NAME_CHARS = 100;
const MAX_LIMIT = 500;
const SAVED_SEARCH_LIMIT = 200;
export const DEFAULT_LIMIT = 20;

/** `check_query`: the query trimmed and parsed, or the core's refusal. */
function checkQuery(query: string): { q: string; clauses: Clause[] } {
  const q = query.trim();
  if (q === '') throw invalid('type something to search for');
  if ([...q].length > MAX_QUERY_CHARS) throw invalid(`a search can be at most ${MAX_QUERY_CHARS} characters`);
  const clauses = parseQuery(q);
  if (!clauses || clauses.length === 0) throw invalid(`nothing to search for in "${q}": type a word or a number`);
  return { q, clauses };
}

/** `check_name`. */
function checkName(name: string): string {
  const n = name.trim();
  if (n === '') throw invalid('a saved search needs a name');
  if (/\p{Cc}/u.test(n)) throw invalid("a saved search's name cannot contain control characters");
  if ([...n].length > MAX_NAME_CHARS) throw invalid(`a saved search's name can be at most ${MAX_NAME_CHARS} characters`);
  return n;
}

/** What identifies a hit across runs (`SearchResult::key`). */
export function resultKey(r: SearchResult): string {
  const kind: HitKind = r.kind;
  switch (kind) {
    case 'page':
      return `page:${r.document_id ?? ''}:${r.page ?? ''}`;
    case 'event':
      return `event:${r.event_id ?? ''}`;
    case 'note':
      return `note:${r.note_id ?? ''}`;
    case 'highlight':
      return `highlight:${r.highlight_id ?? ''}`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

type Hit = Pick<SearchResult, 'kind' | 'document_id' | 'event_id' | 'note_id' | 'highlight_id' | 'title' | 'page'>;

function hit(fields: Partial<Hit> & Pick<Hit, 'kind' | 'title'>): Hit {
  return { document_id: null, event_id: null, note_id: null, highlight_id: null, page: null, ...fields };
}

/** `describe`: the case, court and date of a hit, from its event (not for pages) or else its document. */
function describe(db: Database, h: Hit, snippet: string): SearchResult {
  const out: SearchResult = { ...h, snippet, case_id: null, case_name: null, court: null, date: null, new: false };
  const event = h.kind !== 'page' && h.event_id !== null ? db.events.find((e) => e.id === h.event_id) : undefined;
  if (event) {
    const p = db.proceeding(event.proceeding_id);
    Object.assign(out, { case_id: p.case_id, case_name: db.case(p.case_id).name, court: p.court, date: event.date });
  } else if (h.event_id === null || h.kind === 'page') {
    const d = h.document_id === null ? undefined : db.documents.find((d) => d.id === h.document_id);
    if (d) {
      const p = d.proceeding_id === null ? undefined : db.proceedings.find((p) => p.id === d.proceeding_id);
      const c = d.case_id === null ? undefined : db.cases.find((c) => c.id === d.case_id);
      Object.assign(out, { case_id: d.case_id, case_name: c?.name ?? null, court: p?.court ?? null });
    }
  }
  return out;
}

/** The case a note belongs to, through whatever it is attached to. */
function noteCase(db: Database, n: Database['notes'][number]): CaseId | null {
  const t = n.target;
  switch (t.kind) {
    case 'case':
      return t.id;
    case 'proceeding':
      return db.proceedings.find((p) => p.id === t.id)?.case_id ?? null;
    case 'event': {
      const e = db.events.find((e) => e.id === t.id);
      return (e && db.proceedings.find((p) => p.id === e.proceeding_id)?.case_id) ?? null;
    }
    case 'document':
      return db.documents.find((d) => d.id === t.id)?.case_id ?? null;
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** What a note hit is titled by: what the note is on. */
function noteTitle(db: Database, n: Database['notes'][number]): string {
  const t = n.target;
  switch (t.kind) {
    case 'case':
      return db.cases.find((c) => c.id === t.id)?.name ?? '';
    case 'proceeding': {
      const p = db.proceedings.find((p) => p.id === t.id);
      return p ? `${p.court} ${p.docket_number}` : '';
    }
    case 'event':
      return db.events.find((e) => e.id === t.id)?.title ?? '';
    case 'document':
      return db.documents.find((d) => d.id === t.id)?.title ?? `document #${t.id}`;
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** `Store::search` then `describe`: every index, best first. */
function run(db: Database, query: string, caseId: CaseId | null, limit: number): SearchResult[] {
  const { clauses } = checkQuery(query);
  if (caseId !== null) db.case(caseId);
  const inCase = (c: CaseId | null) => caseId === null || c === caseId;
  const docCase = (id: number) => db.documents.find((d) => d.id === id)?.case_id ?? null;
  const eventCase = (proceedingId: number) => db.proceedings.find((p) => p.id === proceedingId)?.case_id ?? null;

  const pages = searchTable(
    db.documents.flatMap((d) => d.pages.map((p) => ({ row: { d, p }, columns: [p.text] }))),
    clauses,
  ).filter((h) => inCase(h.row.d.case_id));
  const events = searchTable(
    db.events.map((e) => ({ row: e, columns: [e.title, e.description] })),
    clauses,
  ).filter((h) => inCase(eventCase(h.row.proceeding_id)));
  const notes = searchTable(
    db.notes.map((n) => ({ row: n, columns: [n.body] })),
    clauses,
  ).filter((h) => inCase(noteCase(db, h.row)));
  const highlights = searchTable(
    db.highlights.map((h) => ({ row: h, columns: [h.quote, h.note] })),
    clauses,
  ).filter((h) => inCase(docCase(h.row.document_id)));

  const ranked = [
    ...pages.map(({ row: { d, p }, rank, snippet }) => ({
      rank,
      result: describe(db, hit({ kind: 'page', document_id: d.id, title: d.title, page: p.number }), snippet),
    })),
    ...events.map(({ row: e, rank, snippet }) => ({
      rank,
      result: describe(db, hit({ kind: 'event', event_id: e.id, title: e.title }), snippet),
    })),
    ...notes.map(({ row: n, rank, snippet }) => ({
      rank,
      result: describe(
        db,
        hit({
          kind: 'note',
          note_id: n.id,
          event_id: n.target.kind === 'event' ? n.target.id : null,
          document_id: n.target.kind === 'document' ? n.target.id : null,
          title: noteTitle(db, n),
        }),
        snippet,
      ),
    })),
    ...highlights.map(({ row: h, rank, snippet }) => ({
      rank,
      result: describe(
        db,
        hit({ kind: 'highlight', highlight_id: h.id, document_id: h.document_id, page: h.page, title: db.document(h.document_id).title }),
        snippet,
      ),
    })),
  ];
  // Sorted stably by rank, as the core merges its indexes' hits.
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked.slice(0, Math.max(1, Math.min(limit, MAX_LIMIT))).map((r) => r.result);
}

export function search(db: Database, query: string, caseId: CaseId | null, limit: number): SearchResult[] {
  return run(db, query, caseId, limit);
}

function runSaved(db: Database, entry: SavedSearchRow): SavedSearchRun {
  const hits = run(db, entry.search.query, entry.search.case_id, SAVED_SEARCH_LIMIT).map((h) => ({
    ...h,
    new: !entry.seen.has(resultKey(h)),
  }));
  return { search: copy(entry.search), hits, new_hits: hits.filter((h) => h.new).length };
}

export function listSavedSearches(db: Database): SavedSearchSummary[] {
  return [...db.savedSearches]
    .sort((a, b) => nocase(a.search.name, b.search.name) || a.search.id - b.search.id)
    .map((s) => {
      const { search, new_hits } = runSaved(db, s);
      return { search, new_hits };
    });
}

export function saveSearch(db: Database, name: string, query: string, caseId: CaseId | null): SavedSearch {
  const n = checkName(name);
  const hits = run(db, query, caseId, SAVED_SEARCH_LIMIT);
  const { q } = checkQuery(query);
  if (db.savedSearches.some((s) => nocase(s.search.name, n) === 0)) throw invalid(`a saved search named "${n}" already exists`);
  const now = db.now();
  const search: SavedSearch = { id: db.id(), name: n, query: q, case_id: caseId, created_at: now, seen_at: now };
  db.savedSearches.push({ search, seen: new Set(hits.map(resultKey)) });
  return copy(search);
}

/** A saved search's hits, the new ones flagged; they are then recorded as seen. */
export function openSavedSearch(db: Database, id: SavedSearchId): SavedSearchRun {
  const entry = db.savedSearch(id);
  const out = runSaved(db, entry);
  entry.seen = new Set(out.hits.map(resultKey));
  entry.search.seen_at = db.now();
  return out;
}

export function deleteSavedSearch(db: Database, id: SavedSearchId): void {
  db.savedSearch(id);
  db.savedSearches = db.savedSearches.filter((s) => s.search.id !== id);
}
