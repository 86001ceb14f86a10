//! Documents, pages and search in a real SQLite file, through the store API.

use casetrail_model::{HitKind, OcrStatus, Page, PageStatus};
use casetrail_model::{NewCase, NewDocument};
use casetrail_store::Error;
use casetrail_store::Store;

fn page(number: u32, text: &str) -> Page {
    Page {
        number,
        status: PageStatus::Text,
        failure: None,
        text: text.into(),
    }
}

fn document(sha_digit: char, pages: Vec<Page>) -> NewDocument {
    NewDocument {
        sha256: sha_digit.to_string().repeat(64),
        title: "Opinion and Order".into(),
        original_name: "order.pdf".into(),
        size_bytes: 1234,
        case_id: None,
        proceeding_id: None,
        detected: serde_json::json!({"court": "nysd"}),
        ocr: OcrStatus::NotNeeded,
        warnings: vec![],
        pages,
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db")).unwrap();
    (dir, store)
}

#[test]
fn a_document_and_its_pages_are_written_together_or_not_at_all() {
    let (_dir, mut store) = store();
    let doc = store
        .add_document(&document(
            'a',
            vec![
                page(1, "first"),
                Page {
                    number: 2,
                    status: PageStatus::Failed,
                    failure: Some("page crashed the extractor".into()),
                    text: String::new(),
                },
                Page {
                    number: 3,
                    status: PageStatus::NeedsOcr,
                    failure: None,
                    text: String::new(),
                },
            ],
        ))
        .unwrap();
    assert_eq!(doc.page_count, 3);
    assert_eq!(doc.pages_needing_ocr, 1);
    assert_eq!(doc.detected["court"], "nysd");
    let pages = store.pages(doc.id).unwrap();
    assert_eq!(pages[1].status, PageStatus::Failed);
    assert_eq!(
        pages[1].failure.as_deref(),
        Some("page crashed the extractor")
    );

    // Page number 0 violates the schema after page 1 was inserted: nothing is kept.
    let bad = document('b', vec![page(1, "kept?"), page(0, "invalid")]);
    assert!(store.add_document(&bad).is_err());
    assert!(store.document_by_sha256(&bad.sha256).unwrap().is_none());
    assert!(store.search("kept", None, 10).unwrap().is_empty());

    // Same bytes again: refused, the first stays.
    let again = store.add_document(&document('a', vec![page(1, "other")]));
    assert!(matches!(again, Err(Error::Invalid(_))), "{again:?}");
    assert_eq!(store.documents(None).unwrap().len(), 1);
    store.check_search_index().unwrap();
}

#[test]
fn search_folds_diacritics_and_filters_by_case() {
    let (_dir, mut store) = store();
    let case = store
        .add_case(&NewCase {
            slug: "munoz".into(),
            name: "Muñoz v. Dublín".into(),
            summary: String::new(),
        })
        .unwrap();
    let mut in_case = document('c', vec![page(1, "Señor Muñoz appeals from Dublín")]);
    in_case.case_id = Some(case.id);
    store.add_document(&in_case).unwrap();
    store
        .add_document(&document('d', vec![page(1, "Munoz is also named here")]))
        .unwrap();

    let all = store.search("munoz", None, 10).unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    let filtered = store.search("MUNOZ", Some(case.id), 10).unwrap();
    assert_eq!(filtered.len(), 1);
    assert_eq!(filtered[0].case.as_deref(), Some("munoz"));
    assert_eq!(filtered[0].page, Some(1));
    assert!(
        filtered[0].snippet.contains("[Muñoz]"),
        "{}",
        filtered[0].snippet
    );
    assert_eq!(store.search("dublin", None, 10).unwrap().len(), 1);
    store.check_search_index().unwrap();
}

#[test]
fn limit_bounds_hits_best_first() {
    let (_dir, mut store) = store();
    for (i, digit) in "0123456789".chars().enumerate() {
        let text = format!("warrant {}", "filler ".repeat(i * 20));
        store
            .add_document(&document(digit, vec![page(1, &text)]))
            .unwrap();
    }
    let hits = store.search("warrant", None, 3).unwrap();
    assert_eq!(hits.len(), 3);
    // bm25 prefers the shortest page.
    let best = store.document(hits[0].document_id.unwrap()).unwrap();
    assert_eq!(best.sha256, "0".repeat(64));
}

#[test]
fn linking_a_document_checks_case_proceeding_and_event_agree() {
    let (_dir, mut store) = store();
    let demo = casetrail_import::demo::load(&mut store).unwrap();
    let proceedings = store.proceedings(demo.case.id).unwrap();
    let (p1, p2) = (&proceedings[0], &proceedings[1]);
    let event = store.events(p1.id).unwrap()[0].clone();
    let doc = store
        .add_document(&document('e', vec![page(1, "order")]))
        .unwrap();

    let linked = store
        .link_document(doc.id, None, Some(p1.id), Some(event.id))
        .unwrap();
    assert_eq!(linked.case_id, Some(demo.case.id));
    assert_eq!(linked.proceeding_id, Some(p1.id));
    assert_eq!(linked.event_id, Some(event.id));
    assert_eq!(store.history("document", doc.id.0).unwrap().len(), 2);
    let of_event: Vec<_> = store.event_documents(event.id).unwrap();
    assert_eq!(of_event.iter().map(|d| d.id).collect::<Vec<_>>(), [doc.id]);

    let wrong = store.link_document(doc.id, None, Some(p2.id), Some(event.id));
    assert!(matches!(wrong, Err(Error::Invalid(_))), "{wrong:?}");
    let cleared = store.link_document(doc.id, None, None, None).unwrap();
    assert_eq!((cleared.case_id, cleared.proceeding_id), (None, None));
    assert!(store.event_documents(event.id).unwrap().is_empty());
    // The document's pages are now found without a case filter only.
    let pages = |case| {
        store
            .search("order", case, 50)
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == HitKind::Page)
            .count()
    };
    assert_eq!(pages(None), 1);
    assert_eq!(pages(Some(demo.case.id)), 0);
}

#[test]
fn each_hit_carries_the_snippet_of_its_own_page() {
    let (_dir, mut store) = store();
    // Matching pages spread among others, so the hits' rowids are far apart.
    for (i, digit) in "0123456789abcdef".chars().enumerate() {
        let pages = (1..=3)
            .map(|n| {
                let text = if (i + n as usize) % 3 == 0 {
                    format!("marker{i}x{n} the warrants issued {}", "filler ".repeat(i))
                } else {
                    format!("unrelated text {i} {n}")
                };
                page(n, &text)
            })
            .collect();
        store.add_document(&document(digit, pages)).unwrap();
    }
    for query in ["warr*", "warrants", "\"warrants issued\""] {
        let hits = store.search(query, None, 6).unwrap();
        assert_eq!(hits.len(), 6, "{query}");
        assert!(
            hits.windows(2).all(|w| w[0].rank <= w[1].rank),
            "best first"
        );
        for hit in &hits {
            let doc = store.document(hit.document_id.unwrap()).unwrap();
            let i = "0123456789abcdef"
                .find(doc.sha256.chars().next().unwrap())
                .unwrap();
            let marker = format!("marker{i}x{}", hit.page.unwrap());
            assert!(
                hit.snippet.contains(&marker) && hit.snippet.contains("[warrants"),
                "{query}: {:?} lacks {marker}",
                hit.snippet
            );
        }
    }
}
