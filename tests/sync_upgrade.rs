//! A database from before sync (schema 11) shares what it already holds:
//! its first push gives each of its rows a create operation, parents first,
//! and a second desktop pulls the whole case.

use casetrail_fixtures::cluster_or_skip;
use casetrail_store::{apply_up_to, Store};
use casetrail_sync::{Access, Server};
use rusqlite::Connection;

#[test]
fn rows_from_before_sync_reach_the_server_on_the_first_push() {
    let pg = cluster_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let mut admin = Server::connect(&pg.admin_url()).unwrap();
    admin.init().unwrap();
    for user in ["alice", "bob"] {
        let file = dir.path().join(format!("{user}.pw"));
        std::fs::write(&file, format!("{user}-pw\n")).unwrap();
        let pw = casetrail_sync::Password::from_file(&file).unwrap();
        admin.add_user(user, Some(&pw)).unwrap();
    }
    let old = dir.path().join("old.db");
    {
        let mut conn = Connection::open(&old).unwrap();
        apply_up_to(&mut conn, 11).unwrap();
        conn.execute_batch(
            "INSERT INTO courts (id, name, short_name, level, system)
                 SELECT 'nysd', 'S.D.N.Y.', 'S.D.N.Y.', 'trial', 'federal'
                 WHERE NOT EXISTS (SELECT 1 FROM courts WHERE id = 'nysd');
             INSERT INTO cases (id, slug, name, created_at, updated_at)
                 VALUES (1, 'old', 'Old matter', '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00');
             INSERT INTO proceedings (id, case_id, court_id, docket_number) VALUES (1, 1, 'nysd', '1:20-cv-1');
             INSERT INTO events (id, proceeding_id, date, kind, title, created_at, updated_at)
                 VALUES (1, 1, '2020-02-03', 'complaint', 'Old complaint',
                         '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00');
             INSERT INTO notes (id, case_id, body, created_at, updated_at)
                 VALUES (1, 1, 'An old note', '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00');",
        )
        .unwrap();
    }
    let mut alice = Store::open(&old).unwrap();
    // Work after the upgrade, before connecting: a new event on the old
    // docket and an edit of the old note, whose rows had no operations.
    let old_case = alice.find_case("old").unwrap();
    let proceeding = alice.timeline(old_case.id).unwrap().proceedings[0].id;
    alice
        .add_event(&casetrail_model::NewEvent::new(
            proceeding,
            "2020-03-04".parse().unwrap(),
            casetrail_model::EventKind::Motion,
            "New motion",
        ))
        .unwrap();
    let note = alice
        .notes(casetrail_model::NoteTarget::Case(old_case.id))
        .unwrap()[0]
        .id;
    alice.edit_note(note, "An old note, edited").unwrap();
    alice
        .connect_server(&pg.url("alice", None), "alice")
        .unwrap();
    let url = |user: &str| pg.url(user, Some(&format!("{user}-pw")));
    let pushed = Server::connect(&url("alice"))
        .unwrap()
        .sync(&mut alice)
        .unwrap();
    assert_eq!(
        pushed.pushed, 6,
        "the case, its proceeding, event and note; the new event and the edit"
    );
    admin.grant("Old matter", "bob", Access::Write).unwrap();

    let mut bob = Store::open(dir.path().join("bob.db")).unwrap();
    bob.connect_server(&pg.url("bob", None), "bob").unwrap();
    let pulled = Server::connect(&url("bob"))
        .unwrap()
        .sync(&mut bob)
        .unwrap();
    assert_eq!((pulled.pushed, pulled.pulled), (0, 6));
    let case = bob.find_case("old").unwrap();
    assert_eq!(case.name, "Old matter");
    let timeline = bob.timeline(case.id).unwrap();
    let titles: Vec<&str> = timeline
        .events
        .iter()
        .map(|e| e.event.title.as_str())
        .collect();
    assert_eq!(titles, ["Old complaint", "New motion"]);
    assert_eq!(timeline.proceedings[0].docket_number, "1:20-cv-1");
    let notes = bob
        .notes(casetrail_model::NoteTarget::Case(case.id))
        .unwrap();
    assert_eq!(notes[0].body, "An old note, edited");
    // Nothing is adopted twice.
    let again = Server::connect(&url("alice"))
        .unwrap()
        .sync(&mut alice)
        .unwrap();
    assert_eq!((again.pushed, again.pulled), (0, 0));
}
