//! Case bundles: one zip that gives a colleague the whole case — the case
//! file (`case.json`, exactly what `casetrail export json` writes), the PDFs
//! of its documents from the library (`documents/<key>-<name>.pdf`), each
//! document's page text as it was extracted (`pages/<key>.json`, so the
//! receiving machine needs neither the extraction workers nor OCR, and gets
//! the same search results), and `manifest.json` naming every other entry
//! with its SHA-256 and size.
//!
//! [`import`] reads a bundle in two passes. The first (`unpack`) writes
//! nothing: it refuses names that could escape (`..`, absolute paths,
//! backslashes, drive letters) or that a bundle does not have, symbolic
//! links, encryption, and zip bombs (each entry inflated through a reader
//! that stops past what the manifest declares and past [`Limits`]), and
//! checks every entry's size and hash. Only then does the second write, in
//! one transaction: the case as a case file loads, the page text, and the
//! PDFs copied into the library, each hashed again as it is stored (files
//! it added are removed if the transaction fails).

mod error;
mod manifest;
mod pack;
mod unpack;

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

pub use error::BundleError;
pub use manifest::{Manifest, ManifestFile, PageData, FORMAT};
pub use pack::{write, Packed};
pub use unpack::Limits;

use crate::demo::{load_into, Loaded};
use crate::{Error, Result};
use casetrail_store::{Library, Store};

/// How every zip begins: a bundle is told from a JSON case file by its content.
pub const MAGIC: &[u8; 4] = b"PK\x03\x04";

/// Whether these first bytes are a zip's (a bundle's).
pub fn is_bundle(head: &[u8]) -> bool {
    head.starts_with(MAGIC)
}

/// Import the bundle at `path`, its PDFs into `library`; with `rename`, under
/// that case key instead of the bundle's. When a case with the key exists,
/// nothing is written and `created` is false.
pub fn import(
    store: &mut Store,
    library: &Library,
    path: &Path,
    rename: Option<&str>,
    limits: &Limits,
) -> Result<Loaded> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = ZipArchive::new(BufReader::new(file))
        .map_err(|e| BundleError::Unreadable(e.to_string()))?;
    let mut verified = unpack::verify(&mut zip, limits)?;
    if let Some(key) = rename {
        verified.file.case.slug = key.to_string();
    }
    let mut added: Vec<PathBuf> = Vec::new();
    let result = store.write(|w| {
        let loaded = load_into(w, &verified.file)?;
        if !loaded.created {
            return Ok(loaded);
        }
        for (sha, pages) in &verified.pages {
            w.restore_pages(sha, pages)?;
        }
        for pdf in &verified.pdfs {
            let entry = zip.by_index(pdf.index).map_err(|e| BundleError::Damaged {
                entry: pdf.entry.clone(),
                why: e.to_string(),
            })?;
            // Hashed again as it is stored: the file may have changed since.
            let (stored, new) =
                library.store_reader(entry.take(pdf.size + 1), &pdf.entry, &pdf.sha256)?;
            if new {
                added.push(stored);
            }
        }
        Ok(loaded)
    });
    if result.is_err() {
        for f in &added {
            let _ = std::fs::remove_file(f);
        }
    }
    result
}

/// The first bytes of a file, to tell a bundle from a case file.
pub fn head(path: &Path) -> Result<Vec<u8>> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = Vec::with_capacity(4);
    (&mut file)
        .take(4)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(path, e))?;
    Ok(head)
}
