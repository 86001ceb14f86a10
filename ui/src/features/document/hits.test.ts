import { describe, expect, it } from 'vitest';
import { documentHits, findHits, fold, queryTerms, stepHit } from './hits';

describe('queryTerms', () => {
  it('reads words, phrases, prefixes and drops operators and NOT terms', () => {
    expect(queryTerms('Calvary "preliminary injunction" gov* AND NOT Mills OR')).toEqual([
      { text: 'calvary', prefix: false },
      { text: 'preliminary injunction', prefix: false },
      { text: 'gov', prefix: true },
    ]);
    expect(queryTerms(' * ) " ')).toEqual([]);
  });
});

describe('findHits', () => {
  const items = ['CALVARY CHAPEL OF BANGOR,', 'v. Governor Mills; the governor’s order', 'Calvaryish'];

  it('finds whole words ignoring case, in reading order', () => {
    expect(findHits(items, queryTerms('calvary'))).toEqual([{ item: 0, start: 0, end: 7 }]);
    expect(findHits(items, queryTerms('governor'))).toEqual([
      { item: 1, start: 3, end: 11 },
      { item: 1, start: 23, end: 31 },
    ]);
  });

  it('matches prefixes only with a star', () => {
    expect(findHits(items, queryTerms('calvary*')).map((h) => h.item)).toEqual([0, 2]);
    expect(findHits(items, queryTerms('gov'))).toEqual([]);
  });

  it('ignores accents and keeps offsets on the original text', () => {
    const hits = findHits(['Café résumé'], queryTerms('resume'));
    expect(hits).toEqual([{ item: 0, start: 5, end: 11 }]);
    expect(fold('Élan').length).toBe('Élan'.length);
  });

  it('does not report overlapping hits twice', () => {
    expect(findHits(['chapel of bangor'], queryTerms('"chapel of" chapel'))).toEqual([{ item: 0, start: 0, end: 9 }]);
  });
});

describe('stepping through hits', () => {
  const hits = documentHits(
    new Map([
      [5, 1],
      [2, 2],
    ]),
  );

  it('orders hits by page', () => {
    expect(hits).toEqual([
      { page: 2, index: 0 },
      { page: 2, index: 1 },
      { page: 5, index: 0 },
    ]);
  });

  it('starts from the current page and wraps round', () => {
    expect(stepHit(hits, null, 1, 3)).toEqual({ page: 5, index: 0 });
    expect(stepHit(hits, null, -1, 3)).toEqual({ page: 2, index: 1 });
    expect(stepHit(hits, { page: 5, index: 0 }, 1, 5)).toEqual({ page: 2, index: 0 });
    expect(stepHit(hits, { page: 2, index: 0 }, -1, 2)).toEqual({ page: 5, index: 0 });
    expect(stepHit([], null, 1, 1)).toBeNull();
  });
});
