//! Notes and tags on cases, proceedings, events and documents.

use std::collections::HashMap;

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, Store, Writer};
use crate::{Error, Result};
use casetrail_model::{CaseId, EventId, Note, NoteId, NoteTarget, Operation, Tag, TagId};

/// The (column, id) a target is stored under.
fn target_column(t: NoteTarget) -> (&'static str, i64) {
    match t {
        NoteTarget::Case(id) => ("case_id", id.0),
        NoteTarget::Proceeding(id) => ("proceeding_id", id.0),
        NoteTarget::Event(id) => ("event_id", id.0),
        NoteTarget::Document(id) => ("document_id", id.0),
    }
}

fn check_target_exists(conn: &Connection, t: NoteTarget) -> Result<()> {
    let (table, id) = match t {
        NoteTarget::Case(id) => ("cases", id.0),
        NoteTarget::Proceeding(id) => ("proceedings", id.0),
        NoteTarget::Event(id) => ("events", id.0),
        // Documents arrive with the import migration; until then the id is taken on trust.
        NoteTarget::Document(_) => return Ok(()),
    };
    let sql = match table {
        "cases" => "SELECT 1 FROM cases WHERE id = ?1",
        "proceedings" => "SELECT 1 FROM proceedings WHERE id = ?1",
        _ => "SELECT 1 FROM events WHERE id = ?1",
    };
    conn.query_row(sql, [id], |_| Ok(()))
        .optional()?
        .ok_or_else(|| {
            Error::not_found(format!(
                "nothing to attach to: no {} #{id}",
                &table[..table.len() - 1]
            ))
        })
}

fn note_from_row(r: &Row<'_>) -> rusqlite::Result<Note> {
    let case: Option<i64> = r.col(1)?;
    let proceeding: Option<i64> = r.col(2)?;
    let event: Option<i64> = r.col(3)?;
    let document: Option<i64> = r.col(4)?;
    let target = match (case, proceeding, event, document) {
        (Some(id), ..) => NoteTarget::Case(CaseId(id)),
        (_, Some(id), ..) => NoteTarget::Proceeding(casetrail_model::ProceedingId(id)),
        (_, _, Some(id), _) => NoteTarget::Event(EventId(id)),
        (.., Some(id)) => NoteTarget::Document(casetrail_model::DocumentId(id)),
        _ => return Err(rusqlite::Error::InvalidQuery),
    };
    Ok(Note {
        id: r.col(0)?,
        target,
        body: r.col(5)?,
        created_at: r.col(6)?,
        updated_at: r.col(7)?,
    })
}

const NOTE_COLUMNS: &str =
    "id, case_id, proceeding_id, event_id, document_id, body, created_at, updated_at";

/// Every note on a case, on its proceedings and their events, and on its
/// documents, oldest first, in one query (an export gathers them all).
pub(super) fn notes_of_case(conn: &Connection, case: CaseId) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {NOTE_COLUMNS} FROM notes
         WHERE case_id = ?1
            OR proceeding_id IN (SELECT id FROM proceedings WHERE case_id = ?1)
            OR event_id IN (SELECT e.id FROM events e
                            JOIN proceedings p ON p.id = e.proceeding_id WHERE p.case_id = ?1)
            OR document_id IN (SELECT id FROM documents WHERE case_id = ?1)
         ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![case], note_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Tags of every event of a case, keyed by event.
pub(super) fn event_tags_of_case(
    conn: &Connection,
    case: CaseId,
) -> Result<HashMap<EventId, Vec<String>>> {
    let mut stmt = conn.prepare(
        "SELECT tg.event_id, t.name FROM taggings tg JOIN tags t ON t.id = tg.tag_id
         JOIN events e ON e.id = tg.event_id JOIN proceedings p ON p.id = e.proceeding_id
         WHERE p.case_id = ?1 ORDER BY t.name",
    )?;
    let mut out: HashMap<EventId, Vec<String>> = HashMap::new();
    for row in stmt.query_map(params![case], |r| {
        Ok((r.col::<_, EventId>(0)?, r.col::<_, String>(1)?))
    })? {
        let (e, name) = row?;
        out.entry(e).or_default().push(name);
    }
    Ok(out)
}

