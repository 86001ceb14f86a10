//! An import killed with SIGKILL at chosen moments leaves a consistent store,
//! and the next import finishes the job: the real `casetrail import` as a child
//! process on a real database file, over PDFs written here (so the test needs
//! nothing from `../shared`). `benches/trust.rs` runs 100 such trials over the
//! corpus.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use casetrail_store::Library;

/// Start `casetrail import --no-ocr inputs` on `db`, kill it after `after`, and
/// return whether it had already finished.
pub fn import_killed_after(bin: &Path, db: &Path, inputs: &Path, after: Duration) -> bool {
    let mut child = Command::new(bin)
        .arg("--db")
        .arg(db)
        .args(["--json", "import", "--no-ocr"])
        .arg(inputs)
        .env_remove("CASETRAIL_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start casetrail import");
    std::thread::sleep(after);
    let finished = matches!(child.try_wait(), Ok(Some(_)));
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    finished
}

/// The store's invariants after a crash: SQLite's integrity check passes;
/// every document row has its stored file (hashing to its SHA-256) and all its
/// pages; a stored file without a row is allowed only as the file of one of
/// the inputs (the next import gives it its row).
pub fn check_store(db: &Path, inputs: &HashSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    if !db.exists() {
        return problems; // killed before the database was made
    }
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the database read-only");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    if integrity != "ok" {
        problems.push(format!("integrity_check: {integrity}"));
    }
    // Killed while the first open was still migrating: each migration is its
    // own transaction, so the schema stops at one of them; the next open goes on.
    let has_documents: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'documents'",
            [],
            |r| r.get(0),
        )
        .expect("schema query");
    if !has_documents {
        return problems;
    }
    let library = Library::beside_database(db);
    let mut stmt = conn
        .prepare(
            "SELECT d.sha256, d.page_count, (SELECT count(*) FROM pages p WHERE p.document_id = d.id)
             FROM documents d",
        )
        .expect("documents query");
    let rows: Vec<(String, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("documents")
        .map(|r| r.expect("row"))
        .collect();
    let mut known = HashSet::new();
    for (sha, page_count, pages) in rows {
        let path = library.path_of(&sha);
        match casetrail_store::sha256_file(&path) {
            Ok(h) if h == sha => {}
            Ok(h) => problems.push(format!("{} hashes to {h}", path.display())),
            Err(e) => problems.push(format!("document {sha} has no stored file: {e}")),
        }
        if page_count != pages {
            problems.push(format!(
                "document {sha}: {pages} of {page_count} pages stored"
            ));
        }
        known.insert(sha);
    }
    for file in library_files(&library_root(db)) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(sha) = name.strip_suffix(".pdf") {
            if !known.contains(sha) && !inputs.contains(sha) {
                problems.push(format!(
                    "{} belongs to no document and no input",
                    file.display()
                ));
            }
        }
    }
    problems
}

pub fn library_root(db: &Path) -> PathBuf {
    db.parent().unwrap().join("documents")
}

/// Every file under the library (temporary ones included).
pub fn library_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for shard in std::fs::read_dir(root).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(shard.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            out.push(f.path());
        }
    }
    out
}

/// Twelve four-page filings written into `dir` (made if missing).
pub fn write_filings(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..12 {
        let lines: Vec<String> = (0..40)
            .map(|l| format!("Filing {i}, line {l}: the motion to quash the warrant is denied."))
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let pages: Vec<&[&str]> = (0..4).map(|_| &lines[..]).collect();
        let pdf = casetrail_fixtures::pdfs::text_pdf(&pages);
        std::fs::write(dir.join(format!("filing-{i:02}.pdf")), pdf).unwrap();
    }
}

/// The SHA-256 of every PDF in `dir`.
pub fn input_hashes(dir: &Path) -> HashSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .filter_map(|p| casetrail_store::sha256_file(&p).ok())
        .collect()
}

/// The SHA-256 of every document in `db`.
pub fn documents(db: &Path) -> HashSet<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn.prepare("SELECT sha256 FROM documents").unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.map(|r| r.unwrap()).collect()
}

/// After a second, uninterrupted import: every input an uncut import takes
/// (`expected`) is a document with all its pages, and the library holds
/// exactly their files (no temporary files).
pub fn check_finished(db: &Path, expected: &HashSet<String>) -> Vec<String> {
    let mut problems = check_store(db, expected);
    let stored = documents(db);
    for sha in expected.difference(&stored) {
        problems.push(format!("input {sha} was not imported by the second import"));
    }
    for file in library_files(&library_root(db)) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let named = name
            .strip_suffix(".pdf")
            .is_some_and(|s| stored.contains(s));
        if !named {
            problems.push(format!("{} left in the library", file.display()));
        }
    }
    problems
}

#[test]
fn an_import_killed_at_any_moment_leaves_a_consistent_store_and_the_next_one_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("filings");
    write_filings(&inputs);
    let hashes = input_hashes(&inputs);
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_casetrail"));
    // From before the database exists to past the end of the import.
    let mut cut_short = 0;
    for (trial, ms) in [5u64, 60, 150, 300, 600, 1200].into_iter().enumerate() {
        let db = dir.path().join(format!("trial-{trial}/casetrail.db"));
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        let finished = import_killed_after(&bin, &db, &inputs, Duration::from_millis(ms));
        cut_short += usize::from(!finished && db.exists());
        let problems = check_store(&db, &hashes);
        assert!(
            problems.is_empty(),
            "trial {trial} (killed at {ms} ms): {problems:#?}"
        );
        let out = Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["--json", "import", "--no-ocr"])
            .arg(&inputs)
            .env_remove("CASETRAIL_DB")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let problems = check_finished(&db, &hashes);
        assert!(
            problems.is_empty(),
            "trial {trial}, after the next import: {problems:#?}"
        );
    }
    assert!(
        cut_short >= 2,
        "only {cut_short} kills landed during an import"
    );
}
