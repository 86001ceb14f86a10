//! Reading imported documents again with this version's detection
//! (`casetrail redetect`): their `detected` metadata and every page's citations,
//! from the page texts already stored, so old imports gain what detection
//! learned without importing again.

use serde::Serialize;

use casetrail_model::DocumentId;
use casetrail_store::{Result, Store};

use crate::metadata::detect_metadata;

/// What redetection did to one document.
#[derive(Debug, Clone, Serialize)]
pub struct Redetected {
    pub document_id: DocumentId,
    pub title: String,
    /// Whether the `detected` metadata changed.
    pub metadata_changed: bool,
    /// How many citations the document has now.
    pub citations: usize,
}

/// Read again the documents an older detection read (every document with `all`),
/// one transaction per document; `progress` is told after each.
pub fn redetect(
    store: &mut Store,
    all: bool,
    progress: &mut dyn FnMut(&Redetected),
) -> Result<Vec<Redetected>> {
    let ids = store.documents_to_redetect(casetrail_detect::VERSION, all)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let document = store.document(id)?;
        let pages = store.pages(id)?;
        let texts: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        let first: Vec<&str> = texts.iter().take(2).copied().collect();
        let detected = detect_metadata(&first);
        let cites = casetrail_detect::cite_pages(&texts);
        let changed = store
            .write(|w| w.redetect_document(id, &detected, &cites, casetrail_detect::VERSION))?;
        let done = Redetected {
            document_id: id,
            title: document.title,
            metadata_changed: changed,
            citations: cites.len(),
        };
        progress(&done);
        out.push(done);
    }
    Ok(out)
}
