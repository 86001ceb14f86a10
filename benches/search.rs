//! Search latency on a generated database of 10,000 documents (3 pages each) and
//! 100,000 docket events: p50 / p95 / p99 over a mix of word, phrase, prefix and
//! boolean queries, with and without a case filter.
//!
//! `cargo bench --bench search`. A custom harness, because criterion reports means
//! and medians, not the tail percentiles the issue asks for.

use std::time::{Duration, Instant};

use casetrail_fixtures::library as corpus;
use casetrail_store::Store;
use corpus::Rng;

const DOCUMENTS: usize = 10_000;
const PAGES_PER_DOCUMENT: u32 = 3;
const EVENTS: usize = 100_000;
const CASES: usize = 100;
const WORDS_PER_PAGE: usize = 250;

const LEGAL: &[&str] = &[
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
    "certiorari",
    "district",
    "circuit",
    "plaintiff",
    "defendant",
    "microsoft",
    "ireland",
    "email",
    "stored",
    "communications",
    "privacy",
    "jurisdiction",
    "treaty",
    "government",
    "subpoena",
    "dismiss",
    "granted",
    "denied",
    "affirmed",
    "reversed",
];

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ra", "to", "men", "li", "sa", "ver", "con", "di", "tion", "al", "pre", "ex", "ju", "ris",
        "or", "pa", "tes", "ca", "no", "vi",
    ];
    let mut words: Vec<String> = LEGAL.iter().map(|w| w.to_string()).collect();
    while words.len() < 20_000 {
        let n = 2 + rng.below(3);
        words.push(
            (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect(),
        );
    }
    words
}

/// `n` words: one in twenty a legal term (uniformly, so "court" lands on about a third
/// of pages, as in real filings), the rest Zipf-distributed generated words.
fn text(rng: &mut Rng, words: &[String], n: usize) -> String {
    let general = &words[LEGAL.len()..];
    (0..n)
        .map(|_| {
            if rng.below(20) == 0 {
                LEGAL[rng.below(LEGAL.len())]
            } else {
                general[rng.zipf(general.len())].as_str()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn build(store: &mut Store, rng: &mut Rng, words: &[String]) {
    let cases = corpus::add_cases(store, CASES, "case", "Case number");
    let proceedings: Vec<_> = cases.iter().map(|c| c.1).collect();
    corpus::add_events(store, &proceedings, EVENTS, || {
        let title = text(rng, words, 8);
        (title, text(rng, words, 30))
    });
    corpus::add_documents(store, &cases, DOCUMENTS, PAGES_PER_DOCUMENT, false, || {
        text(rng, words, WORDS_PER_PAGE)
    });
}

/// CPU time of this thread: unlike wall time, not inflated by other work on a shared machine.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe {
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts);
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // The generated database is kept in target/ and reused (building takes a minute).
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-search-v3.db");
    if !path.exists() {
        let tmp = path.with_extension("building");
        let _ = std::fs::remove_file(&tmp);
        let mut store = Store::open(&tmp).unwrap();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let words = vocabulary(&mut rng);
        let start = Instant::now();
        build(&mut store, &mut rng, &words);
        println!(
            "search: built {DOCUMENTS} documents ({} pages), {EVENTS} events in {:.1} s",
            DOCUMENTS * PAGES_PER_DOCUMENT as usize,
            start.elapsed().as_secs_f64()
        );
        drop(store);
        std::fs::rename(&tmp, &path).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let words = vocabulary(&mut Rng(0x9E37_79B9_7F4A_7C15));
    let cases: Vec<_> = store.cases().unwrap().into_iter().map(|c| c.id).collect();
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let mut queries: Vec<String> = Vec::new();
    for w in LEGAL {
        queries.push(w.to_string());
        queries.push(format!("{}*", &w[..3]));
    }
    for _ in 0..60 {
        let a = &words[rng.zipf(words.len())];
        let b = &words[rng.zipf(words.len())];
        queries.push(format!("{a} {b}"));
        queries.push(format!("\"{a} {b}\""));
        queries.push(format!("{a} OR {b}"));
        queries.push(format!("{a} NOT {b}"));
        queries.push(words[100 + rng.below(words.len() - 100)].clone());
    }
    let mut all = Vec::new();
    let mut filtered = Vec::new();
    let mut slowest: Vec<(Duration, String, bool)> = Vec::new();
    let mut hits = 0usize;
    for round in 0..3 {
        for (i, q) in queries.iter().enumerate() {
            let case = (i + round) % 4 == 0;
            let (t, cpu) = (Instant::now(), thread_cpu());
            let found = store
                .search(q, case.then(|| cases[i % cases.len()]), 20)
                .unwrap();
            let d = (t.elapsed(), thread_cpu() - cpu);
            hits += found.len();
            slowest.push((d.1, q.clone(), case));
            if case {
                filtered.push(d);
            } else {
                all.push(d);
            }
        }
    }
    for (name, v) in [("all cases", all), ("one case", filtered)] {
        let mut wall: Vec<Duration> = v.iter().map(|d| d.0).collect();
        let mut cpu: Vec<Duration> = v.iter().map(|d| d.1).collect();
        wall.sort();
        cpu.sort();
        for (what, v) in [("wall", &wall), ("cpu ", &cpu)] {
            println!(
                "  {name:<9} {what}: {} queries  p50 {:>6.2} ms  p95 {:>6.2} ms  p99 {:>6.2} ms",
                v.len(),
                percentile(v, 0.50).as_secs_f64() * 1e3,
                percentile(v, 0.95).as_secs_f64() * 1e3,
                percentile(v, 0.99).as_secs_f64() * 1e3,
            );
        }
    }
    println!("  ({hits} hits returned in total)");
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    let names: Vec<String> = slowest
        .iter()
        .take(12)
        .map(|(d, q, case)| {
            let filter = if *case { " (one case)" } else { "" };
            format!("{q}{filter} {:.0} ms", d.as_secs_f64() * 1e3)
        })
        .collect();
    println!("  slowest (cpu): {}", names.join(", "));
}
