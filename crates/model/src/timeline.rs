//! The case timeline: every event of every proceeding of a case, in date order.

use serde::Serialize;

use super::{Case, DocketEvent, Proceeding};

/// A case with its proceedings and their events across courts. This is the
/// JSON of `casetrail timeline CASE --json`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Timeline {
    pub case: Case,
    pub proceedings: Vec<Proceeding>,
    pub events: Vec<TimelineEvent>,
}

/// An event with the court and docket it belongs to.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimelineEvent {
    /// The court's citation form ("S.D.N.Y.").
    pub court: String,
    pub court_id: String,
    pub docket: String,
    #[serde(flatten)]
    pub event: DocketEvent,
    pub tags: Vec<String>,
}
