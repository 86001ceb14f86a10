//! `casetrail redactions PATH...`: check PDFs for bad redactions without
//! importing them (the import runs the same check and keeps what it finds;
//! `casetrail documents --bad-redactions` lists that).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use casetrail_import::redactions::{check_files, FileCheck};
use casetrail_store::{Error, Result};
use clap::Args;
use serde_json::json;

use crate::output::{self, clip};

/// Arguments of `casetrail redactions`.
#[derive(Args)]
pub struct RedactionsArgs {
    /// PDF files and folders (folders are searched for *.pdf).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

pub fn check(args: &RedactionsArgs, json: bool) -> Result<()> {
    let worker = std::env::current_exe().map_err(|e| Error::io("casetrail executable", e))?;
    let checked = check_files(&args.paths, &worker, 0, &AtomicBool::new(false));
    if json {
        return output::json(&json!({ "files": checked }));
    }
    for file in &checked {
        print_file(file);
    }
    let flagged = checked
        .iter()
        .filter(|f| !f.bad_redactions.is_empty())
        .count();
    let failed = checked.iter().filter(|f| f.error.is_some()).count();
    println!(
        "{} checked, {flagged} with bad redactions, {failed} could not be read.",
        checked.len()
    );
    Ok(())
}

fn print_file(file: &FileCheck) {
    if let Some(error) = &file.error {
        println!("failed     {}: {error}", file.path);
        return;
    }
    if file.bad_redactions.is_empty() {
        let pages = file.pages.unwrap_or(0);
        println!("clean      {} ({pages} pages)", file.path);
        return;
    }
    let pages: Vec<String> = file.pages_flagged().iter().map(u32::to_string).collect();
    println!(
        "BAD        {}: {} bad redactions on page {}",
        file.path,
        file.bad_redactions.len(),
        pages.join(", ")
    );
    for found in &file.bad_redactions {
        let [x0, y0, x1, y1] = found.redaction.rect;
        println!(
            "           p. {:<4} [{x0:.0}, {y0:.0}, {x1:.0}, {y1:.0}]  {:?}",
            found.page,
            clip(found.redaction.text.trim(), 60)
        );
    }
}
