//! Imported documents and their pages. A document and all its pages are written
//! in one transaction (with its activity-log entry): a crash leaves all or nothing.

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, events, proceedings, Store, Writer};
use crate::{Error, Result};
use casetrail_model::{
    CaseId, Document, DocumentId, EventId, NewDocument, Operation, Page, ProceedingId,
};

const COLUMNS: &str = "d.id, d.sha256, d.title, d.original_name, d.size_bytes, d.page_count,
    d.case_id, d.proceeding_id, d.event_id, d.detected, d.ocr, d.warnings, d.imported_at,
    (SELECT count(*) FROM pages p WHERE p.document_id = d.id AND p.status = 'needs_ocr')";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Document> {
    let detected: String = r.col(9)?;
    let warnings: String = r.col(11)?;
    Ok(Document {
        id: r.col(0)?,
        sha256: r.col(1)?,
        title: r.col(2)?,
        original_name: r.col(3)?,
        size_bytes: r.col(4)?,
        page_count: r.col(5)?,
        case_id: r.col(6)?,
        proceeding_id: r.col(7)?,
        event_id: r.col(8)?,
        detected: serde_json::from_str(&detected).unwrap_or(serde_json::Value::Null),
        ocr: r.col(10)?,
        warnings: serde_json::from_str(&warnings).unwrap_or_default(),
        imported_at: r.col(12)?,
        pages_needing_ocr: r.col(13)?,
    })
}

pub(super) fn get(conn: &Connection, id: DocumentId) -> Result<Document> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM documents d WHERE d.id = ?1"),
        params![id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no document #{id}")))
}

/// Insert a document's pages. All pages in one statement: FTS5 writes its
/// pending index entries out at the start of every statement that opens a
/// statement journal (the insert trigger makes each one do so), so one
/// statement per page meant one index segment per page, and merges.
pub(crate) fn insert_pages(conn: &Connection, id: DocumentId, pages: &[Page]) -> Result<()> {
    let pages: Vec<serde_json::Value> = pages
        .iter()
        .map(|page| json!([page.number, page.status.as_str(), page.failure, page.text]))
        .collect();
    conn.execute(
        "INSERT INTO pages (document_id, number, status, failure, text)
         SELECT ?1, p.value ->> 0, p.value ->> 1, p.value ->> 2, p.value ->> 3
         FROM json_each(?2) AS p
         ORDER BY p.key",
        params![id, serde_json::Value::Array(pages).to_string()],
    )?;
    Ok(())
}

pub(crate) fn by_sha256(conn: &Connection, sha256: &str) -> Result<Option<Document>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM documents d WHERE d.sha256 = ?1"),
            [sha256],
            from_row,
        )
        .optional()?)
}

impl Store {
    /// One document by id.
    pub fn document(&self, id: DocumentId) -> Result<Document> {
        get(&self.conn, id)
    }

    /// The document with these bytes (by SHA-256, lower-case hex), if already imported.
    pub fn document_by_sha256(&self, sha256: &str) -> Result<Option<Document>> {
        by_sha256(&self.conn, sha256)
    }

