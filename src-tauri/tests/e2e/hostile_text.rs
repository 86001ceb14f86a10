//! Hostile text stays text in the real window. A case is made the ways a
//! user's data arrives: its name and summary typed, a CourtListener docket
//! imported with the CLI (party names and entry texts), an event logged and
//! notes written on the case and the event, and a PDF whose page text holds
//! the same payloads imported with the CLI. Each payload would set
//! `window.__pwned` if it ran; the test visits the cases list, the case page
//! and its notes, the docket and an event's details, the search palette and
//! the viewer's text layer, and after each checks that the flag is unset, no
//! element a payload would create is in the page, and the payloads are shown
//! character for character.

use std::path::Path;
use std::process::Command;

use casetrail_model::{EventDate, EventKind, NewCase, NewEvent, NoteTarget};
use casetrail_store::Store;
use thirtyfour::prelude::*;

use crate::harness::{cli_path, App};
use crate::search::search_for;

/// A word in every hostile text, to search for.
const MARKER: &str = "zebraquux";

/// Each would set `window.__pwned` (to say which) if the page ran it.
const PAYLOADS: &[&str] = &[
    r#"<img src=x onerror="window.__pwned='img'">"#,
    r#"<script>window.__pwned='script'</script>"#,
    r#"<a href="javascript:window.__pwned='link'">open</a>"#,
    r#"<svg onload="window.__pwned='svg'"></svg>"#,
    r#"<iframe src="javascript:top.__pwned='iframe'"></iframe>"#,
    r#""><img src=x onerror=window.__pwned='attr'>"#,
    r#"<details open ontoggle="window.__pwned='details'">x</details>"#,
    r#"<body onload="window.__pwned='body'">"#,
    r#"<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">"#,
    r#"{@html '<img src=x onerror=window.__pwned=1>'}"#,
    r#"{{constructor.constructor('window.__pwned=2')()}}"#,
    r#"${window.__pwned='template'}"#,
    r#"javascript:window.__pwned='bare'"#,
    r#"<object data="javascript:window.__pwned='object'"></object>"#,
    r#"<input autofocus onfocus="window.__pwned='focus'">"#,
    r#"<video><source onerror="window.__pwned='video'"></video>"#,
    r#"<embed src="javascript:window.__pwned='embed'">"#,
    r#"<form action="javascript:window.__pwned='form'"><button>go</button></form>"#,
    r#"<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='meta'">"#,
    r#"<style>@import 'javascript:window.__pwned="css"';</style>"#,
    r#"<marquee onstart="window.__pwned='marquee'">x</marquee>"#,
];

const CASE_NAME: &str = r#"Hostile v. <img src=x onerror="window.__pwned='case'"> Corp."#;

fn all_payloads() -> String {
    PAYLOADS.join(" | ")
}

