// Where an imported docket entry came from, as labelled facts. Pure.

import type { EntrySource } from '../../bindings';
import { formatEventDate } from '../../lib/format';

/** "2025-03-02T14:05:09Z" → "Mar 2, 2025 14:05 UTC"; anything unreadable unchanged. */
export function formatImportedAt(timestamp: string): string {
  const t = new Date(timestamp);
  if (Number.isNaN(t.getTime())) return timestamp;
  const iso = t.toISOString();
  return `${formatEventDate(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}

/** The first 12 hex digits of a SHA-256, enough to tell files apart. */
export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The facts to show, in order; the court's text only when it differs from the event's description. */
export function sourceFacts(s: EntrySource, description: string): { label: string; value: string; title?: string }[] {
  const facts: { label: string; value: string; title?: string }[] = [
    { label: 'File', value: s.file_name },
    { label: 'Format', value: s.format.replace(/_/g, ' ') },
    { label: 'SHA-256', value: shortHash(s.sha256), title: s.sha256 },
    { label: 'Imported', value: formatImportedAt(s.imported_at) },
  ];
  if (s.updated_file_name && s.updated_at) {
    facts.push({ label: 'Changed by', value: `${s.updated_file_name}, ${formatImportedAt(s.updated_at)}` });
  }
  if (s.number) facts.push({ label: 'Entry', value: s.number });
  facts.push({ label: 'Filed', value: formatEventDate(s.date_filed) });
  if (s.date_entered && s.date_entered !== s.date_filed) facts.push({ label: 'Entered', value: formatEventDate(s.date_entered) });
  if (s.document_ids.length > 0) facts.push({ label: 'Documents', value: s.document_ids.join(', ') });
  if (norm(s.court_text) !== norm(description)) facts.push({ label: "Court's text", value: s.court_text });
  return facts;
}
