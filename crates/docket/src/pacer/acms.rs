//! ACMS appellate dockets (JSON with `caseDetails` and `docketInfo`), the
//! newer case system of the Second and Ninth Circuits: the case's details,
//! its parties and counsel as an HTML table (`partyAttorneyList`), and the
//! entries, each with its text as HTML. Read the way juriscraper reads them;
//! see `tests/acms.rs`.

use serde_json::{Map, Value};

use crate::html::{clean, Html};
use crate::{Docket, Entry, Error, Originating, Result};

use super::appellate::{circuit_of, lower_court, parties};

const WHAT: &str = "ACMS docket JSON";

/// Whether the JSON text is an ACMS docket.
pub fn looks_like(text: &str) -> bool {
    text.contains("\"caseDetails\"")
        && (text.contains("\"docketInfo\"")
            || text.contains("\"docketEntries\"")
            || text.contains("\"partyAttorneyList\"")
            || text.contains("\"caseNumber\""))
}

/// Read an ACMS docket.
pub fn parse(text: &str) -> Result<Docket> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| crate::courtlistener::json_error(WHAT, &e))?;
    let top = value.as_object().ok_or_else(|| {
        Error::invalid(format!(
            "the {WHAT} is a list, not an ACMS docket (an object with \"caseDetails\")"
        ))
    })?;
    let case = top
        .get("caseDetails")
        .and_then(Value::as_object)
        .ok_or_else(|| Error::invalid(format!("the {WHAT} has no \"caseDetails\" object")))?;
    let docket_number = text_of(case, "caseNumber");
    if docket_number.is_empty() {
        return Err(Error::invalid(format!(
            "the {WHAT} has no case number (\"caseDetails\".\"caseNumber\")"
        )));
    }
    let rows = top
        .get("docketInfo")
        .and_then(|d| d.get("docketEntries"))
        .or_else(|| top.get("docketEntries"));
    let rows = match rows {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(rows)) => rows.as_slice(),
        Some(_) => {
            return Err(Error::invalid(format!(
                "the {WHAT} for {docket_number}: \"docketEntries\" is not a list"
            )))
        }
    };
    let mut entries = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let row = row.as_object().ok_or_else(|| {
            Error::invalid(format!(
                "the {WHAT} for {docket_number}: docket entry {} is not an object",
                i + 1
            ))
        })?;
        if let Some(e) = entry(row) {
            entries.push(e);
        }
    }
    let parties = match case.get("partyAttorneyList").and_then(Value::as_str) {
        Some(html) if !html.trim().is_empty() => {
            let h = Html::parse(html);
            parties::read_rows(h.root().find_all("tr"), true)
        }
        _ => Vec::new(),
    };
    let court = case.get("court").and_then(Value::as_object);
    let appeal_from = court.map(|c| text_of(c, "name")).unwrap_or_default();
    let district = text_of(case, "districtCourtName");
    let originating = (!appeal_from.is_empty() || !district.is_empty()).then(|| Originating {
        court_id: lower_court(&appeal_from, false),
        court_name: if appeal_from.is_empty() {
            district.clone()
        } else {
            appeal_from.clone()
        },
        // ACMS gives no lower-court number, only an alien number for an
        // immigration petition, which names a person and is left out.
        docket_number: String::new(),
        judgment_on: None,
    });
    let case_type: Vec<String> = ["caseType", "caseSubType", "caseSubSubType"]
        .iter()
        .map(|k| text_of(case, k))
        .filter(|t| !t.is_empty())
        .collect();
    let date_filed = crate::date::parse(&text_of(case, "caseOpened"));
    if entries.is_empty() && parties.is_empty() && date_filed.is_none() {
        return Err(Error::invalid(format!(
            "the {WHAT} for {docket_number} has no entries, parties or opening date"
        )));
    }
    let some = |s: String| (!s.is_empty()).then_some(s);
    Ok(Docket {
        court_id: court_id(
            &entries,
            super::appellate::court_from_links(text),
            &appeal_from,
            &district,
        ),
        docket_number,
        case_name: clean(&text_of(case, "name")),
        date_filed,
        parties,
        entries,
        originating,
        case_type: some(case_type.join(", ")),
        fee_status: some(text_of(case, "feeStatus")),
        ..Docket::default()
    })
}

