//! Deadlines across cases, marking them done (or open again), and the user's
//! warning window for desktop notifications.

use casetrail_deadline::{Deadline, DeadlineEntry, DeadlineId, DeadlineStatus};
use casetrail_model::{CaseId, Settings};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Every deadline of every case, soonest first, with case and proceeding
/// names; only those of cases tagged `tag` when one is given.
#[tauri::command]
pub async fn list_deadlines(
    state: State<'_, AppState>,
    tag: Option<String>,
) -> Reply<Vec<DeadlineEntry>> {
    Ok(state.store()?.deadline_entries(tag.as_deref())?)
}

/// One case's deadlines, soonest first (the flags on its timeline).
#[tauri::command]
pub async fn case_deadlines(state: State<'_, AppState>, case_id: CaseId) -> Reply<Vec<Deadline>> {
    Ok(state.store()?.deadlines(Some(case_id))?)
}

/// Set a deadline's status: done, open (undo), missed or superseded.
#[tauri::command]
pub async fn set_deadline_status(
    state: State<'_, AppState>,
    deadline_id: DeadlineId,
    status: DeadlineStatus,
) -> Reply<Deadline> {
    Ok(state.store()?.set_deadline_status(deadline_id, status)?)
}

/// The user's settings (the deadline warning window).
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    Ok(state.store()?.settings()?)
}

/// Save the user's settings.
#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> Reply<Settings> {
    Ok(state.store()?.save_settings(&settings)?)
}
