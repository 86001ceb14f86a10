//! Highlights: a passage of a document page the user marked, with an optional
//! note, stored with its page and where it sits on the page. Also the document
//! as the viewer shows it (metadata read at import, what it is linked to).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{CaseId, DocumentId, EventId, HighlightId, ProceedingId};
use crate::{Error, Result};

/// The most rectangles one highlight may have (one per line of a passage).
pub const MAX_RECTS: usize = 500;
/// The longest quote kept, in characters.
pub const MAX_QUOTE_CHARS: usize = 20_000;

/// A rectangle on a page, normalised to the page's size: `x`, `y` from the
/// top-left corner, all four between 0 and 1, so it does not depend on zoom.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HighlightRect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl HighlightRect {
    /// Check the rectangle lies on the page (a tiny overshoot from rounding is refused too).
    pub fn validate(&self) -> Result<()> {
        let finite = [self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite());
        let inside = (0.0..=1.0).contains(&self.x)
            && (0.0..=1.0).contains(&self.y)
            && self.w > 0.0
            && self.h > 0.0
            && self.x + self.w <= 1.0 + 1e-9
            && self.y + self.h <= 1.0 + 1e-9;
        if finite && inside {
            Ok(())
        } else {
            Err(Error::invalid(format!(
                "a highlight rectangle must lie on the page (x, y, w, h between 0 and 1, w and h above 0), got x={} y={} w={} h={}",
                self.x, self.y, self.w, self.h
            )))
        }
    }
}

/// What the viewer sends to highlight a passage.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewHighlight {
    pub document_id: DocumentId,
    /// 1-based page number.
    pub page: u32,
    /// Where the passage is on the page, one rectangle per line.
    pub rects: Vec<HighlightRect>,
    /// The passage's text as selected.
    pub quote: String,
    /// The user's note on it; may be empty.
    #[serde(default)]
    pub note: String,
}

impl NewHighlight {
    /// Check what does not need the database: page, rectangles, quote. (The page is
    /// checked against the document's page count by the store.)
    pub fn validate(&self) -> Result<()> {
        if self.page == 0 {
            return Err(Error::invalid("pages are numbered from 1"));
        }
        if self.rects.is_empty() {
            return Err(Error::invalid("a highlight needs at least one rectangle"));
        }
        if self.rects.len() > MAX_RECTS {
            return Err(Error::invalid(format!(
                "a highlight has at most {MAX_RECTS} rectangles"
            )));
        }
        for r in &self.rects {
            r.validate()?;
        }
        if self.quote.trim().is_empty() {
            return Err(Error::invalid("a highlight needs the text it marks"));
        }
        if self.quote.chars().count() > MAX_QUOTE_CHARS {
            return Err(Error::invalid(format!(
                "a highlight quotes at most {MAX_QUOTE_CHARS} characters"
            )));
        }
        Ok(())
    }
}

/// A stored highlight.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Highlight {
    pub id: HighlightId,
    pub document_id: DocumentId,
    /// 1-based page number.
    pub page: u32,
    pub rects: Vec<HighlightRect>,
    pub quote: String,
    /// The user's note; empty when none.
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Something a document is linked to, with a label to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentLink<Id> {
    pub id: Id,
    pub label: String,
}

/// A document as the viewer shows it: what it is, what was read from its first
/// pages at import, and the case, proceeding and event it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentDetails {
    pub id: DocumentId,
    pub title: String,
    pub original_name: String,
    pub page_count: u32,
    pub size_bytes: u64,
    pub imported_at: DateTime<Utc>,
    /// Court read from the first pages (its name when known, else the courts-db id).
    pub court: Option<String>,
    pub docket_number: Option<String>,
    pub filed: Option<NaiveDate>,
    /// Document kind in snake_case (`opinion`, `order`…), when detected.
    pub kind: Option<String>,
    pub citations: Vec<String>,
    /// The case, proceeding and docket event it is linked to.
    pub case: Option<DocumentLink<CaseId>>,
    pub proceeding: Option<DocumentLink<ProceedingId>>,
    pub event: Option<DocumentLink<EventId>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, w: f64, h: f64) -> HighlightRect {
        HighlightRect { x, y, w, h }
    }

    #[test]
    fn rectangles_must_lie_on_the_page() {
        assert!(rect(0.1, 0.2, 0.5, 0.02).validate().is_ok());
        assert!(rect(0.0, 0.0, 1.0, 1.0).validate().is_ok());
        for bad in [
            rect(-0.1, 0.2, 0.5, 0.02),
            rect(0.6, 0.2, 0.5, 0.02),
            rect(0.1, 0.99, 0.5, 0.02),
            rect(0.1, 0.2, 0.0, 0.02),
            rect(f64::NAN, 0.2, 0.5, 0.02),
            rect(0.1, 0.2, f64::INFINITY, 0.02),
        ] {
            assert!(bad.validate().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn a_highlight_needs_a_page_a_rectangle_and_a_quote() {
        let ok = NewHighlight {
            document_id: DocumentId(1),
            page: 2,
            rects: vec![rect(0.1, 0.1, 0.3, 0.02)],
            quote: "Calvary Chapel".into(),
            note: String::new(),
        };
        assert!(ok.validate().is_ok());
        let mut bad = ok.clone();
        bad.page = 0;
        assert!(bad.validate().is_err());
        let mut bad = ok.clone();
        bad.rects.clear();
        assert!(bad.validate().is_err());
        let mut bad = ok.clone();
        bad.quote = "  ".into();
        assert!(bad.validate().is_err());
    }
}
