//! Which days are legal holidays, for which court, in which direction.
//!
//! A [`Calendar`] answers "is this day a Saturday, Sunday or legal holiday for
//! this period?" Legal holidays are, per FRCP 6(a)(6) and FRAP 26(a)(6):
//! (A) the days set aside by 5 U.S.C. 6103 for observing the federal holidays
//! (computed, 1900–2100); (B) days declared a holiday by the President or
//! Congress — the presidential closures in `assets/calendar/closures.toml`
//! (on by default) and, for courts in the D.C. area, Inauguration Day; (C) for
//! periods measured after an event only, the state holidays of the court.
//! Supreme Court periods (S. Ct. R. 30.1) use 6103 and the days the Court
//! building is closed, nothing else.
//!
//! Days the clerk's office was inaccessible (weather, outages) are not
//! holidays: the caller records them with [`Calendar::with_inaccessible`] and
//! the computation extends the last day under FRCP 6(a)(3) / FRAP 26(a)(3).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::courts::{self, Court};
use super::holidays::federal_holidays;
use super::period::{Direction, System};
use super::{FIRST_DATE, LAST_DATE};
use crate::state::courts::StateCourt;
use crate::Result;

/// Why a day is a legal holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// 5 U.S.C. 6103(a) holiday (its observed day): FRCP 6(a)(6)(A).
    Federal,
    /// Declared by the President or Congress: FRCP 6(a)(6)(B).
    Declared,
    /// Declared by the court's state; forward periods only: FRCP 6(a)(6)(C).
    State,
    /// The Supreme Court building is closed (S. Ct. R. 30.1).
    CourtClosed,
    /// A holiday of a state's courts under that state's own counting rule
    /// (CCP 135, GCL 24, Gov't Code 662.003, Fla. Stat. 110.117, 5 ILCS 70/1.11).
    StateCourt,
}

/// A legal holiday, with what makes it one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HolidayInfo {
    /// Display name, e.g. "Labor Day" or "New Year's Day 2022 (observed)".
    pub name: String,
    /// Which paragraph of the rule makes it a legal holiday.
    pub kind: HolidayKind,
    /// The law or order behind it, e.g. "5 U.S.C. 6103(a)".
    pub authority: String,
    /// A caution to show with it (unverified closure, local-practice policy).
    pub caution: Option<String>,
}

/// The legal-holiday calendar for one court (or the federal courts generally).
#[derive(Debug, Clone)]
pub struct Calendar {
    court: Option<&'static Court>,
    presidential_closures: bool,
    extra_declared: HashMap<NaiveDate, HolidayInfo>,
    state: HashMap<NaiveDate, HolidayInfo>,
    inaccessible: BTreeMap<NaiveDate, String>,
    state_system: Option<System>,
    state_court: Option<&'static StateCourt>,
}

/// The federal holidays by observed day, 1900–2100 (New Year's Day 2101 is
/// included because it may be observed on Dec 31, 2100).
fn federal_table() -> &'static HashMap<NaiveDate, HolidayInfo> {
    static TABLE: OnceLock<HashMap<NaiveDate, HolidayInfo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::with_capacity(2300);
        for y in FIRST_DATE.year()..=LAST_DATE.year() + 1 {
            for h in federal_holidays(y) {
                let name = if h.observed == h.actual {
                    h.name.to_string()
                } else if h.observed.year() != h.actual.year() {
                    format!("{} {} (observed)", h.name, h.actual.year())
                } else {
                    format!("{} (observed)", h.name)
                };
                let authority = if h.observed == h.actual {
                    "5 U.S.C. 6103(a)".to_string()
                } else {
                    format!(
                        "5 U.S.C. 6103(a), (b): {} falls on a {}",
                        h.actual.format("%b %-d, %Y"),
                        h.actual.format("%A")
                    )
                };
                t.insert(
                    h.observed,
                    HolidayInfo {
                        name,
                        kind: HolidayKind::Federal,
                        authority,
                        caution: None,
                    },
                );
            }
        }
        t
    })
}

