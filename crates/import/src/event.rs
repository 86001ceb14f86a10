//! What a running import tells a window: progress reports and each file's outcome as it
//! is recorded, in the shape the desktop app streams over its channel.

use serde::Serialize;

use super::{FileOutcome, Progress};

/// One message of a running import, in order: a [`ImportEvent::Finished`] for each
/// file as it is recorded, each followed by a [`ImportEvent::Progress`] with the counts
/// that include it.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ImportEvent {
    /// Where the import stands, for a progress bar.
    Progress {
        /// Files recorded (imported, duplicate or failed) so far.
        files_done: usize,
        /// Files in the run (folders expanded).
        files_total: usize,
        /// Pages of the files recorded so far.
        pages_done: u64,
        /// The file most recently started, as a path.
        current: Option<String>,
    },
    /// One file is done.
    Finished {
        /// What happened to it.
        outcome: FileOutcome,
    },
}

impl ImportEvent {
    /// The events for one progress report of [`super::import_paths`]: the finished
    /// file's outcome, if the report is about one, then the counts.
    pub fn from_progress(progress: &Progress) -> Vec<ImportEvent> {
        let mut events = Vec::with_capacity(2);
        if let Some(outcome) = &progress.finished {
            events.push(ImportEvent::Finished {
                outcome: outcome.clone(),
            });
        }
        events.push(ImportEvent::Progress {
            files_done: progress.files_done,
            files_total: progress.files_total,
            pages_done: progress.pages_done,
            current: progress.current.as_ref().map(|p| p.display().to_string()),
        });
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FileStatus;
    use std::path::PathBuf;

    fn outcome() -> FileOutcome {
        FileOutcome::new(std::path::Path::new("/tmp/a.pdf"), FileStatus::Imported)
    }

    #[test]
    fn a_started_file_gives_only_the_counts() {
        let p = Progress {
            files_total: 3,
            current: Some(PathBuf::from("/tmp/a.pdf")),
            ..Progress::default()
        };
        let json = serde_json::to_value(ImportEvent::from_progress(&p)).unwrap();
        assert_eq!(
            json,
            serde_json::json!([{"type": "progress", "files_done": 0, "files_total": 3,
                "pages_done": 0, "current": "/tmp/a.pdf"}])
        );
    }

    #[test]
    fn a_finished_file_gives_its_outcome_then_the_counts() {
        let p = Progress {
            files_done: 1,
            files_total: 1,
            pages_done: 17,
            current: None,
            finished: Some(outcome()),
        };
        let events = ImportEvent::from_progress(&p);
        let json = serde_json::to_value(&events).unwrap();
        assert_eq!(json[0]["type"], "finished");
        assert_eq!(json[0]["outcome"]["status"], "imported");
        assert_eq!(json[0]["outcome"]["path"], "/tmp/a.pdf");
        assert_eq!(json[1]["type"], "progress");
        assert_eq!(json[1]["pages_done"], 17);
    }
}
