//! Applying a pulled operation: once (its id is the log's), last writer wins
//! per field by (clock, author), deletes win over edits, and a conflict is
//! recorded whenever the pulled change was made without knowing the value
//! this desktop holds.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::clock;
use super::entities::{self, spec, Landed, Spec};
use crate::Result;
use casetrail_model::{SyncKind, SyncOp};

/// Apply `op` here; `None` when it was applied before (nothing done),
/// else the number of conflicts it recorded.
pub(crate) fn apply(conn: &Connection, me: &str, op: &SyncOp) -> Result<Option<usize>> {
    let seen: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM activity WHERE op_id = ?1)",
        [&op.id],
        |r| r.get(0),
    )?;
    if seen {
        return Ok(None);
    }
    clock::observe(conn, op.hlc)?;
    if op.entity == "tagging" {
        let tag = super::tagging::apply(conn, me, op)?;
        log(conn, op, tag.unwrap_or(0))?;
        return Ok(Some(0));
    }
    let mut conflicts = 0;
    let mut local = None;
    if let Some(spec) = spec(&op.entity) {
        local = entities::local_id(conn, spec.entity, &op.entity_id)?;
        let deleted = tombstoned(conn, &op.entity_id)?;
        match op.kind {
            SyncKind::Create if deleted => {}
            SyncKind::Create if local.is_none() => {
                match spec.insert(conn, &op.entity_id, &news(&op.fields))? {
                    Landed::New(row) => local = Some(row),
                    // The same thing made on two desktops: one row, whose
                    // fields are settled field by field like edits.
                    Landed::Same(row) => {
                        local = Some(row);
                        for (field, pair) in &op.fields {
                            conflicts += merge_field(conn, me, spec, row, op, field, pair)?;
                        }
                    }
                    Landed::Nowhere => {}
                }
            }
            SyncKind::Create | SyncKind::Update => {
                if deleted {
                    conflicts += deleted_conflict(conn, op, me)?;
                } else if let Some(row) = local {
                    for (field, pair) in &op.fields {
                        conflicts += merge_field(conn, me, spec, row, op, field, pair)?;
                    }
                }
            }
            SyncKind::Delete => {
                if let Some(row) = local {
                    conflicts += edited_here(conn, op, me)?;
                    spec.delete(conn, row)?;
                }
            }
        }
    }
    log(conn, op, local.unwrap_or(0))?;
    Ok(Some(conflicts))
}

/// Each field's new value.
fn news(fields: &Map<String, Value>) -> Map<String, Value> {
    fields
        .iter()
        .map(|(k, pair)| (k.clone(), pair.get(1).cloned().unwrap_or(Value::Null)))
        .collect()
}

fn tombstoned(conn: &Connection, entity_uuid: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM activity WHERE entity_uuid = ?1 AND op = 'delete')",
        [entity_uuid],
        |r| r.get(0),
    )?)
}

