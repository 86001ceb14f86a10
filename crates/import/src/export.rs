//! Exports as files: a case (or every case's upcoming deadlines) rendered by
//! `casetrail-export`, gathered by the store, and written where the user
//! asked — by the CLI (`casetrail export`) and the app's Export menu alike.
//!
//! A file is written to a temporary name beside its target and renamed into
//! place, so a failed export leaves nothing behind and a reader never sees
//! half a file. A calendar records the `SEQUENCE` of each event in the same
//! transaction as the file is written: if writing fails, the store forgets
//! that export too. [`feed`] keeps one calendar file up to date for calendar
//! programs that subscribe to a file; [`pdf`] prints the report with headless
//! Chromium.

pub mod feed;
mod file;
pub mod pdf;

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use casetrail_export::ics;
use casetrail_model::CaseId;
use casetrail_store::{CalendarScope, Error, Library, Result, Store};

pub use file::{check_target, write_beside, write_file_beside};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ExportKind {
    /// A calendar (RFC 5545) of deadlines and hearings.
    Ics,
    /// The case's docket events, one row each (RFC 4180).
    Csv,
    /// The whole case as a `casetrail-case/1` file.
    Json,
    /// The timeline report: one self-contained HTML page.
    Html,
    /// The timeline report printed to PDF by headless Chromium.
    Pdf,
    /// The case with its PDFs and their text, as one zip.
    Bundle,
}

impl ExportKind {
    /// The file name extension of this kind of export.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Ics => "ics",
            ExportKind::Csv => "csv",
            ExportKind::Json => "json",
            ExportKind::Html => "html",
            ExportKind::Pdf => "pdf",
            ExportKind::Bundle => "zip",
        }
    }
}

/// What is exported: one case, or (a calendar only) every case's open
/// deadlines from a day on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Case(CaseId),
    Upcoming(NaiveDate),
}

/// Where the export goes.
pub enum Sink<'a> {
    /// A file, written beside and renamed into place.
    File(&'a Path),
    /// A stream (standard output), written as a whole once rendered.
    Stream(&'a mut dyn Write),
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Exported {
    /// The file written (none for a stream).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub path: Option<PathBuf>,
    /// Its size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// A bundle only: titles of documents whose PDF is not in the library
    /// (bundled with their metadata and text only).
    pub missing: Vec<String>,
}

/// Export `scope` as `kind` into `sink`. Bad input (a scope the kind does not
/// take, a target in a missing directory) is refused before anything is
/// gathered; nothing is left behind on failure.
pub fn export(
    store: &mut Store,
    kind: ExportKind,
    scope: Scope,
    sink: Sink<'_>,
) -> Result<Exported> {
    let case = match (kind, scope) {
        (_, Scope::Case(id)) => Some(id),
        (ExportKind::Ics, Scope::Upcoming(_)) => None,
        (_, Scope::Upcoming(_)) => {
            return Err(Error::invalid(
                "only a calendar exports every case's upcoming deadlines",
            ))
        }
    };
    if let Sink::File(target) = &sink {
        check_target(target)?;
    }
    if let Some(id) = case {
        store.case(id)?;
    }
    match (kind, case) {
        (ExportKind::Bundle, Some(id)) => bundle(store, id, sink),
        (ExportKind::Ics, _) => {
            let scope = match scope {
                Scope::Case(id) => CalendarScope::Case(id),
                Scope::Upcoming(day) => CalendarScope::Upcoming(day),
            };
            let source = store.calendar_source(scope, Utc::now())?;
            let mut events = ics::events(&source);
            let mut sink = sink;
            store.write(|w| {
                w.sequence_calendar(&mut events)?;
                put(&mut sink, ics::render(&source, &events).as_bytes())
            })
        }
        (kind, Some(id)) => {
            let record = store.case_record(id)?;
            let text = match kind {
                ExportKind::Csv => casetrail_export::csv::render(&record),
                ExportKind::Json => casetrail_export::case_file::render(&record),
                _ => casetrail_export::report::render(&record),
            };
            let mut sink = sink;
            if kind == ExportKind::Pdf {
                let label = match &sink {
                    Sink::File(p) => p.display().to_string(),
                    Sink::Stream(_) => "the report".into(),
                };
                put(&mut sink, &pdf::print(&text, &label)?)
            } else {
                put(&mut sink, text.as_bytes())
            }
        }
        (_, None) => unreachable!("only a calendar exports without a case"),
    }
}

/// Write `bytes` to the sink.
fn put(sink: &mut Sink<'_>, bytes: &[u8]) -> Result<Exported> {
    match sink {
        Sink::File(target) => {
            write_beside(target, bytes)?;
            Ok(written(Some(target), bytes.len(), Vec::new()))
        }
        Sink::Stream(out) => {
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("standard output", e))?;
            Ok(written(None, bytes.len(), Vec::new()))
        }
    }
}

fn written(path: Option<&Path>, bytes: usize, missing: Vec<String>) -> Exported {
    Exported {
        path: path.map(Path::to_path_buf),
        bytes: bytes as u64,
        missing,
    }
}

/// The case bundle, its PDFs from the library beside the database.
fn bundle(store: &Store, case: CaseId, sink: Sink<'_>) -> Result<Exported> {
    let db = store
        .path()
        .ok_or_else(|| Error::invalid("a case bundle needs a database file"))?;
    let library = Library::beside_database(db);
    match sink {
        Sink::Stream(out) => {
            let (bytes, packed) =
                crate::bundle::write(store, &library, case, Cursor::new(Vec::new()))?;
            let mut stream = Sink::Stream(out);
            let done = put(&mut stream, bytes.get_ref())?;
            Ok(Exported {
                missing: packed.missing,
                ..done
            })
        }
        Sink::File(target) => {
            let mut packed = None;
            write_file_beside(target, |file| {
                packed = Some(crate::bundle::write(store, &library, case, file)?.1);
                Ok(())
            })?;
            let bytes = std::fs::metadata(target).map(|m| m.len()).unwrap_or(0);
            Ok(Exported {
                path: Some(target.to_path_buf()),
                bytes,
                missing: packed.map(|p| p.missing).unwrap_or_default(),
            })
        }
    }
}
