//! PACER CM/ECF appellate docket reports: the corpus's real pages
//! (`juriscraper/pacer/dockets/appellate/*.html`) and this crate's
//! own synthetic page; the corpus pages compared field by field with
//! juriscraper's own parse beside each; broken and foreign input; and the
//! reader's speed.

use std::path::{Path, PathBuf};
use std::time::Instant;

use casetrail_docket::{parse, Docket, DocketFormat};
use casetrail_fixtures::shared_or_skip;
use serde_json::Value;

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/appellate")
        .join(name)
}

/// A JSON string with its whitespace (non-breaking spaces too) collapsed;
/// None for null and "".
pub fn s(v: &Value) -> Option<String> {
    let words: Vec<&str> = v
        .as_str()?
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect();
    Some(words.join(" ")).filter(|s| !s.is_empty())
}

/// Our text, whitespace collapsed, None when empty.
pub fn ours(v: &str) -> Option<String> {
    s(&Value::String(v.to_owned()))
}

/// Mismatches, each naming the file, the entry or party, and the field.
pub struct Check {
    pub file: String,
    pub problems: Vec<String>,
}

impl Check {
    pub fn new(file: &Path) -> Check {
        Check {
            file: file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            problems: Vec::new(),
        }
    }

    pub fn eq(&mut self, field: impl std::fmt::Display, got: Option<String>, want: Option<String>) {
        if got != want {
            self.problems.push(format!(
                "{}: {field}: ours {got:?}, juriscraper {want:?}",
                self.file
            ));
        }
    }
}

/// The parties and their lawyers against juriscraper's.
pub fn parties(c: &mut Check, ours_: &Docket, want: &Value) {
    let parties = want["parties"].as_array().cloned().unwrap_or_default();
    c.eq(
        "party count",
        Some(ours_.parties.len().to_string()),
        Some(parties.len().to_string()),
    );
    for (i, (p, w)) in ours_.parties.iter().zip(&parties).enumerate() {
        let at = format!("party {i} ({})", p.name);
        c.eq(format!("{at} name"), ours(&p.name), s(&w["name"]));
        c.eq(format!("{at} role"), ours(&p.role), s(&w["type"]));
        if let Some(d) = s(&w["date_terminated"]) {
            let printed = p
                .extra_info
                .lines()
                .find_map(|l| l.strip_prefix("Terminated: "))
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%m/%d/%Y").ok())
                .map(|d| d.to_string());
            c.eq(format!("{at} terminated"), printed, Some(d));
        }
        let lawyers = w["attorneys"].as_array().cloned().unwrap_or_default();
        c.eq(
            format!("{at} attorney count"),
            Some(p.attorneys.len().to_string()),
            Some(lawyers.len().to_string()),
        );
        for (k, (a, w)) in p.attorneys.iter().zip(&lawyers).enumerate() {
            let at = format!("{at} attorney {k} ({})", a.name);
            c.eq(format!("{at} name"), ours(&a.name), s(&w["name"]));
            let roles: Vec<String> = w["roles"]
                .as_array()
                .map(|r| r.iter().filter_map(s).collect())
                .unwrap_or_default();
            c.eq(
                format!("{at} roles"),
                Some(a.roles.join("; ")),
                Some(roles.join("; ")),
            );
            let lines = |t: &str| -> Option<String> {
                let l: Vec<String> = t.lines().filter_map(ours).collect();
                Some(l.join(" | ")).filter(|l| !l.is_empty())
            };
            c.eq(
                format!("{at} contact"),
                lines(&a.contact),
                w["contact"].as_str().and_then(lines),
            );
        }
    }
}

