import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { entry } from './fixtures';
import { checkDeadlines, noticeFor, remember, toAnnounce, type Announced, type AnnouncedStore } from './notices';

const TODAY = '2026-03-10';

describe('toAnnounce', () => {
  it('announces open deadlines from today to the end of the window only', () => {
    const past = entry('2026-03-09');
    const today = entry('2026-03-10');
    const edge = entry('2026-03-17');
    const beyond = entry('2026-03-18');
    const done = entry('2026-03-11', 'done');
    const superseded = entry('2026-03-11', 'superseded');
    const got = toAnnounce([past, today, edge, beyond, done, superseded], TODAY, 7, {});
    expect(got).toEqual([today, edge]);
    expect(toAnnounce([today, edge], TODAY, 0, {})).toEqual([today]);
  });

  it('announces each deadline at most once per day', () => {
    const e = entry('2026-03-12');
    const announced = remember({}, [e.deadline.id], TODAY);
    expect(toAnnounce([e], TODAY, 7, announced)).toEqual([]);
    // The next day it is announced again.
    expect(toAnnounce([e], '2026-03-11', 7, announced)).toEqual([e]);
  });
});

describe('remember', () => {
  it('records today and forgets earlier days', () => {
    const before: Announced = { '1': '2026-03-09', '2': TODAY };
    expect(remember(before, [3], TODAY)).toEqual({ '2': TODAY, '3': TODAY });
  });
});

describe('noticeFor', () => {
  it('says what is due, when, and in which case', () => {
    const e = entry('2026-03-12', 'open', { title: 'Reply brief', case_name: 'Acme v. Roe' });
    e.proceeding = 'D. Mass. 1:26-cv-1';
    expect(noticeFor(e, TODAY)).toEqual({
      title: 'Due in 2 days: Reply brief',
      body: 'Acme v. Roe (D. Mass. 1:26-cv-1), due Mar 12, 2026',
    });
    expect(noticeFor(entry('2026-03-10', 'open', { title: 'X' }), TODAY).title).toBe('Due today: X');
    expect(noticeFor(entry('2026-03-11', 'open', { title: 'X' }), TODAY).title).toBe('Due tomorrow: X');
  });
});

function memoryStore(): AnnouncedStore & { value: Announced } {
  return {
    value: {},
    load() {
      return { ...this.value };
    },
    save(a) {
      this.value = a;
    },
  };
}

describe('checkDeadlines over the in-memory backend', () => {
  it('notifies within the saved window, once per day, and again the next day', async () => {
    const b = await MemoryBackend.sample();
    const [c] = await b.listCases();
    b.seedDeadline({ case_id: c.id, title: 'Reply brief', due: '2026-03-13' });
    b.seedDeadline({ case_id: c.id, title: 'Far away', due: '2026-04-30' });
    b.seedDeadline({ case_id: c.id, title: 'Already filed', due: '2026-03-11', status: 'done' });
    const store = memoryStore();
    const morning = new Date(2026, 2, 10, 9, 0);

    expect(await checkDeadlines(b, store, morning)).toBe(1);
    expect(b.notifications.map((n) => n.title)).toEqual(['Due in 3 days: Reply brief']);
    // An hour later: nothing new.
    expect(await checkDeadlines(b, store, new Date(2026, 2, 10, 10, 0))).toBe(0);
    // A wider window brings the far one in, the same day.
    await b.saveSettings({ deadline_warning_days: 60 });
    expect(await checkDeadlines(b, store, new Date(2026, 2, 10, 11, 0))).toBe(1);
    expect(b.notifications.at(-1)?.title).toBe('Due in 51 days: Far away');
    // Next day both again.
    expect(await checkDeadlines(b, store, new Date(2026, 2, 11, 9, 0))).toBe(2);
  });

  it('remembers nothing when notifications are not allowed', async () => {
    const b = await MemoryBackend.sample();
    const [c] = await b.listCases();
    b.seedDeadline({ case_id: c.id, title: 'Reply brief', due: '2026-03-13' });
    b.notify = async () => false;
    const store = memoryStore();
    expect(await checkDeadlines(b, store, new Date(2026, 2, 10, 9, 0))).toBe(0);
    expect(store.value).toEqual({});
  });
});
