//! `casetrail export ics|csv` run as a process on the demo case, each file
//! read back by independent readers (Python's `icalendar` and `ical` for
//! calendars, Python's `csv`), and bad input refused with nothing written.

use std::path::Path;

use casetrail_deadline::{DeadlineStatus, NewDeadline};
use casetrail_fixtures::skip;
use casetrail_model::{EventDate, EventKind, NewEvent, Settings};
use casetrail_store::Store;
use chrono::NaiveDate;
use serde_json::Value;

use crate::cli_process::{casetrail, ok};
use crate::export_python::{self, READ_CSV, READ_ICS};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The demo case, plus a hearing with a time, an open deadline in 2031 and
/// a 3-day warning window.
fn demo_with_hearing(db: &Path) -> Store {
    ok(db, &["demo"]);
    let mut store = Store::open(db).unwrap();
    let case = store.find_case("microsoft-ireland").unwrap();
    let ca2 = store.find_proceeding(case.id, "14-2985").unwrap();
    store
        .write(|w| {
            let mut hearing = NewEvent::new(
                ca2.id,
                EventDate::day(day("2031-03-04")),
                EventKind::Hearing,
                "Status hearing, Courtroom 1703; the clerk's note, \"bring exhibits\"",
            );
            hearing.description = "Set for 10:30 a.m.; counsel to appear".into();
            w.add_event(&hearing)?;
            w.add_deadline(&NewDeadline {
                case_id: case.id,
                proceeding_id: Some(ca2.id),
                title: "Letter brief on the CLOUD Act, 12 pages; no exhibits".into(),
                due: day("2031-03-01"),
                notes: String::new(),
            })?;
            w.save_settings(&Settings {
                deadline_warning_days: 3,
            })
        })
        .unwrap();
    store
}

fn events_of<'a>(parsed: &'a Value, parser: &str) -> &'a Vec<Value> {
    parsed[parser].as_array().expect("a list of events")
}

#[test]
fn the_calendar_reads_the_same_in_both_parsers_and_updates_in_place() {
    let Some(py) = export_python::python() else {
        skip!("target/pyenv with icalendar and ical is absent (cargo xtask deps makes it)");
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let store = demo_with_hearing(&db);
    let case = store.find_case("microsoft-ireland").unwrap();
    let deadlines = store.deadlines(Some(case.id)).unwrap();
    let hearings: Vec<_> = store
        .timeline(case.id)
        .unwrap()
        .events
        .into_iter()
        .filter(|e| {
            casetrail_export::ics::is_hearing(e.event.kind) && e.event.date.exact().is_some()
        })
        .collect();
    drop(store);

    let first = dir.path().join("first.ics");
    ok(
        &db,
        &["export", "ics", "Ireland", "-o", first.to_str().unwrap()],
    );
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "a line is over 75 octets"
    );
    let parsed = export_python::run(&py, READ_ICS, &[&first]);
    for parser in ["icalendar", "ical"] {
        let events = events_of(&parsed, parser);
        assert_eq!(events.len(), deadlines.len() + hearings.len(), "{parser}");
        for d in &deadlines {
            let prefix = format!("deadline-{}@", d.id);
            let e = events
                .iter()
                .find(|e| e["uid"].as_str().unwrap().starts_with(&prefix))
                .unwrap_or_else(|| panic!("{parser}: no event for deadline #{}", d.id));
            assert!(e["uid"].as_str().unwrap().ends_with(".casetrail"));
            assert_eq!(e["start"], d.due.to_string(), "{parser}: {}", d.title);
            assert_eq!(e["sequence"], 0);
            let summary = e["summary"].as_str().unwrap();
            let (lead, status, alarms) = match d.status {
                DeadlineStatus::Open => ("", "CONFIRMED", vec![-3 * 86_400]),
                DeadlineStatus::Done => ("Done: ", "CONFIRMED", vec![]),
                DeadlineStatus::Missed => ("Missed: ", "CONFIRMED", vec![]),
                DeadlineStatus::Superseded => ("Superseded: ", "CANCELLED", vec![]),
            };
            assert_eq!(
                summary,
                format!("{lead}{} — {}", d.title, case.name),
                "{parser}"
            );
            assert_eq!(e["status"], status, "{parser}: {summary}");
            assert_eq!(
                e["alarms"],
                serde_json::json!(alarms),
                "{parser}: {summary}"
            );
            if let Some(rule) = &d.rule {
                let description = e["description"].as_str().unwrap();
                assert!(
                    description.contains(&format!("Rule: {rule}")),
                    "{description}"
                );
                assert!(
                    description.contains("How it was computed:"),
                    "{description}"
                );
            }
        }
        let timed = events
            .iter()
            .find(|e| e["summary"].as_str().unwrap().starts_with("Status hearing"))
            .expect("the hearing");
        assert_eq!(timed["start"], "2031-03-04T10:30:00", "{parser}");
        assert_eq!(timed["alarms"], serde_json::json!([-3 * 86_400]));
        assert!(timed["summary"]
            .as_str()
            .unwrap()
            .contains("\"bring exhibits\""));
    }

    // Move the open deadline by a court order: same UIDs, its SEQUENCE rises, no other's.
    let open = deadlines
        .iter()
        .find(|d| d.status == DeadlineStatus::Open)
        .unwrap();
    let id = open.id.to_string();
    ok(
        &db,
        &[
            "deadline-set",
            &id,
            "--ordered",
            "2031-04-15",
            "--note",
            "Order, Dkt. 90",
        ],
    );
    let second = dir.path().join("second.ics");
    ok(
        &db,
        &["export", "ics", "Ireland", "-o", second.to_str().unwrap()],
    );
    let again = export_python::run(&py, READ_ICS, &[&second]);
    for parser in ["icalendar", "ical"] {
        let uids = |v: &Value| {
            let mut u: Vec<String> = events_of(v, parser)
                .iter()
                .map(|e| e["uid"].as_str().unwrap().to_string())
                .collect();
            u.sort();
            u
        };
        assert_eq!(uids(&parsed), uids(&again), "{parser}: UIDs kept");
        for e in events_of(&again, parser) {
            let moved = e["uid"]
                .as_str()
                .unwrap()
                .starts_with(&format!("deadline-{id}@"));
            assert_eq!(e["sequence"], if moved { 1 } else { 0 }, "{parser}: {e}");
            if moved {
                assert_eq!(e["start"], "2031-04-15");
            }
        }
    }

    // Another database holding the same case gives other UIDs.
    let json = dir.path().join("case.json");
    ok(
        &db,
        &["export", "json", "Ireland", "-o", json.to_str().unwrap()],
    );
    let other = dir.path().join("other.db");
    ok(&other, &["import-case", json.to_str().unwrap()]);
    let theirs = dir.path().join("theirs.ics");
    ok(
        &other,
        &["export", "ics", "Ireland", "-o", theirs.to_str().unwrap()],
    );
    let theirs = export_python::run(&py, READ_ICS, &[&theirs]);
    let right = |v: &Value| {
        let uid = events_of(v, "ical")[0]["uid"].as_str().unwrap().to_string();
        uid.split_once('@').unwrap().1.to_string()
    };
    assert_ne!(
        right(&parsed),
        right(&theirs),
        "two databases, two identities"
    );

    // --upcoming: every case's open deadlines from today on: here the one in 2031.
    let upcoming = dir.path().join("upcoming.ics");
    ok(
        &db,
        &[
            "export",
            "ics",
            "--upcoming",
            "-o",
            upcoming.to_str().unwrap(),
        ],
    );
    let up = export_python::run(&py, READ_ICS, &[&upcoming]);
    for parser in ["icalendar", "ical"] {
        let events = events_of(&up, parser);
        assert_eq!(events.len(), 1, "{parser}: {events:?}");
        assert_eq!(events[0]["start"], "2031-04-15");
    }
}

