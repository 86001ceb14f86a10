//! Proceedings: one docket in one court, their docket aliases and appeal links.

use crate::sql::{params, RowExt};
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, cases, courts, Store, Writer};
use crate::{Error, Result};
use casetrail_model::{CaseId, EventId, NewProceeding, Operation, Proceeding, ProceedingId};

const SELECT: &str = "SELECT p.id, p.case_id, p.court_id, c.short_name, p.docket_number, p.caption,
        p.opened_on, p.closed_on, p.appeal_from, p.appeal_from_event
     FROM proceedings p JOIN courts c ON c.id = p.court_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Proceeding> {
    Ok(Proceeding {
        id: r.col(0)?,
        case_id: r.col(1)?,
        court_id: r.col(2)?,
        court: r.col(3)?,
        docket_number: r.col(4)?,
        docket_aliases: Vec::new(),
        caption: r.col(5)?,
        opened_on: r.col(6)?,
        closed_on: r.col(7)?,
        appeal_from: r.col(8)?,
        appeal_from_event: r.col(9)?,
    })
}

fn with_aliases(conn: &Connection, mut p: Proceeding) -> Result<Proceeding> {
    let mut stmt = conn.prepare_cached(
        "SELECT docket_number FROM docket_aliases WHERE proceeding_id = ?1 ORDER BY docket_number",
    )?;
    p.docket_aliases = stmt
        .query_map(params![p.id], |r| r.col(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

pub(super) fn get(conn: &Connection, id: ProceedingId) -> Result<Proceeding> {
    let p = conn
        .query_row(&format!("{SELECT} WHERE p.id = ?1"), params![id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no proceeding #{id}")))?;
    with_aliases(conn, p)
}

/// A case's proceedings, in the order a dispute climbs: trial, appellate, supreme, others.
pub(super) fn of_case(conn: &Connection, case: CaseId) -> Result<Vec<Proceeding>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE p.case_id = ?1 ORDER BY
           CASE c.level WHEN 'trial' THEN 0 WHEN 'bankruptcy' THEN 0 WHEN 'appellate' THEN 1
                        WHEN 'supreme' THEN 2 ELSE 3 END, p.opened_on, p.id"
    ))?;
    let rows: Vec<Proceeding> = stmt
        .query_map(params![case], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|p| with_aliases(conn, p)).collect()
}

/// Find a case's proceeding by docket number or alias, court id, or court citation form.
pub(super) fn find(conn: &Connection, case: CaseId, key: &str) -> Result<Proceeding> {
    let key = key.trim();
    let all = of_case(conn, case)?;
    let norm = |s: &str| s.to_ascii_lowercase().replace(['.', ' '], "");
    let wanted = norm(key);
    let by_docket: Vec<&Proceeding> = all
        .iter()
        .filter(|p| {
            norm(&p.docket_number) == wanted || p.docket_aliases.iter().any(|a| norm(a) == wanted)
        })
        .collect();
    let matches: Vec<&Proceeding> = if by_docket.is_empty() {
        all.iter()
            .filter(|p| p.court_id.eq_ignore_ascii_case(key) || norm(&p.court) == wanted)
            .collect()
    } else {
        by_docket
    };
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::not_found(format!(
            "the case has no proceeding {key:?}; it has: {}",
            all.iter()
                .map(|p| format!("{} {}", p.court_id, p.docket_number))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        many => Err(Error::Ambiguous(format!(
            "{key:?} matches {} proceedings ({}); name the docket number",
            many.len(),
            many.iter()
                .map(|p| p.docket_number.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

impl Store {
    /// A case's proceedings, trial court first.
    pub fn proceedings(&self, case: CaseId) -> Result<Vec<Proceeding>> {
        of_case(&self.conn, case)
    }

    /// One proceeding by id.
    pub fn proceeding(&self, id: ProceedingId) -> Result<Proceeding> {
        get(&self.conn, id)
    }

    /// Find a case's proceeding by docket number, alias or court.
    pub fn find_proceeding(&self, case: CaseId, key: &str) -> Result<Proceeding> {
        find(&self.conn, case, key)
    }

    /// Open a proceeding in a case.
    pub fn add_proceeding(&mut self, case: CaseId, new: &NewProceeding) -> Result<Proceeding> {
        self.write(|w| w.add_proceeding(case, new))
    }

    /// Change a proceeding's court, docket number, aliases, caption or dates.
    pub fn update_proceeding(
        &mut self,
        id: ProceedingId,
        changed: &NewProceeding,
    ) -> Result<Proceeding> {
        self.write(|w| w.update_proceeding(id, changed))
    }
}

impl Writer<'_> {
    /// Open a proceeding in a case.
    pub fn add_proceeding(&mut self, case: CaseId, new: &NewProceeding) -> Result<Proceeding> {
        new.validate()?;
        cases::get(&self.tx, case)?;
        // Accept "S.D.N.Y." as well as "nysd"; fail clearly on an unknown court.
        let court = courts::resolve_id(&self.tx, &new.court_id)?;
        let inserted = self.tx.execute(
            "INSERT INTO proceedings (case_id, court_id, docket_number, caption, opened_on, closed_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (case_id, court_id, docket_number) DO NOTHING",
            params![case, court, new.docket_number.trim(), new.caption, new.opened_on, new.closed_on],
        )?;
        if inserted == 0 {
            return Err(Error::invalid(format!(
                "the case already has docket {} in {}",
                new.docket_number.trim(),
                court
            )));
        }
        let id = ProceedingId(self.tx.last_insert_rowid());
        for alias in &new.docket_aliases {
            self.tx.execute(
                "INSERT OR IGNORE INTO docket_aliases (proceeding_id, docket_number) VALUES (?1, ?2)",
                params![id, alias.trim()],
            )?;
        }
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "proceeding",
            id.0,
            json!({"case_id": [null, case], "court_id": [null, court], "docket_number": [null, new.docket_number.trim()]}),
        )?;
        self.touch_case(case)?;
        get(&self.tx, id)
    }

    /// Find a case's proceeding by docket number, alias or court.
    pub fn find_proceeding(&self, case: CaseId, key: &str) -> Result<Proceeding> {
        find(&self.tx, case, key)
    }

    /// Change a proceeding's court, docket number, aliases (replaced by the
    /// given list), caption or dates, validated as on create; logs what changed.
    pub fn update_proceeding(
        &mut self,
        id: ProceedingId,
        changed: &NewProceeding,
    ) -> Result<Proceeding> {
        changed.validate()?;
        let before = get(&self.tx, id)?;
        let court = courts::resolve_id(&self.tx, &changed.court_id)?;
        let docket = changed.docket_number.trim();
        let clash: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM proceedings
                 WHERE case_id = ?1 AND court_id = ?2 AND docket_number = ?3 AND id <> ?4",
                params![before.case_id, court, docket, id],
                |r| r.col(0),
            )
            .optional()?;
        if clash.is_some() {
            return Err(Error::invalid(format!(
                "the case already has docket {docket} in {court}"
            )));
        }
        let mut aliases: Vec<String> = changed
            .docket_aliases
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        aliases.sort();
        aliases.dedup();
        self.tx.execute(
            "UPDATE proceedings SET court_id = ?2, docket_number = ?3, caption = ?4,
                    opened_on = ?5, closed_on = ?6 WHERE id = ?1",
            params![
                id,
                court,
                docket,
                changed.caption,
                changed.opened_on,
                changed.closed_on
            ],
        )?;
        self.tx.execute(
            "DELETE FROM docket_aliases WHERE proceeding_id = ?1",
            params![id],
        )?;
        for alias in &aliases {
            self.tx.execute(
                "INSERT OR IGNORE INTO docket_aliases (proceeding_id, docket_number) VALUES (?1, ?2)",
                params![id, alias],
            )?;
        }
        let after = get(&self.tx, id)?;
        let mut changes = serde_json::Map::new();
        let mut diff = |key: &str, old: serde_json::Value, new: serde_json::Value| {
            if old != new {
                changes.insert(key.into(), json!([old, new]));
            }
        };
        diff("court_id", json!(before.court_id), json!(after.court_id));
        diff(
            "docket_number",
            json!(before.docket_number),
            json!(after.docket_number),
        );
        diff(
            "docket_aliases",
            json!(before.docket_aliases),
            json!(after.docket_aliases),
        );
        diff("caption", json!(before.caption), json!(after.caption));
        diff("opened_on", json!(before.opened_on), json!(after.opened_on));
        diff("closed_on", json!(before.closed_on), json!(after.closed_on));
        if !changes.is_empty() {
            activity::record(
                &self.tx,
                self.actor,
                Operation::Update,
                "proceeding",
                id.0,
                serde_json::Value::Object(changes),
            )?;
            self.touch_case(before.case_id)?;
        }
        Ok(after)
    }

    /// Record that `appeal` reviews `from` (and, when known, which ruling).
    pub fn link_appeal(
        &mut self,
        appeal: ProceedingId,
        from: ProceedingId,
        ruling: Option<EventId>,
    ) -> Result<()> {
        if appeal == from {
            return Err(Error::invalid("a proceeding cannot appeal from itself"));
        }
        let before = get(&self.tx, appeal)?;
        let source = get(&self.tx, from)?;
        if source.case_id != before.case_id {
            return Err(Error::invalid(
                "an appeal must come from a proceeding of the same case",
            ));
        }
        if let Some(event) = ruling {
            let owner: Option<ProceedingId> = self
                .tx
                .query_row(
                    "SELECT proceeding_id FROM events WHERE id = ?1",
                    params![event],
                    |r| r.col(0),
                )
                .optional()?;
            if owner != Some(from) {
                return Err(Error::invalid(format!(
                    "event #{event} is not a ruling of proceeding #{from}"
                )));
            }
        }
        self.tx.execute(
            "UPDATE proceedings SET appeal_from = ?2, appeal_from_event = ?3 WHERE id = ?1",
            params![appeal, from, ruling],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "proceeding",
            appeal.0,
            json!({"appeal_from": [before.appeal_from, from], "appeal_from_event": [before.appeal_from_event, ruling]}),
        )?;
        Ok(())
    }
}
