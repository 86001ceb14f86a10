//! The automatic backups, kept in `<data dir>/backups/` beside the database:
//!
//! - **before a migration**: when an existing database needs migrations,
//!   opening it first writes `<db name>-before-<schema>-<UTC time>.db` (the
//!   schema it is about to be brought to). If the backups folder cannot be
//!   written, the copy goes beside the database and a warning says so; if
//!   neither can be written, the database is not upgraded and the open fails,
//!   the file untouched. A database with nothing in it needs no copy. These
//!   copies are never deleted automatically.
//! - **daily**: [`Store::daily_backup`] (the CLI and the app call it once
//!   they have opened the database) writes `<db name>-daily-<UTC time>.db`
//!   when the newest one is a day old or more, then keeps the last
//!   [`DAILY_KEPT`]. A failure is a warning, never an error.
//! - **manual**: [`Store::back_up_now`] ("Back up now" in the app) writes
//!   `<db name>-manual-<UTC time>.db`, never deleted automatically.
//!
//! Every copy is made the way [`Store::backup_to`] makes one: SQLite's online
//! backup API into a temporary file, checked, synced, renamed. What is
//! remembered is the folder's file names: the time in a name says when it
//! was written, so nothing needs a table.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::backup::{backup_connection, BackupDone};
use super::migrate::SCHEMA_VERSION;
use super::Store;
use crate::sql::RowExt;
use crate::{Error, Result};

/// The folder beside the database that holds the automatic backups.
pub const BACKUPS_DIR: &str = "backups";

/// How many daily backups are kept.
pub const DAILY_KEPT: usize = 7;

/// The UTC time in a backup's name: sortable, no characters a file system refuses.
const STAMP: &str = "%Y%m%dT%H%M%S%3fZ";

/// What the app shows about backups: the newest one and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupStatus {
    /// When the newest backup in the backups folder was written (RFC 3339, UTC).
    pub last: Option<String>,
    /// Where it is.
    pub last_path: Option<String>,
    /// The backups folder.
    pub folder: String,
    /// Automatic backups that failed since the database was opened, in words.
    pub warnings: Vec<String>,
}

/// Which kind of backup a file in the backups folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// Written before migrations brought the database to this schema.
    BeforeMigration(u32),
    /// The daily rotating copy.
    Daily,
    /// "Back up now".
    Manual,
}

/// One file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub kind: BackupKind,
    /// When it was written, from its name.
    pub written: DateTime<Utc>,
    pub path: PathBuf,
}

/// The backups folder of the database at `db`.
pub fn folder(db: &Path) -> PathBuf {
    db.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUPS_DIR)
}

fn db_name(db: &Path) -> String {
    db.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn file_name(db: &Path, kind: BackupKind, at: DateTime<Utc>) -> String {
    let word = match kind {
        BackupKind::BeforeMigration(schema) => format!("before-{schema}"),
        BackupKind::Daily => "daily".to_owned(),
        BackupKind::Manual => "manual".to_owned(),
    };
    format!("{}-{word}-{}.db", db_name(db), at.format(STAMP))
}

/// Read a backup's kind and time from its name; `None` for anything else.
fn parse_name(db: &Path, name: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    let prefix = format!("{}-", db_name(db));
    let rest = name.strip_prefix(&prefix)?.strip_suffix(".db")?;
    let (word, stamp) = rest.rsplit_once('-')?;
    let kind = match word {
        "daily" => BackupKind::Daily,
        "manual" => BackupKind::Manual,
        _ => BackupKind::BeforeMigration(word.strip_prefix("before-")?.parse().ok()?),
    };
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some((kind, at.and_utc()))
}

/// The backups of the database at `db` in its backups folder, oldest first
/// (an absent folder holds none).
pub fn list(db: &Path) -> Result<Vec<BackupFile>> {
    let dir = folder(db);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&dir, e))?;
        let name = entry.file_name();
        if let Some((kind, written)) = parse_name(db, &name.to_string_lossy()) {
            files.push(BackupFile {
                kind,
                written,
                path: entry.path(),
            });
        }
    }
    files.sort_by(|a, b| a.written.cmp(&b.written).then(a.path.cmp(&b.path)));
    Ok(files)
}

/// Write a backup of `conn` (the database at `db`) of `kind` into the backups folder.
fn write(conn: &Connection, db: &Path, kind: BackupKind) -> Result<BackupDone> {
    let dir = folder(db);
    fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    backup_connection(conn, &dir.join(file_name(db, kind, Utc::now())))
}

/// Whether opening `conn` will migrate a database that holds something: the
/// schema is older than this build's and it is not an empty file.
fn needs_copy_before_migrating(conn: &Connection) -> Result<Option<u32>> {
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.col(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(None);
    }
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.col(0))?;
    Ok(if version == 0 && tables == 0 {
        None
    } else {
        Some(version)
    })
}

