//! The SQLite store: the only place SQL lives.
//!
//! One [`Store`] wraps one connection to one database file. Opening it sets the
//! per-connection pragmas (WAL, foreign keys, busy timeout), applies pending
//! migrations in a transaction, and seeds the bundled court table. Every write
//! runs in a transaction together with its activity-log entry, so a crash
//! leaves either the whole change or none of it.
//!
//! The documents' files live beside the database in the content-addressed
//! [`Library`]; the store owns both, so a document's row and its file are
//! this crate's to keep consistent.

mod activity;
mod agenda;
mod backup;
pub mod backups;
mod cases;
mod citation;
mod courts;
mod deadlines;
mod docket;
mod documents;
mod error;
mod events;
mod export;
mod highlights;
mod library;
mod migrate;
mod notes;
mod parties;
mod proceedings;
mod redactions;
mod reschedule;
mod rule_choices;
mod saved_searches;
pub mod search;
mod search_results;
mod settings;
mod sql;
mod sync;
mod timeline;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::sql::RowExt;
use rusqlite::{Connection, Transaction};

pub use backup::{restore, BackupDone, CheckReport, Restored};
pub use backups::BackupStatus;
pub use citation::{Authority, Citing, CitingDocument, StoredCitation};
pub use docket::{DocketFile, DocketOptions};
pub use error::{Error, ErrorKind, ErrorReport, Result};
pub use export::CalendarScope;
pub use library::{sha256_bytes, sha256_file, Library, Swept};
pub use migrate::{apply_up_to, MIGRATIONS, SCHEMA_VERSION};
pub use redactions::{BadRedaction, FoundRedaction};
pub use search::check_query;
pub use sync::SyncServer;

/// Environment variable naming the database file; `--db` overrides it.
pub const DB_ENV: &str = "CASETRAIL_DB";

/// An open Casetrail database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Recorded in the activity log as who made each change ("cli", "app"…).
    actor: String,
    /// This open created the database (or found it empty): nothing to back up yet.
    created: bool,
    /// Automatic backups that failed since the open (`backups`), in words.
    backup_warnings: Vec<String>,
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema
    /// up to date, backing it up first if it needs migrations (`backups`).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path)?;
        Store::init(conn, Some(path.to_path_buf()))
    }

    /// A private in-memory database (for throwaway use; tests use real files).
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        configure(&conn)?;
        // A database another build wrote is refused before anything is copied or run.
        let version = migrate::verify(&conn)?;
        // A database about to be upgraded is copied first (`backups`); without
        // the copy it is not upgraded.
        let backup_warnings = match &path {
            Some(db) => backups::before_migrating(&conn, db)?,
            None => Vec::new(),
        };
        migrate::apply(&mut conn)?;
        courts::seed_bundled(&mut conn)?;
        Ok(Store {
            conn,
            path,
            actor: "casetrail".to_owned(),
            created: version == 0,
            backup_warnings,
        })
    }

    /// Name who makes the changes that follow, for the activity log.
    pub fn with_actor(mut self, actor: impl Into<String>) -> Store {
        self.actor = actor.into();
        self
    }

    /// The database file, if the store is on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A number that changes whenever another connection (the app's other
    /// one, the CLI) has committed to the database since this connection last
    /// asked: SQLite's `PRAGMA data_version`. Watchers poll it.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The default database location: the platform data directory
    /// (`~/.local/share/casetrail/casetrail.db` on Linux).
    pub fn default_path() -> Result<PathBuf> {
        directories::ProjectDirs::from("org", "Casetrail", "casetrail")
            .map(|d| d.data_dir().join("casetrail.db"))
            .ok_or_else(|| Error::Data("cannot find a home directory for the database".into()))
    }

    /// The database path the CLI and the app use: `explicit` (from `--db`),
    /// else `$CASETRAIL_DB`, else [`Store::default_path`].
    pub fn resolve_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
        if let Some(p) = explicit {
            return Ok(p);
        }
        match std::env::var_os(DB_ENV) {
            Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
            _ => Store::default_path(),
        }
    }
}

/// A write in progress: every change made through it commits together (with
/// its activity-log entries) or not at all. Get one from [`Store::write`].
pub struct Writer<'s> {
    tx: Transaction<'s>,
    actor: &'s str,
}

impl Store {
    /// Run `f` in one transaction. If `f` fails, nothing it did is kept.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let mut writer = Writer {
            tx,
            actor: &self.actor,
        };
        let out = f(&mut writer)?;
        writer.tx.commit()?;
        Ok(out)
    }
}

/// Per-connection settings. They are not part of the schema, so they are set
/// on every open rather than in a migration.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // In-memory databases answer "memory"; files switch to WAL.
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.col(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}
