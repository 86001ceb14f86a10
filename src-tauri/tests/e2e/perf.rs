//! Benchmarks of the real app, not tests: they print `FIGURE` lines and
//! assert only that the app worked, never how fast it was. `cargo xtask bench`
//! runs them (filter `perf::`); `cargo xtask test` skips them.
//!
//! The database: the demo case, 10,000 documents (3 pages of text each) over
//! 50 cases, one case of 10,000 docket events in three courts and one of 10
//! (the floor of the timeline's first paint). It is built once into
//! `target/bench-app-v3.db` (a minute or two) and copied for each run.

use std::path::{Path, PathBuf};
use std::time::Duration;

use casetrail_model::{EventKind, NewCase, NewEvent, NewProceeding, Outcome, Side};
use casetrail_store::Store;

use crate::harness::App;

mod floor;

// The generator the core's benchmarks use (rows in a fixed order from a seed).
use casetrail_fixtures::library as corpus;
use corpus::Rng;

const DOCUMENTS: usize = 10_000;
const DOCUMENT_CASES: usize = 50;
const PAGES: u32 = 3;
const EVENTS: usize = 10_000;
const STRESS_CASE: &str = "timeline-10k";
/// The small case the 10,000-event timeline's first paint is compared with.
const SMALL_EVENTS: usize = 10;

const WORDS: &[&str] = &[
    "court",
    "warrant",
    "motion",
    "order",
    "appeal",
    "brief",
    "amicus",
    "judgment",
    "stay",
    "petition",
    "district",
    "circuit",
    "plaintiff",
    "defendant",
    "provider",
    "email",
    "stored",
    "communications",
    "privacy",
    "jurisdiction",
    "treaty",
    "government",
    "subpoena",
    "content",
    "account",
    "server",
    "foreign",
    "statute",
    "section",
    "congress",
    "record",
    "evidence",
];

fn words(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn proceeding(
    store: &mut Store,
    case: casetrail_model::CaseId,
    court: &str,
    docket: &str,
) -> casetrail_model::ProceedingId {
    store
        .add_proceeding(case, &NewProceeding::new(court, docket))
        .expect("add proceeding")
        .id
}

/// Build the benchmark database at `path`.
fn build(path: &Path) {
    let mut store = Store::open(path).expect("open bench database");
    casetrail_import::demo::load(&mut store).expect("demo case");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    // 10,000 documents over 50 cases.
    let cases = corpus::add_cases(&mut store, DOCUMENT_CASES, "bench", "Bench case");
    corpus::add_documents(&mut store, &cases, DOCUMENTS, PAGES, false, || {
        words(&mut rng, 250)
    });

    timeline_case(
        &mut store,
        &mut rng,
        STRESS_CASE,
        "Timeline of 10,000 events",
        EVENTS,
    );
    timeline_case(
        &mut store,
        &mut rng,
        "timeline-ten",
        "Timeline of ten events",
        SMALL_EVENTS,
    );
}

/// A case of `events` events in three courts, 2010–2025, kinds mixed as in a
/// busy docket: filings, rulings with outcomes, amicus waves, hearings.
fn timeline_case(store: &mut Store, rng: &mut Rng, slug: &str, name: &str, events: usize) {
    let case = store
        .add_case(&NewCase {
            slug: slug.into(),
            name: name.into(),
            summary: String::new(),
        })
        .expect("add case");
    let lanes = [
        proceeding(store, case.id, "nysd", "1:10-cv-00001"),
        proceeding(store, case.id, "ca2", "10-0001"),
        proceeding(store, case.id, "scotus", "10-1"),
    ];
    store
        .write(|w| {
            for i in 0..events {
                let date = format!(
                    "{}-{:02}-{:02}",
                    2010 + rng.below(16),
                    1 + rng.below(12),
                    1 + rng.below(28)
                );
                let (kind, outcome, side) = match rng.below(20) {
                    0..=9 => (EventKind::Filing, None, None),
                    10..=12 => (EventKind::Motion, None, None),
                    13..=14 => (EventKind::Ruling, Some(Outcome::Denied), None),
                    15..=17 => (EventKind::AmicusBrief, None, Some(Side::Petitioner)),
                    18 => (EventKind::Hearing, None, None),
                    _ => (EventKind::Letter, None, None),
                };
                let mut e = NewEvent::new(lanes[i % 3], date.parse()?, kind, words(rng, 6));
                e.outcome = outcome;
                e.side = side;
                if kind == EventKind::AmicusBrief {
                    e.filers = vec![format!("Amicus {}", rng.below(500))];
                }
                w.add_event(&e)?;
            }
            Ok(())
        })
        .expect("add events");
}

/// The benchmark database, built once and kept in target/.
fn bench_db() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-app-v3.db");
    if !path.exists() {
        eprintln!("building {} (once)…", path.display());
        let tmp = path.with_extension("building");
        let _ = std::fs::remove_file(&tmp);
        // The store is closed when build returns, which folds the WAL into the file.
        build(&tmp);
        std::fs::rename(&tmp, &path).expect("rename bench database");
    }
    path
}

