//! Search hits in the user's own words: notes (on cases, proceedings, events and
//! documents) and highlights (their quoted passage and their note).
//!
//! Same shape as page and event hits: a rank subquery (best `limit` rowids by bm25,
//! a case filter inside it) joined to what the hit names. Notes are short and few,
//! so their snippets are computed in the rank subquery itself.

use crate::sql::{params, RowExt};
use rusqlite::Connection;

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
    let sql = if case.is_some() {
        "SELECT h.r, h.s, n.id, n.event_id, n.document_id,
                coalesce(c.slug, pc.slug, ec.slug, dc.slug),
                coalesce(c.name, ct.short_name || ' ' || pr.docket_number, e.title, d.title,
                         'document #' || n.document_id)
         FROM (SELECT rowid AS rid, bm25(notes_fts) AS r,
                      snippet(notes_fts, -1, '[', ']', '…', 16) AS s
               FROM notes_fts
               WHERE notes_fts MATCH ?1
                 AND +rowid IN (SELECT n.id FROM notes n
                                LEFT JOIN proceedings p ON p.id = n.proceeding_id
                                LEFT JOIN events e ON e.id = n.event_id
                                LEFT JOIN proceedings ep ON ep.id = e.proceeding_id
                                LEFT JOIN documents d ON d.id = n.document_id
                                WHERE coalesce(n.case_id, p.case_id, ep.case_id, d.case_id) = ?3)
               ORDER BY r LIMIT ?2) h
         JOIN notes n ON n.id = h.rid
         LEFT JOIN cases c ON c.id = n.case_id
         LEFT JOIN proceedings pr ON pr.id = n.proceeding_id
         LEFT JOIN courts ct ON ct.id = pr.court_id
         LEFT JOIN cases pc ON pc.id = pr.case_id
         LEFT JOIN events e ON e.id = n.event_id
         LEFT JOIN proceedings ep ON ep.id = e.proceeding_id
         LEFT JOIN cases ec ON ec.id = ep.case_id
         LEFT JOIN documents d ON d.id = n.document_id
         LEFT JOIN cases dc ON dc.id = d.case_id
         ORDER BY h.r"
    } else {
        "SELECT h.r, h.s, n.id, n.event_id, n.document_id,
                coalesce(c.slug, pc.slug, ec.slug, dc.slug),
                coalesce(c.name, ct.short_name || ' ' || pr.docket_number, e.title, d.title,
                         'document #' || n.document_id)
         FROM (SELECT rowid AS rid, bm25(notes_fts) AS r,
                      snippet(notes_fts, -1, '[', ']', '…', 16) AS s
               FROM notes_fts
               WHERE notes_fts MATCH ?1 AND ?3 IS NULL
               ORDER BY r LIMIT ?2) h
         JOIN notes n ON n.id = h.rid
         LEFT JOIN cases c ON c.id = n.case_id
         LEFT JOIN proceedings pr ON pr.id = n.proceeding_id
         LEFT JOIN courts ct ON ct.id = pr.court_id
         LEFT JOIN cases pc ON pc.id = pr.case_id
         LEFT JOIN events e ON e.id = n.event_id
         LEFT JOIN proceedings ep ON ep.id = e.proceeding_id
         LEFT JOIN cases ec ON ec.id = ep.case_id
         LEFT JOIN documents d ON d.id = n.document_id
         LEFT JOIN cases dc ON dc.id = d.case_id
         ORDER BY h.r"
    };
    let mut stmt = conn.prepare_cached(sql)?;
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
    let sql = if case.is_some() {
        "SELECT h.r, h.s, hl.id, hl.document_id, hl.page, d.title, c.slug
         FROM (SELECT rowid AS rid, bm25(highlights_fts) AS r,
                      snippet(highlights_fts, -1, '[', ']', '…', 16) AS s
               FROM highlights_fts
               WHERE highlights_fts MATCH ?1
                 AND +rowid IN (SELECT hl.id FROM highlights hl
                                JOIN documents d ON d.id = hl.document_id
                                WHERE d.case_id = ?3)
               ORDER BY r LIMIT ?2) h
         JOIN highlights hl ON hl.id = h.rid
         JOIN documents d ON d.id = hl.document_id
         LEFT JOIN cases c ON c.id = d.case_id
         ORDER BY h.r"
    } else {
        "SELECT h.r, h.s, hl.id, hl.document_id, hl.page, d.title, c.slug
         FROM (SELECT rowid AS rid, bm25(highlights_fts) AS r,
                      snippet(highlights_fts, -1, '[', ']', '…', 16) AS s
               FROM highlights_fts
               WHERE highlights_fts MATCH ?1 AND ?3 IS NULL
               ORDER BY r LIMIT ?2) h
         JOIN highlights hl ON hl.id = h.rid
         JOIN documents d ON d.id = hl.document_id
         LEFT JOIN cases c ON c.id = d.case_id
         ORDER BY h.r"
    };
    let mut stmt = conn.prepare_cached(sql)?;
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
