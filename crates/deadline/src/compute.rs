//! Counting a period: FRCP 6(a), FRAP 26(a), S. Ct. R. 30.1, and the three days
//! added after service by mail (FRCP 6(d), FRAP 26(c)).
//!
//! Order of operations (2005 Committee Note to Rule 6(d)): count the period,
//! roll a last day that is a weekend or legal holiday, then add three days for
//! service by mail and roll again; finally extend past a day the clerk's office
//! was inaccessible (Rule 6(a)(3)). Every move is recorded as a [`Step`].

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::calendar::Calendar;
use super::period::{Counting, Direction, Period, Service, System, Unit};
use super::trail::{shift, weekend, Trail};
pub use super::trail::{Computation, Step, StepKind};
use super::{day_label, FIRST_DATE, LAST_DATE};
use crate::{Error, Result};

/// Longest period accepted (in days; hours are bounded to the same span).
const MAX_DAYS: i64 = 36_600;

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
    if period.system.is_state() {
        return crate::state::count::compute(cal, period);
    }
    if period.unit == Unit::CourtDays {
        return Err(Error::invalid(
            "court days are a state-court unit: the federal rules count calendar days (give --system ca, ny, tx, fl or il)",
        ));
    }
    if let Some(s) = period.service.filter(|s| s.is_state_only()) {
        return Err(Error::invalid(format!(
            "service '{}' is a state-court method: the federal rules know mail, electronic, personal, clerk, consented and summons",
            s.as_str()
        )));
    }
    let mut t = Trail::new(cal, period.system, period.direction);
    let (due, time, mut cite) = match period.unit {
        Unit::Days | Unit::CourtDays => count_days(&mut t, period)?,
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
            court: false,
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