impl Calendar {
    fn new(court: Option<&'static Court>) -> Self {
        Calendar {
            court,
            presidential_closures: true,
            extra_declared: HashMap::new(),
            state: HashMap::new(),
            inaccessible: BTreeMap::new(),
            state_system: None,
            state_court: None,
        }
    }

    /// The calendar of a state court system (`System::Ca`…): that state's
    /// court holidays only, in both directions. For a federal system, the
    /// federal calendar.
    pub fn for_system(system: System) -> Self {
        let mut cal = Calendar::new(None);
        if system.is_state() {
            cal.state_system = Some(system);
        }
        cal
    }

    /// The federal calendar with no state holidays: 6103 holidays plus the
    /// presidential closures.
    pub fn federal() -> Self {
        Calendar::new(None)
    }

    /// The calendar of a court, by id (`mad`, `ca2`, `scotus`…) or alias
    /// (`D. Mass.`): adds its state holidays and, for courts in the D.C. area,
    /// Inauguration Day. Unknown ids are a `NotFound` error listing the known ones.
    pub fn for_court(court_id: &str) -> Result<Self> {
        let court = match courts::find_court(court_id) {
            Ok(c) => c,
            Err(e) => {
                // A state court of one of the state systems: its state's calendar.
                let Some(sc) = crate::state::courts::find(court_id) else {
                    return Err(e);
                };
                let mut cal = Calendar::for_system(sc.system);
                cal.state_court = Some(sc);
                return Ok(cal);
            }
        };
        let data = courts::data()?;
        let mut cal = Calendar::new(Some(court));
        for state in &court.states {
            for rule in data.state_holidays.iter().filter(|r| &r.state == state) {
                for y in FIRST_DATE.year()..=LAST_DATE.year() {
                    if let Some(d) = rule.in_year(y) {
                        cal.state.insert(
                            d,
                            HolidayInfo {
                                name: rule.name.clone(),
                                kind: HolidayKind::State,
                                authority: rule.cite.clone(),
                                caution: None,
                            },
                        );
                    }
                }
            }
        }
        if court.inauguration_day {
            for y in FIRST_DATE.year()..=LAST_DATE.year() {
                if let Some(d) = courts::inauguration_day(y) {
                    cal.extra_declared.insert(
                        d,
                        HolidayInfo {
                            name: "Inauguration Day".into(),
                            kind: HolidayKind::Declared,
                            authority: "5 U.S.C. 6103(c) (D.C.-area holiday)".into(),
                            caution: None,
                        },
                    );
                }
            }
        }
        Ok(cal)
    }

    /// Also count the state holidays of another court's state: FRAP 26(a)(6)(C)
    /// counts the state of the district court that rendered the judgment as well
    /// as that of the circuit clerk's principal office.
    pub fn with_states_of(mut self, court_id: &str) -> Result<Self> {
        let other = Calendar::for_court(court_id)?;
        self.state.extend(other.state);
        Ok(self)
    }

    /// The court id, if this is a court's calendar.
    pub fn court_id(&self) -> Option<&str> {
        self.court
            .map(|c| c.id.as_str())
            .or(self.state_court.map(|c| c.id.as_str()))
    }

    /// The court's name, if this is a court's calendar.
    pub fn court_name(&self) -> Option<&str> {
        self.court
            .map(|c| c.name.as_str())
            .or(self.state_court.map(|c| c.name.as_str()))
    }

    /// The state system this calendar is for, if it is a state court's.
    pub fn state_system(&self) -> Option<System> {
        self.state_system
    }

    /// The rules that govern counting in this court: FRAP for the courts of
    /// appeals (ids `ca1`…`ca11`, `cadc`, `cafc`), the Supreme Court's Rules for
    /// `scotus`, the FRCP otherwise.
    pub fn system(&self) -> System {
        if let Some(s) = self.state_system {
            return s;
        }
        match self.court {
            Some(c) if c.supreme_court => System::Scotus,
            Some(c) if c.id.starts_with("ca") => System::Frap,
            _ => System::Frcp,
        }
    }

    /// Is this the Supreme Court's calendar?
    pub fn is_supreme_court(&self) -> bool {
        self.court.is_some_and(|c| c.supreme_court)
    }

