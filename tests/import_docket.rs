//! `casetrail import-docket` and `casetrail news` on real database files:
//! a docket into the record, re-import and merge (nothing duplicated, hand
//! edits kept, changes shown), appeals linked in either order, bad files.

use std::path::{Path, PathBuf};

use casetrail_store::Store;
use serde_json::Value;
use tempfile::TempDir;

use crate::cli_process::{casetrail, ok, ok_json};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dockets")
        .join(name)
}

/// The docket crate's CourtListener fixture: the Second Circuit appeal of
/// the district docket in `tests/fixtures/dockets`.
fn appeal() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/docket/fixtures/courtlistener/appeal.json")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn import(db: &Path, files: &[&Path], extra: &[&str]) -> Value {
    let mut args = vec!["--json", "import-docket"];
    args.extend(files.iter().map(|f| path(f)));
    args.extend(extra);
    ok_json(db, &args)
}

fn first_docket(v: &Value) -> &Value {
    &v["files"][0]["dockets"][0]
}

fn statuses(d: &Value) -> Vec<(String, String)> {
    d["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["number"].as_str().unwrap_or("-").to_owned(),
                e["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_docket_becomes_a_proceeding_with_its_entries_and_parties() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let v = import(&db, &[&fixture("doe-v-acme-nysd.json")], &[]);
    let f = &v["files"][0];
    assert_eq!(f["format"], "courtlistener");
    let d = first_docket(&v);
    assert_eq!(d["court"], "nysd");
    assert_eq!(d["docket_number"], "1:23-cv-00042");
    assert_eq!(d["case_name"], "Doe v. Acme Corp.");
    assert_eq!(d["added"], 5);
    assert_eq!(d["entries"][1]["number"], Value::Null);
    assert_eq!(d["entries"][0]["date_filed"], "2023-01-04");
    assert_eq!(d["parties"][0]["attorneys"][0]["roles"][0], "LEAD ATTORNEY");
    assert_eq!(d["originating"], Value::Null);
    assert_eq!(d["appeal_of"], Value::Null);
    // Exactly the contract's keys.
    let mut keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "added",
            "appeal_of",
            "case_id",
            "case_name",
            "court",
            "docket_number",
            "entries",
            "originating",
            "parties",
            "proceeding_id",
            "unchanged",
            "updated"
        ]
    );

    let store = Store::open(&db).unwrap();
    let case = store.find_case("doe-v-acme-corp").unwrap();
    let proceedings = store.proceedings(case.id).unwrap();
    assert_eq!(proceedings.len(), 1);
    let events = store.events(proceedings[0].id).unwrap();
    assert_eq!(events.len(), 5);
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["complaint", "entry", "motion", "ruling", "judgment"]
    );
    assert_eq!(events[3].outcome.map(|o| o.as_str()), Some("granted"));
    assert!(
        events[0].source.contains("doe-v-acme-nysd.json"),
        "{}",
        events[0].source
    );
    let source = store
        .entry_source(events[0].id)
        .unwrap()
        .expect("an imported entry");
    assert_eq!(source.format, "courtlistener");
    assert_eq!(source.sha256.len(), 64);
    let parties = store.proceeding_parties(proceedings[0].id).unwrap();
    assert_eq!(parties.len(), 2);
    let counsel = store.counsel(proceedings[0].id).unwrap();
    assert_eq!(counsel.len(), 2);
    // Every entry is news until looked at.
    assert_eq!(store.news(Some(case.id)).unwrap().len(), 5);
}

