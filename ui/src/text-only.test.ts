// Text from PDFs, notes and dockets is shown as text, never as HTML: no
// component may use {@html}. This reads the source of every Svelte file.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob('./**/*.svelte', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

describe('components', () => {
  it('never render strings as HTML', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
    const offenders = Object.entries(sources)
      .filter(([, text]) => /\{@html\b/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
