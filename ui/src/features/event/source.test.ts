import { describe, expect, it } from 'vitest';
import type { EntrySource } from '../../bindings';
import { formatImportedAt, shortHash, sourceFacts } from './source';

const source: EntrySource = {
  event_id: 1,
  number: '12',
  date_filed: '2024-01-05',
  date_entered: '2024-01-08',
  court_text: 'ORDER granting 10 Motion to Dismiss. Signed by Judge X on 1/5/2024.',
  document_ids: [],
  format: 'pacer_district',
  file_name: 'njd_509180.html',
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  imported_at: '2024-03-01T10:05:09Z',
  updated_file_name: null,
  updated_at: null,
};

describe('entry source', () => {
  it('names the file, format, a short hash and when', () => {
    expect(shortHash(source.sha256)).toBe('9f86d081884c…');
    expect(formatImportedAt(source.imported_at)).toBe('Mar 1, 2024 10:05 UTC');
    const facts = sourceFacts(source, source.court_text);
    expect(facts.map((f) => f.label)).toEqual(['File', 'Format', 'SHA-256', 'Imported', 'Entry', 'Filed', 'Entered']);
    expect(facts.find((f) => f.label === 'SHA-256')?.title).toBe(source.sha256);
  });

  it("shows the court's text only when the event says something else, and the later import that changed it", () => {
    const facts = sourceFacts(
      { ...source, date_entered: source.date_filed, updated_file_name: 'later.html', updated_at: '2024-04-02T08:00:00Z' },
      'Motion to dismiss granted',
    );
    expect(facts.map((f) => f.label)).toEqual(['File', 'Format', 'SHA-256', 'Imported', 'Changed by', 'Entry', 'Filed', "Court's text"]);
    expect(facts.at(-1)?.value).toBe(source.court_text);
  });
});
