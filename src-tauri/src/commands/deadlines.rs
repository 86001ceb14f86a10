//! Deadlines across cases, deriving one from an event under a court rule,
//! marking them done (or open again), and the user's warning window for
//! desktop notifications.

use casetrail_deadline::{
    Deadline, DeadlineEntry, DeadlineId, DeadlineStatus, DeriveDeadline, RuleChoices,
};
use casetrail_model::{CaseId, EventId, Settings};
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

/// The rules a deadline derived from this event can be computed under: its
/// court's own system first (a state court's state rules).
#[tauri::command]
pub async fn rule_choices(state: State<'_, AppState>, event_id: EventId) -> Reply<RuleChoices> {
    Ok(state.store()?.rule_choices(event_id)?)
}

/// Derive a deadline from an event and a rule; the computation is the core's.
#[tauri::command]
pub async fn derive_deadline(state: State<'_, AppState>, spec: DeriveDeadline) -> Reply<Deadline> {
    Ok(state.store()?.derive_deadline(&spec)?)
}