#[test]
fn the_csv_reads_back_row_for_row() {
    let Some(py) = export_python::python() else {
        skip!("target/pyenv is absent (cargo xtask deps makes it)");
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let store = demo_with_hearing(&db);
    let case = store.find_case("microsoft-ireland").unwrap();
    let timeline = store.timeline(case.id).unwrap();
    drop(store);
    let file = dir.path().join("events.csv");
    ok(
        &db,
        &["export", "csv", "Ireland", "-o", file.to_str().unwrap()],
    );
    let rows = export_python::run(&py, READ_CSV, &[&file]);
    let rows = rows.as_array().unwrap();
    assert_eq!(
        rows[0],
        serde_json::json!([
            "date", "court", "docket", "entry", "kind", "outcome", "title", "source"
        ])
    );
    assert_eq!(rows.len(), timeline.events.len() + 1);
    for (row, e) in rows[1..].iter().zip(&timeline.events) {
        assert_eq!(row[0], e.event.date.to_string());
        assert_eq!(row[1], e.court);
        assert_eq!(row[2], e.docket);
        assert_eq!(row[3], e.event.entry.clone().unwrap_or_default());
        assert_eq!(row[4], e.event.kind.label());
        assert_eq!(row[5], e.event.outcome.map(|o| o.label()).unwrap_or(""));
        assert_eq!(row[6], e.event.title, "commas, quotes and all");
        assert_eq!(row[7], e.event.source);
    }
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    ok(&db, &["demo"]);
    let target = dir.path().join("out.json");
    let t = target.to_str().unwrap();
    let missing_dir = dir.path().join("no/such/dir/out.ics");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"casetrail-case/1\", \"case\": ").unwrap();
    let absent = dir.path().join("absent.json");
    let demo_file = dir.path().join("demo.json");
    ok(
        &db,
        &[
            "export",
            "json",
            "Ireland",
            "-o",
            demo_file.to_str().unwrap(),
        ],
    );
    let cases: [(&[&str], &str); 8] = [
        (&["export", "json", "No Such Case", "-o", t], "no case"),
        (
            &[
                "export",
                "ics",
                "Ireland",
                "-o",
                missing_dir.to_str().unwrap(),
            ],
            "does not exist",
        ),
        (
            &[
                "export",
                "csv",
                "Ireland",
                "-o",
                dir.path().to_str().unwrap(),
            ],
            "directory",
        ),
        (
            &["export", "ics", "Ireland", "--upcoming", "-o", t],
            "--upcoming",
        ),
        (&["export", "csv", "Ireland", "--pdf", "-o", t], "--pdf"),
        (&["import-case", bad.to_str().unwrap()], "malformed"),
        (&["import-case", absent.to_str().unwrap()], "cannot read"),
        (&["import-case", demo_file.to_str().unwrap()], "already"),
    ];
    for (args, needle) in cases {
        let out = casetrail(&db, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(needle),
            "{args:?}: {stderr:?} lacks {needle:?}"
        );
        assert!(
            !target.exists() && !missing_dir.exists(),
            "{args:?} wrote a file"
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}
