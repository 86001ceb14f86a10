//! Dockets into the record: a parsed docket (`casetrail-docket`) becomes a
//! proceeding with its parties, counsel, judges and entries, or updates the
//! one it already is.
//!
//! The rules the merge keeps:
//! - **One transaction per file.** A docket that fails part way writes
//!   nothing; `--dry-run` runs the same merge and rolls it back; a re-import
//!   that changes nothing rolls back too, so it writes nothing at all.
//! - **Nothing a person typed is overwritten.** The event fields an import
//!   wrote are remembered (`docket_entries.written_*`); a later import
//!   changes a field only while it still holds what the import wrote.
//! - **Every record names its source**: the file, its format and SHA-256 and
//!   when (`docket_sources`), in the event's `source` and in the activity log.
//! - **Appeals are found, not typed** ([`appeal`]), in either import order.

mod appeal;
mod entries;
mod news;
mod parties;

use chrono::Utc;
use rusqlite::OptionalExtension;
use serde_json::json;

use crate::sql::{params, RowExt};
use crate::{activity, courts, proceedings, Error, Result, Store, Writer};
use casetrail_docket::{Docket, DocketFormat};
use casetrail_model::{
    AppealOf, CaseId, DocketImport, DocketRef, NewCase, NewProceeding, Operation, Proceeding,
};

/// One docket file, parsed, and what identifies it.
pub struct DocketFile<'a> {
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub format: DocketFormat,
    pub dockets: &'a [Docket],
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct DocketOptions {
    /// Put a new proceeding in this case (else: the appeal's case, or a new case).
    pub case: Option<CaseId>,
    /// Only update dockets already in Casetrail (RSS feeds: the cases followed).
    pub follow_only: bool,
    /// Work out what would change, and write nothing.
    pub dry_run: bool,
}

/// A `docket_sources` row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SourceId(pub i64);

impl crate::sql::Bind for SourceId {
    fn bind(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.0))
    }
}

/// What a source is called in an event's `source` and in messages.
pub(crate) struct SourceInfo {
    pub id: SourceId,
    pub label: String,
    pub format: DocketFormat,
}

impl Store {
    /// Merge every docket of one file into the record, in one transaction.
    /// Dockets skipped by `follow_only` are left out of the result.
    pub fn import_docket(
        &mut self,
        file: &DocketFile<'_>,
        options: &DocketOptions,
    ) -> Result<Vec<DocketImport>> {
        let tx = self.conn.transaction()?;
        let mut w = Writer {
            tx,
            actor: &self.actor,
        };
        let now = Utc::now();
        w.tx.execute(
            "INSERT INTO docket_sources (file_name, format, sha256, imported_at) VALUES (?1, ?2, ?3, ?4)",
            params![file.file_name, file.format.as_str(), file.sha256, now],
        )?;
        let source = SourceInfo {
            id: SourceId(w.tx.last_insert_rowid()),
            label: format!(
                "{} ({}, sha256 {}, imported {})",
                file.file_name,
                file.format,
                &file.sha256[..file.sha256.len().min(12)],
                now.format("%Y-%m-%d %H:%M UTC")
            ),
            format: file.format,
        };
        let after_source = total_changes(&w)?;
        let mut out = Vec::new();
        for docket in file.dockets {
            if let Some(done) = w.import_one(docket, &source, options)? {
                out.push(done);
            }
        }
        let wrote = total_changes(&w)? > after_source;
        if wrote && !options.dry_run {
            w.tx.commit()?;
        }
        // Otherwise the transaction drops and rolls back: nothing is written.
        Ok(out)
    }
}

fn total_changes(w: &Writer<'_>) -> Result<i64> {
    Ok(w.tx.query_row("SELECT total_changes()", [], |r| r.col(0))?)
}

