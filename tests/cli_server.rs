//! `casetrail server …` as a process against a throwaway PostgreSQL cluster
//! (`casetrail_fixtures::cluster`): the CLI's contract — init, user add,
//! grant, revoke — its exit codes and one-line errors, and the walls it sets
//! checked by logging in as each person with the real `psql`.

use std::process::{Command, Output};

use casetrail_fixtures::cluster::{free_port, Cluster, ADMIN_PASSWORD};
use casetrail_fixtures::cluster_or_skip;

const ACME: &str = "00000000-0000-7000-8000-000000000001";
const WALLED: &str = "00000000-0000-7000-8000-000000000002";

/// `casetrail server ARGS…` (no local database involved).
fn server(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .arg("server")
        .args(args)
        .env_remove("CASETRAIL_DB")
        .env_remove("PGPASSFILE")
        .output()
        .expect("run casetrail")
}

fn ok(args: &[&str]) -> String {
    let out = server(args);
    assert!(
        out.status.success(),
        "casetrail server {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Exit code 2 and one line on stderr, which is returned.
fn refused(args: &[&str]) -> String {
    let out = server(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("casetrail: "), "{err}");
    err
}

/// A password file for `user` (their name backwards) in the cluster's tests' temp dir.
fn password_file(dir: &std::path::Path, user: &str) -> String {
    let path = dir.join(format!("{user}.pw"));
    std::fs::write(&path, format!("{}\n", password(user))).unwrap();
    path.display().to_string()
}

fn password(user: &str) -> String {
    user.chars().rev().collect()
}

fn count(pg: &Cluster, user: &str, table: &str) -> String {
    pg.psql_ok(
        user,
        &password(user),
        &format!("SELECT count(*) FROM {table}"),
    )
}

/// init, alice/bob/carol added through the CLI, alice's two cases.
fn firm(pg: &Cluster, dir: &std::path::Path) -> String {
    let admin = pg.admin_url();
    ok(&["init", "--url", &admin]);
    for user in ["alice", "bob", "carol"] {
        let file = password_file(dir, user);
        ok(&[
            "user",
            "add",
            user,
            "--url",
            &admin,
            "--password-file",
            &file,
        ]);
    }
    pg.psql_ok(
        "alice",
        &password("alice"),
        &format!(
            "INSERT INTO cases (id, name) VALUES ('{ACME}', 'Acme v. Widget'), ('{WALLED}', 'Walled matter');
             INSERT INTO operations (id, case_id, hlc, entity, entity_id) VALUES
               ('00000000-0000-7000-8000-0000000000a1', '{ACME}', 1, 'event', 'e1'),
               ('00000000-0000-7000-8000-0000000000b1', '{WALLED}', 2, 'event', 'e2');"
        ),
    );
    admin
}

#[test]
fn init_twice_changes_nothing_and_reports_the_version() {
    let pg = cluster_or_skip!();
    let admin = pg.admin_url();
    let first = ok(&["--json", "init", "--url", &admin]);
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(first["from"], 0);
    assert_eq!(first["applied"], serde_json::json!(["server"]));
    let version = || {
        pg.psql_ok(
            "postgres",
            ADMIN_PASSWORD,
            "SELECT max(version) || '/' || count(*) FROM casetrail.schema_migrations",
        )
    };
    let before = version();
    let again = ok(&["init", "--url", &admin]);
    assert!(again.contains("nothing to do"), "{again}");
    assert_eq!(version(), before);
    assert!(!first.to_string().contains(ADMIN_PASSWORD));
}

#[test]
fn user_add_makes_a_login_role_and_never_shows_the_password() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let admin = pg.admin_url();
    ok(&["init", "--url", &admin]);
    let file = password_file(dir.path(), "dora");
    let out = server(&[
        "user",
        "add",
        "dora",
        "--url",
        &admin,
        "--password-file",
        &file,
    ]);
    assert!(out.status.success(), "{out:?}");
    let shown = format!("{out:?}");
    assert!(!shown.contains(&password("dora")), "{shown}");
    assert_eq!(
        pg.psql_ok(
            "dora",
            &password("dora"),
            "SELECT rolcanlogin::text || ' ' || pg_has_role('dora', 'casetrail_user', 'MEMBER')::text \
             FROM pg_roles WHERE rolname = current_user"
        ),
        "true true"
    );
    // The server keeps a SCRAM verifier, not the password.
    let stored = pg.psql_ok(
        "postgres",
        ADMIN_PASSWORD,
        "SELECT rolpassword FROM pg_authid WHERE rolname = 'dora'",
    );
    assert!(stored.starts_with("SCRAM-SHA-256$"), "{stored}");
    // A wrong password is refused, in one line, exit 2.
    let url = pg.url("dora", Some("wrong"));
    let err = refused(&["grant", ACME, "dora", "--url", &url]);
    assert!(err.contains("refused the login as dora"), "{err}");
    assert!(!err.contains("wrong"), "{err}");
    // The same name twice, and a bad name, are refused.
    refused(&["user", "add", "dora", "--url", &admin]);
    refused(&["user", "add", "Dora; DROP", "--url", &admin]);
}

#[test]
fn grant_and_revoke_set_the_walls_psql_sees() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let admin = firm(&pg, dir.path());
    assert_eq!(count(&pg, "bob", "operations"), "0");
    let out = ok(&[
        "grant",
        "Acme v. Widget",
        "bob",
        "--url",
        &admin,
        "--read-only",
    ]);
    assert!(out.contains("bob may now read \"Acme v. Widget\""), "{out}");
    assert_eq!(count(&pg, "bob", "operations"), "1");
    assert_eq!(count(&pg, "carol", "operations"), "0");
    // Read only: bob cannot add an operation to the case.
    let insert = pg.psql(
        "bob",
        &password("bob"),
        &format!("INSERT INTO operations (id, case_id, hlc, entity, entity_id) VALUES ('00000000-0000-7000-8000-0000000000c1', '{ACME}', 3, 'event', 'e3')"),
    );
    assert!(!insert.status.success());
    // The owner grants by id, as herself.
    let alice = pg.url("alice", Some(&password("alice")));
    let json = ok(&["--json", "grant", ACME, "carol", "--url", &alice]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["access"], "write");
    assert_eq!(json["changed"], true);
    assert_eq!(count(&pg, "carol", "operations"), "1");

    ok(&["revoke", "Acme v. Widget", "bob", "--url", &admin]);
    assert_eq!(count(&pg, "bob", "operations"), "0");
    assert_eq!(count(&pg, "bob", "cases"), "0");
    let log = pg.psql_ok(
        "alice",
        &password("alice"),
        &format!("SELECT string_agg(role || ' ' || action, ', ' ORDER BY seq) FROM access_log WHERE case_id = '{ACME}'"),
    );
    assert_eq!(log, "alice grant, bob grant, carol grant, bob revoke");

    // bob, not the owner, cannot grant; unknown users and cases are named.
    let bob = pg.url("bob", Some(&password("bob")));
    let err = refused(&["grant", ACME, "bob", "--url", &bob]);
    assert!(err.contains("permission denied"), "{err}");
    let err = refused(&["grant", ACME, "nobody", "--url", &admin]);
    assert!(err.contains("no Casetrail user nobody"), "{err}");
    let err = refused(&["revoke", "No such case", "carol", "--url", &admin]);
    assert!(err.contains("no case No such case"), "{err}");
}

