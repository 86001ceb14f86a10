//! Deadlines on cases: derive from a docket event and a rule, enter by hand,
//! set a status or a court-ordered date, and recompute when the trigger
//! event's date changes. Every change is logged in the activity log.

use std::str::FromStr;

use crate::sql::{params, RowExt};
use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, cases, events, proceedings, Store, Writer};
use crate::{Error, ErrorKind, Result};
use casetrail_deadline::{
    Calendar, Computation, Deadline, DeadlineId, DeadlineStatus, DeriveDeadline, NewDeadline,
    RuleOptions, RuleSet, Service, Step, StepKind, System,
};
use casetrail_model::{CaseId, EventId, EventKind, Operation};

const SELECT: &str =
    "SELECT id, case_id, proceeding_id, title, rule, part, us_party, service, court_id,
        trigger_event, trigger_date, computed_due, computation, ordered_due, ordered_note, due,
        status, notes, created_at, updated_at
     FROM deadlines";

pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Deadline> {
    let computation: Option<String> = r.col(12)?;
    let status: String = r.col(16)?;
    Ok(Deadline {
        id: r.col(0)?,
        case_id: CaseId(r.col(1)?),
        proceeding_id: r
            .col::<_, Option<i64>>(2)?
            .map(casetrail_model::ProceedingId),
        title: r.col(3)?,
        rule: r.col(4)?,
        part: r.col(5)?,
        us_party: r.col(6)?,
        service: r.col(7)?,
        court_id: r.col(8)?,
        trigger_event: r.col::<_, Option<i64>>(9)?.map(EventId),
        trigger_date: r.col(10)?,
        computed_due: r.col(11)?,
        computation: computation.as_deref().and_then(from_json),
        ordered_due: r.col(13)?,
        ordered_note: r.col(14)?,
        due: r.col(15)?,
        status: DeadlineStatus::from_str(&status).unwrap_or(DeadlineStatus::Open),
        notes: r.col(17)?,
        created_at: r.col(18)?,
        updated_at: r.col(19)?,
    })
}

pub(super) fn get(conn: &Connection, id: DeadlineId) -> Result<Deadline> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), params![id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no deadline #{id}")))
}

/// What a derived deadline's computation needs, as stored on its row.
struct Params<'a> {
    rule: &'a str,
    part: Option<&'a str>,
    us_party: bool,
    service: Option<&'a str>,
    court_id: Option<&'a str>,
}

/// The computation of a derived deadline from its trigger event.
struct Derived {
    trigger_date: NaiveDate,
    court_id: Option<String>,
    computation: Computation,
    case_id: CaseId,
    proceeding_id: casetrail_model::ProceedingId,
    rule_name: String,
}

