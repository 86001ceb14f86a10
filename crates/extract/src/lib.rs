//! Text per page from a PDF, extracted in an isolated child process.
//!
//! pdf-extract panics on hostile input, can recurse forever on a page tree whose
//! `Parent` points to itself and can allocate gigabytes on a flate bomb. A thread
//! cannot be killed, a process can: [`extract_file`] runs the `casetrail` binary's
//! hidden worker subcommand ([`WORKER_SUBCOMMAND`], implemented by [`worker::main`])
//! under a memory limit and a time limit that scales with the page count, and reads
//! one JSON line per page from it. Inside the worker every page is extracted on its
//! own under `catch_unwind`; if the worker dies anyway (abort, stack overflow,
//! memory limit, timeout) the page it was on is marked failed and a fresh worker
//! resumes at the next page, so one bad page costs one page, not the document.
//!
//! Pages without a text layer are run through Debian's `tesseract` (rasterised by
//! `pdftoppm`) when both are on `PATH`; otherwise they stay [`PageStatus::NeedsOcr`]
//! and [`Extraction::ocr`] says why. All text is NFKC-normalised (the "ﬁ" ligature
//! becomes "fi"); page boundaries are kept, nothing is de-hyphenated.

mod cmaps;
#[cfg(test)]
mod corpus;
mod failure;
mod job;
mod ocr;
mod operations;
mod page_tree;
mod protocol;
mod quotes;
mod redaction;
mod shown_codes;
mod streams;
mod supervisor;
mod text;
mod text_content;
pub mod worker;

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use failure::ExtractError;
pub use job::{extract_file, extract_file_cancellable, Job, RangeId};
pub use redaction::BadRedaction;
pub use text::normalize;

/// The hidden subcommand of the `casetrail` binary that runs [`worker::main`].
pub const WORKER_SUBCOMMAND: &str = "__extract-worker";

/// Resource limits for one extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Address-space limit of the worker process (RLIMIT_AS), in bytes.
    pub memory_bytes: u64,
    /// Time allowed to open the document, before any page is read.
    pub base_time: Duration,
    /// Time allowed per page of text extraction.
    pub per_page_time: Duration,
    /// Extra time allowed per page sent to OCR.
    pub per_ocr_page_time: Duration,
    /// Run OCR on pages without text (when tesseract is installed).
    pub ocr: bool,
    /// Read each page's text. Off, only the bad-redaction check runs (on every
    /// page), and every page comes back [`PageStatus::Empty`] with its finds.
    pub text: bool,
    /// Resolution at which pages are rasterised for OCR.
    pub ocr_dpi: u32,
    /// How many times a crashed or timed-out worker is restarted after the page it died on.
    pub max_restarts: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: 1 << 30,
            base_time: Duration::from_secs(30),
            per_page_time: Duration::from_secs(2),
            per_ocr_page_time: Duration::from_secs(60),
            ocr: true,
            text: true,
            ocr_dpi: 250,
            max_restarts: 3,
        }
    }
}

/// What happened to one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageStatus {
    /// The page's own text layer was read.
    Text,
    /// The page had no usable text layer; the text comes from OCR.
    Ocr,
    /// The page has no text and OCR found none either (a blank page).
    Empty,
    /// The page has no text layer and OCR did not run (see [`Extraction::ocr`]).
    NeedsOcr,
    /// The page could not be read; the reason says why.
    Failed(String),
}

impl PageStatus {
    /// Stable lower-case name (`text`, `ocr`, `empty`, `needs_ocr`, `failed`), as stored.
    pub fn as_str(&self) -> &'static str {
        match self {
            PageStatus::Text => "text",
            PageStatus::Ocr => "ocr",
            PageStatus::Empty => "empty",
            PageStatus::NeedsOcr => "needs_ocr",
            PageStatus::Failed(_) => "failed",
        }
    }
}

/// The text of one page (1-based `number`), NFKC-normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageText {
    /// 1-based page number in the PDF's page tree order.
    pub number: u32,
    /// How the text was obtained, or why there is none.
    pub status: PageStatus,
    /// The page text (empty unless the status is `Text` or `Ocr`).
    pub text: String,
    /// Text the page hides under dark rectangles that hide nothing.
    #[serde(default)]
    pub bad_redactions: Vec<BadRedaction>,
}

/// Whether OCR was used, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OcrState {
    /// Every page had a text layer; OCR was not needed.
    NotNeeded,
    /// OCR ran on the pages without text.
    Used,
    /// OCR was turned off by the caller ([`Limits::ocr`]).
    Disabled,
    /// OCR was needed but is not available here; the detail says what is missing.
    Unavailable(String),
}

/// The result of extracting one PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// One entry per page of the PDF's page tree, in order.
    pub pages: Vec<PageText>,
    /// The page count the PDF declares (`/Count` of its page tree root), if readable.
    pub declared_pages: Option<u32>,
    /// Whether OCR was used.
    pub ocr: OcrState,
    /// The file was encrypted with an empty user password (owner-password only) and was opened.
    pub was_encrypted: bool,
    /// Things worth telling the user that did not stop the extraction.
    pub warnings: Vec<String>,
}

impl Extraction {
    /// Number of pages whose text still needs OCR.
    pub fn pages_needing_ocr(&self) -> usize {
        self.pages
            .iter()
            .filter(|p| p.status == PageStatus::NeedsOcr)
            .count()
    }

    /// Number of pages that could not be read.
    pub fn pages_failed(&self) -> usize {
        self.pages
            .iter()
            .filter(|p| matches!(p.status, PageStatus::Failed(_)))
            .count()
    }

    /// All page texts joined with form feeds (the page separator pdftotext uses).
    pub fn full_text(&self) -> String {
        let texts: Vec<&str> = self.pages.iter().map(|p| p.text.as_str()).collect();
        texts.join("\u{c}")
    }
}

/// Quick checks done before any worker is started: the file exists, is not empty and
/// looks like a PDF (`%PDF-` within its first kilobyte, as readers accept).
pub fn precheck(path: &Path) -> std::result::Result<(), ExtractError> {
    use std::io::Read;
    let mut file =
        std::fs::File::open(path).map_err(|e| ExtractError::Unreadable(e.to_string()))?;
    let mut head = [0u8; 1024];
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) => return Err(ExtractError::Unreadable(e.to_string())),
        }
    }
    if filled == 0 {
        return Err(ExtractError::EmptyFile);
    }
    if !head[..filled].windows(5).any(|w| w == b"%PDF-") {
        return Err(ExtractError::NotPdf);
    }
    Ok(())
}