/// The entries' number, dates and text against juriscraper's.
pub fn entries(c: &mut Check, ours_: &Docket, want: &Value) {
    let entries = want["docket_entries"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    c.eq(
        "entry count",
        Some(ours_.entries.len().to_string()),
        Some(entries.len().to_string()),
    );
    let day = |v: &Value| s(v).map(|d| d.chars().take(10).collect::<String>());
    for (i, (e, w)) in ours_.entries.iter().zip(&entries).enumerate() {
        let at = format!("entry {i} (#{})", e.number.as_deref().unwrap_or("-"));
        let number = match &w["document_number"] {
            Value::Number(n) => Some(n.to_string()),
            other => s(other),
        };
        c.eq(format!("{at} number"), e.number.clone(), number);
        c.eq(
            format!("{at} date_filed"),
            Some(e.date_filed.to_string()),
            day(&w["date_filed"]),
        );
        c.eq(
            format!("{at} date_entered"),
            e.date_entered.map(|d| d.to_string()),
            day(&w["date_entered"]),
        );
        c.eq(
            format!("{at} description"),
            ours(&e.description),
            s(&w["description"]),
        );
        if let Some(id) = s(&w["pacer_doc_id"]) {
            c.eq(
                format!("{at} document id"),
                e.document_ids.first().cloned(),
                Some(id),
            );
        }
    }
}

/// Our reading of an appellate page against juriscraper's JSON.
fn compare(input: &Path, expected: &Path) -> Vec<String> {
    let mut c = Check::new(input);
    let parsed = parse(&read(input)).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    assert_eq!(parsed.format, DocketFormat::PacerAppellate, "{}", c.file);
    let d = &parsed.dockets[0];
    let want: Value = serde_json::from_slice(&read(expected)).unwrap();
    c.eq("court_id", d.court_id.clone(), s(&want["court_id"]));
    c.eq(
        "docket_number",
        ours(&d.docket_number),
        s(&want["docket_number"]),
    );
    c.eq("case_name", ours(&d.case_name), s(&want["case_name"]));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    c.eq("date_filed", date(d.date_filed), s(&want["date_filed"]));
    c.eq(
        "date_terminated",
        date(d.date_terminated),
        s(&want["date_terminated"]),
    );
    c.eq(
        "nature_of_suit",
        d.nature_of_suit.clone(),
        s(&want["nature_of_suit"]),
    );
    c.eq("fee_status", d.fee_status.clone(), s(&want["fee_status"]));
    c.eq(
        "case_type",
        d.case_type.clone(),
        s(&want["case_type_information"]),
    );
    let panel: Vec<String> = want["panel"]
        .as_array()
        .map(|p| p.iter().filter_map(s).collect())
        .unwrap_or_default();
    c.eq("panel", Some(d.panel.join(" ")), Some(panel.join(" ")));

    let ogc = &want["originating_court_information"];
    let origin = d.originating.as_ref();
    c.eq(
        "originating court_name",
        origin.and_then(|o| ours(&o.court_name)),
        s(&want["appeal_from"]),
    );
    // Where juriscraper names the lower court (from the link to its
    // docket), ours must agree; where it does not, ours may come from the
    // court's name.
    if let Some(id) = s(&ogc["court_id"]) {
        c.eq(
            "originating court_id",
            origin.and_then(|o| o.court_id.clone()),
            Some(id),
        );
    }
    c.eq(
        "originating docket_number",
        origin.and_then(|o| ours(&o.docket_number)),
        s(&ogc["docket_number"]),
    );
    if let Some(judged) = s(&ogc["date_judgment"]) {
        c.eq(
            "originating judgment_on",
            origin.and_then(|o| o.judgment_on).map(|d| d.to_string()),
            Some(judged),
        );
    }
    entries(&mut c, d, &want);
    parties(&mut c, d, &want);
    c.problems
}

/// Every `<name>.html` beside a `<name>.json` in `dir`.
fn pairs(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| (p.clone(), p.with_extension("json")))
        .filter(|(_, j)| j.exists())
        .collect();
    pairs.sort();
    pairs
}

fn compare_all(dir: &Path, at_least: usize) {
    let pairs = pairs(dir);
    assert!(
        pairs.len() >= at_least,
        "{}: {} pages",
        dir.display(),
        pairs.len()
    );
    let problems: Vec<String> = pairs.iter().flat_map(|(h, j)| compare(h, j)).collect();
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn corpus_reports_match_juriscraper() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets/appellate");
    compare_all(&dir, 5);
}

#[test]
fn corpus_originating_courts() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets/appellate");
    let origin = |name: &str| {
        let d = parse(&read(&dir.join(name))).unwrap().dockets.remove(0);
        d.originating.map(|o| {
            (
                o.court_id,
                o.court_name,
                o.docket_number,
                o.judgment_on.map(|d| d.to_string()),
            )
        })
    };
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        origin("ca1.html"),
        Some((
            some("mad"),
            "District of Massachusetts, Boston".into(),
            "1:09-cv-11783".into(),
            some("2009-12-21")
        ))
    );
    assert_eq!(
        origin("bap9_15-1074.html"),
        Some((
            some("nvb"),
            "Nevada - Las Vegas".into(),
            "14-16024".into(),
            some("2015-02-24")
        ))
    );
    assert_eq!(
        origin("ca11_1.html"),
        Some((
            some("flsd"),
            "Southern District of Florida".into(),
            "0:16-cv-62769".into(),
            None
        ))
    );
    assert_eq!(origin("cadc_1.html"), None);
    assert_eq!(
        origin("cavc_18-3815.html"),
        Some((
            None,
            "Department of Veteran Affairs".into(),
            String::new(),
            None
        ))
    );
}