#[test]
fn a_newer_server_schema_and_an_unreachable_server_exit_2() {
    let pg = cluster_or_skip!();
    let admin = pg.admin_url();
    ok(&["init", "--url", &admin]);
    pg.psql_ok(
        "postgres",
        ADMIN_PASSWORD,
        "INSERT INTO casetrail.schema_migrations (version, name) VALUES (999, 'later')",
    );
    let err = refused(&["init", "--url", &admin]);
    assert!(err.contains("version 999, newer than this build"), "{err}");
    let err = refused(&["user", "add", "erin", "--url", &admin]);
    assert!(err.contains("newer than this build"), "{err}");

    let port = free_port();
    let url = format!("postgres://postgres:secret@127.0.0.1:{port}/postgres");
    let err = refused(&["init", "--url", &url]);
    assert!(
        err.contains(&format!("cannot reach the server at 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(!err.contains("secret"), "{err}");
    let err = refused(&["init", "--url", "mysql://nope"]);
    assert!(err.contains("URL"), "{err}");
}

#[test]
fn the_password_comes_from_a_pgpassfile_when_the_url_has_none() {
    use std::os::unix::fs::PermissionsExt;
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let passfile = dir.path().join("pgpass");
    std::fs::write(
        &passfile,
        format!("*:{}:postgres:postgres:{ADMIN_PASSWORD}\n", pg.port()),
    )
    .unwrap();
    let url = pg.url("postgres", None);
    let run = |mode: u32| {
        std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(mode)).unwrap();
        Command::new(env!("CARGO_BIN_EXE_casetrail"))
            .args(["server", "init", "--url", &url])
            .env("PGPASSFILE", &passfile)
            .output()
            .unwrap()
    };
    // As libpq does, a file others may read is ignored.
    let open = run(0o644);
    assert_eq!(open.status.code(), Some(2), "{open:?}");
    assert!(String::from_utf8_lossy(&open.stderr).contains("PGPASSFILE"));
    let private = run(0o600);
    assert!(private.status.success(), "{private:?}");
}
