//! `casetrail backup`, `casetrail restore` and `casetrail check`: thin over
//! the store's backup module.

use std::path::PathBuf;

use casetrail_store::{Error, Result, Store};
use clap::Args;

use crate::output;

/// Arguments of `casetrail backup`.
#[derive(Args)]
pub struct BackupArgs {
    /// Where to write the backup: a new file, or a directory (it gets
    /// `casetrail-<UTC time>.db`). An existing file is never overwritten.
    pub dest: PathBuf,
}

/// Arguments of `casetrail restore`.
#[derive(Args)]
pub struct RestoreArgs {
    /// A backup written by `casetrail backup` (checked before anything is replaced).
    pub src: PathBuf,
}

/// `casetrail backup DEST`.
pub fn backup(store: &Store, args: &BackupArgs, json: bool) -> Result<()> {
    let done = store.backup_to(&args.dest)?;
    if json {
        return output::json(&done);
    }
    println!(
        "Backed up to {} ({} bytes, schema {}).",
        done.path.display(),
        done.bytes,
        done.schema
    );
    Ok(())
}

/// `casetrail restore SRC`: close the app first; the database it replaces is kept aside.
pub fn restore(db: Option<PathBuf>, args: &RestoreArgs, json: bool) -> Result<()> {
    let path = Store::resolve_path(db)?;
    let restored = casetrail_store::restore(&args.src, &path)?;
    // Open it once, so an older backup is brought up to this build's schema now.
    warn(&Store::open(&restored.path)?);
    if json {
        return output::json(&restored);
    }
    println!(
        "Restored {} from {}.",
        restored.path.display(),
        args.src.display()
    );
    if let Some(aside) = &restored.kept_aside {
        println!("The database it replaced is kept as {}.", aside.display());
    }
    Ok(())
}

/// Print on stderr what the automatic backups could not do.
pub fn warn(store: &Store) {
    for w in store.backup_warnings() {
        eprintln!("casetrail: warning: {w}");
    }
}

/// `casetrail check`: the integrity check and every stored file's SHA-256.
/// Exits 1 when something is wrong.
pub fn check(store: &Store, json: bool) -> Result<()> {
    let report = store.check()?;
    if json {
        output::json(&report)?;
    } else {
        let state = if report.integrity.is_empty() {
            "intact"
        } else {
            "DAMAGED"
        };
        println!("Database: {state} (SQLite integrity check).");
        for p in &report.integrity {
            println!("  {p}");
        }
        println!(
            "Stored files: {} read and hashed, {} missing, {} altered.",
            report.documents,
            report.missing.len(),
            report.altered.len()
        );
        for line in report.missing.iter().chain(&report.altered) {
            println!("  {line}");
        }
    }
    if report.is_ok() {
        Ok(())
    } else {
        Err(Error::Data(
            "the check found problems (listed above); restore a backup or re-import the files"
                .into(),
        ))
    }
}
