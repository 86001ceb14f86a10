//! Importing court PDFs: files and folders, on a pool of threads sized to the cores.
//!
//! Each pool thread hashes a file (SHA-256), skips bytes already in the database,
//! extracts the rest in an isolated worker process (`casetrail_extract`) and copies
//! it into the content-addressed [`Library`]. A thread with no file left to start
//! takes over the tail of a long file's pages in a worker of its own ([`Job::steal`]),
//! so one long file does not leave a core idle at the end; the file's rows are still
//! written once, after all its ranges are done. The calling thread owns the [`Store`]:
//! it reads each document's metadata and writes the document and its pages in one
//! transaction. Progress goes to a callback after every file; a
//! cancel flag stops the pool (running extractions are killed).

pub mod bundle;
pub mod demo;
pub mod docket;
mod event;
pub mod export;
mod metadata;
mod record;
pub mod redactions;
pub mod redetect;

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use serde::Serialize;

pub use event::ImportEvent;
pub use metadata::detect_metadata;

use casetrail_extract::{Extraction, Job, Limits, OcrState, RangeId};
use casetrail_model::{CaseId, DocumentId, NewDocument, ProceedingId};
use casetrail_store::{sha256_file, Library, Store};
use casetrail_store::{Error, Result};

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

impl ImportOptions {
    /// The usual set-up for the database at `db`: documents stored in the
    /// library beside it, default limits, one thread per core, no case; `worker`
    /// is the executable that runs the extraction worker (the CLI or the app itself).
    pub fn beside_database(db: &Path, worker: PathBuf) -> ImportOptions {
        ImportOptions {
            worker,
            library: Library::beside_database(db),
            limits: Limits::default(),
            case: None,
            threads: 0,
        }
    }
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum FileStatus {
    /// Newly recorded.
    Imported,
    /// The same bytes were imported before (or earlier in this run).
    Duplicate,
    /// Not imported; `error` says why.
    Failed,
}

/// The per-file result, as the CLI prints it (`casetrail import --json`) and the app
/// shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FileOutcome {
    pub path: String,
    pub status: FileStatus,
    pub document_id: Option<DocumentId>,
    /// The case the document belongs to (the import's case, or an earlier link for a
    /// duplicate).
    pub case_id: Option<CaseId>,
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
    #[cfg_attr(feature = "ts", ts(as = "Option<casetrail_model::DetectedShape>"))]
    pub detected: serde_json::Value,
}

