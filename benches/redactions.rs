//! Bad redactions against Free Law Project's x-ray, on the same PDFs in the
//! same run, through the import.
//!
//! `cargo bench -p casetrail --bench redactions` (needs `../shared/corpus/pdf`,
//! or `CASETRAIL_SHARED`; x-ray 0.4.0 is installed from PyPI into
//! `target/bench-venv` on first run, which needs `python3-venv`).
//! Prints:
//! - pages per second of `casetrail import --no-ocr` over the corpus (the whole
//!   import: extraction, the redaction check, detection, the database), on all
//!   cores and on one (`taskset -c 0`), median of 3;
//! - pages per second of `casetrail redactions` over the corpus (the check alone,
//!   what x-ray does: every page read in the worker processes, no text kept,
//!   nothing written), on one core, median of 3, process start-up included;
//! - pages per second of `xray.inspect` over the same files (one process, one
//!   core, timed inside Python: start-up and imports not counted);
//! - the pages each flags, and where they differ;
//! - `RATIO redactions_speed_vs_xray <v> (goal >= 10)`: `casetrail redactions`
//!   against x-ray at equal parallelism (one core each) when `taskset` is there,
//!   else all cores against x-ray's one; and the import's own ratio beside it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const XRAY: &str = "x-ray==0.4.0";

/// x-ray over every file given, timed inside Python; one JSON object out.
const XRAY_RUN: &str = r#"
import asyncio, json, sys, time
import fitz, xray
files = json.loads(sys.argv[1])
pages, flagged, seconds, skipped = 0, [], 0.0, []
for path in files:
    try:
        n = len(fitz.open(path))
        start = time.perf_counter()
        found = xray.inspect(path)
        if asyncio.iscoroutine(found):  # 0.4.0's inspect is a coroutine
            found = asyncio.run(found)
        seconds += time.perf_counter() - start
    except Exception as e:
        skipped.append([path, repr(e)])
        continue
    pages += n
    for page, finds in found.items():
        flagged.append([path, int(page), len(finds)])
print(json.dumps({"pages": pages, "seconds": seconds, "flagged": flagged, "skipped": skipped}))
"#;

fn main() {
    let Some(dir) = casetrail_fixtures::shared::path("corpus/pdf") else {
        eprintln!("note: ../shared/corpus/pdf not found; redaction benchmark skipped");
        return;
    };
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_casetrail"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();

    let all = import(&bin, &dir, false);
    let one = has_taskset().then(|| import(&bin, &dir, true));
    let rate = |r: &Imported| r.pages as f64 / r.took.as_secs_f64();
    println!(
        "redactions, Casetrail import --no-ocr: {} files, {} pages, {:.0} pages/s on {} cores",
        files.len(),
        all.pages,
        rate(&all),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    if let Some(one) = &one {
        println!(
            "redactions, Casetrail import --no-ocr on one core: {:.0} pages/s",
            rate(one)
        );
    }
    println!(
        "redactions, Casetrail: {} bad redactions on {} pages",
        all.found,
        all.pages_flagged.len()
    );
    let checked = check(&bin, &dir, has_taskset());
    println!(
        "redactions, casetrail redactions (the check alone) on {}: {:.0} pages/s; {} bad redactions on {} pages",
        if has_taskset() { "one core" } else { "all cores" },
        rate(&checked),
        checked.found,
        checked.pages_flagged.len()
    );
    assert_eq!(
        checked.pages_flagged, all.pages_flagged,
        "the check and the import flag different pages"
    );

    let python = match venv() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("note: x-ray unavailable ({why}); its figures are skipped");
            return;
        }
    };
    let list: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let out = Command::new(&python)
        .args(["-c", XRAY_RUN])
        .arg(serde_json::to_string(&list).unwrap())
        .output()
        .expect("run x-ray");
    assert!(
        out.status.success(),
        "x-ray: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("x-ray JSON");
    let theirs_pages = v["pages"].as_u64().unwrap_or(0);
    let theirs_rate = theirs_pages as f64 / v["seconds"].as_f64().unwrap_or(f64::NAN);
    let mut theirs_found = 0;
    let theirs: BTreeSet<(String, u64)> = v["flagged"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            theirs_found += f[2].as_u64().unwrap_or(0);
            (
                base(f[0].as_str().unwrap_or("")),
                f[1].as_u64().unwrap_or(0),
            )
        })
        .collect();
    for s in v["skipped"].as_array().into_iter().flatten() {
        println!(
            "redactions, x-ray 0.4.0 could not read {}: {}",
            base(s[0].as_str().unwrap_or("")),
            s[1].as_str().unwrap_or("")
        );
    }
    println!(
        "redactions, x-ray 0.4.0: {theirs_pages} pages, {theirs_rate:.1} pages/s; {theirs_found} bad redactions on {} pages",
        theirs.len()
    );
    let missing: Vec<_> = theirs.difference(&all.pages_flagged).collect();
    let extra: Vec<_> = all.pages_flagged.difference(&theirs).collect();
    println!(
        "redactions, pages x-ray flags that Casetrail does not: {}",
        if missing.is_empty() {
            "none".to_string()
        } else {
            format!("{missing:?}")
        }
    );
    println!("redactions, pages Casetrail flags beyond x-ray 0.4.0 (cross-hatched boxes, words drawn over a black box in black): {extra:?}");
    let import = one.as_ref().map_or(rate(&all), rate);
    println!(
        "redactions, the whole import (text, search index, detection too) against x-ray: {:.1}x",
        import / theirs_rate
    );
    println!(
        "RATIO redactions_speed_vs_xray {:.1} (goal >= 10)",
        rate(&checked) / theirs_rate
    );
}

