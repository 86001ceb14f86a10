//! Cases: create, list, and find by id, key or a fragment of the name.

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::json;

use super::{activity, Store, Writer};
use crate::{Error, Result};
use casetrail_model::{Case, CaseId, NewCase, Operation};

const COLUMNS: &str = "id, slug, name, summary, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Case> {
    Ok(Case {
        id: r.col(0)?,
        slug: r.col(1)?,
        name: r.col(2)?,
        summary: r.col(3)?,
        created_at: r.col(4)?,
        updated_at: r.col(5)?,
    })
}

pub(super) fn get(conn: &Connection, id: CaseId) -> Result<Case> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM cases WHERE id = ?1"),
        params![id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no case #{id}")))
}

pub(super) fn by_slug(conn: &Connection, slug: &str) -> Result<Option<Case>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM cases WHERE slug = ?1"),
            [slug],
            from_row,
        )
        .optional()?)
}

/// Escape `%`, `_` and `\` so user text matches literally in `LIKE … ESCAPE '\'`.
pub(super) fn like_pattern(fragment: &str) -> String {
    let mut p = String::from("%");
    for c in fragment.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Find a case by id ("3"), key ("microsoft-ireland") or a unique fragment of its name ("Ireland").
pub(super) fn find(conn: &Connection, key: &str) -> Result<Case> {
    let key = key.trim();
    if key.is_empty() {
        return Err(Error::invalid(
            "name a case: its id, key or part of its name",
        ));
    }
    if let Ok(id) = key.trim_start_matches('#').parse::<i64>() {
        return get(conn, CaseId(id));
    }
    if let Some(case) = by_slug(conn, key)? {
        return Ok(case);
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM cases WHERE name LIKE ?1 ESCAPE '\\' OR slug LIKE ?1 ESCAPE '\\' ORDER BY id"
    ))?;
    let found: Vec<Case> = stmt
        .query_map([like_pattern(key)], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    match found.len() {
        1 => Ok(found.into_iter().next().expect("one")),
        0 => Err(Error::not_found(format!("no case matches {key:?}"))),
        _ => Err(Error::Ambiguous(format!(
            "{key:?} matches {} cases: {}; be more specific or use the id",
            found.len(),
            found
                .iter()
                .map(|c| format!("#{} {}", c.id, c.name))
                .collect::<Vec<_>>()
                .join("; ")
        ))),
    }
}

impl Store {
    /// All cases, most recently updated first.
    pub fn cases(&self) -> Result<Vec<Case>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM cases ORDER BY updated_at DESC, id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One case by id.
    pub fn case(&self, id: CaseId) -> Result<Case> {
        get(&self.conn, id)
    }

    /// Find a case by id, key or a unique fragment of its name.
    pub fn find_case(&self, key: &str) -> Result<Case> {
        find(&self.conn, key)
    }

    /// Create a case.
    pub fn add_case(&mut self, new: &NewCase) -> Result<Case> {
        self.write(|w| w.add_case(new))
    }

    /// Change a case's key, name or summary.
    pub fn update_case(&mut self, id: CaseId, changed: &NewCase) -> Result<Case> {
        self.write(|w| w.update_case(id, changed))
    }
}

impl Writer<'_> {
    /// Find a case by id, key or a unique fragment of its name.
    pub fn find_case(&self, key: &str) -> Result<Case> {
        find(&self.tx, key)
    }

    /// The case with this key, if any.
    pub fn case_by_slug(&self, slug: &str) -> Result<Option<Case>> {
        by_slug(&self.tx, slug)
    }

    /// Create a case.
    pub fn add_case(&mut self, new: &NewCase) -> Result<Case> {
        new.validate()?;
        if by_slug(&self.tx, &new.slug)?.is_some() {
            return Err(Error::invalid(format!(
                "a case with the key {:?} already exists",
                new.slug
            )));
        }
        let now = Utc::now();
        self.tx.execute(
            "INSERT INTO cases (slug, name, summary, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![new.slug, new.name.trim(), new.summary, now],
        )?;
        let id = CaseId(self.tx.last_insert_rowid());
        activity::record(
            &self.tx,
            self.actor,
            Operation::Create,
            "case",
            id.0,
            json!({"slug": [null, new.slug], "name": [null, new.name.trim()]}),
        )?;
        get(&self.tx, id)
    }

    /// Change a case's key, name or summary (validated as on create), logging
    /// the fields that changed.
    pub fn update_case(&mut self, id: CaseId, changed: &NewCase) -> Result<Case> {
        changed.validate()?;
        let before = get(&self.tx, id)?;
        if let Some(other) = by_slug(&self.tx, &changed.slug)?.filter(|c| c.id != id) {
            return Err(Error::invalid(format!(
                "a case with the key {:?} already exists (#{} {})",
                changed.slug, other.id, other.name
            )));
        }
        let name = changed.name.trim();
        let mut changes = serde_json::Map::new();
        if before.slug != changed.slug {
            changes.insert("slug".into(), json!([before.slug, changed.slug]));
        }
        if before.name != name {
            changes.insert("name".into(), json!([before.name, name]));
        }
        if before.summary != changed.summary {
            changes.insert("summary".into(), json!([before.summary, changed.summary]));
        }
        if changes.is_empty() {
            return Ok(before);
        }
        self.tx.execute(
            "UPDATE cases SET slug = ?2, name = ?3, summary = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, changed.slug, name, changed.summary, Utc::now()],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "case",
            id.0,
            serde_json::Value::Object(changes),
        )?;
        get(&self.tx, id)
    }

    /// Mark a case as changed now (its "last activity").
    pub(super) fn touch_case(&self, id: CaseId) -> Result<()> {
        self.tx.execute(
            "UPDATE cases SET updated_at = ?2 WHERE id = ?1",
            params![id, Utc::now()],
        )?;
        Ok(())
    }
}
