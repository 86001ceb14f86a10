//! Metadata read from a document's first pages: court, docket number, filing date,
//! document kind and legal citations.

use serde_json::Value;

/// Read metadata from the text of the first pages, as the JSON object the CLI prints
/// under `detected`: `{"court", "docket_number", "filed", "kind", "citations": [...]}`.
/// The one call site of [`casetrail_detect::detect`] in the import.
pub fn detect_metadata(first_pages: &[&str]) -> Value {
    serde_json::to_value(casetrail_detect::detect(first_pages)).unwrap_or(Value::Null)
}