/// One entry: its number, its date, its text (HTML made plain) and its id.
fn entry(row: &Map<String, Value>) -> Option<Entry> {
    let html = text_of(row, "docketEntryText");
    let description = clean(&Html::parse(&html).root().text());
    let date_filed = crate::date::parse(&text_of(row, "endDateFormatted"))
        .or_else(|| crate::date::parse(&text_of(row, "endDate")))
        .or_else(|| crate::date::parse(&text_of(row, "createdOn")))?;
    let number = match row.get("entryNumber") {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    };
    let id = text_of(row, "docketEntryId");
    Some(Entry {
        number,
        date_filed,
        date_entered: super::appellate::entered(&description),
        description,
        document_ids: (!id.is_empty()).then_some(id).into_iter().collect(),
        links: Vec::new(),
    })
}

/// The court of appeals: the one the entries name ("the United States Court
/// of Appeals for the Ninth Circuit", a link to ca9.uscourts.gov, a "USCA
/// receipt # A02-…"), else the one the docket's links point to
/// ("www.ca9.uscourts.gov"), else the circuit of the lower court's state.
fn court_id(
    entries: &[Entry],
    links: Option<String>,
    appeal_from: &str,
    district: &str,
) -> Option<String> {
    for e in entries {
        let text = &e.description;
        if let Some(at) = text.find("Court of Appeals for the ") {
            let name = &text[at..];
            let end = name
                .find(" Circuit")
                .map_or(name.len(), |n| n + " Circuit".len());
            if let Some(id) = super::appellate::appellate_court(&name[..end]) {
                return Some(id);
            }
        }
        if let Some(at) = text.find("receipt # A") {
            let digits: String = text[at + "receipt # A".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n @ 1..=11) = digits.parse::<u32>() {
                return Some(format!("ca{n}"));
            }
        }
    }
    if let Some(c) = links {
        return Some(c);
    }
    for name in [appeal_from, district] {
        if let Some(c) = circuit_of(name) {
            return Some(c.to_owned());
        }
    }
    None
}

/// A string field, "" when absent, null or not a string (numbers as printed).
fn text_of(o: &Map<String, Value>, key: &str) -> String {
    match o.get(key) {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{looks_like, parse};

    #[test]
    fn minimal_and_broken() {
        let doc = r#"{"caseDetails": {"caseNumber": "23-7222", "name": "United States v. Raji",
            "caseOpened": "2023-09-27", "court": {"name": "S.D.N.Y . (NEW YORK CITY)"},
            "caseType": "Criminal", "caseSubType": null, "feeStatus": "IFP Granted",
            "partyAttorneyList": ""},
            "docketInfo": {"docketEntries": [{"entryNumber": 1, "endDateFormatted": "09/27/2023",
            "docketEntryText": "<p>NOTICE OF APPEAL, FILED. [Entered: 09/28/2023 10:01 AM]</p>",
            "docketEntryId": "x-1"}]}}"#;
        assert!(looks_like(doc));
        let d = parse(doc).unwrap();
        assert_eq!(d.court_id.as_deref(), Some("ca2"));
        assert_eq!(
            d.originating.as_ref().unwrap().court_id.as_deref(),
            Some("nysd")
        );
        assert_eq!(d.entries[0].number.as_deref(), Some("1"));
        assert_eq!(d.entries[0].date_entered.unwrap().to_string(), "2023-09-28");
        assert_eq!(d.case_type.as_deref(), Some("Criminal"));
        let err = parse(&doc[..40]).unwrap_err().to_string();
        assert!(err.contains("ends early at line"), "{err}");
        let err = parse(r#"{"caseDetails": []}"#).unwrap_err().to_string();
        assert!(err.contains("caseDetails"), "{err}");
        let err = parse(r#"{"caseDetails": {"name": "x"}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("case number"), "{err}");
        let err = parse(r#"{"caseDetails": {"caseNumber": "1"}, "docketEntries": 3}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a list"), "{err}");
    }
}
