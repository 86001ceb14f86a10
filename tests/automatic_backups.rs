//! The automatic backups on real SQLite files: a database from an older
//! schema is copied before it is upgraded (the copy holds the old data and
//! passes the check once restored); the daily copy is written once a day and
//! the last seven kept, never the pre-migration or manual ones deleted; a
//! backups folder that cannot be written is a warning (the CLI prints it)
//! and the data stays as it was; with no room for the copy anywhere (a 2 MB
//! tmpfs, as root) the database is not upgraded and stays as it was.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use casetrail_store::backups::{self, BackupKind, DAILY_KEPT};
use casetrail_store::{apply_up_to, Store, SCHEMA_VERSION};

use casetrail_fixtures::disk::SmallDisk;

use crate::cli_process::casetrail;

/// A database at the schema before this build's, holding one case.
fn old_database(dir: &Path) -> PathBuf {
    let db = dir.join("data/casetrail.db");
    fs::create_dir_all(db.parent().unwrap()).unwrap();
    let mut conn = Connection::open(&db).unwrap();
    apply_up_to(&mut conn, SCHEMA_VERSION - 1).unwrap();
    conn.execute(
        "INSERT INTO cases (slug, name, created_at, updated_at)
         VALUES ('old-case', 'A case from before', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
    db
}

/// A database at this build's schema holding the demo case.
fn demo_database(dir: &Path) -> PathBuf {
    let db = dir.join("data/casetrail.db");
    let mut store = Store::open(&db).unwrap();
    casetrail_import::demo::load(&mut store).unwrap();
    db
}

fn schema_of(path: &Path) -> u32 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn an_older_database_is_backed_up_before_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let db = old_database(dir.path());
    let store = Store::open(&db).unwrap();
    assert!(
        store.backup_warnings().is_empty(),
        "{:?}",
        store.backup_warnings()
    );
    assert!(store.find_case("before").is_ok());

    let files = backups::list(&db).unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].kind, BackupKind::BeforeMigration(SCHEMA_VERSION));
    let name = files[0].path.file_name().unwrap().to_string_lossy();
    assert!(
        name.starts_with(&format!("casetrail-before-{SCHEMA_VERSION}-")),
        "{name}"
    );
    // The copy holds the database as it was: the old schema and its case.
    assert_eq!(schema_of(&files[0].path), SCHEMA_VERSION - 1);

    // Restored elsewhere, it opens (upgraded then) and passes the check.
    let elsewhere = dir.path().join("restored/casetrail.db");
    casetrail_store::restore(&files[0].path, &elsewhere).unwrap();
    let restored = Store::open(&elsewhere).unwrap();
    assert!(restored.check().unwrap().is_ok());
    assert_eq!(restored.find_case("before").unwrap().slug, "old-case");

    // Opening the upgraded database again copies nothing more.
    drop(store);
    drop(Store::open(&db).unwrap());
    assert_eq!(backups::list(&db).unwrap().len(), 1);
}

#[test]
fn a_new_database_is_not_copied() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("casetrail.db");
    let mut store = Store::open(&db).unwrap();
    assert!(store.daily_backup().is_none());
    assert!(!backups::folder(&db).exists());
    assert!(store.backup_status().unwrap().last.is_none());
}

#[test]
fn the_daily_backup_is_written_once_a_day_and_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    let folder = backups::folder(&db);
    fs::create_dir_all(&folder).unwrap();
    // Nine older daily copies, a pre-migration one and a manual one, all
    // older than any daily copy kept.
    for day in 1..=9 {
        fs::write(
            folder.join(format!("casetrail-daily-202501{day:02}T080000000Z.db")),
            b"old",
        )
        .unwrap();
    }
    let kept = [
        "casetrail-before-3-20241201T080000000Z.db",
        "casetrail-manual-20241202T080000000Z.db",
        "unrelated.db",
    ];
    for name in kept {
        fs::write(folder.join(name), b"keep").unwrap();
    }

    let mut store = Store::open(&db).unwrap();
    let done = store.daily_backup().expect("a daily backup is due");
    assert!(
        store.backup_warnings().is_empty(),
        "{:?}",
        store.backup_warnings()
    );
    assert_eq!(done.schema, SCHEMA_VERSION);
    // Not due again the same day.
    assert!(store.daily_backup().is_none());

    let daily: Vec<String> = backups::list(&db)
        .unwrap()
        .into_iter()
        .filter(|f| f.kind == BackupKind::Daily)
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(daily.len(), DAILY_KEPT, "{daily:?}");
    // The newest kept: today's and the six latest old ones.
    assert!(daily.contains(
        &done
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    ));
    assert!(!daily
        .iter()
        .any(|n| n.contains("20250101") || n.contains("20250103")));
    assert!(daily.iter().any(|n| n.contains("20250104")), "{daily:?}");
    for name in kept {
        assert!(folder.join(name).exists(), "{name} was deleted");
    }

    // The copy is a database that passes the check once restored.
    let elsewhere = dir.path().join("restored/casetrail.db");
    casetrail_store::restore(&done.path, &elsewhere).unwrap();
    assert!(Store::open(&elsewhere).unwrap().check().unwrap().is_ok());

    let status = store.backup_status().unwrap();
    assert_eq!(status.last_path.as_deref(), done.path.to_str());
}

