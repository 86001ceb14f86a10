//! `cargo xtask layout`: the crate map's rules, checked on the resolved
//! dependency graph (`cargo metadata`), so a pure crate cannot quietly gain
//! SQLite, a PDF parser or a window.
//!
//! For each workspace crate, [`RULES`] names the workspace crates it may
//! depend on and the outside packages that must not appear anywhere in its
//! normal or build dependency tree (dev-dependencies do not ship and are not
//! followed). A rule may name workspace crates it reaches those packages
//! `through`: the CLI reaches tokio and PostgreSQL's client only inside
//! `casetrail-sync`, whose own rule then holds for that part of the tree.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

use crate::run::{project_root, Error};

/// Outside packages that mean SQL, PDF parsing, a window, a command-line parser or async I/O.
const SQL: &[&str] = &["rusqlite", "libsqlite3-sys"];
const PDF: &[&str] = &["lopdf", "pdf-extract", "adobe-cmap-parser"];
const WINDOW: &[&str] = &["tauri", "wry", "tao", "webkit2gtk", "gtk"];
const CLI: &[&str] = &["clap"];
const ASYNC: &[&str] = &["tokio"];
const POSTGRES: &[&str] = &["postgres", "tokio-postgres", "postgres-protocol"];

/// One crate's rule: the workspace crates it may use, and what it must never reach.
pub struct Rule {
    pub krate: &'static str,
    pub may_use: &'static [&'static str],
    pub never: &'static [&'static [&'static str]],
    /// Workspace crates whose own trees are theirs to answer for: what is
    /// reached only through them does not count against this rule.
    pub through: &'static [&'static str],
}

