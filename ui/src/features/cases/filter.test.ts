import { describe, expect, it } from 'vitest';
import type { Case } from '../../bindings';
import { filterCases, slugify } from './filter';

const c = (id: number, name: string, summary = ''): Case => ({
  id,
  slug: slugify(name),
  name,
  summary,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
});

describe('filterCases', () => {
  const cases = [c(1, 'Microsoft–Ireland email warrant', 'Stored Communications Act'), c(2, 'Café Société v. Zoning Board')];

  it('keeps everything for an empty query', () => {
    expect(filterCases(cases, '  ')).toHaveLength(2);
  });

  it('needs every word, in any field, ignoring case and accents', () => {
    expect(filterCases(cases, 'ireland WARRANT').map((x) => x.id)).toEqual([1]);
    expect(filterCases(cases, 'stored microsoft').map((x) => x.id)).toEqual([1]);
    expect(filterCases(cases, 'cafe societe').map((x) => x.id)).toEqual([2]);
    expect(filterCases(cases, 'ireland zoning')).toEqual([]);
  });
});

describe('slugify', () => {
  it('makes a key the core accepts', () => {
    expect(slugify('Microsoft–Ireland email warrant')).toBe('microsoft-ireland-email-warrant');
    expect(slugify('  Café Société!  ')).toBe('cafe-societe');
    expect(slugify('Café Société')).toMatch(/^[a-z0-9-]+$/);
  });
});