#[test]
fn reimport_merges_keeps_hand_edits_and_shows_changes() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    import(&db, &[&fixture("doe-v-acme-nysd.json")], &[]);
    ok(&db, &["news", "--seen"]);

    // The same file again: nothing changes, nothing is written.
    let before = std::fs::metadata(&db).unwrap().len();
    let activity_before = Store::open(&db).unwrap().activity(1000).unwrap().len();
    let v = import(&db, &[&fixture("doe-v-acme-nysd.json")], &[]);
    let d = first_docket(&v);
    assert_eq!(
        (
            d["added"].as_u64(),
            d["updated"].as_u64(),
            d["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(5))
    );
    assert_eq!(
        Store::open(&db).unwrap().activity(1000).unwrap().len(),
        activity_before
    );
    assert_eq!(std::fs::metadata(&db).unwrap().len(), before);

    // A person moves the ruling's date; then a later report arrives.
    let mut store = Store::open(&db).unwrap();
    let case = store.find_case("doe-v-acme-corp").unwrap();
    let p = store.proceedings(case.id).unwrap()[0].id;
    let ruling = store.events(p).unwrap()[3].id;
    let moved = chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
    store
        .write(|w| w.set_event_date(ruling, casetrail_model::EventDate::day(moved)))
        .unwrap();
    drop(store);

    // Dry run first: reports, writes nothing.
    let dry = import(
        &db,
        &[&fixture("doe-v-acme-nysd-later.json")],
        &["--dry-run"],
    );
    assert_eq!(first_docket(&dry)["added"], 1);
    assert!(Store::open(&db).unwrap().news(None).unwrap().is_empty());

    let v = import(&db, &[&fixture("doe-v-acme-nysd-later.json")], &[]);
    let d = first_docket(&v);
    let got = statuses(d);
    assert_eq!(got[2], ("12".into(), "updated".into()));
    assert_eq!(got[5], ("32".into(), "added".into()));
    assert_eq!(
        (
            d["added"].as_u64(),
            d["updated"].as_u64(),
            d["unchanged"].as_u64()
        ),
        (Some(1), Some(1), Some(4))
    );

    let store = Store::open(&db).unwrap();
    let events = store.events(p).unwrap();
    assert_eq!(events.len(), 6, "nothing duplicated");
    let ruling = events.iter().find(|e| e.id == ruling).unwrap();
    assert_eq!(
        ruling.date.to_string(),
        "2024-05-01",
        "the date a person set is kept"
    );
    let news = store.news(Some(case.id)).unwrap();
    assert_eq!(news.len(), 2);
    let changed = news
        .iter()
        .find(|n| n.change.as_str() == "updated")
        .unwrap();
    assert!(changed
        .old_text
        .as_deref()
        .unwrap()
        .starts_with("MOTION to Dismiss. "));
    assert!(changed.new_text.contains("Failure to State a Claim"));
    let text = ok(&db, &["news", "doe-v-acme-corp"]);
    assert!(
        text.contains("changed") && text.contains("was: MOTION to Dismiss."),
        "{text}"
    );
}

#[test]
fn an_entry_typed_by_hand_is_kept_as_typed() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    ok(&db, &["add-case", "--key", "doe", "--name", "Doe v. Acme"]);
    ok(
        &db,
        &[
            "add-proceeding",
            "--case",
            "doe",
            "--court",
            "nysd",
            "--docket",
            "1:23-cv-42",
        ],
    );
    ok(
        &db,
        &[
            "log",
            "--case",
            "doe",
            "--date",
            "2023-03-01",
            "--kind",
            "motion",
            "--entry",
            "12",
            "--title",
            "Acme moves to dismiss (our summary)",
        ],
    );
    let v = import(&db, &[&fixture("doe-v-acme-nysd.json")], &[]);
    let d = first_docket(&v);
    assert_eq!(d["added"], 4);
    assert_eq!(statuses(d)[2], ("12".into(), "updated".into()));
    let store = Store::open(&db).unwrap();
    let case = store.find_case("doe").unwrap();
    let p = store.proceedings(case.id).unwrap();
    assert_eq!(
        p.len(),
        1,
        "the docket number written another way is the same docket"
    );
    let events = store.events(p[0].id).unwrap();
    assert_eq!(events.len(), 5);
    let typed = events
        .iter()
        .find(|e| e.entry.as_deref() == Some("12"))
        .unwrap();
    assert_eq!(typed.title, "Acme moves to dismiss (our summary)");
    let source = store.entry_source(typed.id).unwrap().unwrap();
    assert!(source.court_text.starts_with("MOTION to Dismiss"));
}

#[test]
fn appeals_are_linked_in_either_order() {
    for order in [
        [fixture("doe-v-acme-nysd.json"), appeal()],
        [appeal(), fixture("doe-v-acme-nysd.json")],
    ] {
        let dir = TempDir::new().unwrap();
        let db = dir.path().join("c.db");
        let first = import(&db, &[&order[0]], &[]);
        let second = import(&db, &[&order[1]], &[]);
        let (d1, d2) = (first_docket(&first), first_docket(&second));
        assert_eq!(d1["case_id"], d2["case_id"], "one case for both courts");
        let store = Store::open(&db).unwrap();
        let case = casetrail_model::CaseId(d1["case_id"].as_i64().unwrap());
        let proceedings = store.proceedings(case).unwrap();
        assert_eq!(proceedings.len(), 2);
        let district = proceedings.iter().find(|p| p.court_id == "nysd").unwrap();
        let circuit = proceedings.iter().find(|p| p.court_id == "ca2").unwrap();
        assert_eq!(circuit.appeal_from, Some(district.id));
        // Linked to the judgment of the day the appellate docket names.
        let judgment = store
            .event(circuit.appeal_from_event.expect("linked to the ruling"))
            .unwrap();
        assert_eq!(judgment.date.to_string(), "2024-04-30");
        assert_eq!(judgment.kind.as_str(), "judgment");
        if order[0] == appeal() {
            assert_eq!(
                d1["appeal_of"],
                Value::Null,
                "the lower docket is not in yet"
            );
        } else {
            assert_eq!(d2["appeal_of"]["proceeding_id"], district.id.0);
        }
    }
}

#[test]
fn an_appeal_whose_origin_is_missing_says_so() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let out = ok(&db, &["import-docket", path(&appeal())]);
    assert!(
        out.contains("not in Casetrail") && out.contains("--court nysd --docket 1:23-cv-00042"),
        "{out}"
    );
}

