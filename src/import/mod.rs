//! Importing court PDFs: files and folders, on a pool of threads sized to the cores.
//!
//! Each pool thread hashes a file (SHA-256), skips bytes already in the database,
//! extracts the rest in an isolated worker process ([`crate::extract`]) and copies
//! it into the content-addressed [`Library`]. The calling thread owns the [`Store`]:
//! it reads each document's metadata and writes the document and its pages in one
//! transaction. Progress goes to a callback after every file; a
//! cancel flag stops the pool (running extractions are killed).

mod library;
mod metadata;

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

use serde::Serialize;

pub use library::{sha256_file, Library};
pub use metadata::detect_metadata;

use crate::extract::{extract_file_cancellable, Extraction, Limits, OcrState};
use crate::model::{CaseId, DocumentId, NewDocument, ProceedingId};
use crate::store::Store;
use crate::Result;

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The `casetrail` executable that runs the extraction worker.
    pub worker: PathBuf,
    /// Where imported files are stored.
    pub library: Library,
    /// Extraction limits (memory, time, OCR).
    pub limits: Limits,
    /// Attach every imported document to this case.
    pub case: Option<CaseId>,
    /// Pool size; `0` means one thread per core.
    pub threads: usize,
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// Newly recorded.
    Imported,
    /// The same bytes were imported before (or earlier in this run).
    Duplicate,
    /// Not imported; `error` says why.
    Failed,
}

/// The per-file result, as the CLI prints it (`casetrail import --json`).
#[derive(Debug, Clone, Serialize)]
pub struct FileOutcome {
    pub path: String,
    pub status: FileStatus,
    pub document_id: Option<DocumentId>,
    /// The proceeding the document was linked to by its detected docket number.
    pub proceeding_id: Option<ProceedingId>,
    pub pages: Option<u32>,
    pub pages_needing_ocr: Option<u32>,
    /// Why the file failed, for people.
    pub error: Option<String>,
    /// Why the file failed, as a stable code (`not_pdf`, `encrypted`, `damaged_xref`…).
    pub reason: Option<&'static str>,
    /// Things the user should know (OCR unavailable, repairs made).
    pub warnings: Vec<String>,
    /// Metadata read from the first pages (court, docket_number, filed, kind, citations).
    pub detected: serde_json::Value,
}

impl FileOutcome {
    fn new(path: &Path, status: FileStatus) -> Self {
        FileOutcome {
            path: path.display().to_string(),
            status,
            document_id: None,
            proceeding_id: None,
            pages: None,
            pages_needing_ocr: None,
            error: None,
            reason: None,
            warnings: Vec::new(),
            detected: serde_json::Value::Null,
        }
    }

    fn failed(path: &Path, reason: &'static str, error: String) -> Self {
        FileOutcome {
            error: Some(error),
            reason: Some(reason),
            ..FileOutcome::new(path, FileStatus::Failed)
        }
    }
}

/// Where a bulk import stands, for a progress bar.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub pages_done: u64,
    /// The file most recently started.
    pub current: Option<PathBuf>,
}

/// Expand folders (recursively, `*.pdf` in any case) and keep files as given, in order.
/// A path that does not exist is kept: it fails on its own during the import.
pub fn collect_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found);
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out);
        } else if kind.is_file()
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
}

/// What a pool thread hands back for one file.
enum Prepared {
    Failed(&'static str, String),
    Duplicate(String),
    Extracted {
        sha256: String,
        size: u64,
        extraction: Extraction,
    },
}

enum PoolMessage {
    Started(PathBuf),
    Finished(usize, Prepared),
}

/// Import `inputs` (files and folders) into `store`. Returns one outcome per file, in
/// input order. Fails only when the run itself cannot proceed (the database); a file
/// that cannot be imported is a [`FileStatus::Failed`] outcome.
pub fn import_paths(
    store: &mut Store,
    inputs: &[PathBuf],
    options: &ImportOptions,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Vec<FileOutcome>> {
    let files = collect_files(inputs);
    let known = store.document_hashes()?;
    // Largest files first, so one big file does not finish alone at the end while the
    // other threads idle (longest-processing-time scheduling; size stands for pages).
    let mut order: Vec<(usize, PathBuf)> = files.iter().cloned().enumerate().collect();
    order.sort_by_key(|(_, p)| std::cmp::Reverse(std::fs::metadata(p).map_or(0, |m| m.len())));
    let queue: Mutex<VecDeque<(usize, PathBuf)>> = Mutex::new(order.into());
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    }
    .min(files.len().max(1));
    let mut outcomes: Vec<Option<FileOutcome>> = vec![None; files.len()];
    let mut state = Progress {
        files_total: files.len(),
        ..Progress::default()
    };
    let mut seen_this_run: HashSet<String> = HashSet::new();
    let (tx, rx) = mpsc::channel::<PoolMessage>();
    let result: Result<()> = std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (queue, known) = (&queue, &known);
            scope.spawn(move || pool_thread(queue, known, options, cancel, &tx));
        }
        drop(tx);
        for message in rx {
            match message {
                PoolMessage::Started(path) => state.current = Some(path),
                PoolMessage::Finished(index, prepared) => {
                    let outcome =
                        record(store, &files[index], prepared, options, &mut seen_this_run)?;
                    state.files_done += 1;
                    state.pages_done += u64::from(outcome.pages.unwrap_or(0));
                    outcomes[index] = Some(outcome);
                }
            }
            progress(&state);
        }
        Ok(())
    });
    if result.is_err() {
        cancel.store(true, Ordering::Relaxed);
    }
    result?;
    Ok(outcomes
        .into_iter()
        .zip(&files)
        .map(|(o, path)| {
            o.unwrap_or_else(|| FileOutcome::failed(path, "cancelled", "import cancelled".into()))
        })
        .collect())
}

