//! What to count: a trigger, an amount of days or hours, a direction, how the
//! triggering paper was served, and which set of rules governs the counting.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::Error;

/// Unit of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Calendar days (FRCP 6(a)(1), FRAP 26(a)(1), S. Ct. R. 30.1).
    Days,
    /// Hours (FRCP 6(a)(2), FRAP 26(a)(2)).
    Hours,
    /// Court days: only days that are not a Saturday, Sunday or holiday of the
    /// state's courts are counted (CCP 1005(b)). State systems only.
    CourtDays,
}

/// Whether the period runs after the trigger or is measured back from an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// "within N days after" — the next day is counted forward.
    After,
    /// "at least N days before" — the next day is counted backward (FRCP 6(a)(5)).
    Before,
}

/// How the paper whose service starts the period was served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// Mail, Rule 5(b)(2)(C): three days are added (FRCP 6(d), FRAP 26(c)).
    Mail,
    /// Leaving it with the clerk, Rule 5(b)(2)(D): three days are added.
    LeaveWithClerk,
    /// Other means the person consented to, Rule 5(b)(2)(F): three days are added.
    Consented,
    /// Electronic service, Rule 5(b)(2)(E): nothing added since Dec 1, 2016.
    Electronic,
    /// Handing it over, Rule 5(b)(2)(A)/(B): nothing added.
    Personal,
    /// Service of a summons under Rule 4: Rule 6(d) never applies.
    Summons,
    /// Mail from (or to) an address outside the state (state systems: CCP
    /// 1013(a) +10 days, CPLR 2103(b)(2) +6 days).
    MailOutOfState,
    /// Overnight or express delivery (state systems: CCP 1013(c), CPLR 2103(b)(6)).
    Overnight,
    /// Substituted service, complete some days later (CCP 415.20, CPLR 308(2)).
    Substituted,
}

impl Service {
    /// Does this method add three days to a period after service made on `served`?
    pub fn adds_three_days(self, served: NaiveDate) -> bool {
        match self {
            Service::Mail | Service::LeaveWithClerk | Service::Consented => true,
            // Before the 2016 amendments, electronic service also got three days.
            Service::Electronic => served < e_service_cutoff(),
            Service::Personal
            | Service::Summons
            | Service::MailOutOfState
            | Service::Overnight
            | Service::Substituted => false,
        }
    }

    /// Plain-English description used in steps.
    pub fn describe(self) -> &'static str {
        match self {
            Service::Mail => "service by mail",
            Service::LeaveWithClerk => "service by leaving it with the clerk",
            Service::Consented => "service by other consented means",
            Service::Electronic => "electronic service",
            Service::Personal => "personal service",
            Service::Summons => "service of the summons under Rule 4",
            Service::MailOutOfState => "service by mail outside the state",
            Service::Overnight => "service by overnight delivery",
            Service::Substituted => "substituted service",
        }
    }

    /// The spelling the CLI and the state rule files use.
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Mail => "mail",
            Service::LeaveWithClerk => "clerk",
            Service::Consented => "consented",
            Service::Electronic => "electronic",
            Service::Personal => "personal",
            Service::Summons => "summons",
            Service::MailOutOfState => "mail-out-of-state",
            Service::Overnight => "overnight",
            Service::Substituted => "substituted",
        }
    }

    /// Methods only the state systems know (the federal rules name none of them).
    pub fn is_state_only(self) -> bool {
        matches!(
            self,
            Service::MailOutOfState | Service::Overnight | Service::Substituted
        )
    }
}

/// The day the 2016 amendments to FRCP 6(d) and FRAP 26(c) took effect.
pub fn e_service_cutoff() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 12, 1).unwrap_or(NaiveDate::MIN)
}

impl FromStr for Service {
    type Err = Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "mail" => Ok(Service::Mail),
            "clerk" | "leave_with_clerk" => Ok(Service::LeaveWithClerk),
            "consented" | "other" => Ok(Service::Consented),
            "electronic" | "ecf" | "e_service" | "email" => Ok(Service::Electronic),
            "personal" | "hand" => Ok(Service::Personal),
            "summons" | "rule4" | "rule_4" => Ok(Service::Summons),
            "mail_out_of_state" | "out_of_state_mail" => Ok(Service::MailOutOfState),
            "overnight" | "express" | "express_mail" => Ok(Service::Overnight),
            "substituted" | "substitute" => Ok(Service::Substituted),
            _ => Err(Error::invalid(format!(
                "unknown service method '{s}': use mail, electronic, personal, clerk, consented or summons (federal); personal, mail, mail-out-of-state, electronic, overnight or substituted (state systems)"
            ))),
        }
    }
}

