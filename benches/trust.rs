//! SIGKILL during a bulk import, 100 times: `cargo bench -p casetrail --bench
//! trust` (or `cargo xtask bench trust`). The corpus (`../shared/corpus/pdf`,
//! else twelve PDFs written here) is imported by the real `casetrail import
//! --no-ocr` as a child process, killed at 100 moments spread over one import's
//! time; after each kill the store is checked (integrity, every document's file
//! and pages, no stray file), the library is swept as the next import sweeps it
//! (timed), and a second import must finish the job. Prints `FIGURE` lines.

#[path = "../tests/crash.rs"]
#[allow(dead_code)]
mod crash;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use casetrail_store::Library;

const TRIALS: usize = 100;

fn import(bin: &Path, db: &Path, inputs: &Path) -> Duration {
    let start = Instant::now();
    let out = Command::new(bin)
        .arg("--db")
        .arg(db)
        .args(["--json", "import", "--no-ocr"])
        .arg(inputs)
        .env_remove("CASETRAIL_DB")
        .output()
        .expect("run casetrail import");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

fn generated(dir: &Path) -> PathBuf {
    let inputs = dir.join("generated");
    crash::write_filings(&inputs);
    inputs
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_casetrail"));
    let scratch = tempfile::tempdir().unwrap();
    let inputs =
        casetrail_fixtures::shared::path("corpus/pdf").unwrap_or_else(|| generated(scratch.path()));
    let hashes = crash::input_hashes(&inputs);
    let full_db = scratch.path().join("full/casetrail.db");
    let full = import(&bin, &full_db, &inputs);
    // What an uncut import takes (the corpus's empty and password-locked files fail).
    let expected = crash::documents(&full_db);
    let (mut consistent, mut cut_short) = (0, 0);
    let mut sweeps = Vec::new();
    let mut swept_files = 0;
    for trial in 0..TRIALS {
        let db = scratch.path().join(format!("trial-{trial}/casetrail.db"));
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        // Spread over one import's time, and a little past it.
        let at = full.mul_f64((trial as f64 + 0.5) / TRIALS as f64 * 1.1);
        let finished = crash::import_killed_after(&bin, &db, &inputs, at);
        cut_short += usize::from(!finished && db.exists());
        let mut problems = crash::check_store(&db, &hashes);
        if db.exists() {
            let known = casetrail_store::Store::open(&db)
                .and_then(|s| s.document_hashes())
                .unwrap_or_default();
            let start = Instant::now();
            let swept = Library::beside_database(&db).sweep(&known, Duration::from_secs(3600));
            sweeps.push(start.elapsed());
            swept_files += swept.temp_files + swept.orphans;
        }
        import(&bin, &db, &inputs);
        problems.extend(crash::check_finished(&db, &expected));
        if problems.is_empty() {
            consistent += 1;
        } else {
            println!("trust: trial {trial} (killed at {at:?}): {problems:?}");
        }
        let _ = std::fs::remove_dir_all(db.parent().unwrap());
    }
    sweeps.sort();
    let p50 = sweeps.get(sweeps.len() / 2).copied().unwrap_or_default();
    let max = sweeps.last().copied().unwrap_or_default();
    println!(
        "FIGURE trust-sigkill: {TRIALS} SIGKILL trials during `casetrail import --no-ocr` of {} files \
         ({} imported uncut, in {:.2} s; {cut_short} kills landed mid-import): {consistent} left the \
         store consistent and the next import finished the job (goal: all)",
        hashes.len(),
        expected.len(),
        full.as_secs_f64()
    );
    println!(
        "FIGURE trust-sweep: the next start's sweep of what a kill left took p50 {:.2} ms, max {:.2} ms \
         ({swept_files} files collected over all trials)",
        p50.as_secs_f64() * 1000.0,
        max.as_secs_f64() * 1000.0
    );
}
