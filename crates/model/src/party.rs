//! Parties, judges and counsel, and the roles they take in proceedings and events.

use serde::Serialize;

use super::vocabulary::vocabulary;
use super::{JudgeId, PartyId};

vocabulary! {
    /// What kind of entity a party is.
    pub enum PartyKind("party kind") {
        Person => "person", "Person",
        Organization => "organization", "Organization",
        Government => "government", "Government",
        Group => "group", "Group of signatories",
    }
}

vocabulary! {
    /// A party's role in a proceeding or an event.
    pub enum PartyRole("party role") {
        Plaintiff => "plaintiff", "Plaintiff",
        Defendant => "defendant", "Defendant",
        Movant => "movant", "Movant",
        Appellant => "appellant", "Appellant",
        Appellee => "appellee", "Appellee",
        Petitioner => "petitioner", "Petitioner",
        Respondent => "respondent", "Respondent",
        Government => "government", "Government",
        Amicus => "amicus", "Amicus curiae",
        Intervenor => "intervenor", "Intervenor",
        Filer => "filer", "Filer",
        Other => "other", "Other",
    }
}

vocabulary! {
    /// A judge's part in a proceeding or a ruling.
    pub enum JudgeRole("judge role") {
        Presiding => "presiding", "Presiding",
        Panel => "panel", "Panel",
        Author => "author", "Author",
        Concurring => "concurring", "Concurring",
        Dissenting => "dissenting", "Dissenting",
    }
}

/// A party: a person, company or government.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Party {
    pub id: PartyId,
    pub name: String,
    pub kind: PartyKind,
}

/// A judge.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Judge {
    pub id: JudgeId,
    pub name: String,
    pub court_id: Option<String>,
}

/// A lawyer appearing for a party in a proceeding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Counsel {
    pub name: String,
    pub firm: String,
    pub party: String,
}

/// A party as it takes part in a proceeding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Participant {
    pub party_id: PartyId,
    pub name: String,
    pub role: PartyRole,
}

/// A party named on a docket event (a filer, an amicus).
pub type EventParty = Participant;

/// A judge named on a ruling or hearing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EventJudge {
    pub judge_id: JudgeId,
    pub name: String,
    pub role: JudgeRole,
}
