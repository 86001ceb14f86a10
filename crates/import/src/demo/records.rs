//! What an exported case file adds to the demo's format, written back as it
//! was: deadlines (their computations kept, not derived again), the case's
//! tags, notes on anything, and documents' metadata with their tags and
//! highlights (a JSON file carries no PDF: a document already in the
//! database, by its SHA-256, is left as it is), and what docket imports
//! recorded (entries' court text, news, docket files, details, counsel's
//! contact lines).

use std::collections::HashMap;

use chrono::Utc;

use super::Keys;
use crate::{Error, Result};
use casetrail_deadline::{Computation, Deadline, DeadlineId};
use casetrail_export::case_file::{CaseFile, DeadlineData};
use casetrail_export::record::{CounselContact, DocketRecord};
use casetrail_model::{Case, Document, DocumentId, NewHighlight, NoteTarget};
use casetrail_store::Writer;

/// Insert the file's deadlines as they were exported.
pub(super) fn restore_deadlines(
    w: &mut Writer<'_>,
    case: &Case,
    keys: &Keys,
    deadlines: &[DeadlineData],
) -> Result<()> {
    let now = Utc::now();
    for d in deadlines {
        let computation = d.computation.clone().map(|mut c: Computation| {
            for (step, kind) in c.steps.iter_mut().zip(&d.step_kinds) {
                step.kind = kind.clone();
            }
            c
        });
        w.restore_deadline(&Deadline {
            id: DeadlineId(0),
            case_id: case.id,
            proceeding_id: d
                .proceeding
                .as_deref()
                .map(|k| keys.proceeding(k))
                .transpose()?,
            title: d.title.clone(),
            rule: d.rule.clone(),
            part: d.part.clone(),
            us_party: d.us_party,
            service: d.service.clone(),
            court_id: d.court.clone(),
            trigger_event: d
                .trigger_event
                .as_deref()
                .map(|k| keys.event(k))
                .transpose()?,
            trigger_date: d.trigger_date,
            computed_due: d.computed_due,
            computation,
            ordered_due: d.ordered_due,
            ordered_note: d.ordered_note.clone(),
            due: d.due,
            status: d.status,
            notes: d.notes.clone(),
            created_at: now,
            updated_at: now,
        })?;
    }
    Ok(())
}

/// The case's tags, the documents and the notes.
pub(super) fn restore_annotations(
    w: &mut Writer<'_>,
    case: &Case,
    keys: &Keys,
    file: &CaseFile,
) -> Result<()> {
    for tag in &file.tags {
        w.tag(NoteTarget::Case(case.id), tag)?;
    }
    let mut documents: HashMap<&str, DocumentId> = HashMap::new();
    for d in &file.documents {
        let restored = w.restore_document(&Document {
            id: DocumentId(0),
            sha256: d.sha256.clone(),
            title: d.title.clone(),
            original_name: d.original_name.clone(),
            size_bytes: d.size_bytes,
            page_count: d.page_count,
            case_id: Some(case.id),
            proceeding_id: d
                .proceeding
                .as_deref()
                .map(|k| keys.proceeding(k))
                .transpose()?,
            event_id: d.event.as_deref().map(|k| keys.event(k)).transpose()?,
            detected: d.detected.clone(),
            ocr: d.ocr,
            warnings: d.warnings.clone(),
            pages_needing_ocr: 0,
            imported_at: Utc::now(),
        })?;
        let Some(doc) = restored else { continue };
        documents.insert(&d.key, doc.id);
        for tag in &d.tags {
            w.tag(NoteTarget::Document(doc.id), tag)?;
        }
        for h in &d.highlights {
            w.add_highlight(&NewHighlight {
                document_id: doc.id,
                page: h.page,
                rects: h.rects.clone(),
                quote: h.quote.clone(),
                note: h.note.clone(),
            })?;
        }
    }
    for n in &file.notes {
        let key = || {
            n.key
                .as_deref()
                .ok_or_else(|| Error::Data(format!("a note on a {} names no key", n.on)))
        };
        let target = match n.on.as_str() {
            "case" => NoteTarget::Case(case.id),
            "proceeding" => NoteTarget::Proceeding(keys.proceeding(key()?)?),
            "event" => NoteTarget::Event(keys.event(key()?)?),
            "document" => match documents.get(key()?) {
                Some(id) => NoteTarget::Document(*id),
                // The document was already in the database: its notes are too.
                None => continue,
            },
            other => {
                return Err(Error::Data(format!(
                    "a note is on {other:?}: expected case, proceeding, event or document"
                )))
            }
        };
        w.add_note(target, &n.body)?;
    }
    Ok(())
}

/// What docket imports recorded (the file's `dockets` section) and counsel's
/// contact lines and roles.
pub(super) fn restore_dockets(w: &mut Writer<'_>, keys: &Keys, file: &CaseFile) -> Result<()> {
    let mut record = match &file.dockets {
        Some(d) => d.to_record(
            |k| {
                keys.proceeding(k)
                    .map_err(|e| casetrail_model::Error::Data(e.to_string()))
            },
            |k| {
                keys.event(k)
                    .map_err(|e| casetrail_model::Error::Data(e.to_string()))
            },
        )?,
        None => DocketRecord::default(),
    };
    for p in &file.proceedings {
        for c in p
            .counsel
            .iter()
            .filter(|c| !c.contact.is_empty() || !c.roles.is_empty())
        {
            record.counsel.push(CounselContact {
                proceeding: keys.proceeding(&p.key)?,
                party: c.party.clone(),
                name: c.name.clone(),
                contact: c.contact.clone(),
                roles: c.roles.clone(),
            });
        }
    }
    if !record.is_empty() {
        w.restore_dockets(&record)?;
    }
    Ok(())
}
