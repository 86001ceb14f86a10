//! supremecourt.gov docket JSON (`/RWS/Files/TSDocket/24-966.json`): the
//! case number, the titles of the parties, the docketed date, the lower
//! court and its case numbers and decision date, every proceeding and order
//! with its documents, and counsel for each side.

pub(crate) mod lower_court;

use serde_json::{Map, Value};

use crate::html::{clean, Html};
use crate::{date, Attorney, Docket, DocumentLink, Entry, Error, Originating, Party, Result};

/// Whether the JSON text is a supremecourt.gov docket.
pub fn looks_like(text: &str) -> bool {
    // The Court's own key (ACMS writes "caseNumber"); enough to name the
    // format of a file cut short.
    text.contains("\"CaseNumber\"")
}

/// Read a supremecourt.gov docket.
pub fn parse(text: &str) -> Result<Docket> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| crate::courtlistener::json_error("supremecourt.gov docket JSON", &e))?;
    let o = value.as_object().ok_or_else(|| {
        Error::invalid(
            "the supremecourt.gov docket JSON is not an object (expected {\"CaseNumber\": …})",
        )
    })?;
    let docket_number = field(o, "CaseNumber")
        .replace("*** CAPITAL CASE ***", "")
        .trim()
        .to_owned();
    if docket_number.is_empty() {
        return Err(Error::invalid(
            "the supremecourt.gov docket JSON has no CaseNumber",
        ));
    }
    let petitioner = field(o, "PetitionerTitle");
    let respondent = field(o, "RespondentTitle");
    let case_name = if respondent.is_empty() {
        petitioner
    } else {
        format!("{petitioner} v. {respondent}")
    };
    let mut parties = Vec::new();
    for side in ["Petitioner", "Respondent", "Other"] {
        for counsel in o.get(side).and_then(Value::as_array).into_iter().flatten() {
            let Some(c) = counsel.as_object() else {
                continue;
            };
            add_counsel(&mut parties, side, &field(c, "PartyName"), attorney(c));
        }
    }
    let mut entries = Vec::new();
    let proceedings = o.get("ProceedingsandOrder").and_then(Value::as_array);
    for (i, row) in proceedings.into_iter().flatten().enumerate() {
        let Some(row) = row.as_object() else { continue };
        let when = field(row, "Date");
        let date_filed = date::parse(&when).ok_or_else(|| {
            Error::invalid(format!(
                "the supremecourt.gov docket {docket_number}'s proceeding {} has no date it can read ({when:?})",
                i + 1
            ))
        })?;
        let links: Vec<DocumentLink> = row
            .get("Links")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
            .filter_map(|l| {
                let url = field(l, "DocumentUrl");
                (!url.is_empty()).then(|| DocumentLink {
                    description: Some(field(l, "Description"))
                        .filter(|d| !d.is_empty())
                        .unwrap_or_else(|| "Document".to_owned()),
                    url,
                })
            })
            .collect();
        entries.push(Entry {
            date_filed,
            description: clean(&Html::parse(&field(row, "Text")).root().text()),
            document_ids: document_ids(&links),
            links,
            ..Entry::default()
        });
    }
    if entries.is_empty() && parties.is_empty() && o.get("DocketedDate").is_none() {
        return Err(Error::invalid(format!(
            "the supremecourt.gov docket JSON for {docket_number} has no proceedings, counsel or docketed date"
        )));
    }
    Ok(Docket {
        court_id: Some("scotus".to_owned()),
        docket_number,
        case_name,
        date_filed: date::parse(&field(o, "DocketedDate")),
        parties,
        entries,
        originating: originating(
            &field(o, "LowerCourt"),
            &field(o, "LowerCourtCaseNumbers"),
            &field(o, "LowerCourtDecision"),
        ),
        ..Docket::default()
    })
}

/// Add an attorney to the party `name` on `side`, keeping the parties in
/// the order they first appear.
pub(super) fn add_counsel(parties: &mut Vec<Party>, side: &str, name: &str, attorney: Attorney) {
    match parties
        .iter_mut()
        .find(|p| p.role == side && p.name == name)
    {
        Some(p) => p.attorneys.push(attorney),
        None => parties.push(Party {
            name: name.to_owned(),
            role: side.to_owned(),
            extra_info: String::new(),
            attorneys: vec![attorney],
        }),
    }
}

fn attorney(c: &Map<String, Value>) -> Attorney {
    let place = [field(c, "City"), field(c, "State")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let place = [place, field(c, "Zip")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let contact: Vec<String> = [
        field(c, "Title"),
        field(c, "Address"),
        place,
        field(c, "Phone"),
        field(c, "Email"),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let counsel_of_record = c.get("IsCounselofRecord").and_then(Value::as_bool) == Some(true);
    Attorney {
        name: field(c, "Attorney"),
        contact: contact.join("\n"),
        roles: if counsel_of_record {
            vec!["Counsel of Record".to_owned()]
        } else {
            Vec::new()
        },
    }
}

/// The lower court, its case numbers and its decision date.
pub(super) fn originating(court: &str, numbers: &str, decided: &str) -> Option<Originating> {
    let court = clean(court);
    let numbers = lower_court::case_numbers(numbers);
    if court.is_empty() && numbers.is_empty() {
        return None;
    }
    Some(Originating {
        court_id: lower_court::court_id(&court),
        court_name: court,
        docket_number: numbers.join(", "),
        judgment_on: date::parse(decided),
    })
}

/// supremecourt.gov's number for a filing, from its PDFs' addresses
/// (`…/DocketPDF/24/24-966/351352/…pdf` is 351352), each once.
pub(super) fn document_ids(links: &[DocumentLink]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for link in links {
        let Some((_, after)) = link.url.split_once("/DocketPDF/") else {
            continue;
        };
        // term/case/number/file
        if let Some(id) = after
            .split('/')
            .nth(2)
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_owned());
            }
        }
    }
    ids
}

/// A field as text, trimmed; "" when absent, null or not text.
fn field(o: &Map<String, Value>, key: &str) -> String {
    match o.get(key) {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}
