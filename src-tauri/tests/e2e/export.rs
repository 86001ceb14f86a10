//! Exports in the real window: the calendar feed written beside the database
//! at start-up, shown in the Deadlines view and rewritten when another
//! connection (the CLI, say) changes a deadline; the demo case's report
//! exported from the case page's Export menu through the real GTK save
//! dialog, answered with the keyboard by xdotool, and the file checked.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use casetrail_deadline::NewDeadline;
use casetrail_store::Store;

use crate::harness::App;

const FEED: &str = "casetrail-deadlines.ics";

/// Wait up to `secs` for `path` to hold `text`.
fn wait_for_text(path: &Path, text: &str, secs: u64) -> String {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let now = std::fs::read_to_string(path).unwrap_or_default();
        if now.contains(text) || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `xdotool` with `args`; its output, or why it failed.
fn xdotool(args: &[&str]) -> Result<String, String> {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run xdotool: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "xdotool {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Answer the native save dialog titled `title`: focus it, replace the
/// proposed name with `path`, press Enter.
fn answer_save_dialog(title: &str, path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let window = loop {
        match xdotool(&["search", "--onlyvisible", "--name", title]) {
            Ok(ids) if !ids.trim().is_empty() => {
                break ids.lines().last().unwrap().trim().to_string();
            }
            _ if Instant::now() > deadline => panic!("no save dialog titled {title:?} appeared"),
            _ => std::thread::sleep(Duration::from_millis(200)),
        }
    };
    // No window manager under Xvfb: give the dialog the keyboard ourselves.
    xdotool(&["windowfocus", "--sync", &window]).expect("focus the dialog");
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["key", "--clearmodifiers", "ctrl+a"]).expect("select the name");
    xdotool(&["type", "--delay", "5", path.to_str().unwrap()]).expect("type the path");
    std::thread::sleep(Duration::from_millis(200));
    xdotool(&["key", "Return"]).expect("press Enter");
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn the_calendar_feed_is_kept_up_to_date_and_shown() {
    let app = App::launch_with_demo().await;
    let feed = app.db.parent().unwrap().join(FEED);
    let first = wait_for_text(&feed, "BEGIN:VCALENDAR", 15);
    assert!(
        first.contains("END:VCALENDAR"),
        "the feed at start-up: {first}"
    );

    app.find("[data-testid=nav-deadlines]")
        .await
        .click()
        .await
        .expect("open Deadlines");
    app.find("[data-testid=calendar-feed] summary")
        .await
        .click()
        .await
        .expect("open the feed's details");
    let shown = app
        .find("[data-testid=calendar-feed-path]")
        .await
        .prop("value")
        .await
        .expect("the path's value")
        .unwrap_or_default();
    assert_eq!(
        Path::new(&shown),
        feed,
        "the path shown is the file written"
    );
    app.find("[data-testid=calendar-feed-copy]")
        .await
        .click()
        .await
        .expect("copy the path");
    app.screenshot("calendar-feed").await;

    // A deadline added by another connection reaches the feed.
    let mut store = Store::open(&app.db).expect("open the app's database");
    let case = store.find_case("microsoft-ireland").expect("demo case");
    store
        .add_deadline(&NewDeadline {
            case_id: case.id,
            proceeding_id: None,
            title: "Reply brief on the CLOUD Act (E2E)".into(),
            due: chrono::Local::now().date_naive() + chrono::Duration::days(12),
            notes: String::new(),
        })
        .expect("add a deadline");
    let after = wait_for_text(&feed, "Reply brief on the CLOUD Act (E2E)", 15);
    assert!(
        after.contains("Reply brief on the CLOUD Act (E2E)"),
        "the feed after a change: {after}"
    );
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn the_report_is_exported_through_the_save_dialog() {
    if let Err(why) = xdotool(&["version"]) {
        casetrail_fixtures::skip!("xdotool is not installed (cargo xtask deps installs it): {why}");
    }
    let app = App::launch_with_demo().await;
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .expect("open Cases");
    app.find("[data-testid=case-row]")
        .await
        .click()
        .await
        .expect("open the demo case");
    app.find("[data-testid=case-title]").await;
    app.find("[data-testid=export-menu]")
        .await
        .click()
        .await
        .expect("open the Export menu");
    app.screenshot("export-menu").await;
    app.find("[data-testid=export-html]")
        .await
        .click()
        .await
        .expect("choose the report");

    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("ireland-report.html");
    let dialog_target = target.clone();
    tokio::task::spawn_blocking(move || {
        answer_save_dialog("Export timeline report", &dialog_target)
    })
    .await
    .expect("the dialog was answered");

    let saved = app.find("[data-testid=export-saved]").await;
    let said = saved.text().await.expect("the saved message");
    assert!(
        said.starts_with(&format!("Saved timeline report to {}", target.display())),
        "{said}"
    );
    let html = std::fs::read_to_string(&target).expect("the report was written");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    assert!(html.contains("Microsoft"), "the case is in the report");
    assert!(!html.contains("<script"), "the report needs no script");
    app.screenshot("export-saved").await;
    app.quit().await;
}
