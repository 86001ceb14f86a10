//! Highlights with notes, document details and files, and notes and highlights
//! found by search — on real SQLite files, through the store API and the CLI.

use std::process::Command;

use casetrail_model::{DocumentId, HighlightRect, NewCase, NewDocument, NewHighlight, NoteTarget};
use casetrail_model::{HitKind, OcrStatus, Page, PageStatus};
use casetrail_store::Library;
use casetrail_store::Store;
use casetrail_store::{Error, ErrorKind};

fn page(number: u32, text: &str) -> Page {
    Page {
        number,
        status: PageStatus::Text,
        failure: None,
        text: text.into(),
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db")).unwrap();
    (dir, store)
}

fn opinion(store: &mut Store) -> DocumentId {
    let case = store
        .add_case(&NewCase {
            slug: "calvary".into(),
            name: "Calvary Chapel v. Mills".into(),
            summary: String::new(),
        })
        .unwrap();
    store
        .add_document(&NewDocument {
            sha256: "c".repeat(64),
            title: "Opinion of the First Circuit".into(),
            original_name: "opinion.pdf".into(),
            size_bytes: 10,
            case_id: Some(case.id),
            proceeding_id: None,
            detected: serde_json::json!({
                "court": "ca1", "docket_number": "20-1507", "filed": "2021-08-26",
                "kind": "opinion", "citations": ["141 S. Ct. 63"]
            }),
            ocr: OcrStatus::NotNeeded,
            warnings: vec![],
            pages: vec![
                page(1, "Calvary Chapel of Bangor against the Governor"),
                page(2, "The district court denied the preliminary injunction"),
            ],
        })
        .unwrap()
        .id
}

fn rect() -> HighlightRect {
    HighlightRect {
        x: 0.1,
        y: 0.2,
        w: 0.6,
        h: 0.02,
    }
}

fn new_highlight(doc: DocumentId, page: u32, note: &str) -> NewHighlight {
    NewHighlight {
        document_id: doc,
        page,
        rects: vec![rect()],
        quote: "denied the preliminary injunction".into(),
        note: note.into(),
    }
}

#[test]
fn a_highlight_is_stored_with_its_page_rects_and_note_and_logged() {
    let (dir, mut store) = store();
    let doc = opinion(&mut store);
    let h = store
        .add_highlight(&new_highlight(doc, 2, "  mootness argument  "))
        .unwrap();
    assert_eq!((h.page, h.note.as_str()), (2, "mootness argument"));
    assert_eq!(h.rects, vec![rect()]);
    drop(store);

    // Reopened from the file: all of it is still there.
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    let listed = store.highlights(doc).unwrap();
    assert_eq!(listed, vec![h.clone()]);

    let edited = store.edit_highlight_note(h.id, "strong point").unwrap();
    assert_eq!(edited.note, "strong point");
    store.delete_highlight(h.id).unwrap();
    assert!(store.highlights(doc).unwrap().is_empty());

    let ops: Vec<String> = store
        .history("highlight", h.id.0)
        .unwrap()
        .iter()
        .map(|a| a.op.to_string())
        .collect();
    assert_eq!(ops, ["create", "update", "delete"]);
}

#[test]
fn bad_highlights_are_refused_and_leave_nothing() {
    let (_dir, mut store) = store();
    let doc = opinion(&mut store);
    let past_end = store.add_highlight(&new_highlight(doc, 3, "")).unwrap_err();
    assert!(matches!(past_end, Error::Invalid(_)), "{past_end}");
    assert!(past_end.to_string().contains("past the end"));

    let mut off_page = new_highlight(doc, 1, "");
    off_page.rects[0].x = 0.9;
    assert_eq!(
        store.add_highlight(&off_page).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    let missing = store
        .add_highlight(&new_highlight(DocumentId(999), 1, ""))
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    assert_eq!(
        store
            .edit_highlight_note(casetrail_model::HighlightId(42), "x")
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    assert!(store.highlights(doc).unwrap().is_empty());
    assert!(store.history("highlight", 1).unwrap().is_empty());
}

#[test]
fn search_finds_a_highlight_note_its_quote_and_a_case_note() {
    let (_dir, mut store) = store();
    let doc = opinion(&mut store);
    let h = store
        .add_highlight(&new_highlight(
            doc,
            2,
            "compare with Roman Catholic Diocese",
        ))
        .unwrap();
    let case = store.find_case("calvary").unwrap();
    let note = store
        .add_note(NoteTarget::Case(case.id), "ask about the diocese precedent")
        .unwrap();

    let hits = store.search("diocese", None, 20).unwrap();
    let kinds: Vec<&str> = hits.iter().map(|h| h.kind.as_str()).collect();
    assert!(
        kinds.contains(&"highlight") && kinds.contains(&"note"),
        "{kinds:?}"
    );
    let hl = hits.iter().find(|x| x.kind == HitKind::Highlight).unwrap();
    assert_eq!(hl.highlight_id, Some(h.id));
    assert_eq!((hl.document_id, hl.page), (Some(doc), Some(2)));
    assert_eq!(hl.case.as_deref(), Some("calvary"));
    assert!(hl.snippet.contains("[Diocese]"), "{}", hl.snippet);
    let n = hits.iter().find(|x| x.kind == HitKind::Note).unwrap();
    assert_eq!(n.note_id, Some(note.id));
    assert_eq!(n.title, "Calvary Chapel v. Mills");
    assert_eq!(n.case.as_deref(), Some("calvary"));

    // The quote is searchable too, and the case filter keeps both kinds.
    let quote = store.search("preliminary", Some(case.id), 20).unwrap();
    assert!(
        quote.iter().any(|x| x.kind == HitKind::Highlight),
        "{quote:?}"
    );
    let other = store
        .add_case(&NewCase {
            slug: "other".into(),
            name: "Other".into(),
            summary: String::new(),
        })
        .unwrap();
    assert!(store
        .search("diocese", Some(other.id), 20)
        .unwrap()
        .is_empty());

    // An edited note is found by its new words only; a deleted highlight is gone.
    store.edit_note(note.id, "ask about standing").unwrap();
    store.delete_highlight(h.id).unwrap();
    assert!(store.search("diocese", None, 20).unwrap().is_empty());
    assert_eq!(
        store.search("standing", None, 20).unwrap()[0].kind,
        HitKind::Note
    );
    store.check_search_index().unwrap();
}

#[test]
fn page_and_event_hits_keep_their_json_fields() {
    let (_dir, mut store) = store();
    opinion(&mut store);
    let hits = store.search("Governor", None, 20).unwrap();
    let json = serde_json::to_value(&hits[0]).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "case",
            "document_id",
            "event_id",
            "kind",
            "page",
            "snippet",
            "title"
        ]
    );
}

#[test]
fn document_details_and_file_come_from_the_store_and_the_library() {
    let (dir, mut store) = store();
    let doc = opinion(&mut store);
    let d = store.document_details(doc).unwrap();
    assert_eq!(d.page_count, 2);
    assert_eq!(d.court.as_deref(), Some("1st Cir."));
    assert_eq!(d.docket_number.as_deref(), Some("20-1507"));
    assert_eq!(
        d.filed.map(|f| f.to_string()).as_deref(),
        Some("2021-08-26")
    );
    assert_eq!(d.kind.as_deref(), Some("opinion"));
    assert_eq!(d.citations, ["141 S. Ct. 63"]);
    assert_eq!(d.case.unwrap().label, "Calvary Chapel v. Mills");

    // No file in the library yet: a plain not-found, then the bytes once stored.
    assert_eq!(
        store.document_file(doc).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    let lib = Library::beside_database(&dir.path().join("t.db"));
    let src = dir.path().join("in.pdf");
    std::fs::write(&src, b"%PDF-1.4 fake").unwrap();
    std::fs::create_dir_all(lib.path_of(&"c".repeat(64)).parent().unwrap()).unwrap();
    std::fs::copy(&src, lib.path_of(&"c".repeat(64))).unwrap();
    assert_eq!(store.document_bytes(doc).unwrap(), b"%PDF-1.4 fake");
}

#[test]
fn the_cli_prints_note_and_highlight_hits() {
    let (dir, mut store) = store();
    let doc = opinion(&mut store);
    store
        .add_highlight(&new_highlight(doc, 2, "quarantine orders"))
        .unwrap();
    drop(store);
    let db = dir.path().join("t.db");
    let out = Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "search",
            "quarantine",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["hits"][0]["kind"], "highlight");
    assert_eq!(json["hits"][0]["page"], 2);
    let text = Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .args(["--db", db.to_str().unwrap(), "search", "quarantine"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(&format!("highlight on doc #{doc} p.2")),
        "{text}"
    );
}
