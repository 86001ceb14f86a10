//! `casetrail connect`, `sync` and `conflicts` as processes: desktops are
//! separate SQLite files run by the real binary, against a throwaway
//! PostgreSQL cluster (`cluster_or_skip!`).

use std::path::{Path, PathBuf};
use std::process::Output;

use casetrail_fixtures::cluster::{free_port, Cluster, ADMIN_PASSWORD};
use casetrail_fixtures::cluster_or_skip;
use serde_json::Value;

use crate::cli_process::{casetrail, ok, ok_json};

fn password(user: &str) -> String {
    user.chars().rev().collect()
}

/// A fresh firm: the schema and alice, bob and carol (password files in `dir`).
fn firm(pg: &Cluster, dir: &Path) {
    let admin = pg.admin_url();
    let server = |args: &[&str]| {
        let out = casetrail(&dir.join("none.db"), &[&["server"], args].concat());
        assert!(out.status.success(), "server {args:?}: {out:?}");
    };
    server(&["init", "--url", &admin]);
    for user in ["alice", "bob", "carol"] {
        let file = pw_file(dir, user);
        server(&[
            "user",
            "add",
            user,
            "--url",
            &admin,
            "--password-file",
            &file,
        ]);
    }
}

fn pw_file(dir: &Path, user: &str) -> String {
    let path = dir.join(format!("{user}.pw"));
    std::fs::write(&path, format!("{}\n", password(user))).unwrap();
    path.display().to_string()
}

/// One person's desktop: a database file tied to the server as them.
struct Desktop {
    db: PathBuf,
    pw: String,
}

impl Desktop {
    fn connect(pg: &Cluster, dir: &Path, user: &str) -> Desktop {
        let desk = Desktop {
            db: dir.join(format!("{user}.db")),
            pw: pw_file(dir, user),
        };
        let url = pg.url(user, None);
        ok(
            &desk.db,
            &[
                "connect",
                "--url",
                &url,
                "--user",
                user,
                "--password-file",
                &desk.pw,
            ],
        );
        desk
    }

    fn run(&self, args: &[&str]) -> Output {
        casetrail(&self.db, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        ok(&self.db, args)
    }

    /// `sync --json`: (pushed, pulled, conflicts).
    fn sync(&self) -> (u64, u64, u64) {
        let out = self.ok(&["--json", "sync", "--password-file", &self.pw]);
        let v: Value = serde_json::from_str(&out).expect("one JSON line");
        assert_eq!(out.trim_end().lines().count(), 1, "{out}");
        let n = |k: &str| v[k].as_u64().expect(k);
        (n("pushed"), n("pulled"), n("conflicts"))
    }

    fn conflicts(&self) -> Vec<Value> {
        ok_json(&self.db, &["--json", "conflicts"])
            .as_array()
            .cloned()
            .unwrap()
    }
}

/// Alice's case with a proceeding and one event, pushed, and bob on it.
fn acme(pg: &Cluster, alice: &Desktop) {
    alice.ok(&["add-case", "--key", "acme", "--name", "Acme v. Widget"]);
    alice.ok(&[
        "add-proceeding",
        "--case",
        "acme",
        "--court",
        "nysd",
        "--docket",
        "1:24-cv-1",
    ]);
    log(alice, "Complaint", "complaint");
    assert_eq!(alice.sync(), (3, 0, 0));
    grant(pg, "Acme v. Widget", "bob");
}

fn log(desk: &Desktop, title: &str, kind: &str) {
    desk.ok(&[
        "log",
        "--case",
        "acme",
        "--date",
        "2024-03-01",
        "--kind",
        kind,
        "--title",
        title,
    ]);
}

fn grant(pg: &Cluster, case: &str, user: &str) {
    let out = casetrail(
        Path::new("/nonexistent.db"),
        &["server", "grant", case, user, "--url", &pg.admin_url()],
    );
    assert!(out.status.success(), "{out:?}");
}

/// Exit code 2 and a one-line message on stderr.
fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}

fn case_json(desk: &Desktop) -> Value {
    let cases = ok_json(&desk.db, &["--json", "cases"]);
    cases["cases"]
        .as_array()
        .unwrap()
        .first()
        .cloned()
        .unwrap_or(Value::Null)
}

