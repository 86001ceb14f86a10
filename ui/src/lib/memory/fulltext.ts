// Full-text matching for the in-memory double, after the core's rules
// (crates/store/src/search.rs and SQLite FTS5 as it configures it): words, "exact
// phrases", prefix*, AND / OR / NOT, case and accents ignored, every term
// required unless OR says otherwise; rows ranked by bm25 over their table;
// snippets as FTS5's snippet(…, '[', ']', '…', 16) cuts them.

export type Term = { words: string[]; prefix: boolean };
/** Terms that must all match and terms that must not; a query is any of its clauses. */
export type Clause = { include: Term[]; exclude: Term[] };
type Token = { word: string; start: number; end: number };
/** Where one term matched: the first token and how many tokens. */
type Instance = { term: number; start: number; size: number };

const SNIPPET_TOKENS = 16;
const K1 = 1.2;
const B = 0.75;

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The query's clauses, or null when nothing in it is searchable (the core refuses those). */
export function parseQuery(input: string): Clause[] | null {
  const raw: (Term | 'AND' | 'OR' | 'NOT')[] = [];
  const re = /"([^"]*)"?|[^\s"]+/g;
  for (const m of input.normalize('NFKC').matchAll(re)) {
    const phrase = m[1] !== undefined;
    const text = phrase ? m[1] : m[0];
    if (!phrase && (text === 'AND' || text === 'OR' || text === 'NOT')) {
      raw.push(text);
      continue;
    }
    const prefix = !phrase && text.endsWith('*');
    const words = tokens(text.replace(/\*+$/, '')).map((t) => t.word);
    if (words.length > 0) raw.push({ words, prefix });
  }
  // Operators only between two terms, as the core keeps them.
  const parts: typeof raw = [];
  for (const p of raw) {
    const isOp = typeof p === 'string';
    const last = parts[parts.length - 1];
    if (isOp && (last === undefined || typeof last === 'string')) continue;
    parts.push(p);
  }
  while (typeof parts[parts.length - 1] === 'string') parts.pop();
  if (parts.length === 0) return null;
  const clauses: Clause[] = [{ include: [], exclude: [] }];
  let negate = false;
  for (const p of parts) {
    if (p === 'OR') clauses.push({ include: [], exclude: [] });
    else if (p === 'NOT') negate = true;
    else if (p !== 'AND') {
      const clause = clauses[clauses.length - 1];
      (negate ? clause.exclude : clause.include).push(p);
      negate = false;
    }
  }
  return clauses.filter((c) => c.include.length > 0);
}

/** Where `term` matches in `toks`. */
function instancesOf(term: Term, index: number, toks: Token[]): Instance[] {
  const out: Instance[] = [];
  const n = term.words.length;
  for (let i = 0; i + n <= toks.length; i++) {
    const ok = term.words.every((w, j) => {
      const word = toks[i + j].word;
      return term.prefix && j === n - 1 ? word.startsWith(w) : word === w;
    });
    if (ok) out.push({ term: index, start: i, size: n });
  }
  return out;
}

/** One column of a row, tokenised, with where the query's terms are in it. */
type Column = { text: string; toks: Token[]; found: Instance[] };

function columnsOf(texts: string[], terms: Term[]): Column[] {
  return texts.map((text) => {
    const toks = tokens(text);
    const found = terms.flatMap((t, i) => instancesOf(t, i, toks)).sort((a, b) => a.start - b.start || a.term - b.term);
    return { text, toks, found };
  });
}

function matches(columns: Column[], clauses: Clause[], terms: Term[]): boolean {
  const has = (t: Term) => columns.some((c) => c.found.some((f) => terms[f.term] === t));
  return clauses.some((c) => c.include.every(has) && !c.exclude.some(has));
}

/** `fts5SnippetScore`: 1000 per distinct term and 1 per repeat in the window, and the window centred on them. */
function windowScore(col: Column, from: number): { score: number; start: number } {
  const seen = new Set<number>();
  let score = 0;
  let first = -1;
  let last = 0;
  for (const f of col.found) {
    if (f.start < from || f.start >= from + SNIPPET_TOKENS) continue;
    score += seen.has(f.term) ? 1 : 1000;
    seen.add(f.term);
    if (first < 0) first = f.start;
    last = f.start + f.size;
  }
  let start = first - Math.trunc((SNIPPET_TOKENS - (last - first)) / 2);
  if (start + SNIPPET_TOKENS > col.toks.length) start = col.toks.length - SNIPPET_TOKENS;
  return { score, start: Math.max(0, start) };
}

