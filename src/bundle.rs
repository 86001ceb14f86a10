//! `casetrail export bundle CASE` and `casetrail import-case BUNDLE`: the
//! case bundle (`casetrail_import::bundle`) written beside its target and
//! renamed, or built in memory for `-o -`; read with the document library
//! beside the database.

use std::io::{Cursor, Write};
use std::path::Path;

use casetrail_import::bundle::{self, Limits, Packed};
use casetrail_import::demo::Loaded;
use casetrail_model::CaseId;
use casetrail_store::{Error, Library, Result, Store};

use crate::export::write_file_beside;

/// The document library beside the open database.
fn library(store: &Store) -> Result<Library> {
    let db = store
        .path()
        .ok_or_else(|| Error::invalid("a case bundle needs a database file"))?;
    Ok(Library::beside_database(db))
}

/// Write the case's bundle to `target` (or standard output).
pub fn export(store: &Store, case: CaseId, target: &Path, stdout: bool) -> Result<Packed> {
    let library = library(store)?;
    if stdout {
        let (bytes, packed) = bundle::write(store, &library, case, Cursor::new(Vec::new()))?;
        let mut out = std::io::stdout().lock();
        out.write_all(bytes.get_ref())
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("standard output", e))?;
        return Ok(packed);
    }
    let mut packed = None;
    write_file_beside(target, |file| {
        packed = Some(bundle::write(store, &library, case, file)?.1);
        Ok(())
    })?;
    Ok(packed.expect("written"))
}

/// Import a bundle, its PDFs into the library beside the database.
pub fn import(store: &mut Store, file: &Path, rename: Option<&str>) -> Result<Loaded> {
    let library = library(store)?;
    bundle::import(store, &library, file, rename, &Limits::default())
}
