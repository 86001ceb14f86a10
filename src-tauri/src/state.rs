//! The app's state: the core store behind a mutex, opened once at start-up.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use casetrail_store::ErrorReport;
use casetrail_store::Store;

use crate::backup_job::DailyBackup;
use crate::import_job::ImportSlot;

/// Shared by every command. If the database could not be opened, every command
/// answers with that error, so the window can say what is wrong instead of
/// failing to start.
pub struct AppState {
    store: Result<Mutex<Store>, ErrorReport>,
    /// The database file the store was opened from (an import opens its own connection).
    db: Option<PathBuf>,
    /// The running import's cancel flag: one import at a time.
    import: ImportSlot,
    /// The start-up daily backup and its warnings.
    daily_backup: DailyBackup,
}

impl AppState {
    /// Open the database at `explicit` (from `--db`), else `$CASETRAIL_DB`,
    /// else the default path.
    pub fn open(explicit: Option<PathBuf>) -> AppState {
        let path = Store::resolve_path(explicit);
        let db = path.as_ref().ok().cloned();
        let store = path
            .and_then(Store::open)
            .map(|s| {
                // A copy made before an upgrade may have left a warning.
                for w in s.backup_warnings() {
                    eprintln!("casetrail-app: warning: {w}");
                }
                Mutex::new(s.with_actor("app"))
            })
            .map_err(ErrorReport::from);
        // Once a day, on its own thread; what it could not do is shown with the last backup's time.
        let daily_backup = match (&store, &db) {
            (Ok(_), Some(db)) => DailyBackup::start(db.clone()),
            _ => DailyBackup::default(),
        };
        if let Err(e) = &store {
            eprintln!("casetrail-app: cannot open the database: {}", e.message);
        }
        AppState {
            store,
            db,
            import: ImportSlot::default(),
            daily_backup,
        }
    }

    /// The store, locked for one command.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ErrorReport> {
        let mutex = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock leaves the connection usable (every write is
        // one transaction), so a poisoned lock is taken over rather than fatal.
        Ok(mutex.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// The database file, for work that opens its own connection (an import). Fails
    /// with the open error when the store could not be opened.
    pub fn db_path(&self) -> Result<PathBuf, ErrorReport> {
        self.store.as_ref().map_err(Clone::clone)?;
        self.db.clone().ok_or_else(|| {
            ErrorReport::from(casetrail_store::Error::invalid(
                "the database has no file path",
            ))
        })
    }

    /// The calendar feed file beside the database (none when it could not open).
    pub fn feed_path(&self) -> Option<PathBuf> {
        self.store.as_ref().ok()?;
        self.db.as_deref().map(crate::feed::path_for)
    }

    /// What the start-up daily backup could not do (nothing while it runs).
    pub fn daily_backup_warnings(&self) -> Vec<String> {
        self.daily_backup.warnings()
    }

    /// The import slot (one import at a time, its cancel flag).
    pub fn import(&self) -> &ImportSlot {
        &self.import
    }
}

/// `--db PATH` or `--db=PATH` from the command line, if given.
pub fn db_arg(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_db_argument_in_both_spellings() {
        assert_eq!(
            db_arg(args(&["app", "--db", "/tmp/x.db"])),
            Some(PathBuf::from("/tmp/x.db"))
        );
        assert_eq!(
            db_arg(args(&["app", "--db=/tmp/y.db"])),
            Some(PathBuf::from("/tmp/y.db"))
        );
        assert_eq!(db_arg(args(&["app"])), None);
        assert_eq!(db_arg(args(&["app", "--db"])), None);
    }

    #[test]
    fn a_database_that_cannot_open_is_reported_by_every_command() {
        let dir = tempfile::tempdir().unwrap();
        // A directory is not a database file.
        let state = AppState::open(Some(dir.path().to_path_buf()));
        let err = state.store().err().expect("opening a directory must fail");
        assert!(!err.message.is_empty());
    }
}
