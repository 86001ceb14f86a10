//! `deadline`, `rules`, `deadlines`: court deadlines that explain themselves.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use casetrail_deadline::{
    compute, day_label, parse_date, Calendar, Computation, Counting, DeadlineId, DeadlineStatus,
    Direction, Period, RuleOptions, RuleSet, Service, System,
};
use casetrail_store::Store;
use casetrail_store::{Error, Result};
use chrono::{NaiveDate, NaiveTime};
use clap::Args;
use serde_json::json;

use crate::output::{self, clip};

/// Arguments of `casetrail deadline`.
#[derive(Args)]
pub struct DeadlineArgs {
    /// The trigger date (for --before: the date of the event), YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: String,
    /// A period of N days (not with --rule).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    days: Option<i64>,
    /// A period of N hours, from the time given with --at (not with --rule).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    hours: Option<i64>,
    /// Time of the trigger for --hours, HH:MM (default 00:00).
    #[arg(long, value_name = "HH:MM")]
    at: Option<String>,
    /// The period is measured before the event ("at least N days before").
    #[arg(long)]
    before: bool,
    /// Count court days, not calendar days (state systems: "16 court days before the hearing").
    #[arg(long)]
    court_days: bool,
    /// The trigger is service of a paper made this way: mail, electronic, personal,
    /// clerk, consented, or summons (FRCP 4); for a state system personal, mail,
    /// mail-out-of-state, electronic, overnight or substituted (those it has).
    #[arg(long, value_name = "METHOD")]
    service: Option<String>,
    /// The court whose calendar applies (state holidays, D.C. Inauguration Day):
    /// mad, nysd, ca2, dcd, scotus…
    #[arg(long, value_name = "ID")]
    court: Option<String>,
    /// Also count the state holidays of this court (FRAP 26(a)(6)(C): the district
    /// court that rendered the judgment, besides the circuit clerk's office).
    #[arg(long, value_name = "ID")]
    district: Option<String>,
    /// Counting rules: frcp, frap or scotus, or a state's courts: ca, ny, tx, fl, il
    /// (default from --court, else frcp). With --rule: the system the rule must belong to.
    #[arg(long, value_name = "SYSTEM")]
    system: Option<String>,
    /// Compute the deadline a rule sets, by its citation ("FRAP 4(a)(1)(B)").
    #[arg(long, value_name = "CITATION")]
    rule: Option<String>,
    /// The United States (or its agency, officer or employee) is a party.
    #[arg(long)]
    us_party: bool,
    /// For a rule with several periods: which one (FRAP 31(a)(1): appellant, appellee, reply).
    #[arg(long, value_name = "KEY")]
    part: Option<String>,
    /// Date of the judgment's entry, for "whichever ends later" rules (FRAP 4(a)(3)).
    #[arg(long, value_name = "YYYY-MM-DD")]
    entry: Option<String>,
    /// Date of the later event a cap is measured from (oral argument, FRAP 31(a)(1) reply).
    #[arg(long, value_name = "YYYY-MM-DD")]
    event: Option<String>,
    /// A day the clerk's office was inaccessible (repeatable), FRCP 6(a)(3).
    #[arg(long = "inaccessible", value_name = "YYYY-MM-DD")]
    inaccessible: Vec<String>,
    /// Do not treat days closed by presidential order as legal holidays.
    #[arg(long)]
    no_closures: bool,
    /// Count under the former (pre-Dec 1, 2009) rule: periods under 11 days skip weekends and holidays.
    #[arg(long)]
    pre_2009: bool,
    /// Also load the rule files (*.toml) in this directory.
    #[arg(long, value_name = "DIR", env = "CASETRAIL_RULES_DIR")]
    rules_dir: Option<PathBuf>,
}

/// Arguments of `casetrail rules`.
#[derive(Args)]
pub struct RulesArgs {
    /// Only the rules of this system: frcp, frap, scotus, ca, ny, tx, fl or il.
    #[arg(long, value_name = "SYSTEM")]
    system: Option<String>,
    /// Also load the rule files (*.toml) in this directory.
    #[arg(long, value_name = "DIR", env = "CASETRAIL_RULES_DIR")]
    rules_dir: Option<PathBuf>,
}

/// Arguments of `casetrail deadlines`.
#[derive(Args)]
pub struct DeadlinesArgs {
    /// The case: id, key or a unique part of its name (default: every case).
    #[arg(long)]
    case: Option<String>,
}

fn rule_set(dir: Option<&PathBuf>) -> Result<RuleSet> {
    let bundled = RuleSet::bundled()?;
    Ok(match dir {
        // A broken user file is the user's to fix: report it as bad input (exit 2).
        Some(d) => bundled.merge(RuleSet::from_user_files(&read_rules_dir(d)?).map_err(
            |e| match e {
                casetrail_model::Error::Data(msg) => Error::Invalid(msg),
                other => other.into(),
            },
        )?),
        None => bundled,
    })
}