impl FileOutcome {
    fn new(path: &Path, status: FileStatus) -> Self {
        FileOutcome {
            path: path.display().to_string(),
            status,
            document_id: None,
            case_id: None,
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
    /// The outcome of the file whose completion this report announces (`None` when
    /// the report is about a file starting).
    pub finished: Option<FileOutcome>,
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

/// A stored file no row names is collected once it is this old.
const ORPHAN_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// What a pool thread hands back for one file.
enum Prepared {
    Failed(&'static str, String),
    Duplicate(String),
    Extracted {
        sha256: String,
        size: u64,
        extraction: Extraction,
        /// Every page's citations, found here on the pool thread.
        citations: Vec<casetrail_detect::Cite>,
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
    // What an import killed part way left: its temporary files, and (once no
    // import still running could be about to record them) stored files no row names.
    options.library.sweep(&known, ORPHAN_AGE);
    // Largest files first, so one big file does not finish alone at the end while the
    // other threads idle (longest-processing-time scheduling; size stands for pages).
    let mut order: Vec<(usize, PathBuf)> = files.iter().cloned().enumerate().collect();
    order.sort_by_key(|(_, p)| std::cmp::Reverse(std::fs::metadata(p).map_or(0, |m| m.len())));
    let pool = Pool {
        queue: Mutex::new(order.into()),
        busy: AtomicUsize::new(0),
        active: Mutex::new(Vec::new()),
        known: &known,
        options,
        cancel,
    };
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    }
    // Not capped by the file count: a second thread shares a long file's pages.
    .max(1);
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
            let pool = &pool;
            scope.spawn(move || pool_thread(pool, &tx));
        }
        drop(tx);
        for message in rx {
            match message {
                PoolMessage::Started(path) => {
                    state.current = Some(path);
                    state.finished = None;
                }
                PoolMessage::Finished(index, prepared) => {
                    let outcome =
                        record(store, &files[index], prepared, options, &mut seen_this_run)?;
                    state.files_done += 1;
                    state.pages_done += u64::from(outcome.pages.unwrap_or(0));
                    state.finished = Some(outcome.clone());
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

/// What the pool threads share.
struct Pool<'a> {
    queue: Mutex<VecDeque<(usize, PathBuf)>>,
    /// Files taken from the queue and not finished yet.
    busy: AtomicUsize,
    /// Files being extracted, whose page ranges idle threads can share.
    active: Mutex<Vec<Arc<Active>>>,
    known: &'a HashSet<String>,
    options: &'a ImportOptions,
    cancel: &'a AtomicBool,
}

/// A file under extraction.
struct Active {
    index: usize,
    sha256: String,
    size: u64,
    job: Job,
}

/// How long an idle thread waits before looking again for pages to share.
const IDLE_POLL: Duration = Duration::from_millis(10);

fn pool_thread(pool: &Pool<'_>, tx: &mpsc::Sender<PoolMessage>) {
    loop {
        if pool.cancel.load(Ordering::Relaxed) {
            return;
        }
        let next = pool.queue.lock().ok().and_then(|mut q| {
            let next = q.pop_front();
            if next.is_some() {
                pool.busy.fetch_add(1, Ordering::SeqCst);
            }
            next
        });
        if let Some((index, path)) = next {
            let _ = tx.send(PoolMessage::Started(path.clone()));
            match start(&path, pool.known) {
                Err(prepared) => finished(pool, tx, index, prepared),
                Ok((sha256, size)) => {
                    let file = Arc::new(Active {
                        index,
                        sha256,
                        size,
                        job: Job::new(&path),
                    });
                    if let Ok(mut active) = pool.active.lock() {
                        active.push(Arc::clone(&file));
                    }
                    while let Some(range) = file.job.claim() {
                        run_range(pool, tx, &file, range);
                    }
                }
            }
            continue;
        }
        // Nothing left to start: share the pages of a long file under way.
        let stolen = pool.active.lock().ok().and_then(|active| {
            active
                .iter()
                .find_map(|f| f.job.steal().map(|range| (Arc::clone(f), range)))
        });
        match stolen {
            Some((file, range)) => run_range(pool, tx, &file, range),
            None if pool.busy.load(Ordering::SeqCst) == 0 => return,
            None => std::thread::sleep(IDLE_POLL),
        }
    }
}

/// Run one page range of `file`; the thread that completes the file finishes it.
fn run_range(pool: &Pool<'_>, tx: &mpsc::Sender<PoolMessage>, file: &Arc<Active>, range: RangeId) {
    let options = pool.options;
    if !file
        .job
        .run(range, &options.worker, &options.limits, pool.cancel)
    {
        return;
    }
    if let Ok(mut active) = pool.active.lock() {
        active.retain(|f| !Arc::ptr_eq(f, file));
    }
    let prepared = match file.job.finish() {
        Err(e) => Prepared::Failed(e.code(), e.to_string()),
        // The copy (and its fsync) happens here, in parallel, before the calling
        // thread writes the rows that refer to it. The same bytes stored twice keep
        // one file.
        Ok(extraction) => match options.library.store(file.job.path(), &file.sha256) {
            Err(e) => Prepared::Failed("storage", e.to_string()),
            Ok(_) => Prepared::Extracted {
                sha256: file.sha256.clone(),
                size: file.size,
                citations: metadata::cite_pages(&extraction),
                extraction,
            },
        },
    };
    finished(pool, tx, file.index, prepared);
}

fn finished(pool: &Pool<'_>, tx: &mpsc::Sender<PoolMessage>, index: usize, prepared: Prepared) {
    let _ = tx.send(PoolMessage::Finished(index, prepared));
    pool.busy.fetch_sub(1, Ordering::SeqCst);
}

/// Hash and skip known bytes: `Ok((sha256, size))` when the file is to be extracted.
/// Runs on a pool thread; never touches the store.
// The error is a `Prepared` (once per file, moved to the calling thread): its size does not matter.
#[allow(clippy::result_large_err)]
fn start(path: &Path, known: &HashSet<String>) -> Result<(String, u64), Prepared> {
    let size = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(_) => return Err(Prepared::Failed("unreadable", "not a regular file".into())),
        Err(e) => {
            return Err(Prepared::Failed(
                "unreadable",
                format!("cannot read the file: {e}"),
            ))
        }
    };
    let sha256 = match sha256_file(path) {
        Ok(sha) => sha,
        Err(e) => return Err(Prepared::Failed("unreadable", e.to_string())),
    };
    if known.contains(&sha256) {
        return Err(Prepared::Duplicate(sha256));
    }
    if let Err(e) = casetrail_extract::precheck(path) {
        return Err(Prepared::Failed(e.code(), e.to_string()));
    }
    Ok((sha256, size))
}

/// Turn a prepared file into a recorded document (or a duplicate / failure outcome).
fn record(
    store: &mut Store,
    path: &Path,
    prepared: Prepared,
    options: &ImportOptions,
    seen_this_run: &mut HashSet<String>,
) -> Result<FileOutcome> {
    let (sha256, size, extraction, citations) = match prepared {
        Prepared::Failed(reason, error) => return Ok(FileOutcome::failed(path, reason, error)),
        Prepared::Duplicate(sha256) => return duplicate(store, path, &sha256),
        Prepared::Extracted {
            sha256,
            size,
            extraction,
            citations,
        } => (sha256, size, extraction, citations),
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
    let redactions = record::bad_redactions(&extraction.pages);
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
        ocr: record::ocr_status(&extraction.ocr),
        warnings: warnings.clone(),
        pages: extraction.pages.into_iter().map(record::page).collect(),
    };
    let document = match store.write(|w| {
        let document = w.add_document(&new)?;
        w.add_bad_redactions(document.id, &redactions)?;
        w.replace_citations(document.id, &citations, casetrail_detect::VERSION)?;
        Ok(document)
    }) {
        Ok(document) => document,
        // Another process imported the same bytes meanwhile.
        Err(crate::Error::Invalid(_)) => return duplicate(store, path, &new.sha256),
        Err(e) => return Err(e),
    };
    Ok(FileOutcome {
        document_id: Some(document.id),
        case_id: document.case_id,
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
        case_id: existing.as_ref().and_then(|d| d.case_id),
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
