//! Metadata read from the first pages of a court filing.
//!
//! Pure text in, metadata out: no I/O, no database, no PDF parsing. The caller
//! extracts the text of the first pages (one string per page, as `pdftotext` or
//! `pdf-extract` produce it, messy spacing included) and calls [`detect`].
//!
//! What is read:
//! - the **court** (a courts-db id such as `nysd`, `ca2`, `scotus`), from ECF
//!   headers combined with captions, appellate and state captions, letterheads;
//! - the **docket number**, preferring the ECF header over the caption;
//! - the **filing date**, preferring the filing stamp over other dates;
//! - the **document kind** (conservative: `None` rather than a guess);
//! - **citations** in volume–reporter–page form (`829 F.3d 197`).
//!
//! The court and reporter tables are bundled from `assets/detect/` (derived from
//! courts-db and reporters-db by `tools/derive_detect_assets.py`).

mod citation;
mod court;
mod docket;
mod ecf;
mod filed;
mod kind;
mod text;

use chrono::NaiveDate;
use serde::Serialize;

/// The version of detection: bump it when what is detected changes, so that
/// `casetrail redetect` reads the documents an older version read again.
pub const VERSION: u32 = 1;

pub use citation::{authority_key, cite_pages, find_citations, Citation, Cite, CiteKind};
pub use court::court_name;
pub use kind::DocumentKind;

/// What was read from the first pages. Every field may be missing.
///
/// Serialises as `{"court", "docket_number", "filed", "kind", "citations"}` with
/// `filed` as `YYYY-MM-DD`, `kind` in snake_case and citations as strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Detected {
    /// courts-db id of the court (`nysd`, `ca2`, `scotus`…); see [`court_name`].
    pub court: Option<String>,
    /// Docket (case) number as the filing prints it, dashes normalised.
    pub docket_number: Option<String>,
    /// Filing date: the ECF stamp when there is one, else a "Filed"/"Decided"/"Dated" date.
    pub filed: Option<NaiveDate>,
    /// What kind of document this is, when the first pages say so clearly.
    pub kind: Option<DocumentKind>,
    /// Volume–reporter–page citations, normalised and de-duplicated, in order of appearance.
    pub citations: Vec<Citation>,
}

/// Read court, docket number, filing date, kind and citations from page texts.
///
/// `first_pages` holds one string per page, first page first. Never panics,
/// whatever the text.
pub fn detect(first_pages: &[&str]) -> Detected {
    let pages: Vec<String> = first_pages.iter().map(|p| text::clean(p)).collect();
    let header = ecf::find_header(&pages);
    Detected {
        court: court::detect(&pages, header.as_ref()),
        docket_number: docket::detect(&pages, header.as_ref()),
        filed: filed::detect(&pages, header.as_ref()),
        kind: kind::detect(&pages),
        citations: find_citations(&pages.join("\n")),
    }
}
