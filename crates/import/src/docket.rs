//! Importing docket files (PACER, CourtListener, supremecourt.gov): read the
//! file, tell its format from its content, parse it (`casetrail-docket`) and
//! merge it into the record in one transaction (`Store::import_docket`).
//!
//! A file that cannot be read or parsed is a failed outcome naming the file
//! and what was wrong; nothing of it is written. Other files go on.

use std::path::{Path, PathBuf};

use serde::Serialize;

use casetrail_model::DocketImport;
use casetrail_store::{sha256_bytes, DocketFile, DocketOptions, Store};
use casetrail_store::{Error, Result};

/// Docket files larger than this are refused (the largest real docket
/// reports are a few megabytes).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What happened to one file: the `import-docket --json` contract,
/// `{"file", "format", "dockets"}` or `{"file", "error"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum DocketFileOutcome {
    Imported {
        file: String,
        format: String,
        dockets: Vec<DocketImport>,
    },
    Failed {
        file: String,
        error: String,
    },
}

impl DocketFileOutcome {
    pub fn failed(&self) -> bool {
        matches!(self, DocketFileOutcome::Failed { .. })
    }
}

/// Whether a file is a docket rather than a PDF (for a drop of mixed files):
/// anything that does not start as a PDF does.
pub fn is_docket_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 5];
    match std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) {
        Ok(n) => !head[..n].starts_with(b"%PDF"),
        Err(_) => false,
    }
}

/// Import each file; a file that fails does not stop the others.
pub fn import_docket_files(
    store: &mut Store,
    paths: &[PathBuf],
    options: &DocketOptions,
) -> Vec<DocketFileOutcome> {
    paths
        .iter()
        .map(|path| {
            let file = path.display().to_string();
            match import_docket_file(store, path, options) {
                Ok((format, dockets)) => DocketFileOutcome::Imported {
                    file,
                    format,
                    dockets,
                },
                Err(e) => DocketFileOutcome::Failed {
                    file,
                    error: e.to_string(),
                },
            }
        })
        .collect()
}

/// Import one docket file; returns its format's name and the dockets merged.
pub fn import_docket_file(
    store: &mut Store,
    path: &Path,
    options: &DocketOptions,
) -> Result<(String, Vec<DocketImport>)> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::invalid(format!(
            "{} is a folder; name the docket files in it",
            path.display()
        )));
    }
    if meta.len() > MAX_BYTES {
        return Err(Error::invalid(format!(
            "{} is {} MB, larger than any docket ({} MB at most)",
            path.display(),
            meta.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    import_docket_bytes(store, &file_name(path), &bytes, options)
}

/// Import a docket already in memory, named `file_name` in its records.
pub fn import_docket_bytes(
    store: &mut Store,
    file_name: &str,
    bytes: &[u8],
    options: &DocketOptions,
) -> Result<(String, Vec<DocketImport>)> {
    if bytes.starts_with(b"%PDF") {
        return Err(Error::invalid(
            "this is a PDF, not a docket: import it with `casetrail import` (or drop it on the Import view)",
        ));
    }
    let parsed = casetrail_docket::parse(bytes)?;
    if parsed.dockets.is_empty() {
        return Err(Error::invalid(format!(
            "this {} holds no docket",
            parsed.format
        )));
    }
    let sha256 = sha256_bytes(bytes);
    let dockets = store.import_docket(
        &DocketFile {
            file_name,
            sha256: &sha256,
            format: parsed.format,
            dockets: &parsed.dockets,
        },
        options,
    )?;
    Ok((parsed.format.as_str().to_owned(), dockets))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
