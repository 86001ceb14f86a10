//! Lists across cases: every deadline with its case and proceeding names, and
//! the cases list with each case's next open deadline, last activity and tags.
//! Each is one query (correlated subqueries, no query per row).

use crate::sql::{params, RowExt};
use rusqlite::{Connection, Row};

use super::{deadlines, Store};
use crate::Result;
use casetrail_deadline::{DeadlineEntry, DeadlineId};
use casetrail_model::{Case, CaseSummary, EventId, NextDeadline, ProceedingId};

/// Tag names are joined with the unit separator, which a tag name cannot contain.
const TAG_SEPARATOR: char = '\u{1f}';

fn split_tags(joined: Option<String>) -> Vec<String> {
    joined
        .map(|j| {
            j.split(TAG_SEPARATOR)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The tags of case `c.id`, joined, in name order.
const CASE_TAGS: &str = "(SELECT group_concat(name, char(31)) FROM
        (SELECT t.name FROM taggings tg JOIN tags t ON t.id = tg.tag_id
         WHERE tg.case_id = c.id ORDER BY t.name))";

fn entries(conn: &Connection, tag: Option<&str>) -> Result<Vec<DeadlineEntry>> {
    let sql = format!(
        "SELECT d.id, d.case_id, d.proceeding_id, d.title, d.rule, d.part, d.us_party, d.service,
                d.court_id, d.trigger_event, d.trigger_date, d.computed_due, d.computation,
                d.ordered_due, d.ordered_note, d.due, d.status, d.notes, d.created_at, d.updated_at,
                c.name, ct.short_name, p.docket_number, {CASE_TAGS}, ct.system
         FROM deadlines d JOIN cases c ON c.id = d.case_id
         LEFT JOIN proceedings p ON p.id = d.proceeding_id
         LEFT JOIN courts ct ON ct.id = p.court_id
         WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM taggings tg JOIN tags t ON t.id = tg.tag_id
                                     WHERE tg.case_id = c.id AND t.name = ?1)
         ORDER BY d.due, d.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([tag], |r: &Row<'_>| {
        let court: Option<String> = r.col(21)?;
        let docket: Option<String> = r.col(22)?;
        Ok(DeadlineEntry {
            deadline: deadlines::from_row(r)?,
            case_name: r.col(20)?,
            proceeding: match (court, docket) {
                (Some(c), Some(d)) => Some(format!("{c} {d}")),
                _ => None,
            },
            case_tags: split_tags(r.col(23)?),
            court_system: r.col(24)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn summaries(conn: &Connection, tag: Option<&str>) -> Result<Vec<CaseSummary>> {
    let sql = format!(
        "SELECT c.id, c.slug, c.name, c.summary, c.created_at, c.updated_at,
                nd.id, nd.title, nd.due,
                max(c.updated_at, coalesce((SELECT max(d.updated_at) FROM deadlines d
                                            WHERE d.case_id = c.id), c.updated_at)) AS last,
                {CASE_TAGS},
                (SELECT count(*) FROM docket_news n JOIN events e ON e.id = n.event_id
                 JOIN proceedings p ON p.id = e.proceeding_id
                 WHERE n.seen_at IS NULL AND p.case_id = c.id) AS news
         FROM cases c
         LEFT JOIN deadlines nd ON nd.id = (SELECT d.id FROM deadlines d
                                            WHERE d.case_id = c.id AND d.status = 'open'
                                            ORDER BY d.due, d.id LIMIT 1)
         WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM taggings tg JOIN tags t ON t.id = tg.tag_id
                                     WHERE tg.case_id = c.id AND t.name = ?1)
         ORDER BY last DESC, c.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([tag], |r: &Row<'_>| {
        let next = match r.col::<_, Option<i64>>(6)? {
            Some(id) => Some(NextDeadline {
                id: DeadlineId(id),
                title: r.col(7)?,
                due: r.col(8)?,
            }),
            None => None,
        };
        Ok(CaseSummary {
            case: Case {
                id: r.col(0)?,
                slug: r.col(1)?,
                name: r.col(2)?,
                summary: r.col(3)?,
                created_at: r.col(4)?,
                updated_at: r.col(5)?,
            },
            next_deadline: next,
            last_activity: r.col(9)?,
            tags: split_tags(r.col(10)?),
            news: r.col(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn events_tagged(conn: &Connection, proceeding: ProceedingId, tag: &str) -> Result<Vec<EventId>> {
    let mut stmt = conn.prepare(
        "SELECT e.id FROM events e JOIN taggings tg ON tg.event_id = e.id
         JOIN tags t ON t.id = tg.tag_id
         WHERE e.proceeding_id = ?1 AND t.name = ?2 ORDER BY e.date, e.id",
    )?;
    let rows = stmt.query_map(params![proceeding, tag.trim()], |r| r.col(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Every deadline of every case, soonest first, with its case and
    /// proceeding names; only those of cases tagged `tag` when one is given.
    pub fn deadline_entries(&self, tag: Option<&str>) -> Result<Vec<DeadlineEntry>> {
        entries(&self.conn, tag.map(str::trim).filter(|t| !t.is_empty()))
    }

    /// The cases list: each case with its next open deadline, last activity
    /// and tags, most recently active first; only cases tagged `tag` when one
    /// is given (tag names match regardless of case).
    pub fn case_summaries(&self, tag: Option<&str>) -> Result<Vec<CaseSummary>> {
        summaries(&self.conn, tag.map(str::trim).filter(|t| !t.is_empty()))
    }

    /// The events of a proceeding tagged `tag`, in date order.
    pub fn events_tagged(&self, proceeding: ProceedingId, tag: &str) -> Result<Vec<EventId>> {
        events_tagged(&self.conn, proceeding, tag)
    }
}
