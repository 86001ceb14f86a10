//! Court deadlines that explain themselves.
//!
//! The engine follows the federal time-computation rules — FRCP 6(a), FRAP 26(a)
//! and Supreme Court Rule 30.1 — and records every step it takes (the trigger
//! day excluded, the last day counted, each weekend or holiday rolled over, the
//! three days added after service by mail) with the rule that justifies it.
//!
//! * [`calendar`]: which days are legal holidays, per court (5 U.S.C. 6103 with
//!   its observed-day rules, presidential closures, state holidays, days the
//!   clerk's office was inaccessible).
//! * [`period`]: what to count (days or hours, after or before, served how,
//!   under which set of rules).
//! * [`compute`]: the counting itself, producing a [`Computation`].
//! * [`rules`]: court rules as data (TOML under `assets/rules/`, extendable from
//!   a user directory), each computing its deadline from a trigger date.
//! * [`tracked`]: deadlines on cases (derived from a docket event and a rule, or
//!   entered by hand), stored by `casetrail-store`.
//!
//! Pure: no SQL, no files, no PDFs (`cargo xtask layout` checks the dependency
//! tree). Rules and calendars are bundled data compiled in; a user's rule files
//! are read by the caller and given as text.
//!
//! ```
//! use casetrail_deadline::{compute, Calendar, Period};
//! use chrono::NaiveDate;
//!
//! let trigger = NaiveDate::from_ymd_opt(2014, 7, 31).unwrap();
//! let c = compute(&Calendar::federal(), &Period::days_after(trigger, 30)).unwrap();
//! assert_eq!(c.due, NaiveDate::from_ymd_opt(2014, 9, 2).unwrap()); // Labor Day rolled over
//! ```

pub mod calendar;
pub mod compute;
mod courts;
mod holidays;
pub mod period;
mod render;
pub mod rules;
mod state;
pub mod tracked;
mod trail;

pub use calendar::{Calendar, HolidayInfo, HolidayKind};
pub use compute::{compute, Computation, Step, StepKind};
pub use period::{Counting, Direction, Finish, Period, Service, System, Unit, STATE_SYSTEMS};
pub use rules::{
    court_system_name, PartOffer, Rule, RuleChoices, RuleOffer, RuleOptions, RuleSet, ServiceOffer,
};
pub use state::courts::{courts_of, system_of_court};
pub use state::state_name;
pub use tracked::{
    Deadline, DeadlineEntry, DeadlineId, DeadlineStatus, DeriveDeadline, NewDeadline,
};

use casetrail_model::{Error, Result};
use chrono::NaiveDate;

/// First date the calendar knows.
pub const FIRST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};

/// Last date the calendar knows.
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => unreachable!(),
};

/// Parse a `YYYY-MM-DD` date with a clear error naming what was wrong.
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let t = text.trim();
    let ok_shape = t.len() == 10
        && t.as_bytes()[4] == b'-'
        && t.as_bytes()[7] == b'-'
        && t.bytes()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !ok_shape {
        return Err(Error::invalid(format!(
            "'{text}' is not a date: write it as YYYY-MM-DD"
        )));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map_err(|_| Error::invalid(format!("'{text}' is not a real calendar date")))
}

/// "Thu 2014-07-31": the weekday-and-date form used in every step.
pub fn day_label(d: NaiveDate) -> String {
    d.format("%a %Y-%m-%d").to_string()
}
