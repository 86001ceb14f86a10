//! Numbered, append-only schema migrations, tracked in `PRAGMA user_version`
//! and, from 0013 on, by name in `schema_migrations`.
//!
//! Migration N brings the schema from version N-1 to N. An upgrade runs every
//! pending migration in one transaction with the version bump and the names,
//! so a crash or a failing migration leaves the database at the version it
//! had: never half-upgraded. Before anything runs, the recorded names are
//! compared with this build's: a database written by another build (another
//! migration under the same number, or one this build does not know) is
//! refused with the migration named. Never edit a released migration: add one.

use chrono::Utc;
use rusqlite::Connection;

use crate::sql::{params, RowExt};
use crate::{Error, Result};

/// The migrations, in order. The file name's number is its position.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial.sql",
        include_str!("migrations/0001_initial.sql"),
    ),
    (
        "0002_deadlines.sql",
        include_str!("migrations/0002_deadlines.sql"),
    ),
    (
        "0003_documents.sql",
        include_str!("migrations/0003_documents.sql"),
    ),
    (
        "0004_search_prefix.sql",
        include_str!("migrations/0004_search_prefix.sql"),
    ),
    (
        "0005_highlights.sql",
        include_str!("migrations/0005_highlights.sql"),
    ),
    (
        "0006_saved_searches.sql",
        include_str!("migrations/0006_saved_searches.sql"),
    ),
    (
        "0007_settings.sql",
        include_str!("migrations/0007_settings.sql"),
    ),
    (
        "0008_exports.sql",
        include_str!("migrations/0008_exports.sql"),
    ),
    (
        "0009_dockets.sql",
        include_str!("migrations/0009_dockets.sql"),
    ),
    (
        "0010_citations.sql",
        include_str!("migrations/0010_citations.sql"),
    ),
    (
        "0011_redactions.sql",
        include_str!("migrations/0011_redactions.sql"),
    ),
    ("0012_sync.sql", include_str!("migrations/0012_sync.sql")),
    (
        "0013_migration_names.sql",
        include_str!("migrations/0013_migration_names.sql"),
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The first migration whose name the code records as it applies it (0013
/// creates the table and fills in the names of those before it).
const FIRST_RECORDED: u32 = 13;

/// Bring the database up to [`SCHEMA_VERSION`].
pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    apply_up_to(conn, SCHEMA_VERSION)
}

/// Apply migrations until the schema is at `target` (used by upgrade tests),
/// after [`verify`]ing the database was written by this build's lineage.
pub fn apply_up_to(conn: &mut Connection, target: u32) -> Result<()> {
    let current = verify(conn)?;
    run(conn, MIGRATIONS, current, target.min(SCHEMA_VERSION))
}

/// The database's schema version, once its recorded migrations are known to
/// be this build's; a precise [`Error::Schema`] naming the migration otherwise.
pub(crate) fn verify(conn: &Connection) -> Result<u32> {
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.col(0))?;
    let has_table: bool = conn.query_row(
        "SELECT count(*) = 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        [],
        |r| r.col(0),
    )?;
    let recorded = if has_table {
        let mut stmt =
            conn.prepare("SELECT version, name FROM schema_migrations ORDER BY version")?;
        let rows = stmt.query_map([], |r| Ok((r.col::<_, u32>(0)?, r.col::<_, String>(1)?)))?;
        Some(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    } else {
        None
    };
    let known: Vec<&str> = MIGRATIONS.iter().map(|(name, _)| *name).collect();
    check(version, recorded.as_deref(), &known).map_err(Error::Schema)?;
    Ok(version)
}

/// Whether a database at `version` recording `recorded` (None: no table) can
/// be opened by a build knowing the migrations `known`; the reason if not.
fn check(
    version: u32,
    recorded: Option<&[(u32, String)]>,
    known: &[&str],
) -> std::result::Result<(), String> {
    let newest = known.len() as u32;
    let last_known = known.last().copied().unwrap_or("none");
    let rows = recorded.unwrap_or_default();
    let unknown: Vec<&str> = rows
        .iter()
        .filter(|(v, _)| *v > newest)
        .map(|(_, name)| name.as_str())
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "this database was written by a newer or different Casetrail: it has migration {}, which this build does not know (it knows up to {last_known}); open it with the Casetrail that wrote it",
            unknown.join(", ")
        ));
    }
    for (v, name) in rows {
        let ours = known
            .get((*v as usize).wrapping_sub(1))
            .copied()
            .unwrap_or("nothing");
        if ours != name {
            return Err(format!(
                "this database was written by a different build of Casetrail: its migration {v} is {name}, where this build has {ours}; open it with the Casetrail that wrote it"
            ));
        }
    }
    if version > newest {
        return Err(format!(
            "this database was written by a newer Casetrail (schema {version}, this one knows up to {newest}); upgrade Casetrail to open it"
        ));
    }
    match recorded {
        None if version >= FIRST_RECORDED => Err(format!(
            "this database says schema {version} but records none of its migrations by name ({} keeps them): it was not written by this build's line of Casetrail",
            known[FIRST_RECORDED as usize - 1]
        )),
        Some(rows) if !rows.iter().map(|(v, _)| *v).eq(1..=version) => Err(format!(
            "this database says schema {version} but records migrations {}: it was changed outside Casetrail; restore a backup",
            rows.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join(", ")
        )),
        _ => Ok(()),
    }
}

/// Run `migrations` from `current` to `target` in one transaction, recording
/// each from [`FIRST_RECORDED`] on; nothing is kept if one fails.
fn run(
    conn: &mut Connection,
    migrations: &[(&str, &str)],
    current: u32,
    target: u32,
) -> Result<()> {
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction()?;
    let now = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    for (index, (name, sql)) in migrations.iter().enumerate() {
        let version = index as u32 + 1;
        if version <= current || version > target {
            continue;
        }
        tx.execute_batch(sql).map_err(|e| {
            Error::Schema(format!(
                "migration {name} failed: {e}; the database was left at schema {current}, as it was"
            ))
        })?;
        if version >= FIRST_RECORDED {
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![version, name, now],
            )?;
        }
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests;
