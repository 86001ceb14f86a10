//! `demo`, `cases`, `timeline`, `add-case`, `add-proceeding`, `activity`.

use casetrail_model::{NewCase, NewProceeding};
use casetrail_store::Result;
use casetrail_store::Store;
use clap::Args;
use serde_json::json;

use crate::output::{self, clip};

pub fn demo(store: &mut Store, json: bool) -> Result<()> {
    let loaded = casetrail_import::demo::load(store)?;
    if json {
        return output::json(&loaded);
    }
    if loaded.created {
        println!(
            "Loaded the demo case #{} {} ({} proceedings, {} events).",
            loaded.case.id, loaded.case.name, loaded.proceedings, loaded.events
        );
    } else {
        println!(
            "The demo case is already loaded as #{} {}; nothing changed.",
            loaded.case.id, loaded.case.name
        );
    }
    println!("Try: casetrail timeline {}", loaded.case.slug);
    Ok(())
}

pub fn list(store: &Store, json: bool) -> Result<()> {
    let cases = store.cases()?;
    if json {
        return output::json(&json!({ "cases": cases }));
    }
    if cases.is_empty() {
        println!("No cases yet. Load the demo with: casetrail demo");
    }
    let news = store.news_counts()?;
    for c in cases {
        let new = match news.get(&c.id) {
            Some(n) => format!("  [{n} new on the docket: casetrail news {}]", c.slug),
            None => String::new(),
        };
        println!(
            "#{:<4} {:<24} {}  (updated {}){new}",
            c.id,
            c.slug,
            c.name,
            c.updated_at.format("%Y-%m-%d")
        );
    }
    Ok(())
}

pub fn timeline(store: &Store, key: &str, json: bool) -> Result<()> {
    let case = store.find_case(key)?;
    let t = store.timeline(case.id)?;
    if json {
        return output::json(&t);
    }
    println!("{} (#{}, {})", t.case.name, t.case.id, t.case.slug);
    for p in &t.proceedings {
        let from = p
            .appeal_from
            .and_then(|id| t.proceedings.iter().find(|q| q.id == id))
            .map(|q| format!(", on appeal from {} {}", q.court, q.docket_number))
            .unwrap_or_default();
        println!(
            "  {} {}  {}{}",
            p.court,
            p.docket_number,
            clip(&p.caption, 60),
            from
        );
    }
    println!();
    for e in &t.events {
        let ev = &e.event;
        let mut extra = Vec::new();
        if let Some(o) = ev.outcome {
            extra.push(o.label().to_owned());
        }
        if let Some(s) = &ev.stay {
            extra.push(match s.lifted_on {
                Some(d) => format!("stay lifted {d}"),
                None => "stay in effect".to_owned(),
            });
        }
        if let Some(side) = ev.side {
            extra.push(side.label().to_lowercase());
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" [{}]", extra.join("; "))
        };
        println!(
            "{:<10}  {:<14} {:<16} {}{}",
            ev.date.to_string(),
            clip(&e.court, 14),
            ev.kind.as_str(),
            clip(&ev.title, 90),
            extra
        );
    }
    Ok(())
}

/// Arguments of `casetrail add-case`.
#[derive(Args)]
pub struct AddCaseArgs {
    /// Short key: lowercase letters, digits, dashes ("acme-v-roe").
    #[arg(long)]
    key: String,
    /// The name people use for the case.
    #[arg(long)]
    name: String,
    /// What the dispute is about.
    #[arg(long, default_value = "")]
    summary: String,
}

pub fn add_case(store: &mut Store, args: &AddCaseArgs, json: bool) -> Result<()> {
    let case = store.add_case(&NewCase {
        slug: args.key.clone(),
        name: args.name.clone(),
        summary: args.summary.clone(),
    })?;
    if json {
        return output::json(&case);
    }
    println!("Created case #{} {} ({})", case.id, case.name, case.slug);
    Ok(())
}

/// Arguments of `casetrail edit-case`.
#[derive(Args)]
pub struct EditCaseArgs {
    /// The case: id, key or a unique part of its name.
    case: String,
    /// A new key.
    #[arg(long)]
    key: Option<String>,
    /// A new name.
    #[arg(long)]
    name: Option<String>,
    /// A new summary.
    #[arg(long)]
    summary: Option<String>,
}

pub fn edit_case(store: &mut Store, args: &EditCaseArgs, json: bool) -> Result<()> {
    let before = store.find_case(&args.case)?;
    let case = store.update_case(
        before.id,
        &NewCase {
            slug: args.key.clone().unwrap_or(before.slug),
            name: args.name.clone().unwrap_or(before.name),
            summary: args.summary.clone().unwrap_or(before.summary),
        },
    )?;
    if json {
        return output::json(&case);
    }
    println!("Case #{} {} ({})", case.id, case.name, case.slug);
    Ok(())
}

/// Arguments of `casetrail add-proceeding`.
#[derive(Args)]
pub struct AddProceedingArgs {
    /// The case: id, key or a unique part of its name.
    #[arg(long)]
    case: String,
    /// The court: a courts-db id (nysd, ca2, scotus) or its citation form (S.D.N.Y.).
    #[arg(long)]
    court: String,
    /// The docket number as the court writes it.
    #[arg(long)]
    docket: String,
    /// Other numbers the docket goes by (repeatable).
    #[arg(long = "alias")]
    aliases: Vec<String>,
    /// The caption.
    #[arg(long, default_value = "")]
    caption: String,
    /// The proceeding this one appeals from (docket number or court of the same case).
    #[arg(long)]
    appeal_from: Option<String>,
}

pub fn add_proceeding(store: &mut Store, args: &AddProceedingArgs, json: bool) -> Result<()> {
    let case = store.find_case(&args.case)?;
    let new = NewProceeding {
        court_id: args.court.clone(),
        docket_number: args.docket.clone(),
        docket_aliases: args.aliases.clone(),
        caption: args.caption.clone(),
        opened_on: None,
        closed_on: None,
    };
    let p = store.write(|w| {
        let from = args
            .appeal_from
            .as_deref()
            .map(|key| w.find_proceeding(case.id, key))
            .transpose()?;
        let p = w.add_proceeding(case.id, &new)?;
        if let Some(from) = from {
            w.link_appeal(p.id, from.id, None)?;
        }
        Ok(p)
    })?;
    let p = store.proceeding(p.id)?;
    if json {
        return output::json(&p);
    }
    println!(
        "Opened proceeding #{} {} {} in case #{} {}",
        p.id, p.court, p.docket_number, case.id, case.name
    );
    Ok(())
}

pub fn activity(store: &Store, limit: usize, json: bool) -> Result<()> {
    let entries = store.activity(limit)?;
    if json {
        return output::json(&json!({ "activity": entries }));
    }
    for a in entries {
        println!(
            "{}  {:<6} {:<6} {} #{}  {}",
            a.at.format("%Y-%m-%d %H:%M:%S"),
            a.actor,
            a.op.as_str(),
            a.entity,
            a.entity_id,
            clip(&a.changes.to_string(), 80)
        );
    }
    Ok(())
}
