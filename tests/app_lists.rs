//! What the desktop app's lists need from the store, on real SQLite files:
//! deadlines across cases with their names and tags, the cases list with next
//! deadline and last activity, filtering by tag, editing cases and
//! proceedings (validated and logged), and the deadline warning setting.

use casetrail_deadline::{parse_date, DeadlineStatus, NewDeadline};
use casetrail_model::{
    EventDate, EventKind, NewCase, NewEvent, NewProceeding, NoteTarget, Settings,
};
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

fn case(s: &mut Store, slug: &str, name: &str) -> casetrail_model::Case {
    s.add_case(&NewCase {
        slug: slug.into(),
        name: name.into(),
        summary: String::new(),
    })
    .unwrap()
}

fn proceeding(court: &str, docket: &str) -> NewProceeding {
    NewProceeding {
        court_id: court.into(),
        docket_number: docket.into(),
        ..NewProceeding::default()
    }
}

fn by_hand(case: casetrail_model::CaseId, title: &str, due: &str) -> NewDeadline {
    NewDeadline {
        case_id: case,
        proceeding_id: None,
        title: title.into(),
        due: d(due),
        notes: String::new(),
    }
}

#[test]
fn deadline_entries_span_cases_soonest_first_with_names_and_tag_filter() {
    let (_dir, mut s) = store();
    let a = case(&mut s, "acme", "Acme v. Roe");
    let b = case(&mut s, "beta", "Beta v. Doe");
    let p = s
        .add_proceeding(a.id, &proceeding("mad", "1:26-cv-1"))
        .unwrap();
    let mut later = by_hand(a.id, "Reply brief", "2026-05-10");
    later.proceeding_id = Some(p.id);
    s.add_deadline(&later).unwrap();
    s.add_deadline(&by_hand(b.id, "Answer", "2026-04-01"))
        .unwrap();
    s.tag(NoteTarget::Case(b.id), "Urgent").unwrap();

    let all = s.deadline_entries(None).unwrap();
    let titles: Vec<&str> = all.iter().map(|e| e.deadline.title.as_str()).collect();
    assert_eq!(titles, ["Answer", "Reply brief"]);
    assert_eq!(all[0].case_name, "Beta v. Doe");
    assert_eq!(all[0].case_tags, ["Urgent"]);
    assert_eq!(all[0].proceeding, None);
    assert_eq!(all[1].proceeding.as_deref(), Some("D. Mass. 1:26-cv-1"));

    // Tag names match regardless of case; an unknown tag gives nothing.
    let urgent = s.deadline_entries(Some("urgent")).unwrap();
    assert_eq!(urgent.len(), 1);
    assert_eq!(urgent[0].case_name, "Beta v. Doe");
    assert!(s.deadline_entries(Some("nothing")).unwrap().is_empty());
    assert_eq!(s.deadline_entries(Some("  ")).unwrap().len(), 2);
}

#[test]
fn demo_deadlines_carry_their_step_trails_across_cases() {
    let (_dir, mut s) = store();
    let loaded = casetrail_import::demo::load(&mut s).unwrap();
    let all = s.deadline_entries(None).unwrap();
    assert_eq!(all.len(), s.deadlines(None).unwrap().len());
    assert!(all
        .windows(2)
        .all(|w| w[0].deadline.due <= w[1].deadline.due));
    assert!(all.iter().all(|e| e.case_name == loaded.case.name));
    let derived = all
        .iter()
        .find(|e| e.deadline.rule.as_deref() == Some("S. Ct. R. 13.1"))
        .unwrap();
    let steps = &derived.deadline.computation.as_ref().unwrap().steps;
    assert!(steps.iter().any(|st| st.cite.contains("13.1")), "{steps:?}");
}

#[test]
fn case_summaries_give_next_open_deadline_last_activity_and_tags() {
    let (_dir, mut s) = store();
    let a = case(&mut s, "acme", "Acme v. Roe");
    let b = case(&mut s, "beta", "Beta v. Doe");
    let first = s
        .add_deadline(&by_hand(a.id, "Answer", "2026-04-01"))
        .unwrap();
    s.add_deadline(&by_hand(a.id, "Reply", "2026-05-01"))
        .unwrap();
    s.add_deadline(&by_hand(a.id, "Earlier, done", "2026-03-01"))
        .map(|x| s.set_deadline_status(x.id, DeadlineStatus::Done).unwrap())
        .unwrap();
    s.tag(NoteTarget::Case(a.id), "client").unwrap();
    s.tag(NoteTarget::Case(a.id), "appeal").unwrap();

    let list = s.case_summaries(None).unwrap();
    assert_eq!(list.len(), 2);
    let sa = list.iter().find(|x| x.case.id == a.id).unwrap();
    let next = sa.next_deadline.as_ref().unwrap();
    assert_eq!((next.id, next.title.as_str()), (first.id, "Answer"));
    assert_eq!(next.due, d("2026-04-01"));
    assert_eq!(sa.tags, ["appeal", "client"]);
    assert!(sa.last_activity >= sa.case.updated_at);
    let sb = list.iter().find(|x| x.case.id == b.id).unwrap();
    assert!(sb.next_deadline.is_none());
    assert!(sb.tags.is_empty());
    // Most recently active first: marking a deadline done is activity.
    assert_eq!(list[0].case.id, a.id);
    assert!(list[0].last_activity >= list[1].last_activity);

    // Marking the next one done moves "next" on.
    s.set_deadline_status(first.id, DeadlineStatus::Done)
        .unwrap();
    let sa = s.case_summaries(Some("CLIENT")).unwrap();
    assert_eq!(sa.len(), 1);
    assert_eq!(sa[0].next_deadline.as_ref().unwrap().title, "Reply");
    assert!(s.case_summaries(Some("none")).unwrap().is_empty());
}

