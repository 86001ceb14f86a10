//! The case timeline: all events of all of a case's proceedings, in date order.

use std::collections::HashMap;

use crate::sql::params;
use rusqlite::Connection;

use super::{cases, events, notes, proceedings, Store};
use crate::Result;
use casetrail_model::{CaseId, DocketEvent, Timeline, TimelineEvent};

fn build(conn: &Connection, case: CaseId) -> Result<Timeline> {
    let case = cases::get(conn, case)?;
    let proceedings = proceedings::of_case(conn, case.id)?;
    let mut stmt = conn.prepare(&format!(
        "{} JOIN proceedings p ON p.id = e.proceeding_id
         WHERE p.case_id = ?1 ORDER BY e.date, e.id",
        events::SELECT
    ))?;
    let mut rows: Vec<DocketEvent> = stmt
        .query_map(params![case.id], events::from_row)?
        .collect::<rusqlite::Result<_>>()?;
    events::hydrate(conn, &mut rows)?;
    let mut tags = notes::event_tags_of_case(conn, case.id)?;
    let by_id: HashMap<_, _> = proceedings.iter().map(|p| (p.id, p)).collect();
    let events = rows
        .into_iter()
        .map(|event| {
            let p = by_id[&event.proceeding_id];
            TimelineEvent {
                court: p.court.clone(),
                court_id: p.court_id.clone(),
                docket: p.docket_number.clone(),
                tags: tags.remove(&event.id).unwrap_or_default(),
                event,
            }
        })
        .collect();
    Ok(Timeline {
        case,
        proceedings,
        events,
    })
}

impl Store {
    /// Every event of every proceeding of the case, oldest first.
    pub fn timeline(&self, case: CaseId) -> Result<Timeline> {
        build(&self.conn, case)
    }
}
