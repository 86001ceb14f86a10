//! CourtListener dockets, JSON: the API v4 docket (`/api/rest/v4/dockets/`)
//! with its `docket_entries` (each with its `recap_documents`) and
//! `parties` nested, one docket or a list of them (or an API page,
//! `{"results": […]}`); and the normalised docket juriscraper emits
//! (`docket.json`: `docket_number`, `parties[].attorneys`,
//! `docket_entries[].document_number`), which CourtListener is fed from.
//!
//! CourtListener sometimes holds one case as two dockets (one made from an
//! RSS feed or a notice, one from the docket report); a list of dockets of
//! the same case is read as one docket, the fuller one first and the
//! other's entries added where it lacks them.

use serde_json::{Map, Value};

use crate::{date, Attorney, Docket, DocumentLink, Entry, Error, Originating, Party, Result};

/// Whether the JSON text is a CourtListener (or juriscraper) docket.
pub fn looks_like(text: &str) -> bool {
    // Asked after ACMS and supremecourt.gov: their JSON has no such key.
    text.contains("\"docket_number\"") || text.contains("courtlistener.com/api/rest/")
}

/// Read a CourtListener docket.
pub fn parse(text: &str) -> Result<Docket> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| json_error("CourtListener docket JSON", &e))?;
    let objects: Vec<&Map<String, Value>> = match &value {
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        Value::Object(o) => match o.get("results").and_then(Value::as_array) {
            Some(results) if !o.contains_key("docket_number") => {
                results.iter().filter_map(Value::as_object).collect()
            }
            _ => vec![o],
        },
        _ => Vec::new(),
    };
    if objects.is_empty() {
        return Err(Error::invalid(
            "the CourtListener JSON holds no docket (expected a docket object, a list of them, \
             or an API page with \"results\")",
        ));
    }
    let mut dockets = objects
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            docket(o)
                .map_err(|why| Error::invalid(format!("CourtListener docket {}: {why}", i + 1)))
        })
        .collect::<Result<Vec<_>>>()?;
    let first = dockets[0].docket_number.clone();
    if let Some(other) = dockets.iter().find(|d| d.docket_number != first) {
        return Err(Error::invalid(format!(
            "the CourtListener JSON holds dockets of different cases ({first} and {}); \
             save one case's docket at a time",
            other.docket_number
        )));
    }
    // The fullest docket first; the others fill in what it lacks.
    let best = (0..dockets.len())
        .max_by_key(|&i| (dockets[i].entries.len(), usize::MAX - i))
        .unwrap_or(0);
    let mut base = dockets.swap_remove(best);
    for other in dockets {
        merge(&mut base, other);
    }
    if base.entries.is_empty() && base.parties.is_empty() && base.date_filed.is_none() {
        return Err(Error::invalid(format!(
            "the CourtListener docket {} has no entries, parties or filing date: \
             fetch it with its docket entries",
            base.docket_number
        )));
    }
    Ok(base)
}

/// serde_json's error as a user reads it, naming the document.
pub(crate) fn json_error(what: &str, e: &serde_json::Error) -> Error {
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        serde_json::error::Category::Eof => Error::invalid(format!(
            "the {what} ends early at line {line}, column {column}: the file is cut short"
        )),
        _ => Error::invalid(format!(
            "the {what} is not valid JSON at line {line}, column {column}: {e}"
        )),
    }
}

fn docket(o: &Map<String, Value>) -> std::result::Result<Docket, String> {
    let docket_number = text(o, "docket_number");
    if docket_number.is_empty() {
        return Err("it has no docket_number (is this a CourtListener docket?)".to_owned());
    }
    let court_id = some(text(o, "court_id")).or_else(|| {
        o.get("court")
            .and_then(Value::as_str)
            .and_then(last_segment)
    });
    let case_name = [
        text(o, "case_name"),
        text(o, "case_name_full"),
        text(o, "case_name_short"),
    ]
    .into_iter()
    .find(|n| !n.is_empty())
    .unwrap_or_default();
    let parties = o
        .get("parties")
        .and_then(Value::as_array)
        .map(|ps| ps.iter().filter_map(Value::as_object).map(party).collect())
        .unwrap_or_default();
    let entries = o
        .get("docket_entries")
        .and_then(Value::as_array)
        .map(|es| {
            es.iter()
                .filter_map(Value::as_object)
                .filter_map(entry)
                .collect()
        })
        .unwrap_or_default();
    Ok(Docket {
        court_id,
        docket_number,
        case_name,
        assigned_to: some(text(o, "assigned_to_str")),
        referred_to: some(text(o, "referred_to_str")),
        date_filed: date::parse(&text(o, "date_filed")),
        date_terminated: date::parse(&text(o, "date_terminated")),
        nature_of_suit: some(text(o, "nature_of_suit")),
        cause: some(text(o, "cause")),
        jury_demand: some(text(o, "jury_demand")),
        parties,
        entries,
        originating: originating(o),
        ..Docket::default()
    })
}

