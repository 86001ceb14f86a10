//! The steps a state count is made of: the opening step, counting open (court
//! or business) days, adding a service extension, rolling with the state's
//! caution on backward rolls.

use chrono::NaiveDate;

use super::{Counting, ServiceRule};
use crate::compute::StepKind;
use crate::period::{Direction, Period, Service};
use crate::trail::{shift, Trail};
use crate::{day_label, Result};

pub(super) fn start_note(
    period: &Period,
    rules: &Counting,
    service: Option<&ServiceRule>,
) -> String {
    let rel = match period.direction {
        Direction::After => "after",
        Direction::Before => "before",
    };
    let what = match (period.direction, service, period.service) {
        (Direction::Before, _, _) => "the event".to_string(),
        (_, Some(s), _) => format!("{} (the trigger)", s.name),
        (_, None, Some(Service::Summons)) => "service of process (the trigger)".to_string(),
        _ => "the trigger".to_string(),
    };
    format!(
        "{} {} {rel} {what} on {}, counted under {} law; the day of the event is not counted",
        period.amount,
        period.unit,
        day_label(period.trigger),
        rules.name
    )
}

/// Count `n` open days from `from` in the direction `sign`, listing each closed
/// day passed. Returns the `n`th open day.
pub(super) fn count_open(
    t: &mut Trail,
    from: NaiveDate,
    n: i64,
    sign: i64,
    cite: &str,
    what: &str,
) -> Result<NaiveDate> {
    let mut d = from;
    let mut counted = 0;
    while counted < n {
        d = shift(d, sign)?;
        if let Some((tag, note, _, weekend)) = t.closed(d) {
            t.push(
                d,
                format!("{note}: not counted ({what})"),
                cite,
                StepKind::Skip {
                    tag: format!("{tag}, not counted"),
                    weekend,
                },
            );
        } else {
            counted += 1;
        }
    }
    Ok(d)
}

/// Add the extension a method of service gives, from `cur`.
pub(super) fn extend(
    t: &mut Trail,
    cur: NaiveDate,
    s: &ServiceRule,
    sign: i64,
) -> Result<NaiveDate> {
    let back = if sign < 0 { " further back" } else { "" };
    let (to, days, court) = if s.court_days > 0 {
        let to = count_open(
            t,
            cur,
            s.court_days,
            sign,
            &s.cite,
            "only court days are added",
        )?;
        (to, s.court_days, true)
    } else {
        (shift(cur, sign * s.days)?, s.days, false)
    };
    let unit = if court { "court days" } else { "calendar days" };
    let tag = t.closed(to).map(|c| c.0);
    t.push(
        to,
        format!(
            "{days} {unit} added{back} for {}: {}",
            s.name,
            day_label(to)
        ),
        &s.cite,
        StepKind::Added {
            days,
            why: s.name.clone(),
            tag,
            court,
        },
    );
    Ok(to)
}

/// Roll off closed days, with the state's note on backward rolls.
pub(super) fn roll(t: &mut Trail, d: NaiveDate, rules: &Counting) -> Result<(NaiveDate, bool)> {
    let (to, moved) = t.roll(d)?;
    if moved && t.direction == Direction::Before {
        if let Some(n) = &rules.backward_roll_note {
            t.push(to, format!("caution: {n}"), &rules.backward, StepKind::Note);
        }
    }
    Ok((to, moved))
}
