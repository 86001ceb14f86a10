//! A docket's parties, their lawyers and its judges, onto the proceeding.

use rusqlite::OptionalExtension;
use serde_json::json;

use crate::sql::{params, RowExt};
use crate::{activity, Result, Writer};
use casetrail_docket::{classify, Docket};
use casetrail_model::{ImportedAttorney, ImportedParty, JudgeRole, Operation, Proceeding};

/// Add the parties, counsel and judges the proceeding lacks; update counsel's
/// contact and roles where the court's changed. Returns the parties as imported.
pub(super) fn merge(
    w: &mut Writer<'_>,
    p: &Proceeding,
    docket: &Docket,
) -> Result<Vec<ImportedParty>> {
    let mut out = Vec::with_capacity(docket.parties.len());
    for party in &docket.parties {
        let name = party.name.trim();
        if name.is_empty() {
            continue;
        }
        let role = classify::party_role(&party.role);
        w.add_proceeding_party(p.id, name, classify::party_kind(name), role)?;
        for a in &party.attorneys {
            if a.name.trim().is_empty() {
                continue;
            }
            counsel(w, p, name, a)?;
        }
        out.push(ImportedParty {
            name: name.to_owned(),
            role: party.role.trim().to_owned(),
            attorneys: party
                .attorneys
                .iter()
                .map(|a| ImportedAttorney {
                    name: a.name.trim().to_owned(),
                    roles: a.roles.clone(),
                })
                .collect(),
        });
    }
    if let Some(judge) = docket.assigned_to.as_deref().map(judge_name) {
        if !judge.is_empty() {
            w.add_proceeding_judge(p.id, &judge, JudgeRole::Presiding)?;
        }
    }
    Ok(out)
}

/// "Judge Joseph C. Spero" → "Joseph C. Spero".
fn judge_name(s: &str) -> String {
    let s = s.trim();
    for prefix in [
        "Chief Judge ",
        "District Judge ",
        "Magistrate Judge ",
        "Bankruptcy Judge ",
        "Judge ",
        "Hon. ",
        "Honorable ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    s.to_owned()
}

fn counsel(
    w: &mut Writer<'_>,
    p: &Proceeding,
    party: &str,
    a: &casetrail_docket::Attorney,
) -> Result<()> {
    let firm = a.contact.lines().next().unwrap_or("").trim();
    let roles = a.roles.join("; ");
    let party_id: i64 = w.tx.query_row(
        "SELECT id FROM parties WHERE name = ?1",
        params![party],
        |r| r.col(0),
    )?;
    let existing: Option<(i64, String, String)> =
        w.tx.query_row(
            "SELECT id, contact, roles FROM counsel
             WHERE proceeding_id = ?1 AND party_id = ?2 AND name = ?3",
            params![p.id, party_id, a.name.trim()],
            |r| Ok((r.col(0)?, r.col(1)?, r.col(2)?)),
        )
        .optional()?;
    match existing {
        None => {
            w.tx.execute(
                "INSERT INTO counsel (proceeding_id, party_id, name, firm, contact, roles)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![p.id, party_id, a.name.trim(), firm, a.contact.trim(), roles],
            )?;
            activity::record(
                &w.tx,
                w.actor,
                Operation::Create,
                "counsel",
                w.tx.last_insert_rowid(),
                json!({"proceeding_id": [null, p.id], "party": [null, party], "name": [null, a.name.trim()], "roles": [null, roles]}),
            )?;
        }
        Some((id, contact, old_roles)) if contact != a.contact.trim() || old_roles != roles => {
            w.tx.execute(
                "UPDATE counsel SET contact = ?2, roles = ?3 WHERE id = ?1",
                params![id, a.contact.trim(), roles],
            )?;
            activity::record(
                &w.tx,
                w.actor,
                Operation::Update,
                "counsel",
                id,
                json!({"contact": [contact, a.contact.trim()], "roles": [old_roles, roles]}),
            )?;
        }
        Some(_) => {}
    }
    Ok(())
}
