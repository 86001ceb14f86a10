//! One command list, six places. A command the UI invokes must be in the
//! invoke handler (`tauri::generate_handler!` in src/commands/mod.rs), get a
//! permission from build.rs (`COMMANDS`), be granted in capabilities/main.json
//! (`allow-<command>`), and be invoked by ui/src/lib/tauri-backend.ts; the
//! `Backend` interface (ui/src/lib/backend.ts) has a method for it, and the
//! in-memory double (ui/src/lib/memory/backend.ts) implements every method.
//! Forgetting one place fails at run time in the window (a command not found,
//! or refused for want of a permission); this test fails first, naming what
//! is missing where.
//!
//! Plain string parsing of the six files, std only (no tauri, no regex).
//! Commands are snake_case, methods camelCase: a method maps to the command of
//! the same words, except for the few listed in `RENAMED` and `NOT_COMMANDS`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Backend methods whose command has other words: (method, command, why).
const RENAMED: &[(&str, &str, &str)] = &[
    (
        "listEventDocuments",
        "event_documents",
        "the command is named after what it answers (an event's documents); the UI's method says it lists them",
    ),
    (
        "listCaseDeadlines",
        "case_deadlines",
        "the command is named after what it answers (a case's deadlines), beside list_deadlines across cases",
    ),
];

/// Backend methods that invoke no command of the app: (method, why).
const NOT_COMMANDS: &[(&str, &str)] = &[
    (
        "onFilesDropped",
        "listens to the webview's drag-drop event (core:event:allow-listen)",
    ),
    (
        "chooseImportPaths",
        "opens tauri-plugin-dialog's file dialog (dialog:allow-open)",
    ),
    (
        "chooseSavePath",
        "opens tauri-plugin-dialog's save dialog (dialog:allow-save)",
    ),
    (
        "notify",
        "calls tauri-plugin-notification (notification:allow-*)",
    ),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The text between `open` (its first occurrence after `start`) and the bracket closing it.
fn bracketed<'a>(text: &'a str, start: &str, open: char, close: char) -> Option<&'a str> {
    let at = text.find(start)? + start.len();
    let rest = &text[at..];
    let first = rest.find(open)?;
    let mut depth = 0usize;
    for (i, c) in rest[first..].char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(&rest[first + open.len_utf8()..first + i]);
            }
        }
    }
    None
}

/// Every quoted string (`"…"`, `'…'`) in `text`, in order.
fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '"' || c == '\'' {
            let s: String = chars.by_ref().take_while(|&x| x != c).collect();
            out.push(s);
        }
    }
    out
}

/// Rust's string quote (its `'` is also a lifetime), and TypeScript's.
const RUST: &[char] = &['"'];
const TS: &[char] = &['"', '\'', '`'];

