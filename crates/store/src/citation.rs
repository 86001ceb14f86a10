//! What documents cite: the citation index (migration 0010). Each document's
//! citations are written with its pages at import ([`Writer::replace_citations`],
//! which `casetrail redetect` calls too), and read back per document, per
//! authority ([`Store::citing`]: every document and page citing "556 U.S. 662",
//! however it was printed), per case ([`Store::authorities`]: the table of
//! authorities) and by search ([`page_hits`]).
//!
//! Parallel citations ("556 U.S. 662, 129 S. Ct. 1937") name one authority: a
//! document records each citation with its group's first; across documents, the
//! groups are joined here (a key seen with two authorities links them).

use std::collections::{BTreeMap, BTreeSet};

use casetrail_detect::Cite;
use casetrail_model::{CaseId, DocumentId, HitKind, SearchHit};
use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;

use crate::sql::{params, RowExt};
use crate::{Error, Result, Store, Writer};

mod table;

/// One citation as stored: where it is printed and what it cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoredCitation {
    pub document_id: DocumentId,
    pub title: String,
    pub page: u32,
    /// Byte offsets in the page's text.
    pub start: u32,
    pub end: u32,
    /// `case`, `short_case`, `id`, `supra`, `statute`, `regulation`, `public_law`, `rule`.
    pub kind: String,
    pub text: String,
    pub key: String,
    pub authority: Option<String>,
    pub pin: Option<String>,
    pub name: Option<String>,
    pub court: Option<String>,
    pub year: Option<u16>,
}

/// A document citing an authority, and on which pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CitingDocument {
    pub document_id: DocumentId,
    pub title: String,
    pub pages: Vec<u32>,
    /// How many times (full citations, short forms, *Id.*, *supra*).
    pub count: u32,
}

/// One line of a table of authorities.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Authority {
    /// `case`, `statute`, `regulation`, `public_law` or `rule`.
    pub kind: String,
    /// The authority's key ("556 U.S. 662", "42 U.S.C. § 1983").
    pub authority: String,
    /// The other citations of the same case ("129 S. Ct. 1937").
    pub parallel: Vec<String>,
    pub name: Option<String>,
    pub court: Option<String>,
    pub year: Option<u16>,
    pub count: u32,
    pub documents: Vec<CitingDocument>,
}

/// What `casetrail cites` answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Citing {
    /// The authority asked for, normalised.
    pub authority: String,
    /// It and its parallel citations.
    pub keys: Vec<String>,
    pub documents: Vec<CitingDocument>,
    pub citations: Vec<StoredCitation>,
}

impl Writer<'_> {
    /// Replace the citations of document `id` with `cites` (as `casetrail_detect::cite_pages`
    /// gives them), in one statement, and record that detection `version` read it.
    pub fn replace_citations(
        &mut self,
        id: DocumentId,
        cites: &[Cite],
        version: u32,
    ) -> Result<()> {
        self.tx
            .execute("DELETE FROM citations WHERE document_id = ?1", params![id])?;
        insert(&self.tx, id, cites)?;
        self.tx.execute(
            "UPDATE documents SET detected_version = ?2 WHERE id = ?1",
            params![id, version],
        )?;
        Ok(())
    }

    /// Detection read document `id` again: its new `detected` metadata and citations,
    /// with an activity-log entry when the metadata changed.
    pub fn redetect_document(
        &mut self,
        id: DocumentId,
        detected: &serde_json::Value,
        cites: &[Cite],
        version: u32,
    ) -> Result<bool> {
        let before = crate::documents::get(&self.tx, id)?;
        let changed = &before.detected != detected;
        if changed {
            self.tx.execute(
                "UPDATE documents SET detected = ?2 WHERE id = ?1",
                params![id, detected.to_string()],
            )?;
            crate::activity::record(
                &self.tx,
                self.actor,
                casetrail_model::Operation::Update,
                "document",
                id.0,
                json!({ "detected": [before.detected, detected] }),
            )?;
        }
        self.replace_citations(id, cites, version)?;
        Ok(changed)
    }
}

