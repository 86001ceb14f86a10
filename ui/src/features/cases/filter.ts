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

/** The cases list's filter over summaries: the words typed, and a case tag (any letter case). */
export function filterSummaries<T extends { case: Case; tags: string[] }>(list: T[], query: string, tag: string | null): T[] {
  const want = tag?.trim().toLowerCase() || null;
  const byTag = want === null ? list : list.filter((s) => s.tags.some((t) => t.toLowerCase() === want));
  const keep = new Set(filterCases(byTag.map((s) => s.case), query));
  return byTag.filter((s) => keep.has(s.case));
}

/** Every tag on the listed cases, sorted, each once whatever its letter case. */
export function tagsOfCases(list: { tags: string[] }[]): string[] {
  const seen = new Map<string, string>();
  for (const s of list) for (const t of s.tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
