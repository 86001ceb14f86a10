//! Tags on cases and events as operations. A tagging has no row id of its
//! own, so its global id is what it joins: `case:<uuid>:<tag>` or
//! `event:<uuid>:<tag>` (the tag's name in lower case, as tags are unique
//! without case). Its one synced field is `present`; tagging and untagging
//! the same thing concurrently is settled by the clock like any field.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

use super::entities::{self, spec};
use super::stamp::Stamp;
use super::{clock, server_user};
use crate::Result;
use casetrail_model::{Operation, SyncKind, SyncOp};

/// The stamp of tagging or untagging (`changes` as `notes.rs` logs them).
pub(crate) fn stamp(
    conn: &Connection,
    op: Operation,
    tag: i64,
    changes: &Value,
) -> Result<Option<Stamp>> {
    let pair = &changes["target"];
    let target = if pair[1].is_null() {
        &pair[0]
    } else {
        &pair[1]
    };
    let (Some(kind), Some(id)) = (target["kind"].as_str(), target["id"].as_i64()) else {
        return Ok(None);
    };
    let (entity, case) = match (kind, spec("event")) {
        ("case", _) => ("case", Some(id)),
        ("event", Some(events)) => ("event", events.case_of(conn, id)?),
        _ => return Ok(None),
    };
    let Some(case) = case else { return Ok(None) };
    let Some(case_uuid) = entities::global_id(conn, "case", case)? else {
        return Ok(None);
    };
    let target_uuid = match entities::global_id(conn, entity, id)? {
        Some(u) => u,
        None => match entities::mint(conn, entity, id)? {
            Some(u) => u,
            None => return Ok(None),
        },
    };
    let name: Option<String> = conn
        .query_row("SELECT name FROM tags WHERE id = ?1", [tag], |r| r.get(0))
        .optional()?;
    let Some(name) = name else { return Ok(None) };
    let present = match op {
        Operation::Delete => json!([true, false]),
        _ => json!([null, true]),
    };
    Ok(Some(Stamp {
        op_id: clock::uuid_v7(conn)?,
        author: server_user(conn)?,
        hlc: clock::tick(conn)?,
        case_uuid,
        entity_uuid: format!("{entity}:{target_uuid}:{}", name.to_lowercase()),
        payload: json!({"present": present, "tag": [name, name]}).to_string(),
    }))
}

/// Apply a pulled tagging: the local tag's id, or `None` when what it tags
/// is not here.
pub(crate) fn apply(conn: &Connection, me: &str, op: &SyncOp) -> Result<Option<i64>> {
    let mut parts = op.entity_id.splitn(3, ':');
    let (Some(entity), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    let column = match entity {
        "case" => "case_id",
        "event" => "event_id",
        _ => return Ok(None),
    };
    let Some(local) = entities::local_id(conn, entity, target)? else {
        return Ok(None);
    };
    let tag = &op.fields["tag"];
    let Some(name) = tag[0].as_str().or_else(|| tag[1].as_str()) else {
        return Ok(None);
    };
    let present = op.kind != SyncKind::Delete && op.fields["present"][1] == Value::Bool(true);
    let latest: Option<(i64, String)> = conn
        .query_row(
            "SELECT hlc, coalesce(author, ?2) FROM activity
             WHERE entity_uuid = ?1 AND op_id IS NOT NULL
             ORDER BY hlc DESC, coalesce(author, ?2) DESC LIMIT 1",
            params![op.entity_id, me],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let wins = match &latest {
        None => true,
        Some((hlc, author)) => (op.hlc, op.author.as_str()) > (*hlc, author.as_str()),
    };
    conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?1)", [name])?;
    let tag: i64 = conn.query_row("SELECT id FROM tags WHERE name = ?1", [name], |r| r.get(0))?;
    if wins {
        let sql = if present {
            format!("INSERT OR IGNORE INTO taggings (tag_id, {column}) VALUES (?1, ?2)")
        } else {
            format!("DELETE FROM taggings WHERE tag_id = ?1 AND {column} = ?2")
        };
        conn.execute(&sql, params![tag, local])?;
    }
    Ok(Some(tag))
}
