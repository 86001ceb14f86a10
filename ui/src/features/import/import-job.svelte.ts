// The running import, kept outside the view so leaving the Import view and
// coming back shows the same progress and results. One import at a time (the
// backend refuses a second; so does `start` here, with the same words).

import type { CaseId, DocketFileOutcome, FileOutcome } from '../../bindings';
import { BackendError, type Backend } from '../../lib/backend';
import { splitPaths } from './dockets';
import { applyEvent, NO_PROGRESS, type Snapshot } from './job';

export class ImportJob {
  running = $state(false);
  cancelling = $state(false);
  /** Set once an import has ended (completed or cancelled). */
  done = $state(false);
  snapshot = $state<Snapshot>({ progress: NO_PROGRESS, outcomes: [] });
  /** Why the import could not run (not a per-file failure). */
  error = $state<string | null>(null);
  /** The docket files' outcomes (the PDFs' are in the snapshot). */
  dockets = $state<DocketFileOutcome[]>([]);

  /**
   * Start importing `paths`: PDFs and folders through the PDF import (with
   * progress), then the docket files through the docket import. Resolves when
   * both end. Never throws.
   */
  async start(backend: Backend, paths: string[], caseId: CaseId | null): Promise<FileOutcome[] | null> {
    if (this.running) {
      this.error = 'an import is already running; wait for it to finish or cancel it';
      return null;
    }
    this.running = true;
    this.cancelling = false;
    this.done = false;
    this.error = null;
    this.dockets = [];
    this.snapshot = { progress: { ...NO_PROGRESS, filesTotal: paths.length }, outcomes: [] };
    try {
      const { pdfs, dockets } = splitPaths(paths, await backend.docketPaths(paths));
      const outcomes =
        pdfs.length === 0
          ? []
          : await backend.importFiles(pdfs, caseId, (e) => {
              // The docket files come after the PDFs: count them in the total.
              const counted = e.type === 'progress' ? { ...e, files_total: e.files_total + dockets.length } : e;
              this.snapshot = applyEvent(this.snapshot, counted);
            });
      // The final list is in input order and includes files the cancel left out;
      // the bar counts the files that were dealt with (not the cancelled ones).
      const cancelled = outcomes.some((o) => o.reason === 'cancelled');
      const dealtWith = outcomes.filter((o) => o.reason !== 'cancelled').length;
      this.snapshot = {
        progress: { ...this.snapshot.progress, filesDone: dealtWith, filesTotal: outcomes.length + dockets.length, current: null },
        outcomes,
      };
      if (dockets.length > 0 && !cancelled) {
        this.snapshot = { ...this.snapshot, progress: { ...this.snapshot.progress, current: dockets[0] } };
        this.dockets = await backend.importDockets(dockets, caseId);
        this.snapshot = { ...this.snapshot, progress: { ...this.snapshot.progress, filesDone: dealtWith + dockets.length, current: null } };
      }
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
    this.dockets = [];
    this.snapshot = { progress: NO_PROGRESS, outcomes: [] };
  }
}

/** The window's one import (the view and the drop handler share it). */
export const windowImport = new ImportJob();
