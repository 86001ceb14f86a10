//! Metadata read from a document's first pages: court, docket number, filing date,
//! document kind and legal citations.

use serde_json::{json, Value};

/// Read metadata from the text of the first pages, as the JSON object the CLI prints
/// under `detected`: `{"court", "docket_number", "filed", "kind", "citations": [...]}`.
///
/// MERGE (lead): detection is written separately as `crate::detect::detect(&[&str]) ->
/// Detected`. Wire it here — this is the only call site:
/// `serde_json::to_value(crate::detect::detect(first_pages)).unwrap_or(Value::Null)`.
/// Until then every key is null (the import itself does not depend on it).
pub fn detect_metadata(first_pages: &[&str]) -> Value {
    let _ = first_pages;
    json!({
        "court": null,
        "docket_number": null,
        "filed": null,
        "kind": null,
        "citations": [],
    })
}
