//! PACER district and bankruptcy docket reports: the corpus's real pages
//! (`juriscraper/pacer/dockets/district/*.html`, `bankruptcy/akb.html` and
//! docketanalyzer's `pacer.0.html`) compared field by field with
//! juriscraper's own parse beside each; this crate's fixtures; and broken
//! or foreign input.

use std::path::{Path, PathBuf};

use casetrail_docket::{parse, Docket, DocketFormat};
use casetrail_fixtures::shared_or_skip;
use serde_json::Value;

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/district")
        .join(name)
}

fn docket(path: &Path) -> (DocketFormat, Docket) {
    let parsed = parse(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(parsed.dockets.len(), 1, "{}", path.display());
    (parsed.format, parsed.dockets.into_iter().next().unwrap())
}

/// A JSON string with its whitespace (non-breaking spaces too) collapsed;
/// None for null and "".
fn s(v: &Value) -> Option<String> {
    let words: Vec<&str> = v
        .as_str()?
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect();
    Some(words.join(" ")).filter(|s| !s.is_empty())
}

fn some(v: Option<&str>) -> Option<String> {
    v.map(str::to_owned).filter(|s| !s.is_empty())
}

/// Our reading of `input` against juriscraper's `expected`: the
/// mismatches, each naming the file, the entry or party, and the field.
fn compare(input: &Path, expected: &Path) -> Vec<String> {
    let file = input
        .strip_prefix(input.parent().and_then(Path::parent).unwrap_or(input))
        .unwrap_or(input)
        .display()
        .to_string();
    let (format, ours) = docket(input);
    let want: Value = serde_json::from_slice(&read(expected)).unwrap();
    let mut problems = Vec::new();
    let mut check = |field: String, got: Option<String>, want: Option<String>| {
        if got != want {
            problems.push(format!(
                "{file}: {field}: ours {got:?}, juriscraper {want:?}"
            ));
        }
    };
    let bankruptcy = s(&want["court_id"]).is_some_and(|c| c.ends_with('b'));
    check(
        "format".into(),
        Some(format.to_string()),
        Some(
            if bankruptcy {
                "pacer_bankruptcy"
            } else {
                "pacer_district"
            }
            .into(),
        ),
    );
    check(
        "court_id".into(),
        ours.court_id.clone(),
        s(&want["court_id"]),
    );
    check(
        "docket_number".into(),
        some(Some(&ours.docket_number)),
        s(&want["docket_number"]),
    );
    check(
        "case_name".into(),
        some(Some(&ours.case_name)),
        s(&want["case_name"]),
    );
    check(
        "date_filed".into(),
        ours.date_filed.map(|d| d.to_string()),
        s(&want["date_filed"]),
    );
    check(
        "date_terminated".into(),
        ours.date_terminated.map(|d| d.to_string()),
        s(&want["date_terminated"]),
    );
    check(
        "assigned_to".into(),
        ours.assigned_to.clone(),
        s(&want["assigned_to_str"]),
    );
    check(
        "referred_to".into(),
        ours.referred_to.clone(),
        s(&want["referred_to_str"]),
    );
    check("cause".into(), ours.cause.clone(), s(&want["cause"]));
    check(
        "nature_of_suit".into(),
        ours.nature_of_suit.clone(),
        s(&want["nature_of_suit"]),
    );
    check(
        "jury_demand".into(),
        ours.jury_demand.clone(),
        s(&want["jury_demand"]),
    );

    let entries = want["docket_entries"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    check(
        "entry count".into(),
        Some(ours.entries.len().to_string()),
        Some(entries.len().to_string()),
    );
    for (i, (e, w)) in ours.entries.iter().zip(&entries).enumerate() {
        let at = format!("entry {i} (#{})", e.number.as_deref().unwrap_or("-"));
        check(
            format!("{at} number"),
            e.number.clone(),
            s(&w["document_number"]),
        );
        check(
            format!("{at} date_filed"),
            Some(e.date_filed.to_string()),
            s(&w["date_filed"]),
        );
        check(
            format!("{at} date_entered"),
            e.date_entered.map(|d| d.to_string()),
            s(&w["date_entered"]),
        );
        check(
            format!("{at} description"),
            some(Some(&e.description)),
            s(&w["description"]),
        );
        // juriscraper reads a show_doc.pl link as an id ("sho0_doc.pl").
        if let Some(id) = s(&w["pacer_doc_id"]).filter(|i| i.bytes().all(|b| b.is_ascii_digit())) {
            check(
                format!("{at} document id"),
                e.document_ids.first().cloned(),
                Some(id),
            );
        }
    }

    let parties = want["parties"].as_array().cloned().unwrap_or_default();
    check(
        "party count".into(),
        Some(ours.parties.len().to_string()),
        Some(parties.len().to_string()),
    );
    for (i, (p, w)) in ours.parties.iter().zip(&parties).enumerate() {
        let at = format!("party {i} ({})", p.name);
        check(format!("{at} name"), some(Some(&p.name)), s(&w["name"]));
        check(format!("{at} role"), some(Some(&p.role)), s(&w["type"]));
        // juriscraper counts an empty <b></b> as a lawyer with no name; we
        // do not.
        let lawyers: Vec<&Value> = w["attorneys"]
            .as_array()
            .map(|a| a.iter().filter(|a| s(&a["name"]).is_some()).collect())
            .unwrap_or_default();
        check(
            format!("{at} attorney count"),
            Some(p.attorneys.len().to_string()),
            Some(lawyers.len().to_string()),
        );
        for (k, (a, w)) in p.attorneys.iter().zip(lawyers).enumerate() {
            let at = format!("{at} attorney {k} ({})", a.name);
            check(format!("{at} name"), some(Some(&a.name)), s(&w["name"]));
            let roles: Vec<String> = w["roles"]
                .as_array()
                .map(|r| r.iter().filter_map(s).collect())
                .unwrap_or_default();
            check(
                format!("{at} roles"),
                Some(a.roles.join("; ")),
                Some(roles.join("; ")),
            );
            // juriscraper drops what is inside a link ("Email: <a
            // href=mailto:…>…</a>"); we keep it.
            let contact = some(Some(&a.contact.replace('\n', " "))).map(|c| c.trim().to_owned());
            let theirs = s(&w["contact"]);
            let prefix =
                matches!((&contact, &theirs), (Some(c), Some(t)) if c.starts_with(t.as_str()));
            if !prefix {
                check(format!("{at} contact"), contact, theirs);
            }
        }
    }
    problems
}

/// Each report in `dir` against the juriscraper JSON beside it; an empty
/// JSON (`{}`, juriscraper found no docket) must be an error that says why.
fn compare_folder(dir: &Path, problems: &mut Vec<String>, compared: &mut usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    for html in files {
        let json = html.with_extension("json");
        let json = if json.exists() {
            json
        } else {
            html.with_file_name("docket.json")
        };
        let want: Value = serde_json::from_slice(&read(&json)).unwrap();
        if want.as_object().is_some_and(|o| o.is_empty()) {
            match parse(&read(&html)) {
                Ok(p) => problems.push(format!(
                    "{}: juriscraper finds no docket, we read {} entries",
                    html.display(),
                    p.dockets[0].entries.len()
                )),
                Err(e) => assert!(e.to_string().len() > 30, "{}: {e}", html.display()),
            }
            continue;
        }
        problems.extend(compare(&html, &json));
        *compared += 1;
    }
}

#[test]
fn corpus_matches_juriscraper() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets/district");
    let mut problems = Vec::new();
    let mut compared = 0;
    compare_folder(&dir, &mut problems, &mut compared);
    let bankruptcy = dir.with_file_name("bankruptcy");
    problems.extend(compare(
        &bankruptcy.join("akb.html"),
        &bankruptcy.join("akb.json"),
    ));
    assert!(compared >= 6, "only {compared} reports compared");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn docketanalyzer_pages_match() {
    let dir = shared_or_skip!("corpus/dockets/docketanalyzer/dockets");
    let mut problems = Vec::new();
    let mut compared = 0;
    for case in std::fs::read_dir(&dir).unwrap() {
        let case = case.unwrap().path();
        if case.join("pacer.0.html").exists() && case.join("docket.json").exists() {
            problems.extend(compare(
                &case.join("pacer.0.html"),
                &case.join("docket.json"),
            ));
            compared += 1;
        }
    }
    assert!(compared >= 2, "only {compared} pages compared");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn pages_that_are_not_dockets_say_what_they_are() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets/district");
    for (file, says) in [
        ("canb_1.html", "RECAP"),
        ("nysd_3.html", "browser extension"),
    ] {
        let err = parse(&read(&dir.join(file))).unwrap_err().to_string();
        assert!(err.contains(says), "{file}: {err}");
    }
}

#[test]
fn trimmed_real_report() {
    let (format, d) = docket(&fixture("cand_trimmed.html"));
    assert_eq!(format, DocketFormat::PacerDistrict);
    assert_eq!(d.court_id.as_deref(), Some("cand"));
    assert_eq!(d.docket_number, "3:23-cv-04557");
    assert_eq!(d.case_name, "T. v. OpenAI LP");
    assert_eq!(d.assigned_to.as_deref(), Some("Joseph C. Spero"));
    assert_eq!(d.cause.as_deref(), Some("28:1331 Fed. Question"));
    assert_eq!(
        d.nature_of_suit.as_deref(),
        Some("890 Other Statutory Actions")
    );
    assert_eq!(d.jury_demand.as_deref(), Some("Plaintiff"));
    assert_eq!(d.date_filed.unwrap().to_string(), "2023-09-05");
    assert_eq!(d.entries.len(), 6);
    let first = &d.entries[0];
    assert_eq!(first.number.as_deref(), Some("1"));
    assert!(first.description.starts_with("COMPLAINT against Microsoft"));
    // The complaint and its civil cover sheet, ids keyed as CourtListener keys them.
    assert_eq!(first.document_ids, ["035023513538", "035023513539"]);
    assert_eq!(
        first.links[0].url,
        "https://ecf.cand.uscourts.gov/doc1/035023513538"
    );
    assert_eq!(first.links[1].description, "Civil Cover Sheet");
    assert_eq!(d.entries[1].document_ids, Vec::<String>::new());
    assert_eq!(d.entries[1].date_entered.unwrap().to_string(), "2023-09-06");
}

#[test]
fn criminal_report_with_counts_and_unnumbered_entries() {
    let (format, d) = docket(&fixture("criminal.html"));
    assert_eq!(format, DocketFormat::PacerDistrict);
    assert_eq!(d.court_id.as_deref(), Some("mad"));
    assert_eq!(d.docket_number, "1:21-cr-10123");
    assert_eq!(d.case_name, "United States v. Doe");
    assert_eq!(d.assigned_to.as_deref(), Some("Ann B. Carter"));
    assert_eq!(d.referred_to.as_deref(), Some("Dan E. Fox"));
    assert_eq!(d.date_terminated.unwrap().to_string(), "2022-11-15");
    let roles: Vec<(&str, &str)> = d
        .parties
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_str()))
        .collect();
    assert_eq!(roles, [("John Doe", "Defendant"), ("USA", "Plaintiff")]);
    let defendant = &d.parties[0];
    assert!(
        defendant.extra_info.contains("Johnny D."),
        "{}",
        defendant.extra_info
    );
    assert!(
        defendant.extra_info.contains(
            "Pending count: 18:1343 WIRE FRAUD(1-3); disposition: Imprisonment: 24 months"
        ),
        "{}",
        defendant.extra_info
    );
    assert!(defendant
        .extra_info
        .contains("Highest offense level (opening): Felony"));
    let lawyer = &defendant.attorneys[0];
    assert_eq!(lawyer.name, "Mary Q. Public");
    assert_eq!(lawyer.roles, ["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"]);
    assert!(lawyer.contact.contains("Email: mary_public@fd.org"));
    // Both tables of entries; the clerk's notes have no number.
    let numbers: Vec<Option<&str>> = d.entries.iter().map(|e| e.number.as_deref()).collect();
    assert_eq!(numbers, [Some("1"), None, Some("2"), Some("3")]);
    assert_eq!(d.entries[0].document_ids.len(), 3);
    // A related document is another entry's, not this one's.
    assert_eq!(d.entries[2].document_ids, ["095012349999"]);
    assert_eq!(
        d.entries[3].links[0].url,
        "https://ecf.mad.uscourts.gov/doc1/095112355555"
    );
    assert_eq!(d.entries[3].date_entered.unwrap().to_string(), "2022-11-16");
}

