//! Hook for the hidden PDF extraction worker subcommand (`casetrail __extract-worker`).
//! It runs before any CLI parsing so the worker stays small and its output clean.

/// If this process was started as the extraction worker, run it and exit.
pub fn run_if_requested() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).and_then(|a| a.to_str()) == Some(casetrail_extract::WORKER_SUBCOMMAND) {
        std::process::exit(casetrail_extract::worker::main(&args[2..]));
    }
}
