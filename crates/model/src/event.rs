//! Docket events: filings, rulings with outcomes, stays, amicus briefs,
//! arguments, and the outside events (a statute) that moved a case.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::party::{EventJudge, EventParty};
use super::vocabulary::vocabulary;
use super::{EventDate, EventId, ProceedingId};
use crate::{Error, Result};

vocabulary! {
    /// What happened on the docket.
    pub enum EventKind("event kind") {
        Complaint => "complaint", "Complaint",
        Petition => "petition", "Petition",
        Motion => "motion", "Motion",
        Response => "response", "Response",
        Reply => "reply", "Reply",
        Brief => "brief", "Brief",
        AmicusBrief => "amicus_brief", "Amicus brief",
        Objection => "objection", "Objections",
        NoticeOfAppeal => "notice_of_appeal", "Notice of appeal",
        Letter => "letter", "Letter",
        Filing => "filing", "Filing",
        Warrant => "warrant", "Warrant",
        Ruling => "ruling", "Ruling",
        Stay => "stay", "Stay",
        Hearing => "hearing", "Hearing",
        Argument => "argument", "Oral argument",
        Conference => "conference", "Conference",
        Mandate => "mandate", "Mandate",
        Statute => "statute", "Statute",
        Statement => "statement", "Public statement",
        Order => "order", "Order",
        Judgment => "judgment", "Judgment",
        Stipulation => "stipulation", "Stipulation",
        Transcript => "transcript", "Transcript",
        MinuteEntry => "minute_entry", "Minute entry",
        Summons => "summons", "Summons",
        Appearance => "appearance", "Notice of appearance",
        /// A docket entry whose kind the text does not make clear.
        Entry => "entry", "Docket entry",
        Other => "other", "Other",
    }
}

impl EventKind {
    /// Filings made by parties or amici (as opposed to acts of the court).
    pub fn is_filing(self) -> bool {
        use EventKind::*;
        matches!(
            self,
            Complaint
                | Petition
                | Motion
                | Response
                | Reply
                | Brief
                | AmicusBrief
                | Objection
                | NoticeOfAppeal
                | Letter
                | Filing
                | Stipulation
                | Appearance
        )
    }
}

vocabulary! {
    /// How a ruling came out.
    pub enum Outcome("outcome") {
        Granted => "granted", "Granted",
        GrantedInPart => "granted_in_part", "Granted in part",
        Denied => "denied", "Denied",
        Affirmed => "affirmed", "Affirmed",
        AffirmedInPart => "affirmed_in_part", "Affirmed in part",
        Reversed => "reversed", "Reversed",
        ReversedAndRemanded => "reversed_and_remanded", "Reversed and remanded",
        Vacated => "vacated", "Vacated",
        VacatedAndRemanded => "vacated_and_remanded", "Vacated and remanded",
        VacatedAsMoot => "vacated_as_moot", "Vacated as moot",
        Remanded => "remanded", "Remanded",
        Dismissed => "dismissed", "Dismissed",
        DismissedAsMoot => "dismissed_as_moot", "Dismissed as moot",
        HeldInContempt => "held_in_contempt", "Held in contempt",
        Other => "other", "Other",
    }
}

vocabulary! {
    /// Which side a brief supports. "petitioner" is the side that sought the
    /// ruling under review (appellant, petitioner, movant); "respondent" the other.
    pub enum Side("side") {
        Petitioner => "petitioner", "Supports petitioner / appellant",
        Respondent => "respondent", "Supports respondent / appellee",
        Neither => "neither", "Supports neither party",
    }
}

vocabulary! {
    /// How sure the record is of an event's date and facts.
    pub enum Certainty("certainty") {
        Confirmed => "confirmed", "Confirmed by a cited document",
        Likely => "likely", "Likely: sources conflict or timing inferred",
        Inferred => "inferred", "Inferred from a rule",
        Unverified => "unverified", "Not yet verified",
    }
}

vocabulary! {
    /// Whether a stay still holds.
    pub enum StayStatus("stay status") {
        InEffect => "in_effect", "In effect",
        Lifted => "lifted", "Lifted",
    }
}

/// A stay drawn as a span: from the event that granted it to the one that lifted it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaySpan {
    pub granted_on: EventDate,
    pub lifted_on: Option<EventDate>,
    pub lifted_by: Option<EventId>,
    pub status: StayStatus,
}

impl StaySpan {
    /// Build the span; the status follows from whether it was lifted.
    pub fn new(
        granted_on: EventDate,
        lifted_on: Option<EventDate>,
        lifted_by: Option<EventId>,
    ) -> Self {
        let status = if lifted_on.is_some() {
            StayStatus::Lifted
        } else {
            StayStatus::InEffect
        };
        StaySpan {
            granted_on,
            lifted_on,
            lifted_by,
            status,
        }
    }
}

/// A docket event as stored, with who filed or decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocketEvent {
    pub id: EventId,
    pub proceeding_id: ProceedingId,
    pub date: EventDate,
    pub kind: EventKind,
    pub title: String,
    /// Longer description or the clerk's docket text.
    pub description: String,
    /// The docket entry number ("6", "Doc. 47"), when known.
    pub entry: Option<String>,
    pub outcome: Option<Outcome>,
    /// For briefs, and above all amicus briefs: the side supported.
    pub side: Option<Side>,
    /// For stays: the span.
    pub stay: Option<StaySpan>,
    pub parties: Vec<EventParty>,
    pub judges: Vec<EventJudge>,
    /// Where the fact comes from (a citation, a document, a press report).
    pub source: String,
    pub certainty: Certainty,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a user supplies to log a docket event.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewEvent {
    pub proceeding_id: ProceedingId,
    pub date: EventDate,
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub entry: Option<String>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub side: Option<Side>,
    /// Names of the filing parties (created when new).
    #[serde(default)]
    pub filers: Vec<String>,
    #[serde(default)]
    pub source: String,
    #[serde(default = "default_certainty")]
    pub certainty: Certainty,
}

fn default_certainty() -> Certainty {
    Certainty::Confirmed
}

impl NewEvent {
    /// A minimal event: the paralegal's quick path.
    pub fn new(
        proceeding_id: ProceedingId,
        date: EventDate,
        kind: EventKind,
        title: impl Into<String>,
    ) -> Self {
        NewEvent {
            proceeding_id,
            date,
            kind,
            title: title.into(),
            description: String::new(),
            entry: None,
            outcome: None,
            side: None,
            filers: Vec::new(),
            source: String::new(),
            certainty: Certainty::Confirmed,
        }
    }

    /// Check the fields a person typed, naming the first one that is wrong.
    pub fn validate(&self) -> Result<()> {
        if self.title.trim().is_empty() {
            return Err(Error::invalid("an event needs a title"));
        }
        if self.outcome.is_some() && self.kind != EventKind::Ruling {
            return Err(Error::invalid(format!(
                "only a ruling has an outcome (this event is a {})",
                self.kind
            )));
        }
        if self.side.is_some() && !self.kind.is_filing() {
            return Err(Error::invalid(format!(
                "only a filing supports a side (this event is a {})",
                self.kind
            )));
        }
        if self.filers.iter().any(|f| f.trim().is_empty()) {
            return Err(Error::invalid("a filer's name is empty"));
        }
        Ok(())
    }
}