/// `casetrail --json redactions DIR`, median of 3 runs.
fn check(bin: &Path, dir: &Path, one_core: bool) -> Imported {
    let mut runs = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let mut cmd = casetrail(bin, one_core);
        let start = Instant::now();
        let out = cmd
            .args(["--json", "redactions"])
            .arg(dir)
            .output()
            .expect("run casetrail redactions");
        runs.push(start.elapsed());
        assert!(out.status.success(), "casetrail redactions failed");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let files = v["files"].as_array().cloned().unwrap_or_default();
        let pages = files.iter().filter_map(|f| f["pages"].as_u64()).sum();
        let mut found = 0;
        let mut flagged = BTreeSet::new();
        for f in &files {
            let name = base(f["path"].as_str().unwrap_or(""));
            for r in f["bad_redactions"].as_array().into_iter().flatten() {
                found += 1;
                flagged.insert((name.clone(), r["page"].as_u64().unwrap_or(0)));
            }
        }
        last = Some((pages, found, flagged));
    }
    runs.sort();
    let (pages, found, pages_flagged) = last.expect("three runs");
    Imported {
        took: runs[1],
        pages,
        found,
        pages_flagged,
    }
}

struct Imported {
    took: Duration,
    pages: u64,
    found: usize,
    pages_flagged: BTreeSet<(String, u64)>,
}

fn has_taskset() -> bool {
    Command::new("taskset")
        .args(["-c", "0", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

/// `casetrail import --no-ocr DIR` into a fresh database, median of 3 runs.
fn import(bin: &Path, dir: &Path, one_core: bool) -> Imported {
    let mut runs = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let tmp = tempfile::tempdir().expect("temp dir");
        let db = tmp.path().join("bench.db");
        let mut cmd = casetrail(bin, one_core);
        let start = Instant::now();
        let out = cmd
            .arg("--db")
            .arg(&db)
            .args(["--json", "import", "--no-ocr"])
            .arg(dir)
            .env_remove("CASETRAIL_DB")
            .output()
            .expect("run casetrail import");
        runs.push(start.elapsed());
        assert!(out.status.success(), "import failed");
        let files: serde_json::Value = serde_json::from_slice(&out.stdout).expect("import JSON");
        let pages = files["files"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["pages"].as_u64())
            .sum();
        let listed = Command::new(bin)
            .arg("--db")
            .arg(&db)
            .args(["--json", "documents", "--bad-redactions"])
            .output()
            .expect("list bad redactions");
        let docs = Command::new(bin)
            .arg("--db")
            .arg(&db)
            .args(["--json", "documents"])
            .output()
            .expect("list documents");
        let docs: serde_json::Value = serde_json::from_slice(&docs.stdout).expect("documents");
        let name = |id: i64| {
            docs["documents"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|d| d["id"].as_i64() == Some(id))
                .and_then(|d| d["original_name"].as_str())
                .unwrap_or("")
                .to_string()
        };
        let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("list");
        let found = listed["bad_redactions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        last = Some((pages, found.len(), {
            found
                .iter()
                .map(|r| {
                    (
                        name(r["document_id"].as_i64().unwrap_or(0)),
                        r["page"].as_u64().unwrap_or(0),
                    )
                })
                .collect()
        }));
    }
    runs.sort();
    let (pages, found, pages_flagged) = last.expect("three runs");
    Imported {
        took: runs[1],
        pages,
        found,
        pages_flagged,
    }
}

/// `bin` as a command, pinned to the first core when `one_core`.
fn casetrail(bin: &Path, one_core: bool) -> Command {
    if !one_core {
        return Command::new(bin);
    }
    let mut c = Command::new("taskset");
    c.args(["-c", "0"]).arg(bin);
    c
}

fn base(p: &str) -> String {
    p.rsplit('/').next().unwrap_or(p).to_string()
}

/// The bench's virtual environment with x-ray, made (or completed) on first use.
fn venv() -> Result<PathBuf, String> {
    casetrail_fixtures::peer::python_with("xray, fitz", &[XRAY])
}
