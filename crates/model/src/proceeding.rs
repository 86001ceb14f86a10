//! A proceeding: one docket in one court, linked to the ruling it appeals from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CaseId, EventId, ProceedingId};
use crate::{Error, Result};

/// A proceeding as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Proceeding {
    pub id: ProceedingId,
    pub case_id: CaseId,
    pub court_id: String,
    /// The court's citation form, joined from the court table ("2d Cir.").
    pub court: String,
    /// The docket number as the court writes it ("14-2985").
    pub docket_number: String,
    /// Other numbers the same docket goes by ("13 Mag. 2814", "1:13-mj-02814").
    pub docket_aliases: Vec<String>,
    pub caption: String,
    pub opened_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    /// The proceeding this one reviews (district → circuit → Supreme Court).
    pub appeal_from: Option<ProceedingId>,
    /// The ruling this one reviews.
    pub appeal_from_event: Option<EventId>,
}

/// What a user supplies to open a proceeding.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewProceeding {
    pub court_id: String,
    pub docket_number: String,
    #[serde(default)]
    pub docket_aliases: Vec<String>,
    #[serde(default)]
    pub caption: String,
    #[serde(default)]
    pub opened_on: Option<NaiveDate>,
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
}

impl NewProceeding {
    /// A proceeding in `court_id` under `docket_number`, with no aliases,
    /// caption or dates.
    pub fn new(court_id: impl Into<String>, docket_number: impl Into<String>) -> Self {
        NewProceeding {
            court_id: court_id.into(),
            docket_number: docket_number.into(),
            docket_aliases: Vec::new(),
            caption: String::new(),
            opened_on: None,
            closed_on: None,
        }
    }

    /// Check the fields a person typed.
    pub fn validate(&self) -> Result<()> {
        if self.court_id.trim().is_empty() {
            return Err(Error::invalid("a proceeding needs a court"));
        }
        if self.docket_number.trim().is_empty() {
            return Err(Error::invalid("a proceeding needs a docket number"));
        }
        if let (Some(o), Some(c)) = (self.opened_on, self.closed_on) {
            if c < o {
                return Err(Error::invalid(format!(
                    "closed on {c} is before opened on {o}"
                )));
            }
        }
        Ok(())
    }
}
