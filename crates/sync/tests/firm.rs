//! A firm on a fresh cluster: the schema, three people and two cases.
//!
//! alice owns "Acme v. Widget" (two operations, one document) and "Walled
//! matter" (one operation, another document); bob and carol are on no case
//! until a test grants them one.

use casetrail_fixtures::cluster::Cluster;
use casetrail_sync::{Password, Server};

pub const ACME: &str = "00000000-0000-7000-8000-000000000001";
pub const WALLED: &str = "00000000-0000-7000-8000-000000000002";

/// Each person's password is their name backwards (the tests' own secrets).
pub fn password(user: &str) -> String {
    user.chars().rev().collect()
}

/// The admin's server connection.
pub fn admin(pg: &Cluster) -> Server {
    Server::connect(&pg.admin_url()).expect("connect as the superuser")
}

/// Add `user` with their password, through a password file.
pub fn add_user(server: &mut Server, user: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pw");
    std::fs::write(&file, format!("{}\n", password(user))).unwrap();
    let p = Password::from_file(&file).unwrap();
    server.add_user(user, Some(&p)).expect("add user");
}

/// `psql` as `user` with their password; the one value it prints.
pub fn psql(pg: &Cluster, user: &str, sql: &str) -> String {
    pg.psql_ok(user, &password(user), sql)
}

/// The schema, alice, bob and carol, and alice's two cases with their rows.
pub fn firm(pg: &Cluster) -> Server {
    let mut server = admin(pg);
    server.init().expect("init");
    for user in ["alice", "bob", "carol"] {
        add_user(&mut server, user);
    }
    psql(
        pg,
        "alice",
        &format!(
            "BEGIN;
             INSERT INTO cases (id, name) VALUES ('{ACME}', 'Acme v. Widget'), ('{WALLED}', 'Walled matter');
             INSERT INTO operations (id, case_id, hlc, entity, entity_id, field, old_value, new_value) VALUES
               ('00000000-0000-7000-8000-0000000000a1', '{ACME}', 1, 'event', 'e1', 'title', NULL, '\"Complaint\"'),
               ('00000000-0000-7000-8000-0000000000a2', '{ACME}', 2, 'event', 'e1', 'date', NULL, '\"2024-01-02\"'),
               ('00000000-0000-7000-8000-0000000000b1', '{WALLED}', 3, 'note', 'n1', 'text', NULL, '\"secret\"');
             INSERT INTO blobs (sha256, bytes) VALUES
               (encode(sha256('acme pdf'), 'hex'), 'acme pdf'), (encode(sha256('walled pdf'), 'hex'), 'walled pdf');
             INSERT INTO case_blobs (case_id, sha256) VALUES
               ('{ACME}', encode(sha256('acme pdf'), 'hex')), ('{WALLED}', encode(sha256('walled pdf'), 'hex'));
             COMMIT;"
        ),
    );
    server
}

/// How many rows of `table` `user` sees, asked with `psql` as that role.
pub fn count(pg: &Cluster, user: &str, table: &str) -> i64 {
    psql(pg, user, &format!("SELECT count(*) FROM {table}"))
        .parse()
        .expect("a count")
}
