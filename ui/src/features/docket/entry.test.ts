import { describe, expect, it } from 'vitest';
import { dateError, emptyDraft, splitFilers, toNewEvent, validateEntry, type EntryDraft } from './entry';

const draft = (over: Partial<EntryDraft>): EntryDraft => ({ ...emptyDraft(), ...over });

describe('dateError', () => {
  it('accepts days and month-only dates', () => {
    expect(dateError('2014-08-01')).toBeNull();
    expect(dateError('2014-06')).toBeNull();
    expect(dateError(' 2016-02-29 ')).toBeNull();
  });

  it('rejects malformed and impossible dates with a message', () => {
    for (const bad of ['', '2014-02-30', '2015-02-29', '2014-13', '14-06-01', '2014/06/01', '2014-6-1', 'x']) {
      expect(dateError(bad), bad).toMatch(/\S/);
    }
    expect(dateError('2014-02-30')).toContain('not a day');
  });
});

describe('validateEntry', () => {
  it('names every missing required field', () => {
    const errors = validateEntry(emptyDraft());
    expect(Object.keys(errors).sort()).toEqual(['date', 'kind', 'title']);
  });

  it('accepts a complete ruling with an outcome', () => {
    expect(validateEntry(draft({ date: '2014-04-25', kind: 'ruling', title: 'Denied', outcome: 'denied' }))).toEqual({});
  });

  it('refuses an outcome on a filing and a side on a ruling', () => {
    expect(validateEntry(draft({ date: '2014-04-25', kind: 'motion', title: 'M', outcome: 'denied' })).outcome).toBe(
      'Only a ruling has an outcome.',
    );
    expect(validateEntry(draft({ date: '2014-04-25', kind: 'ruling', title: 'R', side: 'neither' })).side).toBe(
      'Only a filing supports a side.',
    );
  });

  it('wants a filer on an amicus brief', () => {
    expect(validateEntry(draft({ date: '2014-12-15', kind: 'amicus_brief', title: 'Brief' })).filers).toBeDefined();
    expect(
      validateEntry(draft({ date: '2014-12-15', kind: 'amicus_brief', title: 'Brief', filers: 'Apple Inc.' })).filers,
    ).toBeUndefined();
  });
});

describe('toNewEvent', () => {
  it('splits filers on semicolons, keeping commas inside names', () => {
    expect(splitFilers('Verizon Communications, Inc.; AT&T Corp.;\n Apple ')).toEqual([
      'Verizon Communications, Inc.',
      'AT&T Corp.',
      'Apple',
    ]);
  });

  it('drops fields that do not apply to the kind and trims text', () => {
    const e = toNewEvent(
      draft({ date: '2014-07-31', kind: 'ruling', title: '  Preska affirms ', outcome: 'affirmed', side: 'neither', filers: 'X', entry: ' ' }),
      7,
    );
    expect(e).toMatchObject({
      proceeding_id: 7,
      date: '2014-07-31',
      kind: 'ruling',
      title: 'Preska affirms',
      outcome: 'affirmed',
      side: null,
      filers: [],
      entry: null,
      certainty: 'confirmed',
    });
  });
});
