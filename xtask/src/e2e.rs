//! The end-to-end step: the real app, built with the UI embedded, driven through
//! tauri-driver and WebKitWebDriver under Xvfb.

use std::path::PathBuf;
use std::process::Command;

use crate::run::{sh_tests, Error};
use crate::tally::Tally;

/// The tauri-driver release the tests are written against.
const TAURI_DRIVER_VERSION: &str = "2.1.0";

/// Features every app build in the pipeline uses, so the app and its
/// dependencies compile once: the UI served from inside the binary, and the
/// core's TypeScript bindings (checked for staleness by `tests/bindings.rs`).
pub const APP_FEATURES: &str = "casetrail/ts,casetrail-app/custom-protocol";

/// [`APP_FEATURES`] for the builds of the whole workspace (checks, tests, benches),
/// with the empty window (the app benchmarks' floor) served the same way; it adds
/// no feature to any shared dependency, so neither set rebuilds the other's.
pub const WORKSPACE_FEATURES: &str =
    "casetrail/ts,casetrail-app/custom-protocol,casetrail-empty-window/custom-protocol";

/// tauri-driver on PATH or in cargo's bin directory, installed if missing.
fn tauri_driver() -> Result<PathBuf, Error> {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    let on_path = Command::new("tauri-driver").arg("--help").output().is_ok();
    if on_path {
        return Ok(PathBuf::from("tauri-driver"));
    }
    if let Some(p) = cargo_bin.as_ref().filter(|p| p.exists()) {
        return Ok(p.clone());
    }
    crate::run::sh(
        &[
            "cargo",
            "install",
            "--locked",
            "tauri-driver",
            "--version",
            TAURI_DRIVER_VERSION,
        ],
        None,
        &[],
    )?;
    cargo_bin.ok_or_else(|| Error("cannot find cargo's bin directory for tauri-driver".into()))
}

/// The benchmarks of the real app (src-tauri/tests/e2e/perf.rs): run by
/// `cargo xtask bench`, skipped by `cargo xtask test`.
pub const BENCHMARKS: &str = "perf::";

/// Run the end-to-end tests, one at a time, in a virtual X server. `selection`
/// goes to the test binary (a name filter, or `--skip NAME`); `env` to the tests.
pub fn run(tally: &mut Tally, selection: &[&str], env: &[(&str, &str)]) -> Result<(), Error> {
    let driver = tauri_driver()?;
    let driver = driver.to_str().expect("utf-8 path").to_owned();
    std::fs::create_dir_all(crate::run::project_root().join("test-output/screenshots"))
        .map_err(|e| Error(format!("cannot create test-output/: {e}")))?;
    let argv = [
        &[
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1440x960x24",
            "cargo",
            "test",
            // The workspace's feature set (the app alone has no casetrail/ts), so nothing
            // is rebuilt; only casetrail-app has an e2e target.
            "--workspace",
            "--features",
            WORKSPACE_FEATURES,
            "--test",
            "e2e",
            "--",
            "--ignored",
            "--test-threads=1",
            "--nocapture",
        ][..],
        selection,
    ]
    .concat();
    let env = [&[("TAURI_DRIVER", driver.as_str())][..], env].concat();
    sh_tests(tally, &argv, None, &env)
}
