//! Saved searches and their new hits, and search results with their case and
//! court, in a real SQLite file through the store API.

use casetrail_model::{EventKind, NewDocument, NewEvent, SavedSearchId};
use casetrail_model::{HitKind, OcrStatus, Page, PageStatus};
use casetrail_store::ErrorKind;
use casetrail_store::Store;

fn store_with_demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    casetrail_import::demo::load(&mut store).unwrap();
    (dir, store)
}

fn document(sha_digit: char, text: &str, case: Option<casetrail_model::CaseId>) -> NewDocument {
    NewDocument {
        sha256: sha_digit.to_string().repeat(64),
        title: "Opinion and Order".into(),
        original_name: "order.pdf".into(),
        size_bytes: 1234,
        case_id: case,
        proceeding_id: None,
        detected: serde_json::json!({}),
        ocr: OcrStatus::NotNeeded,
        warnings: vec![],
        pages: vec![
            Page {
                number: 1,
                status: PageStatus::Text,
                failure: None,
                text: "Caption page.".into(),
            },
            Page {
                number: 2,
                status: PageStatus::Text,
                failure: None,
                text: text.into(),
            },
        ],
    }
}

#[test]
fn results_carry_case_court_and_date_and_bad_queries_are_refused() {
    let (_dir, store) = store_with_demo();
    let case = store.find_case("Ireland").unwrap();
    let hits = store.search_results("warrant", None, 20).unwrap();
    assert!(!hits.is_empty());
    let event = hits
        .iter()
        .find(|h| h.kind == HitKind::Event)
        .expect("an event hit");
    assert_eq!(event.case_id, Some(case.id));
    assert_eq!(event.case_name.as_deref(), Some(case.name.as_str()));
    assert!(event.court.is_some(), "{event:?}");
    assert!(
        event.date.as_deref().is_some_and(|d| d.len() >= 7),
        "{event:?}"
    );
    assert!(event.snippet.contains('['), "{event:?}");
    assert!(hits.iter().all(|h| !h.new));

    let err = store.search_results(" * ( ", None, 20).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("nothing to search for"), "{err}");
    let err = store.search_results("", None, 20).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = store
        .search_results("warrant", Some(casetrail_model::CaseId(9999)), 20)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn a_new_document_and_a_new_event_are_new_hits_until_marked_seen() {
    let (dir, mut store) = store_with_demo();
    let case = store.find_case("Ireland").unwrap();
    let saved = store.save_search("Dublin", "Dublin", None).unwrap();
    assert_eq!(saved.name, "Dublin");
    let listed = store.saved_searches().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].new_hits, 0, "the hits on saving count as seen");
    let before = store.run_saved_search(saved.id).unwrap();
    assert!(!before.hits.is_empty());
    assert!(before.hits.iter().all(|h| !h.new));

    // A document mentioning Dublin is imported: one new page hit.
    let doc = store
        .add_document(&document(
            'a',
            "The data sits on a server in Dublin.",
            Some(case.id),
        ))
        .unwrap();
    let run = store.run_saved_search(saved.id).unwrap();
    assert_eq!(run.new_hits, 1);
    let new: Vec<_> = run.hits.iter().filter(|h| h.new).collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].kind, HitKind::Page);
    assert_eq!(new[0].document_id, Some(doc.id));
    assert_eq!(new[0].page, Some(2));
    assert_eq!(new[0].case_id, Some(case.id));
    assert_eq!(store.saved_searches().unwrap()[0].new_hits, 1);

    // Marking seen: no new hits, and it stays so after reopening the file.
    let marked = store.mark_saved_search_seen(saved.id).unwrap();
    assert_eq!(
        marked.new_hits, 1,
        "the run returned is the one the user saw"
    );
    assert_eq!(store.run_saved_search(saved.id).unwrap().new_hits, 0);
    drop(store);
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    assert_eq!(store.saved_searches().unwrap()[0].new_hits, 0);
    assert!(store.saved_search(saved.id).unwrap().seen_at.is_some());

    // An event logged that mentions Dublin: one new event hit.
    let proceeding = store.proceedings(case.id).unwrap()[0].clone();
    let event = store
        .add_event(&NewEvent::new(
            proceeding.id,
            "2019-01-02".parse().unwrap(),
            EventKind::Letter,
            "Letter about the Dublin data centre",
        ))
        .unwrap();
    let run = store.run_saved_search(saved.id).unwrap();
    assert_eq!(run.new_hits, 1);
    let new = run.hits.iter().find(|h| h.new).unwrap();
    assert_eq!(new.event_id, Some(event.id));
    assert_eq!(new.date.as_deref(), Some("2019-01-02"));
    store.mark_saved_search_seen(saved.id).unwrap();
    assert_eq!(store.saved_searches().unwrap()[0].new_hits, 0);

    // Every change is in the activity log.
    let history = store.history("saved_search", saved.id.0).unwrap();
    let ops: Vec<_> = history.iter().map(|a| a.op.to_string()).collect();
    assert_eq!(ops.len(), 3, "{ops:?}");
}

#[test]
fn saved_searches_are_validated_scoped_and_deleted() {
    let (_dir, mut store) = store_with_demo();
    let case = store.find_case("Ireland").unwrap();

    let err = store.save_search("  ", "warrant", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = store.save_search("Bad", "( * )", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = store
        .save_search("Nowhere", "warrant", Some(casetrail_model::CaseId(404)))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(store.saved_searches().unwrap().is_empty(), "nothing kept");

    let scoped = store
        .save_search("Warrants here", "warrant", Some(case.id))
        .unwrap();
    assert_eq!(scoped.case_id, Some(case.id));
    let err = store
        .save_search("warrants HERE", "other", None)
        .unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(
        store.find_saved_search("WARRANTS here").unwrap().id,
        scoped.id
    );
    let run = store.run_saved_search(scoped.id).unwrap();
    assert!(run.hits.iter().all(|h| h.case_id == Some(case.id)));

    store.delete_saved_search(scoped.id).unwrap();
    assert!(store.saved_searches().unwrap().is_empty());
    assert_eq!(
        store.run_saved_search(scoped.id).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        store
            .delete_saved_search(SavedSearchId(scoped.id.0))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}