#[test]
fn synthetic_report_without_section_comments() {
    let d = parse(&read(&fixture("synthetic_no_comments.htm")))
        .unwrap()
        .dockets
        .remove(0);
    assert_eq!(d.court_id.as_deref(), Some("ca3"));
    assert_eq!(d.docket_number, "21-1234");
    assert_eq!(d.case_name, "John Doe v. Richard Roe");
    assert_eq!(d.entries.len(), 3);
    assert_eq!(d.entries[1].number, None);
    assert_eq!(d.entries[2].number.as_deref(), Some("00302345678"));
    assert_eq!(d.parties.len(), 2);
    assert_eq!(
        d.parties[1].attorneys[0].contact,
        "Direct: 973-555-0100\n1 Main St\nNewark, NJ"
    );
    assert_eq!(d.parties[1].attorneys[0].roles, ["COR LD NTC Retained"]);
    assert_eq!(d.parties[1].extra_info, "Terminated: 03/01/2021");
    let o = d.originating.unwrap();
    assert_eq!(o.court_id.as_deref(), Some("njd"));
    assert_eq!(o.docket_number, "2:20-cv-00001");
    assert_eq!(o.judgment_on.unwrap().to_string(), "2021-01-04");
}

#[test]
fn broken_and_foreign_pages() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets/appellate");
    let page = read(&dir.join("ca1.html"));
    let text = String::from_utf8_lossy(&page).into_owned();
    for cut in [100, 2_000, 6_000, 9_000, 15_000, 25_000, text.len() - 200] {
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match parse(&text.as_bytes()[..at]) {
            Ok(p) => panic!("cut at {at}: read as {} docket", p.format),
            Err(e) => {
                let e = e.to_string();
                assert!(
                    e.contains("cut short") || e.contains("not a docket") || e.contains("HTML"),
                    "cut at {at}: {e}"
                );
            }
        }
    }
    let other = "<html><head><title>Court of Appeals news</title></head><body>\
                 <h1>General Docket</h1><p>News of the Court of Appeals</p></body></html>";
    let e = parse(other.as_bytes()).unwrap_err().to_string();
    assert!(e.contains("not a docket report"), "{e}");
    // A CM/ECF appellate page that is no report (a case search, say).
    let search = "<html><body><form action='TransportRoom?servlet=CaseSearch.jsp'>\
                  <b>General Docket</b> search</form></body></html>";
    let e = parse(search.as_bytes()).unwrap_err().to_string();
    assert!(e.contains("\"Docket #\""), "{e}");
    // A consolidated appeal: each lower-court case, the first as juriscraper reads it.
    let page = String::from_utf8(read(&fixture("synthetic_no_comments.htm"))).unwrap();
    let page = page.replace(
        "<tr><td colspan=4><B>District: </B>0312-2 : 2:20-cv-00001</td></tr>",
        "<tr><td colspan=4><B>District: </B>0312-2 : 2:20-cv-00001</td></tr>\
         <tr><td colspan=4><B>District: </B>0312-2 : 2:20-cv-00002-JMV</td></tr>",
    );
    let d = parse(page.as_bytes()).unwrap().dockets.remove(0);
    assert_eq!(
        d.originating.unwrap().docket_number,
        "2:20-cv-00001, 2:20-cv-00002"
    );
}

#[test]
fn reads_fast_and_linearly() {
    // juriscraper reads about 700 entries a second; 30 times that is the bar
    // (in an optimised build; a debug build only has to stay linear).
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets/appellate");
    let text = String::from_utf8_lossy(&read(&dir.join("ca1.html"))).into_owned();
    let start = text.find("<!-- NEED").unwrap();
    let end = text.rfind("</td></tr>").unwrap() + "</td></tr>".len();
    let page = |copies: usize| {
        let mut big = String::with_capacity(text.len() * copies);
        big.push_str(&text[..start]);
        for _ in 0..copies {
            big.push_str(&text[start..end]);
        }
        big.push_str(&text[end..]);
        big
    };
    let time = |copies: usize| {
        let big = page(copies);
        let started = Instant::now();
        let d = parse(big.as_bytes()).unwrap().dockets.remove(0);
        (d.entries.len(), started.elapsed().as_secs_f64())
    };
    let (small_n, small_secs) = time(20);
    let (n, secs) = time(80);
    assert_eq!(n, small_n * 4);
    let per_second = n as f64 / secs;
    println!(
        "appellate: {n} entries in {:.1} ms, {per_second:.0} entries/s",
        secs * 1e3
    );
    assert!(
        secs < small_secs * 4.0 * 2.5,
        "not linear: {small_secs}s, then {secs}s"
    );
    let bar = if cfg!(debug_assertions) {
        2_100.0
    } else {
        21_000.0
    };
    assert!(per_second > bar, "{per_second:.0} entries/s");
}
