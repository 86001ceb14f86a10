// Docket files in the double, after crates/import/src/docket.rs and the store's
// merge (crates/store/src/docket*.rs): a fake parsed docket becomes a
// proceeding (found by court and docket number, else new, in the case given,
// the appeal's case, or a new case), its entries docket events of kind
// `entry`, and what was added or changed news until marked seen.

import type {
  CaseId,
  DocketFileOutcome,
  DocketImport,
  EntrySource,
  EventId,
  ImportedEntry,
  NewsItem,
  Proceeding,
} from '../../bindings';
import { addCase, addProceeding } from './cases';
import { copy, type Database } from './database';
import { logEvent } from './docket';

/** A docket file as the double pretends to parse it. */
export interface FakeDocket {
  format: string;
  /** A courts-db id the double knows (nysd, ca2…). */
  court: string;
  docket_number: string;
  case_name: string;
  entries: { number: string | null; date_filed: string; description: string; date_entered?: string | null }[];
  originating?: { court: string; docket_number: string } | null;
}

/** An unseen (or seen) news row, as `docket_news` holds it. */
export interface NewsRow {
  id: number;
  change: 'added' | 'updated';
  eventId: EventId;
  oldText: string | null;
  newText: string;
  source: string;
  importedAt: string;
  seen: boolean;
}

/** What `docket_entries` and `docket_sources` hold about one imported event. */
export type SourceRow = EntrySource;

const short = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= 80 ? t : `${t.slice(0, 79).trimEnd()}…`;
};

function slugFor(db: Database, name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'docket';
  let slug = base;
  for (let n = 2; db.cases.some((c) => c.slug === slug); n++) slug = `${base}-${n}`;
  return slug;
}

function findProceeding(db: Database, court: string, docket: string): Proceeding | undefined {
  return db.proceedings.find((p) => p.court_id === court && p.docket_number === docket);
}

/** Merge one fake docket; `file` is the file's name as the records give it. */
export function importDocket(db: Database, d: FakeDocket, file: string, caseId: CaseId | null): DocketImport {
  const now = db.now();
  const origin = d.originating ? findProceeding(db, d.originating.court, d.originating.docket_number) : undefined;
  let p = findProceeding(db, d.court, d.docket_number);
  if (!p) {
    const target = caseId ?? origin?.case_id ?? addCase(db, { slug: slugFor(db, d.case_name), name: d.case_name, summary: '' }).id;
    const created = addProceeding(db, target, {
      court_id: d.court,
      docket_number: d.docket_number,
      docket_aliases: [],
      caption: d.case_name,
      opened_on: null,
      closed_on: null,
    });
    p = db.proceeding(created.id);
  }
  if (origin && origin.case_id === p.case_id) p.appeal_from = origin.id;
  const entries: ImportedEntry[] = [];
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const entry of d.entries) {
    const existing = db.events.find(
      (e) =>
        e.proceeding_id === p.id &&
        (entry.number !== null ? e.entry === entry.number : e.entry === null && e.date === entry.date_filed && e.description === entry.description),
    );
    let status: ImportedEntry['status'];
    if (!existing) {
      const e = logEvent(db, {
        proceeding_id: p.id,
        date: entry.date_filed,
        kind: 'entry',
        title: short(entry.description),
        description: entry.description,
        entry: entry.number,
        outcome: null,
        side: null,
        source: file,
        certainty: 'confirmed',
        filers: [],
      });
      db.sources.push({
        event_id: e.id,
        number: entry.number,
        date_filed: entry.date_filed,
        date_entered: entry.date_entered ?? null,
        court_text: entry.description,
        document_ids: [],
        format: d.format,
        file_name: file,
        sha256: `sha256-of-${file}`,
        imported_at: now,
        updated_file_name: null,
        updated_at: null,
      });
      db.news.push({ id: db.id(), change: 'added', eventId: e.id, oldText: null, newText: entry.description, source: file, importedAt: now, seen: false });
      status = 'added';
    } else if (existing.description !== entry.description) {
      const old = existing.description;
      Object.assign(existing, { description: entry.description, title: short(entry.description), updated_at: now });
      const src = db.sources.find((s) => s.event_id === existing.id);
      if (src) Object.assign(src, { court_text: entry.description, updated_file_name: file, updated_at: now });
      db.news.push({ id: db.id(), change: 'updated', eventId: existing.id, oldText: old, newText: entry.description, source: file, importedAt: now, seen: false });
      status = 'updated';
    } else status = 'unchanged';
    counts[status === 'updated' ? 'updated' : status]++;
    entries.push({ number: entry.number, date_filed: entry.date_filed, description: entry.description, status });
  }
  return {
    court: d.court,
    docket_number: d.docket_number,
    case_name: d.case_name,
    proceeding_id: p.id,
    case_id: p.case_id,
    entries,
    parties: [],
    originating: d.originating ? { ...d.originating } : null,
    appeal_of: origin && origin.case_id === p.case_id ? { proceeding_id: origin.id } : null,
    ...counts,
  };
}

/** One failed or imported outcome per path, in order. */
export function importDocketFiles(
  db: Database,
  paths: string[],
  lookup: (path: string) => { docket?: FakeDocket; docketError?: string } | undefined,
  caseId: CaseId | null,
): DocketFileOutcome[] {
  return paths.map((path): DocketFileOutcome => {
    const file = lookup(path);
    if (!file) return { file: path, error: `cannot read ${path}: No such file or directory (os error 2)` };
    if (file.docketError || !file.docket) return { file: path, error: file.docketError ?? 'this file holds no docket' };
    const name = path.split('/').pop() ?? path;
    return { file: path, format: file.docket.format, dockets: [importDocket(db, file.docket, name, caseId)] };
  });
}

function isIn(db: Database, eventId: EventId, caseId: CaseId | null): boolean {
  if (caseId === null) return true;
  const e = db.events.find((x) => x.id === eventId);
  return e !== undefined && db.proceeding(e.proceeding_id).case_id === caseId;
}

/** `Store::news`: unseen rows by case, proceeding, date filed, event. */
export function listNews(db: Database, caseId: CaseId | null): NewsItem[] {
  const items = db.news
    .filter((n) => !n.seen && isIn(db, n.eventId, caseId))
    .map((n): NewsItem => {
      const e = db.event(n.eventId);
      const p = db.proceeding(e.proceeding_id);
      const c = db.case(p.case_id);
      return {
        id: n.id,
        change: n.change,
        event_id: e.id,
        proceeding_id: p.id,
        case_id: c.id,
        case_name: c.name,
        court: p.court,
        docket_number: p.docket_number,
        entry: e.entry,
        date: e.date,
        title: e.title,
        old_text: n.oldText,
        new_text: n.newText,
        source: n.source,
        imported_at: n.importedAt,
      };
    });
  items.sort((a, b) => a.case_id - b.case_id || a.proceeding_id - b.proceeding_id || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.event_id - b.event_id || a.id - b.id);
  return items;
}

export function markNewsSeen(db: Database, caseId: CaseId | null): number {
  let n = 0;
  for (const row of db.news) {
    if (!row.seen && isIn(db, row.eventId, caseId)) {
      row.seen = true;
      n++;
    }
  }
  return n;
}

/** Unseen news per case (for the cases list). */
export function newsCount(db: Database, caseId: CaseId): number {
  return db.news.filter((n) => !n.seen && isIn(db, n.eventId, caseId)).length;
}

export function entrySource(db: Database, eventId: EventId): EntrySource | null {
  db.event(eventId);
  return copy(db.sources.find((s) => s.event_id === eventId) ?? null);
}
