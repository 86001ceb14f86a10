//! The JSON-lines protocol between the extraction worker (stdout) and its parent.

use serde::{Deserialize, Serialize};

use super::{BadRedaction, ExtractError, OcrState, PageStatus};

/// One line the worker writes on its stdout.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(crate) enum Message {
    /// The document opened; sent once, before any page.
    Document {
        /// Pages found by walking the page tree.
        pages: u32,
        /// The `/Count` of the page tree root.
        declared_pages: Option<u32>,
        /// Opened with the empty user password.
        was_encrypted: bool,
        /// Problems repaired or worked around while opening.
        warnings: Vec<String>,
    },
    /// The worker is about to run OCR on a page (the parent extends its deadline).
    OcrStart { page: u32 },
    /// One page is done.
    Page {
        number: u32,
        status: PageStatus,
        text: String,
        /// Text left under dark rectangles (absent from older workers: none).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        bad_redactions: Vec<BadRedaction>,
    },
    /// Final state of OCR for this run.
    Ocr { state: OcrState },
    /// The document cannot be extracted at all.
    Fatal { error: ExtractError },
    /// All requested pages were sent.
    Done,
}

impl Message {
    /// Serialise as one line (no trailing newline).
    pub(crate) fn to_line(&self) -> String {
        // Serialising these plain enums cannot fail; fall back to a fatal line just in case.
        serde_json::to_string(self).unwrap_or_else(|e| {
            format!(r#"{{"type":"fatal","error":{{"reason":"worker","detail":"{e}"}}}}"#)
        })
    }
}