#[test]
fn update_case_validates_checks_the_key_and_logs_what_changed() {
    let (_dir, mut s) = store();
    let a = case(&mut s, "acme", "Acme v. Roe");
    case(&mut s, "beta", "Beta v. Doe");
    let mut edit = NewCase {
        slug: "acme".into(),
        name: "  Acme Corp. v. Roe ".into(),
        summary: "A contract dispute.".into(),
    };
    let after = s.update_case(a.id, &edit).unwrap();
    assert_eq!(after.name, "Acme Corp. v. Roe");
    assert_eq!(after.summary, "A contract dispute.");
    assert_eq!(s.case(a.id).unwrap(), after);
    let log = s.history("case", a.id.0).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.changes["name"][0], "Acme v. Roe");
    assert_eq!(last.changes["name"][1], "Acme Corp. v. Roe");
    assert!(last.changes.get("slug").is_none());

    edit.slug = "beta".into();
    let e = s.update_case(a.id, &edit).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("already exists"), "{e}");
    edit.slug = "acme".into();
    edit.name = "   ".into();
    let e = s.update_case(a.id, &edit).unwrap_err();
    assert_eq!(e.to_string(), "a case needs a name");
    assert_eq!(s.case(a.id).unwrap().name, "Acme Corp. v. Roe");
    let e = s
        .update_case(casetrail_model::CaseId(999), &NewCase::default())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput); // validation comes first
                                                   // Nothing changed: nothing logged.
    let before = s.history("case", a.id.0).unwrap().len();
    edit.name = "Acme Corp. v. Roe".into();
    s.update_case(a.id, &edit).unwrap();
    assert_eq!(s.history("case", a.id.0).unwrap().len(), before);
}

#[test]
fn update_proceeding_validates_replaces_aliases_and_logs() {
    let (_dir, mut s) = store();
    let a = case(&mut s, "acme", "Acme v. Roe");
    let p = s
        .add_proceeding(a.id, &proceeding("mad", "1:26-cv-1"))
        .unwrap();
    s.add_proceeding(a.id, &proceeding("ca1", "26-100"))
        .unwrap();
    let mut edit = NewProceeding {
        court_id: "D. Mass.".into(),
        docket_number: "1:26-cv-00001".into(),
        docket_aliases: vec!["26-cv-1".into(), " ".into(), "26-cv-1".into()],
        caption: "Acme Corp. v. Roe".into(),
        opened_on: Some(d("2026-01-05")),
        closed_on: None,
    };
    let after = s.update_proceeding(p.id, &edit).unwrap();
    assert_eq!(after.court_id, "mad");
    assert_eq!(after.docket_number, "1:26-cv-00001");
    assert_eq!(after.docket_aliases, ["26-cv-1"]);
    assert_eq!(after.caption, "Acme Corp. v. Roe");
    assert_eq!(after.opened_on, Some(d("2026-01-05")));
    let last = s.history("proceeding", p.id.0).unwrap().pop().unwrap();
    assert_eq!(last.changes["docket_number"][1], "1:26-cv-00001");
    assert!(last.changes.get("court_id").is_none());

    // Same rules as on create.
    edit.closed_on = Some(d("2026-01-01"));
    let e = s.update_proceeding(p.id, &edit).unwrap_err();
    assert!(e.to_string().contains("before opened on"), "{e}");
    edit.closed_on = None;
    edit.court_id = "ca1".into();
    edit.docket_number = "26-100".into();
    let e = s.update_proceeding(p.id, &edit).unwrap_err();
    assert_eq!(e.to_string(), "the case already has docket 26-100 in ca1");
    edit.court_id = "no such court".into();
    assert!(s.update_proceeding(p.id, &edit).is_err());
    assert_eq!(s.proceeding(p.id).unwrap(), after);
}

#[test]
fn events_tagged_in_a_proceeding() {
    let (_dir, mut s) = store();
    let a = case(&mut s, "acme", "Acme v. Roe");
    let p = s
        .add_proceeding(a.id, &proceeding("mad", "1:26-cv-1"))
        .unwrap();
    let e1 = s
        .add_event(&NewEvent::new(
            p.id,
            EventDate::day(d("2026-03-20")),
            EventKind::Ruling,
            "Judgment",
        ))
        .unwrap();
    s.add_event(&NewEvent::new(
        p.id,
        EventDate::day(d("2026-03-01")),
        EventKind::Brief,
        "Brief",
    ))
    .unwrap();
    s.tag(NoteTarget::Event(e1.id), "key").unwrap();
    assert_eq!(s.events_tagged(p.id, "KEY").unwrap(), [e1.id]);
    assert!(s.events_tagged(p.id, "other").unwrap().is_empty());
}

#[test]
fn warning_window_defaults_to_seven_days_persists_and_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.settings().unwrap().deadline_warning_days, 7);
    let saved = s
        .save_settings(&Settings {
            deadline_warning_days: 14,
        })
        .unwrap();
    assert_eq!(saved.deadline_warning_days, 14);
    let e = s
        .save_settings(&Settings {
            deadline_warning_days: 400,
        })
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.to_string(), "the warning window is at most 365 days");
    drop(s);
    let s = Store::open(&path).unwrap();
    assert_eq!(s.settings().unwrap().deadline_warning_days, 14);
    let log = s.history("setting", 0).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].changes["deadline_warning_days"][1], 14);
}
