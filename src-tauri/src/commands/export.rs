//! The case page's Export menu and the Deadlines view's calendar feed: one
//! core call each (`casetrail_import::export`, the CLI's exports). The UI
//! asks for the target path with the native save dialog first.

use std::path::PathBuf;

use casetrail_import::export::{self, ExportKind, Exported, Scope, Sink};
use casetrail_model::CaseId;
use casetrail_store::ErrorReport;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Export a case as `kind` to `path` (chosen in the save dialog). A failed
/// export leaves nothing at `path`.
#[tauri::command]
pub async fn export_case(
    state: State<'_, AppState>,
    case_id: CaseId,
    kind: ExportKind,
    path: PathBuf,
) -> Reply<Exported> {
    let mut store = state.store()?;
    Ok(export::export(
        &mut store,
        kind,
        Scope::Case(case_id),
        Sink::File(&path),
    )?)
}

/// The calendar feed file the app keeps up to date (for calendar programs
/// that subscribe to a file).
#[tauri::command]
pub async fn calendar_feed(state: State<'_, AppState>) -> Reply<PathBuf> {
    state.feed_path().ok_or_else(|| {
        ErrorReport::from(casetrail_store::Error::invalid(
            "the database has no file path, so there is no calendar feed",
        ))
    })
}
