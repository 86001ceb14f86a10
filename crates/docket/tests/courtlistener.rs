//! CourtListener dockets: docketanalyzer's copies of CourtListener API v4
//! dockets (`recap.json`) and juriscraper's normalised parse of the same
//! docket (`docket.json`), each read and compared field by field; and this
//! crate's own small files.

use std::path::{Path, PathBuf};

use casetrail_docket::{parse, Docket, DocketFormat};
use casetrail_fixtures::shared_or_skip;
use serde_json::Value;

const CASES: [&str; 2] = ["insd__1_24-cv-00524", "nynd__8_20-mj-00487"];

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn docket(path: &Path) -> Docket {
    let parsed = parse(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        parsed.format,
        DocketFormat::CourtListener,
        "{}",
        path.display()
    );
    assert_eq!(parsed.dockets.len(), 1);
    parsed.dockets.into_iter().next().unwrap()
}

fn dir() -> Option<PathBuf> {
    casetrail_fixtures::shared::path("corpus/dockets/docketanalyzer/dockets")
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn opt(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| !s.is_empty())
}

/// juriscraper's `docket.json`, read by us, against its own values.
#[test]
fn normalised_docket_json_matches_field_by_field() {
    let _ = shared_or_skip!("corpus/dockets/docketanalyzer/dockets");
    let mut problems = Vec::new();
    for case in CASES {
        let path = dir().unwrap().join(case).join("docket.json");
        let ours = docket(&path);
        let want: Value = serde_json::from_slice(&read(&path)).unwrap();
        let mut check = |field: &str, got: Option<&str>, want: Option<&str>| {
            if got != want {
                problems.push(format!(
                    "{case}/docket.json: {field}: {got:?}, juriscraper {want:?}"
                ));
            }
        };
        check("court_id", ours.court_id.as_deref(), opt(&want["court_id"]));
        check(
            "docket_number",
            Some(&ours.docket_number),
            opt(&want["docket_number"]),
        );
        check("case_name", Some(&ours.case_name), opt(&want["case_name"]));
        check(
            "assigned_to",
            ours.assigned_to.as_deref(),
            opt(&want["assigned_to_str"]),
        );
        check(
            "referred_to",
            ours.referred_to.as_deref(),
            opt(&want["referred_to_str"]),
        );
        check("cause", ours.cause.as_deref(), opt(&want["cause"]));
        check(
            "nature_of_suit",
            ours.nature_of_suit.as_deref(),
            opt(&want["nature_of_suit"]),
        );
        check(
            "jury_demand",
            ours.jury_demand.as_deref(),
            opt(&want["jury_demand"]),
        );
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        check(
            "date_filed",
            date(ours.date_filed).as_deref(),
            opt(&want["date_filed"]),
        );
        check(
            "date_terminated",
            date(ours.date_terminated).as_deref(),
            opt(&want["date_terminated"]),
        );

        let parties = want["parties"].as_array().unwrap();
        check(
            "parties",
            Some(&ours.parties.len().to_string()),
            Some(&parties.len().to_string()),
        );
        for (p, w) in ours.parties.iter().zip(parties) {
            let at = format!("party {}", s(&w["name"]));
            check(&format!("{at}: name"), Some(&p.name), opt(&w["name"]));
            check(&format!("{at}: role"), Some(&p.role), opt(&w["type"]));
            check(
                &format!("{at}: extra_info"),
                opt_str(&p.extra_info),
                opt(&w["extra_info"]),
            );
            let attorneys = w["attorneys"].as_array().unwrap();
            check(
                &format!("{at}: attorneys"),
                Some(&p.attorneys.len().to_string()),
                Some(&attorneys.len().to_string()),
            );
            for (a, wa) in p.attorneys.iter().zip(attorneys) {
                let at = format!("{at}: attorney {}", s(&wa["name"]));
                check(&format!("{at}: name"), Some(&a.name), opt(&wa["name"]));
                let roles: Vec<&str> = wa["roles"].as_array().unwrap().iter().map(s).collect();
                check(
                    &format!("{at}: roles"),
                    Some(&a.roles.join("|")),
                    Some(&roles.join("|")),
                );
                check(
                    &format!("{at}: contact"),
                    Some(&a.contact),
                    Some(s(&wa["contact"]).trim_end()),
                );
            }
        }

        let entries = want["docket_entries"].as_array().unwrap();
        check(
            "entries",
            Some(&ours.entries.len().to_string()),
            Some(&entries.len().to_string()),
        );
        for (i, (e, w)) in ours.entries.iter().zip(entries).enumerate() {
            let at = format!("entry {i} (#{})", s(&w["document_number"]));
            check(
                &format!("{at}: number"),
                e.number.as_deref(),
                opt(&w["document_number"]),
            );
            check(
                &format!("{at}: date_filed"),
                Some(&e.date_filed.to_string()),
                opt(&w["date_filed"]),
            );
            check(
                &format!("{at}: date_entered"),
                date(e.date_entered).as_deref(),
                opt(&w["date_entered"]),
            );
            check(
                &format!("{at}: description"),
                Some(&e.description),
                opt(&w["description"]),
            );
            let ids: Vec<&str> = opt(&w["pacer_doc_id"]).into_iter().collect();
            check(
                &format!("{at}: document_ids"),
                Some(&e.document_ids.join("|")),
                Some(&ids.join("|")),
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn opt_str(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// CourtListener's API copy and juriscraper's parse of the PACER page are
/// the same docket: they agree on the docket number, the case name, the
/// parties and every entry's number, date, text and document, except where
/// CourtListener knew an entry only from a notice (dated the day entered,
/// its text only its document's short name) or missed the case's closing;
/// those differences are listed, so a new one fails the test.
#[test]
fn courtlistener_api_agrees_with_the_normalised_docket() {
    let _ = shared_or_skip!("corpus/dockets/docketanalyzer/dockets");
    let mut problems = Vec::new();
    let mut differences = Vec::new();
    let mut without_entered_note = 0;
    for case in CASES {
        let api = docket(&dir().unwrap().join(case).join("recap.json"));
        let norm = docket(&dir().unwrap().join(case).join("docket.json"));
        if api.docket_number != norm.docket_number || api.case_name != norm.case_name {
            problems.push(format!(
                "{case}: {} {:?} against {} {:?}",
                api.docket_number, api.case_name, norm.docket_number, norm.case_name
            ));
        }
        if api.court_id != norm.court_id || api.date_filed != norm.date_filed {
            problems.push(format!("{case}: court or date filed differ"));
        }
        if api.date_terminated != norm.date_terminated {
            differences.push(format!(
                "{case}: date_terminated {:?} against {:?}",
                api.date_terminated, norm.date_terminated
            ));
        }
        if api.entries.len() != norm.entries.len() {
            problems.push(format!(
                "{case}: {} entries against {}",
                api.entries.len(),
                norm.entries.len()
            ));
        }
        for (i, (a, n)) in api.entries.iter().zip(&norm.entries).enumerate() {
            let at = format!("{case} #{}", a.number.as_deref().unwrap_or("-"));
            if a.number != n.number {
                problems.push(format!(
                    "{case}: entry {i}: #{:?} against #{:?}",
                    a.number, n.number
                ));
                continue;
            }
            if a.date_filed != n.date_filed {
                differences.push(format!(
                    "{at}: date_filed {} against {}",
                    a.date_filed, n.date_filed
                ));
            }
            let rest = n.description.strip_prefix(a.description.as_str());
            if rest.is_some_and(|r| r.trim_start().starts_with("(Entered:")) {
                // CourtListener keeps a minute entry's text without it.
                without_entered_note += 1;
            } else if a.description != n.description {
                if n.description.split_whitespace().count()
                    > a.description.split_whitespace().count()
                {
                    differences.push(format!(
                        "{at}: only the document's name, {:?}",
                        a.description
                    ));
                } else {
                    problems.push(format!(
                        "{case}: entry {i}: description {:?} against {:?}",
                        a.description, n.description
                    ));
                }
            }
            if !n.document_ids.is_empty() && a.document_ids.first() != n.document_ids.first() {
                problems.push(format!(
                    "{case}: entry {i}: document {:?} against {:?}",
                    a.document_ids, n.document_ids
                ));
            }
        }
        let names = |d: &Docket| {
            let mut v: Vec<String> = d
                .parties
                .iter()
                .map(|p| format!("{}: {}", p.role, p.name))
                .collect();
            v.sort();
            v
        };
        if names(&api) != names(&norm) {
            problems.push(format!(
                "{case}: parties {:?} against {:?}",
                names(&api),
                names(&norm)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // nynd's seven unnumbered minute entries.
    assert_eq!(without_entered_note, 7);
    assert_eq!(
        differences,
        [
            "insd__1_24-cv-00524: date_terminated None against Some(2025-07-07)",
            "insd__1_24-cv-00524 #37: date_filed 2025-03-28 against 2025-03-27",
            "insd__1_24-cv-00524 #37: only the document's name, \"Clerks Entry of Default\"",
            "insd__1_24-cv-00524 #38: date_filed 2025-06-27 against 2025-06-26",
            "insd__1_24-cv-00524 #38: only the document's name, \"Order to Show Cause\"",
            "insd__1_24-cv-00524 #39: only the document's name, \"Dismiss\"",
            "insd__1_24-cv-00524 #40: only the document's name, \"Closed Dismissed\"",
        ]
    );
}

/// The API copy's parties and attorneys (roles from CourtListener's codes).
#[test]
fn courtlistener_api_parties_and_attorneys() {
    let _ = shared_or_skip!("corpus/dockets/docketanalyzer/dockets");
    let d = docket(&dir().unwrap().join("nynd__8_20-mj-00487/recap.json"));
    assert_eq!(d.court_id.as_deref(), Some("nynd"));
    assert_eq!(d.assigned_to.as_deref(), Some("Gary L. Favro"));
    let brown = d
        .parties
        .iter()
        .find(|p| p.name == "Graigory Brown")
        .unwrap();
    assert_eq!(brown.role, "Defendant");
    assert_eq!(brown.extra_info, "TERMINATED: 02/09/2021");
    let names: Vec<(&str, Vec<&str>)> = brown
        .attorneys
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.roles.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            (
                "Lisa A. Peebles",
                vec!["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"]
            ),
            (
                "Randi Juda Bianco",
                vec!["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"]
            ),
            ("Gabrielle DiBella", vec!["TERMINATED: 10/07/2020"]),
        ]
    );
    assert!(brown.attorneys[0].contact.contains("Syracuse, NY 13202"));
    // The two CourtListener dockets of the case read as one: the fuller
    // one's 23 entries (the other's five are among them).
    assert_eq!(d.entries.len(), 23);
    let first = &d.entries[0];
    assert_eq!(first.document_ids, ["12505615371"]);
    assert!(first.links.iter().all(|l| l.url.starts_with("https://")));
}

fn fixture(name: &str) -> Vec<u8> {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/courtlistener")
            .join(name),
    )
}

#[test]
fn appeal_with_its_originating_court() {
    let parsed = parse(&fixture("appeal.json")).unwrap();
    assert_eq!(parsed.format, DocketFormat::CourtListener);
    let d = &parsed.dockets[0];
    assert_eq!(d.court_id.as_deref(), Some("ca2"));
    assert_eq!(d.docket_number, "24-1234");
    assert_eq!(d.case_name, "Doe v. Acme Corp.");
    let o = d.originating.as_ref().unwrap();
    assert_eq!(o.court_id.as_deref(), Some("nysd"));
    assert_eq!(o.court_name, "S.D.N.Y. (New York City)");
    assert_eq!(o.docket_number, "1:23-cv-00042");
    assert_eq!(
        o.judgment_on.map(|d| d.to_string()).as_deref(),
        Some("2024-04-30")
    );
    // Two dockets of one case: entries merged, oldest first.
    let got: Vec<(Option<&str>, String, &str)> = d
        .entries
        .iter()
        .map(|e| {
            (
                e.number.as_deref(),
                e.date_filed.to_string(),
                e.description.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("1"), "2024-05-10".to_owned(), "NOTICE OF CIVIL APPEAL, with district court docket, on behalf of Appellant Jane Doe, FILED."),
            (None, "2024-05-12".to_owned(), "Case Manager assigned."),
            (Some("2"), "2024-05-20".to_owned(), "Motion to extend time"),
        ]
    );
    assert_eq!(d.entries[0].document_ids, ["00208000001", "00208000002"]);
    assert_eq!(
        d.entries[0].links[0].url,
        "https://storage.courtlistener.com/recap/gov.uscourts.ca2.24-1234/1.pdf"
    );
    assert_eq!(d.entries[0].links[1].description, "Attachment 1");
    let jane = &d.parties[0];
    assert_eq!(
        (jane.name.as_str(), jane.role.as_str()),
        ("Jane Doe", "Appellant")
    );
    assert_eq!(jane.attorneys[0].roles, ["LEAD ATTORNEY", "PRO HAC VICE"]);
    assert_eq!(
        jane.attorneys[0].contact,
        "Doe Law LLP\n1 Main St\nNew York, NY 10001"
    );
}

#[test]
fn broken_and_foreign_json_say_what_is_wrong() {
    let whole = String::from_utf8(fixture("appeal.json")).unwrap();
    let start = whole.find("\"docket_number\"").unwrap() + 20;
    for cut in [start, whole.len() / 2, whole.len() - 3] {
        let err = parse(&whole.as_bytes()[..cut]).unwrap_err().to_string();
        assert!(err.contains("ends early at line"), "cut at {cut}: {err}");
    }
    let other = br#"{"docket_number": "1:20-cv-1", "case_name": "A v. B", "docket_entries": []}"#;
    let err = parse(other).unwrap_err().to_string();
    assert!(err.contains("no entries, parties or filing date"), "{err}");
    let two = br#"[{"docket_number": "1", "case_name": "A", "date_filed": "2020-01-01"},
                   {"docket_number": "2", "case_name": "B", "date_filed": "2020-01-01"}]"#;
    let err = parse(two).unwrap_err().to_string();
    assert!(err.contains("different cases"), "{err}");
}
