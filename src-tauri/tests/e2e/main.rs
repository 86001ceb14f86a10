//! End-to-end tests of the real Casetrail window, driven over WebDriver
//! (tauri-driver → WebKitWebDriver) on a temporary database with the demo case.
//!
//! Ignored by a plain `cargo test`: they need the app built with its UI, a
//! display and tauri-driver. Run them with `cargo xtask test`, which runs
//! `cargo test -p casetrail-app --features custom-protocol --test e2e -- --ignored --test-threads=1`
//! under `xvfb-run -a`. Screenshots land in `test-output/screenshots/`.

mod backups;
mod cites;
mod deadlines;
mod dockets;
mod export;
mod harness;
mod hostile_text;
mod import;
mod package;
mod perf;
mod search;
mod state_deadlines;
mod viewer;

use casetrail_store::Store;
use harness::App;
use thirtyfour::prelude::*;

/// Open the demo case from the cases list.
async fn open_demo_case(app: &App) {
    app.find("[data-testid=case-row]")
        .await
        .click()
        .await
        .expect("open case");
    let title = app
        .find("[data-testid=case-title]")
        .await
        .text()
        .await
        .unwrap();
    assert!(title.contains("Ireland"), "case page shows {title:?}");
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn cases_list_shows_the_demo_case() {
    let app = App::launch_with_demo().await;
    let rows = app.texts("[data-testid=case-row]").await;
    let shown_ms = app.started.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(rows.len(), 1, "one case: {rows:?}");
    assert!(rows[0].contains("Microsoft"), "{rows:?}");
    assert!(rows[0].contains("Last activity"), "{rows:?}");

    // The page marks the moment it first shows data (ms since navigation start).
    let interactive = app
        .page_number("return document.documentElement.dataset.interactiveMs || null")
        .await
        .expect("the page sets data-interactive-ms once the cases are shown");
    let from_process = app.interactive_after_process_start_ms().await;
    eprintln!(
        "FIGURE window-interactive: {:.0} ms after the app process started, page \
         {interactive:.0} ms after navigation start; session ready {:.0} ms and case list \
         found {shown_ms:.0} ms after the session request",
        from_process.unwrap_or(f64::NAN),
        app.session_ms
    );

    app.screenshot("1-cases").await;

    // Idle memory once the window has settled: the app and WebKit's processes.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    match app.memory_kib() {
        Some((rss, pss)) => eprintln!(
            "FIGURE idle-memory: {:.0} MB PSS, {:.0} MB RSS summed (app + WebKit processes)",
            pss as f64 / 1024.0,
            rss as f64 / 1024.0
        ),
        None => eprintln!("FIGURE idle-memory: app process not found in /proc"),
    }

    // The search box filters as you type; Escape empties it.
    let search = app.find("[data-testid=case-search]").await;
    search.send_keys("no such case").await.unwrap();
    app.wait_until("the list to empty", || async {
        app.count("[data-testid=case-row]").await == 0
    })
    .await;
    search.send_keys(Key::Escape).await.unwrap();
    search.send_keys("ireland").await.unwrap();
    app.wait_until("the case to match 'ireland'", || async {
        search.value().await.ok().flatten().as_deref() == Some("ireland")
            && app.count("[data-testid=case-row]").await == 1
    })
    .await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn case_page_shows_the_three_courts_and_event_details() {
    let app = App::launch_with_demo().await;
    open_demo_case(&app).await;

    let tabs = app.texts("[data-testid=tab]").await;
    for court in ["S.D.N.Y.", "2d Cir.", "U.S. Supreme Court"] {
        assert!(
            tabs.iter().any(|t| t.contains(court)),
            "no tab for {court}: {tabs:?}"
        );
    }
    let lanes = app.texts("[data-testid=lane-court]").await;
    for court in ["S.D.N.Y.", "2d Cir.", "U.S. Supreme Court"] {
        assert!(
            lanes.iter().any(|l| l == court),
            "no timeline lane for {court}: {lanes:?}"
        );
    }
    // The drawn timeline: a canvas with something on it, and beside it the
    // list that screen readers (and this test) read: the lanes, the stay as a
    // span, the amicus waves counted by filers.
    let painted = app
        .page_number(
            "const c = document.querySelector('.timeline canvas, canvas');\n\
             if (!c || !c.width) return 0;\n\
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;\n\
             const seen = new Set();\n\
             for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]);\n\
             return seen.size;",
        )
        .await
        .unwrap_or(0.0);
    assert!(
        painted > 5.0,
        "the timeline canvas looks blank ({painted} colours)"
    );
    let read = app
        .driver
        .execute(
            "return document.querySelector('.sr-list')?.textContent ?? ''",
            vec![],
        )
        .await
        .expect("read the timeline's list");
    let listed = read.json().as_str().unwrap_or_default().to_owned();
    for expected in [
        "S.D.N.Y.",
        "2d Cir.",
        "U.S. Supreme Court",
        "U.S. Congress",
        "lifted Aug 29, 2014",
        "amicus wave, 21 filers",
        "amicus wave, 7 filers",
        "amicus wave, 16 filers",
        "vacated as moot",
    ] {
        assert!(
            listed.contains(expected),
            "the timeline does not list {expected:?}: {listed}"
        );
    }
    app.screenshot("2-case-timeline").await;

    // Pick the ruling vacating the case as moot; its details show beside the timeline.
    let events = app
        .driver
        .find_all(By::Css("[data-testid=timeline] .event"))
        .await
        .unwrap();
    let mut vacatur = None;
    for e in events {
        if e.text().await.unwrap().contains("Vacated as moot") {
            vacatur = Some(e);
        }
    }
    vacatur
        .expect("the vacatur as moot on the timeline")
        .click()
        .await
        .unwrap();
    let details = app.find("[data-testid=event-details]").await;
    app.wait_until("the event's details", || async {
        details
            .text()
            .await
            .map(|t| t.contains("Source"))
            .unwrap_or(false)
    })
    .await;

    // Tag it and add a note, through the panel.
    let tag_input = app
        .find("[data-testid=event-details] [data-testid=tag-input]")
        .await;
    tag_input.send_keys("mootness" + Key::Enter).await.unwrap();
    app.wait_until("the tag", || async {
        app.find("[data-testid=event-details] [data-testid=tags]")
            .await
            .text()
            .await
            .map(|t| t.contains("mootness"))
            .unwrap_or(false)
    })
    .await;
    let note = app
        .find("[data-testid=event-details] [data-testid=note-new]")
        .await;
    note.send_keys("Check <b>the</b> CLOUD Act date")
        .await
        .unwrap();
    note.send_keys(Key::Control + Key::Enter).await.unwrap();
    app.wait_until("the note", || async {
        app.find("[data-testid=event-details] [data-testid=notes]")
            .await
            .text()
            .await
            .map(|t| t.contains("<b>the</b>"))
            .unwrap_or(false)
    })
    .await;
    app.screenshot("3-event-details").await;

    let store = Store::open(&app.db).unwrap();
    let case = store.find_case("Ireland").unwrap();
    let tagged = store
        .timeline(case.id)
        .unwrap()
        .events
        .into_iter()
        .filter(|e| e.tags.contains(&"mootness".to_owned()))
        .count();
    assert_eq!(tagged, 1, "the tag reached the database");
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver and a display: run cargo xtask test"]
async fn docket_event_is_logged_with_the_keyboard() {
    let app = App::launch_with_demo().await;
    open_demo_case(&app).await;

    // The S.D.N.Y. docket tab, then N opens the entry form with the date focused.
    let mut sdny = None;
    for t in app
        .driver
        .find_all(By::Css("[data-testid=tab]"))
        .await
        .unwrap()
    {
        if t.text().await.unwrap().contains("S.D.N.Y.") {
            sdny = Some(t);
        }
    }
    sdny.expect("S.D.N.Y. tab").click().await.unwrap();
    // The docket arrives in one call: once a row shows, all of them do.
    app.find("[data-testid=docket-row]").await;
    let before = app.count("[data-testid=docket-row]").await;
    app.type_keys("n").await;
    app.find("[data-testid=entry-form]").await;
    assert_eq!(
        app.focused_id().await,
        "entry-date",
        "the form opens on the date"
    );

    // Enter on an empty form: messages next to the fields, nothing saved.
    app.type_keys(Key::Enter).await;
    let msg = app.find("#entry-date-msg").await.text().await.unwrap();
    assert!(msg.contains("date"), "date message: {msg:?}");

    app.type_keys("2014-06-06").await;
    app.type_keys(Key::Tab).await;
    assert_eq!(app.focused_id().await, "entry-kind");
    app.type_keys("Objections").await;
    app.type_keys(Key::Tab).await;
    assert_eq!(app.focused_id().await, "entry-title");
    app.type_keys("Microsoft's supplemental objections (keyboard entry)")
        .await;
    app.type_keys(Key::Tab).await;
    assert_eq!(
        app.focused_id().await,
        "entry-filers",
        "filers follow the title for a filing"
    );
    app.type_keys("Microsoft Corp.").await;
    app.screenshot("4-docket-entry-form").await;
    app.type_keys(Key::Enter).await;

    app.wait_until("the new row in the docket table", || async {
        let rows = app
            .driver
            .find_all(By::Css("[data-testid=docket-row]"))
            .await
            .unwrap_or_default();
        let mut found = false;
        for r in &rows {
            found |= r
                .text()
                .await
                .map(|t| t.contains("supplemental objections (keyboard entry)"))
                .unwrap_or(false);
        }
        found && rows.len() == before + 1
    })
    .await;
    let err = app
        .driver
        .find_all(By::Css("[data-testid=entry-error]"))
        .await
        .unwrap();
    assert!(err.is_empty(), "the save reported an error");
    // Ready for the next entry, back on the date.
    assert_eq!(app.focused_id().await, "entry-date");
    app.type_keys(Key::Escape).await;
    app.wait_until("the form to close", || async {
        app.count("[data-testid=entry-form]").await == 0
    })
    .await;
    app.driver
        .execute("window.scrollTo(0, 0)", vec![])
        .await
        .unwrap();
    app.screenshot("5-docket").await;

    let store = Store::open(&app.db).unwrap();
    let case = store.find_case("Ireland").unwrap();
    let p = store.find_proceeding(case.id, "13 Mag. 2814").unwrap();
    let logged: Vec<_> = store
        .events(p.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.title.contains("supplemental objections (keyboard entry)"))
        .collect();
    assert_eq!(logged.len(), 1, "one event in the database");
    let e = &logged[0];
    assert_eq!(e.date.to_string(), "2014-06-06");
    assert_eq!(e.kind.as_str(), "objection");
    assert_eq!(
        e.parties
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Microsoft Corp."]
    );
    let history = store.history("event", e.id.0).unwrap();
    assert_eq!(
        history.first().map(|a| a.actor.as_str()),
        Some("app"),
        "logged as the app"
    );
    app.quit().await;
}
