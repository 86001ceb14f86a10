//! Counting a period under a state's rules. Same steps as the federal
//! counting (the trigger day excluded, every day landed on or rolled over, each
//! holiday by name, each extension for the method of service, each with its
//! rule), with what the states add: court days as a unit, short periods that
//! skip weekends and holidays (Texas 5 days or less, Florida under 7, New
//! York's two-day periods), Florida's count that begins on the next business
//! day, service that is complete some days after the trigger (Illinois mail,
//! substituted service), extensions in calendar or court days added before or
//! after the roll, and Texas's Monday-next answer day.

use chrono::{Datelike, Weekday};

use super::steps::{count_open, extend, roll, start_note};
use super::{counting_for, holidays, Order};
use crate::calendar::Calendar;
use crate::compute::{Computation, StepKind};
use crate::period::{Direction, Finish, Period, Service, Unit};
use crate::trail::{shift, Trail};
use crate::{day_label, Error, Result};

/// The rule of Texas's answer day.
const MONDAY_NEXT: &str = "TRCP 99(b)";

/// Compute `period` (a state system's) on `cal`.
pub(crate) fn compute(cal: &Calendar, period: &Period) -> Result<Computation> {
    let sys = period.system;
    let rules = counting_for(sys)?;
    if period.unit == Unit::Hours {
        return Err(Error::invalid(format!(
            "{} periods are counted in days or court days, not hours",
            rules.name
        )));
    }
    if period.unit == Unit::CourtDays && rules.court_days.is_none() {
        return Err(Error::invalid(format!(
            "{}'s rules count no periods in court days: leave out --court-days",
            rules.name
        )));
    }
    let own;
    let cal = if cal.state_system() == Some(sys) {
        cal
    } else {
        own = Calendar::for_system(sys);
        &own
    };
    let service = match period.service {
        None | Some(Service::Summons) => None,
        Some(k) => Some(rules.service_rule(k, period.trigger)?),
    };
    let dir = period.direction;
    let sign = if dir == Direction::After { 1 } else { -1 };
    let mut t = Trail::new(cal, sys, dir);
    let start_cite = if dir == Direction::After {
        &rules.exclude
    } else {
        &rules.backward
    };
    t.push(
        period.trigger,
        start_note(period, rules, service),
        start_cite,
        StepKind::Start {
            amount: period.amount,
            unit: period.unit,
            direction: dir,
        },
    );
    if period.service == Some(Service::Summons) {
        t.push(
            period.trigger,
            "service of process: no days are added for the method of service",
            &rules.service,
            StepKind::Note,
        );
    }

    // Service complete some days after the trigger: the period runs from then.
    let mut from = period.trigger;
    if let Some(s) = service.filter(|s| s.complete_after > 0) {
        if dir == Direction::After {
            from = shift(from, s.complete_after)?;
            t.push(
                from,
                format!(
                    "{}: service is complete {} days after {}, on {}; the period runs from then",
                    s.name,
                    s.complete_after,
                    day_label(period.trigger),
                    day_label(from)
                ),
                &s.cite,
                StepKind::Added {
                    days: s.complete_after,
                    why: format!("{} to be complete", s.name),
                    tag: None,
                    court: false,
                },
            );
            if let Some((_, note, _, _)) = t.closed(from) {
                t.push(
                    from,
                    format!("{note}: the completion day is not moved (no rule moves it) [verify]"),
                    &s.cite,
                    StepKind::Note,
                );
            }
        } else {
            t.push(
                from,
                format!(
                    "{}: completion days apply only to periods after service",
                    s.name
                ),
                &s.cite,
                StepKind::Note,
            );
        }
    }

    // Florida since 2019: counting begins on the next day that is not a
    // Saturday, Sunday or legal holiday.
    let mut day0 = from;
    if let (Some(start_from), Some(cite)) = (rules.start_from, rules.start.as_deref()) {
        if from >= start_from {
            let mut first = shift(from, sign)?;
            while t.closed(first).is_some() {
                let (tag, note, c, weekend) = t.closed(first).unwrap_or_default();
                t.push(
                    first,
                    format!("{note}: counting has not begun"),
                    &c,
                    StepKind::Skip { tag, weekend },
                );
                first = shift(first, sign)?;
            }
            let moved = first != shift(from, sign)?;
            t.push(
                first,
                format!(
                    "counting begins on {}{}",
                    day_label(first),
                    if moved {
                        " (read as day 1; whether it is day 1 or day 0 is not settled by an official example [verify])"
                    } else {
                        ""
                    }
                ),
                cite,
                StepKind::Note,
            );
            day0 = shift(first, -sign)?;
        }
    }

    // The count.
    let n = period.amount;
    let way = if dir == Direction::After {
        "forward"
    } else {
        "backward"
    };
    let (landed, mut cite) = if period.unit == Unit::CourtDays {
        let c = rules.court_days.clone().unwrap_or_default();
        let why = rules
            .court_days_note
            .as_deref()
            .unwrap_or("court days only");
        let d = count_open(&mut t, day0, n, sign, &c, why)?;
        t.land(
            d,
            format!("court day {n} counted {way}: {}", day_label(d)),
            &c,
        );
        (d, c)
    } else if rules.is_short(n) {
        let c = rules.short.clone().unwrap_or_default();
        let why = rules.short_note.as_deref().unwrap_or("a short period");
        let d = count_open(&mut t, day0, n, sign, &c, why)?;
        t.land(
            d,
            format!(
                "day {n} counted {way}, business days only: {}",
                day_label(d)
            ),
            &c,
        );
        (d, c)
    } else {
        let d = shift(day0, sign * n)?;
        let c = if dir == Direction::After {
            rules.count.clone()
        } else {
            rules.backward.clone()
        };
        let what = format!(
            "day {n} counted {way}, every day included: {}",
            day_label(d)
        );
        if period.finish == Finish::MondayNext {
            t.push(
                d,
                format!("{what} (the rule does not move this day; the answer day is the Monday next after it)"),
                &c,
                StepKind::Landed { tag: None },
            );
        } else {
            t.land(d, what, &c);
        }
        (d, c)
    };

    // The extension for the method of service.
    let ext = service.filter(|s| s.days > 0 || s.court_days > 0);
    let ext = match ext {
        Some(s) if dir == Direction::Before && !s.backward => {
            t.push(
                landed,
                format!(
                    "{}: no days are added to a period counted back from an event",
                    s.name
                ),
                &s.cite,
                StepKind::Note,
            );
            None
        }
        other => other,
    };
    let order = ext.map(|s| {
        if dir == Direction::After {
            s.order
        } else {
            s.backward_order
        }
    });
    let mut cur = landed;
    if let (Some(s), Some(Order::BeforeRoll)) = (ext, order) {
        cur = extend(&mut t, cur, s, sign)?;
        cite = s.cite.clone();
    }
    if period.finish == Finish::MondayNext {
        let ahead = 7 - i64::from(cur.weekday().num_days_from_monday());
        let monday = shift(cur, ahead)?;
        let closed = t.closed(monday);
        let text = match &closed {
            Some((_, why, _, _)) => format!(
                "the Monday next after the expiration of {n} days: {why}; a legal holiday, so the time runs on under {}",
                rules.roll
            ),
            None => format!(
                "the Monday next after the expiration of {n} days: {}, by 10:00 a.m.",
                day_label(monday)
            ),
        };
        t.push(
            monday,
            text,
            MONDAY_NEXT,
            StepKind::Landed {
                tag: closed.map(|c| c.0),
            },
        );
        cite = MONDAY_NEXT.to_string();
        let (to, moved) = roll(&mut t, monday, rules)?;
        if moved {
            t.push(
                to,
                format!("the answer Monday is not a day to act: the time runs to the end of {} (not 10:00 a.m.)", day_label(to)),
                &rules.roll,
                StepKind::Note,
            );
            cite = rules.roll.clone();
        }
        cur = to;
    } else {
        let (to, moved) = roll(&mut t, cur, rules)?;
        if moved {
            cite = t.roll_cite().to_string();
        }
        cur = to;
    }
    if let (Some(s), Some(Order::AfterRoll)) = (ext, order) {
        cur = extend(&mut t, cur, s, sign)?;
        cite = s.cite.clone();
        let (to, moved) = roll(&mut t, cur, rules)?;
        if moved {
            cite = t.roll_cite().to_string();
        }
        cur = to;
    }
    if let Some(s) = service.filter(|s| !s.extends()) {
        let why = s
            .note
            .clone()
            .unwrap_or_else(|| "no days are added".to_string());
        t.push(cur, format!("{}: {why}", s.name), &s.cite, StepKind::Note);
    }
    if let Some(h) = holidays::of(sys).noted.get(&cur) {
        t.push(
            cur,
            format!(
                "{} is {} ({}): {}",
                day_label(cur),
                h.name,
                h.authority,
                h.caution.as_deref().unwrap_or("")
            ),
            &rules.holiday,
            StepKind::Note,
        );
    }
    let by = if period.finish == Finish::MondayNext
        && cur.weekday() == Weekday::Mon
        && cite == MONDAY_NEXT
    {
        " by 10:00 a.m."
    } else {
        ""
    };
    t.push(
        cur,
        format!("due {}{by}", day_label(cur)),
        &cite,
        StepKind::Due,
    );
    Ok(Computation {
        due: cur,
        rule: None,
        steps: t.steps,
        due_time: None,
    })
}
