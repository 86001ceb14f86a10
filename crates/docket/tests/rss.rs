//! PACER RSS feeds: the shared corpus's feeds against juriscraper's parse of
//! each, and this crate's own small feeds.

use std::path::Path;

use casetrail_docket::{parse, Docket, DocketFormat};
use casetrail_fixtures::shared_or_skip;
use serde_json::Value;

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn feed(path: &Path) -> Vec<Docket> {
    let parsed = parse(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(parsed.format, DocketFormat::PacerRss, "{}", path.display());
    parsed.dockets
}

/// Compare our reading of `xml` with juriscraper's (`json`: one docket per
/// item, multi-event items merged). Juriscraper keeps an item it cannot
/// number out; we keep it (`5:18-~gr-00001`), so ours may hold more.
/// Returns the mismatches, each naming file, docket, entry and field.
fn compare(xml: &Path, json: &Path, court: Option<&str>) -> Vec<String> {
    let ours = feed(xml);
    let theirs: Vec<Value> = serde_json::from_slice(&read(json)).unwrap();
    let file = xml.file_name().unwrap().to_string_lossy().into_owned();
    let mut problems = Vec::new();
    let mut matched = 0;
    for (i, d) in theirs.iter().enumerate() {
        let number = d["docket_number"].as_str().unwrap();
        let Some(our) = ours.iter().find(|o| o.docket_number == number) else {
            problems.push(format!("{file}: item {i}: no docket {number}"));
            continue;
        };
        let want_name = match d["case_name"].as_str().unwrap() {
            "Unknown Case Title" => "",
            name => name,
        };
        if our.case_name != want_name {
            problems.push(format!(
                "{file}: {number}: case_name {:?}, juriscraper {want_name:?}",
                our.case_name
            ));
        }
        if let Some(court) = court {
            if our.court_id.as_deref() != Some(court) {
                problems.push(format!("{file}: {number}: court_id {:?}", our.court_id));
            }
        }
        for e in d["docket_entries"].as_array().unwrap() {
            let date = &e["date_filed"].as_str().unwrap()[..10];
            // juriscraper keeps the spaces around the bracketed text.
            let text = &e["short_description"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let doc_id = e["pacer_doc_id"].as_str().unwrap_or("");
            let same = |x: &&casetrail_docket::Entry| {
                x.date_filed.to_string() == date && x.description == *text
            };
            let Some(entry) = our
                .entries
                .iter()
                .filter(same)
                .find(|x| {
                    (doc_id.is_empty() || x.document_ids.iter().any(|d| d == doc_id))
                        && (x.number.is_none()
                            || x.number.as_deref() == e["document_number"].as_str())
                })
                .or_else(|| our.entries.iter().find(same))
            else {
                problems.push(format!("{file}: {number}: no entry of {date} {text:?}"));
                continue;
            };
            matched += 1;
            let want_ids: Vec<&str> = if doc_id.is_empty() {
                vec![]
            } else {
                vec![doc_id]
            };
            if entry.document_ids != want_ids {
                problems.push(format!(
                    "{file}: {number}: entry {date} {text:?}: document_ids {:?}, juriscraper {want_ids:?}",
                    entry.document_ids
                ));
            }
            // Appellate feeds that print "Document" for the link: juriscraper
            // uses the document id as the number; we leave it unnumbered.
            let want_number = e["document_number"].as_str().filter(|n| *n != doc_id);
            if entry.number.as_deref() != want_number {
                problems.push(format!(
                    "{file}: {number}: entry {date} {text:?}: number {:?}, juriscraper {want_number:?}",
                    entry.number
                ));
            }
        }
    }
    // Juriscraper lists a criminal case's filing once per defendant; we once.
    let mut distinct: Vec<String> = theirs
        .iter()
        .flat_map(|d| {
            d["docket_entries"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |e| {
                    format!(
                        "{} {} {} {}",
                        d["docket_number"],
                        e["date_filed"],
                        e["pacer_doc_id"],
                        e["document_number"]
                    )
                })
        })
        .collect();
    distinct.sort();
    distinct.dedup();
    let ours_total: usize = ours.iter().map(|d| d.entries.len()).sum();
    if ours_total < distinct.len() || matched == 0 {
        problems.push(format!(
            "{file}: {ours_total} entries, juriscraper {}",
            distinct.len()
        ));
    }
    problems
}

#[test]
fn juriscraper_feeds_match() {
    let dir = shared_or_skip!("corpus/dockets/juriscraper/pacer/rss_feeds");
    let mut problems = Vec::new();
    for court in ["ca10", "cadc"] {
        problems.extend(compare(
            &dir.join(format!("{court}.xml")),
            &dir.join(format!("{court}.json")),
            Some(court),
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn courtlistener_feed_reads() {
    let path = shared_or_skip!("corpus/dockets/courtlistener/recap/test_assets/rss_ca10.xml");
    let dockets = feed(&path);
    let numbers: Vec<&str> = dockets.iter().map(|d| d.docket_number.as_str()).collect();
    assert_eq!(numbers, ["22-2127", "22-2040", "22-6180"]);
    let d = &dockets[0];
    assert_eq!(d.court_id.as_deref(), Some("ca10"));
    assert_eq!(d.case_name, "Navarette v. Horton");
    assert_eq!(d.entries.len(), 1);
    let e = &d.entries[0];
    assert_eq!(e.description, "Case termination for COA");
    assert_eq!(e.date_filed.to_string(), "2023-02-06");
    assert_eq!(e.document_ids, ["010010808570"]);
    assert_eq!(e.number, None);
    assert_eq!(
        e.links[0].url,
        "https://ecf.ca10.uscourts.gov/docs1/010010808570"
    );
}

/// juriscraper's own test feeds, when a copy of its repository's
/// `tests/examples/pacer/rss_feeds` is named by `JURISCRAPER_RSS_EXAMPLES`
/// (a development check; skipped otherwise).
#[test]
fn juriscraper_example_feeds_match() {
    let Some(dir) = std::env::var_os("JURISCRAPER_RSS_EXAMPLES") else {
        casetrail_fixtures::skip!("JURISCRAPER_RSS_EXAMPLES is not set");
    };
    let dir = Path::new(&dir);
    let mut problems = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    names.sort();
    for xml in names {
        problems.extend(compare(&xml, &xml.with_extension("json"), None));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn fixture(name: &str) -> Vec<u8> {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/rss")
            .join(name),
    )
}

#[test]
fn district_feed_groups_cases_and_merges_multi_event_entries() {
    let parsed = parse(&fixture("district.xml")).unwrap();
    assert_eq!(parsed.format, DocketFormat::PacerRss);
    let d = &parsed.dockets;
    assert_eq!(d.len(), 2, "{d:#?}");
    // Cases in the order the feed first names them (the newest first).
    let (usa, smith) = (&d[0], &d[1]);
    assert_eq!(smith.court_id.as_deref(), Some("mad"));
    assert_eq!(smith.docket_number, "1:23-cv-01234");
    assert_eq!(smith.case_name, "Smith v. Jones");
    // Oldest first; the two events of entry 12 are one entry.
    let texts: Vec<(&str, Option<&str>)> = smith
        .entries
        .iter()
        .map(|e| (e.description.as_str(), e.number.as_deref()))
        .collect();
    assert_eq!(
        texts,
        [
            ("Complaint", Some("1")),
            ("Order on Motion AND Order on Motion to Dismiss", Some("12")),
        ]
    );
    let order = &smith.entries[1];
    assert_eq!(order.date_filed.to_string(), "2024-03-05");
    assert_eq!(order.document_ids, ["095012345678"]);
    assert_eq!(
        order.links[0].url,
        "https://ecf.mad.uscourts.gov/doc1/095112345678?caseid=250001&de_seq_num=40"
    );
    assert_eq!(usa.docket_number, "1:24-cr-00010");
    assert_eq!(usa.case_name, "United States v. Doe & Roe");
    assert_eq!(usa.entries[0].number, None);
    assert!(usa.entries[0].document_ids.is_empty());
    assert_eq!(usa.entries[0].description, "Minute Entry");
}

#[test]
fn appellate_feed_court_and_unnumbered_documents() {
    let parsed = parse(&fixture("appellate.xml")).unwrap();
    let d = &parsed.dockets;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].court_id.as_deref(), Some("ca1"));
    assert_eq!(d[0].docket_number, "24-1001");
    assert_eq!(d[0].case_name, "Doe v. Roe");
    let e = &d[0].entries[0];
    assert_eq!(e.number, None);
    // The fourth digit made 0, as CourtListener keys PACER documents.
    assert_eq!(e.document_ids, ["00108000001"]);
    assert_eq!(e.description, "Opinion issued");
}

#[test]
fn broken_feeds_say_what_is_wrong() {
    let whole = fixture("district.xml");
    let text = String::from_utf8(whole).unwrap();
    for cut in [60, text.len() / 3, text.len() / 2, text.len() - 10] {
        let mut at = cut;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let err = parse(&text.as_bytes()[..at]).unwrap_err().to_string();
        assert!(
            err.contains("RSS feed") && err.contains("line"),
            "cut at {at}: {err}"
        );
    }
    let empty = "<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>\
                 <link>https://ecf.mad.uscourts.gov</link></channel></rss>";
    let err = parse(empty.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("no docket entries"), "{err}");
    let blog = "<?xml version='1.0'?><rss version='2.0'><channel><title>Blog</title>\
                <item><title>Hello world</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>\
                </item></channel></rss>";
    let err = parse(blog.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("docket number"), "{err}");
    let mismatched = "<rss><channel><item><title>1:23-cv-1 A v. B</item></channel></rss>";
    let err = parse(mismatched.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("</item> closes <title>"), "{err}");
}
