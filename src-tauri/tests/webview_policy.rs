//! The webview runs no one else's code, checked on the files that decide it:
//! `tauri.conf.json`'s Content Security Policy forbids inline script, eval and
//! every remote origin; the capability files grant the UI only the app's own
//! commands (`allow-<command>` for a command in build.rs) and the few plugin
//! permissions listed here, with a reason each; no wildcard, no default set,
//! nothing of shell, fs, http or the opener; the UI's page has no inline
//! script. A new permission fails this test until it is listed here.
//!
//! The E2E test `tests/e2e/hostile_text.rs` checks the same in the running
//! window: hostile text stays text.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Every permission not of the app's own commands the UI is granted: (permission, why).
const GRANTED: &[(&str, &str)] = &[
    (
        "core:event:allow-listen",
        "files dropped on the window (the webview's drag-drop event)",
    ),
    ("core:event:allow-unlisten", "the same listener removed"),
    (
        "dialog:allow-open",
        "the native file dialog of the Import view",
    ),
    (
        "dialog:allow-save",
        "the native save dialog of the Export menu",
    ),
    (
        "notification:allow-is-permission-granted",
        "deadline notices",
    ),
    ("notification:allow-request-permission", "deadline notices"),
    ("notification:allow-notify", "deadline notices"),
];

/// Permission prefixes never granted to the UI: they reach the machine.
const FORBIDDEN: &[&str] = &[
    "shell:",
    "fs:",
    "http:",
    "opener:",
    "process:",
    "updater:",
    "os:",
    "clipboard-manager:",
    "global-shortcut:",
    "core:webview:",
    "core:window:",
];

/// Source expressions that would let other code run or load.
const UNSAFE_SOURCES: &[&str] = &[
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "'wasm-unsafe-eval'",
    "'strict-dynamic'",
    "*",
    "http:",
    "https:",
    "ws:",
    "wss:",
    "blob:",
    "filesystem:",
];

fn app_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn config() -> Value {
    json(&app_dir().join("tauri.conf.json"))
}

/// The CSP as directive → sources, from the object or the string form.
fn directives(csp: &Value) -> Vec<(String, Vec<String>)> {
    let split = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    match csp {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                let sources = match v {
                    Value::String(s) => split(s),
                    Value::Array(a) => a
                        .iter()
                        .filter_map(|s| s.as_str())
                        .map(str::to_owned)
                        .collect(),
                    other => panic!("CSP directive {k}: unexpected {other}"),
                };
                (k.clone(), sources)
            })
            .collect(),
        Value::String(s) => s
            .split(';')
            .filter(|d| !d.trim().is_empty())
            .map(|d| {
                let mut words = split(d);
                let name = words.remove(0);
                (name, words)
            })
            .collect(),
        other => panic!("app.security.csp must be set, found {other}"),
    }
}

fn sources<'a>(csp: &'a [(String, Vec<String>)], name: &str) -> Option<&'a [String]> {
    csp.iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.as_slice())
}

#[test]
fn the_csp_forbids_inline_script_eval_and_remote_origins() {
    let config = config();
    let security = &config["app"]["security"];
    let csp = directives(&security["csp"]);
    let mut problems = Vec::new();

    for (name, want) in [
        ("default-src", &["'self'"][..]),
        ("script-src", &["'self'"][..]),
        ("object-src", &["'none'"][..]),
        ("base-uri", &["'none'"][..]),
        ("form-action", &["'none'"][..]),
        ("frame-ancestors", &["'none'"][..]),
    ] {
        match sources(&csp, name) {
            Some(got) if got == want => {}
            got => problems.push(format!("{name} must be exactly {want:?}, is {got:?}")),
        }
    }
    for (name, list) in &csp {
        for source in list {
            let lower = source.to_ascii_lowercase();
            if UNSAFE_SOURCES.contains(&lower.as_str()) {
                problems.push(format!("{name} allows {source}"));
            }
            // Hashes and nonces would let chosen inline code run; Tauri adds its own at build time.
            if lower.starts_with("'sha") || lower.starts_with("'nonce-") {
                problems.push(format!("{name} allows inline code by {source}"));
            }
            let remote = lower.contains("://") || lower.contains('.');
            let the_ipc = name == "connect-src" && lower == "http://ipc.localhost";
            if remote && !the_ipc {
                problems.push(format!("{name} allows the origin {source}"));
            }
            if lower == "data:" && name != "img-src" {
                problems.push(format!("{name} allows data: (only images may)"));
            }
        }
    }
    // Scripts and styles of other kinds fall back to the strict ones only if not relaxed.
    for name in [
        "script-src-elem",
        "script-src-attr",
        "worker-src",
        "frame-src",
        "child-src",
    ] {
        if let Some(list) = sources(&csp, name) {
            if list.iter().any(|s| s != "'self'" && s != "'none'") {
                problems.push(format!("{name} is wider than 'self': {list:?}"));
            }
        }
    }
    for (key, want) in [
        ("freezePrototype", Value::Bool(true)),
        ("dangerousDisableAssetCspModification", Value::Null),
        ("devCsp", Value::Null),
        ("dangerousRemoteDomainIpcAccess", Value::Null),
    ] {
        if security[key] != want {
            problems.push(format!(
                "app.security.{key} must be {want}, is {}",
                security[key]
            ));
        }
    }
    if config["app"]["withGlobalTauri"] != Value::Bool(false) {
        problems.push("app.withGlobalTauri must be false (no IPC object for injected code)".into());
    }
    assert!(problems.is_empty(), "tauri.conf.json: {problems:#?}");
}

