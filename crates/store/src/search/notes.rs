//! Search hits in the user's own words: notes (on cases, proceedings, events and
//! documents) and highlights (their quoted passage and their note).
//!
//! Same shape as page and event hits: the one rank query (`rank.rs`: best
//! `limit` rowids by bm25, a case filter inside it) joined to what the hit names. Notes are short and few,
//! so their snippets are computed in the rank subquery itself.

use crate::sql::{params, RowExt};
use rusqlite::Connection;

use super::rank;
use crate::Result;
use casetrail_model::{DocumentId, EventId, HighlightId, HitKind, NoteId, SearchHit};

/// One line per snippet, as the other hits have.
fn one_line(snippet: String) -> String {
    snippet.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Notes matching `query`: titled by what they are attached to.
pub(super) fn note_hits(
    conn: &Connection,
    query: &str,
    case: Option<casetrail_model::CaseId>,
    limit: usize,
) -> Result<Vec<SearchHit>> {
    let sql = rank::sql(&rank::NOTES, case.is_some());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![query, limit as i64, case], |r| {
        Ok(SearchHit {
            kind: HitKind::Note,
            rank: r.col(0)?,
            snippet: one_line(r.col(1)?),
            note_id: Some(r.col::<_, NoteId>(2)?),
            event_id: r.col::<_, Option<EventId>>(3)?,
            document_id: r.col::<_, Option<DocumentId>>(4)?,
            case: r.col(5)?,
            title: r.col::<_, Option<String>>(6)?.unwrap_or_default(),
            page: None,
            highlight_id: None,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Highlights whose quote or note matches `query`: titled by their document, with the page.
pub(super) fn highlight_hits(
    conn: &Connection,
    query: &str,
    case: Option<casetrail_model::CaseId>,
    limit: usize,
) -> Result<Vec<SearchHit>> {
    let sql = rank::sql(&rank::HIGHLIGHTS, case.is_some());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![query, limit as i64, case], |r| {
        Ok(SearchHit {
            kind: HitKind::Highlight,
            rank: r.col(0)?,
            snippet: one_line(r.col(1)?),
            highlight_id: Some(r.col::<_, HighlightId>(2)?),
            document_id: Some(r.col::<_, DocumentId>(3)?),
            page: Some(r.col(4)?),
            title: r.col(5)?,
            case: r.col(6)?,
            event_id: None,
            note_id: None,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// FTS5 `integrity-check` of the notes and highlights indexes.
pub(super) fn check_indexes(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )?;
    conn.execute(
        "INSERT INTO highlights_fts (highlights_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )?;
    Ok(())
}