#[test]
fn bankruptcy_report_with_unnumbered_entries() {
    let (format, d) = docket(&fixture("bankruptcy_unnumbered.html"));
    assert_eq!(format, DocketFormat::PacerBankruptcy);
    assert_eq!(d.court_id.as_deref(), Some("paeb"));
    assert_eq!(d.docket_number, "2:19-bk-14567");
    assert_eq!(d.case_name, "Maria L. Santos");
    assert_eq!(d.assigned_to.as_deref(), Some("Magdeline D. Coleman"));
    assert_eq!(d.date_filed.unwrap().to_string(), "2019-07-22");
    assert_eq!(d.date_terminated.unwrap().to_string(), "2020-02-03");
    let roles: Vec<&str> = d.parties.iter().map(|p| p.role.as_str()).collect();
    assert_eq!(roles, ["Debtor", "Joint Debtor", "Trustee", "U.S. Trustee"]);
    // "(See above for address)" is the address printed above.
    assert_eq!(
        d.parties[1].attorneys[0].contact,
        d.parties[0].attorneys[0].contact
    );
    assert!(d.parties[0].attorneys[0]
        .contact
        .contains("paul@leelaw.example"));
    assert!(d.parties[2].attorneys.is_empty());
    let numbers: Vec<Option<&str>> = d.entries.iter().map(|e| e.number.as_deref()).collect();
    assert_eq!(numbers, [Some("1"), None, None, Some("27")]);
    // Ordered by the date entered: that column is the entry date too.
    assert_eq!(d.entries[1].date_entered, Some(d.entries[1].date_filed));
    assert_eq!(d.entries[3].document_ids, ["151035678901"]);
}