/// The set of rules that governs the counting (and the citations in the steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum System {
    /// Federal Rules of Civil Procedure (district courts): FRCP 6.
    #[default]
    Frcp,
    /// Federal Rules of Appellate Procedure (courts of appeals): FRAP 26.
    Frap,
    /// Rules of the Supreme Court of the United States: S. Ct. R. 30.
    Scotus,
    /// California state courts: CCP 12-12c, Cal. Rules of Court 1.10.
    Ca,
    /// New York state courts: Gen. Constr. Law 20, 24, 25-a.
    Ny,
    /// Texas state courts: TRCP 4, TRAP 4.1.
    Tx,
    /// Florida state courts: Fla. R. Gen. Prac. & Jud. Admin. 2.514.
    Fl,
    /// Illinois state courts: 5 ILCS 70/1.11.
    Il,
}

/// The state systems, in the order the CLI lists them.
pub const STATE_SYSTEMS: [System; 5] = [System::Ca, System::Ny, System::Tx, System::Fl, System::Il];

impl FromStr for System {
    type Err = Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "frcp" | "civil" | "district" => Ok(System::Frcp),
            "frap" | "appellate" | "circuit" => Ok(System::Frap),
            "scotus" | "supreme" | "s. ct." | "sct" => Ok(System::Scotus),
            "ca" | "cal" | "california" => Ok(System::Ca),
            "ny" | "new york" | "new-york" => Ok(System::Ny),
            "tx" | "tex" | "texas" => Ok(System::Tx),
            "fl" | "fla" | "florida" => Ok(System::Fl),
            "il" | "ill" | "illinois" => Ok(System::Il),
            _ => Err(Error::invalid(format!(
                "unknown rule system '{s}': use frcp, frap or scotus (federal), or ca, ny, tx, fl or il (state courts)"
            ))),
        }
    }
}

impl System {
    /// The short code (`frcp`, `ca`…), as in rule files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            System::Frcp => "frcp",
            System::Frap => "frap",
            System::Scotus => "scotus",
            System::Ca => "ca",
            System::Ny => "ny",
            System::Tx => "tx",
            System::Fl => "fl",
            System::Il => "il",
        }
    }

    /// A state court system (not one of the federal rule sets)?
    pub fn is_state(self) -> bool {
        STATE_SYSTEMS.contains(&self)
    }

    fn pick(self, frcp: &'static str, frap: &'static str) -> &'static str {
        match self {
            System::Frcp => frcp,
            System::Frap => frap,
            System::Scotus => "S. Ct. R. 30.1",
            state => crate::state::counting(state).map_or("", |c| c.roll.as_str()),
        }
    }

    /// The state's counting rule for a kind of step, from its rule file.
    fn state_cite(self, pick: fn(&crate::state::Counting) -> &str) -> Option<&'static str> {
        if !self.is_state() {
            return None;
        }
        Some(crate::state::counting(self).map_or("", pick))
    }
    /// Excluding the trigger day.
    pub fn cite_exclude(self) -> &'static str {
        if let Some(c) = self.state_cite(|c| &c.exclude) {
            return c;
        }
        self.pick("FRCP 6(a)(1)(A)", "FRAP 26(a)(1)(A)")
    }
    /// Counting every day, including the last.
    pub fn cite_count(self) -> &'static str {
        if let Some(c) = self.state_cite(|c| &c.count) {
            return c;
        }
        self.pick("FRCP 6(a)(1)(B)", "FRAP 26(a)(1)(B)")
    }
    /// Rolling a last day that is a weekend or legal holiday.
    pub fn cite_roll(self) -> &'static str {
        if let Some(c) = self.state_cite(|c| &c.roll) {
            return c;
        }
        self.pick("FRCP 6(a)(1)(C)", "FRAP 26(a)(1)(C)")
    }
    /// Counting backward for periods measured before an event.
    pub fn cite_backward(self) -> &'static str {
        if let Some(c) = self.state_cite(|c| &c.backward) {
            return c;
        }
        self.pick("FRCP 6(a)(5)", "FRAP 26(a)(5)")
    }
    /// Hour-based periods.
    pub fn cite_hours(self) -> &'static str {
        self.pick("FRCP 6(a)(2)(C)", "FRAP 26(a)(2)(C)")
    }
    /// The clerk's office being inaccessible.
    pub fn cite_inaccessible(self) -> &'static str {
        self.pick("FRCP 6(a)(3)(A)", "FRAP 26(a)(3)(A)")
    }
    /// Three days added after service.
    pub fn cite_service(self) -> &'static str {
        if let Some(c) = self.state_cite(|c| &c.service) {
            return c;
        }
        self.pick("FRCP 6(d)", "FRAP 26(c)")
    }
    /// The subparagraph that makes a day of this kind a legal holiday.
    pub fn cite_holiday(self, kind: super::HolidayKind) -> &'static str {
        use super::HolidayKind::*;
        if let Some(c) = self.state_cite(|c| &c.holiday) {
            return c;
        }
        match kind {
            Federal => self.pick("FRCP 6(a)(6)(A)", "FRAP 26(a)(6)(A)"),
            Declared => self.pick("FRCP 6(a)(6)(B)", "FRAP 26(a)(6)(B)"),
            State | StateCourt => self.pick("FRCP 6(a)(6)(C)", "FRAP 26(a)(6)(C)"),
            CourtClosed => self.pick("FRCP 6(a)(3)(A)", "FRAP 26(a)(3)(A)"),
        }
    }
}

