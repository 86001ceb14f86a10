//! Docket files through the window: a CourtListener docket typed into the
//! Import view becomes a case whose entries are on its docket and marked new;
//! the later report of the same docket marks what changed, with both texts;
//! "Mark seen" clears the marks; an entry names the file it came from. A real
//! 161-entry PACER docket's timeline is screenshot to be looked at.

use std::path::{Path, PathBuf};

use casetrail_store::Store;

use crate::harness::App;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/dockets")
        .join(name)
        .canonicalize()
        .unwrap_or_else(|e| panic!("the committed docket fixture {name}: {e}"));
    path.to_str().expect("utf-8 fixture path").to_owned()
}

/// Type `path` in the Import view, start, and wait for the docket result; its counts line.
async fn import_docket(app: &App, path: &str) -> String {
    app.find("[data-testid=nav-import]")
        .await
        .click()
        .await
        .expect("go to Import");
    let field = app.find("[data-testid=import-path]").await;
    field.clear().await.expect("clear the path field");
    field.send_keys(path).await.expect("type the path");
    app.find("[data-testid=import-start]")
        .await
        .click()
        .await
        .expect("start");
    app.wait_until("the docket import to finish", || async {
        app.count("[data-testid=import-finished]").await == 1
            && app.count("[data-testid=docket-result]").await == 1
    })
    .await;
    let errors = app.count("[data-testid=docket-error]").await;
    assert_eq!(errors, 0, "no per-file error");
    app.texts("[data-testid=docket-counts]").await.remove(0)
}

async fn open_only_case(app: &App) {
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .expect("go to Cases");
    app.find("[data-testid=case-row]")
        .await
        .click()
        .await
        .expect("open the case");
    app.find("[data-testid=case-title]").await;
}

/// Open the case's one proceeding's docket tab (the tab after Timeline).
async fn open_docket_tab(app: &App) {
    let tabs = app
        .driver
        .find_all(thirtyfour::By::Css("[data-testid=tab]"))
        .await
        .unwrap();
    tabs[1].click().await.expect("open the docket tab");
    app.find("[data-testid=docket-table]").await;
}

/// Press "Mark seen" on the case page and wait for the news and the docket's marks to go.
async fn mark_seen(app: &App) {
    app.find("[data-testid=news-mark-seen]")
        .await
        .click()
        .await
        .expect("mark seen");
    app.wait_until("the news to clear", || async {
        app.count("[data-testid=news]").await == 0
            && app.count("[data-testid=docket-mark]").await == 0
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn a_docket_file_is_imported_with_its_news_and_a_later_report_shows_changes() {
    let app = App::launch_with(|db| drop(Store::open(db).expect("open temp database"))).await;
    app.find("[data-testid=load-demo]").await;

    let counts = import_docket(&app, &fixture("doe-v-acme-nysd.json")).await;
    assert_eq!(counts, "5 entries: 5 added", "{counts}");
    let what = app.texts("[data-testid=docket-import]").await.remove(0);
    assert!(
        what.contains("S.D.N.Y. 1:23-cv-00042") && what.contains("Doe v. Acme Corp."),
        "{what}"
    );
    app.screenshot("dockets-1-import").await;

    // The cases list marks the new case with its news.
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .expect("go to Cases");
    let badge = app.texts("[data-testid=case-news]").await;
    assert_eq!(badge, ["5 new"], "{badge:?}");
    app.screenshot("dockets-2-cases-news").await;

    open_only_case(&app).await;
    assert_eq!(
        app.count("[data-testid=news-item][data-change=added]")
            .await,
        5
    );
    open_docket_tab(&app).await;
    assert_eq!(app.count("[data-testid=docket-row]").await, 5);
    let marks = app.texts("[data-testid=docket-mark]").await;
    assert_eq!(marks, ["new"; 5], "{marks:?}");
    app.screenshot("dockets-3-docket-new").await;

    // The user has looked: Mark seen clears the marks, here and in the cases list.
    mark_seen(&app).await;
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .expect("go to Cases");
    app.find("[data-testid=case-row]").await;
    assert_eq!(app.count("[data-testid=case-news]").await, 0);

    // The later report: one entry more, one changed.
    let counts = import_docket(&app, &fixture("doe-v-acme-nysd-later.json")).await;
    assert_eq!(
        counts, "6 entries: 1 added, 1 changed, 4 unchanged",
        "{counts}"
    );
    open_only_case(&app).await;
    assert_eq!(
        app.count("[data-testid=news-item][data-change=updated]")
            .await,
        1
    );
    let before = app.texts("[data-testid=news-old]").await.remove(0);
    let now = app.texts("[data-testid=news-new]").await.remove(0);
    assert_ne!(before, now, "a changed entry shows both texts");
    open_docket_tab(&app).await;
    assert_eq!(app.count("[data-testid=docket-row]").await, 6);
    let marks = app.texts("[data-testid=docket-mark]").await;
    assert_eq!(marks, ["changed", "new"], "{marks:?}");
    app.screenshot("dockets-4-news-changed").await;

    // An entry says where it came from.
    app.find("[data-testid=docket-row] button.title")
        .await
        .click()
        .await
        .expect("open an entry");
    let source = app.texts("[data-testid=entry-source]").await.remove(0);
    assert!(
        source.contains("doe-v-acme-nysd.json") && source.contains("SHA-256"),
        "{source}"
    );
    app.screenshot("dockets-5-entry-source").await;

    // Mark seen again: the marks go, and the database agrees.
    mark_seen(&app).await;
    let store = Store::open(&app.db).expect("open the app's database");
    assert!(store.news(None).expect("news").is_empty());
    app.quit().await;
}

/// A real PACER district docket with 161 entries, or (without ../shared) none.
fn dense_docket() -> Option<PathBuf> {
    casetrail_fixtures::shared::path(
        "corpus/dockets/juriscraper/pacer/dockets/district/njd_509180.html",
    )
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn a_dense_imported_docket_reads_on_the_timeline() {
    let Some(path) = dense_docket() else {
        casetrail_fixtures::shared::report_skip(
            "a_dense_imported_docket_reads_on_the_timeline",
            "no ../shared corpus",
        );
        return;
    };
    let app = App::launch_with(|db| drop(Store::open(db).expect("open temp database"))).await;
    app.find("[data-testid=load-demo]").await;
    let counts = import_docket(&app, path.to_str().expect("utf-8 path")).await;
    assert_eq!(counts, "161 entries: 161 added", "{counts}");
    open_only_case(&app).await;
    app.find("canvas").await;
    // Labelled entries and the rest counted per month or year, all in the list of what is in view.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.screenshot("dockets-6-dense-news").await;
    app.driver
        .execute(
            "document.querySelector('canvas').scrollIntoView({ block: 'start' }); window.scrollBy(0, -60);",
            vec![],
        )
        .await
        .expect("scroll to the timeline");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.screenshot("dockets-7-dense-timeline").await;
    // Zoomed in on its busiest quarter: more labels, the rest counted per month.
    let canvas = app.find("canvas").await;
    for _ in 0..3 {
        app.driver
            .execute(
                "const c = arguments[0]; const r = c.getBoundingClientRect();                  c.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: r.left + r.width * 0.82, clientY: r.top + 60, bubbles: true, cancelable: true }));",
                vec![canvas.to_json().expect("element")],
            )
            .await
            .expect("zoom in");
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.screenshot("dockets-8-dense-zoomed").await;
    app.quit().await;
}