/// Every `*.toml` file in `dir`, in name order, as `(path, text)`.
fn read_rules_dir(dir: &Path) -> Result<Vec<(String, String)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

fn date_arg(name: &str, value: &str) -> Result<NaiveDate> {
    parse_date(value).map_err(|e| Error::invalid(format!("--{name}: {e}")))
}

fn calendar(args: &DeadlineArgs, system: Option<System>) -> Result<Calendar> {
    let mut cal = match (&args.court, system) {
        (Some(c), _) => Calendar::for_court(c).map_err(|e| Error::invalid(e.to_string()))?,
        (None, Some(s)) => Calendar::for_system(s),
        (None, None) => Calendar::federal(),
    };
    if let (Some(s), Some(c)) = (system.filter(|s| s.is_state()), &args.court) {
        if cal.state_system() != Some(s) {
            return Err(Error::invalid(format!(
                "--court {c} is not a court of the {} system",
                s.code()
            )));
        }
    }
    if let Some(d) = &args.district {
        cal = cal
            .with_states_of(d)
            .map_err(|e| Error::invalid(e.to_string()))?;
    }
    if args.no_closures {
        cal = cal.without_presidential_closures();
    }
    for d in &args.inaccessible {
        cal = cal.with_inaccessible(
            date_arg("inaccessible", d)?,
            "clerk's office inaccessible (given with --inaccessible)",
        );
    }
    Ok(cal)
}

/// `casetrail deadline`: compute one deadline and show its steps.
pub fn deadline(args: &DeadlineArgs, json: bool) -> Result<()> {
    let from = date_arg("from", &args.from)?;
    let service = args.service.as_deref().map(Service::from_str).transpose()?;
    let system = args.system.as_deref().map(System::from_str).transpose()?;
    let cal = calendar(args, system)?;
    let c = match (&args.rule, args.days, args.hours) {
        (Some(rule), None, None) => {
            if args.before || args.pre_2009 || args.court_days || args.at.is_some() {
                return Err(Error::invalid(
                    "--before, --court-days, --at and --pre-2009 describe a plain period; a rule sets its own",
                ));
            }
            let rules = rule_set(args.rules_dir.as_ref())?;
            let found = rules.get(rule)?;
            if let Some(s) = system.filter(|s| *s != found.system) {
                return Err(Error::invalid(format!(
                    "{} is a rule of the {} system, not {}",
                    found.citation,
                    found.system.code(),
                    s.code()
                )));
            }
            // A state rule counts on its state's calendar unless the court given is one of its courts.
            let own;
            let cal = if found.system.is_state() && cal.state_system() != Some(found.system) {
                own = Calendar::for_system(found.system);
                &own
            } else {
                &cal
            };
            let opts = RuleOptions {
                us_party: args.us_party,
                service,
                part: args.part.clone(),
                entry: args
                    .entry
                    .as_deref()
                    .map(|d| date_arg("entry", d))
                    .transpose()?,
                event: args
                    .event
                    .as_deref()
                    .map(|d| date_arg("event", d))
                    .transpose()?,
            };
            found.compute(cal, from, &opts)?
        }
        (None, Some(_), Some(_)) | (Some(_), _, _) => {
            return Err(Error::invalid("give one of --days, --hours or --rule"));
        }
        (None, None, None) => {
            return Err(Error::invalid(
                "give --days N, --hours N or --rule CITATION",
            ));
        }
        (None, days, hours) => {
            if args.us_party || args.part.is_some() || args.entry.is_some() || args.event.is_some()
            {
                return Err(Error::invalid(
                    "--us-party, --part, --entry and --event go with --rule",
                ));
            }
            let system = system.unwrap_or_else(|| cal.system());
            let mut p = match (days, hours) {
                (Some(n), _) if args.before => Period::days_before(from, n),
                (Some(n), _) => Period::days_after(from, n),
                (None, n) => {
                    let at = match &args.at {
                        Some(t) => NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| {
                            Error::invalid(format!("--at: '{t}' is not a time: write HH:MM"))
                        })?,
                        None => NaiveTime::MIN,
                    };
                    let mut p = Period::hours_after(from, at, n.unwrap_or_default());
                    if args.before {
                        p.direction = Direction::Before;
                    }
                    p
                }
            }
            .under(system);
            if args.court_days {
                if hours.is_some() {
                    return Err(Error::invalid("--court-days counts days: give --days N"));
                }
                p.unit = casetrail_deadline::Unit::CourtDays;
            }
            p.service = service;
            if args.pre_2009 {
                p = p.counting(Counting::Pre2009);
            }
            compute(&cal, &p)?
        }
    };
    if json {
        return output::json(&c);
    }
    print_computation(&c);
    Ok(())
}

