import { describe, expect, it } from 'vitest';
import { routeFromHash } from './link';

describe('routeFromHash', () => {
  it('reads a document, its page and a query', () => {
    expect(routeFromHash('#/document/3')).toEqual({ view: 'document', documentId: 3 });
    expect(routeFromHash('#/document/3/2?q=Calvary%20chapel')).toEqual({
      view: 'document',
      documentId: 3,
      page: 2,
      query: 'Calvary chapel',
    });
  });

  it('ignores anything else', () => {
    expect(routeFromHash('')).toBeNull();
    expect(routeFromHash('#/document/x')).toBeNull();
    expect(routeFromHash('#/cases')).toBeNull();
  });
});
