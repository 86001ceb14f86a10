// A document's citations as the viewer lists them (grouped: cases, statutes,
// regulations, rules), and where one is printed in the text layer pdf.js drew,
// so the viewer can mark it.
//
// The core stores each citation with its page and its text as the core's own
// extraction read it; pdf.js splits the same page into other text items, with
// other spacing. So the citation is found again in pdf.js's items: letters and
// digits compared folded (case, accents, NFKC), whitespace ignored, across items.

import type { StoredCitation } from '../../bindings';
import { authorityLabel, GROUPS, groupOf, type CitationGroupName } from '../../lib/authority';

/** One authority in a group: what it is called and each place it is cited. */
export interface CitedAuthority {
  key: string;
  /** "Ashcroft v. Iqbal, 556 U.S. 662 (2009)", "42 U.S.C. § 1983". */
  label: string;
  cites: StoredCitation[];
}

export interface CitationGroup {
  name: CitationGroupName;
  authorities: CitedAuthority[];
}

/** The citations grouped by kind, then by authority in order of first citation; empty groups left out. */
export function citationGroups(cites: readonly StoredCitation[]): CitationGroup[] {
  const groups = new Map<CitationGroupName, Map<string, CitedAuthority>>();
  for (const c of cites) {
    const name = groupOf(c.kind);
    const key = c.authority ?? c.key;
    let byKey = groups.get(name);
    if (!byKey) groups.set(name, (byKey = new Map()));
    let a = byKey.get(key);
    if (!a) byKey.set(key, (a = { key, label: '', cites: [] }));
    a.cites.push(c);
  }
  return GROUPS.filter((n) => groups.has(n)).map((name) => ({
    name,
    authorities: [...groups.get(name)!.values()].map((a) => {
      // Named after its full citation, where there is one.
      const full = a.cites.find((c) => c.name !== null || c.year !== null) ?? a.cites[0];
      return { ...a, label: authorityLabel({ ...full, authority: a.key }) };
    }),
  }));
}

/** Which of the page's same-text citations `cite` is (0 for the first), counted in reading order. */
export function occurrence(cites: readonly StoredCitation[], cite: StoredCitation): number {
  const same = cites.filter((c) => c.page === cite.page && squeeze(c.text) === squeeze(cite.text));
  same.sort((a, b) => a.start - b.start);
  return Math.max(0, same.findIndex((c) => c.start === cite.start && c.end === cite.end));
}

/** The citation of `cites` on `page` that names `authority` first (a link from the Authorities tab). */
export function firstCiting(cites: readonly StoredCitation[], authority: string, page?: number): StoredCitation | null {
  return (
    cites.find((c) => (c.authority === authority || c.key === authority) && (page === undefined || c.page === page)) ??
    null
  );
}

/** A piece of a located citation: characters `start` to `end` of text item `item`. */
export interface Piece {
  item: number;
  start: number;
  end: number;
}

/** Folded text of one character: NFKC, no accents, lower case; '' for whitespace. */
function foldChar(ch: string): string {
  if (/\s/u.test(ch)) return '';
  return ch.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s/gu, '');
}

function squeeze(s: string): string {
  return [...s].map(foldChar).join('');
}

/**
 * Where `text` is printed in `items` (the page's text items): the `nth` place
 * (the last one when there are fewer), as pieces of items in order; empty when
 * it is not found.
 */
export function locateCitation(items: readonly string[], text: string, nth = 0): Piece[] {
  const needle = squeeze(text);
  if (needle === '') return [];
  // The page's folded characters, each with the item and the UTF-16 span it came from.
  let hay = '';
  const from: { item: number; start: number; end: number }[] = [];
  items.forEach((raw, item) => {
    let at = 0;
    for (const ch of raw) {
      const f = foldChar(ch);
      for (let i = 0; i < f.length; i++) from.push({ item, start: at, end: at + ch.length });
      hay += f;
      at += ch.length;
    }
  });
  const found: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) found.push(at);
  if (found.length === 0) return [];
  const begin = found[Math.min(nth, found.length - 1)];
  const pieces: Piece[] = [];
  for (let i = begin; i < begin + needle.length; i++) {
    const f = from[i];
    const last = pieces[pieces.length - 1];
    if (last && last.item === f.item) last.end = Math.max(last.end, f.end);
    else pieces.push({ item: f.item, start: f.start, end: f.end });
  }
  return pieces;
}
