//! `casetrail import` and `casetrail search`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use casetrail_import::{import_paths, FileStatus, ImportOptions, Progress};
use casetrail_model::HitKind;
use casetrail_store::search::DEFAULT_LIMIT;
use casetrail_store::Store;
use casetrail_store::{Error, Result};
use clap::Args;
use serde_json::json;

use crate::output::{self, clip};

/// Arguments of `casetrail import`.
#[derive(Args)]
pub struct ImportArgs {
    /// PDF files and folders (folders are searched for *.pdf).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Attach the documents to this case: id, key or a unique part of its name.
    #[arg(long)]
    case: Option<String>,
    /// Do not run OCR on pages without text (faster; they stay "needs OCR").
    #[arg(long)]
    no_ocr: bool,
}

/// Arguments of `casetrail search`.
#[derive(Args)]
pub struct SearchArgs {
    /// Words, "exact phrases", prefix*, and AND / OR / NOT.
    pub(crate) query: String,
    /// Only this case: id, key or a unique part of its name.
    #[arg(long)]
    pub(crate) case: Option<String>,
    /// How many hits.
    #[arg(long, default_value_t = DEFAULT_LIMIT)]
    limit: usize,
    /// Also save the search under this name (see `casetrail saved`).
    #[arg(long, value_name = "NAME")]
    pub(crate) save: Option<String>,
}

pub fn import(store: &mut Store, args: &ImportArgs, json: bool) -> Result<()> {
    let case = match &args.case {
        Some(key) => Some(store.find_case(key)?.id),
        None => None,
    };
    let db = store
        .path()
        .ok_or_else(|| Error::invalid("import needs a database file"))?
        .to_path_buf();
    let worker = std::env::current_exe().map_err(|e| Error::io("casetrail executable", e))?;
    let mut options = ImportOptions::beside_database(&db, worker);
    options.limits.ocr = !args.no_ocr;
    options.case = case;
    let draw = !json && std::io::stderr().is_terminal();
    let mut bar = |p: &Progress| {
        if draw {
            draw_bar(p);
        }
    };
    let cancel = AtomicBool::new(false);
    let outcomes = import_paths(store, &args.paths, &options, &mut bar, &cancel)?;
    if draw {
        eprint!("\r\x1b[2K");
    }
    if json {
        return output::json(&json!({ "files": outcomes }));
    }
    let count = |s: FileStatus| outcomes.iter().filter(|o| o.status == s).count();
    for o in &outcomes {
        match o.status {
            FileStatus::Imported => {
                let pages = o.pages.unwrap_or(0);
                let ocr = o.pages_needing_ocr.unwrap_or(0);
                let ocr_note = if ocr > 0 {
                    format!(", {ocr} need OCR")
                } else {
                    String::new()
                };
                let unit = if pages == 1 { "page" } else { "pages" };
                println!(
                    "imported   #{} {} ({pages} {unit}{ocr_note})",
                    id(o.document_id),
                    o.path
                );
            }
            FileStatus::Duplicate => {
                println!(
                    "duplicate  #{} {} (already imported)",
                    id(o.document_id),
                    o.path
                )
            }
            FileStatus::Failed => println!(
                "failed     {}: {}",
                o.path,
                o.error.as_deref().unwrap_or("unknown error")
            ),
        }
        for w in &o.warnings {
            println!("           note: {w}");
        }
    }
    println!(
        "{} imported, {} duplicates, {} failed.",
        count(FileStatus::Imported),
        count(FileStatus::Duplicate),
        count(FileStatus::Failed)
    );
    Ok(())
}

fn id(d: Option<casetrail_model::DocumentId>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
}

fn draw_bar(p: &Progress) {
    const WIDTH: usize = 30;
    let filled = (p.files_done * WIDTH)
        .checked_div(p.files_total)
        .unwrap_or(0);
    let current = p
        .current
        .as_ref()
        .and_then(|c| c.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "\r\x1b[2K[{}{}] {}/{} files, {} pages  {}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        p.files_done,
        p.files_total,
        p.pages_done,
        clip(&current, 40)
    );
    let _ = err.flush();
}

pub fn search(store: &Store, args: &SearchArgs, json: bool) -> Result<()> {
    let case = match &args.case {
        Some(key) => Some(store.find_case(key)?.id),
        None => None,
    };
    let hits = store.search(&args.query, case, args.limit)?;
    if json {
        return output::json(&json!({ "hits": hits }));
    }
    if hits.is_empty() {
        println!("No matches.");
    }
    for h in &hits {
        let place = match (h.document_id, h.page) {
            (Some(d), Some(p)) if h.kind == HitKind::Highlight => {
                format!("highlight on doc #{d} p.{p}")
            }
            (Some(d), Some(p)) => format!("doc #{d} p.{p}"),
            _ if h.kind == HitKind::Note => format!(
                "note #{}",
                h.note_id.map(|n| n.to_string()).unwrap_or_default()
            ),
            _ => format!(
                "event #{}",
                h.event_id.map(|e| e.to_string()).unwrap_or_default()
            ),
        };
        println!("{place}  {}", clip(&h.title, 60));
        println!("    {}", clip(&h.snippet, 100));
    }
    Ok(())
}
