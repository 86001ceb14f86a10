//! The rules a deadline form offers on an event: those of the system its
//! proceeding's court counts under first (a California court's for a
//! California proceeding), so nobody has to know to pick them.

use casetrail_deadline::{RuleChoices, RuleSet};
use casetrail_model::EventId;

use super::{events, proceedings, Store};
use crate::Result;

impl Store {
    /// What a deadline derived from `event` can be computed under.
    pub fn rule_choices(&self, event: EventId) -> Result<RuleChoices> {
        let ev = events::get(&self.conn, event)?;
        let proceeding = proceedings::get(&self.conn, ev.proceeding_id)?;
        let court = self.court(&proceeding.court_id)?;
        Ok(RuleSet::bundled()?.choices_for_court(&court.id, court.level.as_str(), &court.system))
    }
}
