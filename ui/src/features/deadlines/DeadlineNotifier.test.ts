// The notifier mounted over the in-memory backend: a notice at start-up for a
// deadline within the window, none again on the next tick the same day.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { render } from '../../test/render';
import { localDay } from './agenda';
import DeadlineNotifier from './DeadlineNotifier.svelte';

afterEach(() => localStorage.clear());

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DeadlineNotifier', () => {
  it('notifies at start-up and not again on later ticks the same day', async () => {
    const backend = await MemoryBackend.sample();
    const [c] = await backend.listCases();
    const soon = new Date();
    soon.setDate(soon.getDate() + 2);
    backend.seedDeadline({ case_id: c.id, title: 'Reply brief', due: localDay(soon) });
    render(DeadlineNotifier, { props: { everyMs: 20 }, backend });
    await wait(100);
    expect(backend.notifications.map((n) => n.title)).toEqual(['Due in 2 days: Reply brief']);
    // Several ticks ran (each reads the deadlines) without a second notice.
    expect(backend.calls.filter((c) => c === 'listDeadlines').length).toBeGreaterThan(1);
  });
});
