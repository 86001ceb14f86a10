//! The append-only activity log, written in the same transaction as the change it records.

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, Row};
use serde_json::Value;

use super::Store;
use crate::Result;
use casetrail_model::{Activity, Operation};

/// Append one entry. Called by every write, inside its transaction; an entry
/// of a synced entity is stamped as an operation of the sync log.
pub(super) fn record(
    conn: &Connection,
    actor: &str,
    op: Operation,
    entity: &str,
    entity_id: i64,
    changes: Value,
) -> Result<()> {
    let stamp = crate::sync::stamp(conn, op, entity, entity_id, &changes)?;
    let (op_id, author, hlc, case_uuid, entity_uuid, payload) = match &stamp {
        Some(s) => (
            Some(s.op_id.as_str()),
            s.author.as_deref(),
            Some(s.hlc),
            Some(s.case_uuid.as_str()),
            Some(s.entity_uuid.as_str()),
            Some(s.payload.as_str()),
        ),
        None => (None, None, None, None, None, None),
    };
    // Cached: a docket import logs one entry per docket entry.
    conn.prepare_cached(
        "INSERT INTO activity (at, actor, op, entity, entity_id, changes,
                               op_id, author, hlc, case_uuid, entity_uuid, payload)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        Utc::now(),
        actor,
        op,
        entity,
        entity_id,
        changes.to_string(),
        op_id,
        author,
        hlc,
        case_uuid,
        entity_uuid,
        payload
    ])?;
    Ok(())
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Activity> {
    let changes: String = r.col(6)?;
    Ok(Activity {
        id: r.col(0)?,
        at: r.col(1)?,
        actor: r.col(2)?,
        op: r.col(3)?,
        entity: r.col(4)?,
        entity_id: r.col(5)?,
        changes: serde_json::from_str(&changes).unwrap_or(Value::String(changes)),
    })
}

impl Store {
    /// The most recent log entries, newest first.
    pub fn activity(&self, limit: usize) -> Result<Vec<Activity>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, op, entity, entity_id, changes
             FROM activity ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The history of one entity, oldest first.
    pub fn history(&self, entity: &str, entity_id: i64) -> Result<Vec<Activity>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, op, entity, entity_id, changes
             FROM activity WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![entity, entity_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