fn print_computation(c: &Computation) {
    let when = match c.due_time {
        Some(t) => format!("{} {}", day_label(c.due), t.format("%H:%M")),
        None => day_label(c.due),
    };
    match &c.rule {
        Some(r) => println!("Due {when}  ({r})"),
        None => println!("Due {when}"),
    }
    println!("{c}");
    println!();
    print!("{}", c.render_steps());
}

/// `casetrail rules`: list the rules.
pub fn rules(args: &RulesArgs, json: bool) -> Result<()> {
    let rules = rule_set(args.rules_dir.as_ref())?;
    let system = args.system.as_deref().map(System::from_str).transpose()?;
    let wanted = |r: &&casetrail_deadline::Rule| system.map_or(true, |s| r.system == s);
    if json {
        let list: Vec<_> = rules.iter().filter(wanted).collect();
        return output::json(&json!({ "rules": list }));
    }
    for r in rules.iter().filter(wanted) {
        let periods: Vec<String> = r
            .periods
            .iter()
            .map(|p| {
                let rel = match p.direction {
                    Direction::After => "after",
                    Direction::Before => "before",
                };
                let label = p
                    .key
                    .as_deref()
                    .map(|k| format!("{k}: "))
                    .unwrap_or_default();
                let variants: String = p
                    .variants
                    .iter()
                    .map(|v| format!(" ({} {} if the U.S. is a party)", v.amount, p.unit))
                    .collect();
                format!(
                    "{label}{} {} {rel} {}{variants}",
                    p.amount, p.unit, p.trigger
                )
            })
            .collect();
        println!("{:<22} {}", r.citation, r.name);
        for p in periods {
            println!("{:<22}   {}", "", clip(&p, 110));
        }
    }
    Ok(())
}

/// `casetrail deadlines`: a case's deadlines, soonest first.
pub fn deadlines(store: &Store, args: &DeadlinesArgs, json: bool) -> Result<()> {
    let case = args
        .case
        .as_deref()
        .map(|c| store.find_case(c))
        .transpose()?;
    let list = store.deadlines(case.as_ref().map(|c| c.id))?;
    if json {
        return output::json(&json!({ "deadlines": list }));
    }
    if list.is_empty() {
        println!("No deadlines.");
    }
    for d in &list {
        println!(
            "#{:<4} {}  {:<10} {}  [{}]",
            d.id,
            day_label(d.due),
            d.status.as_str(),
            clip(&d.title, 70),
            d.basis()
        );
        if let Some(c) = &d.computation {
            println!("       {}", c);
        }
    }
    Ok(())
}

/// Arguments of `casetrail deadline-set`.
#[derive(Args)]
pub struct DeadlineSetArgs {
    /// The deadline id (see `casetrail deadlines`).
    id: i64,
    /// open, done, missed or superseded.
    #[arg(long)]
    status: Option<String>,
    /// A court-ordered due date (YYYY-MM-DD); it overrides the computed one.
    #[arg(long, conflicts_with = "clear_order")]
    ordered: Option<String>,
    /// What the order says ("Scheduling order, Dkt. 52").
    #[arg(long, default_value = "", requires = "ordered")]
    note: String,
    /// Drop the court-ordered date: the computed date counts again.
    #[arg(long)]
    clear_order: bool,
}

/// Mark a deadline done (or open, missed, superseded), or record a court-ordered date.
pub fn deadline_set(store: &mut Store, args: &DeadlineSetArgs, json: bool) -> Result<()> {
    // Parse everything first, so bad input writes nothing.
    let status = args
        .status
        .as_deref()
        .map(str::parse::<DeadlineStatus>)
        .transpose()?;
    let ordered = args
        .ordered
        .as_deref()
        .map(|d| date_arg("ordered", d))
        .transpose()?;
    if status.is_none() && ordered.is_none() && !args.clear_order {
        return Err(Error::invalid(
            "say what to change: --status, --ordered DATE or --clear-order",
        ));
    }
    let id = DeadlineId(args.id);
    let mut d = store.deadline(id)?;
    store.write(|w| {
        if ordered.is_some() || args.clear_order {
            d = w.order_deadline(id, ordered, &args.note)?;
        }
        if let Some(s) = status {
            d = w.set_deadline_status(id, s)?;
        }
        Ok(())
    })?;
    if json {
        return output::json(&d);
    }
    println!(
        "#{} {}  {}  {}  [{}]",
        d.id,
        day_label(d.due),
        d.status.as_str(),
        clip(&d.title, 70),
        d.basis()
    );
    Ok(())
}
