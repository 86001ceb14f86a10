//! Operations as they travel between a desktop and the firm's server, and
//! the conflicts their merge records.
//!
//! An operation changes one entity (a case, proceeding, docket event, note,
//! tagging or deadline, named by its global id) of one case: a create carries every synced
//! field, an update the fields it changed, a delete none. Each field's value
//! is `[old, new]`; references to other entities are their global ids.

use serde::Serialize;
use serde_json::{Map, Value};

/// One operation of the sync log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SyncOp {
    /// The UUIDv7 minted by the desktop that made the change.
    pub id: String,
    /// The case's global id.
    pub case_id: String,
    /// The server user who made it.
    pub author: String,
    /// The hybrid logical clock: physical milliseconds << 16 | a counter.
    pub hlc: i64,
    /// What was done.
    pub kind: SyncKind,
    /// "case", "proceeding", "event", "note", "tagging", "deadline".
    pub entity: String,
    /// The entity's global id (a UUID).
    pub entity_id: String,
    /// Field name → `[old, new]`.
    pub fields: Map<String, Value>,
}

/// What an operation does to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SyncKind {
    Create,
    Update,
    Delete,
}

impl SyncKind {
    /// The spelling the activity log uses.
    pub fn as_str(self) -> &'static str {
        match self {
            SyncKind::Create => "create",
            SyncKind::Update => "update",
            SyncKind::Delete => "delete",
        }
    }
}

/// Operations not yet on the server, oldest first, with the cases they
/// belong to (global id and name, for the server's `cases` row).
#[derive(Debug, Clone, Default)]
pub struct Outbox {
    pub ops: Vec<SyncOp>,
    pub cases: Vec<(String, String)>,
    /// The last local log entry in this batch: the push cursor once the
    /// server has it.
    pub through: i64,
}

/// What applying a batch of pulled operations did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// Operations new to this desktop (each applied once, winning or not).
    pub applied: usize,
    /// Conflicts recorded.
    pub conflicts: usize,
}

/// The same field changed concurrently on two desktops (or changed on one
/// and deleted on another): which value was kept, which lost. Both stay in
/// the log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    pub case_id: String,
    /// The local case's name, when it is here.
    pub case_name: Option<String>,
    pub entity: String,
    pub entity_id: String,
    /// The field (`None`: the entity was deleted).
    pub field: Option<String>,
    pub kept: Value,
    pub lost: Value,
    pub kept_author: String,
    pub lost_author: String,
    /// The entity was deleted: the delete won over an edit.
    pub deleted: bool,
}
