//! The commands the UI invokes. Each takes the state, makes one call into the
//! core and returns its result; errors go back as `{kind, message}`.
//!
//! A new feature (import, search, deadlines) lands as a new module here, its
//! commands added to [`handlers!`], to `COMMANDS` in build.rs (which generates
//! an `allow-<command>` permission) and to `capabilities/main.json`.

pub mod backups;
pub mod cases;
pub mod citations;
pub mod deadlines;
pub mod docket;
pub mod docket_files;
pub mod documents;
pub mod export;
pub mod import;
pub mod news;
pub mod notes;
pub mod search;

use casetrail_store::ErrorReport;

/// What every command returns: the value, or the error as `{kind, message}`.
pub type Reply<T> = Result<T, ErrorReport>;

/// The invoke handler with every command; keep in step with build.rs.
macro_rules! handlers {
    () => {
        tauri::generate_handler![
            crate::commands::cases::list_cases,
            crate::commands::cases::add_case,
            crate::commands::cases::get_timeline,
            crate::commands::cases::list_proceedings,
            crate::commands::cases::add_proceeding,
            crate::commands::cases::list_courts,
            crate::commands::cases::load_demo,
            crate::commands::docket::list_events,
            crate::commands::docket::get_event,
            crate::commands::docket::log_event,
            crate::commands::docket::event_documents,
            crate::commands::notes::list_notes,
            crate::commands::notes::add_note,
            crate::commands::notes::edit_note,
            crate::commands::notes::list_tags,
            crate::commands::notes::add_tag,
            crate::commands::notes::remove_tag,
            crate::commands::import::import_files,
            crate::commands::import::cancel_import,
            crate::commands::import::list_documents,
            crate::commands::import::link_document,
            crate::commands::cases::list_case_summaries,
            crate::commands::cases::update_case,
            crate::commands::cases::update_proceeding,
            crate::commands::cases::list_events_tagged,
            crate::commands::cases::list_all_tags,
            crate::commands::deadlines::list_deadlines,
            crate::commands::deadlines::case_deadlines,
            crate::commands::deadlines::set_deadline_status,
            crate::commands::deadlines::get_settings,
            crate::commands::deadlines::save_settings,
            crate::commands::deadlines::rule_choices,
            crate::commands::deadlines::derive_deadline,
            crate::commands::search::search,
            crate::commands::search::list_saved_searches,
            crate::commands::search::save_search,
            crate::commands::search::open_saved_search,
            crate::commands::search::delete_saved_search,
            crate::commands::documents::get_document,
            crate::commands::documents::document_pdf,
            crate::commands::documents::open_document_externally,
            crate::commands::documents::list_highlights,
            crate::commands::documents::add_highlight,
            crate::commands::documents::edit_highlight_note,
            crate::commands::documents::delete_highlight,
            crate::commands::docket_files::docket_paths,
            crate::commands::docket_files::import_dockets,
            crate::commands::news::list_news,
            crate::commands::news::mark_news_seen,
            crate::commands::docket::entry_source,
            crate::commands::export::export_case,
            crate::commands::export::calendar_feed,
            crate::commands::backups::backup_status,
            crate::commands::backups::back_up_now,
            crate::commands::citations::document_citations,
            crate::commands::citations::case_authorities,
            crate::commands::documents::document_bad_redactions,
        ]
    };
}
pub(crate) use handlers;
