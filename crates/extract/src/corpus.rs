//! The shared corpus's PDFs, for the tests that check that a rewrite of a
//! document (cut content, compacted maps, the quick reader) changes nothing.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use lopdf::Document;

/// The corpus's PDFs in name order, when `../shared` is there.
pub(crate) fn pdfs() -> Option<Vec<PathBuf>> {
    let dir = casetrail_fixtures::shared::path("corpus/pdf")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    Some(files)
}

/// The text pdf-extract writes for page `number`, or `None` when it fails.
pub(crate) fn page_text(doc: &Document, number: u32) -> Option<String> {
    catch_unwind(AssertUnwindSafe(|| {
        let mut raw = String::new();
        let mut out = pdf_extract::PlainTextOutput::new(&mut raw);
        pdf_extract::output_doc_page(doc, &mut out, number).map(|()| raw)
    }))
    .ok()
    .and_then(Result::ok)
}
