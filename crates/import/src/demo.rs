//! The Microsoft–Ireland demo case, bundled as data (`assets/demo/`) and loaded
//! in one transaction. Loading twice changes nothing.
//!
//! The same format (`casetrail-case/1`) can carry any case; [`load_case`] takes
//! the JSON text, so a user's own file loads the same way.

pub mod deadlines;

use std::collections::HashMap;

use serde::Deserialize;

use crate::{Error, Result};
use casetrail_model::{
    Case, Certainty, EventDate, EventId, EventKind, JudgeRole, NewCase, NewEvent, NewProceeding,
    Outcome, PartyKind, PartyRole, ProceedingId, Side,
};
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    format: String,
    #[serde(default)]
    #[allow(dead_code)]
    provenance: String,
    case: NewCase,
    proceedings: Vec<ProceedingData>,
    events: Vec<EventData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProceedingData {
    key: String,
    court: String,
    docket: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    caption: String,
    opened_on: Option<chrono::NaiveDate>,
    closed_on: Option<chrono::NaiveDate>,
    #[serde(default)]
    appeal_from: Option<AppealData>,
    #[serde(default)]
    parties: Vec<PartyData>,
    #[serde(default)]
    judges: Vec<JudgeData>,
    #[serde(default)]
    counsel: Vec<CounselData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppealData {
    proceeding: String,
    event: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartyData {
    name: String,
    kind: PartyKind,
    #[serde(default)]
    role: Option<PartyRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JudgeData {
    name: String,
    role: JudgeRole,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CounselData {
    party: String,
    name: String,
    firm: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventData {
    key: String,
    proceeding: String,
    date: EventDate,
    kind: EventKind,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    entry: Option<String>,
    #[serde(default)]
    outcome: Option<Outcome>,
    #[serde(default)]
    side: Option<Side>,
    #[serde(default)]
    filers: Vec<PartyData>,
    #[serde(default)]
    judges: Vec<JudgeData>,
    #[serde(default)]
    source: String,
    certainty: Certainty,
    #[serde(default)]
    certainty_note: String,
    #[serde(default)]
    stay_lifted_by: Option<String>,
}

/// Load the bundled Microsoft–Ireland case.
pub fn load(store: &mut Store) -> Result<Loaded> {
    load_case(store, MICROSOFT_IRELAND)
}

/// Load a case file in the `casetrail-case/1` format. If a case with the same
/// key exists, nothing is written.
pub fn load_case(store: &mut Store, json: &str) -> Result<Loaded> {
    let file: CaseFile = serde_json::from_str(json)
        .map_err(|e| Error::Data(format!("case file is malformed: {e}")))?;
    if file.format != "casetrail-case/1" {
        return Err(Error::Data(format!(
            "case file format {:?} is not casetrail-case/1",
            file.format
        )));
    }
    store.write(|w| {
        if let Some(case) = w.case_by_slug(&file.case.slug)? {
            return Ok(Loaded {
                case,
                created: false,
                proceedings: 0,
                events: 0,
            });
        }
        let loaded = write_case(w, &file)?;
        crate::demo::deadlines::derive_for_case(w, &loaded.case)?;
        Ok(loaded)
    })
}

fn write_case(w: &mut Writer<'_>, file: &CaseFile) -> Result<Loaded> {
    let case = w.add_case(&file.case)?;
    let mut proceedings: HashMap<&str, ProceedingId> = HashMap::new();
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
        proceedings.insert(&p.key, created.id);
    }
    let proceeding = |key: &str| {
        proceedings
            .get(key)
            .copied()
            .ok_or_else(|| Error::Data(format!("case file names an unknown proceeding {key:?}")))
    };
    let mut events: HashMap<&str, EventId> = HashMap::new();
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
        events.insert(&e.key, created.id);
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
    Ok(Loaded {
        case: w.find_case(&file.case.slug)?,
        created: true,
        proceedings: file.proceedings.len(),
        events: file.events.len(),
    })
}
