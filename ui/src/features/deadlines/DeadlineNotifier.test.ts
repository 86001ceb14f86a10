// The notifier mounted over the in-memory backend: a notice at start-up for a
// deadline within the window, none again on the next tick the same day.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { backendContext } from '../../lib/context';
import { MemoryBackend } from '../../lib/memory-backend';
import { localDay } from './agenda';
import DeadlineNotifier from './DeadlineNotifier.svelte';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  localStorage.clear();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DeadlineNotifier', () => {
  it('notifies at start-up and not again on later ticks the same day', async () => {
    const backend = await MemoryBackend.sample();
    const [c] = await backend.listCases();
    const soon = new Date();
    soon.setDate(soon.getDate() + 2);
    backend.seedDeadline({ case_id: c.id, title: 'Reply brief', due: localDay(soon) });
    const app = mount(DeadlineNotifier, {
      target: document.body,
      props: { everyMs: 20 },
      context: backendContext(backend),
    });
    cleanup = () => unmount(app);
    flushSync();
    await wait(100);
    expect(backend.notifications.map((n) => n.title)).toEqual(['Due in 2 days: Reply brief']);
    // Several ticks ran (each reads the deadlines) without a second notice.
    expect(backend.calls.filter((c) => c === 'listDeadlines').length).toBeGreaterThan(1);
  });
});
