// Backups in the double, after crates/store/src/backups.rs: the folder beside
// the database, its newest copy, "Back up now" (a manual copy), and the
// warnings the automatic backups left. The copies are names, not files: the
// copying and checking are the core's, tested in Rust.

import type { BackupStatus } from '../../bindings';
import { BackendError } from '../backend';

/** Where the double says the backups folder is. */
export const BACKUPS_FOLDER = '/home/user/.local/share/casetrail/backups';

export class BackupFolder {
  /** Every copy written, oldest first: when (RFC 3339) and where. */
  readonly written: { at: string; path: string }[] = [];
  /** What the automatic backups could not do since the database was opened. */
  readonly warnings: string[] = [];
  /** When set, "Back up now" fails with this I/O message (a full disk, a read-only folder). */
  failWith: string | null = null;

  status(): BackupStatus {
    const last = this.written.at(-1) ?? null;
    return {
      last: last?.at ?? null,
      last_path: last?.path ?? null,
      folder: BACKUPS_FOLDER,
      warnings: [...this.warnings],
    };
  }

  backUpNow(now: string): BackupStatus {
    if (this.failWith !== null) throw new BackendError('io', `${BACKUPS_FOLDER}: ${this.failWith}`);
    const stamp = now.replace(/[-:]/g, '').replace('.', '');
    this.written.push({ at: now, path: `${BACKUPS_FOLDER}/casetrail-manual-${stamp}.db` });
    return this.status();
  }
}
