//! supremecourt.gov dockets: the Court's JSON (`*.compare.json` in the
//! corpus is the Court's file; `*.json` beside it juriscraper's parse), the
//! card and table HTML pages and the old `.htm` pages, each compared with
//! juriscraper field by field; and this crate's own small files.

use std::path::Path;

use casetrail_docket::{parse, Docket, DocketFormat};
use casetrail_fixtures::shared_or_skip;
use serde_json::Value;

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn docket(path: &Path) -> (DocketFormat, Docket) {
    let parsed = parse(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(parsed.dockets.len(), 1);
    (parsed.format, parsed.dockets.into_iter().next().unwrap())
}

fn s(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| !s.is_empty())
}

/// Our reading of `input` against juriscraper's `expected`; the mismatches,
/// each naming the file, entry or party and the field.
fn compare(input: &Path, expected: &Path) -> Vec<String> {
    let file = input.file_name().unwrap().to_string_lossy().into_owned();
    let (format, ours) = docket(input);
    let want: Value = serde_json::from_slice(&read(expected)).unwrap();
    let mut problems = Vec::new();
    let mut check = |field: String, got: Option<String>, want: Option<String>| {
        if got != want {
            problems.push(format!("{file}: {field}: {got:?}, juriscraper {want:?}"));
        }
    };
    let json = format == DocketFormat::ScotusJson;
    if !json {
        check(
            "format".into(),
            Some(format.to_string()),
            Some("scotus_html".into()),
        );
    }
    check(
        "court_id".into(),
        ours.court_id.clone(),
        Some("scotus".into()),
    );
    check(
        "docket_number".into(),
        Some(ours.docket_number.clone()),
        s(&want["docket_number"]).map(Into::into),
    );
    check(
        "case_name".into(),
        Some(ours.case_name.clone()),
        s(&want["case_name"]).map(Into::into),
    );
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    check(
        "date_filed".into(),
        day(ours.date_filed),
        s(&want["date_filed"]).map(Into::into),
    );

    let o = ours.originating.clone().unwrap_or_default();
    check(
        "lower court".into(),
        Some(o.court_name.clone()).filter(|c| !c.is_empty()),
        s(&want["lower_court"]).map(Into::into),
    );
    let numbers: Option<Vec<&str>> = want["lower_court_case_numbers"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).map(str::trim).collect());
    check(
        "lower court case numbers".into(),
        Some(o.docket_number.clone()).filter(|n| !n.is_empty()),
        numbers.map(|n| n.join(", ")),
    );
    let decided = s(&want["lower_court_decision_date"]).map(String::from);
    // juriscraper reads no date from "December 20, 2023 <br>Rule 12.4"; we do.
    if decided.is_some() || day(o.judgment_on).is_none() {
        check("lower court decision".into(), day(o.judgment_on), decided);
    }
    if o.court_name.contains("Circuit") && o.court_id.is_none() {
        check("lower court id".into(), None, Some(o.court_name.clone()));
    }

    let parties = want["parties"].as_array().cloned().unwrap_or_default();
    check(
        "parties".into(),
        Some(ours.parties.len().to_string()),
        Some(parties.len().to_string()),
    );
    for (p, w) in ours.parties.iter().zip(&parties) {
        let at = format!("party {:?}", p.name);
        check(
            format!("{at}: name"),
            Some(p.name.clone()),
            Some(w["name"].as_str().unwrap_or("").to_owned()),
        );
        check(
            format!("{at}: side"),
            Some(p.role.clone()),
            s(&w["type"]).map(Into::into),
        );
        let attorneys = w["attorneys"].as_array().cloned().unwrap_or_default();
        check(
            format!("{at}: attorneys"),
            Some(p.attorneys.len().to_string()),
            Some(attorneys.len().to_string()),
        );
        for (a, wa) in p.attorneys.iter().zip(&attorneys) {
            let at = format!("{at}: attorney {:?}", a.name);
            check(
                format!("{at}: name"),
                Some(a.name.clone()),
                s(&wa["name"]).map(Into::into),
            );
            let record = wa["is_counsel_of_record"].as_bool() == Some(true);
            check(
                format!("{at}: counsel of record"),
                Some(a.roles.iter().any(|r| r == "Counsel of Record").to_string()),
                Some(record.to_string()),
            );
            for key in ["phone", "email", "zip"] {
                if let Some(v) = s(&wa[key]) {
                    if !a.contact.contains(v.trim()) {
                        check(
                            format!("{at}: contact has {key}"),
                            Some(a.contact.clone()),
                            Some(v.to_owned()),
                        );
                    }
                }
            }
        }
    }

    let entries = want["docket_entries"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    check(
        "entries".into(),
        Some(ours.entries.len().to_string()),
        Some(entries.len().to_string()),
    );
    for (i, (e, w)) in ours.entries.iter().zip(&entries).enumerate() {
        let at = format!("entry {i}");
        check(
            format!("{at}: date"),
            Some(e.date_filed.to_string()),
            s(&w["date_filed"]).map(Into::into),
        );
        check(
            format!("{at}: description"),
            Some(e.description.clone()),
            Some(
                w["description"]
                    .as_str()
                    .unwrap_or("")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        );
        let urls: Vec<String> = w["attachments"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["document_url"].as_str().map(str::to_owned))
            .collect();
        let ours_urls: Vec<String> = e.links.iter().map(|l| l.url.clone()).collect();
        check(
            format!("{at}: links"),
            Some(ours_urls.join(" ")),
            Some(urls.join(" ")),
        );
        let number = w["document_number"].as_i64().map(|n| n.to_string());
        check(
            format!("{at}: document id"),
            e.document_ids.first().cloned(),
            number,
        );
    }
    problems
}

fn pairs(dir: &Path) -> Vec<(std::path::PathBuf, std::path::PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".compare.json") {
            out.push((path.clone(), dir.join(format!("{stem}.json"))));
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            out.push((path.clone(), path.with_extension("json")));
        }
    }
    out.sort();
    out
}

