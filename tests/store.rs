//! The store on real SQLite files: writes are whole or nothing, every change is
//! logged, and bad input is refused without a trace.

use casetrail_model::{
    EventDate, EventKind, JudgeRole, NewCase, NewEvent, NewProceeding, NoteTarget, Outcome,
    PartyKind, PartyRole, StayStatus,
};
use casetrail_store::Store;
use casetrail_store::{Error, ErrorKind};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db"))
        .unwrap()
        .with_actor("test");
    (dir, store)
}

fn day(s: &str) -> EventDate {
    s.parse().unwrap()
}

fn case_with_court(store: &mut Store) -> (casetrail_model::Case, casetrail_model::Proceeding) {
    let case = store
        .add_case(&NewCase {
            slug: "acme-v-roe".into(),
            name: "Acme v. Roe".into(),
            summary: String::new(),
        })
        .unwrap();
    let p = store
        .add_proceeding(
            case.id,
            &NewProceeding {
                court_id: "nysd".into(),
                docket_number: "1:24-cv-00001".into(),
                ..Default::default()
            },
        )
        .unwrap();
    (case, p)
}

fn counts(store: &Store) -> (usize, usize) {
    let events = store
        .cases()
        .unwrap()
        .iter()
        .map(|c| store.timeline(c.id).unwrap().events.len())
        .sum();
    (events, store.activity(1_000_000).unwrap().len())
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let (_d, mut store) = store();
    let (_case, p) = case_with_court(&mut store);
    let before = counts(&store);
    let err = store
        .write(|w| {
            w.add_event(&NewEvent::new(
                p.id,
                day("2024-01-02"),
                EventKind::Complaint,
                "Complaint",
            ))?;
            w.add_event(&NewEvent::new(
                p.id,
                day("2024-01-03"),
                EventKind::Motion,
                "  ",
            ))
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        counts(&store),
        before,
        "the first event of a failed write was kept"
    );
}

#[test]
fn a_crash_mid_write_leaves_the_database_consistent() {
    // A child process starts a write and dies before committing; the file must
    // still open, pass SQLite's integrity check and hold none of the write.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    {
        let mut s = Store::open(&path).unwrap();
        casetrail_import::demo::load(&mut s).unwrap();
    }
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "store::crash_helper",
            "--nocapture",
            "--include-ignored",
        ])
        .env("CASETRAIL_CRASH_DB", &path)
        .status()
        .unwrap();
    assert!(!status.success(), "the helper was meant to die mid-write");
    let store = Store::open(&path).unwrap();
    let case = store.find_case("Ireland").unwrap();
    assert_eq!(store.timeline(case.id).unwrap().events.len(), 37);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
#[ignore = "run by a_crash_mid_write_leaves_the_database_consistent"]
fn crash_helper() {
    let Some(path) = std::env::var_os("CASETRAIL_CRASH_DB") else {
        return;
    };
    let mut store = Store::open(path).unwrap();
    let case = store.find_case("Ireland").unwrap();
    let p = store.proceedings(case.id).unwrap()[0].clone();
    let _ = store.write(|w| {
        for i in 0..50 {
            w.add_event(&NewEvent::new(
                p.id,
                day("2015-01-01"),
                EventKind::Filing,
                format!("half-written {i}"),
            ))?;
        }
        std::process::abort();
        #[allow(unreachable_code)]
        Ok(())
    });
}

#[test]
fn every_change_is_logged_and_the_log_is_append_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    let mut store = Store::open(&path).unwrap().with_actor("paralegal");
    let (_case, p) = case_with_court(&mut store);
    let e = store
        .add_event(&NewEvent {
            filers: vec!["Acme Corp.".into()],
            ..NewEvent::new(p.id, day("2024-01-02"), EventKind::Complaint, "Complaint")
        })
        .unwrap();
    store
        .write(|w| w.set_event_date(e.id, day("2024-01-03")))
        .unwrap();
    let history = store.history("event", e.id.0).unwrap();
    assert_eq!(history[0].op, casetrail_model::Operation::Create);
    assert!(history.iter().all(|a| a.actor == "paralegal"));
    let changed = history.last().unwrap();
    assert_eq!(
        changed.changes["date"],
        serde_json::json!(["2024-01-02", "2024-01-03"])
    );
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in ["UPDATE activity SET actor = 'x'", "DELETE FROM activity"] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
}

#[test]
fn stays_are_spans_and_cannot_be_lifted_before_they_begin() {
    let (_d, mut store) = store();
    let (_case, p) = case_with_court(&mut store);
    let stay = store
        .add_event(&NewEvent::new(
            p.id,
            day("2024-02-01"),
            EventKind::Stay,
            "Stay pending appeal",
        ))
        .unwrap();
    assert_eq!(stay.stay.as_ref().unwrap().status, StayStatus::InEffect);
    let early = store
        .add_event(&NewEvent::new(
            p.id,
            day("2024-01-15"),
            EventKind::Ruling,
            "Order",
        ))
        .unwrap();
    let err = store.write(|w| w.lift_stay(stay.id, early.id)).unwrap_err();
    assert!(
        err.to_string().contains("cannot be lifted earlier"),
        "{err}"
    );
    let not_a_stay = store
        .write(|w| w.lift_stay(early.id, early.id))
        .unwrap_err();
    assert!(not_a_stay.to_string().contains("not a stay"));
    let lift = store
        .add_event(&NewEvent {
            outcome: Some(Outcome::Granted),
            ..NewEvent::new(
                p.id,
                day("2024-03-01"),
                EventKind::Ruling,
                "Order lifting stay",
            )
        })
        .unwrap();
    let lifted = store.write(|w| w.lift_stay(stay.id, lift.id)).unwrap();
    let span = lifted.stay.unwrap();
    assert_eq!(span.status, StayStatus::Lifted);
    assert_eq!(span.lifted_on, Some(day("2024-03-01")));
    assert_eq!(span.lifted_by, Some(lift.id));
}

