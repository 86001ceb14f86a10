//! Docket parsing against juriscraper, on the same files in the same run, and
//! the whole import through the CLI.
//!
//! `cargo bench -p casetrail --bench docket` (needs `../shared/corpus/dockets`,
//! or `CASETRAIL_SHARED`; juriscraper 4.0.1 is installed from PyPI into
//! `target/bench-venv` on first run, which needs `python3-venv`).
//! Prints:
//! - entries per second parsing every PACER docket report in the corpus
//!   (district, bankruptcy, appellate) with Casetrail and with juriscraper,
//!   and the ratio (goal: at least 30×);
//! - the whole import of the largest real docket (`casetrail import-docket`,
//!   a process: parse, merge, index) against juriscraper's parse of it alone
//!   (goal: at least 5× faster);
//! - re-importing an unchanged 1,000-entry docket (goal: under 100 ms, and
//!   nothing written).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const JURISCRAPER: &str = "juriscraper==4.0.1";

fn main() {
    let Some(root) = casetrail_fixtures::shared::path("corpus/dockets/juriscraper/pacer/dockets")
    else {
        eprintln!("note: ../shared/corpus/dockets not found; docket benchmark skipped");
        return;
    };
    let mut files = corpus(&root);
    // Both sides parse the same files: one Casetrail cannot read is named and left out.
    files.retain(|(p, _, _)| {
        let read = std::fs::read(p).map_err(|e| e.to_string());
        match read.and_then(|b| casetrail_docket::parse(&b).map_err(|e| e.to_string())) {
            Ok(_) => true,
            Err(e) => {
                println!("docket parse: left out {} (Casetrail: {e})", name(p));
                false
            }
        }
    });
    let casetrail_bin = PathBuf::from(env!("CARGO_BIN_EXE_casetrail"));
    let python = match venv() {
        Ok(p) => Some(p),
        Err(why) => {
            eprintln!("note: juriscraper unavailable ({why}); its figures are skipped");
            None
        }
    };

    // Casetrail: the parse the import runs on each file's bytes.
    let bytes: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .map(|(p, _, _)| (p.clone(), std::fs::read(p).expect("read docket")))
        .collect();
    let reps = 200;
    let mut entries = 0usize;
    let start = Instant::now();
    for _ in 0..reps {
        for (path, b) in &bytes {
            let parsed =
                casetrail_docket::parse(b).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            entries += parsed
                .dockets
                .iter()
                .map(|d| d.entries.len())
                .sum::<usize>();
        }
    }
    let ours = start.elapsed();
    let ours_rate = entries as f64 / ours.as_secs_f64();
    println!(
        "docket parse, Casetrail: {} files, {} entries each pass, {:.0} entries/s",
        files.len(),
        entries / reps,
        ours_rate
    );

    let largest = files
        .iter()
        .max_by_key(|(p, _, _)| std::fs::metadata(p).map_or(0, |m| m.len()))
        .expect("a docket")
        .0
        .clone();
    let import = whole_import(&casetrail_bin, &largest);
    println!(
        "whole import of {} (casetrail import-docket, median of 5): {:.1} ms",
        name(&largest),
        ms(import)
    );

    if let Some(python) = &python {
        let peer = juriscraper(python, &files, 3);
        let theirs_rate = peer.entries as f64 / peer.seconds;
        println!(
            "docket parse, juriscraper 4.0.1: {:.0} entries/s ({:.1} ms per docket)",
            theirs_rate,
            peer.seconds * 1000.0 / (files.len() * 3) as f64
        );
        println!(
            "docket parse ratio: {:.1}x juriscraper's entries/s (goal: at least 30x)",
            ours_rate / theirs_rate
        );
        if let Some(best) = peer.best.get(&largest.display().to_string()) {
            println!(
                "whole import vs juriscraper's parse alone of {}: {:.1} ms vs {:.1} ms, {:.1}x faster (goal: at least 5x)",
                name(&largest),
                ms(import),
                best * 1000.0,
                best / import.as_secs_f64()
            );
        }
    }

    let (took, wrote) = unchanged_reimport(&casetrail_bin, 1000);
    println!(
        "re-import of an unchanged 1,000-entry docket (median of 5): {:.1} ms (goal: under 100 ms); wrote nothing: {}",
        ms(took),
        if wrote { "no" } else { "yes" }
    );
}

