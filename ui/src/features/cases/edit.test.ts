import { describe, expect, it } from 'vitest';
import {
  caseErrors,
  caseFieldOf,
  parseAliases,
  proceedingDraft,
  proceedingErrors,
  proceedingFieldOf,
  proceedingInput,
} from './edit';
import { filterSummaries, tagsOfCases } from './filter';

describe('case edits', () => {
  it('checks name and key as the core does', () => {
    expect(caseErrors({ name: ' ', slug: 'a-b', summary: '' })).toEqual({ name: 'A case needs a name.' });
    expect(caseErrors({ name: 'X', slug: 'A B', summary: '' })).toEqual({ slug: 'Use lowercase letters, digits and dashes.' });
    expect(caseErrors({ name: 'X', slug: 'x-1', summary: '' })).toEqual({});
  });

  it('puts core messages next to their field', () => {
    expect(caseFieldOf('a case with the key "beta" already exists (#2 Beta)')).toBe('slug');
    expect(caseFieldOf('a case needs a name')).toBe('name');
    expect(caseFieldOf('database is locked')).toBe('form');
  });
});

describe('proceeding edits', () => {
  const p = {
    id: 1,
    case_id: 1,
    court_id: 'ca2',
    court: '2d Cir.',
    docket_number: '14-2985',
    docket_aliases: ['14-2985-cv'],
    caption: 'Microsoft v. United States',
    opened_on: null,
    closed_on: null,
    appeal_from: null,
    appeal_from_event: null,
  };

  it('round-trips a proceeding through the form', () => {
    const d = proceedingDraft(p);
    expect(d.aliases).toBe('14-2985-cv');
    expect(proceedingInput({ ...d, aliases: ' a, b\nc ,', opened_on: ' 2014-08-01 ' })).toEqual({
      court_id: 'ca2',
      docket_number: '14-2985',
      docket_aliases: ['a', 'b', 'c'],
      caption: 'Microsoft v. United States',
      opened_on: '2014-08-01',
      closed_on: null,
    });
    expect(parseAliases('')).toEqual([]);
  });

  it('checks fields and places core messages', () => {
    const d = proceedingDraft(p);
    expect(proceedingErrors({ ...d, docket_number: ' ' })).toEqual({ docket_number: 'Enter the docket number.' });
    expect(proceedingErrors({ ...d, opened_on: '2014-8-1' })).toEqual({ opened_on: 'Use YYYY-MM-DD.' });
    expect(proceedingErrors({ ...d, opened_on: '2016-01-01', closed_on: '2015-01-01' })).toEqual({
      closed_on: 'Closed before it was opened.',
    });
    expect(proceedingFieldOf('closed on 2015-01-01 is before opened on 2016-01-01')).toBe('closed_on');
    expect(proceedingFieldOf('the case already has docket 26-100 in ca1')).toBe('docket_number');
    expect(proceedingFieldOf('no court "xyz"')).toBe('court_id');
  });
});

describe('cases list filter', () => {
  const s = (id: number, name: string, tags: string[]) => ({
    case: { id, slug: `c${id}`, name, summary: '', created_at: '', updated_at: '' },
    tags,
  });
  const list = [s(1, 'Microsoft–Ireland', ['Privacy']), s(2, 'Acme v. Roe', ['client', 'privacy']), s(3, 'Beta', [])];

  it('filters by words and by tag, any letter case', () => {
    expect(filterSummaries(list, '', null).map((x) => x.case.id)).toEqual([1, 2, 3]);
    expect(filterSummaries(list, '', 'PRIVACY').map((x) => x.case.id)).toEqual([1, 2]);
    expect(filterSummaries(list, 'acme', 'privacy').map((x) => x.case.id)).toEqual([2]);
    expect(filterSummaries(list, 'beta', 'privacy')).toEqual([]);
    expect(tagsOfCases(list)).toEqual(['client', 'Privacy']);
  });
});