#[test]
fn parties_judges_notes_and_tags() {
    let (_d, mut store) = store();
    let (case, p) = case_with_court(&mut store);
    let ruling = store
        .add_event(&NewEvent {
            outcome: Some(Outcome::Denied),
            ..NewEvent::new(
                p.id,
                day("2024-05-01"),
                EventKind::Ruling,
                "Order denying motion to dismiss",
            )
        })
        .unwrap();
    store
        .write(|w| {
            w.add_event_judge(ruling.id, "Judge Jane Doe", JudgeRole::Author)?;
            w.add_proceeding_party(
                p.id,
                "Acme Corp.",
                PartyKind::Organization,
                PartyRole::Plaintiff,
            )?;
            // Same name, different case: one party, not two.
            w.add_proceeding_party(
                p.id,
                "ACME CORP.",
                PartyKind::Organization,
                PartyRole::Plaintiff,
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(
        store.event(ruling.id).unwrap().judges[0].name,
        "Judge Jane Doe"
    );
    assert_eq!(store.proceeding_parties(p.id).unwrap().len(), 1);

    let note = store
        .add_note(
            NoteTarget::Event(ruling.id),
            "Strong dissent coming? **check**",
        )
        .unwrap();
    assert_eq!(
        store.notes(NoteTarget::Event(ruling.id)).unwrap(),
        vec![note]
    );
    assert!(store.add_note(NoteTarget::Case(case.id), "   ").is_err());
    let missing = store
        .add_note(NoteTarget::Event(casetrail_model::EventId(9999)), "x")
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);

    store
        .tag(NoteTarget::Event(ruling.id), "key ruling")
        .unwrap();
    store
        .tag(NoteTarget::Event(ruling.id), "Key Ruling")
        .unwrap();
    store.tag(NoteTarget::Case(case.id), "client").unwrap();
    assert_eq!(store.tags().unwrap().len(), 2, "tags are case-insensitive");
    let t = store.timeline(case.id).unwrap();
    assert_eq!(t.events[0].tags, vec!["key ruling".to_string()]);
    assert!(matches!(
        store.tag(NoteTarget::Proceeding(p.id), "x"),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn appeal_links_are_checked() {
    let (_d, mut store) = store();
    let (case, district) = case_with_court(&mut store);
    let ruling = store
        .add_event(&NewEvent {
            outcome: Some(Outcome::Granted),
            ..NewEvent::new(
                district.id,
                day("2024-06-01"),
                EventKind::Ruling,
                "Judgment",
            )
        })
        .unwrap();
    let circuit = store
        .add_proceeding(
            case.id,
            &NewProceeding {
                court_id: "2d Cir.".into(),
                docket_number: "24-100".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(circuit.court_id, "ca2");
    assert!(store
        .write(|w| w.link_appeal(circuit.id, circuit.id, None))
        .is_err());
    let stray = store
        .add_event(&NewEvent::new(
            circuit.id,
            day("2024-06-02"),
            EventKind::Filing,
            "Docketing statement",
        ))
        .unwrap();
    assert!(store
        .write(|w| w.link_appeal(circuit.id, district.id, Some(stray.id)))
        .is_err());
    store
        .write(|w| w.link_appeal(circuit.id, district.id, Some(ruling.id)))
        .unwrap();
    let c = store.proceeding(circuit.id).unwrap();
    assert_eq!(
        (c.appeal_from, c.appeal_from_event),
        (Some(district.id), Some(ruling.id))
    );
    // Order: trial before appellate.
    let ids: Vec<_> = store
        .proceedings(case.id)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, vec![district.id, circuit.id]);
}

#[test]
fn the_court_table_carries_appeal_paths() {
    let (_d, store) = store();
    let nysd = store.court("nysd").unwrap();
    assert_eq!(nysd.short_name, "S.D.N.Y.");
    assert_eq!(nysd.appeals_to.as_deref(), Some("ca2"));
    assert_eq!(
        store.court("ca2").unwrap().appeals_to.as_deref(),
        Some("scotus")
    );
    assert_eq!(
        store.court("D. Mass.").unwrap().appeals_to.as_deref(),
        Some("ca1")
    );
    assert_eq!(
        store.court("nysb").unwrap().appeals_to.as_deref(),
        Some("nysd")
    );
    let districts = store
        .courts()
        .unwrap()
        .into_iter()
        .filter(|c| c.level == casetrail_model::CourtLevel::Trial && c.system == "federal")
        .count();
    assert_eq!(
        districts,
        94 + 3,
        "94 district courts, the CIT, the Court of Federal Claims and the JPML"
    );
    // The courts dockets come from beyond the districts and circuits.
    assert_eq!(
        store.court("bap9").unwrap().appeals_to.as_deref(),
        Some("ca9")
    );
    assert_eq!(
        store.court("cavc").unwrap().appeals_to.as_deref(),
        Some("cafc")
    );
    assert_eq!(store.court("xyz").unwrap_err().kind(), ErrorKind::NotFound);
}
