//! The bundled calendar data: courts (with their states), state holidays, and
//! days closed by presidential order. Parsed once, validated, with errors that
//! name the file and the field.

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use super::holidays::{last_weekday, nth_weekday};
use super::parse_date;
use crate::{Error, Result};

const COURTS_FILE: &str = "assets/calendar/courts.toml";
const CLOSURES_FILE: &str = "assets/calendar/closures.toml";
const COURTS_TOML: &str = include_str!("../../../assets/calendar/courts.toml");
const CLOSURES_TOML: &str = include_str!("../../../assets/calendar/closures.toml");

/// A court the calendar knows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Court {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub states: Vec<String>,
    #[serde(default)]
    pub inauguration_day: bool,
    #[serde(default)]
    pub supreme_court: bool,
}

/// How a state holiday is placed in a year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StateHolidayRule {
    pub state: String,
    pub name: String,
    pub cite: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub observed: Option<String>,
    #[serde(default)]
    pub nth: Option<i32>,
    #[serde(default)]
    pub weekday: Option<String>,
    #[serde(default)]
    pub month: Option<u32>,
    #[serde(default)]
    pub offset_days: i64,
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub until: Option<i32>,
}

/// A day the executive departments were closed by presidential order.
#[derive(Debug, Clone)]
pub(crate) struct Closure {
    pub date: NaiveDate,
    pub occasion: String,
    pub authority: String,
    pub source: String,
    pub confidence: String,
    pub supreme_court_closed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourtsFile {
    court: Vec<Court>,
    state_holiday: Vec<StateHolidayRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosure {
    date: String,
    occasion: String,
    authority: String,
    source: String,
    confidence: String,
    #[serde(default)]
    supreme_court_closed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClosuresFile {
    closure: Vec<RawClosure>,
}

/// All bundled calendar data.
pub(crate) struct CalendarData {
    pub courts: Vec<Court>,
    pub state_holidays: Vec<StateHolidayRule>,
    pub closures: Vec<Closure>,
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    s.parse::<Weekday>().ok()
}

impl StateHolidayRule {
    fn validate(&self, i: usize) -> Result<()> {
        let at = |field: &str, msg: &str| {
            Error::Data(format!(
                "{COURTS_FILE}: state_holiday #{} ({} {}): field `{field}`: {msg}",
                i + 1,
                self.state,
                self.name
            ))
        };
        match (&self.date, self.nth) {
            (Some(d), None) => {
                let probe = format!("2000-{d}");
                parse_date(&probe).map_err(|_| at("date", "expected MM-DD"))?;
                match self.observed.as_deref() {
                    None | Some("none") | Some("sunday_to_monday") | Some("weekend") => {}
                    Some(_) => return Err(at("observed", "use none, sunday_to_monday or weekend")),
                }
            }
            (None, Some(n)) => {
                if !(n == -1 || (1..=4).contains(&n)) {
                    return Err(at("nth", "use 1 to 4, or -1 for the last"));
                }
                if self.weekday.as_deref().and_then(parse_weekday).is_none() {
                    return Err(at("weekday", "expected mon, tue, ... sun"));
                }
                if !matches!(self.month, Some(1..=12)) {
                    return Err(at("month", "expected 1 to 12"));
                }
            }
            _ => return Err(at("date", "give either `date` or `nth`+`weekday`+`month`")),
        }
        Ok(())
    }

    /// The day this holiday is observed in `year`, if it exists that year.
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        if self.from.is_some_and(|f| year < f) || self.until.is_some_and(|u| year > u) {
            return None;
        }
        let base = if let Some(d) = &self.date {
            let (m, day) = d.split_once('-')?;
            let d = NaiveDate::from_ymd_opt(year, m.parse().ok()?, day.parse().ok()?)?;
            match (self.observed.as_deref(), d.weekday()) {
                (Some("sunday_to_monday") | Some("weekend"), Weekday::Sun) => d + Duration::days(1),
                (Some("weekend"), Weekday::Sat) => d - Duration::days(1),
                _ => d,
            }
        } else {
            let wd = parse_weekday(self.weekday.as_deref()?)?;
            let m = self.month?;
            match self.nth? {
                -1 => last_weekday(year, m, wd)?,
                n => nth_weekday(year, m, wd, u32::try_from(n).ok()?)?,
            }
        };
        Some(base + Duration::days(self.offset_days))
    }
}

fn load() -> Result<CalendarData> {
    let courts: CourtsFile =
        toml::from_str(COURTS_TOML).map_err(|e| Error::Data(format!("{COURTS_FILE}: {e}")))?;
    for (i, r) in courts.state_holiday.iter().enumerate() {
        r.validate(i)?;
    }
    let raw: ClosuresFile =
        toml::from_str(CLOSURES_TOML).map_err(|e| Error::Data(format!("{CLOSURES_FILE}: {e}")))?;
    let mut closures = Vec::with_capacity(raw.closure.len());
    for (i, c) in raw.closure.into_iter().enumerate() {
        let date = parse_date(&c.date).map_err(|e| {
            Error::Data(format!(
                "{CLOSURES_FILE}: closure #{}: field `date`: {e}",
                i + 1
            ))
        })?;
        if !matches!(
            c.confidence.as_str(),
            "confirmed" | "recalled" | "single source"
        ) {
            return Err(Error::Data(format!(
                "{CLOSURES_FILE}: closure #{} ({date}): field `confidence`: use confirmed, recalled or single source",
                i + 1
            )));
        }
        closures.push(Closure {
            date,
            occasion: c.occasion,
            authority: c.authority,
            source: c.source,
            confidence: c.confidence,
            supreme_court_closed: c.supreme_court_closed,
        });
    }
    Ok(CalendarData {
        courts: courts.court,
        state_holidays: courts.state_holiday,
        closures,
    })
}

/// The bundled data, parsed once.
pub(crate) fn data() -> Result<&'static CalendarData> {
    static DATA: OnceLock<std::result::Result<CalendarData, String>> = OnceLock::new();
    DATA.get_or_init(|| load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::Data(e.clone()))
}

/// Normalise a court id or alias for lookup.
fn norm(s: &str) -> String {
    s.trim()
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Find a court by id or alias.
pub(crate) fn find_court(id: &str) -> Result<&'static Court> {
    let data = data()?;
    let key = norm(id);
    data.courts
        .iter()
        .find(|c| c.id == key || c.aliases.iter().any(|a| norm(a) == key))
        .ok_or_else(|| {
            let known: Vec<&str> = data.courts.iter().map(|c| c.id.as_str()).collect();
            Error::not_found(format!(
                "unknown court '{id}': known courts are {}",
                known.join(", ")
            ))
        })
}

/// Inauguration Day in `year`, if it is an inauguration year (5 U.S.C. 6103(c)).
pub(crate) fn inauguration_day(year: i32) -> Option<NaiveDate> {
    if year < 1901 || (year - 1901) % 4 != 0 {
        return None;
    }
    let d = if year >= 1937 {
        NaiveDate::from_ymd_opt(year, 1, 20)?
    } else {
        NaiveDate::from_ymd_opt(year, 3, 4)?
    };
    Some(if d.weekday() == Weekday::Sun {
        d + Duration::days(1)
    } else {
        d
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_parses() {
        let d = data().unwrap();
        assert!(d.courts.iter().any(|c| c.id == "mad"));
        assert!(d
            .closures
            .iter()
            .any(|c| c.date.to_string() == "2025-01-09"));
    }

    #[test]
    fn patriots_day_and_inauguration() {
        let r = data()
            .unwrap()
            .state_holidays
            .iter()
            .find(|r| r.state == "MA" && r.from == Some(1969))
            .unwrap();
        assert_eq!(r.in_year(2026).unwrap().to_string(), "2026-04-20");
        assert_eq!(inauguration_day(2013).unwrap().to_string(), "2013-01-21");
        assert_eq!(inauguration_day(2025).unwrap().to_string(), "2025-01-20");
        assert_eq!(inauguration_day(2026), None);
        assert_eq!(find_court("D. Mass.").unwrap().id, "mad");
        assert!(find_court("nowhere").is_err());
    }
}
