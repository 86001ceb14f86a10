//! What is new: docket entries that imports added or changed since the user
//! last looked, per case, and marking them seen.

use casetrail_model::{CaseId, NewsItem};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// What imports added or changed that the user has not seen: one case's, or
/// every case's when `case_id` is null. By case, proceeding, then date.
#[tauri::command]
pub async fn list_news(
    state: State<'_, AppState>,
    case_id: Option<CaseId>,
) -> Reply<Vec<NewsItem>> {
    Ok(state.store()?.news(case_id)?)
}

/// Mark one case's news (every case's when `case_id` is null) as seen; how many items were.
#[tauri::command]
pub async fn mark_news_seen(state: State<'_, AppState>, case_id: Option<CaseId>) -> Reply<usize> {
    Ok(state.store()?.mark_news_seen(case_id)?)
}
