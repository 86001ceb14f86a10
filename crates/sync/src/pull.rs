//! Pulling the firm's operations: for each case this user may see (row-level
//! security decides; nothing of a walled-off case reaches this desktop), the
//! operations after this desktop's cursor, in server order, applied locally
//! one SQLite transaction per batch.

use casetrail_model::{Applied, SyncOp};
use casetrail_store::Store;
use postgres::Client;

use crate::error::{Error, Result};
use crate::push::{fields, BATCH};

/// Pull and apply everything new.
pub fn pull(client: &mut Client, store: &mut Store) -> Result<Applied> {
    let cases: Vec<String> = client
        .query(
            "SELECT id::text FROM casetrail.cases ORDER BY created_at, id",
            &[],
        )
        .map_err(Error::from_statement)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let select = client
        .prepare(
            "SELECT id::text, seq, author::text, hlc, entity, entity_id,
                    old_value::text, new_value::text
             FROM casetrail.operations
             WHERE case_id = $1::text::uuid AND seq > $2
             ORDER BY seq LIMIT $3",
        )
        .map_err(Error::from_statement)?;
    let mut total = Applied::default();
    for case in cases {
        let mut cursor = store.pull_cursor(&case)?;
        loop {
            let rows = client
                .query(&select, &[&case, &cursor, &(BATCH as i64)])
                .map_err(Error::from_statement)?;
            let Some(last) = rows.last() else { break };
            let through: i64 = last.get(1);
            let ops: Vec<SyncOp> = rows
                .iter()
                .map(|r| {
                    let old: Option<String> = r.get(6);
                    let new: Option<String> = r.get(7);
                    let (kind, fields) = fields(old.as_deref(), new.as_deref());
                    SyncOp {
                        id: r.get(0),
                        case_id: case.clone(),
                        author: r.get(2),
                        hlc: r.get(3),
                        kind,
                        entity: r.get(4),
                        entity_id: r.get(5),
                        fields,
                    }
                })
                .collect();
            let done = store.apply_pulled(&case, &ops, through)?;
            total.applied += done.applied;
            total.conflicts += done.conflicts;
            cursor = through;
            if rows.len() < BATCH {
                break;
            }
        }
    }
    Ok(total)
}
