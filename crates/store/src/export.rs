//! What the exporters (`casetrail-export`) render, gathered here: a whole
//! case ([`CaseRecord`]) and the deadlines and hearings of a calendar
//! ([`CalendarSource`]). `calendar` keeps the database's identity and what
//! each calendar event looked like when last exported; `restore` writes a
//! case file's deadlines and documents back as they were.

mod calendar;
mod dockets;
mod restore;

use std::collections::BTreeMap;

use crate::sql::{params, RowExt};
use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, Writer};
use crate::Result;
use casetrail_deadline::DeadlineStatus;
use casetrail_export::{CalendarSource, CaseRecord, DocumentRecord, Hearing, ProceedingRecord};
use casetrail_model::{CaseId, JudgeRole, NoteTarget, PartyId, PartyKind};

/// Which deadlines and hearings a calendar holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarScope {
    /// One case's deadlines (every status) and hearings.
    Case(CaseId),
    /// Every case's open deadlines due on or after this day.
    Upcoming(NaiveDate),
    /// Every case's deadlines (every status) and hearings: the calendar feed.
    All,
}

impl Store {
    /// Everything the case file, the CSV and the report of one case show.
    pub fn case_record(&self, case: CaseId) -> Result<CaseRecord> {
        // One read transaction: a consistent snapshot, and one lock taken
        // instead of one per query. Dropped unfinished, it ends (read only).
        let _snapshot = self.conn.unchecked_transaction()?;
        let timeline = self.timeline(case)?;
        let mut proceedings = Vec::new();
        for p in timeline.proceedings {
            proceedings.push(ProceedingRecord {
                court: self.court(&p.court_id)?,
                parties: self.proceeding_parties(p.id)?,
                judges: self.proceeding_judges(p.id)?,
                counsel: self.counsel(p.id)?,
                proceeding: p,
            });
        }
        let notes = crate::notes::notes_of_case(&self.conn, case)?;
        let mut documents = Vec::new();
        let mut docs = self.documents(Some(case))?;
        docs.sort_by_key(|d| d.id);
        for document in docs {
            documents.push(DocumentRecord {
                tags: names(self.tags_of(NoteTarget::Document(document.id))?),
                highlights: self.highlights(document.id)?,
                document,
            });
        }
        Ok(CaseRecord {
            dockets: dockets::gather(&self.conn, case)?,
            tags: names(self.tags_of(NoteTarget::Case(case))?),
            party_kinds: self.party_kinds(case)?,
            deadlines: self.deadlines(Some(case))?,
            case: timeline.case,
            proceedings,
            events: timeline.events,
            notes,
            documents,
        })
    }

    /// The deadlines and hearings of a calendar, with the database's identity
    /// and the user's warning window; `stamp` is the export's time.
    pub fn calendar_source(
        &self,
        scope: CalendarScope,
        stamp: DateTime<Utc>,
    ) -> Result<CalendarSource> {
        let mut deadlines = self.deadline_entries(None)?;
        let (name, hearings) = match scope {
            CalendarScope::Case(id) => {
                deadlines.retain(|d| d.deadline.case_id == id);
                let (case_name, hearings) = self.hearings(id)?;
                (format!("Casetrail: {case_name}"), hearings)
            }
            CalendarScope::All => {
                let mut hearings = Vec::new();
                for case in self.cases()? {
                    hearings.extend(self.hearings(case.id)?.1);
                }
                ("Casetrail: deadlines and hearings".to_string(), hearings)
            }
            CalendarScope::Upcoming(from) => {
                deadlines.retain(|d| {
                    d.deadline.status == DeadlineStatus::Open && d.deadline.due >= from
                });
                ("Casetrail: upcoming deadlines".to_string(), Vec::new())
            }
        };
        Ok(CalendarSource {
            name,
            database: calendar::identity(&self.conn)?,
            warning_days: self.settings()?.deadline_warning_days,
            stamp,
            deadlines,
            hearings,
        })
    }

    /// A case's name and its hearings (the events a calendar shows as such).
    fn hearings(&self, case: CaseId) -> Result<(String, Vec<Hearing>)> {
        let timeline = self.timeline(case)?;
        let case_name = timeline.case.name.clone();
        let hearings = timeline
            .events
            .into_iter()
            .filter(|e| casetrail_export::ics::is_hearing(e.event.kind))
            .map(|event| Hearing {
                case_name: case_name.clone(),
                event,
            })
            .collect();
        Ok((case_name, hearings))
    }

    /// The judges of a proceeding: name and role.
    fn proceeding_judges(
        &self,
        proceeding: casetrail_model::ProceedingId,
    ) -> Result<Vec<(String, JudgeRole)>> {
        let mut stmt = self.conn.prepare(
            "SELECT j.name, pj.role FROM proceeding_judges pj JOIN judges j ON j.id = pj.judge_id
             WHERE pj.proceeding_id = ?1 ORDER BY pj.rowid",
        )?;
        let rows = stmt.query_map(params![proceeding], |r| Ok((r.col(0)?, r.col(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The kind of every party named in the case's proceedings and events.
    fn party_kinds(&self, case: CaseId) -> Result<BTreeMap<PartyId, PartyKind>> {
        let mut stmt = self.conn.prepare(
            "SELECT pa.id, pa.kind FROM parties pa WHERE pa.id IN (
                 SELECT pp.party_id FROM proceeding_parties pp
                 JOIN proceedings p ON p.id = pp.proceeding_id WHERE p.case_id = ?1
                 UNION SELECT ep.party_id FROM event_parties ep
                 JOIN events e ON e.id = ep.event_id
                 JOIN proceedings p ON p.id = e.proceeding_id WHERE p.case_id = ?1)",
        )?;
        let rows = stmt.query_map(params![case], |r| Ok((r.col(0)?, r.col(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    /// Give each calendar event the `SEQUENCE` it must carry: 0 the first
    /// time its UID is exported, one more each time its fingerprint changed
    /// since the last export, unchanged otherwise; remember what was exported.
    pub fn sequence_calendar(
        &mut self,
        events: &mut [casetrail_export::ics::CalendarEvent],
    ) -> Result<()> {
        calendar::sequence(&self.tx, events)
    }
}

fn names(tags: Vec<casetrail_model::Tag>) -> Vec<String> {
    tags.into_iter().map(|t| t.name).collect()
}
