//! Metadata read from a document's first pages: court, docket number, filing date,
//! document kind and legal citations.

use serde_json::Value;

/// Read metadata from the text of the first pages, as the JSON object the CLI prints
/// under `detected`: `{"court", "docket_number", "filed", "kind", "citations": [...]}`.
/// The one call site of [`casetrail_detect::detect`] in the import.
pub fn detect_metadata(first_pages: &[&str]) -> Value {
    serde_json::to_value(casetrail_detect::detect(first_pages)).unwrap_or(Value::Null)
}

/// Every page's citations, linked across pages (run on the pool thread that extracted them).
pub(crate) fn cite_pages(
    extraction: &casetrail_extract::Extraction,
) -> Vec<casetrail_detect::Cite> {
    let pages: Vec<&str> = extraction.pages.iter().map(|p| p.text.as_str()).collect();
    casetrail_detect::cite_pages(&pages)
}