fn compare_all(dirs: &[std::path::PathBuf]) {
    compare_all_but(dirs, &[]);
}

/// As [`compare_all`], the mismatches starting with one of `known` aside.
fn compare_all_but(dirs: &[std::path::PathBuf], known: &[&str]) {
    let mut problems = Vec::new();
    let mut files = 0;
    for dir in dirs {
        for (input, expected) in pairs(dir) {
            files += 1;
            problems.extend(compare(&input, &expected));
        }
    }
    assert!(files > 0, "no files in {dirs:?}");
    problems.retain(|p| !known.iter().any(|k| p.starts_with(k)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn juriscraper_json_dockets_match() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/scotus/dockets/json");
    compare_all(&[dir]);
}

#[test]
fn juriscraper_html_dockets_match() {
    let html = shared_or_skip!("corpus/dockets/juriscraper/scotus/dockets/html");
    let htm = shared_or_skip!("corpus/dockets/juriscraper/scotus/dockets/htm");
    compare_all(&[html, htm]);
}

/// juriscraper's own test dockets (`tests/examples/scotus/dockets` of its
/// repository, its `json`, `html` and `htm` folders), when
/// `JURISCRAPER_SCOTUS_EXAMPLES` names a copy: a development check.
#[test]
fn juriscraper_example_dockets_match() {
    let Some(dir) = std::env::var_os("JURISCRAPER_SCOTUS_EXAMPLES") else {
        casetrail_fixtures::skip!("JURISCRAPER_SCOTUS_EXAMPLES is not set");
    };
    let dir = Path::new(&dir);
    // Where juriscraper slips: the opinion link's text is added to the
    // entry's text and the link dropped; a double comma kept in a caption.
    compare_all_but(
        &[dir.join("json"), dir.join("html"), dir.join("htm")],
        &[
            "21-1397.html: entry 39: description",
            "21-1397.html: entry 39: links",
            "10A1244.htm: case_name",
        ],
    );
}

#[test]
fn corpus_json_details() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/scotus/dockets/json");
    let (_, d) = docket(&dir.join("24-966.compare.json"));
    let o = d.originating.unwrap();
    assert_eq!(o.court_id.as_deref(), Some("ca1"));
    assert_eq!(o.docket_number, "23-2051, 23-1853");
    assert_eq!(o.judgment_on.unwrap().to_string(), "2024-12-05");
    let first = &d.entries[0];
    assert_eq!(first.links[0].description, "Petition");
    assert_eq!(first.document_ids, ["351352"]);
    let marzulla = &d.parties[0].attorneys[0];
    assert_eq!(marzulla.roles, ["Counsel of Record"]);
    assert_eq!(
        marzulla.contact,
        "Marzulla Law, LLC\n1150 Connecticut Avenue, NW, Suite 1050\nWashington, DC 20036\n2028226760\nNancie@marzulla.com"
    );
}

fn fixture(name: &str) -> Vec<u8> {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/scotus")
            .join(name),
    )
}

