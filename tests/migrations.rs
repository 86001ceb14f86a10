//! Schema upgrades: every earlier version upgrades to the same schema a fresh
//! database gets, keeps its data, and released migrations never change.

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use casetrail_store::{apply_up_to, ErrorKind, Store, MIGRATIONS, SCHEMA_VERSION};

/// The schema as SQLite reports it, normalised, with the version.
fn schema(path: &std::path::Path) -> (u32, Vec<(String, String, String)>) {
    let conn = Connection::open(path).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            let sql: String = r.get(2)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                sql.split_whitespace().collect::<Vec<_>>().join(" "),
            ))
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    (version, rows)
}

#[test]
fn every_earlier_version_upgrades_to_the_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.db");
    drop(Store::open(&fresh).unwrap());
    let want = schema(&fresh);
    assert_eq!(want.0, SCHEMA_VERSION);
    for start in 0..SCHEMA_VERSION {
        let path = dir.path().join(format!("from-{start}.db"));
        let mut conn = Connection::open(&path).unwrap();
        apply_up_to(&mut conn, start).unwrap();
        drop(conn);
        drop(Store::open(&path).unwrap());
        assert_eq!(
            schema(&path),
            want,
            "upgrade from version {start} differs from a fresh schema"
        );
    }
}

#[test]
fn upgrading_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.db");
    {
        let mut store = Store::open(&path).unwrap();
        casetrail_import::demo::load(&mut store).unwrap();
    }
    // Opening again (a no-op upgrade today, a real one after the next migration) keeps everything.
    let store = Store::open(&path).unwrap();
    let case = store.find_case("Ireland").unwrap();
    assert_eq!(store.timeline(case.id).unwrap().events.len(), 37);
}

#[test]
fn a_database_from_a_newer_casetrail_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 9999;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), casetrail_store::ErrorKind::Schema);
    assert!(err.to_string().contains("newer Casetrail"), "{err}");
    assert_eq!(schema(&path).0, 9999);
    assert_eq!(std::fs::read(&path).unwrap().len(), before.len());
}

/// Released migrations are append-only: their text never changes. When you add
/// a migration, add its hash here; never edit an existing line.
const RELEASED: &[(&str, &str)] = &[
    (
        "0001_initial.sql",
        "0174661389aa85842ee8fa3e5ee92ee95c7c1111bd854b0113a95a727cb21342",
    ),
    (
        "0002_deadlines.sql",
        "af7e1cbcec5a09dda6899e83b6727bdd21c1077681e03730de39417163c3aefe",
    ),
    (
        "0003_documents.sql",
        "e58a713a77149890505030e44e982dff7aa4caa3158b5f2e7a451d53b1db1134",
    ),
    (
        "0004_search_prefix.sql",
        "ada6592edcc9ef2961e15417e8d0378c008ae1bab1c7f2bf07250e07beca60ae",
    ),
    (
        "0005_highlights.sql",
        "5b3909fcb2b95a9ceab548320d7026a29f5bc30ec1fb96b977fdd51b6c8a6e0c",
    ),
    (
        "0006_saved_searches.sql",
        "926b66c5d7416291d3b7aa744b276114261a4db09c2f3422aacf55066426e704",
    ),
    (
        "0007_settings.sql",
        "7f2aba9c1ba40ae147e057fa38765e817740886f648443be64f23572e481001b",
    ),
    (
        "0008_exports.sql",
        "7278b0aa7989d842e66a173d7536cb21427c170923985bf4f333e528370107cc",
    ),
    (
        "0009_dockets.sql",
        "66e67b2be093548b12d792f58f1c14b10be91676c3de2f638180f2b2ae6e38b6",
    ),
    (
        "0010_citations.sql",
        "851aecbed42eab2b341b1642a9a7140ad034773898029c3796fc2f7aec5da0b9",
    ),
    (
        "0011_redactions.sql",
        "91758e4330be3b1cc16aee3c92325df5ddfcfe9a0760cf5fc707b0ea260781ee",
    ),
    (
        "0012_sync.sql",
        "cade31ee12e17cb05855fa0af7cdfaf48ab3f0a11b76f9dea23cb8b1e297ce1c",
    ),
    (
        "0013_migration_names.sql",
        "95086748a6fb804c947c986f236f545a095bb7a706007847b440fb0c60b19db0",
    ),
];

