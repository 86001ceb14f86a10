// Text from PDFs, notes and dockets is shown as text, never as HTML: no
// component may use {@html}. This scans every Svelte file of the UI.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

describe('components', () => {
  it('never render strings as HTML', () => {
    const files = svelteFiles(join(__dirname));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((f) => /\{@html\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
