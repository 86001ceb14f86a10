//! What a renderer is given: gathered by the store, plain data here.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use casetrail_deadline::{Deadline, DeadlineEntry};
use casetrail_model::{
    Case, Counsel, Court, Document, Highlight, JudgeRole, Note, Participant, PartyId, PartyKind,
    Proceeding, TimelineEvent,
};

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