impl Writer<'_> {
    fn import_one(
        &mut self,
        docket: &Docket,
        source: &SourceInfo,
        options: &DocketOptions,
    ) -> Result<Option<DocketImport>> {
        let number = docket.docket_number.trim();
        if number.is_empty() {
            return Err(Error::invalid("the docket has no docket number"));
        }
        let Some(court_id) = docket.court_id.as_deref().filter(|c| !c.is_empty()) else {
            return Err(Error::invalid(format!(
                "docket {number} does not say which court it is from"
            )));
        };
        let court = courts::resolve_id(&self.tx, court_id).map_err(|_| {
            Error::invalid(format!(
                "docket {number} is from court {court_id:?}, which is not in Casetrail's court list"
            ))
        })?;
        let existing = appeal::find_proceeding(&self.tx, &court, number, options.case)?;
        if existing.is_none() && options.follow_only {
            return Ok(None);
        }
        let lower = appeal::lower_of(&self.tx, docket)?;
        let uppers = appeal::appeals_from(&self.tx, &court, number)?;
        let (proceeding, created_case, created_proceeding) = match existing {
            Some(p) => (p, false, false),
            None => {
                let (case, created) = match options
                    .case
                    .or(lower.as_ref().map(|l| l.case_id))
                    .or(uppers.first().map(|u| u.case_id))
                {
                    Some(case) => (case, false),
                    None => (self.case_for(docket)?, true),
                };
                let opened = docket.date_filed;
                let closed = docket
                    .date_terminated
                    .filter(|c| opened.map_or(true, |o| *c >= o));
                let p = self.add_proceeding(
                    case,
                    &NewProceeding {
                        court_id: court.clone(),
                        docket_number: number.to_owned(),
                        docket_aliases: Vec::new(),
                        caption: docket.case_name.trim().to_owned(),
                        opened_on: opened,
                        closed_on: closed,
                    },
                )?;
                (p, created, true)
            }
        };
        if !created_proceeding {
            self.fill_proceeding(&proceeding, docket)?;
        }
        self.save_details(&proceeding, docket, source)?;
        let imported_parties = parties::merge(self, &proceeding, docket)?;
        let merged = entries::merge(self, &proceeding, docket, source)?;
        let appeal_of = appeal::link_lower(self, &proceeding, docket, lower.as_ref())?;
        let appeals_linked = appeal::link_uppers(self, &proceeding, &uppers)?;
        if merged.added + merged.updated > 0 {
            self.touch_case(proceeding.case_id)?;
        }
        let proceeding = proceedings::get(&self.tx, proceeding.id)?;
        Ok(Some(DocketImport {
            court: proceeding.court_id.clone(),
            docket_number: proceeding.docket_number.clone(),
            case_name: docket.case_name.clone(),
            proceeding_id: proceeding.id,
            case_id: proceeding.case_id,
            entries: merged.entries,
            parties: imported_parties,
            originating: docket.originating.as_ref().map(|o| DocketRef {
                court: o.court_id.clone().unwrap_or_else(|| o.court_name.clone()),
                docket_number: o.docket_number.clone(),
            }),
            appeal_of: appeal_of.map(|proceeding_id| AppealOf { proceeding_id }),
            added: merged.added,
            updated: merged.updated,
            unchanged: merged.unchanged,
            created_case,
            created_proceeding,
            appeals_linked,
        }))
    }

    /// A new case for a docket that belongs to none yet, named by its caption.
    fn case_for(&mut self, docket: &Docket) -> Result<CaseId> {
        let name = match docket.case_name.trim() {
            "" => format!("Docket {}", docket.docket_number.trim()),
            n => n.to_owned(),
        };
        let base = slug(&name);
        let mut key = base.clone();
        let mut n = 2;
        while self.case_by_slug(&key)?.is_some() {
            key = format!("{base}-{n}");
            n += 1;
        }
        Ok(self
            .add_case(&NewCase {
                slug: key,
                name,
                summary: String::new(),
            })?
            .id)
    }

    /// Fill what an earlier import or a person left empty; never replace.
    fn fill_proceeding(&mut self, p: &Proceeding, docket: &Docket) -> Result<()> {
        let caption = (p.caption.trim().is_empty() && !docket.case_name.trim().is_empty())
            .then(|| docket.case_name.trim().to_owned());
        let opened = p.opened_on.is_none().then_some(docket.date_filed).flatten();
        let closed = p
            .closed_on
            .is_none()
            .then_some(docket.date_terminated)
            .flatten()
            .filter(|c| p.opened_on.or(opened).map_or(true, |o| *c >= o));
        if caption.is_none() && opened.is_none() && closed.is_none() {
            return Ok(());
        }
        self.tx.execute(
            "UPDATE proceedings SET caption = coalesce(?2, caption), opened_on = coalesce(?3, opened_on),
                    closed_on = coalesce(?4, closed_on) WHERE id = ?1",
            params![p.id, caption, opened, closed],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "proceeding",
            p.id.0,
            json!({"caption": [p.caption, caption], "opened_on": [p.opened_on, opened], "closed_on": [p.closed_on, closed]}),
        )?;
        Ok(())
    }

    /// The docket's facts beyond the proceeding's columns, and its origin.
    fn save_details(&mut self, p: &Proceeding, docket: &Docket, source: &SourceInfo) -> Result<()> {
        let origin = docket.originating.as_ref();
        let row = (
            docket.assigned_to.clone(),
            docket.referred_to.clone(),
            docket.nature_of_suit.clone(),
            docket.cause.clone(),
            docket.jury_demand.clone(),
            origin.and_then(|o| o.court_id.clone()),
            origin.map(|o| o.court_name.clone()),
            origin.map(|o| o.docket_number.clone()),
            origin.map(|o| casetrail_docket::number::keys(&o.docket_number)),
            origin.and_then(|o| o.judgment_on),
        );
        type Row = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<chrono::NaiveDate>,
        );
        let old: Option<Row> = self
            .tx
            .query_row(
                "SELECT assigned_to, referred_to, nature_of_suit, cause, jury_demand, origin_court_id,
                        origin_court_name, origin_docket_number, origin_docket_key, origin_judgment_on
                 FROM docket_details WHERE proceeding_id = ?1",
                params![p.id],
                |r| {
                    Ok((
                        r.col(0)?, r.col(1)?, r.col(2)?, r.col(3)?, r.col(4)?, r.col(5)?,
                        r.col(6)?, r.col(7)?, r.col(8)?, r.col(9)?,
                    ))
                },
            )
            .optional()?;
        // A file that says less (an RSS feed) keeps what a fuller one said.
        let merged: Row = match &old {
            Some(o) => (
                row.0.or(o.0.clone()),
                row.1.or(o.1.clone()),
                row.2.or(o.2.clone()),
                row.3.or(o.3.clone()),
                row.4.or(o.4.clone()),
                row.5.or(o.5.clone()),
                row.6.or(o.6.clone()),
                row.7.or(o.7.clone()),
                row.8.or(o.8.clone()),
                row.9.or(o.9),
            ),
            None => row,
        };
        if old.as_ref() == Some(&merged) {
            return Ok(());
        }
        self.tx.execute(
            "INSERT INTO docket_details (proceeding_id, assigned_to, referred_to, nature_of_suit, cause,
                 jury_demand, origin_court_id, origin_court_name, origin_docket_number,
                 origin_docket_key, origin_judgment_on, source_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (proceeding_id) DO UPDATE SET assigned_to = ?2, referred_to = ?3,
                 nature_of_suit = ?4, cause = ?5, jury_demand = ?6, origin_court_id = ?7,
                 origin_court_name = ?8, origin_docket_number = ?9, origin_docket_key = ?10,
                 origin_judgment_on = ?11, source_id = ?12",
            params![
                p.id, merged.0, merged.1, merged.2, merged.3, merged.4, merged.5, merged.6,
                merged.7, merged.8, merged.9, source.id
            ],
        )?;
        activity::record(
            &self.tx,
            self.actor,
            Operation::Update,
            "proceeding",
            p.id.0,
            json!({
                "docket": [null, {
                    "assigned_to": merged.0, "referred_to": merged.1, "nature_of_suit": merged.2,
                    "cause": merged.3, "jury_demand": merged.4,
                    "originating": merged.7.as_ref().map(|n| json!({"court": merged.5, "docket_number": n})),
                }],
                "source": [null, source.label],
            }),
        )?;
        Ok(())
    }
}

/// A case key from a caption: "T. v. OpenAI LP" → "t-v-openai-lp".
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "docket".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(super::slug("T. v. OpenAI LP"), "t-v-openai-lp");
        assert_eq!(super::slug("§§"), "docket");
    }
}
