//! What a docket import did, and what is new on a docket since the user looked.
//!
//! The JSON of [`DocketImport`] is the `import-docket --json` contract: keep
//! its field names.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::vocabulary::vocabulary;
use super::{CaseId, EventId, ProceedingId};

vocabulary! {
    /// What an import did to one docket entry.
    pub enum EntryStatus("entry status") {
        Added => "added", "Added",
        Updated => "updated", "Changed",
        Unchanged => "unchanged", "Unchanged",
    }
}

vocabulary! {
    /// Why an entry is news.
    pub enum NewsChange("news change") {
        Added => "added", "New entry",
        Updated => "updated", "Changed entry",
    }
}

/// One entry of an imported docket and what the import did with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportedEntry {
    /// As the court prints it; null for unnumbered entries.
    pub number: Option<String>,
    pub date_filed: NaiveDate,
    pub description: String,
    pub status: EntryStatus,
}

/// A lawyer as an imported docket lists them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportedAttorney {
    pub name: String,
    pub roles: Vec<String>,
}

/// A party as an imported docket lists it, with its lawyers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportedParty {
    pub name: String,
    /// As printed ("Plaintiff", "Debtor", "Appellant").
    pub role: String,
    pub attorneys: Vec<ImportedAttorney>,
}

/// A court and docket number (an appeal's originating docket).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocketRef {
    /// The courts-db id when known, else the court as printed.
    pub court: String,
    pub docket_number: String,
}

/// The proceeding an imported appeal was linked to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AppealOf {
    pub proceeding_id: ProceedingId,
}

/// One docket as imported (or, with `--dry-run`, as it would be).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocketImport {
    pub court: String,
    pub docket_number: String,
    pub case_name: String,
    pub proceeding_id: ProceedingId,
    pub case_id: CaseId,
    pub entries: Vec<ImportedEntry>,
    pub parties: Vec<ImportedParty>,
    pub originating: Option<DocketRef>,
    pub appeal_of: Option<AppealOf>,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// The case was created by this import.
    #[serde(skip)]
    pub created_case: bool,
    /// The proceeding was created by this import.
    #[serde(skip)]
    pub created_proceeding: bool,
    /// Appeals already in Casetrail that this docket was found to be the origin of.
    #[serde(skip)]
    pub appeals_linked: Vec<ProceedingId>,
}

impl DocketImport {
    /// The originating docket is named but not in Casetrail (offer to add it).
    pub fn origin_missing(&self) -> bool {
        self.originating.is_some() && self.appeal_of.is_none()
    }
}

/// An entry added or changed by an import that the user has not yet seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewsItem {
    pub id: i64,
    pub change: NewsChange,
    pub event_id: EventId,
    pub proceeding_id: ProceedingId,
    pub case_id: CaseId,
    pub case_name: String,
    /// The court's citation form ("S.D.N.Y.").
    pub court: String,
    pub docket_number: String,
    pub entry: Option<String>,
    pub date: NaiveDate,
    pub title: String,
    /// For a changed entry: the court's earlier text.
    pub old_text: Option<String>,
    pub new_text: String,
    /// The file the change came from.
    pub source: String,
    pub imported_at: DateTime<Utc>,
}

/// Where an imported docket entry came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntrySource {
    pub event_id: EventId,
    pub number: Option<String>,
    pub date_filed: NaiveDate,
    pub date_entered: Option<NaiveDate>,
    /// The court's text as last imported.
    pub court_text: String,
    pub document_ids: Vec<String>,
    pub format: String,
    pub file_name: String,
    pub sha256: String,
    pub imported_at: DateTime<Utc>,
    /// The import that last changed it, when not the first.
    pub updated_file_name: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}
