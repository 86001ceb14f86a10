//! What documents cite: a document's citations (the viewer's list) and a case's
//! table of authorities (the case page's Authorities tab).

use casetrail_model::{CaseId, DocumentId};
use casetrail_store::{Authority, StoredCitation};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// A document's citations, in reading order, each with its page.
#[tauri::command]
pub async fn document_citations(
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> Reply<Vec<StoredCitation>> {
    Ok(state.store()?.document_citations(document_id)?)
}

/// The table of authorities of a case's documents, most cited first.
#[tauri::command]
pub async fn case_authorities(
    state: State<'_, AppState>,
    case_id: CaseId,
) -> Reply<Vec<Authority>> {
    Ok(state.store()?.authorities(case_id)?)
}