fn run_cli(db: &Path, args: &[&str]) {
    let out = Command::new(cli_path())
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run casetrail");
    assert!(
        out.status.success(),
        "casetrail {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The hostile case: typed, imported from a docket and a PDF, annotated.
fn prepare(db: &Path) {
    let dir = db.parent().expect("a temporary directory");
    {
        let mut store = Store::open(db).expect("open temp database");
        store
            .add_case(&NewCase {
                slug: "hostile".into(),
                name: CASE_NAME.into(),
                summary: format!("{MARKER} summary: {}", all_payloads()),
            })
            .expect("add the case");
    }
    let entries: Vec<serde_json::Value> = PAYLOADS
        .iter()
        .enumerate()
        .map(|(i, p)| {
            serde_json::json!({
                "document_number": (i + 1).to_string(),
                "date_filed": format!("2023-01-{:02}", i + 2),
                "description": format!("MOTION {MARKER} {p}. Document filed by Jane Doe."),
            })
        })
        .collect();
    let docket = serde_json::json!({
        "court_id": "nysd",
        "docket_number": "1:23-cv-00666",
        "case_name": format!("Doe v. {}", PAYLOADS[0]),
        "date_filed": "2023-01-01",
        "date_terminated": null,
        "assigned_to_str": "",
        "referred_to_str": "",
        "cause": "",
        "nature_of_suit": "",
        "jury_demand": "",
        "parties": [
            {"name": format!("Jane Doe {}", PAYLOADS[1]), "type": "Plaintiff", "attorneys": []},
            {"name": format!("Acme {}", PAYLOADS[3]), "type": "Defendant", "attorneys": []}
        ],
        "docket_entries": entries,
    });
    let docket_file = dir.join("hostile-docket.json");
    std::fs::write(&docket_file, docket.to_string()).expect("write the docket");
    run_cli(
        db,
        &[
            "import-docket",
            "--case",
            "hostile",
            docket_file.to_str().unwrap(),
        ],
    );

    let lines: Vec<String> = PAYLOADS.iter().map(|p| format!("{MARKER} {p}")).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let pdf = dir.join("hostile.pdf");
    std::fs::write(&pdf, casetrail_fixtures::pdfs::text_pdf(&[&lines])).expect("write the PDF");
    run_cli(
        db,
        &[
            "import",
            "--no-ocr",
            "--case",
            "hostile",
            pdf.to_str().unwrap(),
        ],
    );

    let mut store = Store::open(db).expect("open temp database");
    let case = store.find_case("hostile").expect("the case");
    let proceeding = store
        .find_proceeding(case.id, "1:23-cv-00666")
        .expect("the imported proceeding");
    let mut event = NewEvent::new(
        proceeding.id,
        EventDate::day(chrono::NaiveDate::from_ymd_opt(2023, 2, 1).unwrap()),
        EventKind::Filing,
        format!("{MARKER} logged {}", PAYLOADS[5]),
    );
    event.description = all_payloads();
    event.filers = vec![format!("Filer {}", PAYLOADS[6])];
    let event = store.add_event(&event).expect("log the event");
    store
        .add_note(NoteTarget::Case(case.id), &all_payloads())
        .expect("a note on the case");
    store
        .add_note(NoteTarget::Event(event.id), &all_payloads())
        .expect("a note on the event");
}

/// Nothing ran and nothing a payload would make is in the page.
async fn assert_nothing_ran(app: &App, place: &str) {
    // onerror and onload fire after the element is made: give them a moment.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let found = app
        .script(
            "const bad = document.querySelectorAll(\
               'img[src=\"x\"], script:not([src]), svg[onload], iframe, object, embed, math, body [onload], \
                [onerror], [ontoggle], [onfocus], [onstart], a[href^=\"javascript:\" i], \
                form[action^=\"javascript:\" i], meta[http-equiv], video, marquee, body style');\
             return { pwned: window.__pwned === undefined ? null : String(window.__pwned),\
                      parentPwned: window.top.__pwned === undefined ? null : String(window.top.__pwned),\
                      bad: [...bad].map(e => e.outerHTML.slice(0, 120)) };",
        )
        .await;
    assert_eq!(
        found["pwned"],
        serde_json::Value::Null,
        "{place}: a payload ran: {found}"
    );
    assert_eq!(
        found["parentPwned"],
        serde_json::Value::Null,
        "{place}: {found}"
    );
    assert_eq!(
        found["bad"].as_array().map(Vec::len),
        Some(0),
        "{place}: elements a payload made: {found}"
    );
}

async fn text_of(app: &App, css: &str) -> String {
    app.find(css).await.text().await.unwrap_or_default()
}

fn assert_literal(text: &str, place: &str) {
    for p in PAYLOADS {
        assert!(
            text.contains(p),
            "{place} does not show {p:?} as text: {text}"
        );
    }
}

#[tokio::test]
#[ignore = "needs the built app, the CLI, tauri-driver and a display: run cargo xtask test"]
async fn hostile_text_is_shown_as_text_and_never_runs() {
    let app = App::launch_with(prepare).await;

    // The cases list.
    let rows = app.texts("[data-testid=case-row]").await;
    assert!(rows.iter().any(|r| r.contains(CASE_NAME)), "{rows:?}");
    assert_nothing_ran(&app, "the cases list").await;

    // The case page, its summary and notes.
    app.find("[data-testid=case-row]")
        .await
        .click()
        .await
        .expect("open the case");
    assert_eq!(text_of(&app, "[data-testid=case-title]").await, CASE_NAME);
    assert_literal(&text_of(&app, ".case-page .summary").await, "the summary");
    app.find("[data-testid=case-notes] summary")
        .await
        .click()
        .await
        .expect("open the case's notes");
    app.wait_until("the case's note", || async {
        !text_of(&app, "[data-testid=case-notes] [data-testid=notes]")
            .await
            .is_empty()
    })
    .await;
    assert_literal(
        &text_of(&app, "[data-testid=case-notes] [data-testid=notes]").await,
        "the case's note",
    );
    assert_nothing_ran(&app, "the case page").await;
    app.screenshot("hostile-1-case").await;

    // The docket: every imported entry, then the logged event's details and note.
    let mut docket_tab = None;
    for t in app
        .driver
        .find_all(By::Css("[data-testid=tab]"))
        .await
        .unwrap()
    {
        if t.text().await.unwrap().contains("S.D.N.Y.") {
            docket_tab = Some(t);
        }
    }
    docket_tab.expect("the S.D.N.Y. tab").click().await.unwrap();
    app.find("[data-testid=docket-row]").await;
    let rows = app.texts("[data-testid=docket-row]").await;
    let hostile_rows = rows.iter().filter(|r| r.contains(MARKER)).count();
    assert!(hostile_rows > PAYLOADS.len(), "{rows:#?}");
    assert!(
        rows.iter()
            .any(|r| r.contains("<script>window.__pwned='script'</script>")),
        "{rows:#?}"
    );
    assert_nothing_ran(&app, "the docket").await;
    let mut logged = None;
    for b in app
        .driver
        .find_all(By::Css("[data-testid=docket-row] .title"))
        .await
        .unwrap()
    {
        if b.text().await.unwrap().contains("logged") {
            logged = Some(b);
        }
    }
    logged.expect("the logged event").click().await.unwrap();
    app.wait_until("the event's note", || async {
        !text_of(&app, "[data-testid=event-details] [data-testid=notes]")
            .await
            .is_empty()
    })
    .await;
    assert_literal(
        &text_of(&app, "[data-testid=event-details] [data-testid=notes]").await,
        "the event's note",
    );
    assert_literal(
        &text_of(&app, "[data-testid=event-details]").await,
        "the event's details",
    );
    assert_nothing_ran(&app, "the event's details").await;
    app.screenshot("hostile-2-docket").await;

    // The search palette: snippets of events and of the PDF's page, marked.
    app.find("[data-testid=nav-cases]")
        .await
        .click()
        .await
        .unwrap();
    search_for(&app, MARKER).await;
    let snippets = app.texts("[data-testid=search-hit-snippet]").await;
    assert!(
        snippets
            .iter()
            .any(|s| s.contains('<') && s.contains("__pwned")),
        "{snippets:#?}"
    );
    let marks = app.texts("[data-testid=search-hit] mark").await;
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m.eq_ignore_ascii_case(MARKER)),
        "{marks:?}"
    );
    assert_nothing_ran(&app, "the search palette").await;
    app.screenshot("hostile-3-search").await;
    app.type_keys(Key::Escape).await;

    // The viewer's text layer: the page's text as text.
    let doc = Store::open(&app.db).unwrap().documents(None).unwrap()[0].id;
    app.script(&format!("location.hash = '#/document/{}'; return 1", doc.0))
        .await;
    app.wait_until("the page's text layer", || async {
        app.script("return document.querySelector('[data-testid=text-layer]')?.textContent ?? ''")
            .await
            .as_str()
            .unwrap_or_default()
            .contains(MARKER)
    })
    .await;
    let layer = app
        .script("return document.querySelector('[data-testid=text-layer]')?.textContent ?? ''")
        .await;
    let layer = layer.as_str().unwrap_or_default();
    // Helvetica's StandardEncoding draws byte 0x27 as a right quote: the PDF's own text.
    for p in PAYLOADS {
        let drawn = p.replace('\'', "\u{2019}");
        assert!(
            layer.contains(&drawn),
            "the text layer lacks {drawn:?}: {layer}"
        );
    }
    assert_nothing_ran(&app, "the viewer").await;
    app.screenshot("hostile-4-viewer").await;
    eprintln!(
        "FIGURE hostile-text: {} payloads in 8 places (case name, summary, notes, docket entries, parties, an event, search snippets, PDF text), none ran",
        PAYLOADS.len() + 1
    );
    app.quit().await;
}
