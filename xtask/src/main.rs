//! `cargo xtask`: the project's own automation, in Rust (no make, no shell scripts).
//!
//! - `cargo xtask app`   — install what is missing, build, load the demo case, open the app.
//! - `cargo xtask test`  — install what is missing, then every check and test: formatting,
//!   clippy, the core's tests, the UI's tests, and the end-to-end tests of the real app.
//! - `cargo xtask bench [core|app|trust]` — the benchmarks whose figures the README quotes:
//!   the core's criterion/custom benches (SIGKILL trials included; `trust` runs those alone)
//!   and the real app's start-up, memory and timeline paint.
//! - `cargo xtask deps`  — only install what is missing (apt packages, npm packages, cargo tools).
//! - `cargo xtask layout` — check the crate map on the resolved dependency graph.
//! - `cargo xtask package` — the `.deb` and `.rpm` with the app, the CLI, its man page and completions.

mod deps;
mod e2e;
mod layout;
mod package;
mod run;
mod tally;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => run::test(),
        Some("app") => run::app(&args[1..]),
        Some("bench") => run::bench(args.get(1).map(String::as_str)),
        Some("deps") => deps::install_all(),
        Some("layout") => layout::check(),
        Some("package") => deps::install_all()
            .and_then(|()| package::build())
            .map(|p| {
                println!("{}\n{}", p.deb.display(), p.rpm.display());
            }),
        _ => {
            eprintln!(
                "usage: cargo xtask (app | test | bench [core|app|trust] | deps | layout | package)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
