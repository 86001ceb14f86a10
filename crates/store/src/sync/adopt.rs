//! Rows the sync log does not know yet — made before this version, or by a
//! path that writes no operation for them (a case file's import) — get a
//! create operation of their own, so that every synced row reaches the
//! server. Parents first, so a pulled row always finds what it belongs to.

use rusqlite::{params, Connection};
use serde_json::json;

use super::tables::SPECS;
use crate::Result;
use casetrail_model::Operation;

/// Log a create operation for each synced row that has none; how many.
pub(crate) fn adopt(conn: &Connection) -> Result<usize> {
    let mut adopted = 0;
    for spec in SPECS {
        let sql = if spec.entity == "case" {
            "SELECT id FROM cases WHERE uuid NOT IN
                 (SELECT entity_uuid FROM activity WHERE op = 'create' AND entity_uuid IS NOT NULL)
             ORDER BY id"
                .to_string()
        } else {
            format!(
                "SELECT id FROM {} WHERE id NOT IN (SELECT local_id FROM sync_ids WHERE entity = ?1)
                 ORDER BY id",
                spec.table
            )
        };
        let mut stmt = conn.prepare(&sql)?;
        let rows: Vec<i64> = if spec.entity == "case" {
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            stmt.query_map(params![spec.entity], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for id in rows {
            if spec.case_of(conn, id)?.is_none() {
                continue;
            }
            crate::activity::record(
                conn,
                "sync",
                Operation::Create,
                spec.entity,
                id,
                json!({"shared": [null, true]}),
            )?;
            adopted += 1;
        }
    }
    Ok(adopted)
}
