//! The `casetrail` CLI run as a process against real database files.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.db");
    Db { _dir: dir, path }
}

use crate::cli_process;

use cli_process::{casetrail, ok_json};

fn fails_with_2(db: &Path, args: &[&str], needle: &str) {
    let out = casetrail(db, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(
        stderr.to_lowercase().contains(&needle.to_lowercase()),
        "{args:?}: stderr {stderr:?} does not mention {needle:?}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout on error");
}

/// Everything a failed command must leave untouched.
fn snapshot(db: &Path) -> (Value, Value) {
    (
        ok_json(db, &["timeline", "Ireland", "--json"]),
        ok_json(db, &["activity", "--limit", "100000", "--json"]),
    )
}

#[test]
fn demo_then_timeline_prints_the_chronology_across_courts() {
    let db = db();
    let loaded = ok_json(&db.path, &["demo", "--json"]);
    assert_eq!(loaded["created"], true);
    let t = ok_json(&db.path, &["timeline", "Ireland", "--json"]);
    assert_eq!(t["case"]["slug"], "microsoft-ireland");
    let events = t["events"].as_array().unwrap();
    assert_eq!(events.len(), 37);
    for e in events {
        for field in ["date", "court", "docket", "kind", "title"] {
            assert!(e[field].is_string(), "event lacks {field}: {e}");
        }
    }
    let dates: Vec<&str> = events.iter().map(|e| e["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "events in date order");
    let courts: std::collections::BTreeSet<&str> = events
        .iter()
        .map(|e| e["court"].as_str().unwrap())
        .collect();
    for c in ["S.D.N.Y.", "2d Cir.", "U.S. Supreme Court", "U.S. Congress"] {
        assert!(courts.contains(c), "no {c} events: {courts:?}");
    }
    let find = |date: &str, kind: &str| {
        events
            .iter()
            .find(|e| e["date"] == date && e["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} on {date}"))
    };
    assert_eq!(find("2014-04-25", "ruling")["outcome"], "denied");
    assert_eq!(find("2014-07-31", "ruling")["outcome"], "affirmed");
    let stay = find("2014-08-01", "stay");
    assert_eq!(stay["stay"]["lifted_on"], "2014-08-29");
    assert_eq!(stay["stay"]["status"], "lifted");
    assert_eq!(find("2014-09-08", "ruling")["outcome"], "held_in_contempt");
    assert_eq!(
        find("2016-07-14", "ruling")["outcome"],
        "reversed_and_remanded"
    );
    assert_eq!(find("2017-01-24", "ruling")["outcome"], "denied");
    assert_eq!(find("2017-10-16", "ruling")["outcome"], "granted");
    assert_eq!(
        find("2018-02-27", "argument")["court"],
        "U.S. Supreme Court"
    );
    assert_eq!(find("2018-03-23", "statute")["court"], "U.S. Congress");
    assert_eq!(find("2018-04-17", "ruling")["outcome"], "vacated_as_moot");
    for wave in ["2014-12-15", "2017-12-13", "2018-01-18"] {
        let amici: usize = events
            .iter()
            .filter(|e| e["date"] == wave && e["kind"] == "amicus_brief")
            .map(|e| e["parties"].as_array().unwrap().len())
            .sum();
        assert!(amici >= 7, "amicus wave of {wave} has {amici} filers");
    }
    // The appeal chain: S.D.N.Y. → 2d Cir. → Supreme Court.
    let procs = t["proceedings"].as_array().unwrap();
    let by_court = |c: &str| procs.iter().find(|p| p["court_id"] == c).unwrap();
    assert_eq!(by_court("ca2")["appeal_from"], by_court("nysd")["id"]);
    assert_eq!(by_court("scotus")["appeal_from"], by_court("ca2")["id"]);
    assert_eq!(by_court("scotus")["docket_number"], "17-2");
}

#[test]
fn demo_twice_duplicates_nothing() {
    let db = db();
    ok_json(&db.path, &["demo", "--json"]);
    let before = snapshot(&db.path);
    let again = ok_json(&db.path, &["demo", "--json"]);
    assert_eq!(again["created"], false);
    assert_eq!(snapshot(&db.path), before);
    assert_eq!(
        ok_json(&db.path, &["cases", "--json"])["cases"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn log_adds_an_event_and_records_it_in_the_activity_log() {
    let db = db();
    ok_json(&db.path, &["demo", "--json"]);
    let e = ok_json(
        &db.path,
        &[
            "log",
            "--case",
            "Ireland",
            "--proceeding",
            "14-2985",
            "--date",
            "2016-08-02",
            "--kind",
            "letter",
            "--title",
            "Letter regarding the mandate",
            "--filer",
            "Microsoft Corporation",
            "--json",
        ],
    );
    assert_eq!(e["kind"], "letter");
    assert_eq!(e["parties"][0]["name"], "Microsoft Corporation");
    let t = ok_json(&db.path, &["timeline", "microsoft-ireland", "--json"]);
    let logged = t["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == e["id"])
        .expect("logged event on the timeline");
    assert_eq!(logged["court"], "2d Cir.");
    let log = ok_json(&db.path, &["activity", "--limit", "5", "--json"]);
    assert!(log["activity"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["entity"] == "event" && a["entity_id"] == e["id"] && a["op"] == "create"));
    // Month precision is accepted and kept.
    let m = ok_json(
        &db.path,
        &[
            "log",
            "--case",
            "1",
            "--proceeding",
            "ca2",
            "--date",
            "2016-09",
            "--kind",
            "filing",
            "--title",
            "Something in September",
            "--json",
        ],
    );
    assert_eq!(m["date"], "2016-09");
}

#[test]
fn bad_input_to_log_is_refused_with_exit_2_and_changes_nothing() {
    let db = db();
    ok_json(&db.path, &["demo", "--json"]);
    let before = snapshot(&db.path);
    fn base(over: &[(&'static str, &'static str)]) -> Vec<&'static str> {
        let mut args: Vec<(&str, &str)> = vec![
            ("--case", "Ireland"),
            ("--proceeding", "14-2985"),
            ("--date", "2016-08-02"),
            ("--kind", "letter"),
            ("--title", "A letter"),
        ];
        for (k, v) in over {
            args.retain(|(a, _)| a != k);
            args.push((k, v));
        }
        let mut flat = vec!["log"];
        for (k, v) in args {
            flat.push(k);
            flat.push(v);
        }
        flat
    }
    fails_with_2(
        &db.path,
        &base(&[("--case", "Nonesuch")]),
        "no case matches",
    );
    fails_with_2(&db.path, &base(&[("--date", "2016-02-30")]), "not a day");
    fails_with_2(&db.path, &base(&[("--date", "08/02/2016")]), "YYYY-MM-DD");
    fails_with_2(
        &db.path,
        &base(&[("--kind", "telegram")]),
        "unknown event kind",
    );
    fails_with_2(&db.path, &base(&[("--title", "   ")]), "title");
    fails_with_2(
        &db.path,
        &base(&[("--proceeding", "99-9999")]),
        "no proceeding",
    );
    fails_with_2(
        &db.path,
        &base(&[("--outcome", "granted")]),
        "only a ruling",
    );
    fails_with_2(
        &db.path,
        &base(&[("--outcome", "sort-of")]),
        "unknown outcome",
    );
    fails_with_2(&db.path, &base(&[("--case", "")]), "name a case");
    // Two proceedings, none named.
    let mut no_proc = base(&[]);
    let i = no_proc.iter().position(|a| *a == "--proceeding").unwrap();
    no_proc.drain(i..i + 2);
    fails_with_2(&db.path, &no_proc, "--proceeding");
    // A usage error (missing --title) is also exit 2.
    let out = casetrail(&db.path, &["log", "--case", "Ireland"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        snapshot(&db.path),
        before,
        "a refused command changed the database"
    );
}

#[test]
fn unknown_and_ambiguous_cases_are_clear_errors() {
    let db = db();
    ok_json(&db.path, &["demo", "--json"]);
    ok_json(
        &db.path,
        &[
            "add-case",
            "--key",
            "ireland-v-commission",
            "--name",
            "Ireland v. Commission",
            "--json",
        ],
    );
    fails_with_2(&db.path, &["timeline", "Ireland"], "matches 2 cases");
    fails_with_2(&db.path, &["timeline", "Narnia"], "no case matches");
    fails_with_2(&db.path, &["timeline", "999"], "no case #999");
    // A stray LIKE wildcard is matched literally.
    fails_with_2(&db.path, &["timeline", "%"], "no case matches");
    assert_eq!(
        ok_json(&db.path, &["timeline", "microsoft", "--json"])["case"]["slug"],
        "microsoft-ireland"
    );
}

#[test]
fn add_case_and_proceeding_validate_input() {
    let db = db();
    let c = ok_json(
        &db.path,
        &[
            "add-case",
            "--key",
            "acme-v-roe",
            "--name",
            "Acme v. Roe",
            "--json",
        ],
    );
    assert_eq!(c["slug"], "acme-v-roe");
    fails_with_2(
        &db.path,
        &["add-case", "--key", "acme-v-roe", "--name", "Again"],
        "already exists",
    );
    fails_with_2(
        &db.path,
        &["add-case", "--key", "Bad Key", "--name", "X"],
        "lowercase",
    );
    let p = ok_json(
        &db.path,
        &[
            "add-proceeding",
            "--case",
            "acme",
            "--court",
            "D. Mass.",
            "--docket",
            "1:24-cv-10001",
            "--json",
        ],
    );
    assert_eq!(p["court_id"], "mad");
    fails_with_2(
        &db.path,
        &[
            "add-proceeding",
            "--case",
            "acme",
            "--court",
            "Narnia",
            "--docket",
            "1",
        ],
        "no court",
    );
    let a = ok_json(
        &db.path,
        &[
            "add-proceeding",
            "--case",
            "acme",
            "--court",
            "ca1",
            "--docket",
            "24-1234",
            "--appeal-from",
            "1:24-cv-10001",
            "--json",
        ],
    );
    assert_eq!(a["appeal_from"], p["id"]);
    // With one proceeding... now two: log must be told which.
    let e = ok_json(
        &db.path,
        &[
            "log",
            "--case",
            "acme",
            "--proceeding",
            "mad",
            "--date",
            "2024-01-02",
            "--kind",
            "complaint",
            "--title",
            "Complaint",
            "--json",
        ],
    );
    assert_eq!(e["kind"], "complaint");
}

#[test]
fn db_from_environment_and_unusable_paths() {
    let db = db();
    let out = Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .args(["demo"])
        .env("CASETRAIL_DB", &db.path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.path.exists(), "CASETRAIL_DB was used");
    // A directory is not a database: a clear error, exit 1 (not the user's typing).
    let dir = tempfile::tempdir().unwrap();
    let out = casetrail(dir.path(), &["cases"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stderr.is_empty());
    // A file that is not SQLite is refused and left as it was.
    let junk = dir.path().join("notes.txt");
    std::fs::write(&junk, b"my notes, not a database\n".repeat(100)).unwrap();
    let out = casetrail(&junk, &["cases"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        b"my notes, not a database\n".repeat(100)
    );
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    // `casetrail timeline … | head -1`: the reader goes away early.
    let db = db();
    ok_json(&db.path, &["demo", "--json"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .arg("--db")
        .arg(&db.path)
        .args(["timeline", "Ireland", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
