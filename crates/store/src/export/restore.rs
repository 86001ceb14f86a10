//! Writing back what a case file carries as it was: deadlines with their
//! computations and statuses (not derived again), and documents' metadata
//! (without their pages or files; a bundle brings those, and `restore_pages`
//! writes a bundled document's text).

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::OptionalExtension;
use serde_json::json;

use crate::{activity, deadlines, documents, Error, Result, Writer};
use casetrail_deadline::{Deadline, DeadlineId};
use casetrail_model::{Document, DocumentId, Operation, Page};

impl Writer<'_> {
    /// Insert a deadline exactly as given (its id and timestamps aside): the
    /// rule, the trigger, the computation and its steps, the court-ordered
    /// date, the status and the notes.
    pub fn restore_deadline(&mut self, d: &Deadline) -> Result<Deadline> {
        if d.title.trim().is_empty() {
            return Err(Error::invalid("a deadline needs a title"));
        }
        if d.rule.is_some() != d.computed_due.is_some() {
            return Err(Error::invalid(format!(
                "deadline {:?}: a rule and a computed date go together",
                d.title
            )));
        }
        let computation = d.computation.as_ref().map(deadlines::to_json).transpose()?;
        let now = Utc::now();
        self.tx.execute(
            "INSERT INTO deadlines (case_id, proceeding_id, title, rule, part, us_party, service,
                 court_id, trigger_event, trigger_date, computed_due, computation, ordered_due,
                 ordered_note, due, status, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?18)",
            params![
                d.case_id,
                d.proceeding_id,
                d.title,
                d.rule,
                d.part,
                d.us_party,
                d.service,
                d.court_id,
                d.trigger_event,
                d.trigger_date,
                d.computed_due,
                computation,
                d.ordered_due,
                d.ordered_note,
                d.due,
                d.status,
                d.notes,
                now
            ],
        )?;
        let id = DeadlineId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "deadline",
            id.0,
            json!({"title": [null, d.title], "due": [null, d.due], "status": [null, d.status.as_str()],
                   "restored": true}),
        )?;
        self.touch_case(d.case_id)?;
        deadlines::get(&self.tx, id)
    }

    /// Record a document's metadata as given (its id aside), without pages:
    /// the file is not here. `None` when a document with these bytes is
    /// already recorded (it is left as it is).
    pub fn restore_document(&mut self, d: &Document) -> Result<Option<Document>> {
        if d.title.trim().is_empty() {
            return Err(Error::invalid("a document needs a title"));
        }
        if d.sha256.len() != 64 || !d.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::invalid(format!(
                "document {:?}: sha256 must be 64 hex digits",
                d.title
            )));
        }
        let known: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM documents WHERE sha256 = ?1",
                params![d.sha256.to_ascii_lowercase()],
                |r| r.col(0),
            )
            .optional()?;
        if known.is_some() {
            return Ok(None);
        }
        self.tx.execute(
            "INSERT INTO documents (sha256, title, original_name, size_bytes, page_count, case_id,
                                    proceeding_id, event_id, detected, ocr, warnings, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                d.sha256.to_ascii_lowercase(),
                d.title.trim(),
                d.original_name,
                d.size_bytes,
                d.page_count,
                d.case_id,
                d.proceeding_id,
                d.event_id,
                d.detected.to_string(),
                d.ocr,
                serde_json::Value::from(d.warnings.clone()).to_string(),
                Utc::now(),
            ],
        )?;
        let id = DocumentId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "document",
            id.0,
            json!({"title": [null, d.title.trim()], "sha256": [null, d.sha256], "restored": true}),
        )?;
        documents::get(&self.tx, id).map(Some)
    }

    /// Give the document with these bytes its pages' text, as a bundle
    /// carries it, when it has none yet (a document restored from a case
    /// file's metadata). False when no such document exists or it already has
    /// pages (left as they are).
    pub fn restore_pages(&mut self, sha256: &str, pages: &[Page]) -> Result<bool> {
        let Some(doc) = documents::by_sha256(&self.tx, &sha256.to_ascii_lowercase())? else {
            return Ok(false);
        };
        let has: i64 = self.tx.query_row(
            "SELECT count(*) FROM pages WHERE document_id = ?1",
            params![doc.id],
            |r| r.col(0),
        )?;
        if has > 0 || pages.is_empty() {
            return Ok(false);
        }
        documents::insert_pages(&self.tx, doc.id, pages)?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "document",
            doc.id.0,
            json!({"pages": [0, pages.len()], "restored": true}),
        )?;
        Ok(true)
    }
}
