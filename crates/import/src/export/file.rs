//! Writing an export: to a temporary file beside the target, renamed into
//! place, so a failed export leaves nothing behind.

use std::io::Write;
use std::path::Path;

use casetrail_store::{Error, Result};

/// Refuse a target whose directory is missing or which is a directory,
/// before anything is gathered.
pub fn check_target(target: &Path) -> Result<()> {
    if target.is_dir() {
        return Err(Error::invalid(format!(
            "{} is a directory: give a file name",
            target.display()
        )));
    }
    let dir = parent(target);
    if !dir.is_dir() {
        return Err(Error::invalid(format!(
            "cannot write {}: the directory {} does not exist",
            target.display(),
            dir.display()
        )));
    }
    Ok(())
}

fn parent(target: &Path) -> &Path {
    target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Write `bytes` to a temporary file beside `target`, then rename it into place.
pub fn write_beside(target: &Path, bytes: &[u8]) -> Result<()> {
    write_file_beside(target, |file| {
        file.write_all(bytes)
            .map_err(|e| Error::invalid(format!("cannot write {}: {e}", target.display())))
    })
}

/// Let `fill` write a temporary file beside `target`, then rename it into
/// place; on any failure the temporary file is removed.
pub fn write_file_beside(
    target: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> Result<()>,
) -> Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent(target).join(format!(".{name}.{}.tmp", std::process::id()));
    let unwritable =
        |e: std::io::Error| Error::invalid(format!("cannot write {}: {e}", target.display()));
    let result = std::fs::File::create(&tmp)
        .map_err(unwritable)
        .and_then(|mut file| {
            fill(&mut file)?;
            file.sync_all().map_err(unwritable)
        })
        .and_then(|()| std::fs::rename(&tmp, target).map_err(unwritable));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_neither_the_target_nor_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.ics");
        let failed = write_file_beside(&target, |_| Err(Error::invalid("disk full")));
        assert!(failed.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_missing_directory_or_a_directory_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_target(&dir.path().join("nope/out.csv")).is_err());
        assert!(check_target(dir.path()).is_err());
        assert!(check_target(&dir.path().join("out.csv")).is_ok());
    }
}
