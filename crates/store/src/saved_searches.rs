//! Saved searches and their new hits.
//!
//! Saving a search records the keys of its current hits as seen; running it later
//! flags every hit whose key is not among them as new; marking it seen replaces the
//! recorded keys with those of its hits now. Every change goes through
//! [`Store::write`] with its activity-log entry.

use std::collections::HashSet;

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, Store, Writer};
use crate::search::{check_query, Snippets};
use crate::{Error, Result};
use casetrail_model::saved_search::{check_name, SAVED_SEARCH_LIMIT};
use casetrail_model::{
    CaseId, Operation, SavedSearch, SavedSearchId, SavedSearchRun, SavedSearchSummary, SearchResult,
};

const COLUMNS: &str = "id, name, query, case_id, created_at, seen_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<SavedSearch> {
    Ok(SavedSearch {
        id: SavedSearchId(r.col(0)?),
        name: r.col(1)?,
        query: r.col(2)?,
        case_id: r.col(3)?,
        created_at: r.col(4)?,
        seen_at: r.col(5)?,
    })
}

fn get(conn: &Connection, id: SavedSearchId) -> Result<SavedSearch> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM saved_searches WHERE id = ?1"),
        [id.0],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no saved search #{id}")))
}

fn seen_keys(conn: &Connection, id: SavedSearchId) -> Result<HashSet<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT hit_key FROM saved_search_seen WHERE saved_search_id = ?1")?;
    let rows = stmt.query_map([id.0], |r| r.col::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Every saved search, by name, with how many of its hits are new. Only
    /// the hits' keys are needed to count them: no snippets, no case or court
    /// names (what opening a saved search shows, [`Store::run_saved_search`]).
    pub fn saved_searches(&self) -> Result<Vec<SavedSearchSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM saved_searches ORDER BY name COLLATE NOCASE, id"
        ))?;
        let searches = stmt
            .query_map([], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        searches
            .into_iter()
            .map(|search| {
                let seen = seen_keys(&self.conn, search.id)?;
                let hits = self.ranked_hits(
                    &search.query,
                    search.case_id,
                    SAVED_SEARCH_LIMIT,
                    Snippets::Skipped,
                )?;
                let new_hits = hits
                    .into_iter()
                    .map(SearchResult::from_hit)
                    .filter(|hit| !seen.contains(&hit.key()))
                    .count() as u32;
                Ok(SavedSearchSummary { search, new_hits })
            })
            .collect()
    }

    /// One saved search.
    pub fn saved_search(&self, id: SavedSearchId) -> Result<SavedSearch> {
        get(&self.conn, id)
    }

    /// A saved search by its name (any letter case).
    pub fn find_saved_search(&self, name: &str) -> Result<SavedSearch> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM saved_searches WHERE name = ?1"),
                [name.trim()],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found(format!("no saved search named \"{}\"", name.trim())))
    }

    /// Run a saved search: its hits, best first, each flagged new or seen.
    /// Nothing is marked seen (see [`Store::mark_saved_search_seen`]).
    pub fn run_saved_search(&self, id: SavedSearchId) -> Result<SavedSearchRun> {
        self.run_search(get(&self.conn, id)?)
    }

    fn run_search(&self, search: SavedSearch) -> Result<SavedSearchRun> {
        let seen = seen_keys(&self.conn, search.id)?;
        let mut hits = self.search_results(&search.query, search.case_id, SAVED_SEARCH_LIMIT)?;
        for hit in &mut hits {
            hit.new = !seen.contains(&hit.key());
        }
        let new_hits = hits.iter().filter(|h| h.new).count() as u32;
        Ok(SavedSearchRun {
            search,
            hits,
            new_hits,
        })
    }

    /// Save a search under `name` (unique, any letter case); its current hits count as seen.
    pub fn save_search(
        &mut self,
        name: &str,
        query: &str,
        case: Option<CaseId>,
    ) -> Result<SavedSearch> {
        let name = check_name(name)?;
        // Checks the query and the case, and gives the hits the user is looking at.
        let hits = self.search_results(query, case, SAVED_SEARCH_LIMIT)?;
        let query = check_query(query)?;
        self.write(|w| w.save_search(name, query, case, &hits))
    }

    /// Record the hits a saved search has now as seen (its new hits become 0).
    /// Returns the run as it was before marking, with the hits that were new flagged.
    pub fn mark_saved_search_seen(&mut self, id: SavedSearchId) -> Result<SavedSearchRun> {
        let run = self.run_saved_search(id)?;
        self.write(|w| w.mark_seen(id, &run.hits))?;
        Ok(run)
    }

    /// Delete a saved search and what was seen of it.
    pub fn delete_saved_search(&mut self, id: SavedSearchId) -> Result<()> {
        self.write(|w| w.delete_saved_search(id))
    }
}

impl Writer<'_> {
    fn save_search(
        &mut self,
        name: &str,
        query: &str,
        case: Option<CaseId>,
        hits: &[SearchResult],
    ) -> Result<SavedSearch> {
        let taken = self
            .tx
            .query_row(
                "SELECT 1 FROM saved_searches WHERE name = ?1",
                [name],
                |_| Ok(()),
            )
            .optional()?;
        if taken.is_some() {
            return Err(Error::invalid(format!(
                "a saved search named \"{name}\" already exists"
            )));
        }
        let now = Utc::now();
        self.tx.execute(
            "INSERT INTO saved_searches (name, query, case_id, created_at, seen_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![name, query, case, now],
        )?;
        let id = SavedSearchId(self.tx.last_insert_rowid());
        self.record_seen(id, hits)?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "saved_search",
            id.0,
            json!({"name": [null, name], "query": [null, query], "case_id": [null, case]}),
        )?;
        get(&self.tx, id)
    }

    fn mark_seen(&mut self, id: SavedSearchId, hits: &[SearchResult]) -> Result<()> {
        let old = get(&self.tx, id)?;
        let now = Utc::now();
        self.tx.execute(
            "DELETE FROM saved_search_seen WHERE saved_search_id = ?1",
            [id.0],
        )?;
        self.record_seen(id, hits)?;
        self.tx.execute(
            "UPDATE saved_searches SET seen_at = ?2 WHERE id = ?1",
            params![id.0, now],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "saved_search",
            id.0,
            json!({"seen_at": [old.seen_at, now]}),
        )
    }

    fn record_seen(&mut self, id: SavedSearchId, hits: &[SearchResult]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO saved_search_seen (saved_search_id, hit_key) VALUES (?1, ?2)",
        )?;
        for hit in hits {
            stmt.execute(params![id.0, hit.key()])?;
        }
        Ok(())
    }

    fn delete_saved_search(&mut self, id: SavedSearchId) -> Result<()> {
        let old = get(&self.tx, id)?;
        self.tx
            .execute("DELETE FROM saved_searches WHERE id = ?1", [id.0])?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Delete,
            "saved_search",
            id.0,
            json!({"name": [old.name, null], "query": [old.query, null], "case_id": [old.case_id, null]}),
        )
    }
}