/// The PACER docket reports juriscraper also reads, with the court from the file name.
fn corpus(root: &Path) -> Vec<(PathBuf, &'static str, String)> {
    let mut files = Vec::new();
    for kind in ["district", "bankruptcy", "appellate"] {
        let Ok(dir) = std::fs::read_dir(root.join(kind)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        paths.sort();
        for p in paths {
            // Pages juriscraper itself reads as no docket ({}) are not dockets.
            let expected = std::fs::read_to_string(p.with_extension("json")).unwrap_or_default();
            if expected.trim() == "{}" {
                continue;
            }
            let court = name(&p)
                .split(['_', '.'])
                .next()
                .unwrap_or_default()
                .to_owned();
            files.push((p, kind, court));
        }
    }
    files
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn casetrail(bin: &Path, db: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out = Command::new(bin)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CASETRAIL_DB")
        .output()
        .expect("run casetrail");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "casetrail {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

/// `casetrail import-docket FILE` into a database that exists (as a user's does).
fn whole_import(bin: &Path, file: &Path) -> Duration {
    let mut runs = Vec::new();
    for _ in 0..5 {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("bench.db");
        casetrail(bin, &db, &["cases"]);
        runs.push(casetrail(
            bin,
            &db,
            &["import-docket", file.to_str().unwrap()],
        ));
    }
    median(runs)
}

/// A docket of `n` entries in juriscraper's normalised JSON, imported once,
/// then imported again unchanged: how long, and whether the database changed.
fn unchanged_reimport(bin: &Path, n: usize) -> (Duration, bool) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("big.json");
    let entries: Vec<serde_json::Value> = (1..=n)
        .map(|i| {
            let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                + chrono::Duration::days(i as i64);
            serde_json::json!({
                "document_number": i.to_string(),
                "date_filed": day.to_string(),
                "description": format!("ORDER granting {i} Motion for Extension of Time. Signed by Judge Roe on {day}. (Entered: {day})"),
            })
        })
        .collect();
    let docket = serde_json::json!({
        "court_id": "nysd", "docket_number": "1:20-cv-01000", "case_name": "Big v. Docket",
        "parties": [{"name": "Big", "type": "Plaintiff", "attorneys": []}],
        "docket_entries": entries,
    });
    std::fs::write(&file, docket.to_string()).expect("write docket");
    let db = dir.path().join("bench.db");
    casetrail(bin, &db, &["import-docket", file.to_str().unwrap()]);
    let state = || {
        ["bench.db", "bench.db-wal"].map(|f| {
            std::fs::metadata(dir.path().join(f))
                .ok()
                .map(|m| (m.len(), m.modified().ok()))
        })
    };
    let before = state();
    let mut runs = Vec::new();
    for _ in 0..5 {
        runs.push(casetrail(
            bin,
            &db,
            &["import-docket", file.to_str().unwrap()],
        ));
    }
    (median(runs), state() != before)
}

/// A virtual environment with juriscraper, made on first use.
fn venv() -> Result<PathBuf, String> {
    casetrail_fixtures::peer::python_with("juriscraper", &[JURISCRAPER])
}

struct Peer {
    seconds: f64,
    entries: usize,
    best: std::collections::HashMap<String, f64>,
}

fn juriscraper(python: &Path, files: &[(PathBuf, &str, String)], reps: usize) -> Peer {
    let list: Vec<serde_json::Value> = files
        .iter()
        .map(|(p, k, c)| serde_json::json!([p.display().to_string(), k, c]))
        .collect();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/docket/juriscraper_parse.py");
    let out = Command::new(python)
        .arg(script)
        .arg(serde_json::Value::Array(list).to_string())
        .arg(reps.to_string())
        .output()
        .expect("run juriscraper");
    assert!(
        out.status.success(),
        "juriscraper: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("juriscraper JSON");
    Peer {
        seconds: v["seconds"].as_f64().unwrap_or(f64::NAN),
        entries: v["entries"].as_u64().unwrap_or(0) as usize,
        best: v["best"]
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), v.as_f64().unwrap_or(f64::NAN)))
                    .collect()
            })
            .unwrap_or_default(),
    }
}
