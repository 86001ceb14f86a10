//! `casetrail import-docket` and `casetrail news`.

use std::path::PathBuf;

use casetrail_import::docket::{import_docket_files, DocketFileOutcome};
use casetrail_model::{DocketImport, EntryStatus, NewsChange};
use casetrail_store::{DocketOptions, Error, Result, Store};
use clap::Args;
use serde_json::json;

use crate::output::{self, clip};

/// Arguments of `casetrail import-docket`.
#[derive(Args)]
pub struct ImportDocketArgs {
    /// Docket files: PACER docket reports (HTML), ACMS, CourtListener or
    /// supremecourt.gov JSON, PACER RSS feeds. The format is read from the content.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Put new proceedings in this case: id, key or a unique part of its name.
    #[arg(long)]
    case: Option<String>,
    /// Parse and report what would change; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Only update dockets already in Casetrail (for RSS feeds: the cases you follow).
    #[arg(long)]
    follow_only: bool,
}

/// Arguments of `casetrail news`.
#[derive(Args)]
pub struct NewsArgs {
    /// Only this case: id, key or a unique part of its name.
    case: Option<String>,
    /// Mark what is listed as seen.
    #[arg(long)]
    seen: bool,
}

pub fn import(store: &mut Store, args: &ImportDocketArgs, json: bool) -> Result<()> {
    let case = match &args.case {
        Some(key) => Some(store.find_case(key)?.id),
        None => None,
    };
    let options = DocketOptions {
        case,
        follow_only: args.follow_only,
        dry_run: args.dry_run,
    };
    let outcomes = import_docket_files(store, &args.files, &options);
    let failed = outcomes.iter().filter(|o| o.failed()).count();
    if json {
        output::json(&json!({ "files": outcomes }))?;
    } else {
        for o in &outcomes {
            print_outcome(o, args.dry_run);
        }
    }
    if failed > 0 {
        return Err(Error::invalid(format!(
            "{failed} of {} docket files could not be imported; nothing of {} was written",
            outcomes.len(),
            if failed == 1 { "it" } else { "them" }
        )));
    }
    Ok(())
}

fn print_outcome(o: &DocketFileOutcome, dry_run: bool) {
    match o {
        DocketFileOutcome::Failed { file, error } => println!("failed     {file}: {error}"),
        DocketFileOutcome::Imported {
            file,
            format,
            dockets,
        } => {
            let verb = if dry_run { "would import" } else { "imported" };
            println!("{verb} {file} ({format})");
            if dockets.is_empty() {
                println!("  no docket followed in Casetrail (--follow-only)");
            }
            for d in dockets {
                print_docket(d, dry_run);
            }
        }
    }
}

fn print_docket(d: &DocketImport, dry_run: bool) {
    let made = match (d.created_case, d.created_proceeding) {
        (true, _) => format!("new case #{}", d.case_id),
        (false, true) => format!("new proceeding in case #{}", d.case_id),
        (false, false) => format!("proceeding #{} of case #{}", d.proceeding_id, d.case_id),
    };
    println!(
        "  {} {} {}: {}",
        d.court,
        d.docket_number,
        clip(&d.case_name, 60),
        made
    );
    let would = if dry_run { "would be " } else { "" };
    println!(
        "    {} entries {would}added, {} {would}changed, {} unchanged; {} parties",
        d.added,
        d.updated,
        d.unchanged,
        d.parties.len()
    );
    for e in d
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Updated)
    {
        println!(
            "    changed  {} {} {}",
            e.date_filed,
            e.number.as_deref().unwrap_or("-"),
            clip(&e.description, 70)
        );
    }
    if let Some(o) = &d.originating {
        match &d.appeal_of {
            Some(a) => println!(
                "    appeal from {} {}: linked to proceeding #{}",
                o.court, o.docket_number, a.proceeding_id
            ),
            None => println!(
                "    appeal from {} {}, which is not in Casetrail: import that docket (or add it with \
                 `casetrail add-proceeding --case {} --court {} --docket {}`) to link the appeal",
                o.court,
                o.docket_number,
                d.case_id,
                o.court,
                o.docket_number.split([',', ';']).next().unwrap_or("").trim()
            ),
        }
    }
    for p in &d.appeals_linked {
        println!("    linked as the lower court of proceeding #{p}");
    }
}

pub fn news(store: &mut Store, args: &NewsArgs, json: bool) -> Result<()> {
    let case = match &args.case {
        Some(key) => Some(store.find_case(key)?.id),
        None => None,
    };
    let items = store.news(case)?;
    if args.seen {
        store.mark_news_seen(case)?;
    }
    if json {
        return output::json(&json!({ "news": items, "marked_seen": args.seen }));
    }
    if items.is_empty() {
        println!("Nothing new.");
        return Ok(());
    }
    let mut last = None;
    for n in &items {
        if last != Some(n.proceeding_id) {
            println!("{} — {} {}", n.case_name, n.court, n.docket_number);
            last = Some(n.proceeding_id);
        }
        let change = match n.change {
            NewsChange::Added => "new    ",
            NewsChange::Updated => "changed",
        };
        println!(
            "  {change} {} {:>5} {}",
            n.date,
            n.entry.as_deref().unwrap_or("-"),
            clip(&n.title, 70)
        );
        if let Some(old) = &n.old_text {
            println!("          was: {}", clip(old, 70));
        }
    }
    if args.seen {
        println!("{} marked seen.", items.len());
    } else {
        println!(
            "{} new or changed; `casetrail news --seen` marks them seen.",
            items.len()
        );
    }
    Ok(())
}
