//! The state court holidays of `assets/calendar/state_courts.toml`, generated
//! for 1900–2100 with each state's observed-day rule: California and Florida
//! move a Saturday holiday to the Friday before and a Sunday one to the Monday
//! after; New York moves only Sunday ones; Texas and Illinois move none
//! (Illinois's Lincoln's Birthday excepted, 5 ILCS 490/60).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use crate::calendar::{HolidayInfo, HolidayKind};
use crate::holidays::{last_weekday, nth_weekday};
use crate::period::System;
use crate::{Error, Result, FIRST_DATE, LAST_DATE};

const FILE: &str = "assets/calendar/state_courts.toml";
const TEXT: &str = include_str!("../../../../assets/calendar/state_courts.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Observed {
    None,
    SundayToMonday,
    Weekend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
enum Status {
    #[default]
    Holiday,
    Caution,
    Noted,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSystem {
    system: String,
    observed: Observed,
    observed_cite: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    system: String,
    name: String,
    cite: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    nth: Option<i32>,
    #[serde(default)]
    weekday: Option<String>,
    #[serde(default)]
    month: Option<u32>,
    #[serde(default)]
    easter: Option<i64>,
    #[serde(default)]
    offset_days: i64,
    #[serde(default)]
    observed: Option<Observed>,
    #[serde(default)]
    from: Option<i32>,
    #[serde(default)]
    until: Option<i32>,
    #[serde(default)]
    years: Option<String>,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    caution: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    system: Vec<RawSystem>,
    holiday: Vec<RawHoliday>,
}

/// One state's holidays by the day they are observed.
#[derive(Debug, Default)]
pub(crate) struct StateHolidays {
    /// Days that are holidays (the count rolls over them).
    pub closed: HashMap<NaiveDate, HolidayInfo>,
    /// Statutory days the courts stay open on: not skipped, only mentioned.
    pub noted: HashMap<NaiveDate, HolidayInfo>,
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

impl RawHoliday {
    fn validate(&self, i: usize) -> Result<()> {
        let at = |field: &str, msg: &str| {
            Error::Data(format!(
                "{FILE}: holiday #{} ({} {}): field `{field}`: {msg}",
                i + 1,
                self.system,
                self.name
            ))
        };
        let ways = [
            self.date.is_some(),
            self.nth.is_some(),
            self.easter.is_some(),
        ];
        if ways.iter().filter(|w| **w).count() != 1 {
            return Err(at(
                "date",
                "give one of `date`, `nth`+`weekday`+`month` or `easter`",
            ));
        }
        if let Some(d) = &self.date {
            crate::parse_date(&format!("2000-{d}")).map_err(|_| at("date", "expected MM-DD"))?;
        }
        if let Some(n) = self.nth {
            if !(n == -1 || (1..=4).contains(&n)) {
                return Err(at("nth", "use 1 to 4, or -1 for the last"));
            }
            if self
                .weekday
                .as_deref()
                .and_then(|w| w.parse::<Weekday>().ok())
                .is_none()
            {
                return Err(at("weekday", "expected mon, tue, ... sun"));
            }
            if !matches!(self.month, Some(1..=12)) {
                return Err(at("month", "expected 1 to 12"));
            }
        }
        if !matches!(self.years.as_deref(), None | Some("even") | Some("odd")) {
            return Err(at("years", "use even or odd"));
        }
        if self.status != Status::Holiday && self.caution.is_none() {
            return Err(at("caution", "a caution or noted day says why"));
        }
        Ok(())
    }

    /// (actual day, observed day) in `year`.
    fn in_year(&self, year: i32, default: Observed) -> Option<(NaiveDate, NaiveDate)> {
        if self.from.is_some_and(|f| year < f) || self.until.is_some_and(|u| year > u) {
            return None;
        }
        match self.years.as_deref() {
            Some("even") if year % 2 != 0 => return None,
            Some("odd") if year % 2 == 0 => return None,
            _ => {}
        }
        let off = Duration::days(self.offset_days);
        if let Some(d) = &self.date {
            let (m, day) = d.split_once('-')?;
            let actual = NaiveDate::from_ymd_opt(year, m.parse().ok()?, day.parse().ok()?)? + off;
            let observed = match (self.observed.unwrap_or(default), actual.weekday()) {
                (Observed::SundayToMonday | Observed::Weekend, Weekday::Sun) => {
                    actual + Duration::days(1)
                }
                (Observed::Weekend, Weekday::Sat) => actual - Duration::days(1),
                _ => actual,
            };
            return Some((actual, observed));
        }
        let d = if let Some(e) = self.easter {
            easter(year)? + Duration::days(e)
        } else {
            let wd = self.weekday.as_deref()?.parse::<Weekday>().ok()?;
            let m = self.month?;
            match self.nth? {
                -1 => last_weekday(year, m, wd)?,
                n => nth_weekday(year, m, wd, u32::try_from(n).ok()?)?,
            }
        } + off;
        Some((d, d))
    }
}

fn insert(map: &mut HashMap<NaiveDate, HolidayInfo>, day: NaiveDate, info: HolidayInfo) {
    match map.get_mut(&day) {
        Some(h) => {
            h.name = format!("{} and {}", h.name, info.name);
            h.authority = format!("{}; {}", h.authority, info.authority);
            // A plain holiday on the same day needs no caution.
            if info.caution.is_none() {
                h.caution = None;
            }
        }
        None => {
            map.insert(day, info);
        }
    }
}

fn load() -> Result<HashMap<System, StateHolidays>> {
    let raw: RawFile = toml::from_str(TEXT).map_err(|e| Error::Data(format!("{FILE}: {e}")))?;
    let mut rules: HashMap<System, (Observed, String)> = HashMap::new();
    for s in &raw.system {
        let sys = s
            .system
            .parse::<System>()
            .ok()
            .filter(|x| x.is_state())
            .ok_or_else(|| {
                Error::Data(format!(
                    "{FILE}: system '{}' is not a state system",
                    s.system
                ))
            })?;
        rules.insert(sys, (s.observed, s.observed_cite.clone()));
    }
    let mut out: HashMap<System, StateHolidays> = HashMap::new();
    for (i, h) in raw.holiday.iter().enumerate() {
        h.validate(i)?;
        let sys = h
            .system
            .parse::<System>()
            .ok()
            .filter(|s| rules.contains_key(s))
            .ok_or_else(|| {
                Error::Data(format!(
                    "{FILE}: holiday #{}: field `system`: '{}' has no [[system]] table",
                    i + 1,
                    h.system
                ))
            })?;
        let (default, observed_cite) = &rules[&sys];
        let table = out.entry(sys).or_default();
        for y in FIRST_DATE.year()..=LAST_DATE.year() + 1 {
            let Some((actual, day)) = h.in_year(y, *default) else {
                continue;
            };
            if !(FIRST_DATE..=LAST_DATE).contains(&day) {
                continue;
            }
            let (name, authority) = if day == actual {
                (h.name.clone(), h.cite.clone())
            } else {
                let cite = if h.observed.is_some() {
                    h.cite.as_str()
                } else {
                    observed_cite.as_str()
                };
                let name = if day.year() != actual.year() {
                    format!("{} {} (observed)", h.name, actual.year())
                } else {
                    format!("{} (observed)", h.name)
                };
                (
                    name,
                    format!(
                        "{}; {cite}: {} falls on a {}",
                        h.cite,
                        actual.format("%b %-d, %Y"),
                        actual.format("%A")
                    ),
                )
            };
            let info = HolidayInfo {
                name,
                kind: HolidayKind::StateCourt,
                authority,
                caution: h.caution.clone(),
            };
            match h.status {
                Status::Noted => insert(&mut table.noted, day, info),
                _ => insert(&mut table.closed, day, info),
            }
        }
    }
    Ok(out)
}

fn all() -> Result<&'static HashMap<System, StateHolidays>> {
    static DATA: OnceLock<std::result::Result<HashMap<System, StateHolidays>, String>> =
        OnceLock::new();
    DATA.get_or_init(|| load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::Data(e.clone()))
}

/// A state's holidays (an empty table for a system without any, or on a data error:
/// the data is compiled in and checked by the tests).
pub(crate) fn of(system: System) -> &'static StateHolidays {
    static EMPTY: OnceLock<StateHolidays> = OnceLock::new();
    all()
        .ok()
        .and_then(|m| m.get(&system))
        .unwrap_or_else(|| EMPTY.get_or_init(StateHolidays::default))
}

/// Check the bundled data (for the loaders' callers and tests).
#[cfg(test)]
pub(crate) fn check() -> Result<()> {
    all().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(sys: System, y: i32) -> Vec<String> {
        let mut v: Vec<NaiveDate> = of(sys)
            .closed
            .keys()
            .copied()
            .filter(|d| d.year() == y)
            .collect();
        v.sort();
        v.iter().map(|d| d.format("%m-%d").to_string()).collect()
    }

    #[test]
    fn generated_lists_match_the_research_tables() {
        check().unwrap();
        assert_eq!(
            closed(System::Ca, 2027).join(" "),
            "01-01 01-18 02-12 02-15 03-31 05-31 06-18 07-05 09-06 09-24 11-11 11-25 11-26 12-24 12-31"
        );
        assert_eq!(
            closed(System::Ca, 2024).join(" "),
            "01-01 01-15 02-12 02-19 04-01 05-27 06-19 07-04 09-02 09-27 11-11 11-28 11-29 12-25"
        );
        assert_eq!(
            closed(System::Ny, 2027).join(" "),
            "01-01 01-18 02-12 02-15 05-31 06-19 07-05 09-06 10-11 11-02 11-11 11-25 12-25"
        );
        assert_eq!(
            closed(System::Fl, 2028).join(" "),
            "01-17 05-29 07-04 09-04 11-10 11-23 11-24 12-25"
        );
        assert_eq!(
            closed(System::Il, 2026).join(" "),
            "01-01 01-19 02-12 02-16 03-02 04-03 05-25 06-19 07-04 09-07 10-12 11-03 11-11 11-26 12-25"
        );
        assert_eq!(
            closed(System::Tx, 2026).join(" "),
            "01-01 01-19 02-16 03-02 04-21 05-25 06-19 07-04 08-27 09-07 11-11 11-26 11-27 12-24 12-25 12-26"
        );
    }

    #[test]
    fn easter_and_lincoln_on_sunday() {
        assert_eq!(easter(2026).unwrap().to_string(), "2026-04-05");
        assert_eq!(easter(2025).unwrap().to_string(), "2025-04-20");
        // Bertell: Lincoln's Birthday on Sunday Feb 12, 2006 -> Monday Feb 13.
        let d = NaiveDate::from_ymd_opt(2006, 2, 13).unwrap();
        assert!(of(System::Il).closed[&d].name.starts_with("Lincoln"));
        // Good Friday is a statutory holiday (205 ILCS 630/17(a)); the day
        // after Thanksgiving, fixed by no statute, is only noted.
        assert!(
            of(System::Il).closed[&NaiveDate::from_ymd_opt(2026, 4, 3).unwrap()]
                .name
                .starts_with("Good Friday")
        );
        assert!(of(System::Il)
            .noted
            .contains_key(&NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()));
    }
}
