// The running import, kept outside the view so leaving the Import view and
// coming back shows the same progress and results. One import at a time (the
// backend refuses a second; so does `start` here, with the same words).

import type { CaseId, FileOutcome } from '../../bindings';
import { BackendError, type Backend } from '../../lib/backend';
import { applyEvent, NO_PROGRESS, type Snapshot } from './job';

export class ImportJob {
  running = $state(false);
  cancelling = $state(false);
  /** Set once an import has ended (completed or cancelled). */
  done = $state(false);
  snapshot = $state<Snapshot>({ progress: NO_PROGRESS, outcomes: [] });
  /** Why the import could not run (not a per-file failure). */
  error = $state<string | null>(null);

  /** Start importing `paths`; resolves when the import ends. Never throws. */
  async start(backend: Backend, paths: string[], caseId: CaseId | null): Promise<FileOutcome[] | null> {
    if (this.running) {
      this.error = 'an import is already running; wait for it to finish or cancel it';
      return null;
    }
    this.running = true;
    this.cancelling = false;
    this.done = false;
    this.error = null;
    this.snapshot = { progress: { ...NO_PROGRESS, filesTotal: paths.length }, outcomes: [] };
    try {
      const outcomes = await backend.importFiles(paths, caseId, (e) => {
        this.snapshot = applyEvent(this.snapshot, e);
      });
      // The final list is in input order and includes files the cancel left out;
      // the bar counts the files that were dealt with (not the cancelled ones).
      const dealtWith = outcomes.filter((o) => o.reason !== 'cancelled').length;
      this.snapshot = {
        progress: { ...this.snapshot.progress, filesDone: dealtWith, filesTotal: outcomes.length, current: null },
        outcomes,
      };
      this.done = true;
      return outcomes;
    } catch (e) {
      this.error = BackendError.from(e).message;
      return null;
    } finally {
      this.running = false;
      this.cancelling = false;
    }
  }

  /** Ask the backend to stop the running import. */
  async cancel(backend: Backend): Promise<void> {
    if (!this.running) return;
    this.cancelling = true;
    try {
      await backend.cancelImport();
    } catch (e) {
      this.error = BackendError.from(e).message;
      this.cancelling = false;
    }
  }

  /** Forget the last import's results (not while one runs). */
  clear(): void {
    if (this.running) return;
    this.done = false;
    this.error = null;
    this.snapshot = { progress: NO_PROGRESS, outcomes: [] };
  }
}

/** The window's one import (the view and the drop handler share it). */
export const windowImport = new ImportJob();
