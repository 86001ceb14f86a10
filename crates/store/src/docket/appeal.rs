//! Appeals found, not typed: an appellate docket names its originating court
//! and docket; when that proceeding is in Casetrail the two are linked (and
//! the appeal joins its case), whichever is imported first.

use rusqlite::Connection;

use crate::sql::{params, RowExt};
use crate::{proceedings, Error, Result, Writer};
use casetrail_docket::{number, Docket};
use casetrail_model::{CaseId, EventId, EventKind, Proceeding, ProceedingId};

/// The proceeding that is this docket: same court, same docket number however
/// written (aliases included). With `case`, one in that case wins.
pub(super) fn find_proceeding(
    conn: &Connection,
    court: &str,
    docket_number: &str,
    case: Option<CaseId>,
) -> Result<Option<Proceeding>> {
    let found = in_court(conn, court, docket_number)?;
    if let Some(case) = case {
        if let Some(p) = found.iter().find(|p| p.case_id == case) {
            return Ok(Some(p.clone()));
        }
        if let Some(p) = found.first() {
            return Err(Error::invalid(format!(
                "docket {} in {} is already in case #{}; import it without --case to update it there",
                p.docket_number, p.court, p.case_id
            )));
        }
        return Ok(None);
    }
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        [first, ..] => Err(Error::Ambiguous(format!(
            "docket {} in {} is in {} cases ({}); say which with --case",
            first.docket_number,
            first.court,
            found.len(),
            found
                .iter()
                .map(|p| format!("#{}", p.case_id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Every proceeding in `court` whose number or alias is `docket_number`.
fn in_court(conn: &Connection, court: &str, docket_number: &str) -> Result<Vec<Proceeding>> {
    let want = number::key(docket_number);
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.docket_number, group_concat(a.docket_number, char(31))
         FROM proceedings p LEFT JOIN docket_aliases a ON a.proceeding_id = p.id
         WHERE p.court_id = ?1 GROUP BY p.id ORDER BY p.id",
    )?;
    let rows = stmt.query_map(params![court], |r| {
        Ok((
            r.col::<_, ProceedingId>(0)?,
            r.col::<_, String>(1)?,
            r.col::<_, Option<String>>(2)?,
        ))
    })?;
    let mut ids = Vec::new();
    for row in rows {
        let (id, main, aliases) = row?;
        let aliases = aliases.unwrap_or_default();
        if number::key(&main) == want
            || aliases
                .split('\u{1f}')
                .any(|a| !a.is_empty() && number::key(a) == want)
        {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| proceedings::get(conn, id))
        .collect()
}

/// The lower-court proceeding this docket says it appeals from, if in Casetrail.
pub(super) fn lower_of(conn: &Connection, docket: &Docket) -> Result<Option<Proceeding>> {
    let Some(origin) = &docket.originating else {
        return Ok(None);
    };
    let Some(court) = origin.court_id.as_deref() else {
        return Ok(None);
    };
    for n in number::split(&origin.docket_number) {
        if let Some(p) = in_court(conn, court, n)?.into_iter().next() {
            return Ok(Some(p));
        }
    }
    Ok(None)
}

/// Proceedings already in Casetrail whose dockets name this one as their origin.
pub(super) fn appeals_from(
    conn: &Connection,
    court: &str,
    docket_number: &str,
) -> Result<Vec<Proceeding>> {
    let mut stmt = conn.prepare_cached(
        "SELECT proceeding_id FROM docket_details
         WHERE origin_court_id = ?1 AND instr(origin_docket_key, ?2) > 0 ORDER BY proceeding_id",
    )?;
    let needle = format!("|{}|", number::key(docket_number));
    let ids: Vec<ProceedingId> = stmt
        .query_map(params![court, needle], |r| r.col(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| proceedings::get(conn, id))
        .collect()
}

/// The ruling of `lower` an appeal reviews: a judgment or ruling (else an
/// order) on the date the appellate docket gives.
fn ruling_on(
    conn: &Connection,
    lower: ProceedingId,
    on: Option<chrono::NaiveDate>,
) -> Result<Option<EventId>> {
    let Some(on) = on else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind FROM events WHERE proceeding_id = ?1 AND date = ?2 ORDER BY id",
    )?;
    let found: Vec<(EventId, EventKind)> = stmt
        .query_map(params![lower, on.to_string()], |r| {
            Ok((r.col(0)?, r.col(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let pick = |kinds: &[EventKind]| {
        found
            .iter()
            .find(|(_, k)| kinds.contains(k))
            .map(|(id, _)| *id)
    };
    Ok(pick(&[EventKind::Judgment])
        .or_else(|| pick(&[EventKind::Ruling]))
        .or_else(|| pick(&[EventKind::Order])))
}

/// Link this appeal to the lower proceeding it names (same case only).
pub(super) fn link_lower(
    w: &mut Writer<'_>,
    p: &Proceeding,
    docket: &Docket,
    lower: Option<&Proceeding>,
) -> Result<Option<ProceedingId>> {
    let Some(lower) = lower else { return Ok(None) };
    if lower.case_id != p.case_id || lower.id == p.id {
        return Ok(None);
    }
    let judgment_on = docket.originating.as_ref().and_then(|o| o.judgment_on);
    let ruling = ruling_on(&w.tx, lower.id, judgment_on)?;
    let current = proceedings::get(&w.tx, p.id)?;
    if current.appeal_from != Some(lower.id)
        || (ruling.is_some() && current.appeal_from_event != ruling)
    {
        w.link_appeal(
            p.id,
            lower.id,
            ruling.or(current
                .appeal_from_event
                .filter(|_| current.appeal_from == Some(lower.id))),
        )?;
    }
    Ok(Some(lower.id))
}

/// Link appeals already in Casetrail that name this docket as their origin.
pub(super) fn link_uppers(
    w: &mut Writer<'_>,
    p: &Proceeding,
    uppers: &[Proceeding],
) -> Result<Vec<ProceedingId>> {
    let mut linked = Vec::new();
    for upper in uppers {
        if upper.case_id != p.case_id || upper.id == p.id {
            continue;
        }
        let judgment_on: Option<chrono::NaiveDate> = w.tx.query_row(
            "SELECT origin_judgment_on FROM docket_details WHERE proceeding_id = ?1",
            params![upper.id],
            |r| r.col(0),
        )?;
        let ruling = ruling_on(&w.tx, p.id, judgment_on)?;
        let current = proceedings::get(&w.tx, upper.id)?;
        if current.appeal_from != Some(p.id)
            || (ruling.is_some() && current.appeal_from_event != ruling)
        {
            w.link_appeal(upper.id, p.id, ruling)?;
        }
        linked.push(upper.id);
    }
    Ok(linked)
}
