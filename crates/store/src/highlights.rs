//! Highlights on document pages (with their notes), and a document as the
//! viewer shows it: its metadata, what it is linked to, and its stored file.

use std::path::PathBuf;

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, cases, documents, events, proceedings, Store, Writer};
use crate::library::Library;
use crate::{Error, Result};
use casetrail_model::{
    DocumentDetails, DocumentId, DocumentLink, Highlight, HighlightId, HighlightRect, NewHighlight,
    Operation,
};

const COLUMNS: &str = "id, document_id, page, rects, quote, note, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Highlight> {
    let rects: String = r.col(3)?;
    Ok(Highlight {
        id: r.col(0)?,
        document_id: r.col(1)?,
        page: r.col(2)?,
        rects: serde_json::from_str(&rects).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
        })?,
        quote: r.col(4)?,
        note: r.col(5)?,
        created_at: r.col(6)?,
        updated_at: r.col(7)?,
    })
}

fn get(conn: &Connection, id: HighlightId) -> Result<Highlight> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM highlights WHERE id = ?1"),
        params![id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no highlight #{id}")))
}

fn rects_json(rects: &[HighlightRect]) -> String {
    serde_json::to_string(rects).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// A document's highlights, by page, then top to bottom as made (oldest first).
    pub fn highlights(&self, document: DocumentId) -> Result<Vec<Highlight>> {
        documents::get(&self.conn, document)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM highlights WHERE document_id = ?1 ORDER BY page, id"
        ))?;
        let rows = stmt.query_map(params![document], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Highlight a passage of a page.
    pub fn add_highlight(&mut self, new: &NewHighlight) -> Result<Highlight> {
        self.write(|w| w.add_highlight(new))
    }

    /// Replace a highlight's note (empty removes it).
    pub fn edit_highlight_note(&mut self, id: HighlightId, note: &str) -> Result<Highlight> {
        self.write(|w| w.edit_highlight_note(id, note))
    }

    /// Delete a highlight and its note.
    pub fn delete_highlight(&mut self, id: HighlightId) -> Result<()> {
        self.write(|w| w.delete_highlight(id))
    }

    /// A document with its detected metadata and the labels of what it is linked to.
    pub fn document_details(&self, id: DocumentId) -> Result<DocumentDetails> {
        let d = documents::get(&self.conn, id)?;
        let text = |key: &str| d.detected[key].as_str().map(str::to_owned);
        let court = match text("court") {
            Some(c) => Some(court_label(&self.conn, &c)?),
            None => None,
        };
        let case = match d.case_id {
            Some(c) => {
                let c = cases::get(&self.conn, c)?;
                Some(DocumentLink {
                    id: c.id,
                    label: c.name,
                })
            }
            None => None,
        };
        let proceeding = match d.proceeding_id {
            Some(p) => {
                let p = proceedings::get(&self.conn, p)?;
                Some(DocumentLink {
                    id: p.id,
                    label: format!("{} {}", p.court, p.docket_number),
                })
            }
            None => None,
        };
        let event = match d.event_id {
            Some(e) => {
                let e = events::get(&self.conn, e)?;
                Some(DocumentLink {
                    id: e.id,
                    label: format!("{} {}", e.date, e.title),
                })
            }
            None => None,
        };
        Ok(DocumentDetails {
            id: d.id,
            title: d.title,
            original_name: d.original_name,
            page_count: d.page_count,
            size_bytes: d.size_bytes,
            imported_at: d.imported_at,
            court,
            docket_number: text("docket_number"),
            filed: text("filed").and_then(|f| f.parse().ok()),
            kind: text("kind"),
            citations: d.detected["citations"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
            case,
            proceeding,
            event,
        })
    }

    /// The stored PDF of a document: `<db dir>/documents/ab/<sha256>.pdf` (the
    /// import's content-addressed library). Fails when the file is missing.
    pub fn document_file(&self, id: DocumentId) -> Result<PathBuf> {
        let d = documents::get(&self.conn, id)?;
        let db = self
            .path()
            .ok_or_else(|| Error::not_found("an in-memory database has no document files"))?;
        let path = Library::beside_database(db).path_of(&d.sha256);
        if !path.is_file() {
            return Err(Error::not_found(format!(
                "the file of document #{id} is missing from the library ({})",
                path.display()
            )));
        }
        Ok(path)
    }

    /// The bytes of a document's stored PDF.
    pub fn document_bytes(&self, id: DocumentId) -> Result<Vec<u8>> {
        let path = self.document_file(id)?;
        std::fs::read(&path).map_err(|e| Error::io(path, e))
    }
}

/// A court's short name from the court table, else its courts-db name, else the id.
fn court_label(conn: &Connection, id: &str) -> Result<String> {
    let short: Option<String> = conn
        .query_row("SELECT short_name FROM courts WHERE id = ?1", [id], |r| {
            r.col(0)
        })
        .optional()?;
    Ok(short
        .or_else(|| casetrail_detect::court_name(id).map(str::to_owned))
        .unwrap_or_else(|| id.to_owned()))
}

impl Writer<'_> {
    /// Highlight a passage of a page: validated, page checked against the document.
    pub fn add_highlight(&mut self, new: &NewHighlight) -> Result<Highlight> {
        new.validate()?;
        let doc = documents::get(&self.tx, new.document_id)?;
        if new.page > doc.page_count {
            return Err(Error::invalid(format!(
                "page {} is past the end of document #{} ({} pages)",
                new.page, doc.id, doc.page_count
            )));
        }
        let now = Utc::now();
        let note = new.note.trim();
        self.tx.execute(
            "INSERT INTO highlights (document_id, page, rects, quote, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                new.document_id,
                new.page,
                rects_json(&new.rects),
                new.quote,
                note,
                now
            ],
        )?;
        let id = HighlightId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "highlight",
            id.0,
            json!({
                "document_id": [null, new.document_id],
                "page": [null, new.page],
                "rects": [null, new.rects],
                "quote": [null, new.quote],
                "note": [null, note],
            }),
        )?;
        get(&self.tx, id)
    }

    /// Replace a highlight's note (empty removes it).
    pub fn edit_highlight_note(&mut self, id: HighlightId, note: &str) -> Result<Highlight> {
        let before = get(&self.tx, id)?;
        let note = note.trim();
        self.tx.execute(
            "UPDATE highlights SET note = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, note, Utc::now()],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "highlight",
            id.0,
            json!({"note": [before.note, note]}),
        )?;
        get(&self.tx, id)
    }

    /// Delete a highlight and its note.
    pub fn delete_highlight(&mut self, id: HighlightId) -> Result<()> {
        let before = get(&self.tx, id)?;
        self.tx
            .execute("DELETE FROM highlights WHERE id = ?1", params![id])?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Delete,
            "highlight",
            id.0,
            json!({
                "document_id": [before.document_id, null],
                "page": [before.page, null],
                "quote": [before.quote, null],
                "note": [before.note, null],
            }),
        )
    }
}
