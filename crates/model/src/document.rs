//! Imported documents (court PDFs) and full-text search hits.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::vocabulary::vocabulary;
use super::{CaseId, DocumentId, EventId, HighlightId, NoteId, ProceedingId};

vocabulary! {
    /// Whether OCR was used on a document, and if not, why.
    pub enum OcrStatus ("OCR status") {
        /// Every page had a text layer.
        NotNeeded => "not_needed", "not needed",
        /// OCR read the pages without text.
        Used => "used", "used",
        /// OCR was turned off for the import.
        Disabled => "disabled", "disabled",
        /// OCR was needed but is not installed here.
        Unavailable => "unavailable", "unavailable",
    }
}

vocabulary! {
    /// How a page's text was obtained, or why there is none.
    pub enum PageStatus ("page status") {
        /// The page's own text layer was read.
        Text => "text", "text",
        /// The page had no usable text layer; the text comes from OCR.
        Ocr => "ocr", "OCR",
        /// No text, and OCR found none either (a blank page).
        Empty => "empty", "empty",
        /// No text layer, and OCR did not run.
        NeedsOcr => "needs_ocr", "needs OCR",
        /// The page could not be read (the page's `failure` says why).
        Failed => "failed", "failed",
    }
}

vocabulary! {
    /// What a search hit is: a page of a document, a docket event, a note or a highlight.
    pub enum HitKind ("hit kind") {
        Page => "page", "page",
        Event => "event", "event",
        Note => "note", "note",
        Highlight => "highlight", "highlight",
    }
}

/// A document ready to be recorded: its identity, where it belongs, and its text per page.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// SHA-256 of the file's bytes, lower-case hex (the file's name in the library).
    pub sha256: String,
    /// Shown in lists and search results.
    pub title: String,
    /// The file name it was imported from.
    pub original_name: String,
    /// Size of the file in bytes.
    pub size_bytes: u64,
    /// The case it belongs to, if known.
    pub case_id: Option<CaseId>,
    /// The proceeding (docket) it belongs to, if known.
    pub proceeding_id: Option<ProceedingId>,
    /// Metadata read from its first pages (court, docket number, filing date…), as JSON.
    pub detected: serde_json::Value,
    /// Whether OCR was used.
    pub ocr: OcrStatus,
    /// Repairs and remarks from extraction.
    pub warnings: Vec<String>,
    /// Text and status of every page, in order.
    pub pages: Vec<Page>,
}

/// A recorded document (without its page text).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Document {
    pub id: DocumentId,
    pub sha256: String,
    pub title: String,
    pub original_name: String,
    pub size_bytes: u64,
    pub page_count: u32,
    pub case_id: Option<CaseId>,
    pub proceeding_id: Option<ProceedingId>,
    pub event_id: Option<EventId>,
    #[cfg_attr(feature = "ts", ts(as = "Option<DetectedShape>"))]
    pub detected: serde_json::Value,
    pub ocr: OcrStatus,
    pub warnings: Vec<String>,
    /// Pages still waiting for OCR.
    pub pages_needing_ocr: u32,
    pub imported_at: DateTime<Utc>,
}

/// One page of a document: its number (1-based), how its text was obtained, and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    pub number: u32,
    pub status: PageStatus,
    /// Why the page failed, for `failed` pages.
    pub failure: Option<String>,
    pub text: String,
}

/// One full-text search result: a document page, a docket event, a note or a highlight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub kind: HitKind,
    pub document_id: Option<DocumentId>,
    pub event_id: Option<EventId>,
    /// The document's or the event's title.
    pub title: String,
    /// The page number, for page hits.
    pub page: Option<u32>,
    /// Text around the match, the matched terms between `[` and `]`.
    pub snippet: String,
    /// The case's key (slug), when the document or event belongs to a case.
    pub case: Option<String>,
    /// The note, for note hits (absent from the JSON of other hits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_id: Option<NoteId>,
    /// The highlight, for highlight hits (absent from the JSON of other hits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlight_id: Option<HighlightId>,
    /// bm25 rank: lower is better.
    #[serde(skip)]
    pub rank: f64,
}

/// The TypeScript shape of a document's `detected` metadata: the JSON of
/// `casetrail_detect::Detected` (`filed` as `YYYY-MM-DD`, `kind` in snake_case,
/// citations as strings). Only used to generate the binding; detection's test
/// `json_shape_matches_the_cli_contract` pins that JSON.
#[cfg(feature = "ts")]
#[derive(ts_rs::TS)]
#[ts(rename = "Detected")]
#[allow(dead_code)]
pub struct DetectedShape {
    court: Option<String>,
    docket_number: Option<String>,
    filed: Option<String>,
    kind: Option<String>,
    citations: Vec<String>,
}
