//! Extraction of PDFs generated here (no `../shared` needed), through the real worker
//! process of the built `casetrail` binary.

use casetrail_fixtures::{pdfs as fixture_pdfs, program_or_skip};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use casetrail_extract::{extract_file, ExtractError, Extraction, Limits, OcrState, PageStatus};

fn worker() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_casetrail"))
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn no_ocr() -> Limits {
    Limits {
        ocr: false,
        ..Limits::default()
    }
}

fn extract(bytes: &[u8], limits: &Limits) -> Result<Extraction, ExtractError> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "fixture.pdf", bytes);
    extract_file(worker(), &path, limits)
}

fn statuses(x: &Extraction) -> Vec<&str> {
    x.pages.iter().map(|p| p.status.as_str()).collect()
}

#[test]
fn text_pages_keep_boundaries_and_ligatures_are_normalised() {
    let pdf = fixture_pdfs::text_pdf(&[
        &[
            "Case 1:18-cv-08653-VEC-SDA Document 252",
            "The motion was {fi}led late.",
        ],
        &[],
        &["Third page: juris-", "diction"],
    ]);
    let x = extract(&pdf, &no_ocr()).unwrap();
    assert_eq!(statuses(&x), ["text", "needs_ocr", "text"]);
    assert!(
        x.pages[0].text.contains("Case 1:18-cv-08653-VEC-SDA"),
        "{:?}",
        x.pages[0].text
    );
    assert!(
        x.pages[0].text.contains("filed late"),
        "NFKC: {:?}",
        x.pages[0].text
    );
    assert!(!x.pages[0].text.contains('\u{FB01}'));
    assert!(
        x.pages[2].text.contains("juris-\ndiction"),
        "{:?}",
        x.pages[2].text
    );
    assert_eq!(x.declared_pages, Some(3));
    assert_eq!(x.pages_needing_ocr(), 1);
    assert_eq!(x.ocr, OcrState::Disabled);
    assert_eq!(
        x.pages.iter().map(|p| p.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

#[test]
fn blank_page_is_empty_once_ocr_has_looked() {
    program_or_skip!("tesseract");
    program_or_skip!("pdftoppm");
    let pdf = fixture_pdfs::text_pdf(&[&["Only page with words"], &[]]);
    let x = extract(&pdf, &Limits::default()).unwrap();
    assert_eq!(statuses(&x), ["text", "empty"]);
}

#[test]
fn scanned_page_is_read_by_ocr() {
    program_or_skip!("tesseract");
    program_or_skip!("pdftoppm");
    // Render a text page to pixels with pdftoppm, then wrap the pixels as a scan.
    let dir = tempfile::tempdir().unwrap();
    let text =
        fixture_pdfs::text_pdf(&[&["ORDER GRANTING MOTION TO DISMISS", "Entered on the docket"]]);
    let text_path = write(&dir, "text.pdf", &text);
    let out = Command::new("pdftoppm")
        .args(["-gray", "-r", "100", "-singlefile"])
        .arg(&text_path)
        .output()
        .unwrap();
    let (w, h, pixels) = fixture_pdfs::parse_pgm(&out.stdout).expect("pdftoppm wrote a PGM");
    let scan = fixture_pdfs::image_pdf(w, h, pixels);

    let without = extract(&scan, &no_ocr()).unwrap();
    assert_eq!(statuses(&without), ["needs_ocr"]);
    assert_eq!(without.pages[0].text, "");

    let with = extract(&scan, &Limits::default()).unwrap();
    assert_eq!(statuses(&with), ["ocr"]);
    assert_eq!(with.ocr, OcrState::Used);
    let upper = with.pages[0].text.to_uppercase();
    assert!(
        upper.contains("MOTION TO DISMISS"),
        "OCR read {:?}",
        with.pages[0].text
    );
}

#[test]
fn empty_file_and_not_a_pdf_are_refused_with_a_reason() {
    assert_eq!(extract(b"", &no_ocr()), Err(ExtractError::EmptyFile));
    assert_eq!(
        extract(b"<html>not a pdf</html>", &no_ocr()),
        Err(ExtractError::NotPdf)
    );
}

#[test]
fn damaged_files_report_the_damage() {
    let mut truncated = fixture_pdfs::text_pdf(&[&["Some text"]]);
    truncated.truncate(truncated.len() / 2);
    let err = extract(&truncated, &no_ocr()).unwrap_err();
    assert!(
        matches!(err, ExtractError::DamagedXref(_) | ExtractError::Damaged(_)),
        "{err:?}"
    );
    assert_eq!(err.code(), "damaged_xref", "{err}");

    let garbage = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage\n";
    let err = extract(garbage, &no_ocr()).unwrap_err();
    assert!(err.code().starts_with("damaged"), "{err:?}");
}

#[test]
fn trailing_padding_after_eof_is_repaired() {
    let mut padded = fixture_pdfs::text_pdf(&[&["Padded order"]]);
    padded.extend(vec![0u8; 8192]);
    let x = extract(&padded, &no_ocr()).unwrap();
    assert_eq!(statuses(&x), ["text"]);
    assert!(
        x.warnings.iter().any(|w| w.contains("after the end")),
        "{:?}",
        x.warnings
    );
}

#[test]
fn user_password_means_encrypted_but_owner_only_opens() {
    let locked = fixture_pdfs::encrypted_pdf("secret");
    assert_eq!(extract(&locked, &no_ocr()), Err(ExtractError::Encrypted));

    let owner_only = fixture_pdfs::encrypted_pdf("");
    let x = extract(&owner_only, &no_ocr()).unwrap();
    assert!(x.was_encrypted);
    assert!(x.pages[0].text.contains("Sealed filing"), "{:?}", x.pages);
}

#[test]
fn self_parent_page_tree_does_not_hang() {
    let x = extract(&fixture_pdfs::parent_loop_pdf(), &no_ocr()).unwrap();
    assert_eq!(statuses(&x), ["text", "text"]);
    assert!(x.pages[1].text.contains("Looping page two"));
    assert!(
        x.warnings.iter().any(|w| w.contains("Parent loop")),
        "{:?}",
        x.warnings
    );
}

#[test]
fn one_bad_page_costs_one_page() {
    let x = extract(&fixture_pdfs::bad_middle_page_pdf(), &no_ocr()).unwrap();
    assert_eq!(x.pages.len(), 3);
    assert!(x.pages[0].text.contains("First good page"));
    assert!(x.pages[2].text.contains("Third good page"));
    match &x.pages[1].status {
        PageStatus::Failed(reason) => assert!(reason.contains("crashed"), "{reason}"),
        other => panic!("the bad page should fail, got {other:?}"),
    }
}

#[test]
fn memory_limit_kills_the_page_not_the_caller() {
    let limits = Limits {
        memory_bytes: 256 << 20,
        ..no_ocr()
    };
    let x = extract(&fixture_pdfs::flate_bomb_pdf(400), &limits).unwrap();
    assert_eq!(x.pages.len(), 2);
    match &x.pages[0].status {
        PageStatus::Failed(reason) => assert!(reason.contains("memory"), "{reason}"),
        other => panic!("bomb page should fail, got {other:?}"),
    }
    assert!(
        x.pages[1].text.contains("After the bomb"),
        "{:?}",
        x.pages[1]
    );
}

#[test]
fn time_limit_kills_the_worker() {
    let limits = Limits {
        base_time: Duration::ZERO,
        ..no_ocr()
    };
    let pdf = fixture_pdfs::text_pdf(&[&["slow"]]);
    let err = extract(&pdf, &limits).unwrap_err();
    assert_eq!(err.code(), "timed_out", "{err}");
}

#[test]
fn missing_worker_binary_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "a.pdf", &fixture_pdfs::text_pdf(&[&["x"]]));
    let err = extract_file(Path::new("/nonexistent/casetrail"), &path, &no_ocr()).unwrap_err();
    assert_eq!(err.code(), "worker");
}

#[test]
fn a_bomb_outside_page_content_is_left_compressed() {
    let limits = Limits {
        memory_bytes: 256 << 20,
        ..no_ocr()
    };
    let x = extract(&fixture_pdfs::stray_bomb_pdf(400), &limits).unwrap();
    assert_eq!(statuses(&x), ["text"]);
    assert!(x.pages[0].text.contains("Text beside a bomb"));
}

#[test]
fn lines_drawn_with_quote_operators_are_kept() {
    let x = extract(&fixture_pdfs::quote_operators_pdf(), &no_ocr()).unwrap();
    let text = &x.pages[0].text;
    for line in [
        "First line drawn with Tj",
        "Second line drawn with quote",
        "Third line drawn with double quote",
    ] {
        assert!(text.contains(line), "{line:?} missing from {text:?}");
    }
}
