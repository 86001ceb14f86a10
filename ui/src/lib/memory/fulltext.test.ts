// The in-memory double searches by the core's rules (crates/store/src/search.rs).
import { describe, expect, it } from 'vitest';
import { matchText, parseQuery } from './fulltext';
import { MemoryBackend } from './backend';

const q = (s: string) => parseQuery(s)!;

describe('memory search', () => {
  it('matches words, phrases, prefixes and operators, ignoring case and accents', () => {
    const text = 'The Court of Appeals reversed; the warrant cannot reach Dublin (Éire).';
    expect(matchText(text, q('WARRANT dublin'))).not.toBeNull();
    expect(matchText(text, q('"cannot reach"'))).not.toBeNull();
    expect(matchText(text, q('"reach cannot"'))).toBeNull();
    expect(matchText(text, q('rever*'))).not.toBeNull();
    expect(matchText(text, q('rever'))).toBeNull();
    expect(matchText(text, q('eire'))).not.toBeNull();
    expect(matchText(text, q('london OR dublin'))).not.toBeNull();
    expect(matchText(text, q('warrant NOT dublin'))).toBeNull();
    expect(matchText(text, q('NOT warrant AND'))).not.toBeNull();
    expect(parseQuery('* ) ( " :')).toBeNull();
  });

  it('marks matched words between brackets in a short snippet', () => {
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ') + ' target ' + 'tail '.repeat(30);
    const m = matchText(long, q('target'))!;
    expect(m.snippet).toMatch(/^….*\[target\].*…$/);
    expect(m.snippet.split(' ').length).toBeLessThanOrEqual(17);
    expect(matchText('a <b>bold</b> claim', q('bold'))!.snippet).toBe('a <b>[bold]</b> claim');
  });

  it('answers bad queries, unknown cases and duplicate names with the core’s messages', async () => {
    const b = await MemoryBackend.sample();
    await expect(b.search('  ')).rejects.toMatchObject({ kind: 'invalid_input', message: 'type something to search for' });
    await expect(b.search('( * )')).rejects.toMatchObject({ kind: 'invalid_input', message: expect.stringContaining('nothing to search for') });
    await expect(b.search('moot', 999)).rejects.toMatchObject({ kind: 'not_found' });
    await b.saveSearch('Moot', 'moot');
    await expect(b.saveSearch('MOOT', 'other')).rejects.toMatchObject({ message: 'a saved search named "MOOT" already exists' });
    const [s] = await b.listSavedSearches();
    expect(s.new_hits).toBe(0);
    await b.deleteSavedSearch(s.search.id);
    await expect(b.openSavedSearch(s.search.id)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
