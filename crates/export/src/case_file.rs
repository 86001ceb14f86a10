//! The `casetrail-case/1` JSON of a whole case: the format the demo case is
//! written in (`assets/demo/`), which `casetrail import-case` reads back.
//!
//! Records refer to each other by keys local to the file (`"ca2"`, `"e12"`,
//! `"d1"`), never by database ids, so a file loads into any database.
//! Exported files add to the demo's sections: the case's and events' tags,
//! `deadlines` with their computations (`step_kinds` keeps each step's role,
//! for the one-line trail), `notes` on anything, and `documents` (metadata,
//! tags and highlights; never their bytes or text). Timestamps are not
//! carried: export → import → export gives the same file.

mod dockets;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use dockets::{DetailsData, DocketsData, EntryData, NewsData, SourceData};

use crate::record::CaseRecord;
use casetrail_deadline::{Computation, DeadlineStatus, StepKind};
use casetrail_model::{
    Certainty, DocumentId, EventDate, EventId, EventKind, HighlightRect, JudgeRole, NewCase,
    NoteTarget, OcrStatus, Outcome, PartyKind, PartyRole, ProceedingId, Side,
};

/// The format's name, the file's `format`.
pub const FORMAT: &str = "casetrail-case/1";

/// What the file says when Casetrail wrote it.
pub const PROVENANCE: &str = "Exported from a Casetrail database.";

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole case file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    pub format: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provenance: String,
    pub case: CaseData,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub proceedings: Vec<ProceedingData>,
    pub events: Vec<EventData>,
    /// Absent in hand-written files (the demo's are derived when it loads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadlines: Option<Vec<DeadlineData>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentData>,
    /// What docket imports recorded beyond the events (see `dockets`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dockets: Option<DocketsData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseData {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub summary: String,
}

