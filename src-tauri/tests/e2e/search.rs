//! The search palette in the real window: Ctrl+K, hits with snippets, Enter
//! opens, a saved search lands in the database; and a page of a PDF imported
//! through the CLI found by a word on it.

use std::path::Path;
use std::process::Command;

use casetrail_store::Store;
use thirtyfour::prelude::*;

use crate::harness::{cli_path, App};

/// Press Ctrl+K wherever the focus is.
async fn ctrl_k(app: &App) {
    app.driver
        .action_chain()
        .key_down(Key::Control)
        .send_keys("k")
        .key_up(Key::Control)
        .perform()
        .await
        .expect("press Ctrl+K");
}

/// Open the palette with Ctrl+K and type `query` into it.
pub(crate) async fn search_for(app: &App, query: &str) {
    app.find("[data-testid=case-row]").await;
    ctrl_k(app).await;
    app.find("[data-testid=search-palette]").await;
    app.wait_until("the search box to take the focus", || async {
        app.focused()
            .await
            .attr("data-testid")
            .await
            .ok()
            .flatten()
            .as_deref()
            == Some("search-input")
    })
    .await;
    app.type_keys(query).await;
    app.wait_until("hits", || async {
        app.count("[data-testid=search-hit]").await > 0
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn ctrl_k_finds_docket_events_saves_the_search_and_opens_the_case() {
    let app = App::launch_with_demo().await;
    search_for(&app, "warrant").await;

    let snippets = app.texts("[data-testid=search-hit-snippet]").await;
    assert!(
        snippets
            .iter()
            .all(|s| s.to_lowercase().contains("warrant")),
        "{snippets:?}"
    );
    let marks = app.texts("[data-testid=search-hit] mark").await;
    assert!(
        marks.iter().all(|m| m.eq_ignore_ascii_case("warrant")),
        "{marks:?}"
    );
    let places = app.texts("[data-testid=search-hit-place]").await;
    assert!(places[0].contains("Microsoft"), "{places:?}");
    app.screenshot("search-palette").await;

    // Save it: Enter in the name field saves.
    app.find("[data-testid=search-save]")
        .await
        .click()
        .await
        .expect("save this search");
    let name = app.find("[data-testid=search-save-name]").await;
    name.send_keys(" (e2e)").await.expect("type a name");
    name.send_keys(Key::Enter).await.expect("Enter saves");
    let saved = app.find("[data-testid=search-saved]").await;
    assert!(saved.text().await.unwrap().contains("warrant (e2e)"));
    {
        let store = Store::open(&app.db).expect("open the app's database");
        let list = store.saved_searches().expect("saved searches");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].search.name, "warrant (e2e)");
        assert_eq!(list[0].new_hits, 0);
    }

    // A paralegal logs a matching event through the CLI while the window is open:
    // the saved search shows one new hit, marked when opened, then seen.
    app.type_keys(Key::Escape).await;
    app.wait_until("the palette to close", || async {
        app.count("[data-testid=search-palette]").await == 0
    })
    .await;
    let out = Command::new(cli_path())
        .arg("--db")
        .arg(&app.db)
        .args([
            "log",
            "--case",
            "Ireland",
            "--proceeding",
            "14-2985",
            "--date",
            "2016-08-01",
            "--kind",
            "letter",
            "--title",
            "Letter on the warrant after the panel opinion",
        ])
        .env_remove("CASETRAIL_DB")
        .output()
        .expect("run casetrail log");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ctrl_k(&app).await;
    app.find("[data-testid=search-input]").await;
    // The query is selected on opening: one Backspace clears it and lists the saved searches.
    app.type_keys(Key::Backspace).await;
    let badge = app.find("[data-testid=saved-badge]").await;
    assert_eq!(badge.text().await.unwrap(), "1 new");
    app.type_keys(Key::Down).await;
    app.type_keys(Key::Enter).await;
    let run = app.find("[data-testid=saved-run-title]").await;
    assert!(run.text().await.unwrap().contains("1 new"));
    assert_eq!(app.count("[data-testid=hit-new]").await, 1);
    let hits = app.texts("[data-testid=search-hit]").await;
    let logged: Vec<_> = hits
        .iter()
        .filter(|h| h.contains("after the panel opinion"))
        .collect();
    assert_eq!(logged.len(), 1, "{hits:?}");
    assert!(
        logged[0].contains("New"),
        "the logged event is the new hit: {hits:?}"
    );
    app.screenshot("search-saved-new-hits").await;
    {
        let store = Store::open(&app.db).expect("open the app's database");
        assert_eq!(
            store.saved_searches().unwrap()[0].new_hits,
            0,
            "seen once shown"
        );
    }

    // Enter opens the selected hit (an event) on its case.
    app.type_keys(Key::Enter).await;
    let title = app.find("[data-testid=case-title]").await;
    assert!(title.text().await.unwrap().contains("Ireland"));
    assert_eq!(app.count("[data-testid=search-palette]").await, 0);
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn ctrl_k_finds_a_page_of_a_pdf_imported_by_the_cli() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/calvary-chapel-v-mills-ca1-20-1507.pdf");
    let app = App::launch_with(|db| {
        let mut store = Store::open(db).expect("open temp database");
        casetrail_import::demo::load(&mut store).expect("load the demo case");
        drop(store);
        let out = Command::new(cli_path())
            .arg("--db")
            .arg(db)
            .arg("import")
            .arg(&fixture)
            .env_remove("CASETRAIL_DB")
            .output()
            .expect("run casetrail import");
        assert!(
            out.status.success(),
            "import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    })
    .await;
    search_for(&app, "Torresen").await;

    let hits = app.texts("[data-testid=search-hit]").await;
    let places = app.texts("[data-testid=search-hit-place]").await;
    assert!(
        places.iter().any(|p| p.starts_with("p. ")),
        "a page hit with its number: {places:?} in {hits:?}"
    );
    let marks = app.texts("[data-testid=search-hit] mark").await;
    assert!(marks.iter().any(|m| m == "Torresen"), "{marks:?}");
    // Under Xvfb the captured frame can lag the DOM by more than the harness's pause.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    app.screenshot("search-page-hit").await;

    // Enter opens the page: the palette closes and the window leaves the cases list.
    app.type_keys(Key::Enter).await;
    app.wait_until("the palette to close", || async {
        app.count("[data-testid=search-palette]").await == 0
    })
    .await;
    assert_eq!(app.count("[data-testid=case-row]").await, 0);
    app.quit().await;
}