/** Tokens that begin a sentence: the first, and any after a '.' or ':' and white space. */
function sentenceStarts(col: Column): number[] {
  const out = col.toks.length > 0 ? [0] : [];
  for (let i = 1; i < col.toks.length; i++) {
    let j = col.toks[i].start - 1;
    while (j >= 0 && ' \t\n\r'.includes(col.text[j])) j--;
    if (j !== col.toks[i].start - 1 && (col.text[j] === '.' || col.text[j] === ':')) out.push(i);
  }
  return out;
}

/** FTS5's snippet: the best window of 16 tokens of the best column, matched terms between brackets. */
function snippet(columns: Column[]): string {
  let best = 0;
  let bestCol = 0;
  let bestStart = 0;
  columns.forEach((col, c) => {
    const starts = sentenceStarts(col);
    for (const f of col.found) {
      const w = windowScore(col, f.start);
      if (w.score > best) [best, bestCol, bestStart] = [w.score, c, w.start];
      if (col.toks.length > SNIPPET_TOKENS) {
        let jj = 0;
        while (jj < starts.length - 1 && starts[jj + 1] <= f.start) jj++;
        if (starts[jj] < f.start) {
          const s = windowScore(col, starts[jj]).score + (starts[jj] === 0 ? 120 : 100);
          if (s > best) [best, bestCol, bestStart] = [s, c, starts[jj]];
        }
      }
    }
  });
  const { text, toks, found } = columns[bestCol];
  if (toks.length === 0) return '';
  const end = Math.min(toks.length, bestStart + SNIPPET_TOKENS) - 1;
  // Matches that overlap are one marked span; those starting before the window are not marked.
  const spans: { start: number; end: number }[] = [];
  for (const f of found) {
    if (f.start < bestStart) continue;
    const last = spans[spans.length - 1];
    if (last && f.start <= last.end) last.end = Math.max(last.end, f.start + f.size - 1);
    else spans.push({ start: f.start, end: f.start + f.size - 1 });
  }
  let out = bestStart > 0 ? '…' : '';
  let at = bestStart > 0 ? toks[bestStart].start : 0;
  let open = false;
  let span = 0;
  for (let i = bestStart; i <= end; i++) {
    const s = spans[span];
    if (s && i === s.start && !open) {
      out += `${text.slice(at, toks[i].start)}[`;
      at = toks[i].start;
      open = true;
    }
    if (s && i === s.end) {
      out += `${text.slice(at, toks[i].end)}]`;
      at = toks[i].end;
      open = false;
      span++;
    }
    if (i === end) {
      out += text.slice(at, toks[i].end) + (open ? ']' : '');
      at = toks[i].end;
    }
  }
  out += end >= toks.length - 1 ? text.slice(at) : '…';
  // The core puts every snippet on one line.
  return out.split(/\s+/).filter(Boolean).join(' ');
}

/** Whether `text` matches the clauses; if so, how well (matched words) and its snippet. */
export function matchText(text: string, clauses: Clause[]): { score: number; snippet: string } | null {
  const [hit] = searchTable([{ row: null, columns: [text] }], clauses);
  return hit ? { score: -hit.rank, snippet: hit.snippet } : null;
}

/**
 * Search one FTS5 table of the double (its rows and their columns): the rows the
 * query matches, best first, with FTS5's bm25 rank (lower is better) and snippet.
 */
export function searchTable<R>(rows: { row: R; columns: string[] }[], clauses: Clause[]): { row: R; rank: number; snippet: string }[] {
  const terms = clauses.flatMap((c) => [...c.include, ...c.exclude]);
  const tokenised = rows.map((r) => ({ row: r.row, columns: columnsOf(r.columns, terms) }));
  const size = (cols: Column[]) => cols.reduce((n, c) => n + c.toks.length, 0);
  const total = tokenised.reduce((n, r) => n + size(r.columns), 0);
  const avgdl = total / Math.max(1, rows.length);
  const idf = terms.map((_, i) => {
    const hits = tokenised.filter((r) => r.columns.some((c) => c.found.some((f) => f.term === i))).length;
    const v = Math.log((rows.length - hits + 0.5) / (hits + 0.5));
    return v > 0 ? v : 1e-6;
  });
  const out: { row: R; rank: number; snippet: string }[] = [];
  for (const r of tokenised) {
    if (!matches(r.columns, clauses, terms)) continue;
    const d = size(r.columns);
    let score = 0;
    terms.forEach((_, i) => {
      const f = r.columns.reduce((n, c) => n + c.found.filter((x) => x.term === i).length, 0);
      score += (idf[i] * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d) / avgdl));
    });
    out.push({ row: r.row, rank: -score, snippet: snippet(r.columns) });
  }
  return out.sort((a, b) => a.rank - b.rank);
}