#[test]
fn an_event_logged_on_one_desktop_appears_on_the_other() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    firm(&pg, dir.path());
    let alice = Desktop::connect(&pg, dir.path(), "alice");
    acme(&pg, &alice);
    let bob = Desktop::connect(&pg, dir.path(), "bob");
    assert_eq!(bob.sync(), (0, 3, 0));
    assert!(bob.ok(&["timeline", "acme"]).contains("Complaint"));
    // And back: bob's event reaches alice.
    log(&bob, "Answer", "response");
    assert_eq!(bob.sync(), (1, 0, 0));
    assert_eq!(alice.sync(), (0, 1, 0));
    assert!(alice.ok(&["timeline", "acme"]).contains("Answer"));
    // Nothing new: nothing moves, nothing is applied twice.
    assert_eq!(alice.sync(), (0, 0, 0));
    assert_eq!(bob.sync(), (0, 0, 0));
}

#[test]
fn the_same_field_edited_on_both_desktops_converges_with_a_conflict_listed() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    firm(&pg, dir.path());
    let alice = Desktop::connect(&pg, dir.path(), "alice");
    acme(&pg, &alice);
    let bob = Desktop::connect(&pg, dir.path(), "bob");
    bob.sync();
    // Offline, both rename the case; alice also edits the summary alone.
    alice.ok(&[
        "edit-case",
        "acme",
        "--name",
        "Acme (alice)",
        "--summary",
        "Breach",
    ]);
    bob.ok(&["edit-case", "acme", "--name", "Acme (bob)"]);
    alice.sync();
    let (_, _, bob_conflicts) = bob.sync();
    let (_, _, alice_conflicts) = alice.sync();
    assert_eq!((alice_conflicts, bob_conflicts), (1, 1));
    let (a, b) = (case_json(&alice), case_json(&bob));
    assert_eq!(a["name"], b["name"]);
    assert_eq!(a["name"], "Acme (bob)", "the later edit wins");
    assert_eq!(
        b["summary"], "Breach",
        "a field edited on one side only is kept"
    );
    for desk in [&alice, &bob] {
        let list = desk.conflicts();
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0]["field"], "name");
        assert_eq!(list[0]["kept"], "Acme (bob)");
        assert_eq!(list[0]["lost"], "Acme (alice)");
        assert_eq!(list[0]["kept_author"], "bob");
    }
    assert!(alice.ok(&["conflicts"]).contains("kept \"Acme (bob)\""));
}

#[test]
fn a_push_retried_or_run_twice_creates_nothing_twice() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    firm(&pg, dir.path());
    let alice = Desktop::connect(&pg, dir.path(), "alice");
    acme(&pg, &alice);
    let count = || {
        pg.psql_ok(
            "alice",
            &password("alice"),
            "SELECT count(*) FROM casetrail.operations",
        )
    };
    assert_eq!(count(), "3");
    // Connecting again under another spelling of the URL forgets the push
    // cursor, as a push cut off before its local commit would: everything
    // is sent again, and the server keeps each operation once.
    let url = format!("{}?connect_timeout=5", pg.url("alice", None));
    alice.ok(&[
        "connect",
        "--url",
        &url,
        "--user",
        "alice",
        "--password-file",
        &alice.pw,
    ]);
    assert_eq!(alice.sync(), (0, 0, 0));
    assert_eq!(count(), "3");
    assert_eq!(alice.sync(), (0, 0, 0));
}

