// Full-text matching for the in-memory backend, after the core's rules
// (src/store/search.rs): words, "exact phrases", prefix*, AND / OR / NOT,
// case and accents ignored, every term required unless OR says otherwise;
// snippets mark each matched word between `[` and `]`, about 16 words long.

type Term = { words: string[]; prefix: boolean };
/** Terms that must all match and terms that must not; a query is any of its clauses. */
type Clause = { include: Term[]; exclude: Term[] };
type Token = { word: string; start: number; end: number };

const SNIPPET_WORDS = 16;

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

/** Where `term` matches in `toks`: the indexes of every matched word. */
function positions(term: Term, toks: Token[]): number[] {
  const out: number[] = [];
  const n = term.words.length;
  for (let i = 0; i + n <= toks.length; i++) {
    const ok = term.words.every((w, j) => {
      const word = toks[i + j].word;
      return term.prefix && j === n - 1 ? word.startsWith(w) : word === w;
    });
    if (ok) for (let j = 0; j < n; j++) out.push(i + j);
  }
  return out;
}

/** Whether `text` matches the clauses; if so, how well (matched words) and its snippet. */
export function matchText(text: string, clauses: Clause[]): { score: number; snippet: string } | null {
  const toks = tokens(text);
  const hits = new Set<number>();
  let matched = false;
  for (const clause of clauses) {
    const found = clause.include.map((t) => positions(t, toks));
    if (found.some((p) => p.length === 0)) continue;
    if (clause.exclude.some((t) => positions(t, toks).length > 0)) continue;
    matched = true;
    for (const p of found) for (const i of p) hits.add(i);
  }
  if (!matched) return null;
  return { score: hits.size, snippet: snippet(text, toks, hits) };
}

function snippet(text: string, toks: Token[], hits: Set<number>): string {
  const first = Math.min(...hits);
  const start = Math.max(0, Math.min(first - 4, toks.length - SNIPPET_WORDS));
  const end = Math.min(toks.length, start + SNIPPET_WORDS);
  let out = start > 0 ? '…' : '';
  let at = toks[start].start;
  for (let i = start; i < end; i++) {
    out += text.slice(at, toks[i].start);
    const word = text.slice(toks[i].start, toks[i].end);
    out += hits.has(i) ? `[${word}]` : word;
    at = toks[i].end;
  }
  if (end < toks.length) out += '…';
  else out += text.slice(at);
  return out.split(/\s+/).filter(Boolean).join(' ');
}
