//! Docket events: log, read, amend, and the stay spans between them.

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, parties, proceedings, Store, Writer};
use crate::{Error, Result};
use casetrail_model::{
    DocketEvent, EventDate, EventId, EventKind, NewEvent, Operation, PartyKind, PartyRole,
    ProceedingId, StaySpan,
};

pub(super) const SELECT: &str =
    "SELECT e.id, e.proceeding_id, e.date, e.kind, e.title, e.description,
        e.entry, e.outcome, e.side, e.stay_lifted_on, e.stay_lifted_by, e.source, e.certainty,
        e.created_at, e.updated_at
     FROM events e";

/// One row, without its parties and judges (see [`hydrate`]).
pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<DocketEvent> {
    let date: EventDate = r.col(2)?;
    let kind: EventKind = r.col(3)?;
    let lifted_on: Option<EventDate> = r.col(9)?;
    let lifted_by: Option<EventId> = r.col(10)?;
    Ok(DocketEvent {
        id: r.col(0)?,
        proceeding_id: r.col(1)?,
        date,
        kind,
        title: r.col(4)?,
        description: r.col(5)?,
        entry: r.col(6)?,
        outcome: r.col(7)?,
        side: r.col(8)?,
        stay: (kind == EventKind::Stay).then(|| StaySpan::new(date, lifted_on, lifted_by)),
        parties: Vec::new(),
        judges: Vec::new(),
        source: r.col(11)?,
        certainty: r.col(12)?,
        created_at: r.col(13)?,
        updated_at: r.col(14)?,
    })
}

/// Fill in the parties and judges of a batch of events.
pub(super) fn hydrate(conn: &Connection, events: &mut [DocketEvent]) -> Result<()> {
    let ids: Vec<EventId> = events.iter().map(|e| e.id).collect();
    let mut parties = parties::of_events(conn, &ids)?;
    let mut judges = parties::judges_of_events(conn, &ids)?;
    for e in events {
        e.parties = parties.remove(&e.id).unwrap_or_default();
        e.judges = judges.remove(&e.id).unwrap_or_default();
    }
    Ok(())
}

pub(super) fn get(conn: &Connection, id: EventId) -> Result<DocketEvent> {
    let e = conn
        .query_row(&format!("{SELECT} WHERE e.id = ?1"), params![id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no event #{id}")))?;
    let mut one = [e];
    hydrate(conn, &mut one)?;
    let [e] = one;
    Ok(e)
}

fn of_proceeding(conn: &Connection, proceeding: ProceedingId) -> Result<Vec<DocketEvent>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE e.proceeding_id = ?1 ORDER BY e.date, e.id"
    ))?;
    let mut events: Vec<DocketEvent> = stmt
        .query_map(params![proceeding], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    hydrate(conn, &mut events)?;
    Ok(events)
}

impl Store {
    /// One event with its parties and judges.
    pub fn event(&self, id: EventId) -> Result<DocketEvent> {
        get(&self.conn, id)
    }

    /// A proceeding's docket, oldest first.
    pub fn events(&self, proceeding: ProceedingId) -> Result<Vec<DocketEvent>> {
        of_proceeding(&self.conn, proceeding)
    }

    /// Log a docket event.
    pub fn add_event(&mut self, new: &NewEvent) -> Result<DocketEvent> {
        self.write(|w| w.add_event(new))
    }
}

impl Writer<'_> {
    /// One event with its parties and judges.
    pub fn event(&self, id: EventId) -> Result<DocketEvent> {
        get(&self.tx, id)
    }

    /// Log a docket event, its filers named as parties.
    pub fn add_event(&mut self, new: &NewEvent) -> Result<DocketEvent> {
        new.validate()?;
        let proceeding = proceedings::get(&self.tx, new.proceeding_id)?;
        let now = Utc::now();
        self.tx.execute(
            "INSERT INTO events (proceeding_id, date, kind, title, description, entry, outcome, side,
                                 source, certainty, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                new.proceeding_id,
                new.date,
                new.kind,
                new.title.trim(),
                new.description,
                new.entry.as_deref().map(str::trim).filter(|s| !s.is_empty()),
                new.outcome,
                new.side,
                new.source,
                new.certainty,
                now
            ],
        )?;
        let id = EventId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "event",
            id.0,
            json!({
                "proceeding_id": [null, new.proceeding_id],
                "date": [null, new.date],
                "kind": [null, new.kind],
                "title": [null, new.title.trim()],
                "outcome": [null, new.outcome],
                "side": [null, new.side],
            }),
        )?;
        let role = if new.kind == EventKind::AmicusBrief {
            PartyRole::Amicus
        } else {
            PartyRole::Filer
        };
        for filer in &new.filers {
            parties::add_to_event(
                &self.tx,
                self.actor,
                id,
                filer,
                PartyKind::Organization,
                role,
            )?;
        }
        self.touch_case(proceeding.case_id)?;
        get(&self.tx, id)
    }

    /// Record that the stay granted by `stay` was lifted by the ruling `by`.
    pub fn lift_stay(&mut self, stay: EventId, by: EventId) -> Result<DocketEvent> {
        let s = get(&self.tx, stay)?;
        let Some(span) = &s.stay else {
            return Err(Error::invalid(format!(
                "event #{stay} is a {}, not a stay",
                s.kind
            )));
        };
        let lifting = get(&self.tx, by)?;
        if lifting.date < s.date {
            return Err(Error::invalid(format!(
                "the stay was granted on {} and cannot be lifted earlier, on {}",
                s.date, lifting.date
            )));
        }
        self.tx.execute(
            "UPDATE events SET stay_lifted_on = ?2, stay_lifted_by = ?3, updated_at = ?4 WHERE id = ?1",
            params![stay, lifting.date, by, Utc::now()],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "event",
            stay.0,
            json!({"stay_lifted_on": [span.lifted_on, lifting.date], "stay_lifted_by": [span.lifted_by, by]}),
        )?;
        get(&self.tx, stay)
    }
}