/// A party: CourtListener's (`party_types[].name`, attorneys with
/// `parties_represented`) or juriscraper's (`type`, attorneys with `roles`).
fn party(p: &Map<String, Value>) -> Party {
    let kind = p
        .get("party_types")
        .and_then(Value::as_array)
        .and_then(|t| t.first())
        .and_then(Value::as_object);
    let role = match kind {
        Some(k) => text(k, "name"),
        None => text(p, "type"),
    };
    let extra_info = [
        kind.map(|k| text(k, "extra_info")).unwrap_or_default(),
        text(p, "extra_info"),
    ]
    .into_iter()
    .find(|s| !s.is_empty())
    .unwrap_or_default();
    let party_id = p.get("id").map(|v| format!("/{}/", number_text(v)));
    let mut attorneys: Vec<Attorney> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for a in p
        .get("attorneys")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(a) = a.as_object() else { continue };
        let name = text(a, "name");
        // CourtListener lists an attorney once per role.
        let key = a
            .get("attorney_id")
            .or_else(|| a.get("id"))
            .map_or_else(|| name.clone(), number_text);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let roles = match a.get("roles").and_then(Value::as_array) {
            Some(roles) => roles
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            None => courtlistener_roles(a, party_id.as_deref()),
        };
        let contact = [text(a, "contact_raw"), text(a, "contact")]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or_default();
        let contact: Vec<&str> = contact
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        attorneys.push(Attorney {
            name,
            contact: contact.join("\n"),
            roles,
        });
    }
    Party {
        name: text(p, "name"),
        role,
        extra_info,
        attorneys,
    }
}

/// An attorney's roles for one party, in the words PACER prints, from
/// CourtListener's role codes (`parties_represented[].role`, else `role`).
fn courtlistener_roles(a: &Map<String, Value>, party: Option<&str>) -> Vec<String> {
    let mut codes: Vec<(i64, String)> = Vec::new();
    let represented = a.get("parties_represented").and_then(Value::as_array);
    for r in represented
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
    {
        let for_party = match (party, r.get("party").and_then(Value::as_str)) {
            (Some(id), Some(url)) => url.ends_with(id),
            _ => true,
        };
        if let (true, Some(code)) = (for_party, r.get("role").and_then(Value::as_i64)) {
            codes.push((code, text(r, "date_action")));
        }
    }
    if codes.is_empty() {
        if let Some(code) = a.get("role").and_then(Value::as_i64) {
            codes.push((code, text(a, "date_action")));
        }
    }
    // PACER's order: lead, pro hac vice, to be noticed, the rest.
    codes.sort_by_key(|(c, _)| match c {
        2 => 0,
        4 => 1,
        1 => 2,
        other => 3 + other,
    });
    codes.dedup_by_key(|(c, _)| *c);
    codes
        .into_iter()
        .filter_map(|(code, on)| {
            let when = date::parse(&on)
                .map(|d| d.format(": %m/%d/%Y").to_string())
                .unwrap_or_default();
            Some(match code {
                1 => "ATTORNEY TO BE NOTICED".to_owned(),
                2 => "LEAD ATTORNEY".to_owned(),
                3 => "ATTORNEY IN SEALED GROUP".to_owned(),
                4 => "PRO HAC VICE".to_owned(),
                5 => format!("SELF-TERMINATED{when}"),
                6 => format!("TERMINATED{when}"),
                7 => "SUSPENDED".to_owned(),
                8 => "INACTIVE".to_owned(),
                9 => "DISBARRED".to_owned(),
                _ => return None,
            })
        })
        .collect()
}

/// An entry: CourtListener's (`entry_number`, `recap_documents`) or
/// juriscraper's (`document_number`, `pacer_doc_id`). `None` without a date.
fn entry(e: &Map<String, Value>) -> Option<Entry> {
    let date_filed = date::parse(&text(e, "date_filed"))?;
    let number = e
        .get("entry_number")
        .or_else(|| e.get("document_number"))
        .map(number_text)
        .filter(|n| !n.is_empty());
    let mut description = text(e, "description");
    let mut document_ids = Vec::new();
    let mut links = Vec::new();
    let documents = e.get("recap_documents").and_then(Value::as_array);
    for d in documents.into_iter().flatten().filter_map(Value::as_object) {
        let id = text(d, "pacer_doc_id");
        if !id.is_empty() && !document_ids.contains(&id) {
            document_ids.push(id);
        }
        let what = text(d, "description");
        let main = d.get("attachment_number").map_or(true, Value::is_null);
        if description.is_empty() && main {
            // An entry CourtListener knows only from a feed or a notice:
            // the document's short description is all there is.
            description = what.clone();
        }
        let url = match (text(d, "filepath_local"), text(d, "absolute_url")) {
            (local, _) if !local.is_empty() && !local.starts_with("http") => {
                format!(
                    "https://storage.courtlistener.com/{}",
                    local.trim_start_matches('/')
                )
            }
            (local, _) if !local.is_empty() => local,
            (_, page) if page.starts_with('/') => format!("https://www.courtlistener.com{page}"),
            _ => continue,
        };
        let description = match (what.is_empty(), main) {
            (false, _) => what,
            (true, true) => "Main Document".to_owned(),
            (true, false) => format!("Attachment {}", number_text(&d["attachment_number"])),
        };
        links.push(DocumentLink { description, url });
    }
    if let Some(id) = e
        .get("pacer_doc_id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        if !document_ids.iter().any(|d| d == id) {
            document_ids.push(id.to_owned());
        }
    }
    Some(Entry {
        number,
        date_filed,
        date_entered: date::parse(&text(e, "date_entered")),
        description,
        document_ids,
        links,
    })
}

