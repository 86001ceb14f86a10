//! Court rules as data.
//!
//! Each rule lives in a TOML file (bundled ones under `assets/rules/`, compiled
//! in; users can add their own files with [`RuleSet::from_user_files`]). A rule
//! has its citation exactly as courts write it ("FRAP 4(a)(1)(B)"), a
//! plain-English name, its trigger, one or more periods (FRAP 31(a)(1) has
//! three: the appellant's, appellee's and reply briefs), variants (the United
//! States a party), caps ("at least 7 days before argument"), and notes.
//! See `assets/rules/README.md` for the file format.

mod apply;
mod load;
mod offer;
mod raw;
mod service;

pub use offer::{
    court_system_name, systems_for_court, PartOffer, RuleChoices, RuleOffer, ServiceOffer,
};
pub(crate) use raw::BUNDLED;

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::Calendar;
use super::compute::Computation;
use super::period::{Direction, Finish, Service, System, Unit};
use crate::{Error, Result};

/// What kind of event starts a rule's period. Only [`TriggerKind::Service`]
/// lets the method of service add days (FRCP 6(d), FRAP 26(c)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// Entry of a judgment or order on the docket.
    Entry,
    /// Filing of a paper (a notice of appeal, a brief, the record).
    Filing,
    /// Service of a paper under FRCP 5 / FRAP 25: mail adds three days.
    Service,
    /// Service of a summons under FRCP 4: never adds days.
    SummonsService,
    /// A scheduled event the period is measured back from (a hearing, argument).
    Event,
    /// A case placed on the docket.
    Docketing,
}

/// A condition a variant applies under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The United States, a U.S. agency, or a U.S. officer or employee is a party.
    UsParty,
    /// The paper was served by substituted service (CPLR 320(a): 30 days, not 20).
    Substituted,
}

/// A different period that applies under a condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// When it applies.
    pub when: Condition,
    /// The period in that case (same unit as the main period).
    pub amount: i64,
    /// The citation of the provision that sets it, if different.
    pub citation: Option<String>,
    /// Explanation.
    pub note: String,
}

/// An outer limit measured back from a later event: "but at least N days before".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cap {
    /// Days before the event.
    pub days: i64,
    /// The event, in plain English ("oral argument").
    pub event: String,
}

/// One period a rule sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulePeriod {
    /// Short key when a rule sets several periods ("appellant", "reply").
    pub key: Option<String>,
    /// Plain-English name of this part, when the rule has several.
    pub name: Option<String>,
    /// The triggering event, in plain English.
    pub trigger: String,
    /// The kind of triggering event.
    pub trigger_kind: TriggerKind,
    /// How many days or hours.
    pub amount: i64,
    /// Days or hours.
    pub unit: Unit,
    /// After the trigger, or before the event.
    pub direction: Direction,
    /// Periods that apply under conditions.
    pub variants: Vec<Variant>,
    /// An outer limit measured back from a later event.
    pub cap_before: Option<Cap>,
    /// A period before an event for serving a paper: the method of service
    /// lengthens it (CCP 1005(b) and 12c(b), CPLR 2214(b), TRCP 21a(c)).
    pub served: bool,
    /// What follows the count (TRCP 99(b)'s Monday next).
    pub finish: Finish,
}

/// "Whichever ends later": another rule computed from another date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaterOf {
    /// Citation of the other rule.
    pub rule: String,
    /// The date it runs from, in plain English ("entry of the judgment").
    pub from: String,
    #[serde(skip)]
    resolved: Option<Box<Rule>>,
}

/// A court rule that sets a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The citation, exactly as written ("FRAP 4(a)(1)(B)").
    pub citation: String,
    /// Other citations that name the same rule (former numbering).
    pub aliases: Vec<String>,
    /// Plain-English name.
    pub name: String,
    /// The rules that govern counting (FRCP, FRAP, Supreme Court).
    pub system: System,
    /// The periods the rule sets (one for most rules).
    pub periods: Vec<RulePeriod>,
    /// The period runs from the due date of this other rule (an extension).
    pub base: Option<String>,
    /// The deadline is the later of this one and another rule's.
    pub later_of: Option<LaterOf>,
    /// Whether the time limit is jurisdictional.
    pub jurisdictional: bool,
    /// Whether the court may extend it (None: as the general rules allow).
    pub extendable: Option<bool>,
    /// Notes for the reader.
    pub notes: Vec<String>,
    /// Where the rule text was read.
    pub source: Option<String>,
    /// The file it was loaded from.
    pub file: String,
    #[serde(skip)]
    base_rule: Option<Box<Rule>>,
}

/// Options for computing a rule's deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleOptions {
    /// The United States (or its agency, officer or employee) is a party.
    pub us_party: bool,
    /// How the triggering paper was served (periods running from service only).
    pub service: Option<Service>,
    /// Which part of a multi-period rule ("appellant", "appellee", "reply").
    pub part: Option<String>,
    /// Date of entry of the judgment (FRAP 4(a)(3): the later-of comparison).
    pub entry: Option<NaiveDate>,
    /// Date of the later event a cap is measured back from (oral argument).
    pub event: Option<NaiveDate>,
}

