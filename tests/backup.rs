//! `casetrail backup`, `restore` and `check` as a user runs them, on real
//! SQLite files and a real imported PDF: a backup restores what it held and
//! keeps the replaced database aside; a backup never overwrites; a restore
//! refuses anything but an intact Casetrail backup and then changes nothing;
//! the check finds a stored file that is missing or altered.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cli_process::{casetrail, ok, ok_json};

const BRIEF: &str = "src-tauri/tests/fixtures/brief-with-citations.pdf";

fn brief() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(BRIEF)
}

/// A database with the demo case and the brief imported.
fn prepared(dir: &Path) -> PathBuf {
    let db = dir.join("data/casetrail.db");
    ok(&db, &["demo"]);
    ok(&db, &["import", "--no-ocr", brief().to_str().unwrap()]);
    db
}

fn case_keys(db: &Path) -> Vec<String> {
    ok_json(db, &["--json", "cases"])["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["slug"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_backup_restores_what_it_held_and_keeps_the_replaced_database_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared(dir.path());
    let backups = dir.path().join("backups");
    fs::create_dir(&backups).unwrap();
    let done = ok_json(&db, &["--json", "backup", backups.to_str().unwrap()]);
    let backup = PathBuf::from(done["path"].as_str().unwrap());
    assert!(backup.starts_with(&backups), "{done}");
    assert!(done["bytes"].as_u64().unwrap() > 0);
    assert!(!backups.read_dir().unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".partial")));

    // A change after the backup, then the restore: the change is gone from the
    // database and kept in the one set aside.
    ok(
        &db,
        &[
            "add-case",
            "--key",
            "after-backup",
            "--name",
            "After the backup",
        ],
    );
    assert!(case_keys(&db).contains(&"after-backup".to_string()));
    let restored = ok_json(&db, &["--json", "restore", backup.to_str().unwrap()]);
    assert!(!case_keys(&db).contains(&"after-backup".to_string()));
    assert!(case_keys(&db).contains(&"microsoft-ireland".to_string()));
    let aside = PathBuf::from(restored["kept_aside"].as_str().expect("kept aside"));
    assert!(case_keys(&aside).contains(&"after-backup".to_string()));
    // The restored database finds its document and the stored file.
    let check = ok_json(&db, &["--json", "check"]);
    assert_eq!(check["documents"], 1, "{check}");
    assert_eq!(check["integrity"], serde_json::json!([]), "{check}");
}

#[test]
fn a_backup_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    ok(&db, &["demo"]);
    let dest = dir.path().join("exists.db");
    fs::write(&dest, b"keep me").unwrap();
    let out = casetrail(&db, &["backup", dest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(fs::read(&dest).unwrap(), b"keep me");
}

#[test]
fn a_restore_refuses_anything_but_an_intact_backup_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared(dir.path());
    let good = dir.path().join("good.db");
    ok(&db, &["backup", good.to_str().unwrap()]);
    let bytes = fs::read(&good).unwrap();
    let garbage = dir.path().join("notes.txt");
    fs::write(
        &garbage,
        b"not a database at all, just some notes\n".repeat(200),
    )
    .unwrap();
    let truncated = dir.path().join("truncated.db");
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let empty = dir.path().join("empty.db");
    rusqlite::Connection::open(&empty)
        .unwrap()
        .execute_batch("CREATE TABLE t(x)")
        .unwrap();
    let before = case_keys(&db);
    for bad in [&garbage, &truncated, &empty, &dir.path().join("absent.db")] {
        let out = casetrail(&db, &["restore", bad.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", bad.display());
        assert!(
            err.contains("not a Casetrail backup") || err.contains("cannot be opened"),
            "{}: {err}",
            bad.display()
        );
        assert_eq!(case_keys(&db), before, "{}", bad.display());
    }
    let leftovers: Vec<_> = fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial") || n.contains("before-restore"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_check_finds_a_stored_file_altered_or_missing() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared(dir.path());
    let text = ok(&db, &["check"]);
    assert!(
        text.contains("intact") && text.contains("1 read and hashed"),
        "{text}"
    );

    let stored: Vec<PathBuf> = walk(&db.parent().unwrap().join("documents"));
    assert_eq!(stored.len(), 1, "{stored:?}");
    let mut bytes = fs::read(&stored[0]).unwrap();
    bytes.push(b'\n');
    fs::write(&stored[0], &bytes).unwrap();
    let out = casetrail(&db, &["--json", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["altered"].as_array().unwrap().len(), 1, "{report}");

    fs::remove_file(&stored[0]).unwrap();
    let out = casetrail(&db, &["--json", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["missing"].as_array().unwrap().len(), 1, "{report}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
