//! What the search palette costs on a large database: `search_results` (the
//! palette's search: hits plus their case, court and date) against the bare
//! `search`, and listing saved searches with their new-hit counts (one run of
//! each saved search), on 10,000 documents (3 pages each) and 10,000 events.
//!
//! `cargo bench --bench saved_searches`. A custom harness printing p50 / p95.

use std::time::{Duration, Instant};

use casetrail_fixtures::library as corpus;
use casetrail_store::Store;
use corpus::Rng;

const DOCUMENTS: usize = 10_000;
const EVENTS: usize = 10_000;
const CASES: usize = 50;
const SAVED: usize = 20;
const TERMS: &[&str] = &[
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
    "subpoena",
    "treaty",
    "privacy",
    "jurisdiction",
    "dismiss",
    "granted",
    "denied",
    "affirmed",
    "reversed",
];

/// `n` words: one in ten a legal term, the rest filler from 2,000 made-up words.
fn text(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| {
            if rng.below(10) == 0 {
                TERMS[rng.below(TERMS.len())].to_owned()
            } else {
                format!("w{}", rng.below(2_000))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn build(store: &mut Store) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let cases = corpus::add_cases(store, CASES, "case", "Case number");
    let proceedings: Vec<_> = cases.iter().map(|c| c.1).collect();
    corpus::add_events(store, &proceedings, EVENTS, || {
        let title = text(&mut rng, 8);
        (title, text(&mut rng, 30))
    });
    corpus::add_documents(store, &cases, DOCUMENTS, 3, true, || text(&mut rng, 200));
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3
}

fn report(name: &str, mut v: Vec<Duration>) {
    v.sort();
    println!(
        "  {name:<34} {:>3} runs  p50 {:>7.2} ms  p95 {:>7.2} ms",
        v.len(),
        percentile(&v, 0.50),
        percentile(&v, 0.95)
    );
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-saved-v1.db");
    if !path.exists() {
        let tmp = path.with_extension("building");
        let _ = std::fs::remove_file(&tmp);
        let mut store = Store::open(&tmp).unwrap();
        let start = Instant::now();
        build(&mut store);
        println!(
            "saved_searches: built {DOCUMENTS} documents, {EVENTS} events in {:.1} s",
            start.elapsed().as_secs_f64()
        );
        drop(store);
        std::fs::rename(&tmp, &path).unwrap();
    }
    // Saved searches go into a copy, so every run starts from the same database.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("bench.db");
    std::fs::copy(&path, &copy).unwrap();
    let mut store = Store::open(&copy).unwrap();

    let queries: Vec<String> = TERMS
        .iter()
        .flat_map(|t| [t.to_string(), format!("{t} w1"), format!("{}*", &t[..3])])
        .collect();
    let (mut bare, mut described) = (Vec::new(), Vec::new());
    for q in &queries {
        let t = Instant::now();
        store.search(q, None, 30).unwrap();
        bare.push(t.elapsed());
        let t = Instant::now();
        store.search_results(q, None, 30).unwrap();
        described.push(t.elapsed());
    }
    report("search (30 hits)", bare);
    report("search_results (30 hits, described)", described);

    for (i, t) in TERMS.iter().cycle().take(SAVED).enumerate() {
        store
            .save_search(&format!("saved {i}"), &format!("{t} w{i}"), None)
            .unwrap();
    }
    let mut listing = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let list = store.saved_searches().unwrap();
        listing.push(t.elapsed());
        assert_eq!(list.len(), SAVED);
    }
    report(
        &format!("saved_searches ({SAVED}, up to 200 hits each)"),
        listing,
    );
    let id = store.saved_searches().unwrap()[0].search.id;
    let mut open = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        store.mark_saved_search_seen(id).unwrap();
        open.push(t.elapsed());
    }
    report("open one saved search (mark seen)", open);
}
