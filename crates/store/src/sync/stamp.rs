//! What turns an activity-log entry into an operation of the sync log: its
//! global id, author, clock, case and entity ids, and a payload that replays.
//! Computed inside the change's transaction, just before its entry is written.

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::entities::{self, spec};
use super::{clock, server_user};
use crate::Result;
use casetrail_model::Operation;

/// The sync columns of one log entry.
pub(crate) struct Stamp {
    pub op_id: String,
    pub author: Option<String>,
    pub hlc: i64,
    pub case_uuid: String,
    pub entity_uuid: String,
    pub payload: String,
}

/// The stamp of a change to `entity` #`local` (`None`: it does not sync —
/// not a synced entity, a row without a case, or nothing synced changed).
pub(crate) fn stamp(
    conn: &Connection,
    op: Operation,
    entity: &str,
    local: i64,
    changes: &Value,
) -> Result<Option<Stamp>> {
    if entity == "tagging" {
        return super::tagging::stamp(conn, op, local, changes);
    }
    let Some(spec) = spec(entity) else {
        return Ok(None);
    };
    let Some(case) = spec.case_of(conn, local)? else {
        return Ok(None);
    };
    let Some(case_uuid) = entities::global_id(conn, "case", case)? else {
        return Ok(None);
    };
    let entity_uuid = match op {
        Operation::Create => entities::mint(conn, entity, local)?,
        _ => match entities::global_id(conn, entity, local)? {
            Some(id) => Some(id),
            None => entities::mint(conn, entity, local)?,
        },
    };
    let Some(entity_uuid) = entity_uuid else {
        return Ok(None);
    };
    let current = spec.read(conn, local)?.unwrap_or_default();
    let mut payload = Map::new();
    match op {
        Operation::Create => {
            for (name, value) in current {
                payload.insert(name, Value::Array(vec![Value::Null, value]));
            }
        }
        Operation::Update => {
            let Some(changed) = changes.as_object() else {
                return Ok(None);
            };
            for (name, pair) in changed {
                let Some(column) = spec.column(name) else {
                    continue;
                };
                let old = pair.get(0).cloned().unwrap_or(Value::Null);
                let old = match (column.refers, &old) {
                    (Some(refers), Value::Number(n)) => match n.as_i64() {
                        Some(id) => entities::global_id(conn, refers, id)?
                            .map_or(Value::Null, Value::String),
                        None => Value::Null,
                    },
                    _ => old,
                };
                let new = current.get(name).cloned().unwrap_or(Value::Null);
                payload.insert(name.clone(), Value::Array(vec![old, new]));
            }
            for (named, with) in spec.with {
                if payload.contains_key(*named) && !payload.contains_key(*with) {
                    let new = current.get(*with).cloned().unwrap_or(Value::Null);
                    payload.insert(with.to_string(), Value::Array(vec![Value::Null, new]));
                }
            }
            if payload.is_empty() {
                return Ok(None);
            }
        }
        Operation::Delete => {}
    }
    Ok(Some(Stamp {
        op_id: clock::uuid_v7(conn)?,
        author: server_user(conn)?,
        hlc: clock::tick(conn)?,
        case_uuid,
        entity_uuid,
        payload: Value::Object(payload).to_string(),
    }))
}