/// Called by `Store::open` before migrations: the copy of a database about
/// to be upgraded, with the warnings to show. An error means the copy could
/// not be written anywhere, and the database must not be upgraded.
pub(crate) fn before_migrating(conn: &Connection, db: &Path) -> Result<Vec<String>> {
    let Some(from) = needs_copy_before_migrating(conn)? else {
        return Ok(Vec::new());
    };
    let kind = BackupKind::BeforeMigration(SCHEMA_VERSION);
    let first = match write(conn, db, kind) {
        Ok(_) => return Ok(Vec::new()),
        Err(e) => e,
    };
    let beside = db.with_file_name(file_name(db, kind, Utc::now()));
    match backup_connection(conn, &beside) {
        Ok(done) => Ok(vec![format!(
            "the backup before upgrading from schema {from} could not be written to {} ({first}); it was written beside the database as {}",
            folder(db).display(),
            done.path.display()
        )]),
        Err(second) => Err(Error::Schema(format!(
            "{} was not upgraded from schema {from} to {SCHEMA_VERSION}: the backup that must come first could not be written ({first}; beside the database: {second}); nothing was changed — free space or make {} writable and open it again",
            db.display(),
            folder(db).display()
        ))),
    }
}

/// Delete the daily backups beyond the newest [`DAILY_KEPT`].
fn rotate(db: &Path) -> Result<()> {
    let daily: Vec<BackupFile> = list(db)?
        .into_iter()
        .filter(|f| f.kind == BackupKind::Daily)
        .collect();
    let excess = daily.len().saturating_sub(DAILY_KEPT);
    for old in &daily[..excess] {
        fs::remove_file(&old.path).map_err(|e| Error::io(&old.path, e))?;
    }
    Ok(())
}

impl Store {
    /// Write the daily backup if the newest one is a day old or more (or
    /// there is none), and keep the last [`DAILY_KEPT`]. Never fails: what
    /// went wrong is kept in [`Store::backup_warnings`] and returned.
    /// A database created by this open, and one in memory, are not copied.
    pub fn daily_backup(&mut self) -> Option<BackupDone> {
        let db = match (&self.path, self.created) {
            (Some(db), false) => db.clone(),
            _ => return None,
        };
        let due = match list(&db) {
            Ok(files) => match files.iter().rev().find(|f| f.kind == BackupKind::Daily) {
                // A copy dated in the future (a clock set wrong once) does not stop the next.
                Some(newest) => {
                    let age = Utc::now() - newest.written;
                    age >= Duration::days(1) || age < Duration::zero()
                }
                None => true,
            },
            Err(e) => {
                self.warn(format!("the daily backup was not written: {e}"));
                return None;
            }
        };
        if !due {
            return None;
        }
        let done = match write(&self.conn, &db, BackupKind::Daily) {
            Ok(done) => done,
            Err(e) => {
                self.warn(format!("the daily backup was not written: {e}"));
                return None;
            }
        };
        if let Err(e) = rotate(&db) {
            self.warn(format!("old daily backups were not removed: {e}"));
        }
        Some(done)
    }

    /// "Back up now": a manual backup into the backups folder.
    pub fn back_up_now(&self) -> Result<BackupDone> {
        let db = self
            .path
            .as_deref()
            .ok_or_else(|| Error::invalid("an in-memory database has no backups folder"))?;
        write(&self.conn, db, BackupKind::Manual)
    }

    /// The automatic backups that failed since this database was opened, in words.
    pub fn backup_warnings(&self) -> &[String] {
        &self.backup_warnings
    }

    /// The newest backup and the warnings, as the app shows them.
    pub fn backup_status(&self) -> Result<BackupStatus> {
        let db = self
            .path
            .as_deref()
            .ok_or_else(|| Error::invalid("an in-memory database has no backups folder"))?;
        let mut warnings = self.backup_warnings.clone();
        // A folder that cannot be read is one more thing to show, not a failure.
        let newest = match list(db) {
            Ok(mut files) => files.pop(),
            Err(e) => {
                warnings.push(format!("the backups folder cannot be read: {e}"));
                None
            }
        };
        Ok(BackupStatus {
            last: newest.as_ref().map(|f| f.written.to_rfc3339()),
            last_path: newest.map(|f| f.path.display().to_string()),
            folder: folder(db).display().to_string(),
            warnings,
        })
    }

    fn warn(&mut self, warning: String) {
        self.backup_warnings.push(warning);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_written() {
        let db = Path::new("/data/case-trail.db");
        let at = Utc::now();
        for kind in [
            BackupKind::BeforeMigration(12),
            BackupKind::Daily,
            BackupKind::Manual,
        ] {
            let name = file_name(db, kind, at);
            let (k, t) = parse_name(db, &name).unwrap();
            assert_eq!(k, kind, "{name}");
            assert_eq!(t.timestamp_millis(), at.timestamp_millis(), "{name}");
        }
        assert_eq!(parse_name(db, "case-trail-daily-garbage.db"), None);
        assert_eq!(parse_name(db, "other-daily-20260101T000000000Z.db"), None);
        assert_eq!(
            parse_name(db, "case-trail-daily-20260101T000000000Z.db.partial"),
            None
        );
    }
}