/// Last writer wins for one field; a conflict when the pulled change did
/// not start from the value held here.
fn merge_field(
    conn: &Connection,
    me: &str,
    spec: &Spec,
    row: i64,
    op: &SyncOp,
    field: &str,
    pair: &Value,
) -> Result<usize> {
    let Some(column) = spec.column(field) else {
        return Ok(0);
    };
    let old = pair.get(0).cloned().unwrap_or(Value::Null);
    let new = pair.get(1).cloned().unwrap_or(Value::Null);
    // The latest operation here that set this field (a create sets them
    // all), under any of the row's global ids.
    let latest: Option<(String, i64, String)> = conn
        .query_row(
            "SELECT op_id, hlc, coalesce(author, ?3) FROM activity
             WHERE entity = ?4 AND op_id IS NOT NULL
               AND entity_uuid IN (SELECT uuid FROM sync_ids WHERE entity = ?4 AND local_id = ?5
                                   UNION ALL SELECT uuid FROM cases WHERE ?4 = 'case' AND id = ?5
                                   UNION ALL SELECT ?1)
               AND json_type(payload, '$.\"' || ?2 || '\"') IS NOT NULL
             ORDER BY hlc DESC, coalesce(author, ?3) DESC LIMIT 1",
            params![op.entity_id, field, me, spec.entity, row],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let wins = match &latest {
        None => true,
        Some((_, hlc, author)) => (op.hlc, op.author.as_str()) > (*hlc, author.as_str()),
    };
    let current = spec
        .read(conn, row)?
        .and_then(|mut f| f.remove(field))
        .unwrap_or(Value::Null);
    if wins {
        spec.set(conn, row, column, &new)?;
    }
    if current == old || current == new {
        return Ok(0);
    }
    let (here_op, here_author) = latest
        .map(|(id, _, author)| (id, author))
        .unwrap_or_else(|| (String::new(), me.to_string()));
    let (kept, lost, kept_op, lost_op, kept_author, lost_author) = if wins {
        (&new, &current, &op.id, &here_op, &op.author, &here_author)
    } else {
        (&current, &new, &here_op, &op.id, &here_author, &op.author)
    };
    conn.execute(
        "INSERT INTO sync_conflicts (at, case_uuid, entity, entity_uuid, field, kept, lost,
                                     kept_op, lost_op, kept_author, lost_author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            chrono::Utc::now(),
            op.case_id,
            op.entity,
            op.entity_id,
            field,
            kept.to_string(),
            lost.to_string(),
            kept_op,
            lost_op,
            kept_author,
            lost_author
        ],
    )?;
    Ok(1)
}

/// An edit pulled for something deleted here: the delete wins, and says so.
fn deleted_conflict(conn: &Connection, op: &SyncOp, me: &str) -> Result<usize> {
    let (delete_op, author): (String, String) = conn.query_row(
        "SELECT op_id, coalesce(author, ?2) FROM activity WHERE entity_uuid = ?1 AND op = 'delete'
         ORDER BY id LIMIT 1",
        params![op.entity_id, me],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let lost = Value::Object(news(&op.fields));
    record_deleted(conn, op, &delete_op, &author, &op.id, &op.author, &lost)
}

/// A delete pulled for something edited here: the delete wins, and says so.
fn edited_here(conn: &Connection, op: &SyncOp, me: &str) -> Result<usize> {
    let edit: Option<(String, String)> = conn
        .query_row(
            "SELECT op_id, payload FROM activity
             WHERE entity_uuid = ?1 AND op = 'update' AND pulled = 0
             ORDER BY id DESC LIMIT 1",
            [&op.entity_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((edit_op, payload)) = edit else {
        return Ok(0);
    };
    let fields: Map<String, Value> = serde_json::from_str(&payload).unwrap_or_default();
    let lost = Value::Object(news(&fields));
    record_deleted(conn, op, &op.id, &op.author, &edit_op, me, &lost)
}

fn record_deleted(
    conn: &Connection,
    op: &SyncOp,
    delete_op: &str,
    delete_author: &str,
    edit_op: &str,
    edit_author: &str,
    lost: &Value,
) -> Result<usize> {
    conn.execute(
        "INSERT INTO sync_conflicts (at, case_uuid, entity, entity_uuid, field, kept, lost,
                                     kept_op, lost_op, kept_author, lost_author, deleted)
         VALUES (?1, ?2, ?3, ?4, NULL, 'null', ?5, ?6, ?7, ?8, ?9, 1)",
        params![
            chrono::Utc::now(),
            op.case_id,
            op.entity,
            op.entity_id,
            lost.to_string(),
            delete_op,
            edit_op,
            delete_author,
            edit_author
        ],
    )?;
    Ok(1)
}

/// The pulled operation joins the log (both values stay in it).
fn log(conn: &Connection, op: &SyncOp, local: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO activity (at, actor, op, entity, entity_id, changes,
                               op_id, author, hlc, case_uuid, entity_uuid, payload, pulled)
         VALUES (?1, 'sync', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?5, 1)",
    )?
    .execute(params![
        chrono::Utc::now(),
        op.kind.as_str(),
        op.entity,
        local,
        Value::Object(op.fields.clone()).to_string(),
        op.id,
        op.author,
        op.hlc,
        op.case_id,
        op.entity_id
    ])?;
    Ok(())
}
