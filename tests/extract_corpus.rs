//! Every PDF of `../shared/corpus/pdf` through the isolated extractor: none may crash
//! the caller, text files come back with most of pdftotext's characters, and the edge
//! cases fail with the reason they should. Reported skipped without `../shared`;
//! `CASETRAIL_SHARED` overrides the location (git worktrees live elsewhere).
//!
//! OCR is off here (it is tested on the repo's own fixtures and on one corpus scan
//! below) so the test stays quick on two cores.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use casetrail_extract::{extract_file, ExtractError, Extraction, Limits, OcrState, PageStatus};
use casetrail_fixtures::{program_or_skip, shared, skip};

/// Below this share of pdftotext's visible characters a text PDF counts as missing text
/// (measured minimum: 0.99, hidden text layered over visible text).
const MIN_RATIO: f64 = 0.95;
/// Above this, text was duplicated (measured maximum: 1.54, a redlined declaration).
const MAX_RATIO: f64 = 1.7;

fn shared_dir() -> Option<PathBuf> {
    shared::path("corpus/MANIFEST.tsv").and_then(|_| shared::dir())
}

struct Row {
    file: String,
    pages: Option<usize>,
    pdftotext_chars: Option<usize>,
    pdf_extract: String,
}

fn manifest(shared: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(shared.join("corpus/MANIFEST.tsv")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 10 && f[0].starts_with("pdf/"))
        .map(|f| Row {
            file: f[0].to_string(),
            pages: f[6].parse().ok(),
            pdftotext_chars: f[7].parse().ok(),
            pdf_extract: f[9].to_string(),
        })
        .collect()
}

fn visible(x: &Extraction) -> usize {
    x.pages
        .iter()
        .map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// Extract all files on two threads (the machine's cores), keyed by file.
fn extract_all(
    shared: &Path,
    rows: &[Row],
    limits: &Limits,
) -> BTreeMap<String, Result<Extraction, ExtractError>> {
    let worker = Path::new(env!("CARGO_BIN_EXE_casetrail"));
    let queue = Mutex::new(rows.iter().map(|r| r.file.clone()).collect::<Vec<_>>());
    let results = Mutex::new(BTreeMap::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let Some(file) = queue.lock().unwrap().pop() else {
                    break;
                };
                let got = extract_file(worker, &shared.join("corpus").join(&file), limits);
                results.lock().unwrap().insert(file, got);
            });
        }
    });
    results.into_inner().unwrap()
}

#[test]
fn corpus_extracts_without_crashing_and_with_the_text() {
    let Some(shared) = shared_dir() else {
        skip!("../shared/corpus is absent (set CASETRAIL_SHARED to its folder)");
    };
    let rows = manifest(&shared);
    assert!(rows.len() >= 40, "manifest lists {} PDFs", rows.len());
    let limits = Limits {
        ocr: false,
        ..Limits::default()
    };
    let results = extract_all(&shared, &rows, &limits);
    let mut problems = Vec::new();
    for row in &rows {
        let got = &results[&row.file];
        let name = row.file.trim_start_matches("pdf/");
        match (name, got) {
            ("doctor__empty.pdf", Err(ExtractError::EmptyFile)) => continue,
            ("pdfplumber__password-example.pdf", Err(ExtractError::Encrypted)) => continue,
            (_, Err(e)) => {
                problems.push(format!("{name}: failed: {e}"));
                continue;
            }
            (_, Ok(_)) => {}
        }
        let x = got.as_ref().unwrap();
        if let Some(pages) = row.pages {
            if x.pages.len() != pages {
                problems.push(format!(
                    "{name}: {} pages, pdfinfo says {pages}",
                    x.pages.len()
                ));
            }
        }
        if x.pages_failed() > 0 {
            problems.push(format!("{name}: {} failed pages", x.pages_failed()));
        }
        let expected = row.pdftotext_chars.unwrap_or(0);
        let ours = visible(x);
        let ratio = ours as f64 / expected.max(1) as f64;
        eprintln!(
            "{name}: {ours} / {expected} chars ({ratio:.2}), {} needing OCR",
            x.pages_needing_ocr()
        );
        if expected == 0 {
            // Image-only: every page must say it needs OCR, and OCR must be reported off.
            if x.pages.iter().any(|p| p.status != PageStatus::NeedsOcr) {
                problems.push(format!("{name}: image-only pages not marked needs_ocr"));
            }
            if x.ocr != OcrState::Disabled {
                problems.push(format!("{name}: OCR state {:?}", x.ocr));
            }
            continue;
        }
        // Where pdf-extract itself is known to lose the text (ClearScan fonts, fonts
        // without ToUnicode), only the upper bound applies.
        let known_loss = row
            .pdf_extract
            .strip_prefix("ok:")
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| (n as f64) < 0.5 * expected as f64);
        if expected >= 500 && !known_loss && ratio < MIN_RATIO {
            problems.push(format!("{name}: only {ratio:.2} of pdftotext's text"));
        }
        if ratio > MAX_RATIO {
            problems.push(format!("{name}: {ratio:.2} × pdftotext's text"));
        }
    }
    let acms = results["pdf/courtlistener__recap_acms_test.pdf"]
        .as_ref()
        .unwrap();
    assert!(
        acms.warnings.iter().any(|w| w.contains("after the end")),
        "the NUL-padded ACMS file is opened by cutting the padding: {:?}",
        acms.warnings
    );
    assert!(
        problems.is_empty(),
        "corpus problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn corpus_scan_is_read_by_ocr() {
    let Some(shared) = shared_dir() else {
        skip!("../shared/corpus is absent (set CASETRAIL_SHARED to its folder)");
    };
    program_or_skip!("tesseract");
    let path = shared.join("corpus/pdf/courtlistener__opinion_pdf_image_based.pdf");
    let worker = Path::new(env!("CARGO_BIN_EXE_casetrail"));
    let x = extract_file(worker, &path, &Limits::default()).unwrap();
    assert_eq!(x.ocr, OcrState::Used);
    assert_eq!(x.pages[0].status, PageStatus::Ocr);
    assert!(
        x.pages[0].text.contains("Foreign Intelligence"),
        "OCR read {:?}",
        x.pages[0].text
    );
}
