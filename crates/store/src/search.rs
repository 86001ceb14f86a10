//! Full-text search over page text and docket-event text (SQLite FTS5).
//!
//! User input never reaches FTS5 as syntax: [`fts_query`] rebuilds it from terms,
//! each quoted, so a stray quote or `NEAR(` cannot make the query fail. Supported:
//! `"exact phrase"`, `prefix*`, and `AND` / `OR` / `NOT` between terms (terms
//! without an operator must all match).
//!
//! Each index is queried through the one rank query (`search/rank.rs`: best
//! `limit` rowids by bm25, a case filter inside it), and only then joined to
//! pages, documents and cases. The snippets are computed in
//! that subquery: FTS5 sorts by rank first and runs `snippet()` only on the rows the
//! LIMIT lets through, without setting the query up again per hit (which, for a
//! prefix, meant merging its terms' lists once more for every hit).

mod notes;
mod rank;

use std::collections::HashMap;

use crate::sql::{params, RowExt};
use rusqlite::Connection;

use super::Store;
use crate::{Error, Result};
use casetrail_model::saved_search::MAX_QUERY_CHARS;
use casetrail_model::{CaseId, DocumentId, EventId, HitKind, SearchHit};

/// Default number of hits.
pub const DEFAULT_LIMIT: usize = 20;

/// Check what a person typed before searching: something searchable, not too long.
/// Returns the query trimmed.
pub fn check_query(query: &str) -> Result<&str> {
    let query = query.trim();
    if query.is_empty() {
        return Err(Error::invalid("type something to search for"));
    }
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::invalid(format!(
            "a search can be at most {MAX_QUERY_CHARS} characters"
        )));
    }
    if fts_query(query).is_none() {
        return Err(Error::invalid(format!(
            "nothing to search for in \"{query}\": type a word or a number"
        )));
    }
    Ok(query)
}

/// Turn what a person typed into a safe FTS5 query, or `None` if nothing is searchable.
pub fn fts_query(input: &str) -> Option<String> {
    let input = casetrail_model::normalize(input);
    let mut parts: Vec<String> = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let (text, phrase) = if c == '"' {
            chars.next();
            let mut text = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                text.push(c);
            }
            (text, true)
        } else {
            let mut text = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                text.push(c);
                chars.next();
            }
            (text, false)
        };
        if !phrase && matches!(text.as_str(), "AND" | "OR" | "NOT") {
            parts.push(text);
            continue;
        }
        let prefix = !phrase && text.ends_with('*');
        let core = text.trim_end_matches('*');
        // Keep only terms with something the tokenizer indexes.
        if !core.chars().any(char::is_alphanumeric) {
            continue;
        }
        let quoted = format!("\"{}\"", core.replace('"', "\"\""));
        parts.push(if prefix { format!("{quoted}*") } else { quoted });
    }
    // Operators must sit between two terms; drop the others.
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let is_op = matches!(part.as_str(), "AND" | "OR" | "NOT");
        let last_is_op = out
            .last()
            .map_or(true, |p| matches!(p.as_str(), "AND" | "OR" | "NOT"));
        if is_op && last_is_op {
            continue;
        }
        out.push(part);
    }
    while out
        .last()
        .is_some_and(|p| matches!(p.as_str(), "AND" | "OR" | "NOT"))
    {
        out.pop();
    }
    (!out.is_empty()).then(|| out.join(" "))
}

impl Store {
    /// Check that the full-text indexes agree with the text they index (FTS5
    /// `integrity-check`); an error names the damage.
    pub fn check_search_index(&self) -> Result<()> {
        self.conn.execute(
            "INSERT INTO pages_fts (pages_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )?;
        self.conn.execute(
            "INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )?;
        notes::check_indexes(&self.conn)?;
        Ok(())
    }

    /// Search page text, docket events, notes and highlights (their quotes and
    /// notes); only those of `case` when given. Best first.
    pub fn search(
        &self,
        input: &str,
        case: Option<CaseId>,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        self.ranked_hits(input, case, limit, Snippets::Made)
    }

    /// The hits of [`Store::search`], best first, with or without the page
    /// and event snippets (counting new hits needs none).
    pub(crate) fn ranked_hits(
        &self,
        input: &str,
        case: Option<CaseId>,
        limit: usize,
        snippets: Snippets,
    ) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        // A citation is found however the page prints it ("556 U. S. 662").
        let mut hits = crate::citation::page_hits(&self.conn, input, case, limit)?;
        for hit in page_hits(&self.conn, &query, case, limit, snippets)? {
            if !hits
                .iter()
                .any(|h| (h.document_id, h.page) == (hit.document_id, hit.page))
            {
                hits.push(hit);
            }
        }
        hits.extend(event_hits(&self.conn, &query, case, limit, snippets)?);
        hits.extend(notes::note_hits(&self.conn, &query, case, limit)?);
        hits.extend(notes::highlight_hits(&self.conn, &query, case, limit)?);
        hits.sort_by(|a, b| a.rank.total_cmp(&b.rank));
        hits.truncate(limit);
        Ok(hits)
    }
}

/// Whether page and event hits get their highlighted snippets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Snippets {
    /// Made (what a person reads).
    Made,
    /// Left empty (what only counts hits).
    Skipped,
}

