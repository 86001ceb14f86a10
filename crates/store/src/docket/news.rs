//! What is new: entries imports added or changed since the user last looked,
//! and where an imported entry came from.

use std::collections::HashMap;

use chrono::Utc;
use rusqlite::OptionalExtension;

use crate::sql::{params, RowExt};
use crate::{Result, Store};
use casetrail_model::{CaseId, EntrySource, EventId, NewsItem};

const SELECT: &str = "SELECT n.id, n.change, n.event_id, e.proceeding_id, p.case_id, c.name,
        ct.short_name, p.docket_number, e.entry, d.date_filed, e.title, n.old_text, n.new_text,
        s.file_name, s.imported_at
     FROM docket_news n
     JOIN events e ON e.id = n.event_id
     JOIN proceedings p ON p.id = e.proceeding_id
     JOIN cases c ON c.id = p.case_id
     JOIN courts ct ON ct.id = p.court_id
     JOIN docket_entries d ON d.event_id = n.event_id
     JOIN docket_sources s ON s.id = n.source_id
     WHERE n.seen_at IS NULL AND (?1 IS NULL OR p.case_id = ?1)
     ORDER BY p.case_id, p.id, d.date_filed, n.event_id, n.id";

impl Store {
    /// What imports added or changed that the user has not seen, for one case or all.
    pub fn news(&self, case: Option<CaseId>) -> Result<Vec<NewsItem>> {
        let mut stmt = self.conn.prepare_cached(SELECT)?;
        let rows = stmt.query_map(params![case], |r| {
            Ok(NewsItem {
                id: r.col(0)?,
                change: r.col(1)?,
                event_id: r.col(2)?,
                proceeding_id: r.col(3)?,
                case_id: r.col(4)?,
                case_name: r.col(5)?,
                court: r.col(6)?,
                docket_number: r.col(7)?,
                entry: r.col(8)?,
                date: r.col(9)?,
                title: r.col(10)?,
                old_text: r.col(11)?,
                new_text: r.col(12)?,
                source: r.col(13)?,
                imported_at: r.col(14)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Mark what is new (for one case, or all) as seen; returns how many items.
    pub fn mark_news_seen(&mut self, case: Option<CaseId>) -> Result<usize> {
        let n = self.conn.execute(
            "UPDATE docket_news SET seen_at = ?2
             WHERE seen_at IS NULL AND (?1 IS NULL OR event_id IN (
                 SELECT e.id FROM events e JOIN proceedings p ON p.id = e.proceeding_id
                 WHERE p.case_id = ?1))",
            params![case, Utc::now()],
        )?;
        Ok(n)
    }

    /// How many unseen news items each case has (cases without news are absent).
    pub fn news_counts(&self) -> Result<HashMap<CaseId, u32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.case_id, count(*) FROM docket_news n
             JOIN events e ON e.id = n.event_id JOIN proceedings p ON p.id = e.proceeding_id
             WHERE n.seen_at IS NULL GROUP BY p.case_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.col(0)?, r.col(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Where an event that came from a docket import came from; `None` for
    /// an event a person logged.
    pub fn entry_source(&self, event: EventId) -> Result<Option<EntrySource>> {
        let found = self
            .conn
            .query_row(
                "SELECT d.event_id, d.number, d.date_filed, d.date_entered, d.court_text,
                        d.document_ids, d.format, s.file_name, s.sha256, s.imported_at,
                        u.file_name, u.imported_at
                 FROM docket_entries d JOIN docket_sources s ON s.id = d.created_by
                 LEFT JOIN docket_sources u ON u.id = d.updated_by
                 WHERE d.event_id = ?1",
                params![event],
                |r| {
                    let ids: String = r.col(5)?;
                    Ok(EntrySource {
                        event_id: r.col(0)?,
                        number: r.col(1)?,
                        date_filed: r.col(2)?,
                        date_entered: r.col(3)?,
                        court_text: r.col(4)?,
                        document_ids: serde_json::from_str(&ids).unwrap_or_default(),
                        format: r.col(6)?,
                        file_name: r.col(7)?,
                        sha256: r.col(8)?,
                        imported_at: r.col(9)?,
                        updated_file_name: r.col(10)?,
                        updated_at: r.col(11)?,
                    })
                },
            )
            .optional()?;
        Ok(found)
    }
}
