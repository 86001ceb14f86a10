//! Backups and checks: a copy of the database made through SQLite's online
//! backup API (consistent while the app keeps writing), a restore that checks
//! the copy before anything is replaced and keeps the current database aside,
//! and the check of a database and the stored files its documents name.
//!
//! A backup or restore is written under a temporary name beside its target,
//! checked, synced and renamed: a crash or a full disk leaves the target as it
//! was and at most a `*.partial` file, which the next attempt replaces.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::library::{sha256_file, Library};
use super::Store;
use crate::sql::RowExt;
use crate::{Error, Result};

/// A backup written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupDone {
    /// Where it was written.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its schema version.
    pub schema: u32,
}

/// A database restored from a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The database now in place.
    pub path: PathBuf,
    /// Where the database it replaced was kept, if there was one.
    pub kept_aside: Option<PathBuf>,
    /// The backup's schema version (brought up to date when next opened).
    pub schema: u32,
}

/// What `casetrail check` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// SQLite's `integrity_check` answers other than "ok" (empty: intact).
    pub integrity: Vec<String>,
    /// Documents whose stored file was read and hashed.
    pub documents: u32,
    /// Documents whose stored file is missing, by id and expected path.
    pub missing: Vec<String>,
    /// Documents whose stored file no longer hashes to its SHA-256.
    pub altered: Vec<String>,
}

impl CheckReport {
    /// Nothing wrong was found.
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.missing.is_empty() && self.altered.is_empty()
    }
}

/// `PRAGMA integrity_check`'s answers other than "ok".
fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.col::<_, String>(0))?;
    let answers = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(answers.into_iter().filter(|a| a != "ok").collect())
}

/// Copy everything `from` holds into a new file at `temp` (replaced if a
/// failed attempt left one), check it, and sync it.
fn copy_checked(from: &Connection, temp: &Path) -> Result<u32> {
    if temp.exists() {
        fs::remove_file(temp).map_err(|e| Error::io(temp, e))?;
    }
    let written = (|| {
        let mut to = Connection::open(temp)?;
        Backup::new(from, &mut to)?.run_to_completion(256, Duration::ZERO, None)?;
        // One self-contained file: no WAL beside it.
        to.pragma_update(None, "journal_mode", "DELETE")?;
        let problems = integrity(&to)?;
        if !problems.is_empty() {
            return Err(Error::Data(format!(
                "the copy failed its integrity check: {}",
                problems.join("; ")
            )));
        }
        let schema: u32 = to.pragma_query_value(None, "user_version", |r| r.col(0))?;
        drop(to);
        fs::File::open(temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(temp, e))?;
        Ok(schema)
    })();
    if written.is_err() {
        let _ = fs::remove_file(temp);
    }
    written
}

