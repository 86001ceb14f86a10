//! Tauri build step. Every command is listed here so that tauri-build generates
//! an `allow-<command>` permission for it; `capabilities/main.json` then grants
//! exactly the ones the UI uses (least privilege).

/// The app's commands; keep in step with `commands::handlers!` in src/main.rs.
const COMMANDS: &[&str] = &[
    "list_cases",
    "add_case",
    "get_timeline",
    "list_proceedings",
    "add_proceeding",
    "list_courts",
    "list_events",
    "get_event",
    "log_event",
    "event_documents",
    "list_notes",
    "add_note",
    "edit_note",
    "list_tags",
    "add_tag",
    "remove_tag",
    "load_demo",
    "import_files",
    "cancel_import",
    "list_documents",
    "link_document",
    "list_case_summaries",
    "update_case",
    "update_proceeding",
    "list_events_tagged",
    "list_all_tags",
    "list_deadlines",
    "case_deadlines",
    "set_deadline_status",
    "get_settings",
    "save_settings",
    "rule_choices",
    "derive_deadline",
    "search",
    "list_saved_searches",
    "save_search",
    "open_saved_search",
    "delete_saved_search",
    "get_document",
    "document_pdf",
    "open_document_externally",
    "list_highlights",
    "add_highlight",
    "edit_highlight_note",
    "delete_highlight",
    "docket_paths",
    "import_dockets",
    "list_news",
    "mark_news_seen",
    "entry_source",
    "export_case",
    "calendar_feed",
    "document_citations",
    "case_authorities",
    "document_bad_redactions",
    "backup_status",
    "back_up_now",
];

fn main() {
    // The UI is embedded by `generate_context!` from ../ui/dist: rebuild when it
    // changes (cargo scans the directory). Absent in dev builds, which load the
    // Vite dev server instead; naming a missing path would rebuild every time.
    if std::path::Path::new("../ui/dist").exists() {
        println!("cargo:rerun-if-changed=../ui/dist");
    }
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build step failed");
}
