//! `casetrail search --save` and `casetrail saved`, run as a process on a real database file.

use crate::cli_process;

use cli_process::{casetrail, ok, ok_json};

#[test]
fn a_saved_search_shows_an_event_logged_later_as_new_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    ok(&db, &["demo"]);

    // Saving prints the plain search output, then where it was saved.
    let plain = ok(&db, &["search", "Dublin"]);
    let saved = ok(&db, &["search", "Dublin", "--save", "Dublin"]);
    assert!(saved.starts_with(&plain), "{saved}");
    assert!(saved.contains("Saved as \"Dublin\""), "{saved}");
    // With --json stdout stays one document, the same as a plain search's.
    let saving = ok_json(&db, &["--json", "search", "Ireland", "--save", "Ireland"]);
    assert_eq!(saving, ok_json(&db, &["--json", "search", "Ireland"]));
    assert!(!saving["hits"].as_array().unwrap().is_empty());

    let list = ok_json(&db, &["--json", "saved"]);
    assert_eq!(list["saved"].as_array().unwrap().len(), 2);
    assert_eq!(list["saved"][0]["new_hits"], 0);

    ok(
        &db,
        &[
            "log",
            "--case",
            "Ireland",
            "--proceeding",
            "14-2985",
            "--date",
            "2016-08-01",
            "--kind",
            "letter",
            "--title",
            "Letter on the Dublin servers",
        ],
    );
    let list = ok_json(&db, &["--json", "saved"]);
    assert_eq!(list["saved"][0]["search"]["name"], "Dublin");
    assert_eq!(list["saved"][0]["new_hits"], 1);
    assert!(ok(&db, &["saved"]).contains("1 new"));

    // Showing it marks the new hit and then records it as seen.
    let shown = ok(&db, &["saved", "dublin"]);
    assert!(shown.contains("1 new"), "{shown}");
    let new_lines: Vec<_> = shown.lines().filter(|l| l.starts_with("NEW ")).collect();
    assert_eq!(new_lines.len(), 1, "{shown}");
    assert!(
        new_lines[0].contains("Letter on the Dublin servers"),
        "{shown}"
    );
    assert_eq!(
        ok_json(&db, &["--json", "saved"])["saved"][0]["new_hits"],
        0
    );

    // Bad input exits 2 and saves nothing.
    let out = casetrail(&db, &["search", "( * )", "--save", "Nothing"]);
    assert_eq!(out.status.code(), Some(2));
    let out = casetrail(&db, &["saved", "no such search"]);
    assert_eq!(out.status.code(), Some(2));

    ok(&db, &["saved", "Dublin", "--delete"]);
    assert_eq!(
        ok_json(&db, &["--json", "saved"])["saved"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
