import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../bindings';
import { hitPlace, hitRoute } from './hits';
import { moveSelection } from './keys';
import { splitSnippet } from './snippet';

describe('splitSnippet', () => {
  it('marks the terms between the markers', () => {
    expect(splitSnippet('…the [warrant] reaches [email] stored…')).toEqual([
      { text: '…the ', hit: false },
      { text: 'warrant', hit: true },
      { text: ' reaches ', hit: false },
      { text: 'email', hit: true },
      { text: ' stored…', hit: false },
    ]);
    expect(splitSnippet('[Torresen]')).toEqual([{ text: 'Torresen', hit: true }]);
    expect(splitSnippet('')).toEqual([]);
  });

  it('keeps hostile text as text', () => {
    expect(splitSnippet('<script>alert(1)</script> [x] <img src=x onerror=y>')).toEqual([
      { text: '<script>alert(1)</script> ', hit: false },
      { text: 'x', hit: true },
      { text: ' <img src=x onerror=y>', hit: false },
    ]);
    expect(splitSnippet('[<b>bold</b>]')).toEqual([{ text: '<b>bold</b>', hit: true }]);
  });

  it('leaves brackets that do not pair up as text', () => {
    expect(splitSnippet('a ] b')).toEqual([{ text: 'a ] b', hit: false }]);
    expect(splitSnippet('a [ b')).toEqual([{ text: 'a [ b', hit: false }]);
    expect(splitSnippet('[[x]')).toEqual([
      { text: '[', hit: false },
      { text: 'x', hit: true },
    ]);
    expect(splitSnippet('[] [y] [')).toEqual([
      { text: '[] ', hit: false },
      { text: 'y', hit: true },
      { text: ' [', hit: false },
    ]);
    expect(splitSnippet('x]]] [[[')).toEqual([{ text: 'x]]] [[[', hit: false }]);
    // Whatever the input, the pieces put together give the text without its markers.
    for (const s of ['[a]b[c', ']]][[[a]]', 'no markers', '[ spaced ]']) {
      const joined = splitSnippet(s).map((p) => p.text).join('');
      expect(joined.length).toBeLessThanOrEqual(s.length);
      expect(s.replace(/[[\]]/g, '')).toBe(joined.replace(/[[\]]/g, ''));
    }
  });
});

describe('moveSelection', () => {
  it('moves and wraps with the arrows, jumps with Home/End/Page keys', () => {
    expect(moveSelection(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveSelection(0, 3, 'ArrowDown')).toBe(1);
    expect(moveSelection(2, 3, 'ArrowDown')).toBe(0);
    expect(moveSelection(0, 3, 'ArrowUp')).toBe(2);
    expect(moveSelection(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveSelection(1, 3, 'Home')).toBe(0);
    expect(moveSelection(1, 3, 'End')).toBe(2);
    expect(moveSelection(0, 20, 'PageDown')).toBe(5);
    expect(moveSelection(18, 20, 'PageDown')).toBe(19);
    expect(moveSelection(3, 20, 'PageUp')).toBe(0);
    expect(moveSelection(0, 0, 'ArrowDown')).toBeNull();
    expect(moveSelection(0, 3, 'a')).toBeNull();
  });
});

const base: SearchResult = {
  kind: 'page', document_id: 4, event_id: null, note_id: null, highlight_id: null, title: 'Opinion', page: 3, snippet: '',
  case_id: 1, case_name: 'Calvary Chapel', court: '1st Cir.', date: null, new: false,
};

describe('hits', () => {
  it('say where they are and where Enter goes', () => {
    expect(hitPlace(base)).toBe('p. 3 · 1st Cir. · Calvary Chapel');
    expect(hitRoute(base, 'Torresen')).toEqual({ view: 'document', documentId: 4, page: 3, query: 'Torresen' });
    const event: SearchResult = { ...base, kind: 'event', document_id: null, page: null, event_id: 9, date: '2014-04-25', court: 'S.D.N.Y.' };
    expect(hitPlace(event)).toBe('Apr 25, 2014 · S.D.N.Y. · Calvary Chapel');
    expect(hitRoute(event, 'x')).toEqual({ view: 'case', caseId: 1 });
    expect(hitRoute({ ...event, case_id: null }, 'x')).toBeNull();
  });
});
