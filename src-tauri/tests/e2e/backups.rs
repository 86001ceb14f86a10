//! Backups in the real window: the app's start wrote the daily backup of the
//! demo database (on its own thread) and the Deadlines view shows its time; "Back up now" writes
//! a manual copy into the backups folder, the time shown becomes its time,
//! and the copy, restored elsewhere, passes the check with the demo case.

use casetrail_store::backups::{self, BackupKind};
use casetrail_store::Store;

use crate::harness::App;

async fn shown_time(app: &App) -> String {
    app.find("[data-testid=backup-last]")
        .await
        .attr("datetime")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn back_up_now_shows_its_time_and_writes_a_copy_that_passes_the_check() {
    let app = App::launch_with_demo().await;
    // Opening the demo database (written before the app started) makes the
    // daily copy, on its own thread.
    app.wait_until("the daily backup", || async {
        backups::list(&app.db).map(|f| f.len()).unwrap_or(0) == 1
    })
    .await;
    app.find("[data-testid=nav-deadlines]")
        .await
        .click()
        .await
        .expect("open Deadlines");

    let daily = backups::list(&app.db).expect("the backups folder");
    assert_eq!(daily.len(), 1, "{daily:?}");
    assert_eq!(daily[0].kind, BackupKind::Daily);
    let first = shown_time(&app).await;
    assert_eq!(
        first,
        daily[0].written.to_rfc3339(),
        "the daily backup's time"
    );

    app.find("[data-testid=backup-now]")
        .await
        .click()
        .await
        .expect("Back up now");
    app.find("[data-testid=backup-done]").await;
    app.wait_until("the new time", || async { shown_time(&app).await != first })
        .await;
    let warnings = app
        .count("[data-testid=backup-warning], [data-testid=backup-error]")
        .await;
    assert_eq!(warnings, 0, "no warning or error shown");

    let files = backups::list(&app.db).expect("the backups folder");
    let manual = files.last().expect("a backup");
    assert_eq!(manual.kind, BackupKind::Manual, "{files:?}");
    assert!(manual.path.is_file());
    assert_eq!(shown_time(&app).await, manual.written.to_rfc3339());
    let text = app
        .find("[data-testid=backup-last]")
        .await
        .text()
        .await
        .unwrap();
    let local = manual.written.with_timezone(&chrono::Local);
    assert!(
        text.contains(&local.format("%H:%M").to_string())
            && text.contains(&local.format("%Y").to_string()),
        "shown {text:?} for {local}"
    );
    app.screenshot("backups-1-back-up-now").await;

    // The copy is a whole database: restored elsewhere it passes the check.
    let elsewhere = tempfile::tempdir().unwrap();
    let restored = elsewhere.path().join("restored.db");
    casetrail_store::restore(&manual.path, &restored).expect("restore the copy");
    let store = Store::open(&restored).unwrap();
    assert!(store.check().unwrap().is_ok());
    assert!(store.find_case("Ireland").is_ok());
    app.quit().await;
}
