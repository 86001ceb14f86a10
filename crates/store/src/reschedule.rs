//! Moving a docket event's date, and with it the deadlines it triggers.
//!
//! It sits above `events` and `deadlines` (both of which it calls) so that
//! neither of them needs the other's writer: `deadlines` reads events, and
//! `events` knows nothing of deadlines.

use chrono::Utc;
use serde_json::json;

use super::{activity, deadlines, events, Writer};
use crate::sql::params;
use crate::Result;
use casetrail_model::{DocketEvent, EventDate, EventId, Operation};

impl Writer<'_> {
    /// Change an event's date, logging old and new.
    pub fn set_event_date(&mut self, id: EventId, date: EventDate) -> Result<DocketEvent> {
        let before = events::get(&self.tx, id)?;
        if before.date == date {
            return Ok(before);
        }
        self.tx.execute(
            "UPDATE events SET date = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, date, Utc::now()],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "event",
            id.0,
            json!({"date": [before.date, date]}),
        )?;
        deadlines::on_event_date_changed(&self.tx, self.actor, id)?;
        events::get(&self.tx, id)
    }
}