/// `text` without `//` and `/* */` comments; string literals (between any of
/// `quotes`) are kept, or emptied when `keep_strings` is false (so brackets
/// inside them do not count).
fn strip(text: &str, quotes: &[char], keep_strings: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for x in chars.by_ref() {
                    if x == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for x in chars.by_ref() {
                    if x == '\n' {
                        out.push('\n');
                    }
                    if last == '*' && x == '/' {
                        break;
                    }
                    last = x;
                }
            }
            c if quotes.contains(&c) => {
                out.push(c);
                let mut escaped = false;
                for x in chars.by_ref() {
                    if x == '\n' {
                        out.push('\n');
                    } else if keep_strings || x == c && !escaped {
                        out.push(x);
                    }
                    if x == c && !escaped {
                        break;
                    }
                    escaped = x == '\\' && !escaped;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `listCaseSummaries` → `list_case_summaries`.
fn snake_case(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The commands of `tauri::generate_handler![…]`: the last segment of each path.
fn handler_commands(mod_rs: &str) -> Vec<String> {
    let text = strip(mod_rs, RUST, false);
    let list = bracketed(&text, "generate_handler!", '[', ']')
        .expect("src/commands/mod.rs has no tauri::generate_handler![…]");
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|path| path.rsplit("::").next().unwrap_or(path).trim().to_owned())
        .collect()
}

/// The strings of `const COMMANDS: &[&str] = &[…]` in build.rs.
fn build_commands(build_rs: &str) -> Vec<String> {
    let text = strip(build_rs, RUST, true);
    let list = text
        .find("const COMMANDS")
        .and_then(|at| bracketed(&text[at..], "=", '[', ']'))
        .expect("build.rs has no `const COMMANDS: &[&str] = &[…]`");
    quoted(list)
}

/// The app's own permissions granted in a capability file (`allow-list-cases` → `list_cases`);
/// plugin and core permissions (`dialog:allow-open`, `core:event:…`) are not commands of the app.
fn capability_commands(json: &str) -> Vec<String> {
    let list = bracketed(json, "\"permissions\"", '[', ']')
        .expect("capabilities/main.json has no \"permissions\": […]");
    quoted(list)
        .into_iter()
        .filter_map(|p| p.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect()
}

/// The command names passed as a string literal to `invoke(…)` or `call(…)`,
/// with or without type arguments (`invoke<T>('name'`, `call('name'`).
fn invoked_commands(ts: &str) -> Vec<String> {
    let text = strip(ts, TS, true);
    let mut out = Vec::new();
    for name in ["invoke", "call"] {
        let mut from = 0;
        while let Some(found) = text[from..].find(name) {
            let at = from + found;
            from = at + name.len();
            if text[..at].chars().next_back().is_some_and(is_ident) {
                continue;
            }
            let mut rest = &text[from..];
            if rest.starts_with('<') {
                let mut depth = 0usize;
                let mut end = None;
                for (i, c) in rest.char_indices() {
                    match c {
                        '<' => depth += 1,
                        '>' => {
                            depth -= 1;
                            if depth == 0 {
                                end = Some(i + 1);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let Some(end) = end else { continue };
                rest = &rest[end..];
            }
            let Some(args) = rest.strip_prefix('(') else {
                continue;
            };
            let args = args.trim_start();
            if let Some(quote) = args.chars().next().filter(|c| *c == '\'' || *c == '"') {
                if let Some(end) = args[1..].find(quote) {
                    out.push(args[1..1 + end].to_owned());
                }
            }
        }
    }
    out
}

/// The member names of `export interface Backend { … }`.
fn interface_methods(ts: &str) -> Vec<String> {
    let text = strip(ts, TS, false);
    let body = bracketed(&text, "export interface Backend", '{', '}')
        .expect("backend.ts has no `export interface Backend { … }`");
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut at_start = true;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => depth -= 1,
            ';' | '\n' if depth == 0 => {
                at_start = true;
                continue;
            }
            _ => {}
        }
        if c.is_whitespace() {
            continue;
        }
        if at_start && depth == 0 && is_ident(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, x)) = chars.peek() {
                if !is_ident(x) {
                    break;
                }
                end = j + x.len_utf8();
                chars.next();
            }
            let next = body[end..].trim_start().chars().next();
            if matches!(next, Some('(' | '?' | ':' | '<')) {
                out.push(body[i..end].to_owned());
            }
        }
        at_start = false;
    }
    out
}

/// The members the double declares as `name: Backend['name'] = …` (the name
/// must be the same on both sides of the colon).
fn implemented_methods(ts: &str, problems: &mut Vec<String>) -> Vec<String> {
    let text = strip(ts, TS, true);
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let Some((name, rest)) = line.split_once(':') else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix("Backend[") else {
            continue;
        };
        let Some(typed) = quoted(rest).into_iter().next() else {
            continue;
        };
        let name = name.trim();
        if name != typed {
            problems.push(format!(
                "ui/src/lib/memory/backend.ts: member `{name}` is typed as Backend['{typed}']"
            ));
        }
        out.push(name.to_owned());
    }
    out
}

/// One list of names with where it comes from.
struct List {
    /// In full, for "missing from …".
    place: &'static str,
    /// The file, for "present in …".
    short: &'static str,
    names: Vec<String>,
}

/// Every disagreement between the lists (which must hold the same names, each once).
fn disagreements(lists: &[List]) -> Vec<String> {
    let mut problems = Vec::new();
    let all: BTreeSet<&str> = lists
        .iter()
        .flat_map(|l| l.names.iter().map(String::as_str))
        .collect();
    for list in lists {
        let mut seen = BTreeSet::new();
        for name in &list.names {
            if !seen.insert(name.as_str()) {
                problems.push(format!("`{name}` is listed twice in {}", list.place));
            }
        }
    }
    for name in all {
        let (have, lack): (Vec<&List>, Vec<&List>) = lists
            .iter()
            .partition(|l| l.names.iter().any(|n| n == name));
        for list in lack {
            problems.push(format!(
                "`{name}` is missing from {} (present in: {})",
                list.place,
                have.iter().map(|l| l.short).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    problems
}

/// The command a Backend method invokes, or None for the methods that invoke none.
fn command_of(method: &str) -> Option<String> {
    if NOT_COMMANDS.iter().any(|(m, _)| *m == method) {
        return None;
    }
    Some(
        RENAMED
            .iter()
            .find(|(m, _, _)| *m == method)
            .map(|(_, c, _)| (*c).to_owned())
            .unwrap_or_else(|| snake_case(method)),
    )
}

#[test]
fn every_command_is_in_all_six_lists() {
    let root = root();
    let app = root.join("src-tauri");
    let handlers = handler_commands(&read(&app.join("src/commands/mod.rs")));
    let build = build_commands(&read(&app.join("build.rs")));
    let granted = capability_commands(&read(&app.join("capabilities/main.json")));
    let invoked = invoked_commands(&read(&root.join("ui/src/lib/tauri-backend.ts")));
    let methods = interface_methods(&read(&root.join("ui/src/lib/backend.ts")));
    let mut problems = Vec::new();
    let implemented = implemented_methods(
        &read(&root.join("ui/src/lib/memory/backend.ts")),
        &mut problems,
    );

    for (list, what) in [
        (&handlers, "generate_handler!"),
        (&build, "build.rs COMMANDS"),
        (&invoked, "tauri-backend.ts"),
        (&methods, "the Backend interface"),
        (&implemented, "the memory double"),
    ] {
        assert!(
            list.len() > 10,
            "found only {} names in {what}: has the file's shape changed? {list:?}",
            list.len()
        );
    }
    for (method, _) in NOT_COMMANDS {
        if !methods.iter().any(|m| m == method) {
            problems.push(format!(
                "NOT_COMMANDS in this test names `{method}`, which the Backend interface no longer has"
            ));
        }
    }
    for (method, _, _) in RENAMED {
        if !methods.iter().any(|m| m == method) {
            problems.push(format!(
                "RENAMED in this test names `{method}`, which the Backend interface no longer has"
            ));
        }
    }

    problems.extend(disagreements(&[
        List {
            place: "tauri::generate_handler! in src-tauri/src/commands/mod.rs",
            short: "commands/mod.rs",
            names: handlers,
        },
        List {
            place: "COMMANDS in src-tauri/build.rs",
            short: "build.rs",
            names: build,
        },
        List {
            place: "the allow-… permissions in src-tauri/capabilities/main.json",
            short: "capabilities/main.json",
            names: granted,
        },
        List {
            place: "the invoke/call('…') names in ui/src/lib/tauri-backend.ts",
            short: "tauri-backend.ts",
            names: invoked,
        },
        List {
            place: "the Backend interface in ui/src/lib/backend.ts (methods as snake_case; see RENAMED and NOT_COMMANDS in this test)",
            short: "backend.ts",
            names: methods.iter().filter_map(|m| command_of(m)).collect(),
        },
    ]));
    problems.extend(disagreements(&[
        List {
            place: "the Backend interface in ui/src/lib/backend.ts",
            short: "backend.ts",
            names: methods,
        },
        List {
            place: "the members `name: Backend['name']` of ui/src/lib/memory/backend.ts",
            short: "memory/backend.ts",
            names: implemented,
        },
    ]));

    assert!(
        problems.is_empty(),
        "the command lists disagree:\n  {}\n(a command goes in all of: commands/mod.rs, build.rs, capabilities/main.json, \
         tauri-backend.ts, backend.ts and memory/backend.ts)",
        problems.join("\n  ")
    );
}

#[test]
fn the_parsers_read_each_spelling() {
    assert_eq!(
        handler_commands(
            "tauri::generate_handler![\n crate::a::list_cases, // x\n b::add_case,\n]"
        ),
        ["list_cases", "add_case"]
    );
    assert_eq!(
        build_commands("/// see `a`\nconst COMMANDS: &[&str] = &[\n  \"list_cases\", // \"no\"\n  \"add_case\",\n];"),
        ["list_cases", "add_case"]
    );
    assert_eq!(
        capability_commands(
            r#"{"permissions": ["core:event:allow-listen", "allow-list-cases", "dialog:allow-open"]}"#
        ),
        ["list_cases"]
    );
    assert_eq!(
        invoked_commands(
            "return await invoke<T>(command, args);\n a = () => call<Awaited<ReturnType<Backend['x']>>>('list_cases');\n b = (i) => call('add_case', { new: i });\n recall('no');"
        ),
        ["list_cases", "add_case"]
    );
    assert_eq!(
        interface_methods(
            "export interface Backend {\n  /** Lists (all of them). */\n  listCases(): Promise<Case[]>;\n  linkDocument(\n    caseId: CaseId | null,\n  ): Promise<Document>;\n  search(q: string, limit?: number): Promise<{ a: string }>;\n}\nexport class X {}"
        ),
        ["listCases", "linkDocument", "search"]
    );
    let mut problems = Vec::new();
    assert_eq!(
        implemented_methods(
            "  listCases: Backend['listCases'] = () => x;\n  addCase: Backend['addCse'] = (i) => y;\n  private db = 1;",
            &mut problems
        ),
        ["listCases", "addCase"]
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(snake_case("listCaseSummaries"), "list_case_summaries");
}

#[test]
fn a_missing_name_is_reported_with_where_it_is_missing() {
    let problems = disagreements(&[
        List {
            place: "A",
            short: "a",
            names: vec!["list_cases".into(), "add_case".into()],
        },
        List {
            place: "B",
            short: "b",
            names: vec!["list_cases".into(), "list_cases".into()],
        },
    ]);
    assert_eq!(
        problems,
        [
            "`list_cases` is listed twice in B",
            "`add_case` is missing from B (present in: a)"
        ]
    );
}
