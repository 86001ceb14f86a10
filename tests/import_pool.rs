//! The bulk-import pool through the library API: progress reports and cancellation.

use casetrail_fixtures::pdfs as fixture_pdfs;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use casetrail_extract::Limits;
use casetrail_import::{import_paths, FileStatus, ImportOptions, Progress};
use casetrail_store::Library;
use casetrail_store::Store;

fn setup(files: usize) -> (tempfile::TempDir, Store, Vec<PathBuf>, ImportOptions) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let store = Store::open(&db).unwrap();
    let paths = (0..files)
        .map(|i| {
            let path = dir.path().join(format!("f{i}.pdf"));
            let line = format!("Document number {i}");
            std::fs::write(
                &path,
                fixture_pdfs::text_pdf(&[&[line.as_str()], &["second page"]]),
            )
            .unwrap();
            path
        })
        .collect();
    let options = ImportOptions {
        worker: PathBuf::from(env!("CARGO_BIN_EXE_casetrail")),
        library: Library::beside_database(&db),
        limits: Limits {
            ocr: false,
            ..Limits::default()
        },
        case: None,
        threads: 2,
    };
    (dir, store, paths, options)
}

#[test]
fn progress_counts_files_and_pages_up_to_the_total() {
    let (_dir, mut store, paths, options) = setup(5);
    let mut seen: Vec<Progress> = Vec::new();
    let outcomes = import_paths(
        &mut store,
        &paths,
        &options,
        &mut |p| seen.push(p.clone()),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(outcomes.iter().all(|o| o.status == FileStatus::Imported));
    let last = seen.last().unwrap();
    assert_eq!(
        (last.files_done, last.files_total, last.pages_done),
        (5, 5, 10)
    );
    assert!(seen.windows(2).all(|w| w[0].files_done <= w[1].files_done));
    assert!(seen.iter().any(|p| p.current.is_some()));
    // Outcomes come back in input order whatever order the pool finished in.
    for (o, p) in outcomes.iter().zip(&paths) {
        assert_eq!(o.path, p.display().to_string());
    }
}

#[test]
fn cancelling_stops_the_pool_and_reports_the_rest() {
    const FILES: usize = 16;
    let (_dir, mut store, paths, options) = setup(FILES);
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let outcomes = import_paths(
        &mut store,
        &paths,
        &options,
        &mut |p| {
            calls += 1;
            // Cancel as soon as the first file has started.
            if p.current.is_some() {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    )
    .unwrap();
    assert!(calls > 0);
    let imported = outcomes
        .iter()
        .filter(|o| o.status == FileStatus::Imported)
        .count();
    let cancelled = outcomes
        .iter()
        .filter(|o| o.reason == Some("cancelled"))
        .count();
    assert!(
        imported < FILES && cancelled > 0,
        "{imported} imported, {cancelled} cancelled"
    );
    assert_eq!(imported + cancelled, FILES);
    // What was imported is complete.
    assert_eq!(store.documents(None).unwrap().len(), imported);
}

#[test]
fn each_finished_file_is_reported_once_with_its_outcome() {
    use casetrail_import::ImportEvent;
    let (_dir, mut store, paths, options) = setup(4);
    let mut events: Vec<ImportEvent> = Vec::new();
    let outcomes = import_paths(
        &mut store,
        &paths,
        &options,
        &mut |p| events.extend(ImportEvent::from_progress(p)),
        &AtomicBool::new(false),
    )
    .unwrap();
    let mut finished: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            ImportEvent::Finished { outcome } => Some(outcome.path.clone()),
            ImportEvent::Progress { .. } => None,
        })
        .collect();
    finished.sort();
    let mut expected: Vec<String> = outcomes.iter().map(|o| o.path.clone()).collect();
    expected.sort();
    assert_eq!(finished, expected, "one finished event per file");
    // Every finished event is followed by the counts that include it.
    for (i, e) in events.iter().enumerate() {
        if matches!(e, ImportEvent::Finished { .. }) {
            assert!(matches!(
                events.get(i + 1),
                Some(ImportEvent::Progress { .. })
            ));
        }
    }
    match events.last() {
        Some(ImportEvent::Progress {
            files_done,
            files_total,
            pages_done,
            ..
        }) => assert_eq!((*files_done, *files_total, *pages_done), (4, 4, 8)),
        other => panic!("the last event is not the final count: {other:?}"),
    }
}