fn derive(conn: &Connection, event: EventId, p: &Params<'_>) -> Result<Derived> {
    let ev = events::get(conn, event)?;
    let trigger_date = ev.date.exact().ok_or_else(|| {
        Error::invalid(format!(
            "event #{event} is dated {} (month only): a deadline needs the exact day of its trigger",
            ev.date
        ))
    })?;
    let proceeding = proceedings::get(conn, ev.proceeding_id)?;
    let rules = RuleSet::bundled()?;
    let rule = rules.get(p.rule)?;
    let service = p.service.map(Service::from_str).transpose()?;
    let wanted = match p.court_id {
        Some(c) => c.to_string(),
        None if rule.system == System::Scotus => "scotus".to_string(),
        None => proceeding.court_id.clone(),
    };
    // A state court (calsuperct, nysupct…) has its state's calendar and system:
    // its state's rules count its way; a rule of another system is flagged.
    let (cal, court_id, warning) = match Calendar::for_court(&wanted) {
        Ok(cal) => {
            let warning = match cal.state_system() {
                Some(s) if s != rule.system => Some(format!(
                    "court '{wanted}' counts under the {} system; {} is a {} rule and is counted under its own system",
                    s.code(),
                    rule.citation,
                    rule.system.code()
                )),
                _ => None,
            };
            (cal, Some(wanted), warning)
        }
        Err(e) if e.kind() == ErrorKind::NotFound && rule.system.is_state() => {
            (Calendar::for_system(rule.system), None, None)
        }
        Err(e) if e.kind() == ErrorKind::NotFound && p.court_id.is_none() => (
            Calendar::federal(),
            None,
            Some(format!(
                "court '{wanted}' has no calendar here: federal holidays only, no state holidays"
            )),
        ),
        Err(e) => return Err(e.into()),
    };
    // FRAP 26(a)(6)(C): the state of the district court that rendered the
    // judgment counts too, for forward periods in a court of appeals.
    let mut notes = Vec::new();
    let cal = match (rule.system, proceeding.appeal_from) {
        (System::Frap, Some(from)) => {
            let lower = proceedings::get(conn, from)?;
            match cal.clone().with_states_of(&lower.court_id) {
                Ok(c) => {
                    notes.push(format!(
                        "state holidays of {} (the court appealed from) also count",
                        lower.court_id
                    ));
                    c
                }
                Err(_) => cal,
            }
        }
        _ => cal,
    };
    let opts = RuleOptions {
        us_party: p.us_party,
        service,
        part: p.part.map(str::to_string),
        entry: None,
        event: None,
    };
    let mut computation = rule.compute(&cal, trigger_date, &opts)?;
    computation.steps.insert(
        0,
        Step {
            date: trigger_date,
            note: format!("trigger: event #{event}, {} ({})", ev.title, ev.kind),
            cite: rule.citation.clone(),
            kind: StepKind::Note,
        },
    );
    for n in notes {
        computation.steps.insert(
            1,
            Step {
                date: trigger_date,
                note: n,
                cite: "FRAP 26(a)(6)(C)".to_string(),
                kind: StepKind::Note,
            },
        );
    }
    if let Some(w) = warning {
        computation.steps.insert(
            1,
            Step {
                date: trigger_date,
                note: w,
                cite: rule
                    .system
                    .cite_holiday(casetrail_deadline::HolidayKind::State)
                    .to_string(),
                kind: StepKind::Note,
            },
        );
    }
    Ok(Derived {
        trigger_date,
        court_id,
        computation,
        case_id: proceeding.case_id,
        proceeding_id: proceeding.id,
        rule_name: rule.name.clone(),
    })
}

/// Store a computation: its contract JSON (`{"due","rule","steps"}`) plus the
/// step kinds, so the one-line trail can be rendered again.
pub(super) fn to_json(c: &Computation) -> Result<String> {
    let enc = |e: serde_json::Error| Error::Data(format!("cannot encode a computation: {e}"));
    let mut v = serde_json::to_value(c).map_err(enc)?;
    let kinds: Vec<&StepKind> = c.steps.iter().map(|s| &s.kind).collect();
    v["kinds"] = serde_json::to_value(kinds).map_err(enc)?;
    Ok(v.to_string())
}

fn from_json(text: &str) -> Option<Computation> {
    let mut v: serde_json::Value = serde_json::from_str(text).ok()?;
    let kinds = v.as_object_mut()?.remove("kinds");
    let mut c: Computation = serde_json::from_value(v).ok()?;
    if let Some(kinds) = kinds.and_then(|k| serde_json::from_value::<Vec<StepKind>>(k).ok()) {
        for (s, k) in c.steps.iter_mut().zip(kinds) {
            s.kind = k;
        }
    }
    Some(c)
}

