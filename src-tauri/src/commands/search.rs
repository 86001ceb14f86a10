//! Full-text search (the Ctrl+K palette) and saved searches with their new hits.

use casetrail_model::{
    CaseId, SavedSearch, SavedSearchId, SavedSearchRun, SavedSearchSummary, SearchResult,
};
use casetrail_store::search::DEFAULT_LIMIT;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Search page text and docket events (only `case_id`'s when given), best first.
/// A query with nothing searchable in it answers `invalid_input`.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    case_id: Option<CaseId>,
    limit: Option<usize>,
) -> Reply<Vec<SearchResult>> {
    Ok(state
        .store()?
        .search_results(&query, case_id, limit.unwrap_or(DEFAULT_LIMIT))?)
}

/// Every saved search with how many of its hits are new.
#[tauri::command]
pub async fn list_saved_searches(state: State<'_, AppState>) -> Reply<Vec<SavedSearchSummary>> {
    Ok(state.store()?.saved_searches()?)
}

/// Save a search under a name; its current hits count as seen.
#[tauri::command]
pub async fn save_search(
    state: State<'_, AppState>,
    name: String,
    query: String,
    case_id: Option<CaseId>,
) -> Reply<SavedSearch> {
    Ok(state.store()?.save_search(&name, &query, case_id)?)
}

/// A saved search's hits with the new ones flagged; they are then recorded as seen.
#[tauri::command]
pub async fn open_saved_search(
    state: State<'_, AppState>,
    saved_search_id: SavedSearchId,
) -> Reply<SavedSearchRun> {
    Ok(state.store()?.mark_saved_search_seen(saved_search_id)?)
}

/// Delete a saved search.
#[tauri::command]
pub async fn delete_saved_search(
    state: State<'_, AppState>,
    saved_search_id: SavedSearchId,
) -> Reply<()> {
    Ok(state.store()?.delete_saved_search(saved_search_id)?)
}