/// Make the backups folder unusable even for root: a read-only file where the folder should be.
fn block_backups_folder(db: &Path) {
    let folder = backups::folder(db);
    fs::write(&folder, b"not a folder").unwrap();
    let mut perms = fs::metadata(&folder).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&folder, perms).unwrap();
}

#[test]
fn a_backups_folder_that_cannot_be_written_is_a_warning_and_the_data_is_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    block_backups_folder(&db);

    let mut store = Store::open(&db).unwrap();
    assert!(store.daily_backup().is_none());
    let warnings = store.backup_warnings().to_vec();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("daily backup"), "{warnings:?}");
    let case = store.find_case("Ireland").unwrap();
    assert_eq!(store.timeline(case.id).unwrap().events.len(), 37);
    assert!(store.check().unwrap().is_ok());
    let status = store.backup_status().unwrap();
    assert!(status.last.is_none());
    assert_eq!(status.warnings[0], warnings[0]);
    drop(store);

    // The CLI says so on stderr and goes on.
    let out = casetrail(&db, &["cases"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: the daily backup was not written"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ireland"));
}

#[test]
fn an_upgrade_whose_backups_folder_cannot_be_written_copies_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = old_database(dir.path());
    block_backups_folder(&db);

    let store = Store::open(&db).unwrap();
    let warnings = store.backup_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("beside the database"), "{warnings:?}");
    assert_eq!(store.find_case("before").unwrap().slug, "old-case");
    let beside: Vec<PathBuf> = fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("casetrail-before-")
        })
        .collect();
    assert_eq!(beside.len(), 1, "{beside:?}");
    assert_eq!(schema_of(&beside[0]), SCHEMA_VERSION - 1);
}

#[test]
fn a_daily_backup_dated_in_the_future_does_not_stop_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    let folder = backups::folder(&db);
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("casetrail-daily-20990101T000000000Z.db"), b"x").unwrap();
    let mut store = Store::open(&db).unwrap();
    assert!(store.daily_backup().is_some());
}

#[test]
fn an_upgrade_with_no_room_for_its_backup_is_refused_and_the_data_is_intact() {
    let Some(disk) = SmallDisk::mount("2m") else {
        casetrail_fixtures::skip!("mounting a small tmpfs needs root");
    };
    // An older database of about 1.3 MB on a 2 MB disk: no room for its copy anywhere.
    let dir = tempfile::tempdir().unwrap();
    let built = old_database(dir.path());
    {
        let conn = Connection::open(&built).unwrap();
        conn.execute(
            "UPDATE cases SET summary = ?1",
            [format!("{MARKER} {}", "x".repeat(900_000))],
        )
        .unwrap();
        conn.execute_batch("VACUUM").unwrap();
    }
    let size = fs::metadata(&built).unwrap().len();
    assert!((1_100_000..1_600_000).contains(&size), "{size} bytes");
    let db = disk.path().join("casetrail.db");
    fs::copy(&built, &db).unwrap();

    let err = Store::open(&db)
        .err()
        .expect("no upgrade without its backup");
    let message = err.to_string();
    assert!(message.contains("was not upgraded"), "{message}");
    assert!(matches!(err, casetrail_store::Error::Schema(_)), "{err:?}");

    // The database is as it was: the old schema, its data, intact; no partial copies left.
    assert_eq!(schema_of(&db), SCHEMA_VERSION - 1);
    let conn = Connection::open(&db).unwrap();
    let summary: String = conn
        .query_row(
            "SELECT summary FROM cases WHERE slug = 'old-case'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(summary.starts_with(MARKER));
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let mut left: Vec<String> = Vec::new();
    for e in fs::read_dir(disk.path()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.contains("before-") || name.contains(".partial") {
            left.push(name);
        }
    }
    for e in fs::read_dir(backups::folder(&db)).into_iter().flatten() {
        left.push(e.unwrap().file_name().to_string_lossy().into_owned());
    }
    assert!(left.is_empty(), "{left:?}");
}

const MARKER: &str = "kept-as-it-was";