/// Recompute every deadline triggered by `event` after its date changed, and
/// log each change. Called by the event store in the same transaction.
pub(super) fn on_event_date_changed(conn: &Connection, actor: &str, event: EventId) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE trigger_event = ?1 AND rule IS NOT NULL ORDER BY id"
    ))?;
    let affected: Vec<Deadline> = stmt
        .query_map([event.0], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    for d in affected {
        let Some(rule) = d.rule.as_deref() else {
            continue;
        };
        let params = Params {
            rule,
            part: d.part.as_deref(),
            us_party: d.us_party,
            service: d.service.as_deref(),
            court_id: d.court_id.as_deref(),
        };
        let now = Utc::now();
        match derive(conn, event, &params) {
            Ok(new) => {
                let computed = new.computation.due;
                let due = d.ordered_due.unwrap_or(computed);
                conn.execute(
                    "UPDATE deadlines SET trigger_date = ?2, computed_due = ?3, computation = ?4,
                            due = ?5, updated_at = ?6 WHERE id = ?1",
                    params![
                        d.id,
                        new.trigger_date,
                        computed,
                        to_json(&new.computation)?,
                        due,
                        now
                    ],
                )?;
                let mut changes = json!({
                    "trigger_date": [d.trigger_date, new.trigger_date],
                    "computed_due": [d.computed_due, computed],
                    "reason": format!("trigger event #{event} changed date; recomputed under {rule}"),
                });
                if d.due != due {
                    changes["due"] = json!([d.due, due]);
                } else if d.ordered_due.is_some() {
                    changes["due"] = json!(format!(
                        "unchanged: the court-ordered date {due} still controls"
                    ));
                }
                activity::record(conn, actor, Operation::Update, "deadline", d.id.0, changes)?;
            }
            Err(e) if e.is_user_error() => {
                // The new date cannot be computed from (month only): keep the
                // old dates, and say so in the log.
                activity::record(
                    conn,
                    actor,
                    Operation::Update,
                    "deadline",
                    d.id.0,
                    json!({"reason": format!("trigger event #{event} changed date; not recomputed: {e}")}),
                )?;
                conn.execute(
                    "UPDATE deadlines SET updated_at = ?2 WHERE id = ?1",
                    params![d.id, now],
                )?;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn list(conn: &Connection, case: Option<CaseId>) -> Result<Vec<Deadline>> {
    let rows = match case {
        Some(c) => {
            let mut stmt =
                conn.prepare(&format!("{SELECT} WHERE case_id = ?1 ORDER BY due, id"))?;
            let v = stmt
                .query_map([c.0], from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            v
        }
        None => {
            let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY due, id"))?;
            let v = stmt
                .query_map([], from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            v
        }
    };
    Ok(rows)
}

impl Store {
    /// Deadlines, soonest first: of one case, or of all cases.
    pub fn deadlines(&self, case: Option<CaseId>) -> Result<Vec<Deadline>> {
        list(&self.conn, case)
    }

    /// One deadline.
    pub fn deadline(&self, id: DeadlineId) -> Result<Deadline> {
        get(&self.conn, id)
    }

    /// Derive a deadline from a docket event and a rule.
    pub fn derive_deadline(&mut self, spec: &DeriveDeadline) -> Result<Deadline> {
        self.write(|w| w.derive_deadline(spec))
    }

    /// Enter a deadline by hand.
    pub fn add_deadline(&mut self, new: &NewDeadline) -> Result<Deadline> {
        self.write(|w| w.add_deadline(new))
    }

    /// Set a deadline's status (done, open again, missed, superseded).
    pub fn set_deadline_status(
        &mut self,
        id: DeadlineId,
        status: DeadlineStatus,
    ) -> Result<Deadline> {
        self.write(|w| w.set_deadline_status(id, status))
    }
}

impl Writer<'_> {
    /// Derive a deadline from a docket event and a rule, storing the computation.
    pub fn derive_deadline(&mut self, spec: &DeriveDeadline) -> Result<Deadline> {
        let params = Params {
            rule: &spec.rule,
            part: spec.part.as_deref(),
            us_party: spec.us_party,
            service: spec.service.as_deref(),
            court_id: spec.court_id.as_deref(),
        };
        let d = derive(&self.tx, spec.trigger_event, &params)?;
        let title = spec
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| d.rule_name.clone());
        let status = spec.status.unwrap_or(DeadlineStatus::Open);
        let rule = d
            .computation
            .rule
            .clone()
            .unwrap_or_else(|| spec.rule.clone());
        let now = Utc::now();
        self.tx.execute(
            "INSERT INTO deadlines (case_id, proceeding_id, title, rule, part, us_party, service,
                                    court_id, trigger_event, trigger_date, computed_due, computation,
                                    due, status, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?13, ?14, ?15, ?15)",
            params![
                d.case_id.0,
                d.proceeding_id.0,
                title.trim(),
                spec.rule,
                spec.part,
                spec.us_party,
                spec.service,
                d.court_id,
                spec.trigger_event.0,
                d.trigger_date,
                d.computation.due,
                to_json(&d.computation)?,
                status.as_str(),
                spec.notes,
                now
            ],
        )?;
        let id = DeadlineId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "deadline",
            id.0,
            json!({
                "title": [null, title.trim()],
                "rule": [null, rule],
                "trigger_event": [null, spec.trigger_event],
                "due": [null, d.computation.due],
                "status": [null, status.as_str()],
            }),
        )?;
        self.touch_case(d.case_id)?;
        get(&self.tx, id)
    }

    /// Enter a deadline by hand.
    pub fn add_deadline(&mut self, new: &NewDeadline) -> Result<Deadline> {
        if new.title.trim().is_empty() {
            return Err(Error::invalid("a deadline needs a title"));
        }
        cases::get(&self.tx, new.case_id)?;
        if let Some(p) = new.proceeding_id {
            let proceeding = proceedings::get(&self.tx, p)?;
            if proceeding.case_id != new.case_id {
                return Err(Error::invalid(format!(
                    "proceeding #{p} belongs to another case"
                )));
            }
        }
        let now = Utc::now();
        self.tx.execute(
            "INSERT INTO deadlines (case_id, proceeding_id, title, due, status, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?6)",
            params![new.case_id.0, new.proceeding_id.map(|p| p.0), new.title.trim(), new.due, new.notes, now],
        )?;
        let id = DeadlineId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "deadline",
            id.0,
            json!({"title": [null, new.title.trim()], "due": [null, new.due], "status": [null, "open"]}),
        )?;
        self.touch_case(new.case_id)?;
        get(&self.tx, id)
    }

    /// Set a deadline's status.
    pub fn set_deadline_status(
        &mut self,
        id: DeadlineId,
        status: DeadlineStatus,
    ) -> Result<Deadline> {
        let before = get(&self.tx, id)?;
        if before.status == status {
            return Ok(before);
        }
        self.tx.execute(
            "UPDATE deadlines SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status.as_str(), Utc::now()],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "deadline",
            id.0,
            json!({"status": [before.status.as_str(), status.as_str()]}),
        )?;
        get(&self.tx, id)
    }

    /// Record a court-ordered due date (overrides the computed one), or clear
    /// it with `None` (the computed date counts again).
    pub fn order_deadline(
        &mut self,
        id: DeadlineId,
        date: Option<NaiveDate>,
        note: &str,
    ) -> Result<Deadline> {
        let before = get(&self.tx, id)?;
        let due = match (date, before.computed_due) {
            (Some(d), _) => d,
            (None, Some(c)) => c,
            (None, None) => {
                return Err(Error::invalid(format!(
                    "deadline #{id} was entered by hand: there is no computed date to return to"
                )))
            }
        };
        self.tx.execute(
            "UPDATE deadlines SET ordered_due = ?2, ordered_note = ?3, due = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, date, note.trim(), due, Utc::now()],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "deadline",
            id.0,
            json!({
                "ordered_due": [before.ordered_due, date],
                "ordered_note": [before.ordered_note, note.trim()],
                "due": [before.due, due],
            }),
        )?;
        get(&self.tx, id)
    }

    /// Deadlines of a case, soonest first.
    pub fn deadlines(&self, case: CaseId) -> Result<Vec<Deadline>> {
        list(&self.tx, Some(case))
    }

    /// The one event of `kind` on `date` in the case's proceeding in `court_id`
    /// (used to attach derived deadlines to a loaded case file).
    pub fn find_event(
        &self,
        case: CaseId,
        court_id: &str,
        date: NaiveDate,
        kind: EventKind,
    ) -> Result<EventId> {
        let mut stmt = self.tx.prepare(
            "SELECT e.id FROM events e JOIN proceedings p ON p.id = e.proceeding_id
             WHERE p.case_id = ?1 AND p.court_id = ?2 AND e.date = ?3 AND e.kind = ?4
             ORDER BY e.id",
        )?;
        let ids: Vec<i64> = stmt
            .query_map(
                params![case.0, court_id, date.format("%Y-%m-%d").to_string(), kind],
                |r| r.col(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        match ids.as_slice() {
            [one] => Ok(EventId(*one)),
            [] => Err(Error::not_found(format!(
                "no {kind} on {date} in {court_id} in case #{case}"
            ))),
            _ => Err(Error::Ambiguous(format!(
                "{} events of kind {kind} on {date} in {court_id}",
                ids.len()
            ))),
        }
    }
}
