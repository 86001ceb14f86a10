import { describe, expect, it } from 'vitest';
import {
  casesOf,
  daysBetween,
  deadlineState,
  filterDeadlines,
  groupDeadlines,
  localDay,
  parseWindow,
  relativeDue,
  soonestFirst,
  systemName,
  systemsOf,
  tagsOf,
} from './agenda';
import { entry } from './fixtures';

const TODAY = '2026-03-10';

describe('dates', () => {
  it('counts whole days across months and DST changes', () => {
    expect(daysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // US DST starts Mar 8
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('gives the local day and relative wording', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(relativeDue('2026-03-10', TODAY)).toBe('today');
    expect(relativeDue('2026-03-11', TODAY)).toBe('tomorrow');
    expect(relativeDue('2026-03-15', TODAY)).toBe('in 5 days');
    expect(relativeDue('2026-03-08', TODAY)).toBe('2 days ago');
  });
});

describe('deadlineState', () => {
  it('marks open deadlines by how near they are, closed ones by status', () => {
    expect(deadlineState(entry('2026-03-09'), TODAY, 7)).toBe('overdue');
    expect(deadlineState(entry('2026-03-10'), TODAY, 7)).toBe('today');
    expect(deadlineState(entry('2026-03-17'), TODAY, 7)).toBe('soon');
    expect(deadlineState(entry('2026-03-18'), TODAY, 7)).toBe('later');
    expect(deadlineState(entry('2026-03-01', 'done'), TODAY, 7)).toBe('done');
    expect(deadlineState(entry('2026-03-01', 'missed'), TODAY, 7)).toBe('missed');
    expect(deadlineState(entry('2026-03-20', 'superseded'), TODAY, 7)).toBe('superseded');
  });
});

describe('sorting and grouping', () => {
  it('sorts soonest first, ties in entry order', () => {
    const a = entry('2026-04-01');
    const b = entry('2026-03-12');
    const c = entry('2026-04-01');
    expect(soonestFirst([a, b, c]).map((e) => e.deadline.id)).toEqual([b.deadline.id, a.deadline.id, c.deadline.id]);
  });

  it('groups overdue, within the window, later, then closed (most recent first)', () => {
    const overdue = entry('2026-03-01');
    const soon = entry('2026-03-12');
    const today = entry('2026-03-10');
    const later = entry('2026-06-01');
    const doneOld = entry('2025-01-01', 'done');
    const doneNew = entry('2026-03-05', 'done');
    const missed = entry('2026-02-01', 'missed');
    const groups = groupDeadlines([later, doneOld, soon, missed, overdue, doneNew, today], TODAY, 7);
    expect(groups.map((g) => g.key)).toEqual(['overdue', 'upcoming', 'later', 'closed']);
    expect(groups[1].title).toBe('Due within 7 days');
    expect(groups[1].entries).toEqual([today, soon]);
    expect(groups[3].entries).toEqual([doneNew, missed, doneOld]);
  });

  it('leaves empty groups out and follows the window', () => {
    const e = entry('2026-03-20');
    expect(groupDeadlines([e], TODAY, 7).map((g) => g.key)).toEqual(['later']);
    expect(groupDeadlines([e], TODAY, 10).map((g) => g.key)).toEqual(['upcoming']);
    expect(groupDeadlines([], TODAY, 1)).toEqual([]);
    expect(groupDeadlines([entry('2026-03-11')], TODAY, 1)[0].title).toBe('Due within 1 day');
  });
});

describe('filters', () => {
  const a = entry('2026-03-12', 'open', { case_id: 1, case_name: 'Beta v. Doe', tags: ['Urgent'] });
  const b = entry('2026-03-13', 'open', { case_id: 2, case_name: 'Acme v. Roe', tags: ['client', 'urgent'] });
  const c = entry('2026-03-14', 'open', { case_id: 2, case_name: 'Acme v. Roe' });

  it('filters by case and by tag, ignoring the tag letter case', () => {
    expect(filterDeadlines([a, b, c], { caseId: null, tag: null })).toHaveLength(3);
    expect(filterDeadlines([a, b, c], { caseId: 2, tag: null })).toEqual([b, c]);
    expect(filterDeadlines([a, b, c], { caseId: null, tag: 'URGENT' })).toEqual([a, b]);
    expect(filterDeadlines([a, b, c], { caseId: 2, tag: 'urgent' })).toEqual([b]);
  });

  it('offers the cases and tags present', () => {
    expect(casesOf([a, b, c])).toEqual([
      { id: 2, name: 'Acme v. Roe' },
      { id: 1, name: 'Beta v. Doe' },
    ]);
    expect(tagsOf([a, b, c])).toEqual(['client', 'Urgent']);
  });
});

describe('parseWindow', () => {
  it('takes whole days from 0 to 365 and says what is wrong otherwise', () => {
    expect(parseWindow(' 14 ')).toEqual({ days: 14 });
    expect(parseWindow('0')).toEqual({ days: 0 });
    expect(parseWindow('366')).toEqual({ error: 'The warning window is at most 365 days.' });
    expect(parseWindow('-1')).toEqual({ error: 'Enter a whole number of days (0 or more).' });
    expect(parseWindow('2.5')).toHaveProperty('error');
    expect(parseWindow('')).toHaveProperty('error');
  });
});

describe('court systems', () => {
  const fed = entry('2026-04-01');
  const cal = entry('2026-04-02', 'open', { system: 'state:CA' });
  const ny = entry('2026-04-03', 'open', { system: 'state:NY' });
  const loose = entry('2026-04-04', 'open', { system: null });

  it('names each system as people say it', () => {
    expect(systemName('federal')).toBe('Federal courts');
    expect(systemName('state:CA')).toBe('California courts');
    expect(systemName('state:WA')).toBe('WA courts');
    expect(systemName('none')).toBe('No court');
  });

  it('lists federal first, then states by name, then deadlines without a court', () => {
    expect(systemsOf([loose, ny, cal, fed]).map((s) => s.name)).toEqual([
      'Federal courts',
      'California courts',
      'New York courts',
      'No court',
    ]);
  });

  it('filters by court system, with the other filters', () => {
    const all = [fed, cal, ny, loose];
    const ids = (f: Parameters<typeof filterDeadlines>[1]) => filterDeadlines(all, f).map((e) => e.deadline.id);
    expect(ids({ caseId: null, tag: null, system: 'state:CA' })).toEqual([cal.deadline.id]);
    expect(ids({ caseId: null, tag: null, system: 'none' })).toEqual([loose.deadline.id]);
    expect(ids({ caseId: null, tag: null, system: null })).toHaveLength(4);
    expect(ids({ caseId: 2, tag: null, system: 'federal' })).toEqual([]);
  });
});
