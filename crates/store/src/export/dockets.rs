//! What docket imports recorded about a case, gathered for the case file and
//! written back from one (`docket_sources`, `docket_entries`, `docket_news`,
//! `docket_details`, counsel's contact and roles), values as they were.

use std::collections::HashMap;

use crate::sql::{params, RowExt};
use rusqlite::Connection;

use crate::{Error, Result, Writer};
use casetrail_export::record::{
    CounselContact, DetailsText, DocketDetails, DocketEntry, DocketNews, DocketRecord,
    DocketSource, EntryText, NewsText, SourceText,
};
use casetrail_model::CaseId;

const CASE_EVENTS: &str =
    "SELECT e.id FROM events e JOIN proceedings p ON p.id = e.proceeding_id WHERE p.case_id = ?1";

/// Everything docket imports recorded about the case's proceedings and events.
pub(super) fn gather(conn: &Connection, case: CaseId) -> Result<DocketRecord> {
    let mut r = DocketRecord::default();
    let mut stmt = conn.prepare(&format!(
        "SELECT d.event_id, d.created_by, d.updated_by, d.entry_key, d.number, d.date_filed,
                d.date_entered, d.court_text, d.written_title, d.written_kind, d.written_date,
                d.document_ids, d.format
         FROM docket_entries d WHERE d.event_id IN ({CASE_EVENTS}) ORDER BY d.event_id"
    ))?;
    let rows = stmt.query_map(params![case], |x| {
        Ok(DocketEntry {
            event: x.col(0)?,
            created_by: x.col(1)?,
            updated_by: x.col(2)?,
            entry: EntryText {
                entry_key: x.col(3)?,
                number: x.col(4)?,
                date_filed: x.col(5)?,
                date_entered: x.col(6)?,
                court_text: x.col(7)?,
                written_title: x.col(8)?,
                written_kind: x.col(9)?,
                written_date: x.col(10)?,
                document_ids: x.col(11)?,
                format: x.col(12)?,
            },
        })
    })?;
    r.entries = rows.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT n.event_id, n.source_id, n.change, n.old_text, n.new_text, n.seen_at
         FROM docket_news n WHERE n.event_id IN ({CASE_EVENTS}) ORDER BY n.id"
    ))?;
    let rows = stmt.query_map(params![case], |x| {
        Ok(DocketNews {
            event: x.col(0)?,
            source: x.col(1)?,
            news: NewsText {
                change: x.col(2)?,
                old_text: x.col(3)?,
                new_text: x.col(4)?,
                seen_at: x.col(5)?,
            },
        })
    })?;
    r.news = rows.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT dd.proceeding_id, dd.source_id, dd.assigned_to, dd.referred_to,
                dd.nature_of_suit, dd.cause, dd.jury_demand, dd.origin_court_id,
                dd.origin_court_name, dd.origin_docket_number, dd.origin_docket_key,
                dd.origin_judgment_on
         FROM docket_details dd JOIN proceedings p ON p.id = dd.proceeding_id
         WHERE p.case_id = ?1 ORDER BY dd.proceeding_id",
    )?;
    let rows = stmt.query_map(params![case], |x| {
        Ok(DocketDetails {
            proceeding: x.col(0)?,
            source: x.col(1)?,
            details: DetailsText {
                assigned_to: x.col(2)?,
                referred_to: x.col(3)?,
                nature_of_suit: x.col(4)?,
                cause: x.col(5)?,
                jury_demand: x.col(6)?,
                origin_court_id: x.col(7)?,
                origin_court_name: x.col(8)?,
                origin_docket_number: x.col(9)?,
                origin_docket_key: x.col(10)?,
                origin_judgment_on: x.col(11)?,
            },
        })
    })?;
    r.details = rows.collect::<rusqlite::Result<_>>()?;
    let mut used: Vec<i64> = r.entries.iter().map(|e| e.created_by).collect();
    used.extend(r.entries.iter().filter_map(|e| e.updated_by));
    used.extend(r.news.iter().map(|n| n.source));
    used.extend(r.details.iter().filter_map(|d| d.source));
    used.sort_unstable();
    used.dedup();
    let mut stmt = conn.prepare_cached(
        "SELECT file_name, format, sha256, imported_at FROM docket_sources WHERE id = ?1",
    )?;
    for id in used {
        let source = stmt.query_row(params![id], |x| {
            Ok(SourceText {
                file_name: x.col(0)?,
                format: x.col(1)?,
                sha256: x.col(2)?,
                imported_at: x.col(3)?,
            })
        })?;
        r.sources.push(DocketSource { id, source });
    }
    let mut stmt = conn.prepare(
        "SELECT c.proceeding_id, pa.name, c.name, c.contact, c.roles
         FROM counsel c JOIN parties pa ON pa.id = c.party_id
         JOIN proceedings p ON p.id = c.proceeding_id
         WHERE p.case_id = ?1 AND (c.contact <> '' OR c.roles <> '') ORDER BY c.id",
    )?;
    let rows = stmt.query_map(params![case], |x| {
        Ok(CounselContact {
            proceeding: x.col(0)?,
            party: x.col(1)?,
            name: x.col(2)?,
            contact: x.col(3)?,
            roles: x.col(4)?,
        })
    })?;
    r.counsel = rows.collect::<rusqlite::Result<_>>()?;
    Ok(r)
}