pub(crate) fn insert(conn: &Connection, id: DocumentId, cites: &[Cite]) -> Result<()> {
    if cites.is_empty() {
        return Ok(());
    }
    let rows: Vec<serde_json::Value> = cites
        .iter()
        .map(|c| {
            json!([
                c.page,
                c.start,
                c.end,
                c.kind.as_str(),
                c.text,
                c.key,
                c.authority,
                c.pin,
                c.name,
                c.court,
                c.year,
                c.antecedent,
                c.parallel
            ])
        })
        .collect();
    conn.execute(
        "INSERT INTO citations (document_id, seq, page, start, \"end\", kind, text, key, authority,
                                pin, name, court, year, antecedent, parallel)
         SELECT ?1, c.key, c.value ->> 0, c.value ->> 1, c.value ->> 2, c.value ->> 3,
                c.value ->> 4, c.value ->> 5, c.value ->> 6, c.value ->> 7, c.value ->> 8,
                c.value ->> 9, c.value ->> 10, c.value ->> 11, c.value ->> 12
         FROM json_each(?2) AS c ORDER BY c.key",
        params![id, serde_json::Value::Array(rows).to_string()],
    )?;
    Ok(())
}

const COLUMNS: &str = "c.document_id, d.title, c.page, c.start, c.\"end\", c.kind, c.text, c.key,
    c.authority, c.pin, c.name, c.court, c.year";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredCitation> {
    Ok(StoredCitation {
        document_id: r.col(0)?,
        title: r.col(1)?,
        page: r.col(2)?,
        start: r.col(3)?,
        end: r.col(4)?,
        kind: r.col(5)?,
        text: r.col(6)?,
        key: r.col(7)?,
        authority: r.col(8)?,
        pin: r.col(9)?,
        name: r.col(10)?,
        court: r.col(11)?,
        year: r
            .col::<_, Option<u32>>(12)?
            .and_then(|y| u16::try_from(y).ok()),
    })
}

/// The keys of `key`'s case: it and the citations printed parallel to it anywhere.
fn parallel_keys(conn: &Connection, key: &str) -> Result<BTreeSet<String>> {
    let mut keys = BTreeSet::from([key.to_owned()]);
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT key, authority FROM citations
         WHERE kind = 'case' AND (key IN (SELECT value FROM json_each(?1))
                              OR authority IN (SELECT value FROM json_each(?1)))",
    )?;
    for _ in 0..4 {
        let list = serde_json::to_string(&keys).unwrap_or_default();
        let rows = stmt.query_map(params![list], |r| {
            Ok((r.col::<_, String>(0)?, r.col::<_, Option<String>>(1)?))
        })?;
        let before = keys.len();
        for row in rows {
            let (k, a) = row?;
            keys.insert(k);
            keys.extend(a);
        }
        if keys.len() == before {
            break;
        }
    }
    Ok(keys)
}

/// The citations of any of `keys`, in document and reading order; of `case`'s documents only when given.
fn citations_of(
    conn: &Connection,
    keys: &BTreeSet<String>,
    case: Option<CaseId>,
) -> Result<Vec<StoredCitation>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM citations c JOIN documents d ON d.id = c.document_id
         WHERE (c.authority IN (SELECT value FROM json_each(?1))
                OR (c.authority IS NULL AND c.key IN (SELECT value FROM json_each(?1))))
           AND (?2 IS NULL OR d.case_id = ?2)
         ORDER BY c.document_id, c.seq"
    ))?;
    let list = serde_json::to_string(keys).unwrap_or_default();
    let rows = stmt.query_map(params![list, case], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Per document (most citations first), the pages citing.
fn by_document(cites: &[StoredCitation]) -> Vec<CitingDocument> {
    let mut docs: BTreeMap<DocumentId, CitingDocument> = BTreeMap::new();
    for c in cites {
        let d = docs.entry(c.document_id).or_insert_with(|| CitingDocument {
            document_id: c.document_id,
            title: c.title.clone(),
            pages: Vec::new(),
            count: 0,
        });
        d.count += 1;
        if d.pages.last() != Some(&c.page) {
            d.pages.push(c.page);
        }
    }
    let mut docs: Vec<CitingDocument> = docs.into_values().collect();
    docs.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.document_id.cmp(&b.document_id))
    });
    docs
}