/// The strings of `const COMMANDS: &[&str] = &[…]` in build.rs.
fn commands() -> BTreeSet<String> {
    let build = std::fs::read_to_string(app_dir().join("build.rs")).expect("build.rs");
    let start = build.find("const COMMANDS").expect("build.rs has COMMANDS");
    let list = &build[start..];
    let list = &list[list.find("&[").expect("a list") + 2..list.find("];").expect("its end")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_capabilities_grant_only_what_the_ui_needs() {
    let config = config();
    let dir = app_dir().join("capabilities");
    let commands = commands();
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("capabilities/") {
        let path = entry.expect("a capability file").path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            files.push(path);
        } else {
            problems.push(format!("{}: not a JSON capability", path.display()));
        }
    }
    files.sort();
    let enabled: Vec<&str> = config["app"]["security"]["capabilities"]
        .as_array()
        .expect("app.security.capabilities lists the capabilities by name")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut identifiers = Vec::new();
    for path in &files {
        let cap = json(path);
        let name = path.display().to_string();
        identifiers.push(cap["identifier"].as_str().unwrap_or_default().to_owned());
        if cap["windows"] != serde_json::json!(["main"]) {
            problems.push(format!(
                "{name}: windows must be [\"main\"], is {}",
                cap["windows"]
            ));
        }
        if cap["webviews"] != Value::Null || cap["remote"] != Value::Null {
            problems.push(format!("{name}: no webviews or remote URLs may be granted"));
        }
        let permissions = cap["permissions"].as_array().cloned().unwrap_or_default();
        for p in permissions {
            let Some(p) = p.as_str() else {
                problems.push(format!(
                    "{name}: a scoped permission object {p} (only plain names are granted)"
                ));
                continue;
            };
            if p.contains('*') || p.ends_with(":default") || p == "default" {
                problems.push(format!("{name}: {p} is a wildcard or a default set"));
            } else if FORBIDDEN.iter().any(|f| p.starts_with(f)) {
                problems.push(format!("{name}: {p} reaches the machine"));
            } else if let Some(command) = p.strip_prefix("allow-") {
                if !commands.contains(&command.replace('-', "_")) {
                    problems.push(format!(
                        "{name}: {p} is not one of the app's commands (build.rs)"
                    ));
                }
            } else if !GRANTED.iter().any(|(g, _)| *g == p) {
                problems.push(format!(
                    "{name}: {p} is not listed in GRANTED (tests/webview_policy.rs)"
                ));
            }
        }
    }
    for id in &identifiers {
        if !enabled.contains(&id.as_str()) {
            problems.push(format!(
                "capability {id:?} is not enabled in tauri.conf.json"
            ));
        }
    }
    assert_eq!(identifiers, ["main"], "one capability");
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_page_has_no_inline_script() {
    let html = std::fs::read_to_string(app_dir().join("../ui/index.html")).expect("ui/index.html");
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("<script") {
        let tag = &rest[at..at + rest[at..].find('>').expect("a closed tag")];
        assert!(
            tag.contains(" src="),
            "an inline script in ui/index.html: {tag}"
        );
        rest = &rest[at + tag.len()..];
    }
    for handler in [" onload=", " onerror=", " onclick=", "javascript:"] {
        assert!(!lower.contains(handler), "ui/index.html has {handler}");
    }
}
