//! Rows the sync log does not know yet — made before this version, or by a
//! path that writes no operation for them (a case file's import) — get a
//! create operation of their own, so that every synced row reaches the
//! server. Parents first, so a pulled row always finds what it belongs to.

use rusqlite::{params, Connection};
use serde_json::json;

use super::entities;
use super::tables::SPECS;
use crate::Result;
use casetrail_model::Operation;

/// Log a create operation for each synced row that has none; how many.
pub(crate) fn adopt(conn: &Connection) -> Result<usize> {
    let mut adopted = 0;
    for spec in SPECS {
        let sql = if spec.entity == "case" {
            "SELECT id FROM cases t WHERE NOT EXISTS
                 (SELECT 1 FROM activity a WHERE a.entity_uuid = t.uuid AND a.op = 'create')
             ORDER BY id"
                .to_string()
        } else {
            format!(
                "SELECT id FROM {} t WHERE NOT EXISTS
                     (SELECT 1 FROM sync_ids i JOIN activity a ON a.entity_uuid = i.uuid
                      WHERE i.entity = ?1 AND i.local_id = t.id AND a.op = 'create')
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
            // Logged meanwhile, as the parent of a row adopted before it.
            let known = entities::global_id(conn, spec.entity, id)?;
            if spec.case_of(conn, id)?.is_none()
                || known.map_or(Ok(false), |u| entities::has_create(conn, &u))?
            {
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
