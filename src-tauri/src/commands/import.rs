//! Importing PDFs and the documents they become: the import runs on its own
//! database connection off the main thread and streams [`ImportEvent`]s over a
//! channel; one import at a time, cancellable.

use std::path::PathBuf;

use casetrail_import::{import_paths, FileOutcome, ImportEvent, ImportOptions};
use casetrail_model::{CaseId, Document, DocumentId, EventId, ProceedingId};
use casetrail_store::Store;
use casetrail_store::{Error, ErrorReport};
use tauri::ipc::Channel;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Import PDF files and folders (searched for `*.pdf`), optionally attaching every
/// document to `case_id`. Progress and each file's outcome go to `on_event` as they
/// happen; the outcomes come back in input order (files not reached when the import
/// was cancelled are `failed` with reason `cancelled`).
#[tauri::command]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    case_id: Option<CaseId>,
    on_event: Channel<ImportEvent>,
) -> Reply<Vec<FileOutcome>> {
    if paths.is_empty() {
        return Err(Error::invalid("choose at least one PDF file or folder to import").into());
    }
    if let Some(case) = case_id {
        state.store()?.case(case)?;
    }
    let db = state.db_path()?;
    let ticket = state.import().begin()?;
    let cancel = ticket.flag();
    let worker = std::env::current_exe().map_err(|e| Error::io("the Casetrail executable", e))?;
    let options = ImportOptions {
        case: case_id,
        ..ImportOptions::beside_database(&db, worker)
    };
    let job = tauri::async_runtime::spawn_blocking(move || {
        // Its own connection, so the window's other commands are not blocked for
        // the length of the import.
        let mut store = Store::open(&db)?.with_actor("app");
        import_paths(
            &mut store,
            &paths,
            &options,
            &mut |progress| {
                for event in ImportEvent::from_progress(progress) {
                    // A closed window drops the channel; the import still completes.
                    let _ = on_event.send(event);
                }
            },
            &cancel,
        )
    });
    let outcomes = job.await.map_err(|e| ErrorReport {
        kind: casetrail_store::ErrorKind::Io,
        message: format!("the import stopped unexpectedly: {e}"),
    })??;
    drop(ticket);
    Ok(outcomes)
}

/// Stop the running import (files under way are abandoned, the rest reported as
/// cancelled). False when no import is running.
#[tauri::command]
pub async fn cancel_import(state: State<'_, AppState>) -> Reply<bool> {
    Ok(state.import().cancel())
}

/// Documents, newest first; only those of `case_id` when given.
#[tauri::command]
pub async fn list_documents(
    state: State<'_, AppState>,
    case_id: Option<CaseId>,
) -> Reply<Vec<Document>> {
    Ok(state.store()?.documents(case_id)?)
}

/// Confirm or change what a document belongs to: its case, proceeding and docket
/// event (all `None` detaches it).
#[tauri::command]
pub async fn link_document(
    state: State<'_, AppState>,
    document_id: DocumentId,
    case_id: Option<CaseId>,
    proceeding_id: Option<ProceedingId>,
    event_id: Option<EventId>,
) -> Reply<Document> {
    Ok(state
        .store()?
        .link_document(document_id, case_id, proceeding_id, event_id)?)
}
