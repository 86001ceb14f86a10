//! Ethical walls, checked as each person with the real `psql`.

use casetrail_fixtures::cluster_or_skip;
use casetrail_sync::Access;

use crate::firm::{count, firm, password, psql, ACME, WALLED};

const TABLES: [&str; 5] = ["cases", "operations", "case_blobs", "blobs", "access_log"];

#[test]
fn a_person_sees_only_the_cases_on_their_list_even_through_psql() {
    let pg = cluster_or_skip!();
    let mut server = firm(&pg);
    // The owner sees both cases' rows.
    let owner: Vec<i64> = TABLES.iter().map(|t| count(&pg, "alice", t)).collect();
    assert_eq!(owner, [2, 3, 2, 2, 2]);
    // Nobody else sees anything until granted.
    for user in ["bob", "carol"] {
        for table in TABLES {
            assert_eq!(count(&pg, user, table), 0, "{user} sees {table}");
        }
        assert_eq!(count(&pg, user, "case_access"), 0, "{user}");
    }

    server.grant("Acme v. Widget", "bob", Access::Read).unwrap();
    assert_eq!(count(&pg, "bob", "operations"), 2);
    assert_eq!(count(&pg, "bob", "cases"), 1);
    assert_eq!(count(&pg, "bob", "case_blobs"), 1);
    assert_eq!(count(&pg, "bob", "blobs"), 1);
    assert_eq!(
        psql(
            &pg,
            "bob",
            "SELECT string_agg(DISTINCT case_id::text, ',') FROM operations"
        ),
        ACME
    );
    assert_eq!(
        psql(
            &pg,
            "bob",
            &format!("SELECT count(*) FROM operations WHERE case_id = '{WALLED}'")
        ),
        "0"
    );
    assert_eq!(
        psql(&pg, "bob", "SELECT convert_from(bytes, 'UTF8') FROM blobs"),
        "acme pdf"
    );
    // carol, walled off, still sees nothing of either case.
    for table in TABLES {
        assert_eq!(count(&pg, "carol", table), 0, "carol sees {table}");
    }
}

#[test]
fn a_read_only_person_cannot_write_and_a_writer_can() {
    let pg = cluster_or_skip!();
    let mut server = firm(&pg);
    server.grant(ACME, "bob", Access::Read).unwrap();
    server.grant(ACME, "carol", Access::Write).unwrap();
    let insert = |id: &str, author: &str| {
        format!(
            "INSERT INTO operations (id, case_id, author, hlc, entity, entity_id) \
             VALUES ('{id}', '{ACME}', '{author}', 9, 'event', 'e9')"
        )
    };
    let refused = pg.psql(
        "bob",
        &password("bob"),
        &insert("00000000-0000-7000-8000-0000000000c1", "bob"),
    );
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("row-level security"),
        "{}",
        casetrail_fixtures::cluster::text(&refused)
    );
    psql(
        &pg,
        "carol",
        &insert("00000000-0000-7000-8000-0000000000c2", "carol"),
    );
    // ... but not in another's name, nor into a case she is not on.
    let forged = pg.psql(
        "carol",
        &password("carol"),
        &insert("00000000-0000-7000-8000-0000000000c3", "alice"),
    );
    assert!(!forged.status.success());
    let walled = pg.psql(
        "carol",
        &password("carol"),
        &format!(
            "INSERT INTO operations (id, case_id, hlc, entity, entity_id) \
             VALUES ('00000000-0000-7000-8000-0000000000c4', '{WALLED}', 9, 'event', 'e9')"
        ),
    );
    assert!(!walled.status.success());
    // Nobody rewrites the log.
    let update = pg.psql("alice", &password("alice"), "UPDATE operations SET hlc = 0");
    assert!(!update.status.success());
    assert_eq!(count(&pg, "alice", "operations"), 4);
    // A blob needs a case to be linked to by the end of its transaction.
    let orphan = pg.psql(
        "carol",
        &password("carol"),
        "INSERT INTO blobs (sha256, bytes) VALUES (encode(sha256('x'), 'hex'), 'x')",
    );
    assert!(!orphan.status.success(), "an unlinked blob was kept");
}

#[test]
fn a_revoke_stops_further_reads() {
    let pg = cluster_or_skip!();
    let mut server = firm(&pg);
    server
        .grant("Acme v. Widget", "bob", Access::Write)
        .unwrap();
    assert_eq!(count(&pg, "bob", "operations"), 2);
    let change = server.revoke("Acme v. Widget", "bob").unwrap();
    assert!(change.changed);
    for table in TABLES {
        assert_eq!(count(&pg, "bob", table), 0, "bob still sees {table}");
    }
    // Revoking again changes nothing.
    assert!(!server.revoke(ACME, "bob").unwrap().changed);
}