#[tokio::test]
#[ignore = "a benchmark of the real app: run cargo xtask bench"]
async fn perf_start_up_and_timeline_with_10k_documents_and_10k_events() {
    let source = bench_db();
    let app = App::launch_with(|db| {
        std::fs::copy(&source, db).expect("copy bench database");
    })
    .await;

    // Start-up: the case list on screen.
    app.find("[data-testid=case-row]").await;
    let interactive = app
        .page_number("return document.documentElement.dataset.interactiveMs ?? null")
        .await
        .expect("the page marks itself interactive");
    let rows = app.count("[data-testid=case-row]").await;
    let from_process = app.interactive_after_process_start_ms().await;
    eprintln!(
        "FIGURE app-start-10k-documents: window interactive {:.0} ms after the app process \
         started, {interactive:.0} ms after navigation start ({rows} cases listed, \
         {DOCUMENTS} documents, {} pages); session ready {:.0} ms",
        from_process.unwrap_or(f64::NAN),
        DOCUMENTS as u32 * PAGES,
        app.session_ms
    );

    tokio::time::sleep(Duration::from_secs(3)).await;
    if let Some((rss, pss)) = app.memory_kib() {
        eprintln!(
            "FIGURE app-idle-memory-10k-documents: {:.0} MB PSS, {:.0} MB RSS summed (app + WebKit processes)",
            pss as f64 / 1024.0,
            rss as f64 / 1024.0
        );
    }

    // The 10-event case, then the 10,000-event one: the timeline's first paint.
    let small = first_paint(&app, "Timeline of ten events", SMALL_EVENTS).await;
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .unwrap();
    let paint = first_paint(&app, "Timeline of 10,000", EVENTS).await;
    let ms = |k: &str| paint[k].as_f64().unwrap_or(f64::NAN);
    eprintln!(
        "FIGURE app-timeline-10k-events: first paint {:.0} ms (model {:.0}, projection {:.0}, \
         draw {:.0}); fetching the case over IPC {:.0} ms",
        ms("totalMs"),
        ms("modelMs"),
        ms("projectMs"),
        ms("drawMs"),
        ms("fetchMs")
    );
    // What the user waits for after the click: the fetch, then the paint.
    let waited = |p: &serde_json::Value| {
        p["totalMs"].as_f64().unwrap_or(f64::NAN) + p["fetchMs"].as_f64().unwrap_or(f64::NAN)
    };
    eprintln!(
        "FIGURE app-timeline-10-events: first paint {:.0} ms; fetching the case over IPC {:.0} ms",
        small["totalMs"].as_f64().unwrap_or(f64::NAN),
        small["fetchMs"].as_f64().unwrap_or(f64::NAN)
    );
    println!(
        "RATIO timeline_first_paint_10k_vs_10_events {:.2} (goal <= 2)",
        waited(&paint) / waited(&small)
    );
    app.screenshot("perf-timeline-10k").await;
    app.quit().await;
}

/// Open the case whose name holds `name` from the case list and read its
/// timeline's first-paint timing (the page's JSON on <html data-timeline-paint>).
async fn first_paint(app: &App, name: &str, events: usize) -> serde_json::Value {
    app.driver
        .execute(
            "delete document.documentElement.dataset.timelinePaint",
            vec![],
        )
        .await
        .unwrap();
    let search = app.find("[data-testid=case-search]").await;
    search.clear().await.unwrap();
    search.send_keys(name).await.unwrap();
    app.wait_until("one case left", || async {
        app.count("[data-testid=case-row]").await == 1
    })
    .await;
    app.find("[data-testid=case-row]")
        .await
        .click()
        .await
        .unwrap();
    let script = "return document.documentElement.dataset.timelinePaint ?? null";
    app.wait_until("the timeline to paint", || async {
        app.driver
            .execute(script, vec![])
            .await
            .map(|r| r.json().is_string())
            .unwrap_or(false)
    })
    .await;
    let raw = app.driver.execute(script, vec![]).await.unwrap();
    let paint: serde_json::Value =
        serde_json::from_str(raw.json().as_str().unwrap()).expect("paint timing JSON");
    assert_eq!(paint["events"], events, "the timeline drew every event");
    paint
}