#[test]
fn own_json_docket() {
    let parsed = parse(&fixture("25-100.json")).unwrap();
    assert_eq!(parsed.format, DocketFormat::ScotusJson);
    let d = &parsed.dockets[0];
    assert_eq!(d.docket_number, "25-100");
    assert_eq!(d.case_name, "Jane Roe, Petitioner v. Acme Corp.");
    assert_eq!(d.date_filed.unwrap().to_string(), "2025-08-01");
    let o = d.originating.as_ref().unwrap();
    assert_eq!(o.court_id.as_deref(), Some("cand"));
    assert_eq!(o.docket_number, "98-35309, 98-35509");
    assert_eq!(d.entries.len(), 2);
    assert_eq!(d.entries[1].description, "Petition DENIED.");
    assert_eq!(d.entries[0].links.len(), 2);
    assert_eq!(d.parties.len(), 2);
    assert_eq!(d.parties[1].role, "Respondent");
}

#[test]
fn own_card_page() {
    let parsed = parse(&fixture("25-101.html")).unwrap();
    assert_eq!(parsed.format, DocketFormat::ScotusHtml);
    let d = &parsed.dockets[0];
    assert_eq!(d.docket_number, "25-101");
    assert_eq!(d.case_name, "John Doe v. Texas");
    assert_eq!(
        d.originating.as_ref().unwrap().court_id.as_deref(),
        Some("texcrimapp")
    );
    assert_eq!(
        d.entries[0].description,
        "Petition for a writ of certiorari filed."
    );
    assert_eq!(d.entries[0].links[0].description, "Petition");
    assert_eq!(d.entries[0].document_ids, ["400001"]);
    let counsel = &d.parties[0].attorneys[0];
    assert_eq!(counsel.name, "Ann Lawyer");
    assert_eq!(counsel.roles, ["Counsel of Record"]);
    assert_eq!(d.parties[0].name, "John Doe");
}

#[test]
fn broken_pages_and_json_say_what_is_wrong() {
    let json = String::from_utf8(fixture("25-100.json")).unwrap();
    for cut in [40, json.len() / 2, json.len() - 2] {
        let err = parse(&json.as_bytes()[..cut]).unwrap_err().to_string();
        assert!(
            err.contains("supremecourt.gov docket JSON ends early at line"),
            "cut at {cut}: {err}"
        );
    }
    let err = parse(br#"{"CaseNumber": " ", "DocketedDate": "May 1, 2025"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no CaseNumber"), "{err}");
    let html = String::from_utf8(fixture("25-101.html")).unwrap();
    let cut = html.find("ProceedingItem").unwrap() - 40;
    let err = parse(&html.as_bytes()[..cut]).map(|p| p.dockets[0].entries.len());
    // Cut before its proceedings: still a docket (it has its docketed date),
    // with no entries; cut before the docket number: an error.
    assert_eq!(err.unwrap(), 0);
    let cut = html.find("No. 25-101").unwrap() + 2;
    let err = parse(&html.as_bytes()[..cut]).unwrap_err().to_string();
    assert!(err.contains("no docket number"), "{err}");
    let other =
        b"<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hi</p></body></html>";
    assert!(parse(other).is_err());
}
