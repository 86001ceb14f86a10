//! `cites`, `authorities` and `redetect`: what imported documents cite.

use casetrail_store::{Authority, CitingDocument, Result, Store};
use clap::Args;
use serde_json::json;

use crate::output::{self, clip};

/// Arguments of `casetrail cites`.
#[derive(Args)]
pub struct CitesArgs {
    /// The authority, however it is printed: "556 U.S. 662", "556 U. S. 662",
    /// "42 U.S.C. § 1983", "Fed. R. Civ. P. 12(b)(6)".
    citation: String,
}

/// Arguments of `casetrail authorities`.
#[derive(Args)]
pub struct AuthoritiesArgs {
    /// The case: its id, key or a unique part of its name.
    case: String,
}

/// Arguments of `casetrail redetect`.
#[derive(Args)]
pub struct RedetectArgs {
    /// Every document, not only those an older version of detection read.
    #[arg(long)]
    all: bool,
}

fn pages(d: &CitingDocument) -> String {
    let list: Vec<String> = d.pages.iter().map(u32::to_string).collect();
    format!("p. {}", list.join(", "))
}

pub fn cites(store: &Store, args: &CitesArgs, json: bool) -> Result<()> {
    let found = store.citing(&args.citation)?;
    if json {
        return output::json(&found);
    }
    let also: Vec<&String> = found
        .keys
        .iter()
        .filter(|k| **k != found.authority)
        .collect();
    let parallel = if also.is_empty() {
        String::new()
    } else {
        format!(
            " (also {})",
            also.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    if found.documents.is_empty() {
        println!("No imported document cites {}{parallel}.", found.authority);
        return Ok(());
    }
    println!(
        "{}{parallel}: cited {} times in {} documents",
        found.authority,
        found.citations.len(),
        found.documents.len()
    );
    for d in &found.documents {
        println!(
            "  #{:<5} {:<50} {}",
            d.document_id,
            clip(&d.title, 50),
            pages(d)
        );
    }
    Ok(())
}

/// The heading a kind of authority is listed under.
fn heading(kind: &str) -> &'static str {
    match kind {
        "case" => "Cases",
        "statute" | "public_law" => "Statutes",
        "regulation" => "Regulations",
        _ => "Rules",
    }
}

fn describe(a: &Authority) -> String {
    let mut s = String::new();
    if let Some(name) = &a.name {
        s.push_str(name);
        s.push_str(", ");
    }
    s.push_str(&a.authority);
    for p in &a.parallel {
        s.push_str(", ");
        s.push_str(p);
    }
    match (&a.court, a.year) {
        (Some(c), Some(y)) => s.push_str(&format!(" ({c} {y})")),
        (None, Some(y)) => s.push_str(&format!(" ({y})")),
        _ => {}
    }
    s
}

pub fn authorities(store: &Store, args: &AuthoritiesArgs, json: bool) -> Result<()> {
    let case = store.find_case(&args.case)?;
    let table = store.authorities(case.id)?;
    if json {
        return output::json(&json!({
            "case": { "id": case.id, "name": case.name },
            "authorities": table,
        }));
    }
    if table.is_empty() {
        println!("No citations in the documents of {}.", case.name);
        return Ok(());
    }
    println!("Table of authorities: {}", case.name);
    for section in ["Cases", "Statutes", "Regulations", "Rules"] {
        let rows: Vec<&Authority> = table
            .iter()
            .filter(|a| heading(&a.kind) == section)
            .collect();
        if rows.is_empty() {
            continue;
        }
        println!("\n{section}");
        for a in rows {
            println!("  {}  [{}x]", describe(a), a.count);
            for d in &a.documents {
                println!(
                    "      #{:<5} {:<44} {}",
                    d.document_id,
                    clip(&d.title, 44),
                    pages(d)
                );
            }
        }
    }
    Ok(())
}

pub fn redetect(store: &mut Store, args: &RedetectArgs, json: bool) -> Result<()> {
    let done = casetrail_import::redetect::redetect(store, args.all, &mut |r| {
        if !json {
            println!(
                "#{:<5} {:<50} {} citations{}",
                r.document_id,
                clip(&r.title, 50),
                r.citations,
                if r.metadata_changed {
                    ", metadata updated"
                } else {
                    ""
                }
            );
        }
    })?;
    if json {
        return output::json(&json!({ "documents": done }));
    }
    if done.is_empty() {
        println!("Every document was read by this version of detection; --all reads them again.");
    } else {
        let cites: usize = done.iter().map(|r| r.citations).sum();
        println!("Read {} documents again: {cites} citations.", done.len());
    }
    Ok(())
}
