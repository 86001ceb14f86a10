//! Saved searches, the search results the app shows, and which of them are new.
//!
//! A saved search is a name for a query (optionally within one case). Each time
//! the user looks at its results, the keys of the hits they saw are kept; a hit
//! whose key is not among them is **new** (a document imported, an event logged
//! or renamed since).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CaseId, DocumentId, EventId, HighlightId, HitKind, NoteId, SavedSearchId, SearchHit};
use crate::{Error, Result};

/// Longest name a saved search may have, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;

/// How many hits a saved search looks at when counting and showing new hits.
pub const SAVED_SEARCH_LIMIT: usize = 200;

/// A search the user named, to run again later.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedSearch {
    pub id: SavedSearchId,
    /// Unique, case-insensitively.
    pub name: String,
    /// What was typed (words, "phrases", prefix*, AND / OR / NOT).
    pub query: String,
    /// Only hits in this case, when set.
    pub case_id: Option<CaseId>,
    pub created_at: DateTime<Utc>,
    /// When its hits were last marked seen.
    pub seen_at: Option<DateTime<Utc>>,
}

/// A saved search with how many of its hits are new.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedSearchSummary {
    pub search: SavedSearch,
    pub new_hits: u32,
}

/// One search result as the app shows it: the hit with where it belongs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResult {
    /// What was found: a page, an event, a note or a highlight.
    pub kind: HitKind,
    pub document_id: Option<DocumentId>,
    pub event_id: Option<EventId>,
    /// The note, for note hits.
    pub note_id: Option<NoteId>,
    /// The highlight, for highlight hits.
    pub highlight_id: Option<HighlightId>,
    /// The document's or the event's title.
    pub title: String,
    /// The page number, for page hits.
    pub page: Option<u32>,
    /// Text around the match, the matched terms between `[` and `]`.
    pub snippet: String,
    /// The case the document or event belongs to, when it does.
    pub case_id: Option<CaseId>,
    /// The case's name.
    pub case_name: Option<String>,
    /// The court's short name (the event's proceeding, or the document's).
    pub court: Option<String>,
    /// The event's date (`YYYY-MM-DD` or `YYYY-MM`), for event hits.
    pub date: Option<String>,
    /// True when a saved search had not shown this hit before (always false for a plain search).
    pub new: bool,
}

impl SearchResult {
    /// The result for `hit`, with no case, court or date yet.
    pub fn from_hit(hit: SearchHit) -> SearchResult {
        SearchResult {
            kind: hit.kind,
            document_id: hit.document_id,
            event_id: hit.event_id,
            note_id: hit.note_id,
            highlight_id: hit.highlight_id,
            title: hit.title,
            page: hit.page,
            snippet: hit.snippet,
            case_id: None,
            case_name: None,
            court: None,
            date: None,
            new: false,
        }
    }

    /// What identifies this hit across runs: its kind and the row it points at
    /// (`page:<document>:<page>`, `event:<event>`, `note:<note>`, `highlight:<highlight>`).
    pub fn key(&self) -> String {
        let part = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        match self.kind {
            HitKind::Page => format!(
                "page:{}:{}",
                part(self.document_id.map(|d| d.0)),
                part(self.page.map(i64::from))
            ),
            HitKind::Event => format!("event:{}", part(self.event_id.map(|e| e.0))),
            HitKind::Note => format!("note:{}", part(self.note_id.map(|n| n.0))),
            HitKind::Highlight => format!("highlight:{}", part(self.highlight_id.map(|h| h.0))),
        }
    }
}

/// The results of a saved search, each flagged new or seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedSearchRun {
    pub search: SavedSearch,
    pub hits: Vec<SearchResult>,
    pub new_hits: u32,
}

/// Check a saved search's name. Returns it trimmed.
pub fn check_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("a saved search needs a name"));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "a saved search's name cannot contain control characters",
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::invalid(format!(
            "a saved search's name can be at most {MAX_NAME_CHARS} characters"
        )));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(
        kind: HitKind,
        doc: Option<i64>,
        page: Option<u32>,
        event: Option<i64>,
    ) -> SearchResult {
        SearchResult {
            kind,
            document_id: doc.map(DocumentId),
            event_id: event.map(EventId),
            note_id: None,
            highlight_id: None,
            title: "t".into(),
            page,
            snippet: String::new(),
            case_id: None,
            case_name: None,
            court: None,
            date: None,
            new: false,
        }
    }

    #[test]
    fn keys_name_the_row_a_hit_points_at() {
        assert_eq!(
            result(HitKind::Page, Some(3), Some(12), None).key(),
            "page:3:12"
        );
        assert_eq!(result(HitKind::Event, None, None, Some(7)).key(), "event:7");
        let note = SearchResult {
            note_id: Some(NoteId(5)),
            ..result(HitKind::Note, None, None, Some(7))
        };
        assert_eq!(note.key(), "note:5");
        let highlight = SearchResult {
            highlight_id: Some(HighlightId(9)),
            ..result(HitKind::Highlight, Some(3), Some(2), None)
        };
        assert_eq!(highlight.key(), "highlight:9");
    }

    #[test]
    fn names_are_checked() {
        assert_eq!(check_name(" Stays ").unwrap(), "Stays");
        assert!(check_name("").is_err());
        assert!(check_name("a\nb").is_err());
        assert!(check_name(&"n".repeat(MAX_NAME_CHARS + 1)).is_err());
    }
}
