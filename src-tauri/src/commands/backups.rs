//! Backups: the newest one and what the automatic ones could not do (shown
//! in the Deadlines view, where the settings are), and "Back up now".

use casetrail_store::BackupStatus;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// When the newest backup was written, where, and the automatic backups' warnings.
#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> Reply<BackupStatus> {
    Ok(state.store()?.backup_status()?)
}

/// "Back up now": a checked copy into the backups folder beside the database.
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Reply<BackupStatus> {
    let store = state.store()?;
    store.back_up_now()?;
    Ok(store.backup_status()?)
}
