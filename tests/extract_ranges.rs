//! A document split into page ranges, each run by its own worker process, yields
//! exactly the pages (numbers, statuses, text) of an unsplit extraction; and an import
//! on two threads (where an idle thread takes over the tail of a long file) stores
//! the same pages as an import on one.

use casetrail_fixtures::{pdfs as fixture_pdfs, shared_or_skip};

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use casetrail_extract::{extract_file, Extraction, Job, Limits};
use casetrail_import::{import_paths, FileStatus, ImportOptions};
use casetrail_store::Library;
use casetrail_store::Store;

fn worker() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_casetrail"))
}

fn no_ocr() -> Limits {
    Limits {
        ocr: false,
        ..Limits::default()
    }
}

/// Extract `path` as ranges starting at 1 and at each of `starts`, every range on its
/// own thread at the same time.
fn extract_split(path: &Path, starts: &[u32], limits: &Limits) -> Extraction {
    let job = Job::with_splits(path, starts);
    let cancel = AtomicBool::new(false);
    let mut ranges = Vec::new();
    while let Some(range) = job.claim() {
        ranges.push(range);
    }
    assert_eq!(ranges.len(), starts.len() + 1);
    let last_out: usize = std::thread::scope(|s| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|&range| {
                let (job, cancel) = (&job, &cancel);
                s.spawn(move || job.run(range, worker(), limits, cancel))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| usize::from(h.join().unwrap()))
            .sum()
    });
    assert_eq!(
        last_out, 1,
        "exactly one range run reports the job complete"
    );
    job.finish().expect("split extraction")
}

fn many_pages(dir: &tempfile::TempDir, pages: usize) -> PathBuf {
    let lines: Vec<Vec<String>> = (1..=pages)
        .map(|n| {
            vec![
                format!("This is page {n} of the order."),
                format!("Line two of page {n}"),
            ]
        })
        .collect();
    let refs: Vec<Vec<&str>> = lines
        .iter()
        .map(|l| l.iter().map(String::as_str).collect())
        .collect();
    let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    let path = dir.path().join("many.pdf");
    std::fs::write(&path, fixture_pdfs::text_pdf(&slices)).unwrap();
    path
}

#[test]
fn split_ranges_yield_the_pages_of_an_unsplit_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let path = many_pages(&dir, 12);
    let whole = extract_file(worker(), &path, &no_ocr()).unwrap();
    assert_eq!(whole.pages.len(), 12);
    assert!(whole.pages[6].text.contains("This is page 7 of the order."));
    for starts in [&[4u32, 9][..], &[2, 3, 12], &[7, 50]] {
        let split = extract_split(&path, starts, &no_ocr());
        assert_eq!(split, whole, "ranges starting at {starts:?}");
    }
}

#[test]
fn a_failed_page_stays_failed_in_its_range() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.pdf");
    std::fs::write(&path, fixture_pdfs::bad_middle_page_pdf()).unwrap();
    let whole = extract_file(worker(), &path, &no_ocr()).unwrap();
    assert!(whole.pages_failed() > 0, "the fixture has a bad page");
    let split = extract_split(&path, &[2], &no_ocr());
    assert_eq!(split, whole);
}

#[test]
fn a_document_that_cannot_open_fails_once_whatever_the_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enc.pdf");
    std::fs::write(&path, fixture_pdfs::encrypted_pdf("secret")).unwrap();
    let whole = extract_file(worker(), &path, &no_ocr()).unwrap_err();
    let job = Job::with_splits(&path, &[2]);
    let cancel = AtomicBool::new(false);
    let mut done = 0;
    while let Some(range) = job.claim() {
        done += usize::from(job.run(range, worker(), &no_ocr(), &cancel));
    }
    assert_eq!(done, 1);
    assert_eq!(job.finish().unwrap_err(), whole);
}

/// The corpus's 391-page filing (and a 73-page one), split by hand.
#[test]
fn corpus_files_split_by_hand_match() {
    for (name, starts) in [
        (
            "x-ray__gov.uscourts.cand.290385.532.0.pdf",
            &[20u32, 50][..],
        ),
        ("x-ray__gov.uscourts.cand.306945.1244.0.pdf", &[130, 261]),
    ] {
        let path = shared_or_skip!(&format!("corpus/pdf/{name}"));
        let whole = extract_file(worker(), &path, &no_ocr()).unwrap();
        let split = extract_split(&path, starts, &no_ocr());
        assert_eq!(split, whole, "{name}");
    }
}

type StoredPage = (u32, String, Option<String>, String);

fn import_pages(path: &Path, threads: usize) -> Vec<StoredPage> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    let options = ImportOptions {
        worker: worker().to_path_buf(),
        library: Library::beside_database(&db),
        limits: no_ocr(),
        case: None,
        threads,
    };
    let outcomes = import_paths(
        &mut store,
        &[path.to_path_buf()],
        &options,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(
        outcomes[0].status,
        FileStatus::Imported,
        "{:?}",
        outcomes[0]
    );
    let id = outcomes[0].document_id.unwrap();
    assert_eq!(
        store.document(id).unwrap().page_count as usize,
        store.pages(id).unwrap().len()
    );
    store
        .pages(id)
        .unwrap()
        .into_iter()
        .map(|p| (p.number, p.status.to_string(), p.failure, p.text))
        .collect()
}

/// On two threads the idle one takes over the tail of the 391-page file (which takes
/// far longer than opening it twice); the stored pages are those of a one-thread import.
#[test]
fn import_on_two_threads_stores_the_pages_of_one_thread() {
    let path = shared_or_skip!("corpus/pdf/x-ray__gov.uscourts.cand.306945.1244.0.pdf");
    let one = import_pages(&path, 1);
    assert_eq!(one.len(), 391);
    assert_eq!(import_pages(&path, 2), one);
}

/// A worker that dies (memory limit) on the first page of one range: that page fails,
/// the range's next worker goes on, and the other range is not disturbed.
#[test]
fn a_worker_death_in_one_range_costs_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.pdf");
    std::fs::write(&path, fixture_pdfs::flate_bomb_pdf(400)).unwrap();
    let limits = Limits {
        memory_bytes: 256 << 20,
        ..no_ocr()
    };
    let whole = extract_file(worker(), &path, &limits).unwrap();
    assert_eq!(whole.pages_failed(), 1);
    assert_eq!(extract_split(&path, &[2], &limits), whole);
}