/// Which version of the counting rules applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// The rules in force since Dec 1, 2009: count every day.
    #[default]
    Current,
    /// Former FRCP 6(a) / FRAP 26(a) (before Dec 1, 2009): a period of fewer than
    /// 11 days excludes intermediate Saturdays, Sundays and legal holidays. For
    /// reconstructing old deadlines only.
    Pre2009,
}

/// A period to compute: the input of [`super::compute`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The day of the triggering event (excluded from the count).
    pub trigger: NaiveDate,
    /// Clock time of the trigger, for hour-based periods.
    pub at: Option<NaiveTime>,
    /// How many days or hours. Must not be negative.
    pub amount: i64,
    /// Days or hours.
    pub unit: Unit,
    /// After the trigger or before an event.
    pub direction: Direction,
    /// When the trigger is service of a paper: how it was served.
    pub service: Option<Service>,
    /// FRCP, FRAP or the Supreme Court's rules.
    pub system: System,
    /// Current or pre-2009 counting.
    pub counting: Counting,
    /// What happens after the count (Texas's Monday-next answer day).
    pub finish: Finish,
}

/// A last step some state rules add after the period is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Finish {
    /// The count (and its roll) is the deadline.
    #[default]
    Plain,
    /// TRCP 99(b): by 10:00 a.m. on the Monday next after the period expires.
    MondayNext,
}

impl Period {
    /// `n` days after `trigger`, under the FRCP, no service.
    pub fn days_after(trigger: NaiveDate, n: i64) -> Self {
        Period {
            trigger,
            at: None,
            amount: n,
            unit: Unit::Days,
            direction: Direction::After,
            service: None,
            system: System::Frcp,
            counting: Counting::Current,
            finish: Finish::Plain,
        }
    }

    /// At least `n` days before the event on `event`.
    pub fn days_before(event: NaiveDate, n: i64) -> Self {
        Period {
            direction: Direction::Before,
            ..Period::days_after(event, n)
        }
    }

    /// `n` hours after `trigger` at `at`.
    pub fn hours_after(trigger: NaiveDate, at: NaiveTime, n: i64) -> Self {
        Period {
            at: Some(at),
            unit: Unit::Hours,
            ..Period::days_after(trigger, n)
        }
    }

    /// The trigger is service of a paper made this way.
    pub fn served(mut self, service: Service) -> Self {
        self.service = Some(service);
        self
    }

    /// Count under this set of rules.
    pub fn under(mut self, system: System) -> Self {
        self.system = system;
        self
    }

    /// `n` court days after `trigger` (state systems).
    pub fn court_days_after(trigger: NaiveDate, n: i64) -> Self {
        Period {
            unit: Unit::CourtDays,
            ..Period::days_after(trigger, n)
        }
    }

    /// Use this version of the counting rules.
    pub fn counting(mut self, counting: Counting) -> Self {
        self.counting = counting;
        self
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unit::Days => "days",
            Unit::Hours => "hours",
            Unit::CourtDays => "court days",
        })
    }
}