fn pool_thread(
    queue: &Mutex<VecDeque<(usize, PathBuf)>>,
    known: &HashSet<String>,
    options: &ImportOptions,
    cancel: &AtomicBool,
    tx: &mpsc::Sender<PoolMessage>,
) {
    loop {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let Some((index, path)) = queue.lock().ok().and_then(|mut q| q.pop_front()) else {
            return;
        };
        let _ = tx.send(PoolMessage::Started(path.clone()));
        let prepared = prepare(&path, known, options, cancel);
        if tx.send(PoolMessage::Finished(index, prepared)).is_err() {
            return;
        }
    }
}

/// Hash, skip known bytes, extract, copy into the library. Runs on a pool thread;
/// never touches the store.
fn prepare(
    path: &Path,
    known: &HashSet<String>,
    options: &ImportOptions,
    cancel: &AtomicBool,
) -> Prepared {
    let size = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(_) => return Prepared::Failed("unreadable", "not a regular file".into()),
        Err(e) => return Prepared::Failed("unreadable", format!("cannot read the file: {e}")),
    };
    let sha256 = match sha256_file(path) {
        Ok(sha) => sha,
        Err(e) => return Prepared::Failed("unreadable", e.to_string()),
    };
    if known.contains(&sha256) {
        return Prepared::Duplicate(sha256);
    }
    let extraction = match extract_file_cancellable(&options.worker, path, &options.limits, cancel)
    {
        Ok(extraction) => extraction,
        Err(e) => return Prepared::Failed(e.code(), e.to_string()),
    };
    // The copy (and its fsync) happens here, in parallel, before the calling thread
    // writes the rows that refer to it. The same bytes stored twice keep one file.
    if let Err(e) = options.library.store(path, &sha256) {
        return Prepared::Failed("storage", e.to_string());
    }
    Prepared::Extracted {
        sha256,
        size,
        extraction,
    }
}

/// Turn a prepared file into a recorded document (or a duplicate / failure outcome).
fn record(
    store: &mut Store,
    path: &Path,
    prepared: Prepared,
    options: &ImportOptions,
    seen_this_run: &mut HashSet<String>,
) -> Result<FileOutcome> {
    let (sha256, size, extraction) = match prepared {
        Prepared::Failed(reason, error) => return Ok(FileOutcome::failed(path, reason, error)),
        Prepared::Duplicate(sha256) => return duplicate(store, path, &sha256),
        Prepared::Extracted {
            sha256,
            size,
            extraction,
        } => (sha256, size, extraction),
    };
    if !seen_this_run.insert(sha256.clone()) {
        return duplicate(store, path, &sha256);
    }
    let first_pages: Vec<&str> = extraction
        .pages
        .iter()
        .take(2)
        .map(|p| p.text.as_str())
        .collect();
    let detected = detect_metadata(&first_pages);
    let mut warnings = extraction.warnings.clone();
    if let OcrState::Unavailable(why) = &extraction.ocr {
        warnings.push(format!(
            "{} pages need OCR, which is unavailable: {why}",
            extraction.pages_needing_ocr()
        ));
    }
    if extraction.pages_failed() > 0 {
        warnings.push(format!(
            "{} pages could not be read",
            extraction.pages_failed()
        ));
    }
    // A detected docket number that names one of the case's proceedings links the
    // document to it; the user can change the link later.
    let proceeding_id = match (options.case, detected["docket_number"].as_str()) {
        (Some(case), Some(docket)) => store.find_proceeding(case, docket).ok().map(|p| p.id),
        _ => None,
    };
    let new = NewDocument {
        sha256,
        title: title_of(path),
        original_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        size_bytes: size,
        case_id: options.case,
        proceeding_id,
        detected: detected.clone(),
        ocr: extraction.ocr.clone(),
        warnings: warnings.clone(),
        pages: extraction.pages,
    };
    let document = match store.add_document(&new) {
        Ok(document) => document,
        // Another process imported the same bytes meanwhile.
        Err(crate::Error::Invalid(_)) => return duplicate(store, path, &new.sha256),
        Err(e) => return Err(e),
    };
    Ok(FileOutcome {
        document_id: Some(document.id),
        proceeding_id: document.proceeding_id,
        pages: Some(document.page_count),
        pages_needing_ocr: Some(document.pages_needing_ocr),
        warnings,
        detected,
        ..FileOutcome::new(path, FileStatus::Imported)
    })
}

fn duplicate(store: &Store, path: &Path, sha256: &str) -> Result<FileOutcome> {
    let existing = store.document_by_sha256(sha256)?;
    Ok(FileOutcome {
        document_id: existing.as_ref().map(|d| d.id),
        proceeding_id: existing.as_ref().and_then(|d| d.proceeding_id),
        pages: existing.as_ref().map(|d| d.page_count),
        pages_needing_ocr: existing.as_ref().map(|d| d.pages_needing_ocr),
        detected: existing.map(|d| d.detected).unwrap_or_default(),
        ..FileOutcome::new(path, FileStatus::Duplicate)
    })
}

/// A readable title from the file name ("gov.uscourts.nysd.1_18-cv-08653.pdf" stays
/// recognisable; underscores become spaces).
fn title_of(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().replace('_', " "))
        .unwrap_or_default();
    let title = stem.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        "Untitled document".into()
    } else {
        title
    }
}
