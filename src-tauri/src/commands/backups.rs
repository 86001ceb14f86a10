//! Backups: the newest one and what the automatic ones could not do (shown
//! in the Deadlines view, where the settings are), and "Back up now".

use casetrail_store::BackupStatus;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// When the newest backup was written, where, and the automatic backups' warnings.
#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> Reply<BackupStatus> {
    let status = state.store()?.backup_status()?;
    Ok(with_daily_warnings(status, &state))
}

/// "Back up now": a checked copy into the backups folder beside the database.
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Reply<BackupStatus> {
    let store = state.store()?;
    store.back_up_now()?;
    let status = store.backup_status()?;
    Ok(with_daily_warnings(status, &state))
}

/// The store's warnings (an upgrade's copy) and the start-up daily backup's.
fn with_daily_warnings(mut status: BackupStatus, state: &AppState) -> BackupStatus {
    status.warnings.extend(state.daily_backup_warnings());
    status
}
