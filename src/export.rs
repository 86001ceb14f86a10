//! `casetrail export ics|csv|json|html|bundle CASE [-o FILE]` and `casetrail
//! import-case FILE [--rename KEY]`: the arguments, read here, go to
//! `casetrail_import::export` (the same exports as the app's Export menu),
//! which writes beside the target and renames, so a failed export leaves
//! nothing behind; `-o -` is stdout.

use std::path::PathBuf;

use casetrail_export::case_file::CaseFile;
use casetrail_import::export::{self, ExportKind, Scope, Sink};
use casetrail_store::{Error, Result, Store};
use chrono::Local;
use clap::ValueEnum;

use crate::output;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A calendar (RFC 5545) of the case's deadlines and hearings.
    Ics,
    /// The case's docket events, one row each (RFC 4180).
    Csv,
    /// The whole case as a casetrail-case/1 file (`casetrail import-case` reads it).
    Json,
    /// The timeline report: one self-contained HTML page (`--pdf` for a PDF).
    Html,
    /// The case with its PDFs and their text, as one zip (`casetrail import-case` reads it).
    Bundle,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// What to write.
    format: Format,
    /// The case: its id, key or a unique part of its name (none with `ics --upcoming`).
    case: Option<String>,
    /// Where to write (`-` for standard output); default `<case key>.<format>`.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// ics only: every case's open deadlines from today on.
    #[arg(long)]
    upcoming: bool,
    /// html only: render the report to PDF with headless Chromium.
    #[arg(long)]
    pdf: bool,
}

#[derive(clap::Args)]
pub struct ImportCaseArgs {
    /// A casetrail-case/1 JSON file or a case bundle (as `casetrail export json|bundle` write).
    file: PathBuf,
    /// Import the case under this key instead of the file's (when the file's is taken).
    #[arg(long, value_name = "NEWKEY")]
    rename: Option<String>,
}

pub fn export(store: &mut Store, args: &ExportArgs, json: bool) -> Result<()> {
    if args.upcoming && (args.format != Format::Ics || args.case.is_some()) {
        return Err(Error::invalid(
            "--upcoming is for `export ics --upcoming`, without a case",
        ));
    }
    if args.pdf && args.format != Format::Html {
        return Err(Error::invalid("--pdf is for `export html`"));
    }
    let case = match (&args.case, args.upcoming) {
        (Some(key), _) => Some(store.find_case(key)?),
        (None, true) => None,
        (None, false) => return Err(Error::invalid("name the case to export")),
    };
    let kind = match args.format {
        Format::Ics => ExportKind::Ics,
        Format::Csv => ExportKind::Csv,
        Format::Json => ExportKind::Json,
        Format::Html if args.pdf => ExportKind::Pdf,
        Format::Html => ExportKind::Html,
        Format::Bundle => ExportKind::Bundle,
    };
    let scope = match &case {
        Some(c) => Scope::Case(c.id),
        None => Scope::Upcoming(Local::now().date_naive()),
    };
    let target = match &args.output {
        Some(p) => p.clone(),
        None => {
            let stem = case.as_ref().map_or("upcoming", |c| c.slug.as_str());
            PathBuf::from(format!("{stem}.{}", kind.extension()))
        }
    };
    let exported = if target.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        export::export(store, kind, scope, Sink::Stream(&mut out))?
    } else {
        export::export(store, kind, scope, Sink::File(&target))?
    };
    if !exported.missing.is_empty() && !json {
        eprintln!(
            "Not in the library, so bundled without their PDF: {}",
            exported.missing.join("; ")
        );
    }
    if let Some(path) = &exported.path {
        if json {
            output::json(&serde_json::json!({ "written": path }))?;
        } else {
            eprintln!("Wrote {}", path.display());
        }
    }
    Ok(())
}

pub fn import_case(store: &mut Store, args: &ImportCaseArgs, json: bool) -> Result<()> {
    let unreadable =
        |e: std::io::Error| Error::invalid(format!("cannot read {}: {e}", args.file.display()));
    let head = casetrail_import::bundle::head(&args.file).map_err(|e| match e {
        Error::Io { source, .. } => unreadable(source),
        e => e,
    })?;
    let named = |e| match e {
        Error::Data(m) | Error::Invalid(m) => {
            Error::invalid(format!("{}: {m}", args.file.display()))
        }
        e => e,
    };
    let loaded = if casetrail_import::bundle::is_bundle(&head) {
        crate::bundle::import(store, &args.file, args.rename.as_deref()).map_err(named)?
    } else {
        let text = std::fs::read_to_string(&args.file).map_err(unreadable)?;
        let mut file = CaseFile::parse(&text).map_err(|e| named(e.into()))?;
        if let Some(key) = &args.rename {
            file.case.slug = key.clone();
        }
        casetrail_import::demo::load_file(store, &file).map_err(named)?
    };
    if !loaded.created {
        return Err(Error::invalid(format!(
            "a case with the key {:?} is already in this database; nothing was written. \
             Import it under another key with --rename NEWKEY (merging into an existing \
             case is not supported)",
            loaded.case.slug
        )));
    }
    if json {
        return output::json(&loaded);
    }
    println!(
        "Imported case #{} {} ({} proceedings, {} events).",
        loaded.case.id, loaded.case.name, loaded.proceedings, loaded.events
    );
    Ok(())
}
