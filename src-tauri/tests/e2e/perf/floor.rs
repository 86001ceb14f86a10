//! The app against its floor, in the same run: an empty Tauri 2 window built
//! from the same lock file with the same plugins (`crates/empty-window`),
//! launched by the same harness, runs alternating. Prints `FIGURE` lines and
//! `RATIO <name> <value> (goal <= <goal>)` lines; asserts only that each
//! window came up. `cargo xtask bench app` runs it (filter `perf::`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use casetrail_store::Store;

use crate::harness::App;

/// Runs of each window, alternating; the median is reported.
const RUNS: usize = 3;
/// Memory is read this long after the window was asked for (idle by then).
const IDLE: Duration = Duration::from_secs(12);

/// What one launch measured: interactive after the process started (ms), and
/// PSS summed over the window's processes (KiB).
struct Launch {
    start_ms: f64,
    pss_kib: f64,
}

fn empty_window() -> PathBuf {
    let path =
        Path::new(env!("CARGO_BIN_EXE_casetrail-app")).with_file_name("casetrail-empty-window");
    assert!(
        path.exists(),
        "{} is not built: run cargo xtask bench app (it builds every binary of the workspace)",
        path.display()
    );
    path
}

async fn measure(app: App, ready: &str) -> Launch {
    app.find(ready).await;
    app.wait_until("the page's interactive mark", || async {
        app.page_number("return document.documentElement.dataset.interactiveEpochMs ?? null")
            .await
            .is_some()
    })
    .await;
    let start_ms = app
        .interactive_after_process_start_ms()
        .await
        .expect("the process start and the page's mark");
    if let Some(rest) = IDLE.checked_sub(app.started.elapsed()) {
        tokio::time::sleep(rest).await;
    }
    let (_, pss) = app.memory_kib().expect("the window's processes");
    app.quit().await;
    Launch {
        start_ms,
        pss_kib: pss as f64,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[tokio::test]
#[ignore = "a benchmark of the real app: run cargo xtask bench"]
async fn perf_app_against_an_empty_tauri_window() {
    let floor = empty_window();
    let big = super::bench_db();
    let (mut empty, mut demo, mut large) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let app = App::launch_binary(&floor, |_| {}).await;
        empty.push(measure(app, "[data-testid=empty-window]").await);
        let app = App::launch_with(|db| {
            let mut store = Store::open(db).expect("open temp database");
            casetrail_import::demo::load(&mut store).expect("load the demo case");
        })
        .await;
        demo.push(measure(app, "[data-testid=case-row]").await);
        let app = App::launch_with(|db| {
            std::fs::copy(&big, db).expect("copy bench database");
        })
        .await;
        large.push(measure(app, "[data-testid=case-row]").await);
    }
    let start = |v: &[Launch]| median(v.iter().map(|l| l.start_ms).collect());
    let pss = |v: &[Launch]| median(v.iter().map(|l| l.pss_kib).collect()) / 1024.0;
    eprintln!(
        "FIGURE empty-window: interactive {:.0} ms after the process started, {:.0} MB PSS idle \
         (median of {RUNS}, alternating with the app)",
        start(&empty),
        pss(&empty)
    );
    for (name, runs) in [("demo case", &demo), ("10k documents", &large)] {
        eprintln!(
            "FIGURE app ({name}): interactive {:.0} ms after the process started, {:.0} MB PSS idle",
            start(runs),
            pss(runs)
        );
    }
    println!(
        "RATIO app_start_vs_empty_window {:.2} (goal <= 1.15)",
        start(&demo) / start(&empty)
    );
    println!(
        "RATIO app_start_10k_documents_vs_empty_window {:.2} (goal <= 1.15)",
        start(&large) / start(&empty)
    );
    println!(
        "RATIO app_idle_memory_vs_empty_window {:.2} (goal <= 1.1)",
        pss(&demo) / pss(&empty)
    );
    println!(
        "RATIO app_idle_memory_10k_documents_vs_empty_window {:.2} (goal <= 1.1)",
        pss(&large) / pss(&empty)
    );
}
