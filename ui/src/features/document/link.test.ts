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

  it('reads the authority whose citation to mark', () => {
    expect(routeFromHash('#/document/3/2?cite=556%20U.S.%20662')).toEqual({
      view: 'document',
      documentId: 3,
      page: 2,
      cite: '556 U.S. 662',
    });
  });

  it('ignores anything else', () => {
    expect(routeFromHash('')).toBeNull();
    expect(routeFromHash('#/document/x')).toBeNull();
    expect(routeFromHash('#/cases')).toBeNull();
  });
});
