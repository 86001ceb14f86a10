//! Deadlines in the real window: the demo case plus an upcoming deadline
//! derived the way the CLI and the app derive them (a ruling logged on the
//! docket, FRAP 4(a)(1)(A) applied to it); the Deadlines view shows it with
//! its step trail, marks it done (kept in the database); the cases list shows
//! the next deadline, and editing the case name updates the list.

use casetrail_deadline::{DeadlineId, DeadlineStatus, DeriveDeadline};
use casetrail_model::{EventDate, EventKind, NewEvent};
use casetrail_store::Store;
use thirtyfour::prelude::*;

use crate::harness::App;

const TITLE: &str = "Notice of appeal (E2E)";

/// Log a ruling in the district court 20 days ago and derive the 30-day
/// notice-of-appeal deadline from it: due in about ten days, open.
fn add_upcoming_deadline(app: &App) -> DeadlineId {
    let mut store = Store::open(&app.db).expect("open the app's database");
    let case = store.find_case("microsoft-ireland").expect("demo case");
    let sdny = store.find_proceeding(case.id, "nysd").expect("S.D.N.Y.");
    let day = chrono::Local::now().date_naive() - chrono::Duration::days(20);
    let ruling = store
        .add_event(&NewEvent::new(
            sdny.id,
            EventDate::day(day),
            EventKind::Ruling,
            "Order on remand (E2E)",
        ))
        .expect("log a ruling");
    let mut spec = DeriveDeadline::new(ruling.id, "FRAP 4(a)(1)(A)");
    spec.title = Some(TITLE.into());
    store.derive_deadline(&spec).expect("derive a deadline").id
}

fn row(id: DeadlineId) -> String {
    format!("[data-testid=deadline-row][data-deadline-id='{id}']")
}

async fn state_of(app: &App, id: DeadlineId) -> String {
    app.find(&row(id))
        .await
        .attr("data-state")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn deadlines_view_shows_the_step_trail_and_marks_done() {
    let app = App::launch_with_demo().await;
    let id = add_upcoming_deadline(&app);

    app.find("[data-testid=nav-deadlines]")
        .await
        .click()
        .await
        .expect("open Deadlines");
    let rows = app.texts("[data-testid=deadline-row]").await;
    assert!(rows.len() >= 9, "demo deadlines and ours: {rows:?}");
    assert_eq!(state_of(&app, id).await, "later", "due in about 10 days");
    // The demo's deadlines are all closed (done or superseded).
    let closed = app
        .texts("[data-testid=deadline-group-closed] [data-testid=deadline-row]")
        .await;
    assert_eq!(closed.len(), rows.len() - 1, "{closed:?}");

    // Expand ours with the keyboard: its steps and the rule they cite.
    let toggle = app
        .find(&format!("{} [data-testid=deadline-toggle]", row(id)))
        .await;
    toggle.send_keys(Key::Enter).await.expect("expand");
    app.wait_until("the step trail", || async {
        app.count(&format!("{} [data-testid=trail-step]", row(id)))
            .await
            >= 2
    })
    .await;
    let cites = app
        .texts(&format!("{} [data-testid=trail-cite]", row(id)))
        .await;
    assert!(
        cites.iter().any(|c| c.contains("FRAP 4(a)(1)(A)")),
        "{cites:?}"
    );
    let trail = app
        .find(&format!("{} [data-testid=deadline-trail]", row(id)))
        .await
        .text()
        .await
        .unwrap();
    assert!(trail.contains("Order on remand (E2E)"), "{trail}");
    app.screenshot("deadlines-1-view").await;

    // Mark it done: the row says so, and the database keeps it.
    app.find(&format!("{} [data-testid=deadline-done]", row(id)))
        .await
        .click()
        .await
        .expect("mark done");
    app.wait_until("the row to show done", || async {
        state_of(&app, id).await == "done"
    })
    .await;
    let stored = Store::open(&app.db).unwrap().deadline(id).unwrap();
    assert_eq!(stored.status, DeadlineStatus::Done);

    // Away and back: still done (read again from the database).
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .unwrap();
    app.find("[data-testid=case-row]").await;
    app.find("[data-testid=nav-deadlines]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_until("the view to load again", || async {
        state_of(&app, id).await == "done"
    })
    .await;
    app.screenshot("deadlines-2-done").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn cases_list_shows_next_deadline_and_edits_the_case_name() {
    let app = App::launch_with_demo().await;
    add_upcoming_deadline(&app);
    // The list was read at start-up: look again.
    app.find("[data-testid=nav-deadlines]")
        .await
        .click()
        .await
        .unwrap();
    app.find("[data-testid=deadlines-view]").await;
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .unwrap();

    let next = app
        .find("[data-testid=case-next-deadline]")
        .await
        .text()
        .await
        .unwrap();
    assert!(next.contains(TITLE), "{next}");
    let activity = app
        .find("[data-testid=case-activity]")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(activity, "Last activity today");

    // Edit the name with the keyboard: Edit, select the name, type, Enter.
    app.find("[data-testid=case-edit]")
        .await
        .send_keys(Key::Enter)
        .await
        .expect("open the editor");
    app.find("[data-testid=edit-case-name]").await;
    app.wait_until("the name field to have the focus", || async {
        app.focused_id().await == "edit-case-name"
    })
    .await;
    app.type_keys(Key::Control + "a").await;
    app.type_keys("Microsoft Ireland warrant (renamed)").await;
    app.type_keys(Key::Enter).await;
    app.wait_until("the list to show the new name", || async {
        app.count("[data-testid=edit-case]").await == 0
            && app.texts("[data-testid=case-name]").await
                == vec!["Microsoft Ireland warrant (renamed)".to_string()]
    })
    .await;
    let store = Store::open(&app.db).unwrap();
    let case = store.find_case("microsoft-ireland").unwrap();
    assert_eq!(case.name, "Microsoft Ireland warrant (renamed)");
    app.screenshot("deadlines-3-cases-list").await;
    app.quit().await;
}
