//! The state court systems (California, New York, Texas, Florida, Illinois):
//! how each counts a period and what each method of service adds, read from
//! the `[counting]` and `[[service]]` tables of its rule file
//! (`assets/rules/<state>.toml`), and its court holidays
//! ([`holidays`], `assets/calendar/state_courts.toml`). The counting itself is
//! [`count`].

pub(crate) mod count;
pub(crate) mod courts;
pub(crate) mod holidays;
mod steps;

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::period::{Service, System, STATE_SYSTEMS};
use crate::{parse_date, Error, Result};

/// When a service extension is added: to the count's last day before it is
/// rolled (one longer period: CPLR 2103(b), TRCP 21a(c), CCP 1013(a) as
/// practised), or after the roll (count, roll, add, roll: Fla. 2.514(b)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Order {
    #[default]
    BeforeRoll,
    AfterRoll,
}

/// What one method of service does to a period in one state.
#[derive(Debug, Clone)]
pub(crate) struct ServiceRule {
    pub kind: Service,
    pub name: String,
    /// Calendar days added.
    pub days: i64,
    /// Court (business) days added.
    pub court_days: i64,
    /// Service is complete this many days after the trigger; the period runs from then.
    pub complete_after: i64,
    pub order: Order,
    /// Whether the extension also lengthens periods counted back from an event.
    pub backward: bool,
    pub backward_order: Order,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub cite: String,
    pub note: Option<String>,
}

impl ServiceRule {
    /// Does this rule add time (or move the trigger)?
    pub fn extends(&self) -> bool {
        self.days != 0 || self.court_days != 0 || self.complete_after != 0
    }
}

/// How a state counts: the `[counting]` table of its rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Counting {
    pub system: String,
    pub name: String,
    pub exclude: String,
    pub count: String,
    pub roll: String,
    pub holiday: String,
    pub backward: String,
    #[serde(default)]
    pub backward_roll_note: Option<String>,
    #[serde(default)]
    pub court_days: Option<String>,
    #[serde(default)]
    pub short_min: Option<i64>,
    #[serde(default)]
    pub short_max: Option<i64>,
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub short_note: Option<String>,
    #[serde(default)]
    pub court_days_note: Option<String>,
    #[serde(default)]
    pub start_next_business_day: Option<String>,
    #[serde(default)]
    pub start: Option<String>,
    pub service: String,
    #[serde(skip)]
    pub start_from: Option<NaiveDate>,
    #[serde(skip)]
    pub services: Vec<ServiceRule>,
}

impl Counting {
    /// Is a period of `n` days a short one that skips weekends and holidays?
    pub fn is_short(&self, n: i64) -> bool {
        match (self.short_min, self.short_max) {
            (Some(lo), Some(hi)) => (lo..=hi).contains(&n),
            _ => false,
        }
    }

