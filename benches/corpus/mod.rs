//! The generated library the benchmarks run on: cases with one proceeding each,
//! docket events and documents of text pages, from a deterministic generator.
//! Each benchmark supplies its own text (what it measures depends on the words);
//! this module only lays the rows down, always in the same order, so the same
//! seed gives the same database.
//!
//! Shared by `benches/search.rs`, `benches/saved_searches.rs` and the app's
//! benchmark (`src-tauri/tests/e2e/perf.rs`, through `#[path]`).
#![allow(dead_code)] // each user takes what it needs

use casetrail::extract::{OcrState, PageStatus, PageText};
use casetrail::model::{
    CaseId, EventKind, NewCase, NewDocument, NewEvent, NewProceeding, ProceedingId,
};
use casetrail::store::Store;

/// xorshift64*: deterministic, dependency-free.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Roughly Zipf: small indexes are much more likely.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// `n` cases (`{slug}-{i}`, "`{name}` {i}"), each with one S.D.N.Y. proceeding.
pub fn add_cases(
    store: &mut Store,
    n: usize,
    slug: &str,
    name: &str,
) -> Vec<(CaseId, ProceedingId)> {
    (0..n)
        .map(|i| {
            let case = store
                .add_case(&NewCase {
                    slug: format!("{slug}-{i}"),
                    name: format!("{name} {i}"),
                    summary: String::new(),
                })
                .expect("add case");
            let p = store
                .add_proceeding(
                    case.id,
                    &NewProceeding {
                        court_id: "nysd".into(),
                        docket_number: format!("1:{:02}-cv-{:05}", i % 30, i),
                        docket_aliases: vec![],
                        caption: String::new(),
                        opened_on: None,
                        closed_on: None,
                    },
                )
                .expect("add proceeding");
            (case.id, p.id)
        })
        .collect()
}

/// `n` motions spread round-robin over `proceedings`, 2010–2024, in one
/// transaction; `text` gives each one's title and description.
pub fn add_events(
    store: &mut Store,
    proceedings: &[ProceedingId],
    n: usize,
    mut text: impl FnMut() -> (String, String),
) {
    store
        .write(|w| {
            for i in 0..n {
                let (title, description) = text();
                let date = format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28);
                let mut e = NewEvent::new(
                    proceedings[i % proceedings.len()],
                    date.parse()?,
                    EventKind::Motion,
                    title,
                );
                e.description = description;
                w.add_event(&e)?;
            }
            Ok(())
        })
        .expect("add events");
}

/// `n` documents of `pages` pages each, spread round-robin over `cases` (linked
/// to the case's proceeding too when `with_proceeding`); `text` gives each
/// page's text. One transaction per document, as an import writes them.
pub fn add_documents(
    store: &mut Store,
    cases: &[(CaseId, ProceedingId)],
    n: usize,
    pages: u32,
    with_proceeding: bool,
    mut text: impl FnMut() -> String,
) {
    for i in 0..n {
        let (case, proceeding) = cases[i % cases.len()];
        let pages = (1..=pages)
            .map(|number| PageText {
                number,
                status: PageStatus::Text,
                text: text(),
            })
            .collect();
        store
            .add_document(&NewDocument {
                sha256: format!("{i:064x}"),
                title: format!("Document {i}"),
                original_name: format!("doc{i}.pdf"),
                size_bytes: 100_000,
                case_id: Some(case),
                proceeding_id: with_proceeding.then_some(proceeding),
                detected: serde_json::json!({}),
                ocr: OcrState::NotNeeded,
                warnings: vec![],
                pages,
            })
            .expect("add document");
    }
}
