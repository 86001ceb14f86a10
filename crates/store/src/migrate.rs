//! Numbered, append-only schema migrations, tracked in `PRAGMA user_version`.
//!
//! Migration N brings the schema from version N-1 to N. Each runs in its own
//! transaction together with the version bump, so a crash mid-upgrade leaves
//! the previous version intact. Never edit a released migration: add one.

use crate::sql::RowExt;
use rusqlite::Connection;

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
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Bring the database up to [`SCHEMA_VERSION`].
pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    apply_up_to(conn, SCHEMA_VERSION)
}

/// Apply migrations until the schema is at `target` (used by upgrade tests).
pub fn apply_up_to(conn: &mut Connection, target: u32) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |r| r.col(0))?;
    if current > SCHEMA_VERSION {
        return Err(Error::Schema(format!(
            "this database was written by a newer Casetrail (schema {current}, this one knows up to {SCHEMA_VERSION}); upgrade Casetrail to open it"
        )));
    }
    for (index, (name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as u32 + 1;
        if version <= current || version > target {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .map_err(|e| Error::Schema(format!("migration {name} failed: {e}")))?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}
