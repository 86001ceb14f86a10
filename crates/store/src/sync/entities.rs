//! How a synced row ([`super::tables`]) becomes an operation's fields and
//! back, and the global ids of rows.

use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::clock;
pub(crate) use super::tables::{spec, Column, Spec, SPECS};
use crate::Result;
use casetrail_model::Operation;

/// Where a pulled create landed.
pub(crate) enum Landed {
    /// A new row.
    New(i64),
    /// The row already here under the same unique key.
    Same(i64),
    /// Nowhere: what it belongs to is not on this desktop.
    Nowhere,
}

impl Spec {
    pub(crate) fn column(&self, name: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The local case of row `local` (`None`: it does not sync, or is gone).
    pub(crate) fn case_of(&self, conn: &Connection, local: i64) -> Result<Option<i64>> {
        Ok(conn
            .query_row(self.case_of, [local], |r| r.get::<_, Option<i64>>(0))
            .optional()?
            .flatten())
    }

    /// The row's synced fields now, references as global ids.
    pub(crate) fn read(&self, conn: &Connection, local: i64) -> Result<Option<Map<String, Value>>> {
        let names: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        let sql = format!(
            "SELECT {} FROM {} WHERE id = ?1",
            names.join(", "),
            self.table
        );
        let row: Option<Vec<Sql>> = conn
            .query_row(&sql, [local], |r| {
                (0..names.len()).map(|i| r.get::<_, Sql>(i)).collect()
            })
            .optional()?;
        let Some(row) = row else { return Ok(None) };
        let mut fields = Map::new();
        let own = rank(self.entity);
        for (column, value) in self.columns.iter().zip(row) {
            let value = match (value, column.refers) {
                (Sql::Integer(id), Some(entity)) => {
                    // A parent is logged before anything refers to it, so
                    // its create reaches the server first; a reference
                    // sideways (an event to the event that lifted its stay)
                    // only needs the id.
                    let uuid = if rank(entity) < own {
                        logged(conn, entity, id)?
                    } else {
                        match global_id(conn, entity, id)? {
                            Some(u) => Some(u),
                            None => mint(conn, entity, id)?,
                        }
                    };
                    uuid.map_or(Value::Null, Value::String)
                }
                (value, _) => to_json(conn, column, value)?,
            };
            fields.insert(column.name.into(), value);
        }
        Ok(Some(fields))
    }

    /// Insert a row pulled from elsewhere.
    pub(crate) fn insert(
        &self,
        conn: &Connection,
        uuid: &str,
        fields: &Map<String, Value>,
    ) -> Result<Landed> {
        let mut names = Vec::new();
        let mut values = Vec::new();
        for column in self.columns {
            let value = fields.get(column.name).unwrap_or(&Value::Null);
            let mut sql = to_sql(conn, column, value)?;
            if self.entity == "case" && column.name == "slug" {
                sql = free_slug(conn, sql, uuid)?;
            }
            names.push(column.name.to_string());
            values.push(sql);
        }
        if self.entity == "case" {
            names.push("uuid".into());
            values.push(Sql::Text(uuid.into()));
        }
        if self.updated_at {
            names.push("updated_at".into());
            values.push(Sql::Text(now()));
        }
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.table,
            names.join(", "),
            marks.join(", ")
        );
        let landed = match conn.execute(&sql, params_from_iter(values.iter())) {
            Ok(_) => Landed::New(conn.last_insert_rowid()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                match self.same_row(conn, &names, &values)? {
                    Some(id) => Landed::Same(id),
                    None => Landed::Nowhere,
                }
            }
            Err(e) => return Err(e.into()),
        };
        if let (Landed::New(local) | Landed::Same(local), false) = (&landed, self.entity == "case")
        {
            conn.execute(
                "INSERT OR REPLACE INTO sync_ids (uuid, entity, local_id) VALUES (?1, ?2, ?3)",
                params![uuid, self.entity, local],
            )?;
        }
        Ok(landed)
    }

    /// The row already here with the same unique key as these values.
    fn same_row(&self, conn: &Connection, names: &[String], values: &[Sql]) -> Result<Option<i64>> {
        if self.same.is_empty() {
            return Ok(None);
        }
        let mut key = Vec::new();
        let mut wheres = Vec::new();
        for (i, column) in self.same.iter().enumerate() {
            let Some(at) = names.iter().position(|n| n == column) else {
                return Ok(None);
            };
            key.push(&values[at]);
            wheres.push(format!("{column} = ?{}", i + 1));
        }
        let sql = format!(
            "SELECT id FROM {} WHERE {}",
            self.table,
            wheres.join(" AND ")
        );
        Ok(conn
            .query_row(&sql, params_from_iter(key), |r| r.get(0))
            .optional()?)
    }

    /// Set one field of a row to a pulled value.
    pub(crate) fn set(
        &self,
        conn: &Connection,
        local: i64,
        column: &Column,
        value: &Value,
    ) -> Result<()> {
        let value = to_sql(conn, column, value)?;
        let stamp = if self.updated_at {
            ", updated_at = ?3"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE {} SET {} = ?2{stamp} WHERE id = ?1",
            self.table, column.name
        );
        let done = if self.updated_at {
            conn.execute(&sql, params![local, value, now()])
        } else {
            conn.execute(&sql, params![local, value])
        };
        match done {
            // A value this desktop's rules refuse (a key taken here): the
            // field keeps its value here; the operation stays in the log.
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Ok(())
            }
            Err(e) => Err(e.into()),
            Ok(_) => Ok(()),
        }
    }

    /// Delete a row (what hangs off it goes with it) and forget its global id.
    pub(crate) fn delete(&self, conn: &Connection, local: i64) -> Result<()> {
        conn.execute(
            &format!("DELETE FROM {} WHERE id = ?1", self.table),
            [local],
        )?;
        conn.execute(
            "DELETE FROM sync_ids WHERE entity = ?1 AND local_id = ?2",
            params![self.entity, local],
        )?;
        Ok(())
    }
}

