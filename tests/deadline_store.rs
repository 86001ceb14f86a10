//! Deadlines on cases, in a real SQLite file: derived from docket events,
//! recomputed (and logged) when the trigger's date changes, overridden by a
//! court order, entered by hand; and the demo case's derived deadlines.

use casetrail_deadline::{parse_date, DeadlineStatus, DeriveDeadline, NewDeadline};
use casetrail_import::demo::deadlines::expected_demo_dues;
use casetrail_model::{EventDate, EventKind, NewCase, NewEvent, NewProceeding};
use casetrail_store::ErrorKind;
use casetrail_store::Store;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db")).unwrap();
    (dir, store)
}

#[test]
fn demo_case_carries_its_derived_deadlines() {
    let (_dir, mut s) = store();
    let loaded = casetrail_import::demo::load(&mut s).unwrap();
    let list = s.deadlines(Some(loaded.case.id)).unwrap();
    let got: Vec<(String, NaiveDate)> = list
        .iter()
        .map(|x| (x.rule.clone().unwrap(), x.due))
        .collect();
    let want: Vec<(String, NaiveDate)> = expected_demo_dues()
        .into_iter()
        .map(|(r, d)| (r.to_string(), d))
        .collect();
    assert_eq!(got, want);
    // Soonest first, and each explains itself.
    assert!(list.windows(2).all(|w| w[0].due <= w[1].due));
    let cert = list
        .iter()
        .find(|x| x.rule.as_deref() == Some("S. Ct. R. 13.1"))
        .unwrap();
    assert_eq!(cert.trigger_date, Some(d("2017-01-24")));
    let c = cert.computation.as_ref().unwrap();
    assert!(
        c.to_string().contains("90 days after Tue 2017-01-24"),
        "{c}"
    );
    // Loading again adds nothing.
    casetrail_import::demo::load(&mut s).unwrap();
    assert_eq!(s.deadlines(Some(loaded.case.id)).unwrap().len(), list.len());
}

#[test]
fn trigger_date_change_recomputes_and_logs_and_court_order_overrides() {
    let (_dir, mut s) = store();
    let case = s
        .add_case(&NewCase {
            slug: "acme-v-roe".into(),
            name: "Acme v. Roe".into(),
            summary: String::new(),
        })
        .unwrap();
    let p = s
        .add_proceeding(case.id, &NewProceeding::new("mad", "1:26-cv-00001"))
        .unwrap();
    let judgment = s
        .add_event(&NewEvent::new(
            p.id,
            EventDate::day(d("2026-03-20")),
            EventKind::Ruling,
            "Judgment",
        ))
        .unwrap();
    let mut spec = DeriveDeadline::new(judgment.id, "FRAP 4(a)(1)(A)");
    spec.title = Some("Notice of appeal".into());
    let dl = s.derive_deadline(&spec).unwrap();
    // Day 30 = Sun Apr 19 -> Mon Apr 20 is Patriots' Day in D. Mass. -> Tue Apr 21.
    assert_eq!(dl.due, d("2026-04-21"));
    assert_eq!(dl.court_id.as_deref(), Some("mad"));
    assert_eq!(dl.status, DeadlineStatus::Open);

    // The judgment's date was wrong: it was entered on the 24th.
    s.write(|w| w.set_event_date(judgment.id, EventDate::day(d("2026-03-24"))))
        .unwrap();
    let again = s.deadline(dl.id).unwrap();
    assert_eq!(again.trigger_date, Some(d("2026-03-24")));
    assert_eq!(again.due, d("2026-04-23"));
    let log = s.history("deadline", dl.id.0).unwrap();
    let last = log.last().unwrap();
    assert!(
        last.changes.to_string().contains("recomputed"),
        "{}",
        last.changes
    );
    assert_eq!(last.changes["computed_due"][0], "2026-04-21");
    assert_eq!(last.changes["computed_due"][1], "2026-04-23");

    // A court order sets another date: it controls, and says so.
    let ordered = s
        .write(|w| {
            w.order_deadline(
                dl.id,
                Some(d("2026-05-15")),
                "Order of Apr 1, 2026 (Doc. 40)",
            )
        })
        .unwrap();
    assert_eq!(ordered.due, d("2026-05-15"));
    assert_eq!(ordered.computed_due, Some(d("2026-04-23")));
    assert!(
        ordered.basis().contains("court-ordered")
            && ordered.basis().contains("overrides 2026-04-23")
    );
    // A later trigger change recomputes the computed date but the order still controls.
    s.write(|w| w.set_event_date(judgment.id, EventDate::day(d("2026-03-25"))))
        .unwrap();
    let after = s.deadline(dl.id).unwrap();
    assert_eq!(after.due, d("2026-05-15"));
    assert_eq!(after.computed_due, Some(d("2026-04-24")));
    // Clearing the order brings the computed date back.
    let cleared = s.write(|w| w.order_deadline(dl.id, None, "")).unwrap();
    assert_eq!(cleared.due, d("2026-04-24"));

    // A month-only trigger date cannot be computed from: logged, dates kept.
    s.write(|w| w.set_event_date(judgment.id, "2026-03".parse().unwrap()))
        .unwrap();
    let kept = s.deadline(dl.id).unwrap();
    assert_eq!(kept.due, d("2026-04-24"));
    let last = s.history("deadline", dl.id.0).unwrap().pop().unwrap();
    assert!(
        last.changes.to_string().contains("not recomputed"),
        "{}",
        last.changes
    );

    let done = s
        .write(|w| w.set_deadline_status(dl.id, DeadlineStatus::Done))
        .unwrap();
    assert_eq!(done.status, DeadlineStatus::Done);

    // Entered by hand.
    let hand = s
        .add_deadline(&NewDeadline {
            case_id: case.id,
            proceeding_id: Some(p.id),
            title: "Status report".into(),
            due: d("2026-04-01"),
            notes: String::new(),
        })
        .unwrap();
    assert_eq!(hand.basis(), "entered by hand");
    let all = s.deadlines(Some(case.id)).unwrap();
    assert_eq!(all[0].id, hand.id);
}

#[test]
fn bad_derivations_are_refused_and_write_nothing() {
    let (_dir, mut s) = store();
    let loaded = casetrail_import::demo::load(&mut s).unwrap();
    let before = s.deadlines(None).unwrap().len();
    let month_only =
        s.write(|w| w.find_event(loaded.case.id, "ca2", d("2016-10-01"), EventKind::Petition));
    assert!(month_only.is_err());
    let en_banc = s
        .write(|w| w.find_event(loaded.case.id, "ca2", d("2017-01-24"), EventKind::Ruling))
        .unwrap();
    let e = s
        .derive_deadline(&DeriveDeadline::new(en_banc, "S. Ct. R. 99.9"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let mut bad_part = DeriveDeadline::new(en_banc, "FRAP 31(a)(1)");
    bad_part.part = Some("surreply".into());
    assert_eq!(
        s.derive_deadline(&bad_part).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(s.deadlines(None).unwrap().len(), before);
}