/// The crate map of ARCHITECTURE.md, as data.
pub const RULES: &[Rule] = &[
    Rule {
        krate: "casetrail-model",
        may_use: &[],
        never: &[SQL, PDF, WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-deadline",
        may_use: &["casetrail-model"],
        never: &[SQL, PDF, WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-detect",
        may_use: &[],
        never: &[SQL, PDF, WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-docket",
        may_use: &["casetrail-model"],
        never: &[SQL, PDF, WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-export",
        may_use: &["casetrail-model", "casetrail-deadline"],
        never: &[SQL, PDF, WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-extract",
        may_use: &["casetrail-model"],
        never: &[SQL, WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-store",
        may_use: &[
            "casetrail-model",
            "casetrail-deadline",
            "casetrail-detect",
            "casetrail-docket",
            "casetrail-export",
        ],
        never: &[PDF, WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-import",
        may_use: &[
            "casetrail-model",
            "casetrail-deadline",
            "casetrail-detect",
            "casetrail-extract",
            "casetrail-store",
            "casetrail-docket",
            "casetrail-export",
        ],
        never: &[WINDOW, CLI, ASYNC, POSTGRES],
        through: &[],
    },
    Rule {
        krate: "casetrail-sync",
        may_use: &[
            "casetrail-model",
            "casetrail-deadline",
            "casetrail-detect",
            "casetrail-docket",
            "casetrail-export",
            "casetrail-store",
        ],
        never: &[SQL, PDF, WINDOW, CLI],
        // The sync engine applies pulled operations through the store, whose
        // SQLite is its own: the sync crate writes no SQLite SQL.
        through: &["casetrail-store"],
    },
    Rule {
        krate: "casetrail",
        may_use: &[
            "casetrail-model",
            "casetrail-deadline",
            "casetrail-detect",
            "casetrail-extract",
            "casetrail-store",
            "casetrail-import",
            "casetrail-docket",
            "casetrail-export",
            "casetrail-sync",
        ],
        never: &[WINDOW, ASYNC, POSTGRES],
        through: &["casetrail-sync"],
    },
    Rule {
        krate: "casetrail-app",
        may_use: &[
            "casetrail-model",
            "casetrail-deadline",
            "casetrail-extract",
            "casetrail-store",
            "casetrail-import",
            "casetrail-docket",
        ],
        never: &[CLI, POSTGRES],
        through: &[],
    },
    // The benchmarks' floor: Tauri and the app's plugins, nothing of ours.
    Rule {
        krate: "casetrail-empty-window",
        may_use: &[],
        never: &[SQL, PDF, CLI, POSTGRES],
        through: &[],
    },
];

/// The dependency graph: package name → names of its normal and build dependencies.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// Read the workspace's resolved graph (all features on, so optional
/// dependencies are checked too).
pub fn graph() -> Result<(Graph, BTreeSet<String>), Error> {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--all-features",
            "--locked",
        ])
        .current_dir(project_root())
        .output()
        .map_err(|e| Error(format!("cannot run cargo metadata: {e}")))?;
    if !out.status.success() {
        return Err(Error(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    let meta: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| Error(format!("cargo metadata printed no JSON: {e}")))?;
    parse(&meta)
}

/// The graph and the workspace members' names from `cargo metadata` JSON.
pub fn parse(meta: &Value) -> Result<(Graph, BTreeSet<String>), Error> {
    let bad = |what: &str| Error(format!("cargo metadata: missing {what}"));
    let names: BTreeMap<&str, &str> = meta["packages"]
        .as_array()
        .ok_or_else(|| bad("packages"))?
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
        .collect();
    let members: BTreeSet<String> = meta["workspace_members"]
        .as_array()
        .ok_or_else(|| bad("workspace_members"))?
        .iter()
        .filter_map(|id| names.get(id.as_str()?).map(|n| n.to_string()))
        .collect();
    let mut graph = Graph::new();
    for node in meta["resolve"]["nodes"]
        .as_array()
        .ok_or_else(|| bad("resolve.nodes"))?
    {
        let Some(name) = node["id"].as_str().and_then(|id| names.get(id)) else {
            continue;
        };
        let deps = graph.entry(name.to_string()).or_default();
        for dep in node["deps"].as_array().into_iter().flatten() {
            // A dependency counts when at least one of its kinds is normal (null) or build.
            let shipped = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            if let (true, Some(n)) = (shipped, dep["pkg"].as_str().and_then(|p| names.get(p))) {
                deps.insert(n.to_string());
            }
        }
    }
    Ok((graph, members))
}

/// Every package `krate` reaches through normal and build dependencies
/// without passing through a crate of `through`, with the path that reaches
/// it first (for the message).
fn reach(graph: &Graph, krate: &str, through: &[&str]) -> BTreeMap<String, Vec<String>> {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut queue = vec![vec![krate.to_string()]];
    while let Some(path) = queue.pop() {
        let last = path.last().expect("non-empty path");
        if path.len() > 1 && through.contains(&last.as_str()) {
            continue;
        }
        for dep in graph.get(last).into_iter().flatten() {
            if seen.contains_key(dep) || dep == krate {
                continue;
            }
            let mut next = path.clone();
            next.push(dep.clone());
            seen.insert(dep.clone(), next.clone());
            queue.push(next);
        }
    }
    seen
}

/// Every broken rule, in words; empty when the layout holds.
pub fn violations(graph: &Graph, members: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    for rule in RULES {
        if !graph.contains_key(rule.krate) {
            problems.push(format!(
                "{} is in the crate map but not in the workspace",
                rule.krate
            ));
            continue;
        }
        let reached = reach(graph, rule.krate, rule.through);
        for direct in &graph[rule.krate] {
            if members.contains(direct) && !rule.may_use.contains(&direct.as_str()) {
                problems.push(format!(
                    "{} depends on {direct}, which the crate map does not allow",
                    rule.krate
                ));
            }
        }
        for forbidden in rule.never.iter().copied().flatten() {
            if let Some(path) = reached.get(*forbidden) {
                problems.push(format!(
                    "{} must not depend on {forbidden}, but does: {}",
                    rule.krate,
                    path.join(" -> ")
                ));
            }
        }
    }
    for member in members {
        if member != "xtask"
            && member != "casetrail-fixtures"
            && !RULES.iter().any(|r| r.krate == member)
        {
            problems.push(format!(
                "{member} is a workspace crate with no rule in xtask/src/layout.rs (add it to the crate map)"
            ));
        }
    }
    problems
}

/// The check `cargo xtask test` runs first.
pub fn check() -> Result<(), Error> {
    let (graph, members) = graph()?;
    let problems = violations(&graph, &members);
    if problems.is_empty() {
        eprintln!("xtask: layout: {} crates keep the crate map", RULES.len());
        return Ok(());
    }
    Err(Error(format!(
        "the crate layout is broken:\n  {}",
        problems.join("\n  ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph_of(edges: &[(&str, &[&str])]) -> Graph {
        let mut g = Graph::new();
        for (from, to) in edges {
            g.entry(from.to_string())
                .or_default()
                .extend(to.iter().map(|t| t.to_string()));
            for t in *to {
                g.entry(t.to_string()).or_default();
            }
        }
        for rule in RULES {
            g.entry(rule.krate.to_string()).or_default();
        }
        g
    }

    fn members() -> BTreeSet<String> {
        RULES.iter().map(|r| r.krate.to_string()).collect()
    }

    #[test]
    fn the_real_workspace_keeps_the_map() {
        let (graph, members) = graph().unwrap();
        assert_eq!(violations(&graph, &members), Vec::<String>::new());
    }

    #[test]
    fn a_pure_crate_reaching_sqlite_is_refused_with_the_path() {
        let g = graph_of(&[
            ("casetrail-deadline", &["casetrail-model", "sqlx-ish"]),
            ("sqlx-ish", &["libsqlite3-sys"]),
        ]);
        let problems = violations(&g, &members());
        assert_eq!(
            problems,
            ["casetrail-deadline must not depend on libsqlite3-sys, but does: casetrail-deadline -> sqlx-ish -> libsqlite3-sys"]
        );
    }

    #[test]
    fn a_crate_using_one_above_it_is_refused() {
        let g = graph_of(&[("casetrail-model", &["casetrail-store"])]);
        let problems = violations(&g, &members());
        assert!(
            problems.contains(
                &"casetrail-model depends on casetrail-store, which the crate map does not allow"
                    .to_string()
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn only_the_sync_crate_reaches_postgres_and_the_cli_only_through_it() {
        let g = graph_of(&[
            ("casetrail", &["casetrail-sync", "casetrail-store"]),
            ("casetrail-sync", &["postgres"]),
            ("postgres", &["tokio-postgres"]),
            ("tokio-postgres", &["tokio"]),
        ]);
        assert_eq!(violations(&g, &members()), Vec::<String>::new());

        let g = graph_of(&[
            ("casetrail", &["casetrail-sync", "tokio"]),
            ("casetrail-store", &["postgres"]),
        ]);
        let problems = violations(&g, &members());
        assert_eq!(
            problems,
            [
                "casetrail-store must not depend on postgres, but does: casetrail-store -> postgres",
                "casetrail must not depend on tokio, but does: casetrail -> tokio",
            ]
        );
    }

    #[test]
    fn dev_dependencies_are_not_followed() {
        let meta = serde_json::json!({
            "packages": [
                {"id": "a", "name": "casetrail-detect"},
                {"id": "b", "name": "pdf-extract"},
                {"id": "c", "name": "regex"}
            ],
            "workspace_members": ["a"],
            "resolve": {"nodes": [
                {"id": "a", "deps": [
                    {"pkg": "b", "dep_kinds": [{"kind": "dev", "target": null}]},
                    {"pkg": "c", "dep_kinds": [{"kind": null, "target": null}]}
                ]}
            ]}
        });
        let (g, _) = parse(&meta).unwrap();
        assert_eq!(g["casetrail-detect"], BTreeSet::from(["regex".to_string()]));
    }
}