/// Each fixture cut short at many points, and pages of other kinds: a
/// docket or an error that says something, never a panic.
#[test]
fn broken_and_foreign_pages() {
    for name in [
        "cand_trimmed.html",
        "criminal.html",
        "bankruptcy_unnumbered.html",
    ] {
        let text = String::from_utf8(read(&fixture(name))).unwrap();
        let cuts = 60;
        for k in 0..cuts {
            let mut at = text.len() * k / cuts;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match parse(&text.as_bytes()[..at]) {
                Ok(p) => assert!(!p.dockets[0].docket_number.is_empty(), "{name} cut at {at}"),
                Err(e) => assert!(e.to_string().len() > 10, "{name} cut at {at}: {e}"),
            }
        }
    }
    for page in [
        "<html><body><h3>CIVIL DOCKET FOR CASE #: </h3></body></html>",
        "<html><body><table><tr><td>Docket Text</td></tr></table> CM/ECF</body></html>",
        "<html><body><p>Hello</p></body></html>",
        "<html><head><title>CM/ECF</title></head><body>Case not found.</body></html>",
        "<table><tr><td>Date Filed</td><th>#</th><td>Docket Text</td></tr>\
         <tr><td>13/45/2020</td><td>1</td><td>x</td></tr></table> uscourts.gov",
        "<h3>CRIMINAL DOCKET FOR CASE #: 1:20-cr-1</h3><table><tr><td><b><u>",
        "<h3>CRIMINAL DOCKET FOR CASE #: 1:20-cr-1</h3>",
    ] {
        match parse(page.as_bytes()) {
            Ok(p) => panic!("{page}: read as a docket: {:?}", p.dockets[0]),
            Err(e) => assert!(e.to_string().len() > 20, "{page}: {e}"),
        }
    }
}