/// Where an entity stands in [`SPECS`] (parents first).
fn rank(entity: &str) -> usize {
    SPECS
        .iter()
        .position(|s| s.entity == entity)
        .unwrap_or(usize::MAX)
}

/// The global id of a row whose create operation is in the log, logging
/// one first when it is not (a row from before sync, or imported without
/// operations). `None`: the row does not sync.
fn logged(conn: &Connection, entity: &str, local: i64) -> Result<Option<String>> {
    if let Some(uuid) = global_id(conn, entity, local)? {
        if has_create(conn, &uuid)? {
            return Ok(Some(uuid));
        }
    }
    let Some(spec) = spec(entity) else {
        return Ok(None);
    };
    if spec.case_of(conn, local)?.is_none() {
        return Ok(None);
    }
    crate::activity::record(
        conn,
        "sync",
        Operation::Create,
        entity,
        local,
        serde_json::json!({"shared": [null, true]}),
    )?;
    global_id(conn, entity, local)
}

/// True when the log holds a create operation for this global id.
pub(crate) fn has_create(conn: &Connection, uuid: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM activity WHERE entity_uuid = ?1 AND op = 'create')",
        [uuid],
        |r| r.get(0),
    )?)
}

/// The global id of a local row, if it has one.
pub(crate) fn global_id(conn: &Connection, entity: &str, local: i64) -> Result<Option<String>> {
    let found = if entity == "case" {
        conn.query_row("SELECT uuid FROM cases WHERE id = ?1", [local], |r| {
            r.get::<_, Option<String>>(0)
        })
        .optional()?
        .flatten()
    } else {
        conn.query_row(
            "SELECT uuid FROM sync_ids WHERE entity = ?1 AND local_id = ?2 ORDER BY rowid LIMIT 1",
            params![entity, local],
            |r| r.get(0),
        )
        .optional()?
    };
    Ok(found)
}

/// A new global id for a row just created here (a case has one already).
pub(crate) fn mint(conn: &Connection, entity: &str, local: i64) -> Result<Option<String>> {
    if entity == "case" {
        return global_id(conn, entity, local);
    }
    let uuid = clock::uuid_v7(conn)?;
    // A row id SQLite reused after a delete: forget the old row's ids.
    conn.execute(
        "DELETE FROM sync_ids WHERE entity = ?1 AND local_id = ?2",
        params![entity, local],
    )?;
    conn.execute(
        "INSERT INTO sync_ids (uuid, entity, local_id) VALUES (?1, ?2, ?3)",
        params![uuid, entity, local],
    )?;
    Ok(Some(uuid))
}

/// The local row of a global id, if it is here.
pub(crate) fn local_id(conn: &Connection, entity: &str, uuid: &str) -> Result<Option<i64>> {
    let found = if entity == "case" {
        conn.query_row("SELECT id FROM cases WHERE uuid = ?1", [uuid], |r| r.get(0))
            .optional()?
    } else {
        conn.query_row(
            "SELECT local_id FROM sync_ids WHERE entity = ?1 AND uuid = ?2",
            params![entity, uuid],
            |r| r.get(0),
        )
        .optional()?
    };
    Ok(found)
}

/// A column's value as an operation carries it.
pub(crate) fn to_json(conn: &Connection, column: &Column, value: Sql) -> Result<Value> {
    Ok(match (value, column.refers) {
        (Sql::Null, _) => Value::Null,
        (Sql::Integer(id), Some(entity)) => {
            global_id(conn, entity, id)?.map_or(Value::Null, Value::String)
        }
        (Sql::Integer(n), None) => Value::from(n),
        (Sql::Real(x), _) => Value::from(x),
        (Sql::Text(s), _) => Value::String(s),
        (Sql::Blob(_), _) => Value::Null,
    })
}

/// An operation's value as this desktop's column holds it (a reference to
/// something not here becomes NULL).
fn to_sql(conn: &Connection, column: &Column, value: &Value) -> Result<Sql> {
    Ok(match (value, column.refers) {
        (Value::Null, _) => Sql::Null,
        (Value::String(uuid), Some(entity)) => {
            local_id(conn, entity, uuid)?.map_or(Sql::Null, Sql::Integer)
        }
        (Value::String(s), None) => Sql::Text(s.clone()),
        (Value::Number(n), _) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or(0.0)),
        },
        (Value::Bool(b), _) => Sql::Integer(i64::from(*b)),
        (other, _) => Sql::Text(other.to_string()),
    })
}

/// A pulled case's key, unless this desktop already has a case by that key:
/// then the key with the start of the case's global id.
fn free_slug(conn: &Connection, slug: Sql, uuid: &str) -> Result<Sql> {
    let Sql::Text(slug) = slug else {
        return Ok(slug);
    };
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE slug = ?1)",
        [&slug],
        |r| r.get(0),
    )?;
    if taken {
        Ok(Sql::Text(format!("{slug}-{}", &uuid[..8.min(uuid.len())])))
    } else {
        Ok(Sql::Text(slug))
    }
}

/// Now, as rusqlite writes a `DateTime<Utc>` (what the other writes store).
fn now() -> String {
    chrono::Utc::now().format("%F %T%.f%:z").to_string()
}
