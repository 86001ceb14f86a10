//! Deadlines on cases: derived from a docket event and a rule, or entered by
//! hand; with a status, and a court-ordered date that overrides the computed
//! one. Plain data; the store (`casetrail-store`) reads and writes them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::compute::Computation;
use crate::{Error, Result};
pub use casetrail_model::DeadlineId;
use casetrail_model::{CaseId, EventId, ProceedingId};

/// Where a deadline stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DeadlineStatus {
    /// Still to be met.
    Open,
    /// Met: the filing was made.
    Done,
    /// Passed without the act.
    Missed,
    /// Replaced (an extension, a scheduling order, a later rule).
    Superseded,
}

impl DeadlineStatus {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineStatus::Open => "open",
            DeadlineStatus::Done => "done",
            DeadlineStatus::Missed => "missed",
            DeadlineStatus::Superseded => "superseded",
        }
    }
}

impl fmt::Display for DeadlineStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DeadlineStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "open" => Ok(DeadlineStatus::Open),
            "done" => Ok(DeadlineStatus::Done),
            "missed" => Ok(DeadlineStatus::Missed),
            "superseded" => Ok(DeadlineStatus::Superseded),
            _ => Err(Error::invalid(format!(
                "unknown deadline status '{s}': use open, done, missed or superseded"
            ))),
        }
    }
}

/// A deadline on a case, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Deadline {
    /// Row id.
    pub id: DeadlineId,
    /// The case.
    pub case_id: CaseId,
    /// The proceeding (docket) it belongs to, if any.
    pub proceeding_id: Option<ProceedingId>,
    /// What is due ("Petition for certiorari").
    pub title: String,
    /// The rule's citation, for derived deadlines.
    pub rule: Option<String>,
    /// The part of a multi-period rule ("reply").
    pub part: Option<String>,
    /// Whether the United States is a party (rule variants).
    pub us_party: bool,
    /// How the triggering paper was served, if the period runs from service.
    pub service: Option<String>,
    /// The court whose calendar was used.
    pub court_id: Option<String>,
    /// The docket event that triggers it.
    pub trigger_event: Option<EventId>,
    /// The trigger date used in the computation.
    pub trigger_date: Option<NaiveDate>,
    /// The date the engine computed.
    pub computed_due: Option<NaiveDate>,
    /// How it was computed: `{"due","rule","steps"}`.
    pub computation: Option<Computation>,
    /// A date set by the court, which overrides the computed one.
    pub ordered_due: Option<NaiveDate>,
    /// The order that set it ("Order of Jan 5, 2017, Doc. 12").
    pub ordered_note: String,
    /// The date that counts: the court-ordered one, else the computed one, else the one entered.
    pub due: NaiveDate,
    /// Open, done, missed or superseded.
    pub status: DeadlineStatus,
    /// Free notes.
    pub notes: String,
    /// When created.
    pub created_at: DateTime<Utc>,
    /// When last changed.
    pub updated_at: DateTime<Utc>,
}

impl Deadline {
    /// One line saying where the due date comes from.
    pub fn basis(&self) -> String {
        match (self.ordered_due, self.computed_due, &self.rule) {
            (Some(o), Some(c), Some(r)) if o != c => format!(
                "court-ordered ({}); overrides {c} computed under {r}",
                if self.ordered_note.is_empty() {
                    "order"
                } else {
                    &self.ordered_note
                }
            ),
            (Some(_), _, _) => format!(
                "court-ordered ({})",
                if self.ordered_note.is_empty() {
                    "order"
                } else {
                    &self.ordered_note
                }
            ),
            (None, Some(_), Some(r)) => format!("computed under {r}"),
            _ => "entered by hand".to_string(),
        }
    }
}

/// A deadline to derive from a docket event and a rule (the app's deadline
/// form sends one; fields it leaves out take their defaults).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeriveDeadline {
    /// The triggering docket event (its date must be a full day).
    pub trigger_event: EventId,
    /// The rule's citation.
    pub rule: String,
    /// Part of a multi-period rule.
    #[serde(default)]
    pub part: Option<String>,
    /// The United States is a party.
    #[serde(default)]
    pub us_party: bool,
    /// How the triggering paper was served.
    #[serde(default)]
    pub service: Option<String>,
    /// The court whose calendar to use (default: the trigger's court; the
    /// Supreme Court's for Supreme Court rules).
    #[serde(default)]
    pub court_id: Option<String>,
    /// Title (default: the rule's name).
    #[serde(default)]
    pub title: Option<String>,
    /// Status to record (default open).
    #[serde(default)]
    pub status: Option<DeadlineStatus>,
    /// Notes.
    #[serde(default)]
    pub notes: String,
}

impl DeriveDeadline {
    /// Derive from `trigger_event` under the rule cited as `rule`, with defaults.
    pub fn new(trigger_event: EventId, rule: impl Into<String>) -> Self {
        DeriveDeadline {
            trigger_event,
            rule: rule.into(),
            part: None,
            us_party: false,
            service: None,
            court_id: None,
            title: None,
            status: None,
            notes: String::new(),
        }
    }
}

/// A deadline entered by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeadline {
    /// The case.
    pub case_id: CaseId,
    /// The proceeding, if any.
    pub proceeding_id: Option<ProceedingId>,
    /// What is due.
    pub title: String,
    /// When.
    pub due: NaiveDate,
    /// Notes.
    pub notes: String,
}

/// A deadline with the names a list across cases shows beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlineEntry {
    /// The deadline.
    pub deadline: Deadline,
    /// Its case's name.
    pub case_name: String,
    /// Its proceeding as "court docket" ("2d Cir. 14-2985"), if it has one.
    pub proceeding: Option<String>,
    /// Its case's tags, by name.
    pub case_tags: Vec<String>,
    /// The system of its proceeding's court, as the court list has it
    /// (`federal`, `state:CA`), if it has a proceeding in a listed court.
    pub court_system: Option<String>,
}
