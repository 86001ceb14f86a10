//! The Microsoft–Ireland demo case, bundled as data (`assets/demo/`) and loaded
//! in one transaction. Loading twice changes nothing.
//!
//! The same format (`casetrail-case/1`) can carry any case; [`load_case`] takes
//! the JSON text, so a user's own file loads the same way.

pub mod deadlines;
mod records;

use std::collections::HashMap;

use crate::{Error, Result};
use casetrail_export::case_file::CaseFile;
use casetrail_model::{Case, EventId, EventKind, NewEvent, NewProceeding, PartyRole, ProceedingId};
use casetrail_store::{Store, Writer};

/// The bundled demo case.
pub const MICROSOFT_IRELAND: &str = include_str!("../../../assets/demo/microsoft-ireland.json");

/// What loading did.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Loaded {
    pub case: Case,
    /// False when the case was already in the database and nothing was written.
    pub created: bool,
    pub proceedings: usize,
    pub events: usize,
}

/// Load the bundled Microsoft–Ireland case.
pub fn load(store: &mut Store) -> Result<Loaded> {
    load_case(store, MICROSOFT_IRELAND)
}

/// Load a case file in the `casetrail-case/1` format. If a case with the same
/// key exists, nothing is written.
pub fn load_case(store: &mut Store, json: &str) -> Result<Loaded> {
    let file = CaseFile::parse(json)?;
    load_file(store, &file)
}

/// Load a case file already read, in one transaction (see [`load_case`]).
pub fn load_file(store: &mut Store, file: &CaseFile) -> Result<Loaded> {
    store.write(|w| load_into(w, file))
}

/// Load a case file inside a transaction the caller holds (a bundle adds
/// its documents' files and text in the same one). If a case with the same
/// key exists, nothing is written and `created` is false.
pub fn load_into(w: &mut Writer<'_>, file: &CaseFile) -> Result<Loaded> {
    if let Some(case) = w.case_by_slug(&file.case.slug)? {
        return Ok(Loaded {
            case,
            created: false,
            proceedings: 0,
            events: 0,
        });
    }
    let (loaded, keys) = write_case(w, file)?;
    match &file.deadlines {
        // A file written by `casetrail export json` carries its deadlines as they were.
        Some(deadlines) => records::restore_deadlines(w, &loaded.case, &keys, deadlines)?,
        None => {
            crate::demo::deadlines::derive_for_case(w, &loaded.case)?;
        }
    }
    records::restore_annotations(w, &loaded.case, &keys, file)?;
    records::restore_dockets(w, &keys, file)?;
    Ok(loaded)
}

/// The database ids of the file's keys.
pub(crate) struct Keys {
    pub proceedings: HashMap<String, ProceedingId>,
    pub events: HashMap<String, EventId>,
}

impl Keys {
    pub fn proceeding(&self, key: &str) -> Result<ProceedingId> {
        self.proceedings
            .get(key)
            .copied()
            .ok_or_else(|| Error::Data(format!("case file names an unknown proceeding {key:?}")))
    }

    pub fn event(&self, key: &str) -> Result<EventId> {
        self.events
            .get(key)
            .copied()
            .ok_or_else(|| Error::Data(format!("case file names an unknown event {key:?}")))
    }
}

fn write_case(w: &mut Writer<'_>, file: &CaseFile) -> Result<(Loaded, Keys)> {
    let case = w.add_case(&file.case.to_new())?;
    let mut proceedings: HashMap<String, ProceedingId> = HashMap::new();
    for p in &file.proceedings {
        let created = w.add_proceeding(
            case.id,
            &NewProceeding {
                court_id: p.court.clone(),
                docket_number: p.docket.clone(),
                docket_aliases: p.aliases.clone(),
                caption: p.caption.clone(),
                opened_on: p.opened_on,
                closed_on: p.closed_on,
            },
        )?;
        for party in &p.parties {
            let role = party.role.unwrap_or(PartyRole::Other);
            w.add_proceeding_party(created.id, &party.name, party.kind, role)?;
        }
        for j in &p.judges {
            w.add_proceeding_judge(created.id, &j.name, j.role)?;
        }
        for c in &p.counsel {
            w.add_counsel(created.id, &c.party, &c.name, &c.firm)?;
        }
        proceedings.insert(p.key.clone(), created.id);
    }
    let proceeding = |key: &str| {
        proceedings
            .get(key)
            .copied()
            .ok_or_else(|| Error::Data(format!("case file names an unknown proceeding {key:?}")))
    };
    let mut events: HashMap<String, EventId> = HashMap::new();
    for e in &file.events {
        let mut description = e.description.clone();
        if !e.certainty_note.is_empty() {
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str("Certainty: ");
            description.push_str(&e.certainty_note);
        }
        let new = NewEvent {
            description,
            entry: e.entry.clone(),
            outcome: e.outcome,
            side: e.side,
            source: e.source.clone(),
            certainty: e.certainty,
            ..NewEvent::new(proceeding(&e.proceeding)?, e.date, e.kind, e.title.clone())
        };
        let created = w.add_event(&new)?;
        let role = if e.kind == EventKind::AmicusBrief {
            PartyRole::Amicus
        } else {
            PartyRole::Filer
        };
        for f in &e.filers {
            w.add_event_party(created.id, &f.name, f.kind, f.role.unwrap_or(role))?;
        }
        for j in &e.judges {
            w.add_event_judge(created.id, &j.name, j.role)?;
        }
        for tag in &e.tags {
            w.tag(casetrail_model::NoteTarget::Event(created.id), tag)?;
        }
        events.insert(e.key.clone(), created.id);
    }
    let event = |key: &str| {
        events
            .get(key)
            .copied()
            .ok_or_else(|| Error::Data(format!("case file names an unknown event {key:?}")))
    };
    for e in &file.events {
        if let Some(by) = &e.stay_lifted_by {
            w.lift_stay(event(&e.key)?, event(by)?)?;
        }
    }
    for p in &file.proceedings {
        if let Some(a) = &p.appeal_from {
            let ruling = a.event.as_deref().map(event).transpose()?;
            w.link_appeal(proceeding(&p.key)?, proceeding(&a.proceeding)?, ruling)?;
        }
    }
    let loaded = Loaded {
        case: w.find_case(&file.case.slug)?,
        created: true,
        proceedings: file.proceedings.len(),
        events: file.events.len(),
    };
    Ok((
        loaded,
        Keys {
            proceedings,
            events,
        },
    ))
}
