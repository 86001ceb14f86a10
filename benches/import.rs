//! Import throughput against `pdftotext`, on the same corpus files in the same run.
//!
//! `cargo bench --bench import` (needs `../shared/corpus/pdf`, or `CASETRAIL_SHARED`,
//! and poppler-utils' `pdftotext`). Both sides use a pool of one thread per core; OCR
//! is off (pdftotext does none). Each side runs five times, alternating; the median
//! is reported. A custom harness: criterion's repeated sampling would take minutes
//! per figure on this corpus.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use casetrail_extract::Limits;
use casetrail_import::{import_paths, FileStatus, ImportOptions};
use casetrail_store::Library;
use casetrail_store::Store;

fn shared_dir() -> Option<PathBuf> {
    casetrail_fixtures::shared::path("corpus/pdf").and_then(|_| casetrail_fixtures::shared::dir())
}

/// CPU time (user + system) of this process and of its waited-for children.
fn cpu_time() -> Duration {
    let mut total = Duration::ZERO;
    for who in [libc::RUSAGE_SELF, libc::RUSAGE_CHILDREN] {
        // SAFETY: getrusage writes into the struct we own.
        let usage = unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            libc::getrusage(who, &mut usage);
            usage
        };
        for tv in [usage.ru_utime, usage.ru_stime] {
            total += Duration::new(tv.tv_sec as u64, tv.tv_usec as u32 * 1000);
        }
    }
    total
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Run pdftotext on every file on `threads` threads; returns the wall time.
fn pdftotext_all(files: &[PathBuf], threads: usize) -> Duration {
    // Popped from the end: largest first.
    let queue = Mutex::new(files.to_vec());
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let Some(file) = queue.lock().unwrap().pop() else {
                    break;
                };
                let _ = Command::new("pdftotext")
                    .arg("-q")
                    .arg(&file)
                    .arg("-")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
            });
        }
    });
    start.elapsed()
}

/// Import every file into a fresh database; returns (wall time, pages imported).
fn import_all(files: &[PathBuf]) -> (Duration, u64) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).unwrap();
    let options = ImportOptions {
        worker: PathBuf::from(env!("CARGO_BIN_EXE_casetrail")),
        library: Library::beside_database(&db),
        limits: Limits {
            ocr: false,
            ..Limits::default()
        },
        case: None,
        threads: 0,
    };
    let start = Instant::now();
    let outcomes = import_paths(
        &mut store,
        files,
        &options,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let elapsed = start.elapsed();
    let pages = outcomes
        .iter()
        .filter(|o| o.status == FileStatus::Imported)
        .map(|o| u64::from(o.pages.unwrap_or(0)))
        .sum();
    (elapsed, pages)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: stay quick there.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let Some(shared) = shared_dir() else {
        eprintln!("note: ../shared/corpus/pdf not found; import benchmark skipped");
        return;
    };
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("note: pdftotext not installed; import benchmark skipped");
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/pdf"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    // Both sides take the files largest first (as the import pool does).
    files.sort_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()));
    let (mut ours, mut theirs, mut serial, mut pages) = (Vec::new(), Vec::new(), Vec::new(), 0);
    let (mut our_cpu, mut their_cpu) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let cpu = cpu_time();
        theirs.push(pdftotext_all(&files, cores()));
        their_cpu.push(cpu_time() - cpu);
        serial.push(pdftotext_all(&files, 1));
        let cpu = cpu_time();
        let (t, p) = import_all(&files);
        our_cpu.push(cpu_time() - cpu);
        ours.push(t);
        pages = p;
    }
    let (our_cpu, their_cpu) = (median(our_cpu), median(their_cpu));
    let (ours, theirs, serial) = (median(ours), median(theirs), median(serial));
    let rate = |d: Duration| pages as f64 / d.as_secs_f64();
    println!(
        "import: {} files, {pages} pages, {} threads",
        files.len(),
        cores()
    );
    println!(
        "  casetrail import (isolated extraction + SQLite + FTS): {:>7.2} s  {:>7.0} pages/s",
        ours.as_secs_f64(),
        rate(ours)
    );
    println!(
        "  pdftotext on the same pool (text only, to /dev/null):   {:>7.2} s  {:>7.0} pages/s",
        theirs.as_secs_f64(),
        rate(theirs)
    );
    println!(
        "  pdftotext, one file at a time:                           {:>7.2} s  {:>7.0} pages/s",
        serial.as_secs_f64(),
        rate(serial)
    );
    println!(
        "  CPU time (user + system, all processes): casetrail {:.2} s, pdftotext {:.2} s ({:.2}x)",
        our_cpu.as_secs_f64(),
        their_cpu.as_secs_f64(),
        our_cpu.as_secs_f64() / their_cpu.as_secs_f64()
    );
    println!(
        "  ratio casetrail / pdftotext on {} threads: {:.2}; / pdftotext one at a time: {:.2}",
        cores(),
        rate(ours) / rate(theirs),
        rate(ours) / rate(serial)
    );
    println!(
        "RATIO import_vs_pdftotext {:.2} (goal >= 0.95)",
        rate(ours) / rate(theirs)
    );
}