#[test]
fn released_migrations_are_never_edited() {
    assert!(
        RELEASED.len() <= MIGRATIONS.len(),
        "a released migration was removed"
    );
    for ((name, hash), (m_name, sql)) in RELEASED.iter().zip(MIGRATIONS) {
        assert_eq!(name, m_name, "migrations were reordered or renamed");
        let got = format!("{:x}", Sha256::digest(sql.as_bytes()));
        assert_eq!(
            &got, hash,
            "{name} was edited after release: add a new migration instead"
        );
    }
    for (i, (name, _)) in MIGRATIONS.iter().enumerate() {
        assert!(
            name.starts_with(&format!("{:04}_", i + 1)),
            "migration {name} is not numbered {}",
            i + 1
        );
    }
}

/// The names `schema_migrations` holds, in order.
fn recorded(path: &std::path::Path) -> Vec<(u32, String, Option<String>)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn every_migration_is_recorded_by_name_fresh_or_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.db");
    drop(Store::open(&fresh).unwrap());
    let upgraded = dir.path().join("upgraded.db");
    {
        let mut conn = Connection::open(&upgraded).unwrap();
        apply_up_to(&mut conn, 12).unwrap();
    }
    drop(Store::open(&upgraded).unwrap());
    for path in [&fresh, &upgraded] {
        let rows = recorded(path);
        let names: Vec<&str> = rows.iter().map(|(_, n, _)| n.as_str()).collect();
        let ours: Vec<&str> = MIGRATIONS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ours, "{}", path.display());
        assert!(rows.iter().map(|(v, _, _)| *v).eq(1..=SCHEMA_VERSION));
        // Applied by the code from 0013 on: those carry their time.
        assert!(rows.iter().skip(12).all(|(_, _, at)| at.is_some()));
    }
}

/// A database this build wrote, then changed as another build would have:
/// `edit` runs on it; opening it must be refused, naming `named`, the file untouched.
fn refused_from_another_build(edit: &str, named: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other-build.db");
    {
        let mut store = Store::open(&path).unwrap();
        casetrail_import::demo::load(&mut store).unwrap();
    }
    Connection::open(&path)
        .unwrap()
        .execute_batch(edit)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::Schema);
    assert!(err.to_string().contains(named), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file was changed"
    );
    let backups = dir.path().join("backups");
    assert!(
        !backups.exists() || std::fs::read_dir(&backups).unwrap().count() == 0,
        "nothing copied"
    );
    // Restoring it as a backup is refused the same way.
    let live = dir.path().join("live.db");
    let err = casetrail_store::restore(&path, &live).expect_err("restore refused");
    assert!(err.to_string().contains(named), "{err}");
    assert!(!live.exists());
}

#[test]
fn another_migration_under_the_same_number_is_refused_by_name() {
    refused_from_another_build(
        "UPDATE schema_migrations SET name = '0013_branch_only.sql' WHERE version = 13",
        "its migration 13 is 0013_branch_only.sql, where this build has 0013_migration_names.sql",
    );
}

#[test]
fn a_migration_this_build_does_not_know_is_refused_by_name() {
    refused_from_another_build(
        &format!(
            "CREATE TABLE later (x);
             INSERT INTO schema_migrations (version, name) VALUES ({next}, '9999_later.sql');
             PRAGMA user_version = {next};",
            next = SCHEMA_VERSION + 1
        ),
        "it has migration 9999_later.sql, which this build does not know",
    );
}
