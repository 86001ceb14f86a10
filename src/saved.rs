//! `casetrail search … --save NAME` and `casetrail saved [NAME]`.

use casetrail_store::Result;
use casetrail_store::Store;
use clap::Args;
use serde_json::json;

use crate::import::{self, SearchArgs};
use crate::output::{self, clip};

/// Arguments of `casetrail saved`.
#[derive(Args)]
pub struct SavedArgs {
    /// Show this saved search's hits (new ones marked) and mark them seen.
    name: Option<String>,
    /// Delete the saved search NAME instead.
    #[arg(long, requires = "name")]
    delete: bool,
}

/// `casetrail search`: save the search first when `--save` is given (so a bad
/// name or query prints nothing), then print its hits as a plain search does.
pub fn search(store: &mut Store, args: &SearchArgs, json: bool) -> Result<()> {
    let saved = match &args.save {
        Some(name) => {
            let case = match &args.case {
                Some(key) => Some(store.find_case(key)?.id),
                None => None,
            };
            Some(store.save_search(name, &args.query, case)?)
        }
        None => None,
    };
    import::search(store, args, json)?;
    if let Some(saved) = saved {
        // stdout stays one JSON document with --json.
        let note = format!("Saved as \"{}\" (#{}).", saved.name, saved.id);
        if json {
            eprintln!("{note}");
        } else {
            println!("{note}");
        }
    }
    Ok(())
}

/// `casetrail saved [NAME] [--delete]`.
pub fn saved(store: &mut Store, args: &SavedArgs, json: bool) -> Result<()> {
    let Some(name) = &args.name else {
        let list = store.saved_searches()?;
        if json {
            return output::json(&json!({ "saved": list }));
        }
        if list.is_empty() {
            println!("No saved searches.");
        }
        for s in &list {
            println!(
                "{}  {}  {} new",
                clip(&s.search.name, 40),
                clip(&s.search.query, 50),
                s.new_hits
            );
        }
        return Ok(());
    };
    let found = store.find_saved_search(name)?;
    if args.delete {
        store.delete_saved_search(found.id)?;
        if json {
            return output::json(&json!({ "deleted": found }));
        }
        println!("Deleted \"{}\".", found.name);
        return Ok(());
    }
    let run = store.mark_saved_search_seen(found.id)?;
    if json {
        return output::json(&run);
    }
    println!(
        "{} ({}): {} hit{}, {} new",
        run.search.name,
        run.search.query,
        run.hits.len(),
        if run.hits.len() == 1 { "" } else { "s" },
        run.new_hits
    );
    for h in &run.hits {
        let place = match (h.document_id, h.page) {
            (Some(d), Some(p)) => format!("doc #{d} p.{p}"),
            _ => format!(
                "event #{}",
                h.event_id.map(|e| e.to_string()).unwrap_or_default()
            ),
        };
        let mark = if h.new { "NEW " } else { "    " };
        println!("{mark}{place}  {}", clip(&h.title, 60));
        println!("        {}", clip(&h.snippet, 100));
    }
    Ok(())
}