impl CaseData {
    pub fn to_new(&self) -> NewCase {
        NewCase {
            slug: self.slug.clone(),
            name: self.name.clone(),
            summary: self.summary.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProceedingData {
    pub key: String,
    pub court: String,
    pub docket: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub caption: String,
    #[serde(default)]
    pub opened_on: Option<NaiveDate>,
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_from: Option<AppealData>,
    #[serde(default)]
    pub parties: Vec<PartyData>,
    #[serde(default)]
    pub judges: Vec<JudgeData>,
    #[serde(default)]
    pub counsel: Vec<CounselData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealData {
    pub proceeding: String,
    #[serde(default)]
    pub event: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyData {
    pub name: String,
    pub kind: PartyKind,
    #[serde(default)]
    pub role: Option<PartyRole>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgeData {
    pub name: String,
    pub role: JudgeRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounselData {
    pub party: String,
    pub name: String,
    pub firm: String,
    /// Address and telephone lines as the docket prints them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// "LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub roles: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventData {
    pub key: String,
    pub proceeding: String,
    pub date: EventDate,
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filers: Vec<PartyData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub judges: Vec<JudgeData>,
    #[serde(default)]
    pub source: String,
    pub certainty: Certainty,
    /// Hand-written files only: appended to the description on import.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub certainty_note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stay_lifted_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineData {
    #[serde(default)]
    pub proceeding: Option<String>,
    pub title: String,
    #[serde(default)]
    pub rule: Option<String>,
    #[serde(default)]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub us_party: bool,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub court: Option<String>,
    /// The key of the triggering event.
    #[serde(default)]
    pub trigger_event: Option<String>,
    #[serde(default)]
    pub trigger_date: Option<NaiveDate>,
    #[serde(default)]
    pub computed_due: Option<NaiveDate>,
    #[serde(default)]
    pub computation: Option<Computation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub step_kinds: Vec<StepKind>,
    #[serde(default)]
    pub ordered_due: Option<NaiveDate>,
    #[serde(default)]
    pub ordered_note: String,
    pub due: NaiveDate,
    pub status: DeadlineStatus,
    #[serde(default)]
    pub notes: String,
}

/// What a note is on: `"case"`, or a proceeding, event or document by key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteData {
    pub on: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentData {
    pub key: String,
    pub sha256: String,
    pub title: String,
    #[serde(default)]
    pub original_name: String,
    pub size_bytes: u64,
    pub page_count: u32,
    #[serde(default)]
    pub proceeding: Option<String>,
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub detected: serde_json::Value,
    pub ocr: OcrStatus,
    #[serde(default)]
    pub warnings: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<HighlightData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighlightData {
    pub page: u32,
    pub rects: Vec<HighlightRect>,
    pub quote: String,
    #[serde(default)]
    pub note: String,
}

impl CaseFile {
    /// Read a case file, refusing another format.
    pub fn parse(json: &str) -> casetrail_model::Result<CaseFile> {
        let file: CaseFile = serde_json::from_str(json)
            .map_err(|e| casetrail_model::Error::Data(format!("case file is malformed: {e}")))?;
        if file.format != FORMAT {
            return Err(casetrail_model::Error::Data(format!(
                "case file format {:?} is not {FORMAT}",
                file.format
            )));
        }
        Ok(file)
    }
}

/// The case file of a case, as pretty JSON with a final newline.
pub fn render(record: &CaseRecord) -> String {
    let file = from_record(record);
    let mut text = serde_json::to_string_pretty(&file).expect("a case file always serialises");
    text.push('\n');
    text
}

/// Keys for the file's records.
struct Keys {
    proceedings: HashMap<ProceedingId, String>,
    events: HashMap<EventId, String>,
    documents: HashMap<DocumentId, String>,
}

/// The case file of a case.
pub fn from_record(r: &CaseRecord) -> CaseFile {
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let mut keys = Keys {
        proceedings: HashMap::new(),
        events: HashMap::new(),
        documents: HashMap::new(),
    };
    for p in &r.proceedings {
        let n = used.entry(p.proceeding.court_id.clone()).or_default();
        *n += 1;
        let key = if *n == 1 {
            p.proceeding.court_id.clone()
        } else {
            format!("{}-{n}", p.proceeding.court_id)
        };
        keys.proceedings.insert(p.proceeding.id, key);
    }
    for (i, e) in r.events.iter().enumerate() {
        keys.events.insert(e.event.id, format!("e{}", i + 1));
    }
    for (i, d) in r.documents.iter().enumerate() {
        keys.documents.insert(d.document.id, format!("d{}", i + 1));
    }
    let pkey = |id: ProceedingId| keys.proceedings.get(&id).cloned();
    let ekey = |id: EventId| keys.events.get(&id).cloned();
    let party = |id, name: &str, role| PartyData {
        name: name.to_string(),
        kind: r
            .party_kinds
            .get(&id)
            .copied()
            .unwrap_or(PartyKind::Organization),
        role: Some(role),
    };
    let proceedings = r
        .proceedings
        .iter()
        .map(|p| {
            let pr = &p.proceeding;
            ProceedingData {
                key: keys.proceedings[&pr.id].clone(),
                court: pr.court_id.clone(),
                docket: pr.docket_number.clone(),
                aliases: pr.docket_aliases.clone(),
                caption: pr.caption.clone(),
                opened_on: pr.opened_on,
                closed_on: pr.closed_on,
                appeal_from: pr.appeal_from.and_then(pkey).map(|proceeding| AppealData {
                    proceeding,
                    event: pr.appeal_from_event.and_then(ekey),
                }),
                parties: p
                    .parties
                    .iter()
                    .map(|x| party(x.party_id, &x.name, x.role))
                    .collect(),
                judges: p
                    .judges
                    .iter()
                    .map(|(name, role)| JudgeData {
                        name: name.clone(),
                        role: *role,
                    })
                    .collect(),
                counsel: p
                    .counsel
                    .iter()
                    .map(|c| {
                        let contact = r.dockets.counsel.iter().find(|x| {
                            x.proceeding == pr.id && x.party == c.party && x.name == c.name
                        });
                        CounselData {
                            party: c.party.clone(),
                            name: c.name.clone(),
                            firm: c.firm.clone(),
                            contact: contact.map(|x| x.contact.clone()).unwrap_or_default(),
                            roles: contact.map(|x| x.roles.clone()).unwrap_or_default(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let events = r
        .events
        .iter()
        .map(|t| {
            let e = &t.event;
            EventData {
                key: keys.events[&e.id].clone(),
                proceeding: pkey(e.proceeding_id).unwrap_or_default(),
                date: e.date,
                kind: e.kind,
                title: e.title.clone(),
                description: e.description.clone(),
                entry: e.entry.clone(),
                outcome: e.outcome,
                side: e.side,
                filers: e
                    .parties
                    .iter()
                    .map(|x| party(x.party_id, &x.name, x.role))
                    .collect(),
                judges: e
                    .judges
                    .iter()
                    .map(|j| JudgeData {
                        name: j.name.clone(),
                        role: j.role,
                    })
                    .collect(),
                source: e.source.clone(),
                certainty: e.certainty,
                certainty_note: String::new(),
                stay_lifted_by: e.stay.as_ref().and_then(|s| s.lifted_by).and_then(ekey),
                tags: t.tags.clone(),
            }
        })
        .collect();
    let deadlines = r
        .deadlines
        .iter()
        .map(|d| DeadlineData {
            proceeding: d.proceeding_id.and_then(pkey),
            title: d.title.clone(),
            rule: d.rule.clone(),
            part: d.part.clone(),
            us_party: d.us_party,
            service: d.service.clone(),
            court: d.court_id.clone(),
            trigger_event: d.trigger_event.and_then(ekey),
            trigger_date: d.trigger_date,
            computed_due: d.computed_due,
            step_kinds: d
                .computation
                .iter()
                .flat_map(|c| c.steps.iter().map(|s| s.kind.clone()))
                .collect(),
            computation: d.computation.clone(),
            ordered_due: d.ordered_due,
            ordered_note: d.ordered_note.clone(),
            due: d.due,
            status: d.status,
            notes: d.notes.clone(),
        })
        .collect();
    let notes = r
        .notes
        .iter()
        .map(|n| {
            let (on, key) = match n.target {
                NoteTarget::Case(_) => ("case", None),
                NoteTarget::Proceeding(id) => ("proceeding", pkey(id)),
                NoteTarget::Event(id) => ("event", ekey(id)),
                NoteTarget::Document(id) => ("document", keys.documents.get(&id).cloned()),
            };
            NoteData {
                on: on.to_string(),
                key,
                body: n.body.clone(),
            }
        })
        .collect();
    let documents = r
        .documents
        .iter()
        .map(|d| {
            let doc = &d.document;
            DocumentData {
                key: keys.documents[&doc.id].clone(),
                sha256: doc.sha256.clone(),
                title: doc.title.clone(),
                original_name: doc.original_name.clone(),
                size_bytes: doc.size_bytes,
                page_count: doc.page_count,
                proceeding: doc.proceeding_id.and_then(pkey),
                event: doc.event_id.and_then(ekey),
                detected: doc.detected.clone(),
                ocr: doc.ocr,
                warnings: doc.warnings.clone(),
                tags: d.tags.clone(),
                highlights: d
                    .highlights
                    .iter()
                    .map(|h| HighlightData {
                        page: h.page,
                        rects: h.rects.clone(),
                        quote: h.quote.clone(),
                        note: h.note.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    CaseFile {
        format: FORMAT.to_string(),
        provenance: PROVENANCE.to_string(),
        case: CaseData {
            slug: r.case.slug.clone(),
            name: r.case.name.clone(),
            summary: r.case.summary.clone(),
        },
        tags: r.tags.clone(),
        proceedings,
        events,
        deadlines: Some(deadlines),
        notes,
        documents,
        dockets: dockets::from_record(&r.dockets, pkey, ekey),
    }
}
