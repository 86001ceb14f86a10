//! The document viewer: a document's details, its PDF bytes, opening it in the
//! system viewer, highlights with notes, and the bad redactions found on import.

use casetrail_model::{DocumentDetails, DocumentId, Highlight, HighlightId, NewHighlight};
use casetrail_store::{BadRedaction, Error, ErrorReport};
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::Reply;
use crate::state::AppState;

/// A document with its detected metadata, page count and links.
#[tauri::command]
pub async fn get_document(
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> Reply<DocumentDetails> {
    Ok(state.store()?.document_details(document_id)?)
}

/// The stored PDF's bytes, sent raw (an `ArrayBuffer` in the UI), not as JSON.
#[tauri::command]
pub async fn document_pdf(state: State<'_, AppState>, document_id: DocumentId) -> Reply<Response> {
    Ok(Response::new(state.store()?.document_bytes(document_id)?))
}

/// Open the stored PDF in the system's PDF viewer. The path comes from the core
/// (the library file of this document), never from the UI; the opener's Rust API
/// needs no plugin permission, so the UI gets no general "open a path" power.
#[tauri::command]
pub async fn open_document_externally(
    app: AppHandle,
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> Reply<()> {
    let path = state.store()?.document_file(document_id)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| ErrorReport::from(Error::io(path, std::io::Error::other(e.to_string()))))
}

/// A document's highlights, by page.
#[tauri::command]
pub async fn list_highlights(
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> Reply<Vec<Highlight>> {
    Ok(state.store()?.highlights(document_id)?)
}

/// Highlight a passage (page and rectangles normalised to the page), with an optional note.
#[tauri::command]
pub async fn add_highlight(state: State<'_, AppState>, new: NewHighlight) -> Reply<Highlight> {
    Ok(state.store()?.add_highlight(&new)?)
}

/// Replace a highlight's note (empty removes it).
#[tauri::command]
pub async fn edit_highlight_note(
    state: State<'_, AppState>,
    highlight_id: HighlightId,
    note: String,
) -> Reply<Highlight> {
    Ok(state.store()?.edit_highlight_note(highlight_id, &note)?)
}

/// Delete a highlight.
#[tauri::command]
pub async fn delete_highlight(state: State<'_, AppState>, highlight_id: HighlightId) -> Reply<()> {
    Ok(state.store()?.delete_highlight(highlight_id)?)
}

/// The document's bad redactions (dark boxes over readable text), by page.
#[tauri::command]
pub async fn document_bad_redactions(
    state: State<'_, AppState>,
    document_id: DocumentId,
) -> Reply<Vec<BadRedaction>> {
    Ok(state.store()?.bad_redactions(Some(document_id))?)
}
