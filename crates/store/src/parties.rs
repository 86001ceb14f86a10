//! Parties, judges and counsel, and their links to proceedings and events.

use std::collections::HashMap;

use crate::sql::{params, RowExt};
use rusqlite::{Connection, OptionalExtension};
use serde_json::json;

use super::{activity, Store, Writer};
use crate::{Error, Result};
use casetrail_model::{
    Counsel, EventId, EventJudge, EventParty, JudgeId, JudgeRole, Operation, Participant, PartyId,
    PartyKind, PartyRole, ProceedingId,
};

/// The party with this name (case-insensitive), created if new.
pub(super) fn upsert_party(
    conn: &Connection,
    actor: &str,
    name: &str,
    kind: PartyKind,
) -> Result<PartyId> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("a party needs a name"));
    }
    if let Some(id) = conn
        .query_row("SELECT id FROM parties WHERE name = ?1", [name], |r| {
            r.col(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO parties (name, kind) VALUES (?1, ?2)",
        params![name, kind],
    )?;
    let id = PartyId(conn.last_insert_rowid());
    activity::record(
        conn,
        actor,
        Operation::Create,
        "party",
        id.0,
        json!({"name": [null, name], "kind": [null, kind]}),
    )?;
    Ok(id)
}

fn upsert_judge(
    conn: &Connection,
    actor: &str,
    name: &str,
    court: Option<&str>,
) -> Result<JudgeId> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("a judge needs a name"));
    }
    if let Some(id) = conn
        .query_row("SELECT id FROM judges WHERE name = ?1", [name], |r| {
            r.col(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO judges (name, court_id) VALUES (?1, ?2)",
        params![name, court],
    )?;
    let id = JudgeId(conn.last_insert_rowid());
    activity::record(
        conn,
        actor,
        Operation::Create,
        "judge",
        id.0,
        json!({"name": [null, name], "court_id": [null, court]}),
    )?;
    Ok(id)
}

/// Name a party on an event (a filer, an amicus), keeping the order given.
pub(super) fn add_to_event(
    conn: &Connection,
    actor: &str,
    event: EventId,
    name: &str,
    kind: PartyKind,
    role: PartyRole,
) -> Result<PartyId> {
    let party = upsert_party(conn, actor, name, kind)?;
    let changed = conn.execute(
        "INSERT OR IGNORE INTO event_parties (event_id, party_id, role, position)
         VALUES (?1, ?2, ?3, (SELECT count(*) FROM event_parties WHERE event_id = ?1))",
        params![event, party, role],
    )?;
    if changed > 0 {
        activity::record(
            conn,
            actor,
            Operation::Update,
            "event",
            event.0,
            json!({"parties": [null, {"name": name.trim(), "role": role}]}),
        )?;
    }
    Ok(party)
}

/// Parties of many events at once, keyed by event.
pub(super) fn of_events(
    conn: &Connection,
    events: &[EventId],
) -> Result<HashMap<EventId, Vec<EventParty>>> {
    let mut out: HashMap<EventId, Vec<EventParty>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT ep.party_id, p.name, ep.role FROM event_parties ep JOIN parties p ON p.id = ep.party_id
         WHERE ep.event_id = ?1 ORDER BY ep.position, p.name",
    )?;
    for &e in events {
        let rows = stmt
            .query_map(params![e], |r| {
                Ok(Participant {
                    party_id: r.col(0)?,
                    name: r.col(1)?,
                    role: r.col(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if !rows.is_empty() {
            out.insert(e, rows);
        }
    }
    Ok(out)
}

/// Judges of many events at once, keyed by event.
pub(super) fn judges_of_events(
    conn: &Connection,
    events: &[EventId],
) -> Result<HashMap<EventId, Vec<EventJudge>>> {
    let mut out: HashMap<EventId, Vec<EventJudge>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT ej.judge_id, j.name, ej.role FROM event_judges ej JOIN judges j ON j.id = ej.judge_id
         WHERE ej.event_id = ?1
         ORDER BY CASE ej.role WHEN 'author' THEN 0 WHEN 'presiding' THEN 1 WHEN 'panel' THEN 2
                  WHEN 'concurring' THEN 3 ELSE 4 END, j.name",
    )?;
    for &e in events {
        let rows = stmt
            .query_map(params![e], |r| {
                Ok(EventJudge {
                    judge_id: r.col(0)?,
                    name: r.col(1)?,
                    role: r.col(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if !rows.is_empty() {
            out.insert(e, rows);
        }
    }
    Ok(out)
}

/// What a judge is named on.
#[derive(Clone, Copy)]
enum JudgeOn {
    Proceeding(ProceedingId),
    Event(EventId),
}

/// Name a judge on a proceeding or an event: the judge (of that court) is
/// created if new, linked once, and the new link logged.
fn link_judge(
    conn: &Connection,
    actor: &str,
    on: JudgeOn,
    name: &str,
    role: JudgeRole,
) -> Result<JudgeId> {
    // The SQL comes from this fixed table, never from input.
    let (court_sql, link_sql, entity, id) = match on {
        JudgeOn::Proceeding(p) => (
            "SELECT court_id FROM proceedings WHERE id = ?1",
            "INSERT OR IGNORE INTO proceeding_judges (proceeding_id, judge_id, role) VALUES (?1, ?2, ?3)",
            "proceeding",
            p.0,
        ),
        JudgeOn::Event(e) => (
            "SELECT p.court_id FROM events e JOIN proceedings p ON p.id = e.proceeding_id WHERE e.id = ?1",
            "INSERT OR IGNORE INTO event_judges (event_id, judge_id, role) VALUES (?1, ?2, ?3)",
            "event",
            e.0,
        ),
    };
    let court: String = conn
        .query_row(court_sql, [id], |r| r.col(0))
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no {entity} #{id}")))?;
    let judge = upsert_judge(conn, actor, name, Some(&court))?;
    if conn.execute(link_sql, params![id, judge, role])? > 0 {
        activity::record(
            conn,
            actor,
            Operation::Update,
            entity,
            id,
            json!({"judges": [null, {"name": name.trim(), "role": role}]}),
        )?;
    }
    Ok(judge)
}

impl Store {
    /// The parties of a proceeding with their roles.
    pub fn proceeding_parties(&self, proceeding: ProceedingId) -> Result<Vec<Participant>> {
        let mut stmt = self.conn.prepare(
            "SELECT pp.party_id, p.name, pp.role FROM proceeding_parties pp
             JOIN parties p ON p.id = pp.party_id WHERE pp.proceeding_id = ?1 ORDER BY pp.role, p.name",
        )?;
        let rows = stmt.query_map(params![proceeding], |r| {
            Ok(Participant {
                party_id: r.col(0)?,
                name: r.col(1)?,
                role: r.col(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Counsel appearing in a proceeding.
    pub fn counsel(&self, proceeding: ProceedingId) -> Result<Vec<Counsel>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.name, c.firm, p.name FROM counsel c JOIN parties p ON p.id = c.party_id
             WHERE c.proceeding_id = ?1 ORDER BY p.name, c.name",
        )?;
        let rows = stmt.query_map(params![proceeding], |r| {
            Ok(Counsel {
                name: r.col(0)?,
                firm: r.col(1)?,
                party: r.col(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    /// Give a party a role in a proceeding (created if new).
    pub fn add_proceeding_party(
        &mut self,
        proceeding: ProceedingId,
        name: &str,
        kind: PartyKind,
        role: PartyRole,
    ) -> Result<PartyId> {
        let party = upsert_party(&self.tx, self.actor, name, kind)?;
        let changed = self.tx.execute(
            "INSERT OR IGNORE INTO proceeding_parties (proceeding_id, party_id, role) VALUES (?1, ?2, ?3)",
            params![proceeding, party, role],
        )?;
        if changed > 0 {
            activity::record(
                &self.tx,
                self.actor,
                Operation::Update,
                "proceeding",
                proceeding.0,
                json!({"parties": [null, {"name": name.trim(), "role": role}]}),
            )?;
        }
        Ok(party)
    }

    /// Name a judge on a proceeding (presiding, panel).
    pub fn add_proceeding_judge(
        &mut self,
        proceeding: ProceedingId,
        name: &str,
        role: JudgeRole,
    ) -> Result<JudgeId> {
        link_judge(
            &self.tx,
            self.actor,
            JudgeOn::Proceeding(proceeding),
            name,
            role,
        )
    }

    /// Name a judge on an event (author, concurring, dissenting, panel).
    pub fn add_event_judge(
        &mut self,
        event: EventId,
        name: &str,
        role: JudgeRole,
    ) -> Result<JudgeId> {
        link_judge(&self.tx, self.actor, JudgeOn::Event(event), name, role)
    }

    /// Name a party on an event (a filer, an amicus).
    pub fn add_event_party(
        &mut self,
        event: EventId,
        name: &str,
        kind: PartyKind,
        role: PartyRole,
    ) -> Result<PartyId> {
        add_to_event(&self.tx, self.actor, event, name, kind, role)
    }

    /// Record a lawyer appearing for a party in a proceeding.
    pub fn add_counsel(
        &mut self,
        proceeding: ProceedingId,
        party: &str,
        name: &str,
        firm: &str,
    ) -> Result<()> {
        let party_id = upsert_party(&self.tx, self.actor, party, PartyKind::Organization)?;
        if name.trim().is_empty() {
            return Err(Error::invalid("counsel needs a name"));
        }
        let changed = self.tx.execute(
            "INSERT OR IGNORE INTO counsel (proceeding_id, party_id, name, firm) VALUES (?1, ?2, ?3, ?4)",
            params![proceeding, party_id, name.trim(), firm.trim()],
        )?;
        if changed > 0 {
            activity::record(
                &self.tx,
                self.actor,
                Operation::Create,
                "counsel",
                self.tx.last_insert_rowid(),
                json!({"proceeding_id": [null, proceeding], "party": [null, party], "name": [null, name.trim()], "firm": [null, firm.trim()]}),
            )?;
        }
        Ok(())
    }
}
