//! Imported documents (court PDFs) and full-text search hits.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CaseId, DocumentId, EventId, HighlightId, NoteId, ProceedingId};
use crate::extract::{OcrState, PageText};

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
    pub ocr: OcrState,
    /// Repairs and remarks from extraction.
    pub warnings: Vec<String>,
    /// Text and status of every page, in order.
    pub pages: Vec<PageText>,
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
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::import::DetectedShape>"))]
    pub detected: serde_json::Value,
    /// `not_needed`, `used`, `disabled` or `unavailable`.
    pub ocr: String,
    pub warnings: Vec<String>,
    /// Pages still waiting for OCR.
    pub pages_needing_ocr: u32,
    pub imported_at: DateTime<Utc>,
}

/// One stored page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    pub number: u32,
    /// `text`, `ocr`, `empty`, `needs_ocr` or `failed`.
    pub status: String,
    /// Why the page failed, for `failed` pages.
    pub failure: Option<String>,
    pub text: String,
}

/// One full-text search result: a document page, a docket event, a note or a highlight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// `page`, `event`, `note` or `highlight`.
    pub kind: &'static str,
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
