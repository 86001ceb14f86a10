//! ACMS appellate dockets (JSON): the corpus's real dockets
//! (`juriscraper/pacer/dockets/acms/*.acms_json`) and this crate's fixtures
//! (more of juriscraper's examples) compared field by field with
//! juriscraper's own parse beside each; broken and foreign JSON.

use std::path::{Path, PathBuf};

use casetrail_docket::{parse, DocketFormat};
use casetrail_fixtures::shared_or_skip;
use serde_json::Value;

use super::appellate::{entries, ours, parties, read, s, Check};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/acms")
        .join(name)
}

/// Our reading of an ACMS docket against juriscraper's JSON.
fn compare(input: &Path, expected: &Path) -> Vec<String> {
    let mut c = Check::new(input);
    let parsed = parse(&read(input)).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    assert_eq!(parsed.format, DocketFormat::PacerAcms, "{}", c.file);
    let d = &parsed.dockets[0];
    let want: Value = serde_json::from_slice(&read(expected)).unwrap();
    c.eq("court_id", d.court_id.clone(), s(&want["court_id"]));
    c.eq(
        "docket_number",
        ours(&d.docket_number),
        s(&want["docket_number"]),
    );
    c.eq("case_name", ours(&d.case_name), s(&want["case_name"]));
    c.eq(
        "date_filed",
        d.date_filed.map(|d| d.to_string()),
        s(&want["date_filed"]),
    );
    c.eq("fee_status", d.fee_status.clone(), s(&want["fee_status"]));
    c.eq(
        "case_type",
        d.case_type.clone(),
        s(&want["case_type_information"]),
    );
    c.eq(
        "originating court_name",
        d.originating.as_ref().and_then(|o| ours(&o.court_name)),
        s(&want["appeal_from"]),
    );
    // juriscraper gives no lower-court number for ACMS (only an alien
    // number, which we leave out).
    c.eq(
        "originating docket_number",
        d.originating.as_ref().and_then(|o| ours(&o.docket_number)),
        None,
    );
    entries(&mut c, d, &want);
    parties(&mut c, d, &want);
    c.problems
}

fn compare_all(dir: &Path, at_least: usize) {
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "acms_json"))
        .map(|p| (p.clone(), p.with_extension("json")))
        .filter(|(_, j)| j.exists())
        .collect();
    pairs.sort();
    assert!(
        pairs.len() >= at_least,
        "{}: {} dockets",
        dir.display(),
        pairs.len()
    );
    let problems: Vec<String> = pairs.iter().flat_map(|(a, j)| compare(a, j)).collect();
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn corpus_dockets_match_juriscraper() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets/acms");
    compare_all(&dir, 2);
}

/// This crate's own ACMS docket (names and numbers made up, the shape of a
/// real Second Circuit agency appeal), read without `../shared`.
#[test]
fn the_fixture_docket_reads_whole() {
    let d = parse(&read(&fixture("doe-v-dea.acms_json")))
        .unwrap()
        .dockets
        .remove(0);
    assert_eq!(d.court_id.as_deref(), Some("ca2"));
    assert_eq!(d.docket_number, "24-9999");
    assert_eq!(
        d.case_name,
        "Doe Pharmaceuticals, Inc. v. United States Drug Enforcement Administration"
    );
    let numbers: Vec<_> = d.entries.iter().map(|e| e.number.as_deref()).collect();
    assert_eq!(numbers, [Some("1"), Some("2"), Some("3"), Some("4")]);
    assert!(d
        .entries
        .iter()
        .all(|e| e.date_filed.to_string() == "2023-10-03"));
    assert!(d.entries[1]
        .description
        .starts_with("AGENCY DECISION AND ORDER, dated 09/29/2023, RECEIVED."));
    let parties: Vec<(&str, &str, usize)> = d
        .parties
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_str(), p.attorneys.len()))
        .collect();
    assert_eq!(
        parties,
        [
            ("DOE PHARMACEUTICALS, INC.", "Petitioner", 1),
            (
                "UNITED STATES DRUG ENFORCEMENT ADMINISTRATION",
                "Respondent",
                2
            ),
            ("UNITED STATES DEPARTMENT OF JUSTICE", "Respondent", 4),
        ]
    );
    assert!(d.parties[0].attorneys[0].contact.contains("212-555-0100"));
    // An agency appeal: the agency, with no court id and no lower case number.
    let o = d.originating.unwrap();
    assert_eq!(
        (o.court_id, o.court_name.as_str()),
        (None, "Department of Justice")
    );
}

#[test]
fn broken_and_foreign_json() {
    let text = String::from_utf8(read(&fixture("doe-v-dea.acms_json"))).unwrap();
    for cut in [1, 20, 200, 1_000, 3_000, text.len() - 2] {
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let e = match parse(&text.as_bytes()[..at]) {
            Ok(p) => panic!("cut at {at}: read as {}", p.format),
            Err(e) => e.to_string(),
        };
        assert!(
            e.contains("ends early at line") || e.contains("not a docket"),
            "cut at {at}: {e}"
        );
    }
    let half = &text[..text.len() / 2];
    let e = parse(half.as_bytes()).unwrap_err().to_string();
    assert!(
        e.starts_with("the ACMS docket JSON ends early at line"),
        "{e}"
    );

    for (json, says) in [
        (
            r#"{"caseDetails": "none", "docketInfo": {}}"#,
            "caseDetails",
        ),
        (
            r#"{"caseDetails": {"name": "x"}, "docketInfo": {}}"#,
            "case number",
        ),
        (
            r#"{"caseDetails": {"caseNumber": "23-1"}, "docketInfo": {"docketEntries": {}}}"#,
            "not a list",
        ),
        (
            r#"{"caseDetails": {"caseNumber": "23-1"}, "docketInfo": {"docketEntries": [7]}}"#,
            "entry 1 is not an object",
        ),
        (
            r#"{"caseDetails": {"caseNumber": "23-1"}, "docketInfo": {"docketEntries": []}}"#,
            "no entries",
        ),
        (r#"[{"caseDetails": {}, "docketInfo": {}}]"#, "list"),
    ] {
        let e = parse(json.as_bytes()).unwrap_err().to_string();
        assert!(e.contains(says), "{json}: {e}");
    }
    // Odd values inside a docket are read around, never a panic.
    let odd = r#"{"caseDetails": {"caseNumber": "23-1", "name": 5, "court": [],
        "partyAttorneyList": "<table><tr><td>only one cell</td></tr><tr><td></td><td></td></tr>",
        "caseOpened": "soon"},
        "docketInfo": {"docketEntries": [{"entryNumber": null, "endDateFormatted": "10/03/2023",
        "docketEntryText": null}, {"entryNumber": "2", "endDate": "2023-10-04",
        "docketEntryText": "<p>ORDER <a href='x'>link</a></p>"}, {"entryNumber": 3}]}}"#;
    let d = parse(odd.as_bytes()).unwrap().dockets.remove(0);
    assert_eq!(d.entries.len(), 2);
    assert_eq!(d.entries[0].number, None);
    assert_eq!(d.entries[1].number.as_deref(), Some("2"));
    assert_eq!(d.entries[1].description, "ORDER link");
    assert!(d.parties.is_empty());
}
