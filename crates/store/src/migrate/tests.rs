//! The name check and the one-transaction upgrade, on small made-up lists.

use super::*;

const KNOWN: &[&str] = &["0001_a.sql", "0002_b.sql", "0003_c.sql"];

fn rows(names: &[&str]) -> Vec<(u32, String)> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| (i as u32 + 1, n.to_string()))
        .collect()
}

#[test]
fn the_same_names_pass_and_an_older_prefix_too() {
    assert_eq!(check(3, Some(&rows(KNOWN)), KNOWN), Ok(()));
    assert_eq!(check(2, Some(&rows(&KNOWN[..2])), KNOWN), Ok(()));
    assert_eq!(check(0, None, KNOWN), Ok(()));
}

#[test]
fn another_migration_under_a_known_number_is_named() {
    let theirs = rows(&["0001_a.sql", "0002_other.sql"]);
    let why = check(2, Some(&theirs), KNOWN).unwrap_err();
    assert!(
        why.contains("its migration 2 is 0002_other.sql, where this build has 0002_b.sql"),
        "{why}"
    );
}

#[test]
fn a_migration_this_build_does_not_know_is_named() {
    let theirs = rows(&["0001_a.sql", "0002_b.sql", "0003_c.sql", "0004_new.sql"]);
    let why = check(4, Some(&theirs), KNOWN).unwrap_err();
    assert!(
        why.contains("it has migration 0004_new.sql, which this build does not know"),
        "{why}"
    );
    assert!(why.contains("knows up to 0003_c.sql"), "{why}");
}

#[test]
fn records_that_disagree_with_the_version_are_refused() {
    let why = check(3, Some(&rows(&KNOWN[..2])), KNOWN).unwrap_err();
    assert!(
        why.contains("says schema 3 but records migrations 0001_a.sql, 0002_b.sql"),
        "{why}"
    );
    let gap = vec![(1, "0001_a.sql".to_owned()), (3, "0003_c.sql".to_owned())];
    assert!(check(3, Some(&gap), KNOWN).is_err());
    let zero = vec![(0, "0001_a.sql".to_owned())];
    assert!(check(1, Some(&zero), KNOWN).is_err());
}

#[test]
fn a_failing_migration_leaves_the_database_as_it_was() {
    let mut conn = Connection::open_in_memory().unwrap();
    let list: &[(&str, &str)] = &[
        ("0001_a.sql", "CREATE TABLE a (x);"),
        (
            "0002_b.sql",
            "CREATE TABLE b (x); INSERT INTO a VALUES (1);",
        ),
        (
            "0003_c.sql",
            "CREATE TABLE c (x); INSERT INTO nowhere VALUES (1);",
        ),
    ];
    run(&mut conn, &list[..1], 0, 1).unwrap();
    let err = run(&mut conn, list, 1, 3).unwrap_err().to_string();
    assert!(err.contains("migration 0003_c.sql failed"), "{err}");
    assert!(err.contains("left at schema 1"), "{err}");
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "not half-upgraded");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(tables, ["a"], "0002's table went with 0003's failure");
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM a", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}
