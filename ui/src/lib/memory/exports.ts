// Exports in the double, after crates/import/src/export.rs: the same refusals
// (an unknown case, a path with no file name) and the same answer shape; what
// was asked for is recorded instead of rendered (the core's renderers are
// tested against independent readers in Rust).

import type { CaseId, ExportKind, Exported } from '../../bindings';
import { invalid, type Database } from './database';

/** Where the double says the calendar feed is. */
export const FEED_PATH = '/home/user/.local/share/casetrail/casetrail-deadlines.ics';

export function exportCase(
  db: Database,
  exported: Map<string, { caseId: number; kind: string }>,
  caseId: CaseId,
  kind: ExportKind,
  path: string,
): Exported {
  db.case(caseId);
  if (path.trim() === '' || path.endsWith('/')) throw invalid(`${path} is a directory: give a file name`);
  exported.set(path, { caseId, kind });
  return { path, bytes: 1024, missing: [] };
}
