//! The product's integration tests, in one binary: the store on real SQLite
//! files, the importers with real extraction workers (the `casetrail` binary
//! itself), and the CLI run as a process. The pure crates keep their own
//! (`crates/deadline/tests`, `crates/detect/tests`).
//!
//! A test that needs `../shared` or a program that is not installed says so
//! with `casetrail_fixtures::skip!` and is counted skipped, not passed.

mod cli_process;

mod app_lists;
mod automatic_backups;
mod backup;
mod bindings;
mod calendar_feed;
mod cli;
mod cli_cites;
mod cli_deadline;
mod cli_deadline_state;
mod cli_export;
mod cli_export_bundle;
mod cli_export_case;
mod cli_export_docket;
mod cli_export_sheet;
mod cli_saved;
mod cli_server;
mod cli_sync;
mod crash;
mod deadline_store;
mod detect_corpus;
mod export_python;
mod extract_corpus;
mod extract_fixtures;
mod extract_ranges;
mod highlights;
mod import_cli;
mod import_docket;
mod import_pool;
mod migrations;
mod redactions;
mod saved_searches;
mod scenario;
mod store;
mod store_documents;
mod sync_upgrade;