fn page_hits(
    conn: &Connection,
    query: &str,
    case: Option<CaseId>,
    limit: usize,
    snippets: Snippets,
) -> Result<Vec<SearchHit>> {
    let sql = rank::sql(&rank::PAGES, case.is_some());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![query, limit as i64, case], |r| {
        Ok((
            r.col::<_, i64>(0)?,
            SearchHit {
                kind: HitKind::Page,
                rank: r.col(1)?,
                document_id: Some(r.col::<_, DocumentId>(2)?),
                event_id: None,
                title: r.col(3)?,
                page: Some(r.col(4)?),
                snippet: String::new(),
                case: r.col(5)?,
                note_id: None,
                highlight_id: None,
            },
        ))
    })?;
    let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    with_snippets(conn, "pages", query, rows, snippets)
}

fn event_hits(
    conn: &Connection,
    query: &str,
    case: Option<CaseId>,
    limit: usize,
    snippets: Snippets,
) -> Result<Vec<SearchHit>> {
    let sql = rank::sql(&rank::EVENTS, case.is_some());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![query, limit as i64, case], |r| {
        Ok((
            r.col::<_, i64>(0)?,
            SearchHit {
                kind: HitKind::Event,
                rank: r.col(1)?,
                document_id: None,
                event_id: Some(r.col::<_, EventId>(2)?),
                title: r.col(3)?,
                page: None,
                snippet: String::new(),
                case: r.col(4)?,
                note_id: None,
                highlight_id: None,
            },
        ))
    })?;
    let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    with_snippets(conn, "events", query, rows, snippets)
}

/// Fill in each hit's snippet (hits come as `(rowid in the index, hit)`).
fn with_snippets(
    conn: &Connection,
    index: &str,
    query: &str,
    rows: Vec<(i64, SearchHit)>,
    wanted: Snippets,
) -> Result<Vec<SearchHit>> {
    if wanted == Snippets::Skipped {
        return Ok(rows.into_iter().map(|(_, hit)| hit).collect());
    }
    let mut snippets = snippets(conn, index, query, rows.iter().map(|(rowid, _)| *rowid))?;
    Ok(rows
        .into_iter()
        .map(|(rowid, mut hit)| {
            hit.snippet = snippets.remove(&rowid).unwrap_or_default();
            hit
        })
        .collect())
}

/// The highlighted snippets of the hits `rowids` (on one line each), in one query:
/// FTS5 sets the query up once and walks only the rowid range of the hits.
fn snippets(
    conn: &Connection,
    index: &str,
    query: &str,
    rowids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, String>> {
    let rowids: Vec<i64> = rowids.collect();
    let (Some(low), Some(high)) = (rowids.iter().min(), rowids.iter().max()) else {
        return Ok(HashMap::new());
    };
    let sql = if index == "pages" {
        "SELECT rowid, snippet(pages_fts, -1, '[', ']', '…', 16) FROM pages_fts
         WHERE pages_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3
           AND +rowid IN (SELECT value FROM json_each(?4))"
    } else {
        "SELECT rowid, snippet(events_fts, -1, '[', ']', '…', 16) FROM events_fts
         WHERE events_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3
           AND +rowid IN (SELECT value FROM json_each(?4))"
    };
    let list = serde_json::to_string(&rowids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![query, low, high, list], |r| {
        Ok((r.col::<_, i64>(0)?, r.col::<_, String>(1)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (rowid, snippet) = row?;
        out.insert(
            rowid,
            snippet.split_whitespace().collect::<Vec<_>>().join(" "),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{check_query, fts_query, MAX_QUERY_CHARS};

    #[test]
    fn queries_are_checked() {
        assert_eq!(check_query("  warrant ").unwrap(), "warrant");
        assert!(check_query("   ")
            .unwrap_err()
            .to_string()
            .contains("type something"));
        assert!(check_query("* ( \"")
            .unwrap_err()
            .to_string()
            .contains("nothing to search for"));
        assert!(check_query(&"a".repeat(MAX_QUERY_CHARS + 1)).is_err());
    }

    #[test]
    fn terms_are_quoted_and_operators_kept_between_terms() {
        assert_eq!(fts_query("warrant email").unwrap(), r#""warrant" "email""#);
        assert_eq!(
            fts_query(r#""stored communications" act"#).unwrap(),
            r#""stored communications" "act""#
        );
        assert_eq!(
            fts_query("micro* OR ireland").unwrap(),
            r#""micro"* OR "ireland""#
        );
        assert_eq!(fts_query("NOT warrant AND").unwrap(), r#""warrant""#);
    }

    #[test]
    fn hostile_input_stays_a_query() {
        assert_eq!(fts_query(r#"NEAR( "a"#).unwrap(), r#""NEAR(" "a""#);
        assert_eq!(fts_query(r#"o"brien"#).unwrap(), r#""o" "brien""#);
        assert_eq!(fts_query("* ) ( \" :"), None);
        assert_eq!(fts_query("ﬁled").unwrap(), r#""filed""#);
    }
}
