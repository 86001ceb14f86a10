//! The daily backup (`Store::daily_backup`), written at start-up on a thread
//! with its own connection, so that copying a large database never delays the
//! window; what it could not do is kept for `backup_status` to show.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use casetrail_store::Store;

/// The start-up daily backup's thread and its warnings.
#[derive(Clone, Default)]
pub struct DailyBackup {
    warnings: Arc<Mutex<Vec<String>>>,
    thread: Arc<Mutex<Option<JoinHandle<()>>>>,
}

impl DailyBackup {
    /// Write the daily backup of the database at `db` if one is due.
    pub fn start(db: PathBuf) -> DailyBackup {
        let job = DailyBackup::default();
        let warnings = Arc::clone(&job.warnings);
        let spawned = std::thread::Builder::new()
            .name("daily-backup".into())
            .spawn(move || {
                let found = match Store::open(&db) {
                    Ok(mut store) => {
                        store.daily_backup();
                        store.backup_warnings().to_vec()
                    }
                    Err(e) => vec![format!("the daily backup was not written: {e}")],
                };
                for w in &found {
                    eprintln!("casetrail-app: warning: {w}");
                }
                warnings
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .extend(found);
            });
        match spawned {
            Ok(handle) => *job.thread.lock().unwrap_or_else(|p| p.into_inner()) = Some(handle),
            Err(e) => job
                .warnings
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(format!("the daily backup was not started: {e}")),
        }
        job
    }

    /// What the daily backup could not do (nothing while it runs).
    pub fn warnings(&self) -> Vec<String> {
        self.warnings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Wait for the thread to end.
    #[cfg(test)]
    pub fn wait(&self) {
        let handle = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(h) = handle {
            h.join().expect("the daily backup's thread");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casetrail_store::backups::{self, BackupKind};

    #[test]
    fn the_daily_backup_is_written_on_its_own_thread() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("casetrail.db");
        casetrail_import::demo::load(&mut Store::open(&db).unwrap()).unwrap();
        let job = DailyBackup::start(db.clone());
        job.wait();
        assert!(job.warnings().is_empty(), "{:?}", job.warnings());
        let files = backups::list(&db).unwrap();
        assert_eq!(files.len(), 1, "{files:?}");
        assert_eq!(files[0].kind, BackupKind::Daily);
    }

    #[test]
    fn a_daily_backup_that_fails_leaves_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("casetrail.db");
        casetrail_import::demo::load(&mut Store::open(&db).unwrap()).unwrap();
        std::fs::write(backups::folder(&db), b"not a folder").unwrap();
        let job = DailyBackup::start(db);
        job.wait();
        let warnings = job.warnings();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("daily backup"), "{warnings:?}");
    }
}