    /// The SHA-256 of every imported document (for duplicate checks during a bulk import).
    pub fn document_hashes(&self) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self.conn.prepare("SELECT sha256 FROM documents")?;
        let rows = stmt.query_map([], |r| r.col::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Documents, newest first; only those of `case` when given.
    pub fn documents(&self, case: Option<CaseId>) -> Result<Vec<Document>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM documents d
             WHERE ?1 IS NULL OR d.case_id = ?1
             ORDER BY d.imported_at DESC, d.id DESC"
        ))?;
        let rows = stmt.query_map(params![case], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The documents linked to one docket event, oldest first.
    pub fn event_documents(&self, event: EventId) -> Result<Vec<Document>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM documents d
             WHERE d.event_id = ?1
             ORDER BY d.imported_at, d.id"
        ))?;
        let rows = stmt.query_map(params![event], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The pages of a document, in order.
    pub fn pages(&self, id: DocumentId) -> Result<Vec<Page>> {
        let mut stmt = self.conn.prepare(
            "SELECT number, status, failure, text FROM pages
             WHERE document_id = ?1 ORDER BY number",
        )?;
        let rows = stmt.query_map(params![id], |r| {
            Ok(Page {
                number: r.col(0)?,
                status: r.col(1)?,
                failure: r.col(2)?,
                text: r.col(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Record a document and its pages in one transaction.
    pub fn add_document(&mut self, new: &NewDocument) -> Result<Document> {
        self.write(|w| w.add_document(new))
    }

    /// Confirm or change what a document belongs to (see [`Writer::link_document`]).
    pub fn link_document(
        &mut self,
        id: DocumentId,
        case: Option<CaseId>,
        proceeding: Option<ProceedingId>,
        event: Option<EventId>,
    ) -> Result<Document> {
        self.write(|w| w.link_document(id, case, proceeding, event))
    }
}

impl Writer<'_> {
    /// Record a document and its pages. Fails with [`Error::Invalid`] when a document
    /// with the same SHA-256 exists.
    pub fn add_document(&mut self, new: &NewDocument) -> Result<Document> {
        if new.title.trim().is_empty() {
            return Err(Error::invalid("a document needs a title"));
        }
        if by_sha256(&self.tx, &new.sha256)?.is_some() {
            return Err(Error::invalid(format!(
                "a document with these bytes (sha256 {}) is already imported",
                new.sha256
            )));
        }
        self.tx.execute(
            "INSERT INTO documents (sha256, title, original_name, size_bytes, page_count, case_id,
                                    proceeding_id, detected, ocr, warnings, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                new.sha256,
                new.title.trim(),
                new.original_name,
                new.size_bytes,
                new.pages.len() as u32,
                new.case_id,
                new.proceeding_id,
                new.detected.to_string(),
                new.ocr,
                serde_json::Value::from(new.warnings.clone()).to_string(),
                Utc::now(),
            ],
        )?;
        let id = DocumentId(self.tx.last_insert_rowid());
        insert_pages(&self.tx, id, &new.pages)?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "document",
            id.0,
            json!({
                "title": [null, new.title.trim()],
                "sha256": [null, new.sha256],
                "pages": [null, new.pages.len()],
                "case_id": [null, new.case_id],
            }),
        )?;
        if let Some(case) = new.case_id {
            self.touch_case(case)?;
        }
        get(&self.tx, id)
    }

    /// Confirm or change what a document belongs to: its case, proceeding and docket
    /// event (`None` detaches). A proceeding must belong to the case, an event to the
    /// proceeding; the case follows from the proceeding when not given.
    pub fn link_document(
        &mut self,
        id: DocumentId,
        case: Option<CaseId>,
        proceeding: Option<ProceedingId>,
        event: Option<EventId>,
    ) -> Result<Document> {
        let before = get(&self.tx, id)?;
        let mut case = case;
        if let Some(p) = proceeding {
            let p = proceedings::get(&self.tx, p)?;
            if case.is_some_and(|c| c != p.case_id) {
                return Err(Error::invalid(format!(
                    "proceeding #{} belongs to another case",
                    p.id
                )));
            }
            case = Some(p.case_id);
        }
        if let Some(e) = event {
            let e = events::get(&self.tx, e)?;
            if proceeding != Some(e.proceeding_id) {
                return Err(Error::invalid(format!(
                    "event #{} is not in the document's proceeding",
                    e.id
                )));
            }
        }
        self.tx.execute(
            "UPDATE documents SET case_id = ?2, proceeding_id = ?3, event_id = ?4 WHERE id = ?1",
            params![id, case, proceeding, event],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "document",
            id.0,
            json!({
                "case_id": [before.case_id, case],
                "proceeding_id": [before.proceeding_id, proceeding],
                "event_id": [before.event_id, event],
            }),
        )?;
        if let Some(c) = case {
            self.touch_case(c)?;
        }
        get(&self.tx, id)
    }
}
