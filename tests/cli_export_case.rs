//! `casetrail export json|html` run as a process: the case file round-trips
//! through `import-case` into an empty database, and the timeline report is
//! escaped, self-contained and prints through headless Chromium.

use std::path::Path;
use std::process::Command;

use casetrail_fixtures::skip;
use casetrail_model::{
    EventDate, EventKind, HighlightRect, NewCase, NewDocument, NewEvent, NewHighlight,
    NewProceeding, NoteTarget, OcrStatus, Page, PageStatus,
};
use casetrail_store::Store;

use crate::cli_process::ok;

/// Notes, tags, a document and a highlight on the demo case, so the file carries every section.
fn annotate(db: &Path) {
    let mut store = Store::open(db).unwrap();
    let case = store.find_case("microsoft-ireland").unwrap();
    let timeline = store.timeline(case.id).unwrap();
    let event = timeline.events[3].event.id;
    let proceeding = timeline.proceedings[1].id;
    store
        .write(|w| {
            w.tag(NoteTarget::Case(case.id), "privacy")?;
            w.tag(NoteTarget::Event(event), "key ruling")?;
            w.add_note(
                NoteTarget::Case(case.id),
                "Watch the CLOUD Act, §§ 103–105.",
            )?;
            w.add_note(
                NoteTarget::Proceeding(proceeding),
                "Panel: Lynch, Carney, Bolden",
            )?;
            w.add_note(NoteTarget::Event(event), "Read with the DOJ letter")?;
            let doc = w.add_document(&NewDocument {
                sha256: "ab".repeat(32),
                title: "Opinion of the Second Circuit".into(),
                original_name: "14-2985.pdf".into(),
                size_bytes: 1234,
                case_id: Some(case.id),
                proceeding_id: Some(proceeding),
                detected: serde_json::json!({"court": "ca2", "docket_number": "14-2985"}),
                ocr: OcrStatus::NotNeeded,
                warnings: vec![],
                pages: (1..=3)
                    .map(|n| Page {
                        number: n,
                        status: PageStatus::Text,
                        failure: None,
                        text: format!("page {n}"),
                    })
                    .collect(),
            })?;
            w.tag(NoteTarget::Document(doc.id), "opinion")?;
            w.add_note(NoteTarget::Document(doc.id), "The holding is on page 2")?;
            w.add_highlight(&NewHighlight {
                document_id: doc.id,
                page: 2,
                rects: vec![HighlightRect {
                    x: 0.1,
                    y: 0.2,
                    w: 0.5,
                    h: 0.03,
                }],
                quote: "the SCA does not authorize".into(),
                note: "holding".into(),
            })?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_case_file_round_trips_through_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    ok(&a, &["demo"]);
    annotate(&a);
    let first = dir.path().join("first.json");
    let second = dir.path().join("second.json");
    ok(
        &a,
        &[
            "export",
            "json",
            "microsoft-ireland",
            "-o",
            first.to_str().unwrap(),
        ],
    );
    ok(&b, &["import-case", first.to_str().unwrap()]);
    ok(
        &b,
        &[
            "export",
            "json",
            "microsoft-ireland",
            "-o",
            second.to_str().unwrap(),
        ],
    );
    let (x, y) = (
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap(),
    );
    assert_eq!(x, y, "export → import → export changed the file");
    let v: serde_json::Value = serde_json::from_str(&x).unwrap();
    assert_eq!(v["format"], "casetrail-case/1");
    assert_eq!(v["proceedings"].as_array().unwrap().len(), 4);
    assert_eq!(v["events"].as_array().unwrap().len(), 37);
    assert_eq!(v["deadlines"].as_array().unwrap().len(), 8);
    assert!(
        v["deadlines"][0]["computation"]["steps"]
            .as_array()
            .unwrap()
            .len()
            > 2
    );
    assert_eq!(v["notes"].as_array().unwrap().len(), 4);
    assert_eq!(v["tags"], serde_json::json!(["privacy"]));
    assert_eq!(
        v["documents"][0]["highlights"][0]["quote"],
        "the SCA does not authorize"
    );
    // The importer's deadlines are the exported ones, not derived again.
    let store = Store::open(&b).unwrap();
    let case = store.find_case("microsoft-ireland").unwrap();
    let trails: Vec<_> = store
        .deadlines(Some(case.id))
        .unwrap()
        .into_iter()
        .map(|d| (d.due, d.status, d.computation.map(|c| c.steps.len())))
        .collect();
    let store_a = Store::open(&a).unwrap();
    let case_a = store_a.find_case("microsoft-ireland").unwrap();
    let expected: Vec<_> = store_a
        .deadlines(Some(case_a.id))
        .unwrap()
        .into_iter()
        .map(|d| (d.due, d.status, d.computation.map(|c| c.steps.len())))
        .collect();
    assert_eq!(trails, expected);
}

/// A case whose every text carries markup.
fn hostile_case(db: &Path) {
    let mut store = Store::open(db).unwrap();
    store
        .write(|w| {
            let case = w.add_case(&NewCase {
                slug: "markup".into(),
                name: "<script>alert('name')</script> v. <b>Bold</b>".into(),
                summary: "A & B <img src=x onerror=alert(1)>".into(),
            })?;
            let p = w.add_proceeding(
                case.id,
                &NewProceeding {
                    court_id: "nysd".into(),
                    docket_number: "1:20-cv-<1>".into(),
                    caption: "\"Quoted\" <caption>".into(),
                    ..NewProceeding::default()
                },
            )?;
            let mut e = NewEvent::new(
                p.id,
                EventDate::day("2020-01-02".parse().unwrap()),
                EventKind::Motion,
                "<script>alert('x')</script> motion",
            );
            e.source = "<a href=\"http://example.invalid\">source</a>".into();
            w.add_event(&e)?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_report_shows_markup_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    hostile_case(&db);
    let html = ok(&db, &["export", "html", "markup", "-o", "-"]);
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; motion"));
    assert!(html.contains("&lt;a href=&quot;http://example.invalid&quot;&gt;source&lt;/a&gt;"));
    assert!(html.contains("A &amp; B &lt;img"));
    let lower = html.to_lowercase();
    for never in [
        "<script", "<img", "<a ", "href=\"", "src=\"", "<link", "@import", "url(",
    ] {
        assert!(!lower.contains(never), "the report holds {never:?}");
    }
}

#[test]
fn the_demo_report_prints_through_chromium() {
    let Some(chromium) = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|p| casetrail_fixtures::shared::has_program(p))
    else {
        skip!("chromium is not installed (cargo xtask deps installs it)");
    };
    for tool in ["pdftotext", "pdftoppm"] {
        if !casetrail_fixtures::shared::has_program(tool) {
            skip!("{tool} is not installed (poppler-utils)");
        }
    }
    let _ = chromium;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    ok(&db, &["demo"]);
    let pdf = dir.path().join("report.pdf");
    ok(
        &db,
        &[
            "export",
            "html",
            "Ireland",
            "--pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let raw = String::from_utf8_lossy(&out.stdout);
    // Cells wrap: compare with the white space of each page collapsed.
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Microsoft–Ireland email warrant",
        "Across the courts",
        "Deadlines",
        "Documents",
        "United States Court of Appeals for the Second Circuit",
        "Supreme Court",
        "Amicus waves",
        "Vacated as moot",
    ] {
        assert!(text.contains(needle), "the PDF lacks {needle:?}");
    }
    let pages = raw.matches('\u{c}').count();
    assert!(pages >= 4, "a page per court at least: {pages} pages");
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/export-report-page1");
    std::fs::create_dir_all(png.parent().unwrap()).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&png)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(png.with_extension("png").is_file());
}
