//! Notes and tags: the user's own analysis kept next to the record.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CaseId, DocumentId, EventId, NoteId, ProceedingId, TagId};

/// What a note or tag is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum NoteTarget {
    Case(CaseId),
    Proceeding(ProceedingId),
    Event(EventId),
    Document(DocumentId),
}

/// A note in plain text or Markdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Note {
    pub id: NoteId,
    pub target: NoteTarget,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A tag name, unique case-insensitively.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Tag {
    pub id: TagId,
    pub name: String,
}