impl Store {
    /// The notes on one thing, oldest first.
    pub fn notes(&self, target: NoteTarget) -> Result<Vec<Note>> {
        let (column, id) = target_column(target);
        // The column name comes from a fixed list above, never from input.
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {NOTE_COLUMNS} FROM notes WHERE {column} = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([id], note_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The tags on one case, event or document.
    pub fn tags_of(&self, target: NoteTarget) -> Result<Vec<Tag>> {
        let (column, id) = target_column(target);
        if column == "proceeding_id" {
            return Err(Error::invalid(
                "proceedings are not tagged; tag the case or its events",
            ));
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT t.id, t.name FROM taggings tg JOIN tags t ON t.id = tg.tag_id
             WHERE tg.{column} = ?1 ORDER BY t.name"
        ))?;
        let rows = stmt.query_map([id], |r| {
            Ok(Tag {
                id: r.col(0)?,
                name: r.col(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every tag in use.
    pub fn tags(&self) -> Result<Vec<Tag>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM tags ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Tag {
                id: r.col(0)?,
                name: r.col(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Attach a note.
    pub fn add_note(&mut self, target: NoteTarget, body: &str) -> Result<Note> {
        self.write(|w| w.add_note(target, body))
    }

    /// Tag a case, event or document.
    pub fn tag(&mut self, target: NoteTarget, name: &str) -> Result<Tag> {
        self.write(|w| w.tag(target, name))
    }

    /// Replace a note's text.
    pub fn edit_note(&mut self, id: NoteId, body: &str) -> Result<()> {
        self.write(|w| w.edit_note(id, body))
    }

    /// Remove a tag from a case, event or document.
    pub fn untag(&mut self, target: NoteTarget, tag: TagId) -> Result<()> {
        self.write(|w| w.untag(target, tag))
    }

    /// Delete a note.
    pub fn delete_note(&mut self, id: NoteId) -> Result<()> {
        self.write(|w| w.delete_note(id))
    }
}

impl Writer<'_> {
    /// Attach a note (plain text or Markdown) to a case, proceeding, event or document.
    pub fn add_note(&mut self, target: NoteTarget, body: &str) -> Result<Note> {
        if body.trim().is_empty() {
            return Err(Error::invalid("a note cannot be empty"));
        }
        check_target_exists(&self.tx, target)?;
        let (column, id) = target_column(target);
        let now = Utc::now();
        self.tx.execute(
            &format!("INSERT INTO notes ({column}, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)"),
            params![id, body, now],
        )?;
        let note_id = NoteId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "note",
            note_id.0,
            json!({"target": [null, target], "body": [null, body]}),
        )?;
        Ok(self.tx.query_row(
            &format!("SELECT {NOTE_COLUMNS} FROM notes WHERE id = ?1"),
            params![note_id],
            note_from_row,
        )?)
    }

    /// Delete a note, logged first (the log entry is stamped from the row,
    /// so a firm's other desktops delete it too).
    pub fn delete_note(&mut self, id: NoteId) -> Result<()> {
        let old: String = self
            .tx
            .query_row("SELECT body FROM notes WHERE id = ?1", params![id], |r| {
                r.col(0)
            })
            .optional()?
            .ok_or_else(|| Error::not_found(format!("no note #{id}")))?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Delete,
            "note",
            id.0,
            json!({"body": [old, null]}),
        )?;
        self.tx
            .execute("DELETE FROM notes WHERE id = ?1", params![id])?;
        Ok(())
    }

    /// Replace a note's text.
    pub fn edit_note(&mut self, id: NoteId, body: &str) -> Result<()> {
        if body.trim().is_empty() {
            return Err(Error::invalid("a note cannot be empty"));
        }
        let old: String = self
            .tx
            .query_row("SELECT body FROM notes WHERE id = ?1", params![id], |r| {
                r.col(0)
            })
            .optional()?
            .ok_or_else(|| Error::not_found(format!("no note #{id}")))?;
        self.tx.execute(
            "UPDATE notes SET body = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, body, Utc::now()],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "note",
            id.0,
            json!({"body": [old, body]}),
        )
    }

    /// Tag a case, event or document (the tag is created if new).
    pub fn tag(&mut self, target: NoteTarget, name: &str) -> Result<Tag> {
        let name = name.trim();
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(Error::invalid(
                "a tag needs a name without control characters",
            ));
        }
        let (column, id) = target_column(target);
        if column == "proceeding_id" {
            return Err(Error::invalid(
                "proceedings are not tagged; tag the case or its events",
            ));
        }
        check_target_exists(&self.tx, target)?;
        self.tx
            .execute("INSERT OR IGNORE INTO tags (name) VALUES (?1)", [name])?;
        let tag: Tag =
            self.tx
                .query_row("SELECT id, name FROM tags WHERE name = ?1", [name], |r| {
                    Ok(Tag {
                        id: r.col(0)?,
                        name: r.col(1)?,
                    })
                })?;
        let changed = self.tx.execute(
            &format!("INSERT OR IGNORE INTO taggings (tag_id, {column}) VALUES (?1, ?2)"),
            params![tag.id, id],
        )?;
        if changed > 0 {
            activity::record(
                &self.tx,
                self.actor,
                Operation::Create,
                "tagging",
                tag.id.0,
                json!({"target": [null, target], "tag": [null, tag.name]}),
            )?;
        }
        Ok(tag)
    }

    /// Remove a tag from a case, event or document.
    pub fn untag(&mut self, target: NoteTarget, tag: TagId) -> Result<()> {
        let (column, id) = target_column(target);
        let removed = self.tx.execute(
            &format!("DELETE FROM taggings WHERE tag_id = ?1 AND {column} = ?2"),
            params![tag, id],
        )?;
        if removed > 0 {
            activity::record(
                &self.tx,
                self.actor,
                Operation::Delete,
                "tagging",
                tag.0,
                json!({"target": [target, null]}),
            )?;
        }
        Ok(())
    }
}
