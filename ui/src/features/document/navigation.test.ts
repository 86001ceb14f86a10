import { describe, expect, it } from 'vitest';
import { clampPage, pageForKey, parsePageInput } from './navigation';

describe('page navigation', () => {
  it('keeps the page within the document', () => {
    expect(clampPage(0, 17)).toBe(1);
    expect(clampPage(18, 17)).toBe(17);
    expect(clampPage(2.7, 17)).toBe(2);
    expect(clampPage(Number.NaN, 17)).toBe(1);
    expect(clampPage(3, 0)).toBe(1);
  });

  it('moves with PageUp/PageDown, arrows, Home and End', () => {
    expect(pageForKey('PageDown', 1, 17)).toBe(2);
    expect(pageForKey('ArrowRight', 17, 17)).toBe(17);
    expect(pageForKey('PageUp', 1, 17)).toBe(1);
    expect(pageForKey('ArrowUp', 5, 17)).toBe(4);
    expect(pageForKey('Home', 9, 17)).toBe(1);
    expect(pageForKey('End', 9, 17)).toBe(17);
    expect(pageForKey('a', 9, 17)).toBeNull();
  });

  it('reads "go to page" input and says what is wrong', () => {
    expect(parsePageInput(' 2 ', 17)).toEqual({ page: 2 });
    expect(parsePageInput('two', 17)).toEqual({ error: 'Type a page number from 1 to 17.' });
    expect(parsePageInput('18', 17)).toEqual({ error: 'This document has pages 1 to 17.' });
  });
});
