//! The federal legal public holidays of 5 U.S.C. 6103, computed for any year
//! the calendar covers, with the day each is observed.
//!
//! History encoded (so old deadlines come out right too):
//! * New Year's Day, Independence Day, Christmas Day, Thanksgiving: all years
//!   (Act of June 28, 1870). Thanksgiving is the last Thursday of November until
//!   1938, the proclaimed Thursdays of 1939–1941 (Nov 23, 21, 20), and the fourth
//!   Thursday from 1942 (Pub. L. 77-379).
//! * Washington's Birthday: Feb 22 until 1970, third Monday of February from 1971.
//! * Memorial Day: May 30 until 1970, last Monday of May from 1971.
//! * Labor Day (first Monday of September): from 1894.
//! * Armistice/Veterans Day: Nov 11 from 1938; the fourth Monday of October in
//!   1971–1977; Nov 11 again from 1978.
//! * Columbus Day (second Monday of October): from 1971, when it entered 6103.
//! * Birthday of Martin Luther King, Jr. (third Monday of January): from 1986.
//! * Juneteenth National Independence Day (June 19): from 2021 (Pub. L. 117-17,
//!   signed June 17, 2021; first observed Friday June 18, 2021).
//!
//! Observed days (5 U.S.C. 6103(b)): a fixed-date holiday on a Sunday is
//! observed the Monday after (from 1953, 32 Comp. Gen. 378); one on a Saturday
//! the Friday before (from 1966, Pub. L. 89-554), which can put New Year's Day
//! on December 31 of the year before.
//!
//! Inauguration Day (6103(c)) is not here: it is a holiday only in the D.C.
//! area, so the [`super::Calendar`] adds it for courts there.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// One federal holiday in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FederalHoliday {
    /// Statutory name.
    pub name: &'static str,
    /// The calendar date of the holiday.
    pub actual: NaiveDate,
    /// The day set aside for observing it (the legal holiday under FRCP 6(a)(6)(A)).
    pub observed: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The `n`th (1-based) `weekday` of a month.
pub(crate) fn nth_weekday(y: i32, m: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let d = first + Duration::days(i64::from(offset + 7 * (n - 1)));
    (d.month() == m).then_some(d)
}

/// The last `weekday` of a month.
pub(crate) fn last_weekday(y: i32, m: u32, weekday: Weekday) -> Option<NaiveDate> {
    let next_first = if m == 12 {
        ymd(y + 1, 1, 1)?
    } else {
        ymd(y, m + 1, 1)?
    };
    let last = next_first - Duration::days(1);
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    Some(last - Duration::days(i64::from(back)))
}

/// The observed day of a fixed-date federal holiday falling on `d`.
fn observed(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sun if d.year() >= 1953 => d + Duration::days(1),
        Weekday::Sat if d.year() >= 1966 => d - Duration::days(1),
        _ => d,
    }
}

fn fixed(name: &'static str, d: Option<NaiveDate>) -> Option<FederalHoliday> {
    let d = d?;
    Some(FederalHoliday {
        name,
        actual: d,
        observed: observed(d),
    })
}

fn moving(name: &'static str, d: Option<NaiveDate>) -> Option<FederalHoliday> {
    let d = d?;
    Some(FederalHoliday {
        name,
        actual: d,
        observed: d,
    })
}

/// The federal holidays *of* year `y` (by their actual date). The observed day
/// of New Year's Day may fall in `y - 1`.
pub(crate) fn federal_holidays(y: i32) -> Vec<FederalHoliday> {
    use Weekday::*;
    let mut v = Vec::with_capacity(11);
    v.extend(fixed("New Year's Day", ymd(y, 1, 1)));
    if y >= 1986 {
        v.extend(moving(
            "Birthday of Martin Luther King, Jr.",
            nth_weekday(y, 1, Mon, 3),
        ));
    }
    if y >= 1971 {
        v.extend(moving("Washington's Birthday", nth_weekday(y, 2, Mon, 3)));
        v.extend(moving("Memorial Day", last_weekday(y, 5, Mon)));
    } else {
        v.extend(fixed("Washington's Birthday", ymd(y, 2, 22)));
        v.extend(fixed("Memorial Day", ymd(y, 5, 30)));
    }
    if y >= 2021 {
        v.extend(fixed("Juneteenth National Independence Day", ymd(y, 6, 19)));
    }
    v.extend(fixed("Independence Day", ymd(y, 7, 4)));
    if y >= 1894 {
        v.extend(moving("Labor Day", nth_weekday(y, 9, Mon, 1)));
    }
    if y >= 1971 {
        v.extend(moving("Columbus Day", nth_weekday(y, 10, Mon, 2)));
    }
    if (1971..=1977).contains(&y) {
        v.extend(moving("Veterans Day", nth_weekday(y, 10, Mon, 4)));
    } else if y >= 1954 {
        v.extend(fixed("Veterans Day", ymd(y, 11, 11)));
    } else if y >= 1938 {
        v.extend(fixed("Armistice Day", ymd(y, 11, 11)));
    }
    let thanksgiving = match y {
        1939 => ymd(y, 11, 23),
        1940 => ymd(y, 11, 21),
        1941 => ymd(y, 11, 20),
        _ if y >= 1942 => nth_weekday(y, 11, Thu, 4),
        _ => last_weekday(y, 11, Thu),
    };
    v.extend(moving("Thanksgiving Day", thanksgiving));
    v.extend(fixed("Christmas Day", ymd(y, 12, 25)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(y: i32, name: &str) -> NaiveDate {
        federal_holidays(y)
            .into_iter()
            .find(|h| h.name.starts_with(name))
            .map(|h| h.observed)
            .unwrap()
    }

    #[test]
    fn observed_days_match_opm_examples() {
        assert_eq!(obs(2021, "Juneteenth"), ymd(2021, 6, 18).unwrap());
        assert_eq!(obs(2022, "Juneteenth"), ymd(2022, 6, 20).unwrap());
        assert_eq!(obs(2021, "Christmas"), ymd(2021, 12, 24).unwrap());
        assert_eq!(obs(2022, "New Year"), ymd(2021, 12, 31).unwrap());
        assert_eq!(obs(2023, "Veterans"), ymd(2023, 11, 10).unwrap());
        assert_eq!(obs(2026, "Independence"), ymd(2026, 7, 3).unwrap());
        assert_eq!(obs(2027, "Independence"), ymd(2027, 7, 5).unwrap());
        assert_eq!(obs(2028, "New Year"), ymd(2027, 12, 31).unwrap());
        assert_eq!(obs(2014, "Labor"), ymd(2014, 9, 1).unwrap());
        assert_eq!(obs(2026, "Birthday of Martin"), ymd(2026, 1, 19).unwrap());
        assert_eq!(obs(2026, "Thanksgiving"), ymd(2026, 11, 26).unwrap());
        assert_eq!(obs(1975, "Veterans"), ymd(1975, 10, 27).unwrap());
    }

    #[test]
    fn juneteenth_only_from_2021() {
        assert!(federal_holidays(2020)
            .iter()
            .all(|h| !h.name.starts_with("June")));
        assert_eq!(federal_holidays(2026).len(), 11);
        assert_eq!(federal_holidays(1900).len(), 7);
    }
}
