//! Why a whole document could not be extracted.

use serde::{Deserialize, Serialize};

/// A document-level extraction failure, with a reason a person can act on.
///
/// Page-level problems are not errors: they are [`super::PageStatus::Failed`] pages
/// inside a successful [`super::Extraction`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", content = "detail", rename_all = "snake_case")]
pub enum ExtractError {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    /// The file has zero bytes.
    #[error("the file is empty")]
    EmptyFile,
    /// The file does not start with a PDF header.
    #[error("not a PDF (no %PDF- header)")]
    NotPdf,
    /// The PDF needs a password to be opened.
    #[error("the PDF is encrypted: a password is needed to open it")]
    Encrypted,
    /// The cross-reference table (the index of the file's objects) is damaged.
    #[error("damaged cross-reference table: {0}")]
    DamagedXref(String),
    /// The PDF could not be parsed for another reason.
    #[error("damaged PDF: {0}")]
    Damaged(String),
    /// The PDF has no page tree or no pages.
    #[error("the PDF has no readable pages: {0}")]
    NoPages(String),
    /// Extraction took longer than the time limit.
    #[error("extraction timed out after {seconds} s")]
    TimedOut {
        /// The limit that was exceeded, in seconds.
        seconds: u64,
    },
    /// Extraction needed more memory than the limit.
    #[error("extraction exceeded the memory limit ({megabytes} MB)")]
    MemoryLimit {
        /// The limit that was exceeded, in megabytes.
        megabytes: u64,
    },
    /// The worker reported a different number of pages than the PDF's page tree has.
    #[error("page count mismatch: the PDF has {expected} pages, {got} were extracted")]
    PageCountMismatch {
        /// Pages in the PDF's page tree.
        expected: u32,
        /// Pages the worker returned.
        got: u32,
    },
    /// The worker process could not be started or died without saying why.
    #[error("extraction worker failed: {0}")]
    Worker(String),
    /// The caller cancelled the extraction.
    #[error("cancelled")]
    Cancelled,
}

impl ExtractError {
    /// Stable snake_case name of the reason (`not_pdf`, `encrypted`, `damaged_xref`…).
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::Unreadable(_) => "unreadable",
            ExtractError::EmptyFile => "empty_file",
            ExtractError::NotPdf => "not_pdf",
            ExtractError::Encrypted => "encrypted",
            ExtractError::DamagedXref(_) => "damaged_xref",
            ExtractError::Damaged(_) => "damaged",
            ExtractError::NoPages(_) => "no_pages",
            ExtractError::TimedOut { .. } => "timed_out",
            ExtractError::MemoryLimit { .. } => "memory_limit",
            ExtractError::PageCountMismatch { .. } => "page_count_mismatch",
            ExtractError::Worker(_) => "worker",
            ExtractError::Cancelled => "cancelled",
        }
    }

    /// Classify an error from lopdf's loader.
    pub(crate) fn from_load(err: &lopdf::Error) -> Self {
        use lopdf::Error as E;
        match err {
            E::Xref(e) => ExtractError::DamagedXref(e.to_string()),
            E::MissingXrefEntry | E::InvalidOffset(_) => ExtractError::DamagedXref(err.to_string()),
            E::Decryption(_) | E::InvalidPassword | E::AlreadyEncrypted => ExtractError::Encrypted,
            // lopdf does not export its ParseError type; its messages are stable.
            E::Parse(p) => {
                let msg = p.to_string();
                if msg.contains("header") {
                    ExtractError::NotPdf
                } else if msg.contains("cross reference") || msg.contains("trailer") {
                    ExtractError::DamagedXref(msg)
                } else if msg.contains("end of input") {
                    ExtractError::DamagedXref("the file ends early (truncated)".into())
                } else {
                    ExtractError::Damaged(msg)
                }
            }
            other => ExtractError::Damaged(other.to_string()),
        }
    }
}
