//! Pushing this desktop's operations: in batches, each batch one PostgreSQL
//! transaction, idempotent by operation id (a push cut off half way and
//! retried creates nothing twice). A case's server row is created, owned by
//! this user, by the first push that carries it.

use casetrail_model::{SyncKind, SyncOp};
use casetrail_store::Store;
use postgres::Client;
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// Operations per batch (one server transaction each).
pub const BATCH: usize = 500;

/// Push everything not yet on the server; the number of operations the
/// server did not have.
pub fn push(client: &mut Client, store: &mut Store) -> Result<usize> {
    store.adopt_unlogged()?;
    let mut pushed = 0;
    loop {
        let outbox = store.outbox(BATCH)?;
        if outbox.ops.is_empty() {
            return Ok(pushed);
        }
        let mut tx = client.transaction().map_err(Error::from_statement)?;
        for (case, name) in &outbox.cases {
            tx.execute(
                "INSERT INTO casetrail.cases (id, name) VALUES ($1::text::uuid, $2)
                 ON CONFLICT (id) DO NOTHING",
                &[case, name],
            )
            .map_err(Error::from_statement)?;
        }
        let insert = tx
            .prepare(
                "INSERT INTO casetrail.operations
                     (id, case_id, hlc, entity, entity_id, field, old_value, new_value)
                 VALUES ($1::text::uuid, $2::text::uuid, $3, $4, $5, $6,
                         $7::text::jsonb, $8::text::jsonb)
                 ON CONFLICT (id) DO NOTHING",
            )
            .map_err(Error::from_statement)?;
        for op in &outbox.ops {
            let (field, old, new) = columns(op);
            pushed += tx
                .execute(
                    &insert,
                    &[
                        &op.id,
                        &op.case_id,
                        &op.hlc,
                        &op.entity,
                        &op.entity_id,
                        &field,
                        &old,
                        &new,
                    ],
                )
                .map_err(Error::from_statement)? as usize;
        }
        tx.commit().map_err(Error::from_statement)?;
        store.mark_pushed(outbox.through)?;
    }
}

/// An operation as the server's columns hold it: a create has no old
/// value, a delete no new one, an update both; `field` names the one field
/// an update changed, when it changed one.
fn columns(op: &SyncOp) -> (Option<String>, Option<String>, Option<String>) {
    let side = |i: usize| -> String {
        let map: Map<String, Value> = op
            .fields
            .iter()
            .map(|(k, pair)| (k.clone(), pair.get(i).cloned().unwrap_or(Value::Null)))
            .collect();
        Value::Object(map).to_string()
    };
    match op.kind {
        SyncKind::Create => (None, None, Some(side(1))),
        SyncKind::Delete => (None, Some(side(0)), None),
        SyncKind::Update => {
            let field = if op.fields.len() == 1 {
                op.fields.keys().next().cloned()
            } else {
                None
            };
            (field, Some(side(0)), Some(side(1)))
        }
    }
}

/// The server's columns back to an operation (the inverse of [`columns`]).
pub(crate) fn fields(old: Option<&str>, new: Option<&str>) -> (SyncKind, Map<String, Value>) {
    let parse = |s: Option<&str>| -> Option<Map<String, Value>> {
        s.map(|s| serde_json::from_str(s).unwrap_or_default())
    };
    let (old, new) = (parse(old), parse(new));
    let kind = match (&old, &new) {
        (None, _) => SyncKind::Create,
        (Some(_), None) => SyncKind::Delete,
        _ => SyncKind::Update,
    };
    let mut names: Vec<String> = Vec::new();
    for map in [&old, &new].into_iter().flatten() {
        for k in map.keys() {
            if !names.contains(k) {
                names.push(k.clone());
            }
        }
    }
    let get = |m: &Option<Map<String, Value>>, k: &str| {
        m.as_ref()
            .and_then(|m| m.get(k))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let fields = names
        .into_iter()
        .map(|k| {
            let pair = Value::Array(vec![get(&old, &k), get(&new, &k)]);
            (k, pair)
        })
        .collect();
    (kind, fields)
}
