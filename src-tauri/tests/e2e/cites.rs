//! What a brief cites, in the window: a small brief (`tests/fixtures/brief-with-citations.pdf`,
//! printed by Chromium from the HTML beside it) imported into the demo case by the CLI,
//! opened in the viewer; choosing *Ashcroft v. Iqbal* in its citation list shows page 2
//! with the citation marked, the bad redaction on page 1 is outlined and counted, and the
//! case's Authorities tab lists Iqbal and opens the viewer on its page.

use std::path::Path;
use std::process::Command;

use casetrail_store::Store;

use thirtyfour::prelude::*;

use crate::harness::{demo_and_import, App};

const FIXTURE: &str = "tests/fixtures/brief-with-citations.pdf";

/// The demo case, then the brief imported into it with the CLI.
fn prepare(db: &Path) {
    demo_and_import(db, FIXTURE, &["--case", "microsoft-ireland"]);
}

/// The text of the text layer under the citation's marks (the spans they overlap).
async fn marked_text(app: &App) -> String {
    app.script(
        "const marks = [...document.querySelectorAll('[data-testid=citation-mark]')].map(m => m.getBoundingClientRect());
         const spans = [...document.querySelectorAll('[data-testid=text-layer] span')];
         const over = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
         return spans.filter(s => marks.some(m => over(m, s.getBoundingClientRect()))).map(s => s.textContent).join(' ');",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Why this machine cannot run the test, if it cannot.
fn missing_tool() -> Option<String> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Some("no display (run under xvfb-run -a)".into());
    }
    let driver = std::env::var_os("TAURI_DRIVER")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin/tauri-driver"))
        });
    let on_path = Command::new("tauri-driver").arg("--help").output().is_ok();
    if !driver.is_some_and(|d| d.exists()) && !on_path {
        return Some("tauri-driver is not installed (cargo install --locked tauri-driver)".into());
    }
    None
}

#[tokio::test]
#[ignore = "needs the built app, the CLI, tauri-driver and a display: run cargo xtask test"]
async fn a_citation_in_the_list_opens_its_page_marked() {
    if let Some(why) = missing_tool() {
        casetrail_fixtures::skip!("{why}");
    }
    let app = App::launch_with(prepare).await;
    let doc = {
        let store = Store::open(&app.db).unwrap();
        let docs = store.documents(None).unwrap();
        assert_eq!(docs.len(), 1, "the brief was imported once");
        let cites = store.document_citations(docs[0].id).unwrap();
        assert!(
            cites
                .iter()
                .any(|c| c.authority.as_deref() == Some("556 U.S. 662")),
            "the import found Iqbal: {cites:?}"
        );
        docs[0].id
    };

    app.find("[data-testid=case-row]").await;
    app.script(&format!("location.hash = '#/document/{}'; return 1", doc.0))
        .await;
    app.wait_until("page 1 drawn", || async { app.shown_page().await == "1" })
        .await;

    // The list groups what the brief cites.
    let groups = app.texts("[data-testid=citation-group]").await;
    for g in ["Cases", "Statutes", "Rules"] {
        assert!(groups.iter().any(|t| t == g), "no {g} group: {groups:?}");
    }
    // Page 1's bad redaction is outlined and counted.
    let count = app
        .find("[data-testid=bad-redaction-count]")
        .await
        .text()
        .await
        .unwrap();
    assert!(count.contains("1 bad redaction"), "{count:?}");
    app.wait_until("the bad redaction drawn on page 1", || async {
        app.count("[data-testid=bad-redaction]").await == 1
    })
    .await;
    let label = app
        .find("[data-testid=bad-redaction]")
        .await
        .text()
        .await
        .unwrap();
    assert!(label.contains("Bad redaction"), "{label:?}");
    app.screenshot("cites-1-redaction").await;

    // Iqbal's full citation, from the keyboard: focus its entry and press Enter.
    app.wait_until("the citation list", || async {
        app.texts("[data-testid=cited-authority]")
            .await
            .iter()
            .any(|t| t.contains("Iqbal"))
    })
    .await;
    let mut iqbal = None;
    for a in app
        .driver
        .find_all(By::Css("[data-testid=cited-authority]"))
        .await
        .unwrap()
    {
        if a.text().await.unwrap().contains("Iqbal") {
            iqbal = Some(a);
            break;
        }
    }
    let iqbal = iqbal.expect("Iqbal in the citation list");
    let jump = iqbal
        .find(By::Css("[data-testid=citation-jump]"))
        .await
        .expect("a page of Iqbal's");
    assert_eq!(jump.attr("data-page").await.unwrap().as_deref(), Some("2"));
    jump.send_keys(Key::Enter).await.unwrap();
    app.wait_until("page 2 drawn", || async { app.shown_page().await == "2" })
        .await;
    app.wait_until("the citation marked on page 2", || async {
        app.count("[data-testid=citation-mark]").await > 0
    })
    .await;
    let marked = marked_text(&app).await;
    assert!(
        marked.contains("556") && marked.contains("662"),
        "the mark covers {marked:?}"
    );
    assert_eq!(
        app.count("[data-testid=bad-redaction]").await,
        0,
        "page 2 has no bad redaction"
    );
    app.screenshot("cites-2-viewer").await;

    // The case's Authorities tab lists Iqbal, most cited first, and its page opens the viewer there.
    app.script("location.hash = ''; return 1").await;
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .unwrap();
    app.find("[data-testid=case-row]")
        .await
        .click()
        .await
        .unwrap();
    // The case page's tabs come with its proceedings: wait for them.
    app.wait_until("the Authorities tab", || async {
        app.texts("[data-testid=tab]")
            .await
            .iter()
            .any(|t| t.contains("Authorities"))
    })
    .await;
    let mut tab = None;
    for t in app
        .driver
        .find_all(By::Css("[data-testid=tab]"))
        .await
        .unwrap()
    {
        if t.text().await.unwrap().contains("Authorities") {
            tab = Some(t);
        }
    }
    tab.expect("an Authorities tab").click().await.unwrap();
    let rows = app.texts("[data-testid=authority]").await;
    assert!(
        rows.first()
            .is_some_and(|r| r.contains("Iqbal") && r.contains("556 U.S. 662")),
        "Iqbal (cited three times) comes first: {rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.contains("42 U.S.C. § 1983")),
        "{rows:?}"
    );
    app.screenshot("cites-3-authorities").await;
    app.find("[data-testid=authority] [data-testid=authority-page][data-page='2']")
        .await
        .click()
        .await
        .unwrap();
    app.wait_until("the viewer on page 2", || async {
        app.shown_page().await == "2"
    })
    .await;
    app.wait_until("the citation marked", || async {
        app.count("[data-testid=citation-mark]").await > 0
    })
    .await;
    let marked = marked_text(&app).await;
    assert!(marked.contains("556"), "the mark covers {marked:?}");
    app.screenshot("cites-4-from-authorities").await;
    app.quit().await;
}
