//! State-court deadlines in the real window: a case with a California
//! Superior Court proceeding and a federal one. The event's deadline form
//! offers California's rules (not the federal ones) and California's methods
//! of service; the deadline it adds is computed by the core with California's
//! step trail; the Deadlines view filters by court system.

use std::path::Path;

use casetrail_deadline::DeriveDeadline;
use casetrail_model::{EventDate, EventId, EventKind, NewCase, NewEvent, NewProceeding};
use casetrail_store::Store;
use thirtyfour::components::SelectElement;

use crate::harness::App;

const SERVED: &str = "Summons and complaint served (E2E)";

/// The case, its California service event (ten days ago) and a federal
/// deadline, so the Deadlines view has two court systems.
fn prepare(db: &Path) -> EventId {
    let mut s = Store::open(db).expect("open temp database");
    let case = s
        .add_case(&NewCase {
            slug: "doe-v-acme".into(),
            name: "Doe v. Acme".into(),
            summary: String::new(),
        })
        .unwrap();
    let day = chrono::Local::now().date_naive() - chrono::Duration::days(10);
    let cal = s
        .add_proceeding(case.id, &NewProceeding::new("calsuperct", "26STCV01234"))
        .unwrap();
    let served = s
        .add_event(&NewEvent::new(
            cal.id,
            EventDate::day(day),
            EventKind::Filing,
            SERVED,
        ))
        .unwrap();
    let fed = s
        .add_proceeding(case.id, &NewProceeding::new("nysd", "1:26-cv-00042"))
        .unwrap();
    let ruling = s
        .add_event(&NewEvent::new(
            fed.id,
            EventDate::day(day),
            EventKind::Ruling,
            "Order dismissing the federal claims (E2E)",
        ))
        .unwrap();
    s.derive_deadline(&DeriveDeadline::new(ruling.id, "FRAP 4(a)(1)(A)"))
        .unwrap();
    served.id
}

/// Click `css` from script once it is there (the timeline's list of events is
/// visually hidden, for screen readers, so WebDriver will not click it).
async fn click_by_script(app: &App, css: &str) {
    app.find(css).await;
    let js = format!(
        "const e = document.querySelector({css:?}); if (!e) return false; e.click(); return true;"
    );
    let clicked = app.driver.execute(&js, vec![]).await.unwrap();
    assert_eq!(clicked.json(), &serde_json::json!(true), "no element {css}");
}

async fn select(app: &App, css: &str, value: &str) {
    let el = app.find(css).await;
    SelectElement::new(&el)
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn a_california_event_offers_californias_rules_and_counts_its_way() {
    let mut event = None;
    let app = App::launch_with(|db| event = Some(prepare(db))).await;
    let event = event.expect("prepared");

    app.find("[data-testid=case-row]")
        .await
        .click()
        .await
        .unwrap();
    app.find("[data-testid=case-title]").await;
    click_by_script(&app, &format!("button[data-event-id='{event}']")).await;
    let details = app.find("[data-testid=event-details]").await;
    app.wait_until("the event's details", || async {
        details.text().await.is_ok_and(|t| t.contains(SERVED))
    })
    .await;
    app.find("[data-testid=add-deadline]")
        .await
        .click()
        .await
        .unwrap();

    // California's rules only, until the user asks for the others.
    let system = app
        .find("[data-testid=rule-system]")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(system, "California courts");
    let offered = app.texts("[data-testid=rule-select] option").await;
    assert!(
        offered.iter().any(|o| o.starts_with("CCP 412.20(a)(3)")),
        "{offered:?}"
    );
    assert!(
        !offered.iter().any(|o| o.starts_with("FRCP")),
        "federal rules offered on a California proceeding: {offered:?}"
    );

    select(&app, "[data-testid=rule-select]", "CCP 412.20(a)(3)").await;
    let services = app.texts("[data-testid=rule-service] option").await;
    assert!(
        services.iter().any(|s| s.contains("substituted")),
        "{services:?}"
    );
    select(&app, "[data-testid=rule-service]", "personal").await;
    app.find("[data-testid=derive-deadline]")
        .await
        .click()
        .await
        .unwrap();
    let added = app.find("[data-testid=derived-deadline]").await;
    app.wait_until("the added deadline", || async {
        added.text().await.is_ok_and(|t| t.contains("due"))
    })
    .await;
    let steps = app.texts("[data-testid=derived-step]").await.join("\n");
    assert!(steps.contains("CCP"), "no California citation: {steps}");
    app.screenshot("state-deadlines-1-form").await;

    // The database has it, computed under California's rule.
    let stored = Store::open(&app.db).unwrap().deadlines(None).unwrap();
    let ours = stored
        .iter()
        .find(|d| d.rule.as_deref() == Some("CCP 412.20(a)(3)"))
        .expect("the deadline stored");
    assert_eq!(ours.court_id.as_deref(), Some("calsuperct"));
    assert_eq!(ours.service.as_deref(), Some("personal"));

    // The Deadlines view: two systems, filtered to California's.
    app.find("[data-testid=nav-deadlines]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_until("both deadlines listed", || async {
        app.count("[data-testid=deadline-row]").await == 2
    })
    .await;
    select(&app, "[data-testid=deadline-system-filter]", "state:CA").await;
    app.wait_until("only California's deadline", || async {
        app.count("[data-testid=deadline-row]").await == 1
    })
    .await;
    let row = format!("[data-testid=deadline-row][data-deadline-id='{}']", ours.id);
    let text = app.find(&row).await.text().await.unwrap();
    assert!(text.contains("California courts"), "{text}");
    app.find(&format!("{row} [data-testid=deadline-toggle]"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until("the step trail", || async {
        app.count(&format!("{row} [data-testid=trail-cite]")).await > 0
    })
    .await;
    let cites = app.texts(&format!("{row} [data-testid=trail-cite]")).await;
    assert!(cites.iter().any(|c| c.contains("CCP")), "{cites:?}");
    app.screenshot("state-deadlines-2-filtered").await;
    app.quit().await;
}
