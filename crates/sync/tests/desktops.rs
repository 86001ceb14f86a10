//! Desktops syncing through one real server, in process: each a `Store` on
//! its own SQLite file and its own connection as its person. Random
//! schedules of offline edits (events, case renames, notes, their edits and
//! deletes, tags added and removed) and syncs end in the same case state on
//! every desktop.

use casetrail_fixtures::cluster::Cluster;
use casetrail_fixtures::cluster_or_skip;
use casetrail_model::{CaseId, EventDate, EventKind, NewCase, NewEvent, NewProceeding, NoteTarget};
use casetrail_store::Store;
use casetrail_sync::{Access, Server, Synced};

use crate::firm::{add_user, admin, password};

/// A small deterministic generator (xorshift64*), so a failing seed replays.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

struct Desktop {
    store: Store,
    url: String,
    user: String,
}

impl Desktop {
    fn new(pg: &Cluster, dir: &std::path::Path, user: &str) -> Desktop {
        let mut store = Store::open(dir.join(format!("{user}.db")))
            .unwrap()
            .with_actor("app");
        store.connect_server(&pg.url(user, None), user).unwrap();
        Desktop {
            store,
            url: pg.url(user, Some(&password(user))),
            user: user.to_string(),
        }
    }

    fn sync(&mut self) -> Synced {
        let mut server = Server::connect(&self.url).expect("connect");
        server
            .sync(&mut self.store)
            .unwrap_or_else(|e| panic!("{}: {e}", self.user))
    }

    fn case(&self) -> Option<CaseId> {
        self.store.cases().unwrap().first().map(|c| c.id)
    }

    /// Everything a person sees of the case, in an order that does not
    /// depend on local ids.
    fn state(&self) -> String {
        let Some(case) = self.case() else {
            return "no case".into();
        };
        let t = self.store.timeline(case).unwrap();
        let mut events: Vec<String> = t
            .events
            .iter()
            .map(|e| {
                format!(
                    "{} {} {} {}",
                    e.event.date, e.event.kind, e.event.title, e.docket
                )
            })
            .collect();
        events.sort();
        let mut notes: Vec<String> = self
            .store
            .notes(NoteTarget::Case(case))
            .unwrap()
            .into_iter()
            .map(|n| n.body)
            .collect();
        notes.sort();
        let mut tags: Vec<String> = self
            .store
            .tags_of(NoteTarget::Case(case))
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect();
        tags.sort();
        format!(
            "{} | {} | {} | {:?} | {:?} | {:?}",
            t.case.slug, t.case.name, t.case.summary, events, notes, tags
        )
    }
}

