import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Searcher, type SearchState } from './searcher';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A backend whose answers the test releases by hand, in any order. */
function deferred() {
  const pending = new Map<string, { resolve: (v: string[]) => void; reject: (e: unknown) => void }>();
  const run = vi.fn(
    (q: string) => new Promise<string[]>((resolve, reject) => pending.set(q, { resolve, reject })),
  );
  return { run, pending };
}

describe('Searcher', () => {
  it('waits for a pause in typing and asks once', async () => {
    const { run, pending } = deferred();
    const states: SearchState<string[]>[] = [];
    const s = new Searcher({ run, update: (st) => states.push(st), delay: 150 });
    s.input('w');
    s.input('wa');
    s.input('war');
    await vi.advanceTimersByTimeAsync(149);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('war');
    pending.get('war')!.resolve(['hit']);
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ status: 'done', query: 'war', results: ['hit'] });
  });

  it('drops an answer that arrives after a newer question', async () => {
    const { run, pending } = deferred();
    const states: SearchState<string[]>[] = [];
    const s = new Searcher({ run, update: (st) => states.push(st), delay: 10 });
    s.input('slow');
    await vi.advanceTimersByTimeAsync(10);
    s.input('fast');
    await vi.advanceTimersByTimeAsync(10);
    pending.get('fast')!.resolve(['new']);
    await vi.runAllTimersAsync();
    pending.get('slow')!.resolve(['old']);
    pending.get('slow')!.reject(new Error('late failure'));
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ status: 'done', query: 'fast', results: ['new'] });
    expect(states.some((st) => st.status === 'done' && st.query === 'slow')).toBe(false);
  });

  it('reports errors in words, clears on empty input, forgets everything on stop', async () => {
    const { run, pending } = deferred();
    const states: SearchState<string[]>[] = [];
    const s = new Searcher({ run, update: (st) => states.push(st), delay: 0, describe: () => 'bad query' });
    const asked = s.now('*');
    pending.get('*')!.reject(new Error('x'));
    await asked;
    expect(states.at(-1)).toEqual({ status: 'error', query: '*', message: 'bad query' });
    s.input('   ');
    expect(states.at(-1)).toEqual({ status: 'idle' });
    expect(run).toHaveBeenCalledTimes(1);
    s.input('late');
    s.stop();
    await vi.runAllTimersAsync();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