impl Writer<'_> {
    /// Write back what a case file's `dockets` section and counsel carry,
    /// its ids already the new database's (docket files by the record's own
    /// numbering, given new ids here).
    pub fn restore_dockets(&mut self, r: &DocketRecord) -> Result<()> {
        let mut ids: HashMap<i64, i64> = HashMap::new();
        for s in &r.sources {
            self.tx.execute(
                "INSERT INTO docket_sources (file_name, format, sha256, imported_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    s.source.file_name,
                    s.source.format,
                    s.source.sha256,
                    s.source.imported_at
                ],
            )?;
            ids.insert(s.id, self.tx.last_insert_rowid());
        }
        let id = |local: i64| {
            ids.get(&local)
                .copied()
                .ok_or_else(|| Error::Data(format!("case file names no docket file {local}")))
        };
        for e in &r.entries {
            let t = &e.entry;
            self.tx.execute(
                "INSERT INTO docket_entries (event_id, proceeding_id, entry_key, number, date_filed,
                     date_entered, court_text, written_title, written_kind, written_date,
                     document_ids, format, created_by, updated_by)
                 SELECT ?1, proceeding_id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13
                 FROM events WHERE id = ?1",
                params![
                    e.event,
                    t.entry_key,
                    t.number,
                    t.date_filed,
                    t.date_entered,
                    t.court_text,
                    t.written_title,
                    t.written_kind,
                    t.written_date,
                    t.document_ids,
                    t.format,
                    id(e.created_by)?,
                    e.updated_by.map(id).transpose()?
                ],
            )?;
        }
        for n in &r.news {
            self.tx.execute(
                "INSERT INTO docket_news (event_id, change, old_text, new_text, source_id, seen_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    n.event,
                    n.news.change,
                    n.news.old_text,
                    n.news.new_text,
                    id(n.source)?,
                    n.news.seen_at
                ],
            )?;
        }
        for d in &r.details {
            let t = &d.details;
            self.tx.execute(
                "INSERT INTO docket_details (proceeding_id, assigned_to, referred_to,
                     nature_of_suit, cause, jury_demand, origin_court_id, origin_court_name,
                     origin_docket_number, origin_docket_key, origin_judgment_on, source_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    d.proceeding,
                    t.assigned_to,
                    t.referred_to,
                    t.nature_of_suit,
                    t.cause,
                    t.jury_demand,
                    t.origin_court_id,
                    t.origin_court_name,
                    t.origin_docket_number,
                    t.origin_docket_key,
                    t.origin_judgment_on,
                    d.source.map(id).transpose()?
                ],
            )?;
        }
        for c in &r.counsel {
            self.tx.execute(
                "UPDATE counsel SET contact = ?4, roles = ?5
                 WHERE proceeding_id = ?1 AND name = ?3
                   AND party_id = (SELECT id FROM parties WHERE name = ?2)",
                params![c.proceeding, c.party, c.name, c.contact, c.roles],
            )?;
        }
        Ok(())
    }
}
