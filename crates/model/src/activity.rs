//! The append-only activity log: every change, as an operation on an entity.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::vocabulary::vocabulary;

vocabulary! {
    /// What was done.
    pub enum Operation("operation") {
        Create => "create", "Created",
        Update => "update", "Updated",
        Delete => "delete", "Deleted",
    }
}

/// One logged change. `changes` maps each field to `[old, new]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// Who made it ("cli", "app", "demo", "import").
    pub actor: String,
    pub op: Operation,
    /// "case", "proceeding", "event", "note", "tag"…
    pub entity: String,
    pub entity_id: i64,
    pub changes: serde_json::Value,
}
