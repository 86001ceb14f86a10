//! `tauri build` refuses to bundle when a plugin's Rust crate and its npm
//! package differ in major or minor version (it found tauri-plugin-notification
//! 2.8 against @tauri-apps/plugin-notification 2.5 once). This test catches that
//! in `cargo xtask test` instead of at packaging time.

use std::collections::BTreeMap;
use std::path::Path;

/// `name -> version` of every package in Cargo.lock.
fn locked_crates(lock: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut name = None;
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = Some(n.trim_matches('"').to_owned());
        } else if let (Some(v), Some(n)) = (line.strip_prefix("version = "), name.take()) {
            out.insert(n, v.trim_matches('"').to_owned());
        }
    }
    out
}

fn major_minor(version: &str) -> String {
    let v = version.trim_start_matches(['^', '~', '=']);
    v.split('.').take(2).collect::<Vec<_>>().join(".")
}

#[test]
fn every_plugin_crate_matches_its_npm_package_in_major_and_minor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    let crates = locked_crates(&lock);
    let package: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("ui/package.json")).expect("ui/package.json"),
    )
    .expect("package.json is JSON");
    let mut checked = 0;
    for section in ["dependencies", "devDependencies"] {
        let Some(deps) = package[section].as_object() else {
            continue;
        };
        for (npm, version) in deps {
            let Some(plugin) = npm.strip_prefix("@tauri-apps/plugin-") else {
                continue;
            };
            let krate = format!("tauri-plugin-{plugin}");
            let locked = crates.get(&krate).unwrap_or_else(|| {
                panic!("{npm} is in package.json but {krate} is not in Cargo.lock")
            });
            let npm_version = version.as_str().expect("a version string");
            assert_eq!(
                major_minor(locked),
                major_minor(npm_version),
                "{krate} {locked} and {npm} {npm_version} must share major.minor (tauri build refuses otherwise)"
            );
            checked += 1;
        }
    }
    // The opener plugin is used from Rust only and has no npm package.
    assert!(
        checked >= 2,
        "expected the dialog and notification plugins, checked {checked}"
    );
}

#[test]
fn versions_are_compared_by_major_and_minor() {
    assert_eq!(major_minor("2.5.1"), "2.5");
    assert_eq!(major_minor("^2.8.4"), "2.8");
    assert_ne!(major_minor("2.8.0"), major_minor("2.5.0"));
    let lock = "[[package]]\nname = \"a\"\nversion = \"1.2.3\"\n\n[[package]]\nname = \"b\"\nversion = \"4.5.6\"\n";
    let crates = locked_crates(lock);
    assert_eq!(crates["a"], "1.2.3");
    assert_eq!(crates["b"], "4.5.6");
}