/// Where an appeal came from: CourtListener's `appeal_from` (a court URL or
/// id), `appeal_from_str` and `original_court_info`; juriscraper's
/// `originating_court_information`.
fn originating(o: &Map<String, Value>) -> Option<Originating> {
    let info = o
        .get("original_court_info")
        .or_else(|| o.get("originating_court_information"))
        .and_then(Value::as_object);
    let court_id = match o.get("appeal_from") {
        Some(Value::String(s)) => last_segment(s),
        Some(Value::Object(c)) => some(text(c, "id")),
        _ => None,
    }
    .or_else(|| info.and_then(|i| some(text(i, "court_id"))));
    let court_name = text(o, "appeal_from_str");
    let docket_number = info.map(|i| text(i, "docket_number")).unwrap_or_default();
    let judgment_on = info.and_then(|i| date::parse(&text(i, "date_judgment")));
    if court_id.is_none() && court_name.is_empty() && docket_number.is_empty() {
        return None;
    }
    Some(Originating {
        court_id,
        court_name,
        docket_number,
        judgment_on,
    })
}

/// Add to `base` what `other` (another CourtListener docket of the same case)
/// has and it lacks.
fn merge(base: &mut Docket, other: Docket) {
    macro_rules! fill {
        ($($field:ident),*) => {$(
            if base.$field.is_none() {
                base.$field = other.$field;
            }
        )*};
    }
    fill!(
        court_id,
        assigned_to,
        referred_to,
        date_filed,
        date_terminated,
        nature_of_suit,
        cause,
        jury_demand,
        originating
    );
    if base.case_name.is_empty() {
        base.case_name = other.case_name;
    }
    if base.parties.is_empty() {
        base.parties = other.parties;
    }
    let mut added = false;
    for e in other.entries {
        let same = base
            .entries
            .iter_mut()
            .find(|b| match (&b.number, &e.number) {
                (Some(x), Some(y)) => x == y,
                // The other docket's unnumbered entry of a day the fuller one
                // has unnumbered entries on is taken for one of them (its
                // text is often only its document's short name).
                (None, None) => b.date_filed == e.date_filed,
                _ => false,
            });
        match same {
            Some(b) => {
                if b.description.is_empty() {
                    b.description = e.description;
                }
                for id in e.document_ids {
                    if !b.document_ids.contains(&id) {
                        b.document_ids.push(id);
                    }
                }
                if b.links.is_empty() {
                    b.links = e.links;
                }
            }
            None => {
                base.entries.push(e);
                added = true;
            }
        }
    }
    if added {
        base.entries.sort_by_key(|e| e.date_filed);
    }
}

/// A field as text: strings trimmed, numbers written out; "" when absent or null.
fn text(o: &Map<String, Value>, key: &str) -> String {
    o.get(key).map(number_text).unwrap_or_default()
}

fn number_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// The last path segment of an API address: `…/courts/nynd/` is "nynd".
fn last_segment(url: &str) -> Option<String> {
    some(
        url.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::{last_segment, parse};

    #[test]
    fn court_from_address() {
        assert_eq!(
            last_segment("https://www.courtlistener.com/api/rest/v4/courts/nynd/"),
            Some("nynd".to_owned())
        );
        assert_eq!(last_segment("nynd"), Some("nynd".to_owned()));
    }

    #[test]
    fn other_shapes_are_refused() {
        let err = parse("[1, 2]").unwrap_err().to_string();
        assert!(err.contains("holds no docket"), "{err}");
        let err = parse(r#"{"case_name": "A v. B"}"#).unwrap_err().to_string();
        assert!(err.contains("no docket_number"), "{err}");
        let err = parse(r#"{"docket_number": "1:20-cv-1", "case_name""#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("ends early at line 1"), "{err}");
    }
}
