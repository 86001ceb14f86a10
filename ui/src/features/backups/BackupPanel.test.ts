// The backups panel over the in-memory backend: no backup yet, then "Back up
// now" shows the time of the copy it wrote; an automatic backup's warning is
// shown; a failed backup says why and keeps the last time shown.
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../lib/memory/backend';
import { formatTime } from '../../lib/format';
import { render, settle } from '../../test/render';
import BackupPanel from './BackupPanel.svelte';

async function setup(prepare: (b: MemoryBackend) => void = () => {}) {
  const backend = await MemoryBackend.sample();
  prepare(backend);
  render(BackupPanel, { backend });
  await settle();
  return backend;
}

const el = (id: string) => document.querySelector(`[data-testid=${id}]`) as HTMLElement | null;

describe('BackupPanel', () => {
  it('says there is no backup yet, then shows the time of the one "Back up now" wrote', async () => {
    const backend = await setup();
    expect(el('backup-none')?.textContent).toBe('No backup yet.');
    expect(el('backup-folder')?.textContent).toBe('/home/user/.local/share/casetrail/backups');
    el('backup-now')!.click();
    await settle();
    const written = backend.backups.written;
    expect(written).toHaveLength(1);
    const time = el('backup-last')!;
    expect(time.getAttribute('datetime')).toBe(written[0].at);
    expect(time.textContent).toBe(formatTime(written[0].at));
    expect(el('backup-done')?.textContent).toBe('Backed up.');
    expect(el('backup-none')).toBeNull();
    expect(backend.calls.filter((c) => c === 'backUpNow')).toHaveLength(1);
  });

  it('shows what an automatic backup could not do', async () => {
    await setup((b) => b.backups.warnings.push('the daily backup was not written: disk full'));
    const warnings = [...document.querySelectorAll('[data-testid=backup-warning]')];
    expect(warnings.map((w) => w.textContent)).toEqual(['the daily backup was not written: disk full']);
    expect(warnings[0].getAttribute('role')).toBe('alert');
  });

  it('says why a backup failed and keeps the last one shown', async () => {
    const backend = await setup((b) => b.backups.backUpNow('2026-01-02T03:04:05.000Z'));
    expect(el('backup-last')?.getAttribute('datetime')).toBe('2026-01-02T03:04:05.000Z');
    backend.backups.failWith = 'No space left on device';
    el('backup-now')!.click();
    await settle();
    expect(el('backup-error')?.textContent).toBe('/home/user/.local/share/casetrail/backups: No space left on device');
    expect(el('backup-last')?.getAttribute('datetime')).toBe('2026-01-02T03:04:05.000Z');
    expect(el('backup-done')).toBeNull();
  });
});
