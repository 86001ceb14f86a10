//! `casetrail import-case BUNDLE`: a case bundle read with the document
//! library beside the database (`casetrail export bundle` is in
//! `casetrail_import::export`).

use std::path::Path;

use casetrail_import::bundle::{self, Limits};
use casetrail_import::demo::Loaded;
use casetrail_store::{Error, Library, Result, Store};

/// Import a bundle, its PDFs into the library beside the database.
pub fn import(store: &mut Store, file: &Path, rename: Option<&str>) -> Result<Loaded> {
    let db = store
        .path()
        .ok_or_else(|| Error::invalid("a case bundle needs a database file"))?;
    let library = Library::beside_database(db);
    bundle::import(store, &library, file, rename, &Limits::default())
}
