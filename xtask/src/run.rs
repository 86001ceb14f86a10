//! The pipelines behind `cargo xtask test`, `app` and `bench`.

use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::deps;
use crate::e2e;
use crate::tally::Tally;

/// A step that failed, with the command that failed.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The repository root (the parent of xtask/).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

fn command(argv: &[&str], dir: Option<&Path>, env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(argv[0]);
    cmd.args(&argv[1..])
        .current_dir(dir.map(Path::to_path_buf).unwrap_or_else(project_root));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// Run a command, inheriting the terminal; fail with its command line.
pub fn sh(argv: &[&str], dir: Option<&Path>, env: &[(&str, &str)]) -> Result<(), Error> {
    eprintln!("xtask: $ {}", argv.join(" "));
    let status = command(argv, dir, env)
        .status()
        .map_err(|e| Error(format!("cannot run {}: {e}", argv[0])))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error(format!("`{}` failed ({status})", argv.join(" "))))
    }
}

/// Run a test command, echoing its output and counting its test summaries.
pub fn sh_tests(
    tally: &mut Tally,
    argv: &[&str],
    dir: Option<&Path>,
    env: &[(&str, &str)],
) -> Result<(), Error> {
    eprintln!("xtask: $ {}", argv.join(" "));
    let mut child = command(argv, dir, env)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Error(format!("cannot run {}: {e}", argv[0])))?;
    let stdout = child.stdout.take().expect("piped");
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| Error(format!("reading {}: {e}", argv[0])))?;
        println!("{line}");
        tally.observe(&line);
    }
    let status = child
        .wait()
        .map_err(|e| Error(format!("waiting for {}: {e}", argv[0])))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error(format!("`{}` failed ({status})", argv.join(" "))))
    }
}

/// Build the web UI into ui/dist (the app embeds it).
pub fn build_ui() -> Result<(), Error> {
    sh(
        &["npm", "run", "build"],
        Some(&project_root().join("ui")),
        &[],
    )
}

/// Every check and test, cheapest first. Ends with one line:
/// "casetrail: N passed, N failed, N skipped".
pub fn test() -> Result<(), Error> {
    deps::install_all()?;
    let mut tally = Tally::default();
    let ui = project_root().join("ui");
    let outcome = (|| {
        sh(&["cargo", "fmt", "--all", "--", "--check"], None, &[])?;
        crate::layout::check()?;
        build_ui()?;
        // The in-memory double of the backend must not ship in the bundle.
        sh(&["npm", "run", "check:dist"], Some(&ui), &[])?;
        // One feature set for every build, so the app compiles once.
        let features = ["--features", e2e::WORKSPACE_FEATURES];
        let clippy = [
            &["cargo", "clippy", "--workspace", "--all-targets"][..],
            &features,
            &["--", "-D", "warnings"],
        ]
        .concat();
        sh(&clippy, None, &[])?;
        // The end-to-end tests are not a default test target (`test = false`): lint them too.
        let clippy_e2e = [
            &["cargo", "clippy", "--workspace", "--test", "e2e"][..],
            &features,
            &["--", "-D", "warnings"],
        ]
        .concat();
        sh(&clippy_e2e, None, &[])?;
        let test = [&["cargo", "test", "--workspace"][..], &features].concat();
        sh_tests(&mut tally, &test, None, &[])?;
        sh(&["npm", "run", "check"], Some(&ui), &[])?;
        sh_tests(&mut tally, &["npx", "vitest", "run"], Some(&ui), &[])?;
        // The packages, for the E2E test that installs them into a scratch root.
        let packages = crate::package::build()?;
        let deb = packages.deb.to_str().expect("utf-8 path").to_owned();
        let rpm = packages.rpm.to_str().expect("utf-8 path").to_owned();
        e2e::run(
            &mut tally,
            &["--skip", e2e::BENCHMARKS],
            &[("CASETRAIL_DEB", &deb), ("CASETRAIL_RPM", &rpm)],
        )?;
        Ok(())
    })();
    for reason in &tally.skip_reasons {
        println!("skipped: {reason}");
    }
    println!("{}", tally.closing_line());
    outcome
}

/// Build everything, load the demo case into the database, and open the app.
pub fn app(extra: &[String]) -> Result<(), Error> {
    deps::install_all()?;
    build_ui()?;
    sh(
        &[
            "cargo",
            "build",
            "-p",
            "casetrail",
            "-p",
            "casetrail-app",
            "--features",
            e2e::APP_FEATURES,
        ],
        None,
        &[],
    )?;
    let target = project_root().join("target/debug");
    let cli = target.join("casetrail");
    let mut demo = vec![cli.to_str().expect("utf-8 path")];
    // `cargo xtask app -- --db PATH`: what follows `--` goes to both programs.
    let db_args: Vec<&str> = extra
        .iter()
        .map(String::as_str)
        .skip_while(|a| *a == "--")
        .collect();
    demo.extend(&db_args);
    demo.push("demo");
    sh(&demo, None, &[])?;
    let app = target.join("casetrail-app");
    let mut run = vec![app.to_str().expect("utf-8 path")];
    run.extend(&db_args);
    sh(&run, None, &[])
}

/// The benchmarks quoted in the README: the core's (`cargo bench`) and the real
/// app's (start-up, idle memory, timeline first paint; `FIGURE` lines).
/// `cargo xtask bench core` or `cargo xtask bench app` runs one half.
pub fn bench(which: Option<&str>) -> Result<(), Error> {
    if which == Some("trust") {
        return sh(
            &["cargo", "bench", "-p", "casetrail", "--bench", "trust"],
            None,
            &[],
        );
    }
    if matches!(which, None | Some("core")) {
        sh(&["cargo", "bench", "-p", "casetrail"], None, &[])?;
    }
    if matches!(which, None | Some("app")) {
        deps::install_all()?;
        build_ui()?;
        // The empty window the app is measured against is a binary of its own.
        let build = [
            &["cargo", "build", "--workspace", "--bins", "--features"][..],
            &[e2e::WORKSPACE_FEATURES],
        ]
        .concat();
        sh(&build, None, &[])?;
        let mut tally = Tally::default();
        e2e::run(&mut tally, &[e2e::BENCHMARKS], &[])?;
    }
    Ok(())
}
