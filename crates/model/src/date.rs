//! Event dates with their precision: some sources give only the month ("2014-06").

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Error;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A calendar date known to the day or only to the month.
///
/// Written `YYYY-MM-DD` or `YYYY-MM`. Ordering puts a month-only date before
/// every day of that month, which is also how their text sorts in SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct EventDate {
    /// The day, or the first day of the month for month-only dates.
    start: NaiveDate,
    precision: Precision,
}

impl EventDate {
    /// A date known to the day.
    pub fn day(date: NaiveDate) -> Self {
        EventDate {
            start: date,
            precision: Precision::Day,
        }
    }

    /// A date known only to the month.
    pub fn month(year: i32, month: u32) -> crate::Result<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)
            .ok_or_else(|| Error::invalid(format!("{year:04}-{month:02} is not a month")))?;
        Ok(EventDate {
            start,
            precision: Precision::Month,
        })
    }

    /// The exact day, when known.
    pub fn exact(self) -> Option<NaiveDate> {
        (self.precision == Precision::Day).then_some(self.start)
    }

    /// The day, or the first day of the month: where the date sits on a timeline.
    pub fn start(self) -> NaiveDate {
        self.start
    }

    /// How precisely the date is known.
    pub fn precision(self) -> Precision {
        self.precision
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.start.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{:04}-{:02}", self.start.year(), self.start.month()),
        }
    }
}

impl FromStr for EventDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        let bad = || {
            Error::invalid(format!(
                "bad date {s:?}: expected YYYY-MM-DD, or YYYY-MM when only the month is known"
            ))
        };
        let parts: Vec<&str> = s.split('-').collect();
        let well_formed = match parts.as_slice() {
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        } && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month: u32 = parts[1].parse().map_err(|_| bad())?;
        if parts.len() == 2 {
            return EventDate::month(year, month).map_err(|_| bad());
        }
        let day: u32 = parts[2].parse().map_err(|_| bad())?;
        NaiveDate::from_ymd_opt(year, month, day)
            .map(EventDate::day)
            .ok_or_else(|| Error::invalid(format!("{s} is not a day in the calendar")))
    }
}

impl Serialize for EventDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EventDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        let d: EventDate = "2014-08-01".parse().unwrap();
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(d.to_string(), "2014-08-01");
        let m: EventDate = "2014-06".parse().unwrap();
        assert_eq!(m.precision(), Precision::Month);
        assert_eq!(m.exact(), None);
        assert_eq!(m.to_string(), "2014-06");
        assert!(m < "2014-06-01".parse().unwrap());
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2014-02-30",
            "2014-13",
            "14-06-01",
            "2014/06/01",
            "",
            "2014-6-1",
            "x",
        ] {
            assert!(bad.parse::<EventDate>().is_err(), "{bad} accepted");
        }
    }
}
