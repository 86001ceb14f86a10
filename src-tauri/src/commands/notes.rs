//! Notes and tags on cases, proceedings, events and documents.

use casetrail_model::{Note, NoteId, NoteTarget, Tag, TagId};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// The notes on one thing, oldest first.
#[tauri::command]
pub async fn list_notes(state: State<'_, AppState>, target: NoteTarget) -> Reply<Vec<Note>> {
    Ok(state.store()?.notes(target)?)
}

/// Attach a note.
#[tauri::command]
pub async fn add_note(state: State<'_, AppState>, target: NoteTarget, body: String) -> Reply<Note> {
    Ok(state.store()?.add_note(target, &body)?)
}

/// Replace a note's text.
#[tauri::command]
pub async fn edit_note(state: State<'_, AppState>, note_id: NoteId, body: String) -> Reply<()> {
    Ok(state.store()?.edit_note(note_id, &body)?)
}

/// The tags on one case, event or document.
#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>, target: NoteTarget) -> Reply<Vec<Tag>> {
    Ok(state.store()?.tags_of(target)?)
}

/// Tag a case, event or document (the tag is created if new).
#[tauri::command]
pub async fn add_tag(state: State<'_, AppState>, target: NoteTarget, name: String) -> Reply<Tag> {
    Ok(state.store()?.tag(target, &name)?)
}

/// Remove a tag.
#[tauri::command]
pub async fn remove_tag(
    state: State<'_, AppState>,
    target: NoteTarget,
    tag_id: TagId,
) -> Reply<()> {
    Ok(state.store()?.untag(target, tag_id)?)
}