/// A validated set of rules.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

/// Normalise a citation for lookup: case, spacing and punctuation are
/// ignored (only letters, digits and parentheses count), and the long forms
/// lawyers write are mapped to one short form ("Fed. R. App. P." = "FRAP",
/// "Cal. Code Civ. Proc. §" = "CCP", "Tex. R. Civ. P." = "TRCP",
/// "Ill. Sup. Ct. R." = "Ill. S. Ct. R.", "CRC" = "Cal. Rules of Court").
pub(crate) fn normalize_citation(s: &str) -> String {
    let mut c: String = s
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '(' || *c == ')')
        .collect::<String>()
        .to_lowercase();
    // Longest first: the first prefix that matches is replaced.
    const LONG: &[(&str, &str)] = &[
        ("fedrappp", "frap"),
        ("fedrcivp", "frcp"),
        ("supremecourtrule", "sctr"),
        ("supctr", "sctr"),
        ("sctrule", "sctr"),
        ("illinoissupremecourtrule", "illsctr"),
        ("illsupremecourtrule", "illsctr"),
        ("illsupctrule", "illsctr"),
        ("illsupctr", "illsctr"),
        ("illsctrule", "illsctr"),
        ("californiarulesofcourtrule", "calrulesofcourt"),
        ("californiarulesofcourt", "calrulesofcourt"),
        ("calrulesofcourtrule", "calrulesofcourt"),
        ("calrulesofct", "calrulesofcourt"),
        ("calrulesct", "calrulesofcourt"),
        ("calrct", "calrulesofcourt"),
        ("crcrule", "calrulesofcourt"),
        ("crc", "calrulesofcourt"),
        ("calcodecivproc", "ccp"),
        ("calcivproccode", "ccp"),
        ("codecivproc", "ccp"),
        ("calccp", "ccp"),
        ("caccp", "ccp"),
        ("texrcivp", "trcp"),
        ("txrcivp", "trcp"),
        ("trcprule", "trcp"),
        ("texrappp", "trap"),
        ("txrappp", "trap"),
        ("traprule", "trap"),
        ("nycplr", "cplr"),
        ("flrcivp", "flarcivp"),
        ("flrappp", "flarappp"),
        ("flstat", "flastat"),
    ];
    if let Some((long, short)) = LONG.iter().find(|(l, _)| c.starts_with(l)) {
        c = format!("{short}{}", &c[long.len()..]);
    }
    c
}

impl RuleSet {
    /// The rules bundled with Casetrail (`assets/rules/*.toml`).
    pub fn bundled() -> Result<Self> {
        load::bundled()
    }

    /// Parse a user's rules files (`(name, text)` pairs, in the order given).
    /// References to other rules (`base`, `later_of`) may point at bundled
    /// rules. Reading the files is the caller's: this crate does no I/O.
    pub fn from_user_files(files: &[(String, String)]) -> Result<Self> {
        let bundled = load::bundled()?;
        load::from_files(files, Some(&bundled))
    }

    /// Parse one rules file's text; `file` names it in errors.
    pub fn from_toml(file: &str, text: &str) -> Result<Self> {
        load::from_files(&[(file.to_string(), text.to_string())], None)
    }

    /// Add `other`'s rules; a rule with the same citation replaces this one's.
    pub fn merge(mut self, other: RuleSet) -> Self {
        for r in other.rules {
            let key = normalize_citation(&r.citation);
            self.rules
                .retain(|x| normalize_citation(&x.citation) != key);
            self.rules.push(r);
        }
        self
    }

    /// All rules, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter()
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Find a rule by citation (or alias). Spacing and case are ignored, and
    /// "Fed. R. App. P." / "Sup. Ct. R." long forms are accepted.
    pub fn get(&self, citation: &str) -> Result<&Rule> {
        let key = normalize_citation(citation);
        if key.is_empty() {
            return Err(Error::invalid("no rule citation given"));
        }
        self.rules
            .iter()
            .find(|r| {
                normalize_citation(&r.citation) == key
                    || r.aliases.iter().any(|a| normalize_citation(a) == key)
            })
            .ok_or_else(|| {
                let near: Vec<&str> = self
                    .rules
                    .iter()
                    .filter(|r| {
                        let n = normalize_citation(&r.citation);
                        n.starts_with(&key) || key.starts_with(&n)
                    })
                    .map(|r| r.citation.as_str())
                    .collect();
                let hint = if near.is_empty() {
                    "run `casetrail rules` to list the rules".to_string()
                } else {
                    format!("did you mean {}?", near.join(", "))
                };
                Error::not_found(format!("unknown rule '{citation}': {hint}"))
            })
    }

    /// Compute the deadline the rule named `citation` sets.
    pub fn compute(
        &self,
        citation: &str,
        cal: &Calendar,
        trigger: NaiveDate,
        opts: &RuleOptions,
    ) -> Result<Computation> {
        self.get(citation)?.compute(cal, trigger, opts)
    }
}
