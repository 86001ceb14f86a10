// Search as you type: wait until typing pauses, then ask; only the answer to
// the latest question is shown (an answer that arrives after a newer question
// was asked is dropped, so slow early searches never overwrite later ones).

export type SearchState<T> =
  | { status: 'idle' }
  | { status: 'pending'; query: string }
  | { status: 'done'; query: string; results: T }
  | { status: 'error'; query: string; message: string };

export type SearcherOptions<T> = {
  /** Ask the backend. */
  run: (query: string) => Promise<T>;
  /** Called with every state the search goes through. */
  update: (state: SearchState<T>) => void;
  /** Milliseconds of quiet before asking. */
  delay?: number;
  /** Turn a thrown error into words. */
  describe?: (e: unknown) => string;
};

export class Searcher<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest = 0;
  private readonly delay: number;

  constructor(private readonly opts: SearcherOptions<T>) {
    this.delay = opts.delay ?? 150;
  }

  /** The query changed: search for it after the pause (empty input clears at once). */
  input(query: string): void {
    this.cancelTimer();
    const ticket = ++this.latest;
    if (query.trim() === '') {
      this.opts.update({ status: 'idle' });
      return;
    }
    this.opts.update({ status: 'pending', query });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.ask(query, ticket);
    }, this.delay);
  }

  /** Search now (e.g. after the scope changed), without waiting for a pause. */
  now(query: string): Promise<void> {
    this.cancelTimer();
    const ticket = ++this.latest;
    if (query.trim() === '') {
      this.opts.update({ status: 'idle' });
      return Promise.resolve();
    }
    this.opts.update({ status: 'pending', query });
    return this.ask(query, ticket);
  }

  /** Forget everything in flight (the palette closed). */
  stop(): void {
    this.cancelTimer();
    this.latest++;
  }

  private async ask(query: string, ticket: number): Promise<void> {
    try {
      const results = await this.opts.run(query);
      if (ticket === this.latest) this.opts.update({ status: 'done', query, results });
    } catch (e) {
      if (ticket !== this.latest) return;
      const message = this.opts.describe ? this.opts.describe(e) : e instanceof Error ? e.message : String(e);
      this.opts.update({ status: 'error', query, message });
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
