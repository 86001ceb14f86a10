//! Importing a real court PDF through the window: type its path, start, watch
//! the per-file result, link the document to a proceeding, find it on the case's
//! Documents tab; importing it again is a duplicate.

use std::path::Path;

use casetrail_store::Store;
use thirtyfour::prelude::*;

use crate::harness::App;

/// The committed fixture: 1st Cir. No. 20-1507, 17 pages with a text layer.
fn fixture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/calvary-chapel-v-mills-ca1-20-1507.pdf")
        .canonicalize()
        .expect("the committed PDF fixture");
    path.to_str().expect("utf-8 fixture path").to_owned()
}

/// Type the fixture's path in the Import view and start; wait for the one result
/// and return its status and pages text.
async fn import_fixture(app: &App) -> (String, String) {
    let field = app.find("[data-testid=import-path]").await;
    field.clear().await.expect("clear the path field");
    field.send_keys(fixture()).await.expect("type the path");
    app.find("[data-testid=import-start]")
        .await
        .click()
        .await
        .expect("start");
    app.wait_until("the import to finish", || async {
        app.count("[data-testid=import-finished]").await == 1
            && app.count("[data-testid=import-result]").await == 1
    })
    .await;
    let status = app.texts("[data-testid=import-status]").await.remove(0);
    let pages = app
        .texts("[data-testid=import-pages]")
        .await
        .pop()
        .unwrap_or_default();
    (status, pages)
}

async fn choose(app: &App, css: &str, text: &str) {
    // Set through the DOM, as choosing from the open list would: clicking an
    // <option> opens WebKitGTK's native popup menu, which holds the window's
    // input grab and stalls the next screenshot under Xvfb.
    let select = app.find(css).await;
    let chosen = app
        .driver
        .execute(
            "const [s, t] = arguments; \
             const o = [...s.options].find((o) => o.text.includes(t)); \
             if (!o) return false; \
             s.value = o.value; \
             s.dispatchEvent(new Event('input', { bubbles: true })); \
             s.dispatchEvent(new Event('change', { bubbles: true })); \
             return true;",
            vec![select.to_json().expect("element"), serde_json::json!(text)],
        )
        .await
        .unwrap_or_else(|e| panic!("choose {text:?} in {css}: {e}"));
    assert_eq!(
        chosen.json(),
        &serde_json::json!(true),
        "no option {text:?} in {css}"
    );
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn a_pdf_is_imported_linked_and_listed_on_the_case() {
    let app = App::launch_with_demo().await;
    app.find("[data-testid=case-row]").await;
    app.find("[data-testid=nav-import]")
        .await
        .click()
        .await
        .expect("go to Import");

    let started = std::time::Instant::now();
    let (status, pages) = import_fixture(&app).await;
    eprintln!(
        "FIGURE import-17-pages: {:.0} ms from Start to the per-file result",
        started.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(status, "imported", "pages: {pages:?}");
    assert_eq!(pages, "17 pages");
    let errors = app.count("[data-testid=import-error]").await;
    assert_eq!(errors, 0, "no per-file error");
    let counts = app
        .find("[data-testid=import-counts]")
        .await
        .text()
        .await
        .unwrap();
    assert!(counts.contains("1 of 1 files · 17 pages"), "{counts}");

    // Link it to the Second Circuit proceeding of the demo case.
    choose(&app, "[data-testid=link-case]", "Ireland").await;
    app.wait_until("the case's proceedings in the link form", || async {
        app.count("[data-testid=link-proceeding] option").await > 1
    })
    .await;
    choose(&app, "[data-testid=link-proceeding]", "14-2985").await;
    app.find("[data-testid=link-save]")
        .await
        .click()
        .await
        .expect("link");
    app.wait_until("the link to be confirmed", || async {
        match app.driver.find(By::Css("[data-testid=link-status]")).await {
            Ok(e) => e
                .text()
                .await
                .map(|t| t.contains("14-2985"))
                .unwrap_or(false),
            Err(_) => false,
        }
    })
    .await;
    app.screenshot("6-import").await;

    // The database has it, with its pages, linked to the proceeding.
    {
        let store = Store::open(&app.db).unwrap();
        let case = store.find_case("Ireland").unwrap();
        let p = store.find_proceeding(case.id, "14-2985").unwrap();
        let docs = store.documents(Some(case.id)).unwrap();
        assert_eq!(docs.len(), 1, "one document on the case");
        assert_eq!(docs[0].page_count, 17);
        assert_eq!(docs[0].proceeding_id, Some(p.id));
        let text = store.pages(docs[0].id).unwrap();
        assert!(text.iter().any(|pg| pg.text.contains("Calvary")));
    }

    // Importing the same file again adds nothing.
    let (status, _) = import_fixture(&app).await;
    assert_eq!(status, "duplicate");

    // The case page lists it on its Documents tab.
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
    app.find("#tab-documents")
        .await
        .click()
        .await
        .expect("open the Documents tab");
    let rows = app.texts("[data-testid=case-document]").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("calvary-chapel"), "{rows:?}");
    assert!(rows[0].contains("2d Cir. 14-2985"), "{rows:?}");
    app.screenshot("7-case-documents").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn a_folder_import_can_be_cancelled() {
    // Enough work (17 pages a copy) that the Cancel click lands long before the
    // last file on a loaded machine: 120 copies were all done once before it.
    const COPIES: usize = 600;
    // Distinct bytes per copy (a comment after %%EOF), so none is a duplicate.
    let folder = tempfile::tempdir().expect("temp folder");
    let original = std::fs::read(fixture()).expect("read the fixture");
    for i in 0..COPIES {
        let mut bytes = original.clone();
        bytes.extend_from_slice(format!("\n% copy {i}\n").as_bytes());
        std::fs::write(folder.path().join(format!("copy-{i:03}.pdf")), bytes).unwrap();
    }
    let app = App::launch_with_demo().await;
    app.find("[data-testid=case-row]").await;
    app.find("[data-testid=nav-import]")
        .await
        .click()
        .await
        .expect("go to Import");
    let field = app.find("[data-testid=import-path]").await;
    field
        .send_keys(folder.path().to_str().unwrap())
        .await
        .expect("type the folder");
    // Enter in the path field starts the import.
    field.send_keys(Key::Enter).await.expect("start with Enter");
    app.find("[data-testid=import-cancel]")
        .await
        .click()
        .await
        .expect("cancel");
    app.wait_until("the cancelled import to end", || async {
        app.count("[data-testid=import-finished]").await == 1
    })
    .await;
    let statuses = app.texts("[data-testid=import-status]").await;
    assert_eq!(statuses.len(), COPIES, "one result per file");
    let imported = statuses.iter().filter(|s| *s == "imported").count();
    let cancelled = statuses.iter().filter(|s| *s == "cancelled").count();
    assert!(
        cancelled > 0 && imported + cancelled == COPIES,
        "{imported} imported, {cancelled} cancelled"
    );
    eprintln!("import cancel: {imported} imported, {cancelled} cancelled of {COPIES}");
    app.screenshot("8-import-cancelled").await;
    let store = Store::open(&app.db).unwrap();
    assert_eq!(
        store.documents(None).unwrap().len(),
        imported,
        "what was imported is complete, nothing else"
    );
    app.quit().await;
}
