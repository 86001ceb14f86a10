// What a docket import did, in plain words: per file, per docket. Pure, so
// Vitest checks it directly. Docket text is only ever shown as text.

import type { DocketFileOutcome, DocketImport } from '../../bindings';

export type DocketFailure = Extract<DocketFileOutcome, { error: string }>;
export type DocketSuccess = Extract<DocketFileOutcome, { dockets: DocketImport[] }>;

export function isDocketFailure(o: DocketFileOutcome): o is DocketFailure {
  return 'error' in o;
}

/** "3 added, 1 changed, 40 unchanged" (the parts that are not zero; "nothing" when all are). */
export function countWords(d: Pick<DocketImport, 'added' | 'updated' | 'unchanged'>): string {
  const parts: string[] = [];
  if (d.added > 0) parts.push(`${d.added} added`);
  if (d.updated > 0) parts.push(`${d.updated} changed`);
  if (d.unchanged > 0) parts.push(`${d.unchanged} unchanged`);
  return parts.length > 0 ? parts.join(', ') : 'no entries';
}

/** The entries of a docket ("1 entry", "161 entries"). */
export function entriesWord(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/** How a proceeding is named in a sentence: "S.D.N.Y. 1:24-cv-00001". */
export function docketName(court: string, docketNumber: string): string {
  return `${court} ${docketNumber}`.trim();
}

/** The lower court's docket is named but not in Casetrail: offer to add it. */
export function originMissing(d: DocketImport): boolean {
  return d.originating !== null && d.appeal_of === null;
}

/** The format's name for a person ("courtlistener" → "CourtListener"). */
export function formatWords(format: string): string {
  const known: Record<string, string> = {
    courtlistener: 'CourtListener',
    pacer_district: 'PACER district docket',
    pacer_bankruptcy: 'PACER bankruptcy docket',
    pacer_appellate: 'PACER appellate docket',
    pacer_acms: 'PACER ACMS docket',
    pacer_rss: 'PACER RSS feed',
    scotus_json: 'Supreme Court docket (JSON)',
    scotus_html: 'Supreme Court docket page',
  };
  return known[format] ?? format.replace(/_/g, ' ');
}

/** "2 files: 1 imported, 1 failed" over the outcomes of one import. */
export function docketSummary(outcomes: DocketFileOutcome[]): string {
  const failed = outcomes.filter(isDocketFailure).length;
  const imported = outcomes.length - failed;
  const dockets = outcomes.reduce((n, o) => n + (isDocketFailure(o) ? 0 : o.dockets.length), 0);
  const files = `${outcomes.length} docket file${outcomes.length === 1 ? '' : 's'}`;
  const parts = [`${imported} imported`];
  if (dockets !== imported) parts[0] += ` (${dockets} docket${dockets === 1 ? '' : 's'})`;
  parts.push(`${failed} failed`);
  return `${files}: ${parts.join(', ')}`;
}

/** Split the chosen paths: docket files (as the backend told) and the rest (PDFs and folders), order kept. */
export function splitPaths(paths: string[], docketPaths: string[]): { pdfs: string[]; dockets: string[] } {
  const isDocket = new Set(docketPaths);
  return { pdfs: paths.filter((p) => !isDocket.has(p)), dockets: paths.filter((p) => isDocket.has(p)) };
}