#[test]
fn a_walled_off_desktop_receives_none_of_the_case() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    firm(&pg, dir.path());
    let alice = Desktop::connect(&pg, dir.path(), "alice");
    acme(&pg, &alice);
    let carol = Desktop::connect(&pg, dir.path(), "carol");
    assert_eq!(carol.sync(), (0, 0, 0));
    assert_eq!(case_json(&carol), Value::Null);
    // Revoked: bob's later edits are refused (exit 2), kept locally.
    let bob = Desktop::connect(&pg, dir.path(), "bob");
    bob.sync();
    let out = casetrail(
        Path::new("/nonexistent.db"),
        &[
            "server",
            "revoke",
            "Acme v. Widget",
            "bob",
            "--url",
            &pg.admin_url(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    log(&bob, "Bob's motion", "motion");
    let err = refused(&bob.run(&["sync", "--password-file", &bob.pw]));
    assert!(err.contains("permission denied"), "{err}");
    assert!(bob.ok(&["timeline", "acme"]).contains("Bob's motion"));
    log(&alice, "Alice's reply", "reply");
    alice.sync();
    assert_eq!(carol.sync(), (0, 0, 0));
    // Off the case, bob receives nothing more of it.
    refused(&bob.run(&["sync", "--password-file", &bob.pw]));
    assert!(!bob.ok(&["timeline", "acme"]).contains("Alice's reply"));
}

#[test]
fn an_unreachable_server_or_a_wrong_password_is_exit_2_and_loses_nothing() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    firm(&pg, dir.path());
    let dead = format!("postgres://alice@127.0.0.1:{}/postgres", free_port());
    let nowhere = dir.path().join("nowhere.db");
    let pw = pw_file(dir.path(), "alice");
    let err = refused(&casetrail(
        &nowhere,
        &[
            "connect",
            "--url",
            &dead,
            "--user",
            "alice",
            "--password-file",
            &pw,
        ],
    ));
    assert!(err.contains("cannot reach the server"), "{err}");
    let err = refused(&casetrail(&nowhere, &["sync"]));
    assert!(err.contains("not connected"), "{err}");
    let with_password = pg.url("alice", Some("ecila"));
    let err = refused(&casetrail(
        &nowhere,
        &["connect", "--url", &with_password, "--user", "alice"],
    ));
    assert!(err.contains("password"), "{err}");

    let alice = Desktop::connect(&pg, dir.path(), "alice");
    alice.ok(&["add-case", "--key", "acme", "--name", "Acme v. Widget"]);
    let wrong = dir.path().join("wrong.pw");
    std::fs::write(&wrong, "nope\n").unwrap();
    let err = refused(&alice.run(&["sync", "--password-file", wrong.to_str().unwrap()]));
    assert!(err.contains("refused the login"), "{err}");
    // A server upgraded by a newer Casetrail: refused, nothing sent.
    pg.psql_ok(
        "postgres",
        ADMIN_PASSWORD,
        "INSERT INTO casetrail.schema_migrations (version, name) VALUES (999, 'future')",
    );
    let err = refused(&alice.run(&["sync", "--password-file", &alice.pw]));
    assert!(err.contains("newer than this build"), "{err}");
    pg.psql_ok(
        "postgres",
        ADMIN_PASSWORD,
        "DELETE FROM casetrail.schema_migrations WHERE version = 999",
    );
    assert_eq!(alice.sync(), (1, 0, 0), "the case waited and goes now");
    alice.ok(&["edit-case", "acme", "--summary", "Offline work"]);
    drop(pg);
    let err = refused(&alice.run(&["sync", "--password-file", &alice.pw]));
    assert!(err.contains("cannot reach the server"), "{err}");
    assert_eq!(case_json(&alice)["name"], "Acme v. Widget");
    assert_eq!(case_json(&alice)["summary"], "Offline work");
}

#[test]
fn a_sync_killed_part_way_and_run_again_creates_nothing_twice() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    firm(&pg, dir.path());
    let alice = Desktop::connect(&pg, dir.path(), "alice");
    alice.ok(&["demo"]);
    // Killed at different points: before connecting, mid-push, after.
    for delay in [0, 5, 15, 30, 60, 120] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_casetrail"))
            .arg("--db")
            .arg(&alice.db)
            .args(["sync", "--password-file", &alice.pw])
            .env_remove("CASETRAIL_DB")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    alice.sync();
    assert_eq!(alice.sync(), (0, 0, 0));
    let on_server: u64 = pg
        .psql_ok(
            "alice",
            &password("alice"),
            "SELECT count(*) FROM casetrail.operations",
        )
        .parse()
        .unwrap();
    assert!(on_server > 30, "{on_server}");
    let name = case_json(&alice)["name"].as_str().unwrap().to_string();
    grant(&pg, &name, "bob");
    let bob = Desktop::connect(&pg, dir.path(), "bob");
    let (_, pulled, conflicts) = bob.sync();
    assert_eq!((pulled, conflicts), (on_server, 0), "each operation once");
    let timeline = |d: &Desktop| {
        ok_json(&d.db, &["--json", "timeline", "Ireland"])["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{} {} {}", e["date"], e["kind"], e["title"]))
            .collect::<Vec<_>>()
    };
    assert_eq!(timeline(&bob), timeline(&alice));
    assert_eq!(timeline(&bob).len(), 37);
}
