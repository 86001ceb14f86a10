//! Cases, their proceedings, the courts to choose from, and the demo case.

use casetrail_import::demo::{self, Loaded};
use casetrail_model::{Case, CaseId, Court, NewCase, NewProceeding, Proceeding, Timeline};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// All cases, most recently active first.
#[tauri::command]
pub async fn list_cases(state: State<'_, AppState>) -> Reply<Vec<Case>> {
    Ok(state.store()?.cases()?)
}

/// Create a case.
#[tauri::command]
pub async fn add_case(state: State<'_, AppState>, new: NewCase) -> Reply<Case> {
    Ok(state.store()?.add_case(&new)?)
}

/// A case with its proceedings and every event across its courts.
#[tauri::command]
pub async fn get_timeline(state: State<'_, AppState>, case_id: CaseId) -> Reply<Timeline> {
    Ok(state.store()?.timeline(case_id)?)
}

/// A case's proceedings, trial court first.
#[tauri::command]
pub async fn list_proceedings(
    state: State<'_, AppState>,
    case_id: CaseId,
) -> Reply<Vec<Proceeding>> {
    Ok(state.store()?.proceedings(case_id)?)
}

/// Open a proceeding (a docket in a court) in a case.
#[tauri::command]
pub async fn add_proceeding(
    state: State<'_, AppState>,
    case_id: CaseId,
    new: NewProceeding,
) -> Reply<Proceeding> {
    Ok(state.store()?.add_proceeding(case_id, &new)?)
}

/// Every court a proceeding can be opened in.
#[tauri::command]
pub async fn list_courts(state: State<'_, AppState>) -> Reply<Vec<Court>> {
    Ok(state.store()?.courts()?)
}

/// Load the Microsoft–Ireland demo case (a second call changes nothing).
#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Reply<Loaded> {
    let mut store = state.store()?;
    Ok(demo::load(&mut store)?)
}

/// The cases list: each case with its next open deadline, last activity and
/// tags, most recently active first; only cases tagged `tag` when given.
#[tauri::command]
pub async fn list_case_summaries(
    state: State<'_, AppState>,
    tag: Option<String>,
) -> Reply<Vec<casetrail_model::CaseSummary>> {
    Ok(state.store()?.case_summaries(tag.as_deref())?)
}

/// Change a case's key, name or summary.
#[tauri::command]
pub async fn update_case(
    state: State<'_, AppState>,
    case_id: CaseId,
    changed: NewCase,
) -> Reply<Case> {
    Ok(state.store()?.update_case(case_id, &changed)?)
}

/// Change a proceeding's court, docket number, aliases, caption or dates.
#[tauri::command]
pub async fn update_proceeding(
    state: State<'_, AppState>,
    proceeding_id: casetrail_model::ProceedingId,
    changed: NewProceeding,
) -> Reply<Proceeding> {
    Ok(state.store()?.update_proceeding(proceeding_id, &changed)?)
}

/// The events of a proceeding tagged `tag` (the docket table's tag filter).
#[tauri::command]
pub async fn list_events_tagged(
    state: State<'_, AppState>,
    proceeding_id: casetrail_model::ProceedingId,
    tag: String,
) -> Reply<Vec<casetrail_model::EventId>> {
    Ok(state.store()?.events_tagged(proceeding_id, &tag)?)
}

/// Every tag in use (the lists' tag filters).
#[tauri::command]
pub async fn list_all_tags(state: State<'_, AppState>) -> Reply<Vec<casetrail_model::Tag>> {
    Ok(state.store()?.tags()?)
}
