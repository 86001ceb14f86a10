//! Running the `casetrail` CLI as a process on a database file, for the CLI tests.
#![allow(dead_code)] // each test file takes what it needs

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// `casetrail --db DB ARGS…`, with `CASETRAIL_DB` unset.
pub fn casetrail(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CASETRAIL_DB")
        .output()
        .expect("run casetrail")
}

/// Its standard output, after checking that it succeeded.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = casetrail(db, args);
    assert!(
        out.status.success(),
        "casetrail {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Its standard output as the one JSON document it must be.
pub fn ok_json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).expect("one JSON document on stdout")
}
