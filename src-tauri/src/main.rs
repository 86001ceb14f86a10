//! Casetrail desktop app: a Tauri 2 window over the `casetrail` core.
//!
//! The shell is thin: [`state`] opens the core's `Store`, [`commands`] are one
//! core call each, and errors reach the UI as `{kind, message}`
//! (`casetrail_store::ErrorReport`). No SQL and no domain logic live here.
//!
//! Database: `--db PATH`, else `$CASETRAIL_DB`, else the platform data
//! directory (the same file the `casetrail` CLI uses).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod backup_job;
mod commands;
mod feed;
mod import_job;
mod state;

fn main() {
    // The PDF extraction worker is this binary run with a hidden subcommand
    // (the import passes `current_exe()` as the worker): run it before any window.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).and_then(|a| a.to_str()) == Some(casetrail_extract::WORKER_SUBCOMMAND) {
        std::process::exit(casetrail_extract::worker::main(&args[2..]));
    }
    let db = state::db_arg(std::env::args());
    let app_state = state::AppState::open(db);
    if let Ok(db) = app_state.db_path() {
        feed::watch(db);
    }
    tauri::Builder::default()
        .manage(app_state)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        // Opens a stored PDF in the system viewer from `open_document_externally`
        // only: the UI is granted none of the plugin's own commands.
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(commands::handlers!())
        .run(tauri::generate_context!())
        .expect("error while running the Casetrail window");
}
