import { describe, expect, it } from 'vitest';
import type { StoredCitation } from '../../bindings';
import { citationGroups, firstCiting, locateCitation, occurrence } from './citations';

function cite(over: Partial<StoredCitation>): StoredCitation {
  return {
    document_id: 1,
    title: 'Brief',
    page: 1,
    start: 0,
    end: 10,
    kind: 'case',
    text: '556 U.S. 662',
    key: '556 U.S. 662',
    authority: '556 U.S. 662',
    pin: null,
    name: null,
    court: null,
    year: null,
    ...over,
  };
}

const IQBAL = cite({ page: 2, start: 40, end: 57, text: '556 U.S. 662, 678', name: 'Ashcroft v. Iqbal', year: 2009 });
const ID = cite({ page: 2, start: 120, end: 123, kind: 'id', text: 'Id.', key: 'Id.' });
const STATUTE = cite({ page: 2, start: 150, end: 166, kind: 'statute', text: '42 U.S.C. § 1983', key: '42 U.S.C. § 1983', authority: '42 U.S.C. § 1983' });
const RULE = cite({ page: 1, start: 5, end: 29, kind: 'rule', text: 'Fed. R. Civ. P. 12(b)(6)', key: 'Fed. R. Civ. P. 12', authority: 'Fed. R. Civ. P. 12' });
const SHORT = cite({ page: 3, start: 9, end: 24, kind: 'short_case', text: '556 U.S. at 679', key: '556 U.S. at 679' });
const CFR = cite({ page: 3, start: 30, end: 44, kind: 'regulation', text: '8 C.F.R. § 1.1', key: '8 C.F.R. § 1.1', authority: '8 C.F.R. § 1.1' });

describe('citationGroups', () => {
  it('groups cases, statutes, regulations and rules, each authority with its places', () => {
    const groups = citationGroups([RULE, IQBAL, ID, STATUTE, SHORT, CFR]);
    expect(groups.map((g) => g.name)).toEqual(['Cases', 'Statutes', 'Regulations', 'Rules']);
    const [cases] = groups;
    expect(cases.authorities).toHaveLength(1);
    expect(cases.authorities[0].label).toBe('Ashcroft v. Iqbal, 556 U.S. 662 (2009)');
    expect(cases.authorities[0].cites.map((c) => c.page)).toEqual([2, 2, 3]);
    expect(groups[1].authorities[0].label).toBe('42 U.S.C. § 1983');
  });

  it('leaves out empty groups', () => {
    expect(citationGroups([])).toEqual([]);
    expect(citationGroups([STATUTE]).map((g) => g.name)).toEqual(['Statutes']);
  });
});

describe('locateCitation', () => {
  it('finds a citation spread over text items, whatever the spacing', () => {
    const items = ['face. Ashcroft v. Iqbal, 556 U. S.', ' ', '662, 678 (2009). Threadbare'];
    const pieces = locateCitation(items, '556 U.S. 662, 678');
    expect(pieces).toEqual([
      { item: 0, start: 25, end: 34 },
      { item: 2, start: 0, end: 8 },
    ]);
    expect(items[0].slice(25, 34)).toBe('556 U. S.');
  });

  it('folds case, accents and ligatures, and picks the nth place', () => {
    expect(locateCitation(['ID. at 3; id. again'], 'Id.', 1)).toEqual([{ item: 0, start: 10, end: 13 }]);
    // Fewer places than asked for: the last one.
    expect(locateCitation(['Id. once'], 'Id.', 4)).toEqual([{ item: 0, start: 0, end: 3 }]);
    expect(locateCitation(['de\ufb01ned in § 1983'], 'defined')).toEqual([{ item: 0, start: 0, end: 6 }]);
  });

  it('finds nothing when the text is not on the page', () => {
    expect(locateCitation(['nothing here'], '556 U.S. 662')).toEqual([]);
    expect(locateCitation(['x'], '  ')).toEqual([]);
  });
});

describe('occurrence and firstCiting', () => {
  it('counts same-text citations on the page in reading order', () => {
    const later = cite({ page: 2, start: 300, end: 303, kind: 'id', text: 'Id.', key: 'Id.' });
    expect(occurrence([later, ID], later)).toBe(1);
    expect(occurrence([later, ID], ID)).toBe(0);
  });

  it('finds an authority’s citation on a page, else none', () => {
    const all = [RULE, IQBAL, ID, SHORT];
    expect(firstCiting(all, '556 U.S. 662', 3)).toBe(SHORT);
    expect(firstCiting(all, '556 U.S. 662')).toBe(IQBAL);
    expect(firstCiting(all, '42 U.S.C. § 1983')).toBeNull();
  });
});