/// One schedule: three people on one case, `steps` random actions.
fn schedule(pg: &Cluster, seed: u64, steps: usize) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let users: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|p| format!("{p}{seed}"))
        .collect();
    let mut server = admin(pg);
    for user in &users {
        add_user(&mut server, user);
    }
    let mut desks: Vec<Desktop> = users
        .iter()
        .map(|u| Desktop::new(pg, dir.path(), u))
        .collect();
    let name = format!("Case {seed}");
    let case = desks[0]
        .store
        .add_case(&NewCase {
            slug: format!("case-{seed}"),
            name: name.clone(),
            summary: String::new(),
        })
        .unwrap();
    desks[0]
        .store
        .add_proceeding(case.id, &NewProceeding::new("nysd", "1:24-cv-1"))
        .unwrap();
    desks[0].sync();
    for user in &users[1..] {
        server.grant(&name, user, Access::Write).unwrap();
    }
    for d in &mut desks[1..] {
        d.sync();
    }
    let mut conflicts = 0;
    let mut dice = Dice(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    for step in 0..steps {
        let d = &mut desks[dice.roll(3) as usize];
        let case = d.case().expect("every desktop has the case");
        match dice.roll(8) {
            0 => {
                let proceeding = d.store.timeline(case).unwrap().proceedings[0].id;
                let date: EventDate = format!("2024-03-{:02}", 1 + dice.roll(28)).parse().unwrap();
                let title = format!("Filing {step} by {}", d.user);
                d.store
                    .add_event(&NewEvent::new(proceeding, date, EventKind::Motion, title))
                    .unwrap();
            }
            1 => {
                let now = d.store.case(case).unwrap();
                let renamed = NewCase {
                    slug: now.slug,
                    name: format!("Case {seed} as {} saw it at {step}", d.user),
                    summary: now.summary,
                };
                d.store.update_case(case, &renamed).unwrap();
            }
            2 => {
                d.store
                    .add_note(
                        NoteTarget::Case(case),
                        &format!("note {step} by {}", d.user),
                    )
                    .unwrap();
            }
            3 => {
                let notes = d.store.notes(NoteTarget::Case(case)).unwrap();
                if !notes.is_empty() {
                    let n = &notes[dice.roll(notes.len() as u64) as usize];
                    d.store
                        .edit_note(n.id, &format!("edited {step} by {}", d.user))
                        .unwrap();
                }
            }
            4 => {
                let tag = ["urgent", "pro-bono"][dice.roll(2) as usize];
                d.store.tag(NoteTarget::Case(case), tag).unwrap();
            }
            5 => {
                let tags = d.store.tags_of(NoteTarget::Case(case)).unwrap();
                if let Some(t) = tags.first() {
                    d.store.untag(NoteTarget::Case(case), t.id).unwrap();
                }
            }
            6 => {
                let notes = d.store.notes(NoteTarget::Case(case)).unwrap();
                if !notes.is_empty() && dice.roll(2) == 0 {
                    let n = &notes[dice.roll(notes.len() as u64) as usize];
                    d.store.delete_note(n.id).unwrap();
                }
            }
            _ => {
                conflicts += d.sync().conflicts;
            }
        }
    }
    // Two rounds: the first brings every desktop's work to the server, the
    // second brings all of it everywhere.
    for _ in 0..2 {
        for d in &mut desks {
            conflicts += d.sync().conflicts;
        }
    }
    let first = desks[0].state();
    for d in &desks[1..] {
        assert_eq!(d.state(), first, "seed {seed}: {} differs", d.user);
    }
    // Settled: nothing more moves.
    for d in &mut desks {
        assert_eq!(d.sync(), Synced::default(), "seed {seed}: {}", d.user);
    }
    conflicts
}

#[test]
fn three_desktops_converge_under_random_schedules() {
    let pg = cluster_or_skip!();
    admin(&pg).init().unwrap();
    let conflicts: usize = (1..=6).map(|seed| schedule(&pg, seed, 30)).sum();
    assert!(conflicts > 0, "the schedules made concurrent edits");
}

#[test]
fn the_same_docket_opened_on_two_desktops_is_one_proceeding() {
    let pg = cluster_or_skip!();
    admin(&pg).init().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut server = admin(&pg);
    for user in ["alice", "bob"] {
        add_user(&mut server, user);
    }
    let mut alice = Desktop::new(&pg, dir.path(), "alice");
    let mut bob = Desktop::new(&pg, dir.path(), "bob");
    alice
        .store
        .add_case(&NewCase {
            slug: "acme".into(),
            name: "Acme v. Widget".into(),
            summary: String::new(),
        })
        .unwrap();
    alice.sync();
    server
        .grant("Acme v. Widget", "bob", Access::Write)
        .unwrap();
    bob.sync();
    // Offline, both open the same docket and log on it.
    for d in [&mut alice, &mut bob] {
        let case = d.case().unwrap();
        let p = d
            .store
            .add_proceeding(case, &NewProceeding::new("nysd", "1:24-cv-7"))
            .unwrap();
        let title = format!("Motion by {}", d.user);
        let date: EventDate = "2024-05-01".parse().unwrap();
        d.store
            .add_event(&NewEvent::new(p.id, date, EventKind::Motion, title))
            .unwrap();
    }
    for _ in 0..2 {
        alice.sync();
        bob.sync();
    }
    for d in [&alice, &bob] {
        let t = d.store.timeline(d.case().unwrap()).unwrap();
        assert_eq!(t.proceedings.len(), 1, "{}", d.user);
        assert_eq!(t.events.len(), 2, "{}: {:?}", d.user, t.events);
    }
    assert_eq!(alice.state(), bob.state());
}

