//! Grants and revokes: who may, what is logged, what is refused.

use casetrail_fixtures::cluster_or_skip;
use casetrail_sync::{Access, Error, Server};

use crate::firm::{firm, password, psql, ACME};

#[test]
fn grants_and_revokes_are_written_to_the_access_log() {
    let pg = cluster_or_skip!();
    let mut server = firm(&pg);
    let change = server.grant("Acme v. Widget", "bob", Access::Read).unwrap();
    assert_eq!(change.case_id, ACME);
    assert_eq!(change.case_name, "Acme v. Widget");
    assert!(change.changed);
    // The same grant again writes nothing; a change of access does.
    assert!(!server.grant(ACME, "bob", Access::Read).unwrap().changed);
    assert!(server.grant(ACME, "bob", Access::Write).unwrap().changed);
    server.revoke(ACME, "bob").unwrap();
    let log = psql(
        &pg,
        "alice",
        &format!(
            "SELECT string_agg(role || ' ' || action || ' ' || coalesce(access, '-') || ' by ' || by_role, '; ' ORDER BY seq) \
             FROM access_log WHERE case_id = '{ACME}'"
        ),
    );
    assert_eq!(
        log,
        "alice grant write by alice; bob grant read by postgres; bob grant write by postgres; bob revoke - by postgres"
    );
}

#[test]
fn the_owner_grants_and_a_non_owner_cannot() {
    let pg = cluster_or_skip!();
    let mut server = firm(&pg);
    let mut alice = Server::connect(&pg.url("alice", Some(&password("alice")))).unwrap();
    alice.grant("Acme v. Widget", "bob", Access::Write).unwrap();
    let mut bob = Server::connect(&pg.url("bob", Some(&password("bob")))).unwrap();
    // bob may write to the case, but he does not own it.
    let err = bob.grant(ACME, "carol", Access::Read).unwrap_err();
    assert!(matches!(err, Error::Denied(_)), "{err:?}");
    assert!(err.is_user_error());
    let err = bob.revoke(ACME, "alice").unwrap_err();
    assert!(matches!(err, Error::Denied(_)), "{err:?}");
    // Nor through psql, around Casetrail.
    let direct = pg.psql(
        "bob",
        &password("bob"),
        &format!("INSERT INTO case_access (case_id, role, access, granted_by) VALUES ('{ACME}', 'carol', 'read', 'bob')"),
    );
    assert!(!direct.status.success());
    assert_eq!(crate::firm::count(&pg, "carol", "operations"), 0);
    // The owner's own access is not taken away.
    let err = server.revoke(ACME, "alice").unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
}

#[test]
fn unknown_users_and_cases_are_not_found_and_a_shared_name_is_ambiguous() {
    let pg = cluster_or_skip!();
    let mut server = firm(&pg);
    let err = server.grant(ACME, "nobody", Access::Read).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    let err = server
        .grant("No such case", "bob", Access::Read)
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    psql(
        &pg,
        "alice",
        "INSERT INTO cases (id, name) VALUES ('00000000-0000-7000-8000-000000000003', 'Acme v. Widget')",
    );
    let err = server
        .grant("Acme v. Widget", "bob", Access::Read)
        .unwrap_err();
    assert!(matches!(err, Error::Ambiguous(_)), "{err:?}");
    server.grant(ACME, "bob", Access::Read).unwrap();
    let err = server.add_user("bob", None).unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
}
