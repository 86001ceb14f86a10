import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../../bindings';
import { capped, groupNews, itemLabel, newsHeadline, newsMarks } from './news';

const item = (over: Partial<NewsItem>): NewsItem => ({
  id: 1,
  change: 'added',
  event_id: 10,
  proceeding_id: 1,
  case_id: 1,
  case_name: 'Doe v. Acme',
  court: 'S.D.N.Y.',
  docket_number: '1:24-cv-00001',
  entry: '1',
  date: '2024-01-05',
  title: 'Complaint',
  old_text: null,
  new_text: 'COMPLAINT',
  source: 'doe.json',
  imported_at: '2024-03-01T10:00:00Z',
  ...over,
});

describe('news', () => {
  const items = [
    item({ id: 1, event_id: 10 }),
    item({ id: 2, event_id: 11, entry: null, title: 'Minute entry' }),
    item({ id: 3, event_id: 12, change: 'updated', old_text: 'SUMMONS issued', new_text: 'SUMMONS returned' }),
    item({ id: 4, event_id: 20, proceeding_id: 2, court: '2d Cir.', docket_number: '24-1234' }),
    item({ id: 5, event_id: 10, change: 'updated', old_text: 'COMPLAINT', new_text: 'AMENDED COMPLAINT' }),
  ];

  it('groups by proceeding, new entries apart from changed ones', () => {
    const groups = groupNews(items);
    expect(groups.map((g) => g.title)).toEqual(['S.D.N.Y. 1:24-cv-00001', '2d Cir. 24-1234']);
    expect(groups[0].added.map((n) => n.id)).toEqual([1, 2]);
    expect(groups[0].updated.map((n) => n.id)).toEqual([3, 5]);
  });

  it('marks each event once: an entry added then changed before a look is new', () => {
    const marks = newsMarks(items);
    expect(marks.get(10)).toBe('added');
    expect(marks.get(12)).toBe('updated');
    expect(marks.size).toBe(4);
    expect(newsHeadline(items)).toBe('3 new entries, 1 changed');
    expect(newsHeadline([])).toBe('Nothing new');
  });

  it('labels items with their entry number and caps long lists', () => {
    expect(itemLabel(items[0])).toBe('No. 1 · Complaint');
    expect(itemLabel(items[1])).toBe('Minute entry');
    expect(capped([1, 2, 3, 4], 2, false)).toEqual({ shown: [1, 2], more: 2 });
    expect(capped([1, 2, 3, 4], 2, true)).toEqual({ shown: [1, 2, 3, 4], more: 0 });
  });
});
