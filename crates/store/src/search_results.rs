//! Search results as the app shows them: the hits of [`Store::search`] with the
//! case, court and date each belongs to, after checking what was typed.

use crate::sql::{params, RowExt};
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use crate::search::check_query;
use crate::{Error, Result};
use casetrail_model::{CaseId, HitKind, SearchResult};

/// Most hits one search returns.
pub const MAX_LIMIT: usize = 500;

impl Store {
    /// Search page text and docket events (only `case`'s when given), best first,
    /// each hit with its case, court and date. A query with nothing searchable in it
    /// is refused with [`Error::Invalid`] rather than answered with no hits.
    pub fn search_results(
        &self,
        query: &str,
        case: Option<CaseId>,
        limit: usize,
    ) -> Result<Vec<SearchResult>> {
        let query = check_query(query)?;
        if let Some(case) = case {
            self.conn
                .query_row("SELECT 1 FROM cases WHERE id = ?1", params![case], |_| {
                    Ok(())
                })
                .optional()?
                .ok_or_else(|| Error::not_found(format!("no case #{case}")))?;
        }
        let hits = self.search(query, case, limit.clamp(1, MAX_LIMIT))?;
        hits.into_iter()
            .map(|hit| describe(&self.conn, SearchResult::from_hit(hit)))
            .collect()
    }
}

/// Fill in the case, court and date of one result.
pub(super) fn describe(conn: &Connection, mut result: SearchResult) -> Result<SearchResult> {
    if let Some(event) = result.event_id.filter(|_| result.kind != HitKind::Page) {
        let row = conn
            .prepare_cached(
                "SELECT c.id, c.name, co.short_name, e.date FROM events e
                 JOIN proceedings p ON p.id = e.proceeding_id
                 JOIN cases c ON c.id = p.case_id
                 JOIN courts co ON co.id = p.court_id
                 WHERE e.id = ?1",
            )?
            .query_row(params![event], |r| {
                Ok((
                    r.col::<_, CaseId>(0)?,
                    r.col::<_, String>(1)?,
                    r.col::<_, String>(2)?,
                    r.col::<_, String>(3)?,
                ))
            })
            .optional()?;
        if let Some((case_id, case_name, court, date)) = row {
            result.case_id = Some(case_id);
            result.case_name = Some(case_name);
            result.court = Some(court);
            result.date = Some(date);
        }
    } else if let Some(document) = result.document_id {
        let row = conn
            .prepare_cached(
                "SELECT d.case_id, c.name, co.short_name FROM documents d
                 LEFT JOIN cases c ON c.id = d.case_id
                 LEFT JOIN proceedings p ON p.id = d.proceeding_id
                 LEFT JOIN courts co ON co.id = p.court_id
                 WHERE d.id = ?1",
            )?
            .query_row(params![document], |r| {
                Ok((
                    r.col::<_, Option<CaseId>>(0)?,
                    r.col::<_, Option<String>>(1)?,
                    r.col::<_, Option<String>>(2)?,
                ))
            })
            .optional()?;
        if let Some((case_id, case_name, court)) = row {
            result.case_id = case_id;
            result.case_name = case_name;
            result.court = court;
        }
    }
    Ok(result)
}
