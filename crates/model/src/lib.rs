//! The domain nouns: cases, proceedings, courts, docket events, parties,
//! judges, counsel, notes, tags and the activity log.
//!
//! Plain data with validation; no I/O, no SQL, no PDFs: this crate's
//! dependency tree is checked to stay free of them (`cargo xtask layout`). The
//! store (`casetrail-store`) reads and writes these types; the CLI and the app
//! render them.

mod vocabulary;

pub mod error;
pub mod text;

pub mod activity;
pub mod case;
pub mod court;
pub mod date;
pub mod docket;
pub mod document;
pub mod event;
pub mod highlight;
pub mod ids;
pub mod note;
pub mod party;
pub mod proceeding;
pub mod saved_search;
pub mod settings;
pub mod summary;
pub mod sync;
pub mod timeline;

pub use activity::{Activity, Operation};
pub use case::{Case, NewCase};
pub use court::{Court, CourtLevel};
pub use date::{EventDate, Precision};
pub use docket::{
    AppealOf, DocketImport, DocketRef, EntrySource, EntryStatus, ImportedAttorney, ImportedEntry,
    ImportedParty, NewsChange, NewsItem,
};
#[cfg(feature = "ts")]
pub use document::DetectedShape;
pub use document::{Document, HitKind, NewDocument, OcrStatus, Page, PageStatus, SearchHit};
pub use error::{Error, ErrorKind, ErrorReport, Result};
pub use event::{Certainty, DocketEvent, EventKind, NewEvent, Outcome, Side, StaySpan, StayStatus};
pub use highlight::{DocumentDetails, DocumentLink, Highlight, HighlightRect, NewHighlight};
pub use ids::{
    CaseId, DeadlineId, DocumentId, EventId, HighlightId, JudgeId, NoteId, PartyId, ProceedingId,
    SavedSearchId, TagId,
};
pub use note::{Note, NoteTarget, Tag};
pub use party::{
    Counsel, EventJudge, EventParty, Judge, JudgeRole, Participant, Party, PartyKind, PartyRole,
};
pub use proceeding::{NewProceeding, Proceeding};
pub use saved_search::{SavedSearch, SavedSearchRun, SavedSearchSummary, SearchResult};
pub use settings::Settings;
pub use summary::{CaseSummary, NextDeadline};
pub use sync::{Applied, Conflict, Outbox, SyncKind, SyncOp};
pub use text::normalize;
pub use timeline::{Timeline, TimelineEvent};
