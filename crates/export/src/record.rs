//! What a renderer is given: gathered by the store, plain data here.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use casetrail_deadline::{Deadline, DeadlineEntry};
use casetrail_model::{
    Case, Counsel, Court, Document, EventId, Highlight, JudgeRole, Note, Participant, PartyId,
    PartyKind, Proceeding, ProceedingId, TimelineEvent,
};
use serde::{Deserialize, Serialize};

/// A whole case: everything the case file, the CSV and the report show.
#[derive(Debug, Clone)]
pub struct CaseRecord {
    pub case: Case,
    /// The case's own tags, by name.
    pub tags: Vec<String>,
    /// In the store's order (oldest first).
    pub proceedings: Vec<ProceedingRecord>,
    /// Every event of every proceeding, by date then id, with its tags.
    pub events: Vec<TimelineEvent>,
    /// The kind of every party named in a proceeding or an event.
    pub party_kinds: BTreeMap<PartyId, PartyKind>,
    /// By due date then id.
    pub deadlines: Vec<Deadline>,
    /// Notes on the case, its proceedings, events and documents, oldest first.
    pub notes: Vec<Note>,
    /// The case's documents, oldest first.
    pub documents: Vec<DocumentRecord>,
    /// What docket imports recorded (empty for a case typed by hand).
    pub dockets: DocketRecord,
}

/// A proceeding with its court and the people in it.
#[derive(Debug, Clone)]
pub struct ProceedingRecord {
    pub proceeding: Proceeding,
    pub court: Court,
    pub parties: Vec<Participant>,
    /// Judges of the proceeding: name and role.
    pub judges: Vec<(String, JudgeRole)>,
    pub counsel: Vec<Counsel>,
}

/// A document's metadata, tags and highlights (never its text or bytes).
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    pub document: Document,
    pub tags: Vec<String>,
    pub highlights: Vec<Highlight>,
}

/// A hearing, argument or conference as a calendar shows it.
#[derive(Debug, Clone)]
pub struct Hearing {
    pub case_name: String,
    pub event: TimelineEvent,
}

/// What a calendar is made of.
#[derive(Debug, Clone)]
pub struct CalendarSource {
    /// The calendar's name ("Casetrail: Microsoft–Ireland email warrant").
    pub name: String,
    /// The database's own random identity: the right-hand side of every UID,
    /// so two databases never hand a calendar the same UID for different records.
    pub database: String,
    /// Alarm this many days before an open deadline (the user's warning window).
    pub warning_days: u32,
    /// When the export is made (`DTSTAMP`).
    pub stamp: DateTime<Utc>,
    pub deadlines: Vec<DeadlineEntry>,
    pub hearings: Vec<Hearing>,
}

/// What docket imports recorded about a case beyond its events, so a case
/// file carries the whole case: the files imported, each entry's court text
/// and what the import last wrote, what is new, each docket's details, and
/// counsel's contact lines and roles. Values are as the database holds them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocketRecord {
    pub sources: Vec<DocketSource>,
    pub entries: Vec<DocketEntry>,
    pub news: Vec<DocketNews>,
    pub details: Vec<DocketDetails>,
    pub counsel: Vec<CounselContact>,
}

impl DocketRecord {
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.entries.is_empty()
            && self.news.is_empty()
            && self.details.is_empty()
            && self.counsel.is_empty()
    }
}

/// A docket file imported: `id` is the database's (or, restoring, the file's ordinal).
#[derive(Debug, Clone, PartialEq)]
pub struct DocketSource {
    pub id: i64,
    pub source: SourceText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceText {
    pub file_name: String,
    pub format: String,
    pub sha256: String,
    pub imported_at: String,
}

/// The court's record of the entry an event came from.
#[derive(Debug, Clone, PartialEq)]
pub struct DocketEntry {
    pub event: EventId,
    pub created_by: i64,
    pub updated_by: Option<i64>,
    pub entry: EntryText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryText {
    pub entry_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub date_filed: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_entered: Option<String>,
    pub court_text: String,
    pub written_title: String,
    pub written_kind: String,
    pub written_date: String,
    #[serde(default)]
    pub document_ids: String,
    pub format: String,
}

/// An entry an import added or changed, until the user looked.
#[derive(Debug, Clone, PartialEq)]
pub struct DocketNews {
    pub event: EventId,
    pub source: i64,
    pub news: NewsText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewsText {
    pub change: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_text: Option<String>,
    pub new_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen_at: Option<String>,
}

/// A docket's facts beyond the proceeding's columns, and an appeal's origin.
#[derive(Debug, Clone, PartialEq)]
pub struct DocketDetails {
    pub proceeding: ProceedingId,
    pub source: Option<i64>,
    pub details: DetailsText,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DetailsText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referred_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature_of_suit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jury_demand: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_court_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_court_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_docket_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_docket_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_judgment_on: Option<String>,
}

/// Counsel's contact lines and roles as the docket prints them.
#[derive(Debug, Clone, PartialEq)]
pub struct CounselContact {
    pub proceeding: ProceedingId,
    pub party: String,
    pub name: String,
    pub contact: String,
    pub roles: String,
}