    /// Drop the presidential closures (for a court that stayed open on them).
    pub fn without_presidential_closures(mut self) -> Self {
        self.presidential_closures = false;
        self
    }

    /// Record a day the clerk's office was inaccessible (FRCP 6(a)(3)); for the
    /// Supreme Court, a day its building was closed (S. Ct. R. 30.1).
    pub fn with_inaccessible(mut self, date: NaiveDate, note: impl Into<String>) -> Self {
        self.inaccessible.insert(date, note.into());
        self
    }

    /// Add a day declared a holiday by the court's state (forward periods only).
    pub fn with_state_holiday(mut self, date: NaiveDate, name: impl Into<String>) -> Self {
        self.state.insert(
            date,
            HolidayInfo {
                name: name.into(),
                kind: HolidayKind::State,
                authority: "state holiday recorded by the user".into(),
                caution: None,
            },
        );
        self
    }

    /// The day the clerk's office was inaccessible, with its note.
    pub fn inaccessible(&self, date: NaiveDate) -> Option<&str> {
        self.inaccessible.get(&date).map(String::as_str)
    }

    /// The legal holiday on `date` for a period counted in `direction` under `system`.
    pub fn legal_holiday(
        &self,
        date: NaiveDate,
        direction: Direction,
        system: System,
    ) -> Option<HolidayInfo> {
        if system.is_state() {
            // A state's own holidays, in both directions, plus days recorded
            // for this court (CCP 12b closures and the like).
            return crate::state::holidays::of(system)
                .closed
                .get(&date)
                .or_else(|| {
                    // Days recorded for this court count only on its own state's calendar.
                    (self.state_system == Some(system))
                        .then(|| self.state.get(&date))
                        .flatten()
                })
                .cloned();
        }
        if let Some(h) = federal_table().get(&date) {
            return Some(h.clone());
        }
        let scotus = system == System::Scotus;
        if scotus {
            if courts::inauguration_day(date.year()) == Some(date) {
                return Some(HolidayInfo {
                    name: "Inauguration Day".into(),
                    kind: HolidayKind::Federal,
                    authority: "5 U.S.C. 6103(c)".into(),
                    caution: None,
                });
            }
        } else if let Some(h) = self.extra_declared.get(&date) {
            return Some(h.clone());
        }
        if self.presidential_closures || scotus {
            if let Some(c) = courts::data()
                .ok()
                .and_then(|d| d.closures.iter().find(|c| c.date == date))
            {
                if !scotus || c.supreme_court_closed {
                    let caution = match c.confidence.as_str() {
                        "confirmed" => None,
                        "recalled" => Some(
                            "closure recalled, not re-checked against the order: verify".into(),
                        ),
                        _ => Some(format!(
                            "closure known from a single source ({}): verify",
                            c.source
                        )),
                    };
                    return Some(HolidayInfo {
                        name: format!("closed by presidential order ({})", c.occasion),
                        kind: if scotus {
                            HolidayKind::CourtClosed
                        } else {
                            HolidayKind::Declared
                        },
                        authority: c.authority.clone(),
                        caution,
                    });
                }
            }
        }
        if scotus {
            return self.inaccessible.get(&date).map(|note| HolidayInfo {
                name: format!("the Court building is closed ({note})"),
                kind: HolidayKind::CourtClosed,
                authority: "S. Ct. R. 30.1".into(),
                caution: None,
            });
        }
        if direction == Direction::After {
            if let Some(h) = self.state.get(&date) {
                return Some(h.clone());
            }
        }
        None
    }

    /// Is `date` a Saturday, Sunday or legal holiday for this period?
    pub fn is_closed(&self, date: NaiveDate, direction: Direction, system: System) -> bool {
        matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            || self.legal_holiday(date, direction, system).is_some()
    }

    /// Every legal holiday of `year` on this calendar (forward-period view), by date.
    pub fn holidays_in_year(&self, year: i32, system: System) -> Vec<(NaiveDate, HolidayInfo)> {
        let Some(mut d) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        while d.year() == year {
            if let Some(h) = self.legal_holiday(d, Direction::After, system) {
                out.push((d, h));
            }
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
        out
    }
}