    /// The service rule for `kind` on `served`, or an error naming the kinds
    /// this state has.
    pub fn service_rule(&self, kind: Service, served: NaiveDate) -> Result<&ServiceRule> {
        let mut known = false;
        for s in self.services.iter().filter(|s| s.kind == kind) {
            known = true;
            let after_start = s.from.map_or(true, |f| served >= f);
            let before_end = s.until.map_or(true, |u| served <= u);
            if after_start && before_end {
                return Ok(s);
            }
        }
        let mut kinds: Vec<&str> = self.services.iter().map(|s| s.kind.as_str()).collect();
        kinds.dedup();
        if known {
            return Err(Error::invalid(format!(
                "{}: service '{}' is not a method its rules know on {served}",
                self.name,
                kind.as_str()
            )));
        }
        Err(Error::invalid(format!(
            "{} has no service kind '{}': its kinds are {}",
            self.name,
            kind.as_str(),
            kinds.join(", ")
        )))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    kind: String,
    name: String,
    #[serde(default)]
    days: i64,
    #[serde(default)]
    court_days: i64,
    #[serde(default)]
    complete_after: i64,
    #[serde(default)]
    order: Order,
    #[serde(default)]
    backward: bool,
    #[serde(default)]
    backward_order: Option<Order>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    until: Option<String>,
    cite: String,
    #[serde(default)]
    note: Option<String>,
}

/// The parts of a rule file this module reads (the rules are `rules::load`'s).
#[derive(Deserialize)]
struct RawFile {
    counting: Option<Counting>,
    #[serde(default)]
    service: Vec<RawService>,
}

fn date_field(file: &str, what: &str, v: &Option<String>) -> Result<Option<NaiveDate>> {
    v.as_deref()
        .map(|d| parse_date(d).map_err(|e| Error::Data(format!("{file}: {what}: {e}"))))
        .transpose()
}

fn parse(file: &str, text: &str) -> Result<Option<Counting>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| Error::Data(format!("{file}: {e}")))?;
    let Some(mut c) = raw.counting else {
        if raw.service.is_empty() {
            return Ok(None);
        }
        return Err(Error::Data(format!(
            "{file}: `[[service]]` tables need a `[counting]` table"
        )));
    };
    c.start_from = date_field(
        file,
        "counting.start_next_business_day",
        &c.start_next_business_day,
    )?;
    for (i, s) in raw.service.into_iter().enumerate() {
        let at = |field: &str, msg: &str| {
            Error::Data(format!(
                "{file}: service #{} ({}): field `{field}`: {msg}",
                i + 1,
                s.kind
            ))
        };
        let kind = Service::from_str(&s.kind).map_err(|e| at("kind", &e.to_string()))?;
        if s.days < 0 || s.court_days < 0 || s.complete_after < 0 {
            return Err(at("days", "must not be negative"));
        }
        if [s.days, s.court_days, s.complete_after]
            .iter()
            .filter(|n| **n > 0)
            .count()
            > 1
        {
            return Err(at(
                "days",
                "give one of `days`, `court_days` or `complete_after`",
            ));
        }
        c.services.push(ServiceRule {
            kind,
            from: date_field(file, "service.from", &s.from)?,
            until: date_field(file, "service.until", &s.until)?,
            name: s.name,
            days: s.days,
            court_days: s.court_days,
            complete_after: s.complete_after,
            order: s.order,
            backward: s.backward,
            backward_order: s.backward_order.unwrap_or(s.order),
            cite: s.cite,
            note: s.note,
        });
    }
    Ok(Some(c))
}

fn load() -> Result<HashMap<System, Counting>> {
    let mut out = HashMap::new();
    for (file, text) in crate::rules::BUNDLED {
        if let Some(c) = parse(file, text)? {
            let sys = System::from_str(&c.system)
                .ok()
                .filter(|s| s.is_state())
                .ok_or_else(|| {
                    Error::Data(format!(
                        "{file}: counting.system: '{}' is not a state system",
                        c.system
                    ))
                })?;
            out.insert(sys, c);
        }
    }
    for s in STATE_SYSTEMS {
        if !out.contains_key(&s) {
            return Err(Error::Data(format!(
                "no bundled rule file counts for system '{}'",
                s.code()
            )));
        }
    }
    Ok(out)
}

fn all() -> Result<&'static HashMap<System, Counting>> {
    static DATA: OnceLock<std::result::Result<HashMap<System, Counting>, String>> = OnceLock::new();
    DATA.get_or_init(|| load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::Data(e.clone()))
}

/// A state's counting rules (None for the federal systems, or broken data).
pub(crate) fn counting(system: System) -> Option<&'static Counting> {
    all().ok()?.get(&system)
}

/// A state's counting rules, or the data error.
pub(crate) fn counting_for(system: System) -> Result<&'static Counting> {
    all()?
        .get(&system)
        .ok_or_else(|| Error::invalid(format!("'{}' is not a state court system", system.code())))
}

/// The name of a state system ("California"), for messages and listings.
pub fn state_name(system: System) -> Option<&'static str> {
    counting(system).map(|c| c.name.as_str())
}
