//! Counting a period: FRCP 6(a), FRAP 26(a), S. Ct. R. 30.1, and the three days
//! added after service by mail (FRCP 6(d), FRAP 26(c)).
//!
//! Order of operations (2005 Committee Note to Rule 6(d)): count the period,
//! roll a last day that is a weekend or legal holiday, then add three days for
//! service by mail and roll again; finally extend past a day the clerk's office
//! was inaccessible (Rule 6(a)(3)). Every move is recorded as a [`Step`].

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::period::{Counting, Direction, Period, Service, System, Unit};
use super::{day_label, FIRST_DATE, LAST_DATE};
use crate::{Error, Result};

/// Longest period accepted (in days; hours are bounded to the same span).
const MAX_DAYS: i64 = 36_600;

/// One step of a computation: the day it concerns, what happened, and the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

fn weekend(d: NaiveDate) -> bool {
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

/// Compute a period on a calendar. Errors: a negative or absurdly long period,
/// or dates outside 1900–2100 (`Error::Invalid`).
pub fn compute(cal: &Calendar, period: &Period) -> Result<Computation> {
    if period.amount < 0 {
        return Err(Error::invalid(format!(
            "a period cannot be negative (got {} {}): use --before for periods measured before an event",
            period.amount, period.unit
        )));
    }
    let max = if period.unit == Unit::Days {
        MAX_DAYS
    } else {
        MAX_DAYS * 24
    };
    if period.amount > max {
        return Err(Error::invalid(format!(
            "a period of {} {} is longer than this engine accepts ({max})",
            period.amount, period.unit
        )));
    }
    if !(FIRST_DATE..=LAST_DATE).contains(&period.trigger) {
        return Err(Error::invalid(format!(
            "{} is outside the calendar this engine knows ({FIRST_DATE} to {LAST_DATE})",
            period.trigger
        )));
    }
    let mut t = Trail::new(cal, period.system, period.direction);
    let (due, time, mut cite) = match period.unit {
        Unit::Days => count_days(&mut t, period)?,
        Unit::Hours => count_hours(&mut t, period)?,
    };
    let (due, c2) = add_for_service(&mut t, period, due)?;
    if let Some(c) = c2 {
        cite = c;
    }
    let (due, c3) = extend_if_inaccessible(&mut t, due)?;
    if let Some(c) = c3 {
        cite = c;
    }
    let when = match time {
        Some(tm) => format!("due {} at {}", day_label(due), tm.format("%H:%M")),
        None => format!("due {}", day_label(due)),
    };
    t.push(due, when, &cite, StepKind::Due);
    Ok(Computation {
        due,
        rule: None,
        steps: t.steps,
        due_time: time,
    })
}

fn start_note(period: &Period) -> String {
    let rel = match period.direction {
        Direction::After => "after",
        Direction::Before => "before",
    };
    let what = match (period.direction, period.service) {
        (Direction::Before, _) => "the event".to_string(),
        (_, Some(s)) => format!("{} (the trigger)", s.describe()),
        _ => "the trigger".to_string(),
    };
    let at = period
        .at
        .map(|t| format!(" {}", t.format("%H:%M")))
        .unwrap_or_default();
    format!(
        "{} {} {rel} {what} on {}{at}; the day of the event is not counted",
        period.amount,
        period.unit,
        day_label(period.trigger)
    )
}

fn count_days(t: &mut Trail, period: &Period) -> Result<(NaiveDate, Option<NaiveTime>, String)> {
    let sys = period.system;
    let kind = StepKind::Start {
        amount: period.amount,
        unit: Unit::Days,
        direction: period.direction,
    };
    t.push(period.trigger, start_note(period), sys.cite_exclude(), kind);
    let sign = if period.direction == Direction::After {
        1
    } else {
        -1
    };
    if period.counting == Counting::Pre2009 && period.amount < 11 {
        return count_days_pre2009(t, period, sign);
    }
    let raw = shift(period.trigger, sign * period.amount)?;
    let (what, cite) = match period.direction {
        Direction::After => (
            format!(
                "day {} counted forward, every day included: {}",
                period.amount,
                day_label(raw)
            ),
            sys.cite_count(),
        ),
        Direction::Before => (
            format!(
                "day {} counted backward, every day included: {}",
                period.amount,
                day_label(raw)
            ),
            sys.cite_backward(),
        ),
    };
    t.land(raw, what, cite);
    let (due, moved) = t.roll(raw)?;
    let cite = if moved { t.roll_cite() } else { cite };
    Ok((due, None, cite.to_string()))
}

fn count_days_pre2009(
    t: &mut Trail,
    period: &Period,
    sign: i64,
) -> Result<(NaiveDate, Option<NaiveTime>, String)> {
    const CITE: &str = "former FRCP 6(a) / FRAP 26(a) (before Dec 1, 2009)";
    let mut d = period.trigger;
    let mut counted = 0;
    while counted < period.amount {
        d = shift(d, sign)?;
        // The former rule's "legal holiday" included state holidays in both directions.
        let closed = weekend(d) || t.cal.legal_holiday(d, Direction::After, t.system).is_some();
        if closed {
            let (tag, note, _, _) = t.closed(d).unwrap_or_else(|| {
                (
                    "is a legal holiday".into(),
                    day_label(d),
                    String::new(),
                    false,
                )
            });
            t.push(
                d,
                format!("{note}: excluded, the period is under 11 days"),
                CITE,
                StepKind::Skip {
                    tag: format!("{tag}, not counted"),
                    weekend: false,
                },
            );
        } else {
            counted += 1;
        }
    }
    t.land(
        d,
        format!(
            "day {} counting only business days: {}",
            period.amount,
            day_label(d)
        ),
        CITE,
    );
    Ok((d, None, CITE.to_string()))
}

fn count_hours(t: &mut Trail, period: &Period) -> Result<(NaiveDate, Option<NaiveTime>, String)> {
    let sys = period.system;
    let at = period.at.unwrap_or(NaiveTime::MIN);
    let start = NaiveDateTime::new(period.trigger, at);
    let kind = StepKind::Start {
        amount: period.amount,
        unit: Unit::Hours,
        direction: period.direction,
    };
    t.push(period.trigger, start_note(period), sys.cite_hours(), kind);
    let sign = if period.direction == Direction::After {
        1
    } else {
        -1
    };
    let end = start
        .checked_add_signed(Duration::hours(sign * period.amount))
        .filter(|e| (FIRST_DATE..=LAST_DATE).contains(&e.date()))
        .ok_or_else(|| {
            Error::invalid("the period leaves the calendar this engine knows (1900–2100)")
        })?;
    t.land(
        end.date(),
        format!(
            "every hour counted: the period ends {} at {}",
            day_label(end.date()),
            end.time().format("%H:%M")
        ),
        sys.cite_hours(),
    );
    let (due, moved) = t.roll(end.date())?;
    if moved {
        t.push(
            due,
            format!(
                "the period runs until the same time, {}, on {}",
                end.time().format("%H:%M"),
                day_label(due)
            ),
            sys.cite_hours(),
            StepKind::Note,
        );
    }
    Ok((due, Some(end.time()), sys.cite_hours().to_string()))
}

fn add_for_service(
    t: &mut Trail,
    period: &Period,
    due: NaiveDate,
) -> Result<(NaiveDate, Option<String>)> {
    let Some(service) = period.service else {
        return Ok((due, None));
    };
    let sys = period.system;
    if sys == System::Scotus {
        t.push(
            due,
            "the Supreme Court's Rules add no days for the method of service",
            "S. Ct. R. 30.1",
            StepKind::Note,
        );
        return Ok((due, None));
    }
    if period.direction == Direction::Before {
        t.push(
            due,
            format!(
                "{}: days are added only to periods that run after service",
                service.describe()
            ),
            sys.cite_service(),
            StepKind::Note,
        );
        return Ok((due, None));
    }
    if !service.adds_three_days(period.trigger) {
        let why = match service {
            Service::Electronic => {
                "served electronically: no days added (electronic service was removed from the 3-day rule on Dec 1, 2016)".to_string()
            }
            Service::Summons => {
                "a summons served under Rule 4: FRCP 6(d) never adds days, it covers only service under Rule 5(b)".to_string()
            }
            other => format!("{}: no days added", other.describe()),
        };
        t.push(due, why, sys.cite_service(), StepKind::Note);
        return Ok((due, None));
    }
    let plus = shift(due, 3)?;
    let tag = t.closed(plus).map(|c| c.0);
    let pre2016 = if service == Service::Electronic {
        " (electronic service before Dec 1, 2016 still got them)"
    } else {
        ""
    };
    t.push(
        plus,
        format!(
            "3 days added after the period would otherwise expire, for {}{pre2016}: {}",
            service.describe(),
            day_label(plus)
        ),
        sys.cite_service(),
        StepKind::Added {
            days: 3,
            why: service.describe().to_string(),
            tag,
        },
    );
    let (rolled, moved) = t.roll(plus)?;
    let cite = if moved {
        sys.cite_roll().to_string()
    } else {
        sys.cite_service().to_string()
    };
    Ok((rolled, Some(cite)))
}

fn extend_if_inaccessible(t: &mut Trail, due: NaiveDate) -> Result<(NaiveDate, Option<String>)> {
    if t.system == System::Scotus {
        return Ok((due, None)); // closed-building days are holidays there
    }
    let mut cur = due;
    let mut cite = None;
    while let Some(note) = t.cal.inaccessible(cur).map(str::to_string) {
        t.push(
            cur,
            format!(
                "the clerk's office is inaccessible on {} ({note}): time runs to the first accessible day that is not a Saturday, Sunday or legal holiday",
                day_label(cur)
            ),
            t.system.cite_inaccessible(),
            StepKind::Inaccessible,
        );
        cur = shift(cur, 1)?;
        let saved = t.direction;
        t.direction = Direction::After;
        if let Some((tag, note, c, weekend)) = t.closed(cur) {
            t.push(
                cur,
                format!("{note}: keep going forward"),
                &c,
                StepKind::Skip { tag, weekend },
            );
        }
        cur = t.roll(cur)?.0;
        t.direction = saved;
        cite = Some(t.system.cite_inaccessible().to_string());
    }
    Ok((cur, cite))
}