fn partial(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

impl Store {
    /// Back the database up to `dest` (a file that must not exist yet, or a
    /// directory, which gets `casetrail-<UTC time>.db`).
    pub fn backup_to(&self, dest: &Path) -> Result<BackupDone> {
        let dest = if dest.is_dir() {
            dest.join(format!(
                "casetrail-{}.db",
                Utc::now().format("%Y%m%dT%H%M%SZ")
            ))
        } else {
            dest.to_path_buf()
        };
        backup_connection(&self.conn, &dest)
    }

    /// Run SQLite's integrity check and hash every document's stored file
    /// against its SHA-256.
    pub fn check(&self) -> Result<CheckReport> {
        let integrity = integrity(&self.conn)?;
        let library = match self.path() {
            Some(db) => Library::beside_database(db),
            None => return Err(Error::invalid("an in-memory database has no stored files")),
        };
        let mut stmt = self
            .conn
            .prepare("SELECT id, sha256 FROM documents ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.col::<_, i64>(0)?, r.col::<_, String>(1)?)))?;
        let mut report = CheckReport {
            integrity,
            documents: 0,
            missing: Vec::new(),
            altered: Vec::new(),
        };
        for row in rows {
            let (id, sha256) = row?;
            let path = library.path_of(&sha256);
            if !path.is_file() {
                report
                    .missing
                    .push(format!("document #{id}: {}", path.display()));
                continue;
            }
            report.documents += 1;
            if sha256_file(&path)? != sha256 {
                report.altered.push(format!(
                    "document #{id}: {} no longer hashes to {sha256}",
                    path.display()
                ));
            }
        }
        Ok(report)
    }
}

/// Back the database `from` up to the new file `dest`: written under a
/// temporary name, checked, synced, renamed.
pub(crate) fn backup_connection(from: &Connection, dest: &Path) -> Result<BackupDone> {
    if dest.exists() {
        return Err(Error::invalid(format!(
            "{} already exists: a backup never overwrites a file; name a new one",
            dest.display()
        )));
    }
    let temp = partial(dest);
    let schema = copy_checked(from, &temp)?;
    fs::rename(&temp, dest).map_err(|e| Error::io(dest, e))?;
    sync_dir(dest);
    let bytes = fs::metadata(dest).map_err(|e| Error::io(dest, e))?.len();
    Ok(BackupDone {
        path: dest.to_path_buf(),
        bytes,
        schema,
    })
}

/// Replace the database at `db` with the backup at `backup`: the backup is
/// opened read-only and must be an intact Casetrail database this build can
/// open; it is copied beside `db`, checked, and only then put in place, the
/// current database (with its WAL) renamed `<db>.before-restore-<time>`.
pub fn restore(backup: &Path, db: &Path) -> Result<Restored> {
    let from = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::invalid(format!("{} cannot be opened: {e}", backup.display())))?;
    let not_a_backup = |why: String| {
        Error::invalid(format!(
            "{} is not a Casetrail backup this build can restore: {why}; nothing was changed",
            backup.display()
        ))
    };
    let problems = integrity(&from).map_err(|e| not_a_backup(e.to_string()))?;
    if !problems.is_empty() {
        return Err(not_a_backup(format!(
            "it fails SQLite's integrity check ({})",
            problems.join("; ")
        )));
    }
    let schema = super::migrate::verify(&from).map_err(|e| not_a_backup(e.to_string()))?;
    let has_cases: bool = from
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cases'",
            [],
            |r| r.col::<_, i64>(0),
        )
        .map(|n| n == 1)
        .map_err(|e| not_a_backup(e.to_string()))?;
    if schema == 0 || !has_cases {
        return Err(not_a_backup("it holds no Casetrail schema".into()));
    }
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let temp = partial(db);
    copy_checked(&from, &temp)?;
    drop(from);
    let kept_aside = if db.exists() {
        // Fold the WAL into the file first, so nothing committed is left in a
        // WAL that could end up beside the wrong database (a broken database
        // that cannot do it is moved as it is).
        if let Ok(current) = Connection::open(db) {
            let _ = current.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
        let aside = db.with_file_name(format!(
            "{}.before-restore-{stamp}",
            db.file_name().unwrap_or_default().to_string_lossy()
        ));
        // The WAL and its index go with the file they belong to.
        for suffix in ["-wal", "-shm"] {
            let mut from = db.as_os_str().to_os_string();
            from.push(suffix);
            let from = PathBuf::from(from);
            if from.exists() {
                let mut to = aside.as_os_str().to_os_string();
                to.push(suffix);
                fs::rename(&from, PathBuf::from(to)).map_err(|e| Error::io(&from, e))?;
            }
        }
        fs::rename(db, &aside).map_err(|e| Error::io(db, e))?;
        Some(aside)
    } else {
        None
    };
    fs::rename(&temp, db).map_err(|e| Error::io(db, e))?;
    sync_dir(db);
    Ok(Restored {
        path: db.to_path_buf(),
        kept_aside,
        schema,
    })
}
