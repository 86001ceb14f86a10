// What the case page's Export menu offers: each export's label, what it is
// for, and the file the save dialog proposes. The exports themselves are the
// core's (`casetrail export …` writes the same files).
import type { ExportKind } from '../../bindings';

export interface ExportChoice {
  kind: ExportKind;
  label: string;
  /** What it is for, in a person's words (the menu item's second line). */
  hint: string;
  extension: string;
  /** The save dialog's file-type filter. */
  filter: string;
}

export const EXPORTS: readonly ExportChoice[] = [
  { kind: 'ics', label: 'Calendar', hint: 'Deadlines and hearings for Outlook, Google Calendar or Thunderbird', extension: 'ics', filter: 'Calendar (iCalendar)' },
  { kind: 'html', label: 'Timeline report', hint: 'One page to share or print, styles inline, no script', extension: 'html', filter: 'Web page' },
  { kind: 'pdf', label: 'Timeline report as PDF', hint: 'The report printed by Chromium, for a client', extension: 'pdf', filter: 'PDF' },
  { kind: 'csv', label: 'Events (CSV)', hint: 'One row per docket event, for a spreadsheet', extension: 'csv', filter: 'CSV' },
  { kind: 'json', label: 'Case file (JSON)', hint: 'The whole case, which Casetrail imports back', extension: 'json', filter: 'Casetrail case file' },
  { kind: 'bundle', label: 'Case bundle', hint: 'The case with its PDFs, for a colleague', extension: 'zip', filter: 'Case bundle (zip)' },
];

export function choiceOf(kind: ExportKind): ExportChoice {
  const found = EXPORTS.find((c) => c.kind === kind);
  if (!found) throw new Error(`no export ${kind}`);
  return found;
}

/** The file name the save dialog proposes: the case key and the export's extension. */
export function fileName(caseKey: string, kind: ExportKind): string {
  return `${caseKey}.${choiceOf(kind).extension}`;
}

/** A size for a person: bytes, kB or MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
