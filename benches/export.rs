//! Exports of a 10,000-event case, timed as users run them: the `casetrail`
//! process (`casetrail export json|csv|ics|html CASE -o FILE`: open the
//! database, gather, render, write), median of 5 runs each; goals 300 ms for
//! JSON, CSV and ICS, 1 s for the report. Then the demo case's report opened
//! in headless Chromium (`--dump-dom`, start to the DOM printed), median of 5,
//! goal 1 s, when Chromium is installed.
//!
//! `cargo bench -p casetrail --bench export`. A custom harness: the figure is
//! a process's wall time, which criterion does not measure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use casetrail_deadline::DeriveDeadline;
use casetrail_fixtures::library as corpus;
use casetrail_model::{EventKind, NewEvent, NewProceeding, Outcome};
use casetrail_store::Store;
use corpus::Rng;

const EVENTS: usize = 10_000;
const RUNS: usize = 5;

/// One case, three courts, 10,000 events of every kind the report draws
/// (rulings with outcomes, hearings with a time, arguments, briefs,
/// motions), a deadline derived from every 30th ruling.
fn build(db: &Path) -> usize {
    let mut store = Store::open(db).expect("open the benchmark database");
    let (case, nysd) = corpus::add_cases(&mut store, 1, "bench", "Benchmark v. Export")[0];
    let mut proceedings = vec![nysd];
    for (court, docket) in [("ca2", "14-2985"), ("scotus", "17-2")] {
        let p = NewProceeding::new(court, docket);
        proceedings.push(store.add_proceeding(case, &p).expect("proceeding").id);
    }
    let mut rng = Rng(0x00e5_9047);
    let mut rulings = Vec::new();
    store
        .write(|w| {
            for i in 0..EVENTS {
                let date = format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28);
                let (kind, title) = match rng.below(10) {
                    0 | 1 => (EventKind::Ruling, format!("Order on motion No. {i}")),
                    2 => (
                        EventKind::Hearing,
                        format!("Hearing at 10:30 a.m. (No. {i})"),
                    ),
                    3 => (EventKind::Argument, format!("Oral argument, panel {i}")),
                    4 | 5 => (EventKind::Brief, format!("Brief of appellee, No. {i}")),
                    _ => (EventKind::Motion, format!("Motion to compel, No. {i}")),
                };
                let mut e = NewEvent::new(proceedings[i % 3], date.parse()?, kind, title);
                e.entry = Some((i + 1).to_string());
                e.description = "Filed by counsel for the respondent; see the attached \
                                 declaration, exhibits A–F and the proposed order."
                    .into();
                e.source = format!("https://ecf.nysd.uscourts.gov/doc1/{i}");
                if kind == EventKind::Ruling {
                    e.outcome = Some([Outcome::Granted, Outcome::Denied][i % 2]);
                }
                let created = w.add_event(&e)?;
                if kind == EventKind::Ruling && i % 3 == 0 {
                    rulings.push(created.id);
                }
            }
            for event in rulings.iter().step_by(10) {
                w.derive_deadline(&DeriveDeadline::new(*event, "FRAP 4(a)(1)(A)"))?;
            }
            Ok(())
        })
        .expect("events and deadlines");
    store.deadlines(Some(case)).expect("deadlines").len()
}

fn casetrail(db: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_casetrail"))
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

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1e3)
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

fn main() {
    // `cargo bench` passes `--bench`; this harness takes no options.
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let deadlines = build(&db);
    println!("export: one case, 3 courts, {EVENTS} events, {deadlines} deadlines; the CLI process, median of {RUNS}");
    for (format, goal_ms) in [("json", 300), ("csv", 300), ("ics", 300), ("html", 1000)] {
        let file = dir.path().join(format!("bench.{format}"));
        let runs: Vec<Duration> = (0..RUNS)
            .map(|_| {
                casetrail(
                    &db,
                    &["export", format, "bench-0", "-o", file.to_str().unwrap()],
                )
            })
            .collect();
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let m = median(runs.clone());
        println!(
            "  {format:<5} {:>7}  (runs {})  {:>6} KiB  goal < {goal_ms} ms: {}",
            ms(m),
            runs.iter().map(|d| ms(*d)).collect::<Vec<_>>().join(", "),
            size / 1024,
            if m.as_millis() < goal_ms {
                "met"
            } else {
                "NOT met"
            }
        );
    }
    let Some(chromium) = chromium() else {
        println!("note: Chromium is not installed (Debian: apt install chromium); the report's opening time was not measured");
        return;
    };
    let demo = dir.path().join("demo.db");
    casetrail(&demo, &["demo"]);
    let report = dir.path().join("demo.html");
    casetrail(
        &demo,
        &[
            "export",
            "html",
            "microsoft-ireland",
            "-o",
            report.to_str().unwrap(),
        ],
    );
    let profile = dir.path().join("chromium-profile");
    let open = || {
        let start = Instant::now();
        let out = Command::new(&chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("file://{}", report.display()))
            .output()
            .expect("run chromium");
        let took = start.elapsed();
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && dom.contains("Microsoft"),
            "chromium did not open the report: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        took
    };
    let first = open(); // this start creates the profile
    let runs: Vec<Duration> = (0..RUNS).map(|_| open()).collect();
    let m = median(runs.clone());
    println!(
        "  report of the demo case in headless Chromium (--dump-dom): {}  (runs {}; first, new profile: {})  goal < 1000 ms: {}",
        ms(m),
        runs.iter().map(|d| ms(*d)).collect::<Vec<_>>().join(", "),
        ms(first),
        if m.as_millis() < 1000 { "met" } else { "NOT met" }
    );
}
