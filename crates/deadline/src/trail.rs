//! The record of a computation: [`Step`]s with their [`StepKind`], the
//! resulting [`Computation`], and the `Trail` that builds the steps while
//! counting (describing each day landed on or rolled over, with its rule).

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::period::{Direction, System, Unit};
use super::{day_label, FIRST_DATE, LAST_DATE};
use crate::{Error, Result};

/// One step of a computation: the day it concerns, what happened, and the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Step {
    /// The day this step concerns.
    pub date: NaiveDate,
    /// What happened, in plain English.
    pub note: String,
    /// The rule that justifies it, e.g. "FRAP 26(a)(1)(C)".
    pub cite: String,
    /// What kind of step this is (used for the one-line rendering; not in JSON).
    #[serde(skip)]
    pub kind: StepKind,
}

/// The role of a step in a computation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepKind {
    /// A remark that does not move the date.
    #[default]
    Note,
    /// The trigger: the period's amount, unit and direction.
    Start {
        /// How many days or hours.
        amount: i64,
        /// Days or hours.
        unit: Unit,
        /// After or before.
        direction: Direction,
    },
    /// The last day of the count; `tag` says why it cannot be the due date.
    Landed {
        /// "(weekend)" or "is Labor Day", when the day is closed.
        tag: Option<String>,
    },
    /// A closed day rolled over.
    Skip {
        /// "(weekend)" or "is Labor Day".
        tag: String,
        /// Whether the day is a Saturday or Sunday.
        weekend: bool,
    },
    /// Days added (service by mail, an extension).
    Added {
        /// How many.
        days: i64,
        /// Why, e.g. "service by mail".
        why: String,
        /// Why the resulting day cannot be the due date, if it cannot.
        tag: Option<String>,
        /// The days added are court days (state systems), not calendar days.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        court: bool,
    },
    /// A day the clerk's office was inaccessible.
    Inaccessible,
    /// Two computed dates compared (later of / earlier of).
    Compare,
    /// The due date.
    Due,
}

/// The result of a computation: the due date and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Computation {
    /// The last day to act.
    pub due: NaiveDate,
    /// The citation of the rule that set the period, if a rule did.
    pub rule: Option<String>,
    /// Every step, in order.
    pub steps: Vec<Step>,
    /// For hour-based periods: the time of day on `due` the period ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_time: Option<NaiveTime>,
}

/// Builds a step list while counting.
pub(crate) struct Trail<'a> {
    pub cal: &'a Calendar,
    pub system: System,
    pub direction: Direction,
    pub steps: Vec<Step>,
}

pub(crate) fn weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Move `d` by `days`, refusing to leave the calendar's range.
pub(crate) fn shift(d: NaiveDate, days: i64) -> Result<NaiveDate> {
    d.checked_add_signed(Duration::days(days))
        .filter(|n| (FIRST_DATE..=LAST_DATE).contains(n))
        .ok_or_else(|| {
            Error::invalid(format!(
                "{days} days from {d} leaves the calendar this engine knows ({FIRST_DATE} to {LAST_DATE})"
            ))
        })
}

impl<'a> Trail<'a> {
    pub fn new(cal: &'a Calendar, system: System, direction: Direction) -> Self {
        Trail {
            cal,
            system,
            direction,
            steps: Vec::new(),
        }
    }

    pub fn push(&mut self, date: NaiveDate, note: impl Into<String>, cite: &str, kind: StepKind) {
        self.steps.push(Step {
            date,
            note: note.into(),
            cite: cite.to_string(),
            kind,
        });
    }

    /// Why `d` is closed for this period: (short tag, note, cite, weekend?),
    /// or None if it is open. The note starts with the day's label.
    pub fn closed(&self, d: NaiveDate) -> Option<(String, String, String, bool)> {
        self.closed_reason(d).map(|(tag, reason, cite, weekend)| {
            (tag, format!("{} is {reason}", day_label(d)), cite, weekend)
        })
    }

    /// Like [`Trail::closed`], with the reason alone ("Labor Day (5 U.S.C. 6103(a))").
    fn closed_reason(&self, d: NaiveDate) -> Option<(String, String, String, bool)> {
        if let Some(h) = self.cal.legal_holiday(d, self.direction, self.system) {
            let mut reason = format!("{} ({})", h.name, h.authority);
            if let Some(c) = &h.caution {
                reason.push_str(&format!(" [{c}]"));
            }
            return Some((
                format!("is {}", h.name),
                reason,
                self.system.cite_holiday(h.kind).to_string(),
                false,
            ));
        }
        if weekend(d) {
            let day = if d.weekday() == Weekday::Sat {
                "a Saturday"
            } else {
                "a Sunday"
            };
            return Some((
                "(weekend)".into(),
                day.to_string(),
                self.system.cite_roll().to_string(),
                true,
            ));
        }
        None
    }

    /// Roll `d` off weekends and legal holidays in the period's direction,
    /// recording each day passed. `d` itself has already been described.
    /// Returns the new day and whether it moved.
    pub fn roll(&mut self, d: NaiveDate) -> Result<(NaiveDate, bool)> {
        let step = if self.direction == Direction::After {
            1
        } else {
            -1
        };
        let mut cur = d;
        let mut moved = false;
        while self.closed(cur).is_some() {
            cur = shift(cur, step)?;
            moved = true;
            if let Some((tag, note, cite, weekend)) = self.closed(cur) {
                let verb = if step > 0 {
                    "keep rolling forward"
                } else {
                    "keep counting backward"
                };
                self.push(
                    cur,
                    format!("{note}: {verb}"),
                    &cite,
                    StepKind::Skip { tag, weekend },
                );
            }
        }
        Ok((cur, moved))
    }

    /// The cite for a due date reached by rolling.
    pub fn roll_cite(&self) -> &'static str {
        match self.direction {
            Direction::After => self.system.cite_roll(),
            Direction::Before => self.system.cite_backward(),
        }
    }

    /// Describe a day the count landed on.
    pub fn land(&mut self, d: NaiveDate, what: String, cite: &str) {
        match self.closed_reason(d) {
            Some((tag, reason, _, _)) => {
                let verb = match self.direction {
                    Direction::After => "roll forward to the next day that is not a Saturday, Sunday or legal holiday",
                    Direction::Before => "count backward to the previous day that is not a Saturday, Sunday or legal holiday",
                };
                self.push(
                    d,
                    format!("{what}, which is {reason}; {verb}"),
                    cite,
                    StepKind::Landed { tag: Some(tag) },
                );
            }
            None => self.push(d, what, cite, StepKind::Landed { tag: None }),
        }
    }
}
