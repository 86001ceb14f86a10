//! A proceeding's docket: its events, one event, and logging a new one.

use casetrail_model::{DocketEvent, Document, EntrySource, EventId, NewEvent, ProceedingId};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// A proceeding's docket, oldest first.
#[tauri::command]
pub async fn list_events(
    state: State<'_, AppState>,
    proceeding_id: ProceedingId,
) -> Reply<Vec<DocketEvent>> {
    Ok(state.store()?.events(proceeding_id)?)
}

/// One event with its parties and judges.
#[tauri::command]
pub async fn get_event(state: State<'_, AppState>, event_id: EventId) -> Reply<DocketEvent> {
    Ok(state.store()?.event(event_id)?)
}

/// Log a docket event (validated by the core; nothing is half-written).
#[tauri::command]
pub async fn log_event(state: State<'_, AppState>, new: NewEvent) -> Reply<DocketEvent> {
    Ok(state.store()?.add_event(&new)?)
}

/// The documents linked to an event (the filing itself, exhibits…).
#[tauri::command]
pub async fn event_documents(
    state: State<'_, AppState>,
    event_id: EventId,
) -> Reply<Vec<Document>> {
    Ok(state.store()?.event_documents(event_id)?)
}

/// Where an imported docket entry came from (file, format, SHA-256, when);
/// null for an event a person logged.
#[tauri::command]
pub async fn entry_source(
    state: State<'_, AppState>,
    event_id: EventId,
) -> Reply<Option<EntrySource>> {
    Ok(state.store()?.entry_source(event_id)?)
}
