//! Importing docket files (PACER, CourtListener, supremecourt.gov): which of
//! the chosen paths are dockets, and the import itself, on its own database
//! connection off the main thread. It takes the same slot as a PDF import, so
//! the two never run at once.

use std::path::PathBuf;

use casetrail_import::docket::{import_docket_files, is_docket_file, DocketFileOutcome};
use casetrail_model::CaseId;
use casetrail_store::{DocketOptions, Error, ErrorKind, ErrorReport, Store};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// The paths that are docket files rather than PDFs (read from their first
/// bytes; folders and unreadable paths are not), in the order given.
#[tauri::command]
pub async fn docket_paths(paths: Vec<PathBuf>) -> Reply<Vec<PathBuf>> {
    let job = tauri::async_runtime::spawn_blocking(move || {
        paths.into_iter().filter(|p| is_docket_file(p)).collect()
    });
    job.await.map_err(|e| ErrorReport {
        kind: ErrorKind::Io,
        message: format!("reading the files stopped unexpectedly: {e}"),
    })
}

/// Import docket files, each in one transaction; a new proceeding goes into
/// `case_id` when given. One outcome per file, in input order: what was
/// merged, or why the file was refused (nothing of it written).
#[tauri::command]
pub async fn import_dockets(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    case_id: Option<CaseId>,
) -> Reply<Vec<DocketFileOutcome>> {
    if paths.is_empty() {
        return Err(Error::invalid("choose at least one docket file to import").into());
    }
    if let Some(case) = case_id {
        state.store()?.case(case)?;
    }
    let db = state.db_path()?;
    let ticket = state.import().begin()?;
    let options = DocketOptions {
        case: case_id,
        ..DocketOptions::default()
    };
    let job = tauri::async_runtime::spawn_blocking(move || -> Result<_, ErrorReport> {
        let mut store = Store::open(&db)?.with_actor("app");
        Ok(import_docket_files(&mut store, &paths, &options))
    });
    let outcomes = job.await.map_err(|e| ErrorReport {
        kind: ErrorKind::Io,
        message: format!("the docket import stopped unexpectedly: {e}"),
    })??;
    drop(ticket);
    Ok(outcomes)
}
