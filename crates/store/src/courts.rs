//! The court table: bundled US federal courts with their appeal paths, plus
//! any courts a user adds.

use crate::sql::{params, RowExt};
use rusqlite::{Connection, OptionalExtension, Row};

use super::Store;
use crate::{Error, Result};
use casetrail_model::{Court, CourtLevel};

const BUNDLED: &str = include_str!("../../../assets/courts/federal.tsv");
/// The state courts whose deadlines count under their state's rules.
const STATES: &str = include_str!("../../../assets/courts/states.tsv");

/// Parse the bundled court list (id, name, short name, level, system, appeals to).
fn bundled() -> Result<Vec<Court>> {
    let mut courts = Vec::new();
    for (n, line) in BUNDLED.lines().chain(STATES.lines()).enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [id, name, short_name, level, system, appeals_to] = f.as_slice() else {
            return Err(Error::Data(format!(
                "assets/courts/federal.tsv line {}: expected 6 tab-separated fields",
                n + 1
            )));
        };
        courts.push(Court {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            short_name: (*short_name).to_owned(),
            level: level.parse::<CourtLevel>()?,
            system: (*system).to_owned(),
            appeals_to: (!appeals_to.is_empty()).then(|| (*appeals_to).to_owned()),
        });
    }
    Ok(courts)
}

/// Insert the bundled courts the database does not have yet. User edits to a
/// court are kept: an existing id is never overwritten.
pub(super) fn seed_bundled(conn: &mut Connection) -> Result<()> {
    let courts = bundled()?;
    let have: i64 = conn.query_row("SELECT count(*) FROM courts", [], |r| r.col(0))?;
    if have as usize >= courts.len() {
        return Ok(());
    }
    let tx = conn.transaction()?;
    {
        // Courts reference their appeal court: insert without it, then link.
        let mut insert = tx.prepare(
            "INSERT INTO courts (id, name, short_name, level, system, appeals_to)
             VALUES (?1, ?2, ?3, ?4, ?5, NULL) ON CONFLICT(id) DO NOTHING",
        )?;
        for c in &courts {
            insert.execute(params![c.id, c.name, c.short_name, c.level, c.system])?;
        }
        let mut link =
            tx.prepare("UPDATE courts SET appeals_to = ?2 WHERE id = ?1 AND appeals_to IS NULL")?;
        for c in &courts {
            if let Some(to) = &c.appeals_to {
                link.execute(params![c.id, to])?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

const COLUMNS: &str = "id, name, short_name, level, system, appeals_to";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Court> {
    Ok(Court {
        id: r.col(0)?,
        name: r.col(1)?,
        short_name: r.col(2)?,
        level: r.col(3)?,
        system: r.col(4)?,
        appeals_to: r.col(5)?,
    })
}

impl Store {
    /// All courts, highest level first, then by name.
    pub fn courts(&self) -> Result<Vec<Court>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM courts ORDER BY
               CASE level WHEN 'supreme' THEN 0 WHEN 'appellate' THEN 1 WHEN 'trial' THEN 2
                          WHEN 'bankruptcy' THEN 3 ELSE 4 END, name"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One court by id ("nysd") or by its citation form ("S.D.N.Y.").
    pub fn court(&self, key: &str) -> Result<Court> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM courts WHERE id = ?1 OR short_name = ?1 COLLATE NOCASE
                     ORDER BY id = ?1 DESC LIMIT 1"
                ),
                [key.trim()],
                from_row,
            )
            .optional()?
            .ok_or_else(|| {
                Error::not_found(format!(
                    "no court {key:?}; use a courts-db id such as nysd, ca2 or scotus"
                ))
            })
    }
}

/// The id of the court named by id or citation form, or a clear error.
pub(super) fn resolve_id(conn: &Connection, key: &str) -> Result<String> {
    conn.query_row(
        "SELECT id FROM courts WHERE id = ?1 OR short_name = ?1 COLLATE NOCASE
         ORDER BY id = ?1 DESC LIMIT 1",
        [key.trim()],
        |r| r.col(0),
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "no court {key:?}; use a courts-db id such as nysd, ca2 or scotus"
        ))
    })
}
