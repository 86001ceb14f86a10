//! Checking PDFs for bad redactions without importing them: a lawyer's last
//! look at a redacted filing before it goes to the court, or a journalist's
//! first at one that came from it. The same check the import runs (text under
//! a dark box that hides nothing), on every page, in the same isolated worker
//! processes, with the text layer otherwise left unread. Nothing is written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use casetrail_extract::{extract_file_cancellable, BadRedaction, Limits};
use serde::Serialize;

/// One bad redaction, with its page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    pub page: u32,
    #[serde(flatten)]
    pub redaction: BadRedaction,
}

/// What the check found in one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileCheck {
    pub path: String,
    /// Pages read (`None` when the file could not be read).
    pub pages: Option<u32>,
    pub bad_redactions: Vec<Found>,
    /// Why the file could not be checked.
    pub error: Option<String>,
}

impl FileCheck {
    /// The pages with a bad redaction, in order, once each.
    pub fn pages_flagged(&self) -> Vec<u32> {
        let mut pages: Vec<u32> = self.bad_redactions.iter().map(|f| f.page).collect();
        pages.dedup();
        pages
    }
}

/// Check `inputs` (files and folders, as the import takes them) on `threads`
/// threads (0: one per core), `worker` being the `casetrail` executable.
/// One result per file, in input order.
pub fn check_files(
    inputs: &[PathBuf],
    worker: &Path,
    threads: usize,
    cancel: &AtomicBool,
) -> Vec<FileCheck> {
    let files = crate::collect_files(inputs);
    let limits = Limits {
        ocr: false,
        text: false,
        ..Limits::default()
    };
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    // Largest first, so a long file does not finish alone at the end.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::fs::metadata(&files[i]).map_or(0, |m| m.len()));
    let queue = Mutex::new(order);
    let results: Mutex<Vec<Option<FileCheck>>> = Mutex::new(vec![None; files.len()]);
    std::thread::scope(|s| {
        for _ in 0..threads.min(files.len()).max(1) {
            s.spawn(|| loop {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                let Some(i) = queue.lock().map_or(None, |mut q| q.pop()) else {
                    break;
                };
                let checked = check_one(&files[i], worker, &limits, cancel);
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(checked);
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_default();
    files
        .iter()
        .zip(results)
        .map(|(path, r)| {
            r.unwrap_or_else(|| FileCheck {
                path: path.display().to_string(),
                pages: None,
                bad_redactions: Vec::new(),
                error: Some("cancelled".into()),
            })
        })
        .collect()
}

fn check_one(path: &Path, worker: &Path, limits: &Limits, cancel: &AtomicBool) -> FileCheck {
    let mut checked = FileCheck {
        path: path.display().to_string(),
        pages: None,
        bad_redactions: Vec::new(),
        error: None,
    };
    match extract_file_cancellable(worker, path, limits, cancel) {
        Ok(extraction) => {
            checked.pages = Some(extraction.pages.len() as u32);
            for page in extraction.pages {
                let number = page.number;
                checked
                    .bad_redactions
                    .extend(page.bad_redactions.into_iter().map(|redaction| Found {
                        page: number,
                        redaction,
                    }));
            }
        }
        Err(e) => checked.error = Some(e.to_string()),
    }
    checked
}
