//! The calendar feed (`casetrail_import::export::feed`, which the app's feed
//! thread calls whenever the database changed) on the demo case: read back
//! by both calendar parsers, the same UIDs as `casetrail export ics`, not
//! rewritten when nothing it holds changed, and a superseded deadline
//! cancelled with its SEQUENCE raised.

use std::collections::BTreeMap;

use casetrail_deadline::{DeadlineStatus, NewDeadline};
use casetrail_fixtures::skip;
use casetrail_import::export::feed::{CalendarFeed, FILE_NAME};
use casetrail_model::NewCase;
use casetrail_store::Store;
use serde_json::Value;

use crate::cli_process::ok;
use crate::export_python::{self, READ_ICS};

fn by_uid(parsed: &Value, parser: &str) -> BTreeMap<String, Value> {
    parsed[parser]
        .as_array()
        .expect("a list of events")
        .iter()
        .map(|e| (e["uid"].as_str().unwrap().to_string(), e.clone()))
        .collect()
}

#[test]
fn the_feed_holds_every_case_and_changes_only_when_a_deadline_does() {
    let Some(py) = export_python::python() else {
        skip!("target/pyenv with icalendar and ical is absent (cargo xtask deps makes it)");
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    ok(&db, &["demo"]);
    let mut store = Store::open(&db).unwrap();
    // A second case with a deadline of its own: the feed is every case's.
    let other = store
        .write(|w| {
            let c = w.add_case(&NewCase {
                slug: "doe-v-acme".into(),
                name: "Doe v. Acme".into(),
                summary: String::new(),
            })?;
            w.add_deadline(&NewDeadline {
                case_id: c.id,
                proceeding_id: None,
                title: "Opposition to the motion to dismiss".into(),
                due: "2031-05-02".parse().unwrap(),
                notes: String::new(),
            })
        })
        .unwrap();

    let mut feed = CalendarFeed::beside_database(&db);
    assert_eq!(feed.path(), dir.path().join(FILE_NAME));
    assert!(
        feed.refresh(&mut store).unwrap(),
        "the first refresh writes the feed"
    );
    let first = export_python::run(&py, READ_ICS, &[feed.path()]);
    let a = by_uid(&first, "icalendar");
    assert_eq!(
        a,
        by_uid(&first, "ical"),
        "both parsers read the same events"
    );
    let all = store.deadlines(None).unwrap();
    assert!(all.len() >= 2);
    let deadline_uids: Vec<_> = a.keys().filter(|u| u.starts_with("deadline-")).collect();
    assert_eq!(
        deadline_uids.len(),
        all.len(),
        "every case's deadlines: {a:?}"
    );
    assert!(a
        .values()
        .any(|e| e["summary"].as_str().unwrap().contains("Opposition")));

    // The same UIDs as the case's own calendar export.
    let case_ics = dir.path().join("ireland.ics");
    ok(
        &db,
        &[
            "export",
            "ics",
            "microsoft-ireland",
            "-o",
            case_ics.to_str().unwrap(),
        ],
    );
    let case = by_uid(
        &export_python::run(&py, READ_ICS, &[&case_ics]),
        "icalendar",
    );
    for uid in case.keys() {
        assert!(
            a.contains_key(uid),
            "{uid} of the case export is in the feed"
        );
    }

    // Nothing changed: not rewritten.
    let before = std::fs::read(feed.path()).unwrap();
    assert!(!feed.refresh(&mut store).unwrap());
    assert_eq!(std::fs::read(feed.path()).unwrap(), before);

    // A superseded deadline: cancelled, its SEQUENCE raised, the others kept.
    store
        .set_deadline_status(other.id, DeadlineStatus::Superseded)
        .unwrap();
    assert!(feed.refresh(&mut store).unwrap());
    let second = by_uid(
        &export_python::run(&py, READ_ICS, &[feed.path()]),
        "icalendar",
    );
    assert_eq!(
        second.keys().collect::<Vec<_>>(),
        a.keys().collect::<Vec<_>>()
    );
    let changed: Vec<_> = second
        .iter()
        .filter(|(uid, e)| e["sequence"] != a[*uid]["sequence"])
        .collect();
    assert_eq!(changed.len(), 1, "only the superseded deadline changed");
    let (_, e) = changed[0];
    assert_eq!(e["status"], "CANCELLED");
    assert!(e["sequence"].as_i64().unwrap() > a[changed[0].0]["sequence"].as_i64().unwrap());

    // The file removed by someone: written again.
    std::fs::remove_file(feed.path()).unwrap();
    assert!(feed.refresh(&mut store).unwrap());
    assert!(feed.path().is_file());
}

#[test]
fn a_feed_that_cannot_be_written_is_an_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    ok(&db, &["demo"]);
    let mut store = Store::open(&db).unwrap();
    // The feed's name taken by a directory: the rename cannot replace it.
    std::fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    let mut feed = CalendarFeed::beside_database(&db);
    let err = feed.refresh(&mut store).unwrap_err();
    assert!(err.to_string().contains(FILE_NAME), "{err}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
