//! What the cases list shows for each case: its next open deadline, when it
//! last changed, its tags, and how much is new on its dockets.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{Case, DeadlineId};

/// A case as the cases list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseSummary {
    /// The case.
    pub case: Case,
    /// Its soonest open deadline (overdue ones included), if any.
    pub next_deadline: Option<NextDeadline>,
    /// When the case or one of its deadlines last changed.
    pub last_activity: DateTime<Utc>,
    /// The case's tags, by name.
    pub tags: Vec<String>,
    /// Docket entries imports added or changed that the user has not seen.
    pub news: u32,
}

/// The soonest open deadline of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NextDeadline {
    /// The deadline.
    pub id: DeadlineId,
    /// What is due.
    pub title: String,
    /// When.
    pub due: NaiveDate,
}
