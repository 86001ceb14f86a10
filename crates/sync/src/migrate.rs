//! The server schema's own migrations: numbered, append-only SQL files in
//! `migrations/`, each applied in one transaction with its row in
//! `casetrail.schema_migrations`, under an advisory lock so two
//! administrators running `server init` at once apply each once.

use postgres::Client;

use crate::error::{Error, Result};

/// The migrations this build knows, in order: (version, name, SQL).
pub const MIGRATIONS: &[(i32, &str, &str)] =
    &[(1, "server", include_str!("migrations/0001_server.sql"))];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The key of the advisory lock `init` holds while it migrates.
const LOCK: i64 = 0x6361_7365_7472_6169; // "casetrai"

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// The schema version before (0: none).
    pub from: i32,
    /// The schema version after.
    pub to: i32,
    /// The names of the migrations applied, in order (empty: nothing changed).
    pub applied: Vec<&'static str>,
}

/// The server schema's version: `None` when the database has none.
pub fn version(client: &mut Client) -> Result<Option<i32>> {
    let row = client
        .query_one(
            "SELECT pg_catalog.to_regclass('casetrail.schema_migrations') IS NOT NULL",
            &[],
        )
        .map_err(Error::from_statement)?;
    if !row.get::<_, bool>(0) {
        return Ok(None);
    }
    let row = client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM casetrail.schema_migrations",
            &[],
        )
        .map_err(Error::from_statement)?;
    Ok(Some(row.get(0)))
}

/// Refuse a server this build cannot work with: no schema, or a newer one.
pub fn require_current(client: &mut Client) -> Result<i32> {
    match version(client)? {
        None => Err(Error::NotInitialised),
        Some(v) if v > SCHEMA_VERSION => Err(Error::SchemaNewer {
            server: v,
            build: SCHEMA_VERSION,
        }),
        Some(v) => Ok(v),
    }
}

/// Apply every migration the server lacks; nothing when it is current.
pub fn migrate(client: &mut Client) -> Result<Migrated> {
    migrate_to(client, SCHEMA_VERSION)
}

/// Apply the migrations up to `target` (the upgrade tests build each
/// earlier schema this way).
pub fn migrate_to(client: &mut Client, target: i32) -> Result<Migrated> {
    let mut tx = client.transaction().map_err(Error::from_statement)?;
    tx.execute("SELECT pg_catalog.pg_advisory_xact_lock($1)", &[&LOCK])
        .map_err(Error::from_statement)?;
    let from = {
        let exists: bool = tx
            .query_one(
                "SELECT pg_catalog.to_regclass('casetrail.schema_migrations') IS NOT NULL",
                &[],
            )
            .map_err(Error::from_statement)?
            .get(0);
        if exists {
            tx.query_one(
                "SELECT coalesce(max(version), 0) FROM casetrail.schema_migrations",
                &[],
            )
            .map_err(Error::from_statement)?
            .get(0)
        } else {
            0
        }
    };
    if from > SCHEMA_VERSION {
        return Err(Error::SchemaNewer {
            server: from,
            build: SCHEMA_VERSION,
        });
    }
    let mut applied = Vec::new();
    for &(version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > from && m.0 <= target) {
        tx.batch_execute(sql).map_err(Error::from_statement)?;
        tx.execute(
            "INSERT INTO casetrail.schema_migrations (version, name) VALUES ($1, $2)",
            &[&version, &name],
        )
        .map_err(Error::from_statement)?;
        applied.push(name);
    }
    tx.commit().map_err(Error::from_statement)?;
    Ok(Migrated {
        from,
        to: target.max(from),
        applied,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// The SHA-256 of every migration as released: a server that applied one
    /// never sees it again, so a change is a new file, never an edit.
    const RELEASED: &[(i32, &str)] = &[(
        1,
        "8b252170214ca2a77370af0dbd4d2b2ade7795c20de22dd67533860a91a65b20",
    )];

    #[test]
    fn released_migrations_are_never_edited() {
        for (version, hash) in RELEASED {
            let (_, name, sql) = MIGRATIONS[*version as usize - 1];
            let got: String = Sha256::digest(sql.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(
                &got, hash,
                "migration {version} ({name}) was edited: add a new one"
            );
        }
    }

    #[test]
    fn migrations_are_numbered_from_one_without_gaps() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.0, i as i32 + 1, "{}", m.1);
        }
    }
}
