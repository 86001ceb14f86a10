// Where a search query's terms occur in a page's text items (pdf.js text
// content), so the viewer can mark them and step from hit to hit.
//
// The query is read the way the core's search reads it (crates/store/src/search.rs):
// words and "quoted phrases", `prefix*`, and AND / OR / NOT between terms. NOT
// terms are not marked. Matching ignores case and accents, and is by whole word
// unless the term ends with `*`.

/** One term to find: its folded text, and whether a longer word also matches. */
export interface Term {
  text: string;
  prefix: boolean;
}

/** One occurrence: in text item `item`, characters `start` (inclusive) to `end`. */
export interface Hit {
  item: number;
  start: number;
  end: number;
}

/** Lower case, accents removed, length kept (one folded char per source char). */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // Keep positions aligned with the source text: as many UTF-16 units out as in.
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/** The terms of a query worth marking. */
export function queryTerms(query: string): Term[] {
  const terms: Term[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  let negate = false;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    const phrase = m[1];
    const word = m[2];
    if (word === 'AND' || word === 'OR') continue;
    if (word === 'NOT') {
      negate = true;
      continue;
    }
    const raw = phrase ?? word ?? '';
    const prefix = phrase === undefined && raw.endsWith('*');
    const text = fold(raw.replace(/\*+$/, '').trim()).replace(/\s+/g, ' ');
    if (!negate && /[\p{L}\p{N}]/u.test(text)) terms.push({ text, prefix });
    negate = false;
  }
  return terms;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every occurrence of `terms` in `items`, in reading order, not overlapping. */
export function findHits(items: readonly string[], terms: readonly Term[]): Hit[] {
  const hits: Hit[] = [];
  items.forEach((raw, item) => {
    const text = fold(raw);
    const found: Hit[] = [];
    for (const t of terms) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(t.text, from);
        if (at < 0) break;
        const end = at + t.text.length;
        const startsWord = !isWordChar(text[at - 1]);
        const endsWord = t.prefix || !isWordChar(text[end]);
        if (startsWord && endsWord) found.push({ item, start: at, end });
        from = at + 1;
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let last = -1;
    for (const h of found) {
      if (h.start >= last) {
        hits.push(h);
        last = h.end;
      }
    }
  });
  return hits;
}

/** A hit somewhere in the document: its page and its index among the page's hits. */
export interface DocHit {
  page: number;
  index: number;
}

/** Every hit of the document in order, from the number of hits per page. */
export function documentHits(countsByPage: ReadonlyMap<number, number>): DocHit[] {
  return [...countsByPage.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([page, n]) => Array.from({ length: n }, (_, index) => ({ page, index })));
}

/** The hit after (`step` 1) or before (`step` -1) `current`, wrapping round; the
 *  first one on or after `page` when there is no current hit. */
export function stepHit(hits: readonly DocHit[], current: DocHit | null, step: 1 | -1, page: number): DocHit | null {
  if (hits.length === 0) return null;
  if (!current) {
    const ahead = step === 1 ? hits.find((h) => h.page >= page) : [...hits].reverse().find((h) => h.page <= page);
    return ahead ?? (step === 1 ? hits[0] : hits[hits.length - 1]);
  }
  const at = hits.findIndex((h) => h.page === current.page && h.index === current.index);
  const next = (at + step + hits.length) % hits.length;
  return hits[next];
}
