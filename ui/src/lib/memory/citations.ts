// What documents cite, in the double, after crates/store/src/citation.rs (a
// document's citations; a case's table of authorities, `citation/table.rs`) and
// crates/store/src/redactions.rs. The double detects nothing: tests seed what
// the core's import would have found.

import type { Authority, BadRedaction, CaseId, CitingDocument, DocumentId, StoredCitation } from '../../bindings';
import { binary, copy, type Database } from './database';

/** A document's citations, in reading order. */
export function documentCitations(db: Database, documentId: DocumentId): StoredCitation[] {
  db.document(documentId);
  return copy(db.citations.filter((c) => c.document_id === documentId));
}

/** Per document (most citations first), the pages citing. */
function byDocument(cites: StoredCitation[]): CitingDocument[] {
  const docs = new Map<DocumentId, CitingDocument>();
  for (const c of cites) {
    let d = docs.get(c.document_id);
    if (!d) {
      d = { document_id: c.document_id, title: c.title, pages: [], count: 0 };
      docs.set(c.document_id, d);
    }
    d.count += 1;
    if (d.pages[d.pages.length - 1] !== c.page) d.pages.push(c.page);
  }
  return [...docs.values()].sort((a, b) => b.count - a.count || a.document_id - b.document_id);
}

const SHORT = new Set(['short_case', 'id', 'supra']);

/** The most frequent value (ties: the smallest), as the core picks names and years. */
function most<T extends string | number>(values: (T | null)[]): T | null {
  const n = new Map<T, number>();
  for (const v of values) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, k] of n) {
    const bk = best === null ? -1 : n.get(best)!;
    if (k > bk || (k === bk && best !== null && String(v) < String(best))) best = v;
  }
  return best;
}

/** A case's table of authorities: grouped by authority (parallel citations joined), most cited first. */
export function caseAuthorities(db: Database, caseId: CaseId): Authority[] {
  db.case(caseId);
  const docs = new Set(db.documents.filter((d) => d.case_id === caseId).map((d) => d.id));
  const cites = db.citations.filter((c) => docs.has(c.document_id) && c.authority !== null);
  // Union-find over a full case citation's key and its authority; the smaller key is the root.
  const parent = new Map<string, string>();
  const root = (k: string): string => {
    while (parent.has(k) && parent.get(k) !== k) k = parent.get(k)!;
    return k;
  };
  for (const c of cites) {
    const a = c.authority!;
    if (!parent.has(a)) parent.set(a, a);
    if (c.kind === 'case') {
      if (!parent.has(c.key)) parent.set(c.key, c.key);
      const [ra, rk] = [root(a), root(c.key)];
      if (ra !== rk) parent.set(ra < rk ? rk : ra, ra < rk ? ra : rk);
    }
  }
  const groups = new Map<string, StoredCitation[]>();
  for (const c of cites) {
    const r = root(c.authority!);
    groups.set(r, [...(groups.get(r) ?? []), c]);
  }
  const out: Authority[] = [...groups.values()].map((members) => {
    const full = members.filter((c) => !SHORT.has(c.kind));
    const primary = most(full.map((c) => c.authority)) ?? members[0].authority ?? '';
    const parallel = [...new Set(full.filter((c) => c.kind === 'case' && c.key !== primary).map((c) => c.key))].sort(binary);
    return {
      kind: full[0]?.kind ?? 'case',
      authority: primary,
      parallel,
      name: most(full.map((c) => c.name)),
      court: most(full.map((c) => c.court)),
      year: most(full.map((c) => c.year)),
      count: members.length,
      documents: byDocument(members),
    };
  });
  out.sort((a, b) => b.count - a.count || binary(a.kind, b.kind) || binary(a.authority, b.authority));
  return copy(out);
}

/** A document's bad redactions, by page. */
export function documentBadRedactions(db: Database, documentId: DocumentId): BadRedaction[] {
  db.document(documentId);
  return copy(db.badRedactions.filter((r) => r.document_id === documentId).sort((a, b) => a.page - b.page));
}

/** What a test says the import found in a document: citations (title filled in) and bad redactions. */
export interface Found {
  citations?: Omit<StoredCitation, 'document_id' | 'title'>[];
  redactions?: Omit<BadRedaction, 'document_id'>[];
}

export function addFound(db: Database, documentId: DocumentId, found: Found): void {
  const doc = db.document(documentId);
  for (const c of found.citations ?? []) db.citations.push({ ...copy(c), document_id: doc.id, title: doc.title });
  for (const r of found.redactions ?? []) db.badRedactions.push({ ...copy(r), document_id: doc.id });
}
