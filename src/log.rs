//! `casetrail log`: the paralegal's quick path for a docket event.

use casetrail_model::{Certainty, EventDate, EventKind, NewEvent, Outcome, Side};
use casetrail_store::Store;
use casetrail_store::{Error, Result};
use clap::Args;

use crate::output;

/// Arguments of `casetrail log`.
#[derive(Args)]
pub struct LogArgs {
    /// The case: id, key or a unique part of its name.
    #[arg(long)]
    case: String,
    /// The proceeding: docket number, alias or court (optional when the case has one).
    #[arg(long)]
    proceeding: Option<String>,
    /// YYYY-MM-DD, or YYYY-MM when only the month is known.
    #[arg(long)]
    date: String,
    /// What happened: motion, brief, amicus_brief, ruling, stay, notice_of_appeal…
    #[arg(long)]
    kind: String,
    /// A one-line title ("Brief for Appellant").
    #[arg(long)]
    title: String,
    /// Longer description or the clerk's docket text.
    #[arg(long, default_value = "")]
    description: String,
    /// Docket entry number.
    #[arg(long)]
    entry: Option<String>,
    /// For rulings: granted, denied, affirmed, reversed, vacated_as_moot…
    #[arg(long)]
    outcome: Option<String>,
    /// For briefs: the side supported (petitioner, respondent, neither).
    #[arg(long)]
    side: Option<String>,
    /// Who filed it (repeatable).
    #[arg(long = "filer")]
    filers: Vec<String>,
    /// Where the fact comes from.
    #[arg(long, default_value = "")]
    source: String,
    /// confirmed, likely, inferred or unverified.
    #[arg(long, default_value = "confirmed")]
    certainty: String,
}

pub fn run(store: &mut Store, args: &LogArgs, json: bool) -> Result<()> {
    // Parse everything before touching the database, so bad input writes nothing.
    let date: EventDate = args.date.parse()?;
    let kind: EventKind = args.kind.parse()?;
    let outcome = args
        .outcome
        .as_deref()
        .map(str::parse::<Outcome>)
        .transpose()?;
    let side = args.side.as_deref().map(str::parse::<Side>).transpose()?;
    let certainty: Certainty = args.certainty.parse()?;
    let case = store.find_case(&args.case)?;
    let proceeding = match &args.proceeding {
        Some(key) => store.find_proceeding(case.id, key)?,
        None => {
            let all = store.proceedings(case.id)?;
            match <[_; 1]>::try_from(all) {
                Ok([one]) => one,
                Err(all) => {
                    return Err(Error::invalid(format!(
                        "case #{} has {} proceedings; say which with --proceeding ({})",
                        case.id,
                        all.len(),
                        all.iter()
                            .map(|p| format!("{} {}", p.court_id, p.docket_number))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )))
                }
            }
        }
    };
    let new = NewEvent {
        description: args.description.clone(),
        entry: args.entry.clone(),
        outcome,
        side,
        filers: args.filers.clone(),
        source: args.source.clone(),
        certainty,
        ..NewEvent::new(proceeding.id, date, kind, args.title.clone())
    };
    let event = store.add_event(&new)?;
    if json {
        return output::json(&event);
    }
    println!(
        "Logged event #{} on {} {}: {} {} {}",
        event.id, proceeding.court, proceeding.docket_number, event.date, event.kind, event.title
    );
    Ok(())
}