impl Store {
    /// The documents detection has not read since `version` (all of them with `all`), oldest first.
    pub fn documents_to_redetect(&self, version: u32, all: bool) -> Result<Vec<DocumentId>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE ?2 OR detected_version < ?1 ORDER BY id")?;
        let rows = stmt.query_map(params![version, all], |r| r.col(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A document's citations, in reading order.
    pub fn document_citations(&self, id: DocumentId) -> Result<Vec<StoredCitation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM citations c JOIN documents d ON d.id = c.document_id
             WHERE c.document_id = ?1 ORDER BY c.seq"
        ))?;
        let rows = stmt.query_map(params![id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every document and page citing the authority `query` names ("556 U.S. 662",
    /// "556 U. S. 662", "42 U.S.C. 1983"), its parallel citations included. Fails with
    /// [`Error::Invalid`] when `query` is not a citation.
    pub fn citing(&self, query: &str) -> Result<Citing> {
        let authority = casetrail_detect::authority_key(query).ok_or_else(|| {
            Error::invalid(format!(
                "\"{}\" is not a citation (try \"556 U.S. 662\" or \"42 U.S.C. \u{a7} 1983\")",
                query.trim()
            ))
        })?;
        let keys = parallel_keys(&self.conn, &authority)?;
        let citations = citations_of(&self.conn, &keys, None)?;
        Ok(Citing {
            authority,
            keys: keys.into_iter().collect(),
            documents: by_document(&citations),
            citations,
        })
    }

    /// The table of authorities of `case`'s documents: cases, statutes, regulations
    /// and rules, each with the documents and pages citing it, most cited first.
    pub fn authorities(&self, case: CaseId) -> Result<Vec<Authority>> {
        self.case(case)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM citations c JOIN documents d ON d.id = c.document_id
             WHERE d.case_id = ?1 AND c.authority IS NOT NULL
             ORDER BY c.document_id, c.seq"
        ))?;
        let rows = stmt.query_map(params![case], from_row)?;
        let cites: Vec<StoredCitation> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(table::authorities(&cites))
    }
}

/// Search hits for a query that is a citation: the pages citing it, however the
/// page prints it, each with the citation between `[` and `]` in its snippet.
/// Empty when the query is not a citation.
pub(crate) fn page_hits(
    conn: &Connection,
    input: &str,
    case: Option<CaseId>,
    limit: usize,
) -> Result<Vec<SearchHit>> {
    let Some(authority) = casetrail_detect::authority_key(input) else {
        return Ok(Vec::new());
    };
    let keys = parallel_keys(conn, &authority)?;
    let mut hits: Vec<SearchHit> = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT c.document_id, d.title, c.page, c.start, c.\"end\", p.text, k.slug
         FROM citations c JOIN documents d ON d.id = c.document_id
         JOIN pages p ON p.document_id = c.document_id AND p.number = c.page
         LEFT JOIN cases k ON k.id = d.case_id
         WHERE (c.authority IN (SELECT value FROM json_each(?1))
                OR (c.authority IS NULL AND c.key IN (SELECT value FROM json_each(?1))))
           AND (?2 IS NULL OR d.case_id = ?2)
         ORDER BY c.document_id, c.seq",
    )?;
    let list = serde_json::to_string(&keys).unwrap_or_default();
    let rows = stmt.query_map(params![list, case], |r| {
        let text: String = r.col(5)?;
        let (start, end): (usize, usize) =
            (r.col::<_, u32>(3)? as usize, r.col::<_, u32>(4)? as usize);
        Ok(SearchHit {
            kind: HitKind::Page,
            rank: f64::MIN,
            document_id: Some(r.col(0)?),
            event_id: None,
            title: r.col(1)?,
            page: Some(r.col(2)?),
            snippet: snippet(&text, start, end),
            case: r.col(6)?,
            note_id: None,
            highlight_id: None,
        })
    })?;
    for hit in rows {
        let hit = hit?;
        let seen = hits
            .iter()
            .any(|h| h.document_id == hit.document_id && h.page == hit.page);
        if !seen && hits.len() < limit {
            hits.push(hit);
        }
    }
    Ok(hits)
}

/// Some words either side of `start..end` in `text`, the citation in brackets, on one line.
fn snippet(text: &str, start: usize, end: usize) -> String {
    let (Some(cited), true) = (text.get(start..end), text.is_char_boundary(start)) else {
        return String::new();
    };
    let before = chars_before(text, start, 80);
    let after: String = text[end..].chars().take(80).collect();
    let line = format!("…{before}[{cited}]{after}…");
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn chars_before(text: &str, end: usize, chars: usize) -> &str {
    let mut start = end;
    for (i, _) in text[..end].char_indices().rev().take(chars) {
        start = i;
    }
    &text[start..end]
}