#[test]
fn bad_files_are_clear_errors_and_write_nothing() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let bad = [
        ("login.html", "<html><title>PACER Login</title><form><input type=\"password\" name=\"p\"></form></html>", "login page"),
        ("half.json", "{\"docket_number\": \"1:23-cv-1\", \"docket_entries\": [", "ends early"),
        ("other.html", "<!doctype html><html><body><h1>News</h1></body></html>", "not a docket"),
        ("empty.json", "", "empty"),
        ("brief.pdf", "%PDF-1.4\n", "PDF"),
    ];
    for (name, body, _) in &bad {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    let good = fixture("doe-v-acme-nysd.json");
    let mut args: Vec<String> = vec!["--json".into(), "import-docket".into()];
    args.extend(
        bad.iter()
            .map(|(n, _, _)| dir.path().join(n).display().to_string()),
    );
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = casetrail(&db, &argv);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for (i, (name, _, why)) in bad.iter().enumerate() {
        let f = &v["files"][i];
        assert!(f["file"].as_str().unwrap().ends_with(name));
        let err = f["error"].as_str().unwrap_or_default();
        assert!(
            err.to_lowercase().contains(&why.to_lowercase()),
            "{name}: {err}"
        );
    }
    let store = Store::open(&db).unwrap();
    assert!(store.cases().unwrap().is_empty());
    assert!(store.activity(10).unwrap().is_empty());
    // A good file beside a bad one is imported; the exit code still says one failed.
    let out = casetrail(
        &db,
        &[
            "import-docket",
            path(&good),
            dir.path().join("half.json").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(Store::open(&db).unwrap().cases().unwrap().len(), 1);
}

#[test]
fn follow_only_keeps_to_dockets_already_in_casetrail() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let v = import(&db, &[&fixture("doe-v-acme-nysd.json")], &["--follow-only"]);
    assert_eq!(v["files"][0]["dockets"].as_array().unwrap().len(), 0);
    assert!(Store::open(&db).unwrap().cases().unwrap().is_empty());
}

#[test]
fn a_feed_adds_new_entries_to_followed_cases_only() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    import(&db, &[&fixture("doe-v-acme-nysd.json")], &[]);
    ok(&db, &["news", "--seen"]);
    let feed = fixture("nysd-feed.xml");
    let v = import(&db, &[&feed], &["--follow-only"]);
    assert_eq!(v["files"][0]["format"], "pacer_rss");
    let dockets = v["files"][0]["dockets"].as_array().unwrap();
    assert_eq!(dockets.len(), 1, "the case not followed is left out: {v}");
    let d = &dockets[0];
    let mut got = statuses(d);
    got.sort();
    assert_eq!(
        got,
        [
            ("31".into(), "unchanged".into()),
            ("33".into(), "added".into())
        ]
    );
    // The feed's one-line summary never replaces the report's full text.
    let store = Store::open(&db).unwrap();
    let case = store.find_case("doe-v-acme-corp").unwrap();
    let events = store
        .events(store.proceedings(case.id).unwrap()[0].id)
        .unwrap();
    let judgment = events
        .iter()
        .find(|e| e.entry.as_deref() == Some("31"))
        .unwrap();
    assert!(judgment.description.starts_with("CLERK'S JUDGMENT that"));
    assert_eq!(store.news(None).unwrap().len(), 1);
    drop(store);
    // The same feed again changes nothing.
    let again = import(&db, &[&feed], &["--follow-only"]);
    assert_eq!(again["files"][0]["dockets"][0]["added"], 0);
    // Without --follow-only the other case is added as a new one.
    let all = import(&db, &[&feed], &[]);
    assert_eq!(all["files"][0]["dockets"].as_array().unwrap().len(), 2);
}

/// Every docket report in `../shared/corpus/dockets` imports through the CLI
/// with juriscraper's entry count; the pages juriscraper reads as no docket
/// are refused.
#[test]
fn the_corpus_dockets_import_with_their_entries() {
    let root = casetrail_fixtures::shared_or_skip!("corpus/dockets/juriscraper/pacer/dockets");
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("c.db");
    let mut tried = 0;
    for kind in ["district", "bankruptcy", "appellate", "acms"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(kind))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x == "html" || x == "acms_json")
            })
            .collect();
        files.sort();
        for file in files {
            let expected: Value = serde_json::from_str(
                &std::fs::read_to_string(file.with_extension("json")).unwrap(),
            )
            .unwrap();
            let out = casetrail(&db, &["--json", "import-docket", path(&file)]);
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            let f = &v["files"][0];
            tried += 1;
            if expected.as_object().is_some_and(|o| o.is_empty()) {
                assert!(
                    f["error"].is_string(),
                    "{}: juriscraper finds no docket here",
                    file.display()
                );
                continue;
            }
            assert!(out.status.success(), "{}: {}", file.display(), f["error"]);
            let d = &f["dockets"][0];
            let want = expected["docket_entries"].as_array().map_or(0, Vec::len);
            let got = d["entries"].as_array().unwrap().len();
            assert_eq!(got, want, "{}: entries", file.display());
            assert_eq!(
                d["docket_number"],
                expected["docket_number"],
                "{}",
                file.display()
            );
        }
    }
    assert!(tried >= 15, "{tried} corpus dockets");
}