#[test]
fn a_deadline_and_its_status_travel_and_converge() {
    use casetrail_deadline::{DeadlineStatus, NewDeadline};
    let pg = cluster_or_skip!();
    admin(&pg).init().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut server = admin(&pg);
    for user in ["alice", "bob"] {
        add_user(&mut server, user);
    }
    let mut alice = Desktop::new(&pg, dir.path(), "alice");
    let mut bob = Desktop::new(&pg, dir.path(), "bob");
    let case = alice
        .store
        .add_case(&NewCase {
            slug: "acme".into(),
            name: "Acme v. Widget".into(),
            summary: String::new(),
        })
        .unwrap();
    alice
        .store
        .add_deadline(&NewDeadline {
            case_id: case.id,
            proceeding_id: None,
            title: "Opposition brief".into(),
            due: chrono::NaiveDate::from_ymd_opt(2024, 6, 3).unwrap(),
            notes: String::new(),
        })
        .unwrap();
    alice.sync();
    server
        .grant("Acme v. Widget", "bob", Access::Write)
        .unwrap();
    bob.sync();
    let status = |d: &Desktop| {
        let list = d.store.deadlines(d.case()).unwrap();
        assert_eq!(list.len(), 1, "{}", d.user);
        (list[0].title.clone(), list[0].status)
    };
    assert_eq!(
        status(&bob),
        ("Opposition brief".into(), DeadlineStatus::Open)
    );
    // Offline, alice marks it done, then bob marks it missed.
    for (d, s) in [
        (&mut alice, DeadlineStatus::Done),
        (&mut bob, DeadlineStatus::Missed),
    ] {
        let id = d.store.deadlines(d.case()).unwrap()[0].id;
        d.store.set_deadline_status(id, s).unwrap();
    }
    alice.sync();
    assert_eq!(bob.sync().conflicts, 1);
    assert_eq!(alice.sync().conflicts, 1);
    assert_eq!(status(&alice), status(&bob));
    assert_eq!(
        status(&alice).1,
        DeadlineStatus::Missed,
        "the later edit wins"
    );
}

#[test]
fn a_delete_wins_over_a_concurrent_edit_and_says_so() {
    let pg = cluster_or_skip!();
    admin(&pg).init().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut server = admin(&pg);
    for user in ["alice", "bob"] {
        add_user(&mut server, user);
    }
    let mut alice = Desktop::new(&pg, dir.path(), "alice");
    let mut bob = Desktop::new(&pg, dir.path(), "bob");
    let case = alice
        .store
        .add_case(&NewCase {
            slug: "acme".into(),
            name: "Acme v. Widget".into(),
            summary: String::new(),
        })
        .unwrap();
    alice
        .store
        .add_note(NoteTarget::Case(case.id), "Call the client")
        .unwrap();
    alice.sync();
    server
        .grant("Acme v. Widget", "bob", Access::Write)
        .unwrap();
    bob.sync();
    // Offline: alice deletes the note, bob (later) edits it.
    let note = alice.store.notes(NoteTarget::Case(case.id)).unwrap()[0].id;
    alice.store.delete_note(note).unwrap();
    let bobs_case = bob.case().unwrap();
    let note = bob.store.notes(NoteTarget::Case(bobs_case)).unwrap()[0].id;
    bob.store.edit_note(note, "Call the client today").unwrap();
    alice.sync();
    assert_eq!(bob.sync().conflicts, 1);
    assert_eq!(alice.sync().conflicts, 1);
    for d in [&alice, &bob] {
        let case = d.case().unwrap();
        assert!(
            d.store.notes(NoteTarget::Case(case)).unwrap().is_empty(),
            "{}",
            d.user
        );
        let conflicts = d.store.conflicts().unwrap();
        assert_eq!(conflicts.len(), 1, "{}", d.user);
        assert!(conflicts[0].deleted);
        assert_eq!(conflicts[0].kept_author, "alice");
        assert_eq!(conflicts[0].lost_author, "bob");
        assert_eq!(conflicts[0].lost["body"], "Call the client today");
    }
    assert_eq!(alice.state(), bob.state());
}
