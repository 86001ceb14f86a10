//! `casetrail export ics|csv|json|html|bundle CASE [-o FILE]` and `casetrail
//! import-case FILE [--rename KEY]`: the store gathers, `casetrail-export`
//! renders (a bundle is zipped by `casetrail_import::bundle`), this writes. A file is written to a temporary name beside the target and
//! renamed, so a failed export leaves nothing behind; `-o -` is stdout.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use casetrail_export::case_file::CaseFile;
use casetrail_export::ics;
use casetrail_store::{CalendarScope, Error, Result, Store};
use chrono::{Local, Utc};
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
    let ext = match (args.format, args.pdf) {
        (Format::Ics, _) => "ics",
        (Format::Csv, _) => "csv",
        (Format::Json, _) => "json",
        (Format::Html, false) => "html",
        (Format::Html, true) => "pdf",
        (Format::Bundle, _) => "zip",
    };
    let target = match &args.output {
        Some(p) => p.clone(),
        None => {
            let stem = case.as_ref().map_or("upcoming", |c| c.slug.as_str());
            PathBuf::from(format!("{stem}.{ext}"))
        }
    };
    let stdout = target.as_os_str() == "-";
    if !stdout {
        check_target(&target)?;
    }
    let write = |bytes: &[u8]| -> Result<()> {
        if stdout {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("standard output", e))
        } else {
            write_beside(&target, bytes)
        }
    };
    match (args.format, &case) {
        (Format::Ics, _) => {
            let scope = match &case {
                Some(c) => CalendarScope::Case(c.id),
                None => CalendarScope::Upcoming(Local::now().date_naive()),
            };
            let source = store.calendar_source(scope, Utc::now())?;
            let mut events = ics::events(&source);
            // The file is written inside the transaction that records the
            // sequences: if writing fails, the store forgets this export too.
            store.write(|w| {
                w.sequence_calendar(&mut events)?;
                write(ics::render(&source, &events).as_bytes())
            })?;
        }
        (Format::Bundle, Some(c)) => {
            let packed = crate::bundle::export(store, c.id, &target, stdout)?;
            if !packed.missing.is_empty() && !json {
                eprintln!(
                    "Not in the library, so bundled without their PDF: {}",
                    packed.missing.join("; ")
                );
            }
        }
        (format, Some(c)) => {
            let record = store.case_record(c.id)?;
            let text = match format {
                Format::Csv => casetrail_export::csv::render(&record),
                Format::Json => casetrail_export::case_file::render(&record),
                _ => casetrail_export::report::render(&record),
            };
            if args.pdf {
                write(&print_to_pdf(&text, &target)?)?;
            } else {
                write(text.as_bytes())?;
            }
        }
        (_, None) => unreachable!("only ics exports without a case"),
    }
    if !stdout {
        if json {
            output::json(&serde_json::json!({ "written": target }))?;
        } else {
            eprintln!("Wrote {}", target.display());
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

/// Refuse a target whose directory is missing or which is a directory,
/// before anything is gathered.
fn check_target(target: &Path) -> Result<()> {
    if target.is_dir() {
        return Err(Error::invalid(format!(
            "{} is a directory: give a file name",
            target.display()
        )));
    }
    let dir = parent(target);
    if !dir.is_dir() {
        return Err(Error::invalid(format!(
            "cannot write {}: the directory {} does not exist",
            target.display(),
            dir.display()
        )));
    }
    Ok(())
}

fn parent(target: &Path) -> &Path {
    target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Write to a temporary file beside `target`, then rename it into place.
fn write_beside(target: &Path, bytes: &[u8]) -> Result<()> {
    write_file_beside(target, |file| {
        file.write_all(bytes)
            .map_err(|e| Error::invalid(format!("cannot write {}: {e}", target.display())))
    })
}

/// Let `fill` write a temporary file beside `target`, then rename it into
/// place; on any failure the temporary file is removed.
pub(crate) fn write_file_beside(
    target: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> Result<()>,
) -> Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent(target).join(format!(".{name}.{}.tmp", std::process::id()));
    let unwritable =
        |e: std::io::Error| Error::invalid(format!("cannot write {}: {e}", target.display()));
    let result = std::fs::File::create(&tmp)
        .map_err(unwritable)
        .and_then(|mut file| fill(&mut file))
        .and_then(|()| std::fs::rename(&tmp, target).map_err(unwritable));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Chromium's executable on PATH, if installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// The report printed to PDF by headless Chromium, in a scratch folder beside the target.
fn print_to_pdf(html: &str, target: &Path) -> Result<Vec<u8>> {
    let exe = chromium().ok_or_else(|| {
        Error::invalid(
            "--pdf needs Chromium, which is not installed (Debian: apt install chromium); \
             `casetrail export html` writes the report for any browser to print",
        )
    })?;
    let scratch = std::env::temp_dir().join(format!("casetrail-pdf-{}", std::process::id()));
    let io = |e| Error::io(&scratch, e);
    std::fs::create_dir_all(&scratch).map_err(io)?;
    let page = scratch.join("report.html");
    let pdf = scratch.join("report.pdf");
    let result = (|| {
        std::fs::write(&page, html).map_err(io)?;
        let out = Command::new(&exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!(
                "--user-data-dir={}",
                scratch.join("profile").display()
            ))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .map_err(|e| Error::io(&exe, e))?;
        match std::fs::read(&pdf) {
            Ok(bytes) if out.status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
            _ => Err(Error::Data(format!(
                "Chromium did not print {} ({}): {}",
                target.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ))),
        }
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result
}
