//! `casetrail`: the command-line face of the Casetrail core.
//!
//! Human output by default; `--json` prints one JSON document on stdout.
//! Errors go to stderr; the exit code is 2 for bad input (a usage error, an
//! unknown case, a bad date; for `server`, also an unreachable server, a
//! refused login, a denied grant or a newer server schema) and 1 for
//! anything else.

mod backup;
mod bundle;
mod cases;
mod cites;
mod deadline;
mod docket;
mod documents;
mod export;
mod generate;
mod import;
mod log;
mod output;
mod redactions;
mod saved;
mod server;
mod sync;
mod worker;

use std::path::PathBuf;
use std::process::ExitCode;

use casetrail_store::Store;
use clap::{CommandFactory, Parser, Subcommand};

/// Casetrail: a local record of court cases, their proceedings, rulings and deadlines.
#[derive(Parser)]
#[command(name = "casetrail", version, about, max_term_width = 100)]
struct Cli {
    /// The database file (default: $CASETRAIL_DB, else the platform data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print one JSON document on stdout instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the Microsoft–Ireland demo case (running it again changes nothing).
    Demo,
    /// List cases.
    Cases,
    /// Show a case's events across all its courts, in date order.
    Timeline {
        /// The case: its id, key or a unique part of its name ("Ireland").
        case: String,
    },
    /// Log a docket event on a proceeding.
    Log(log::LogArgs),
    /// Create a case.
    AddCase(cases::AddCaseArgs),
    /// Change a case's key, name or summary.
    EditCase(cases::EditCaseArgs),
    /// Open a proceeding (a docket in a court) in a case.
    AddProceeding(cases::AddProceedingArgs),
    /// Import court PDFs (files or folders): text per page, OCR, searchable.
    Import(import::ImportArgs),
    /// List imported documents and what each is linked to.
    Documents(documents::DocumentsArgs),
    /// Check PDFs for bad redactions (readable text under a black box) without importing them.
    Redactions(redactions::RedactionsArgs),
    /// Confirm or change the case, proceeding and docket event a document belongs to.
    Link(documents::LinkArgs),
    /// List every document and page citing an authority ("556 U.S. 662"), however printed.
    Cites(cites::CitesArgs),
    /// A case's table of authorities: cases, statutes, rules; who cites each, where.
    Authorities(cites::AuthoritiesArgs),
    /// Read imported documents again with this version's detection (metadata, citations).
    Redetect(cites::RedetectArgs),
    /// Full-text search of imported documents and docket events.
    Search(import::SearchArgs),
    /// Compute a deadline (a plain period, or the one a rule sets) and show its steps.
    Deadline(deadline::DeadlineArgs),
    /// List the deadline rules (bundled, plus --rules-dir).
    Rules(deadline::RulesArgs),
    /// List deadlines on cases, soonest first.
    Deadlines(deadline::DeadlinesArgs),
    /// Mark a deadline done, open, missed or superseded, or record a court-ordered date.
    DeadlineSet(deadline::DeadlineSetArgs),
    /// Import docket files (PACER, CourtListener, supremecourt.gov, RSS): entries, parties, appeals.
    ImportDocket(docket::ImportDocketArgs),
    /// List docket entries added or changed by imports since you last looked.
    News(docket::NewsArgs),
    /// Show the most recent changes from the activity log.
    Activity {
        /// How many entries.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// List saved searches with their new hits, or show one's hits (new ones marked) and mark them seen.
    Saved(saved::SavedArgs),
    /// Export a case: a calendar (ics), its events (csv), the whole case (json), the report (html), the case with its PDFs (bundle).
    Export(export::ExportArgs),
    /// Import a case file or bundle written by `casetrail export json|bundle`.
    ImportCase(export::ImportCaseArgs),
    /// Print the man page or shell completions (the packages install them).
    Generate(generate::GenerateArgs),
    /// Back the database up (SQLite's online backup API: safe while the app runs).
    Backup(backup::BackupArgs),
    /// Replace the database with a backup, after checking it; the current one is kept aside.
    Restore(backup::RestoreArgs),
    /// Check the database (SQLite's integrity check) and every stored file's SHA-256.
    Check,
    /// Set up the firm's PostgreSQL server: schema and policies, users, who may see which case.
    Server(server::ServerArgs),
    /// Tie this database to the firm's server as a user (the URL and user are kept; never a password).
    Connect(sync::ConnectArgs),
    /// Push this desktop's changes to the firm's server and pull the others' (prints pushed, pulled, conflicts).
    Sync(sync::SyncArgs),
    /// List the conflicts syncs found: the same field changed on two desktops, or an edit of something deleted.
    Conflicts,
}

fn main() -> ExitCode {
    restore_sigpipe();
    worker::run_if_requested();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("casetrail: {e}");
            if e.is_user_error() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// A command's error: the core's, or the firm server's (`casetrail server`).
enum Failure {
    Core(casetrail_store::Error),
    Server(casetrail_sync::Error),
}

impl From<casetrail_store::Error> for Failure {
    fn from(e: casetrail_store::Error) -> Self {
        Failure::Core(e)
    }
}

impl Failure {
    fn is_user_error(&self) -> bool {
        match self {
            Failure::Core(e) => e.is_user_error(),
            Failure::Server(e) => e.is_user_error(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Core(e) => e.fmt(f),
            Failure::Server(e) => e.fmt(f),
        }
    }
}

/// Rust ignores SIGPIPE, which turns `casetrail … | head` into a panic on the
/// next print. A command-line tool should simply stop, as `cat` does.
fn restore_sigpipe() {
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is
    // a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Open the database, write the daily backup when one is due, and say on
/// stderr what an automatic backup could not do (never a reason to stop).
fn open(db: Option<PathBuf>) -> casetrail_store::Result<Store> {
    let path = Store::resolve_path(db)?;
    let mut store = Store::open(path)?.with_actor("cli");
    store.daily_backup();
    backup::warn(&store);
    Ok(store)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let (db, json) = (cli.db, cli.json);
    let done = match cli.command {
        Command::Demo => cases::demo(&mut open(db)?, json),
        Command::Cases => cases::list(&open(db)?, json),
        Command::Timeline { case } => cases::timeline(&open(db)?, &case, json),
        Command::Log(args) => log::run(&mut open(db)?, &args, json),
        Command::AddCase(args) => cases::add_case(&mut open(db)?, &args, json),
        Command::EditCase(args) => cases::edit_case(&mut open(db)?, &args, json),
        Command::AddProceeding(args) => cases::add_proceeding(&mut open(db)?, &args, json),
        Command::Import(args) => import::import(&mut open(db)?, &args, json),
        Command::Documents(args) => documents::list(&open(db)?, &args, json),
        Command::Redactions(args) => redactions::check(&args, json),
        Command::Link(args) => documents::link(&mut open(db)?, &args, json),
        Command::Search(args) => saved::search(&mut open(db)?, &args, json),
        Command::Cites(args) => cites::cites(&open(db)?, &args, json),
        Command::Authorities(args) => cites::authorities(&open(db)?, &args, json),
        Command::Redetect(args) => cites::redetect(&mut open(db)?, &args, json),
        Command::Activity { limit } => cases::activity(&open(db)?, limit, json),
        Command::Deadline(args) => deadline::deadline(&args, json),
        Command::Rules(args) => deadline::rules(&args, json),
        Command::Deadlines(args) => deadline::deadlines(&open(db)?, &args, json),
        Command::DeadlineSet(args) => deadline::deadline_set(&mut open(db)?, &args, json),
        Command::Saved(args) => saved::saved(&mut open(db)?, &args, json),
        Command::Export(args) => export::export(&mut open(db)?, &args, json),
        Command::ImportCase(args) => export::import_case(&mut open(db)?, &args, json),
        Command::Generate(args) => generate::generate(Cli::command(), &args),
        Command::ImportDocket(args) => docket::import(&mut open(db)?, &args, json),
        Command::News(args) => docket::news(&mut open(db)?, &args, json),
        Command::Backup(args) => backup::backup(&open(db)?, &args, json),
        Command::Restore(args) => backup::restore(db, &args, json),
        Command::Check => backup::check(&open(db)?, json),
        Command::Server(args) => return server::run(&args, json).map_err(Failure::Server),
        Command::Connect(args) => {
            return sync::connect(&mut open(db)?, &args, json).map_err(Failure::Server)
        }
        Command::Sync(args) => {
            return sync::sync(&mut open(db)?, &args, json).map_err(Failure::Server)
        }
        Command::Conflicts => return sync::conflicts(&open(db)?, json).map_err(Failure::Server),
    };
    done.map_err(Failure::Core)
}
