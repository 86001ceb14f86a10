//! The desktop's side of sync: the activity log as the sync log.
//!
//! Every change to a synced entity (cases, proceedings, docket events, notes,
//! deadlines, tags;
//! [`entities`]) is stamped in its own transaction ([`stamp`]) with a UUIDv7,
//! its author, a hybrid logical clock ([`clock`]), its case's and its own
//! global ids, and a payload that replays. This module is what the sync
//! engine (`casetrail-sync`) asks of the store: the server this database is
//! tied to, the operations not yet pushed ([`Store::outbox`]), the pull
//! cursors, applying pulled operations ([`Store::apply_pulled`], [`apply`]:
//! once each, last writer wins per field) and the conflicts found.

mod adopt;
mod apply;
mod clock;
mod entities;
mod stamp;
mod tables;
mod tagging;

pub(crate) use stamp::stamp;

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::Store;
use crate::{Error, Result};
use casetrail_model::{Applied, Conflict, Outbox, SyncKind, SyncOp};

/// The firm server this database is tied to: where, and as whom. Never a password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncServer {
    pub url: String,
    pub user: String,
}

/// The connected server user, the author of this desktop's operations.
pub(crate) fn server_user(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT user FROM sync_server WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?)
}

impl Store {
    /// Tie this database to a server (`url` without a password) as `user`.
    /// Connecting again to the same server and user keeps the cursors; a
    /// different one starts over (everything is pushed and pulled again —
    /// harmless, operations are idempotent).
    pub fn connect_server(&mut self, url: &str, user: &str) -> Result<()> {
        let same = self.server()?
            == Some(SyncServer {
                url: url.to_string(),
                user: user.to_string(),
            });
        let tx = self.conn.transaction()?;
        if !same {
            tx.execute("DELETE FROM sync_cursors", [])?;
            tx.execute(
                "INSERT OR REPLACE INTO sync_server (id, url, user, connected_at, pushed_through)
                 VALUES (1, ?1, ?2, ?3, 0)",
                params![url, user, chrono::Utc::now()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The server this database is tied to, if any.
    pub fn server(&self) -> Result<Option<SyncServer>> {
        Ok(self
            .conn
            .query_row("SELECT url, user FROM sync_server WHERE id = 1", [], |r| {
                Ok(SyncServer {
                    url: r.get(0)?,
                    user: r.get(1)?,
                })
            })
            .optional()?)
    }

    fn require_server(&self) -> Result<SyncServer> {
        self.server()?.ok_or_else(|| {
            Error::invalid("this database is not connected to a server; run `casetrail connect --url URL --user NAME`")
        })
    }

    /// Give every synced row the sync log does not know yet (made before
    /// this version, or imported without operations) a create operation of
    /// its own, in one transaction; how many. The push runs it first.
    pub fn adopt_unlogged(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let adopted = adopt::adopt(&tx)?;
        tx.commit()?;
        Ok(adopted)
    }

    /// Up to `limit` operations made here and not yet pushed, oldest first.
    pub fn outbox(&self, limit: usize) -> Result<Outbox> {
        let me = self.require_server()?.user;
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.op_id, coalesce(a.author, ?1), a.hlc, a.op, a.entity, a.entity_uuid,
                    a.case_uuid, a.payload
             FROM activity a, sync_server s
             WHERE a.id > s.pushed_through AND a.op_id IS NOT NULL AND a.pulled = 0
             ORDER BY a.id LIMIT ?2",
        )?;
        let mut outbox = Outbox::default();
        let rows = stmt.query_map(params![me, limit as i64], |r| {
            let kind: String = r.get(4)?;
            let payload: String = r.get(8)?;
            Ok((
                r.get::<_, i64>(0)?,
                SyncOp {
                    id: r.get(1)?,
                    author: r.get(2)?,
                    hlc: r.get(3)?,
                    kind: match kind.as_str() {
                        "create" => SyncKind::Create,
                        "delete" => SyncKind::Delete,
                        _ => SyncKind::Update,
                    },
                    entity: r.get(5)?,
                    entity_id: r.get(6)?,
                    case_id: r.get(7)?,
                    fields: serde_json::from_str::<Map<String, Value>>(&payload)
                        .unwrap_or_default(),
                },
            ))
        })?;
        for row in rows {
            let (id, op) = row?;
            outbox.through = id;
            if !outbox.cases.iter().any(|(c, _)| *c == op.case_id) {
                let name: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT name FROM cases WHERE uuid = ?1",
                        [&op.case_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                let name = name.unwrap_or_else(|| op.case_id.clone());
                outbox.cases.push((op.case_id.clone(), name));
            }
            outbox.ops.push(op);
        }
        Ok(outbox)
    }

    /// The server has everything up to local log entry `through`.
    pub fn mark_pushed(&mut self, through: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE sync_server SET pushed_through = max(pushed_through, ?1) WHERE id = 1",
            [through],
        )?;
        Ok(())
    }

    /// How many operations made here the server does not have yet.
    pub fn unpushed(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM activity a, sync_server s
             WHERE a.id > s.pushed_through AND a.op_id IS NOT NULL AND a.pulled = 0",
            [],
            |r| r.get(0),
        )?)
    }

    /// The server seq this desktop has pulled `case` through (0: nothing yet).
    pub fn pull_cursor(&self, case: &str) -> Result<i64> {
        Ok(self
            .conn
            .query_row(
                "SELECT seq FROM sync_cursors WHERE case_uuid = ?1",
                [case],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// Apply a batch of operations pulled for `case`, in server order, and
    /// move its cursor to `through`, all in one transaction. An operation
    /// already here (made here, or pulled before) is skipped: a client never
    /// applies an operation twice.
    pub fn apply_pulled(&mut self, case: &str, ops: &[SyncOp], through: i64) -> Result<Applied> {
        let me = self.require_server()?.user;
        let tx = self.conn.transaction()?;
        let mut done = Applied::default();
        for op in ops {
            if let Some(conflicts) = apply::apply(&tx, &me, op)? {
                done.applied += 1;
                done.conflicts += conflicts;
            }
        }
        tx.execute(
            "INSERT INTO sync_cursors (case_uuid, seq) VALUES (?1, ?2)
             ON CONFLICT (case_uuid) DO UPDATE SET seq = max(seq, excluded.seq)",
            params![case, through],
        )?;
        tx.commit()?;
        Ok(done)
    }

    /// The conflicts merges have recorded, newest first.
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn.prepare(
            "SELECT k.id, k.at, k.case_uuid, c.name, k.entity, k.entity_uuid, k.field, k.kept,
                    k.lost, k.kept_author, k.lost_author, k.deleted
             FROM sync_conflicts k LEFT JOIN cases c ON c.uuid = k.case_uuid
             ORDER BY k.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let kept: String = r.get(7)?;
            let lost: String = r.get(8)?;
            Ok(Conflict {
                id: r.get(0)?,
                at: r.get(1)?,
                case_id: r.get(2)?,
                case_name: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                field: r.get(6)?,
                kept: serde_json::from_str(&kept).unwrap_or(Value::Null),
                lost: serde_json::from_str(&lost).unwrap_or(Value::Null),
                kept_author: r.get(9)?,
                lost_author: r.get(10)?,
                deleted: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
