// The cases list's search: every word typed must appear in the case's name,
// key or summary, ignoring case and accents ("microsoft irl" finds
// "Microsoft–Ireland email warrant").

import type { Case } from '../../bindings';

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterCases(cases: Case[], query: string): Case[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return cases;
  return cases.filter((c) => {
    const hay = fold(`${c.name} ${c.slug} ${c.summary}`);
    return words.every((w) => hay.includes(w));
  });
}

/** A case key from a name: "Microsoft–Ireland warrant" → "microsoft-ireland-warrant". */
export function slugify(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
