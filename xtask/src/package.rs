//! `cargo xtask package`: the `.deb` and `.rpm` that install both the app
//! and the `casetrail` command, with its man page and shell completions.
//!
//! The CLI is built in release mode and asked for its man page and
//! completions (`casetrail generate …`, from its clap definitions); Tauri's
//! bundler then packs the app with those files, named in a configuration
//! overlay written to `target/dist/` (`tauri build --config`), so
//! `tauri.conf.json` names no build output. Both bundles are made offline.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{project_root, sh, Error};

/// What goes into the packages besides the app: (path installed, file in target/dist).
const FILES: &[(&str, &str)] = &[
    ("/usr/share/man/man1/casetrail.1.gz", "casetrail.1.gz"),
    (
        "/usr/share/bash-completion/completions/casetrail",
        "casetrail.bash",
    ),
    ("/usr/share/zsh/vendor-completions/_casetrail", "_casetrail"),
    (
        "/usr/share/fish/vendor_completions.d/casetrail.fish",
        "casetrail.fish",
    ),
];

/// The packages made.
pub struct Packages {
    pub deb: PathBuf,
    pub rpm: PathBuf,
}

/// Build the CLI, generate its man page and completions, and bundle.
pub fn build() -> Result<Packages, Error> {
    let root = project_root();
    sh(
        &["cargo", "build", "--release", "-p", "casetrail"],
        None,
        &[],
    )?;
    let cli = root.join("target/release/casetrail");
    let dist = root.join("target/dist");
    fs::create_dir_all(&dist)
        .map_err(|e| Error(format!("cannot create {}: {e}", dist.display())))?;
    generate(&cli, "man", &dist.join("casetrail.1"))?;
    sh(&["gzip", "-9nf", "casetrail.1"], Some(&dist), &[])?;
    generate(&cli, "bash", &dist.join("casetrail.bash"))?;
    generate(&cli, "zsh", &dist.join("_casetrail"))?;
    generate(&cli, "fish", &dist.join("casetrail.fish"))?;

    let mut files = serde_json::Map::new();
    files.insert("/usr/bin/casetrail".into(), path_value(&cli));
    for (installed, name) in FILES {
        files.insert((*installed).into(), path_value(&dist.join(name)));
    }
    let files = serde_json::Value::Object(files);
    // The UI is built here first; tauri would run its beforeBuildCommand from
    // the app's root, where `../ui` is not the UI.
    crate::run::build_ui()?;
    let overlay = serde_json::json!({
        "build": { "beforeBuildCommand": "" },
        "bundle": { "linux": { "deb": { "files": files }, "rpm": { "files": files } } }
    });
    let overlay_path = dist.join("tauri.packages.json");
    fs::write(
        &overlay_path,
        serde_json::to_string_pretty(&overlay).expect("json"),
    )
    .map_err(|e| Error(format!("cannot write {}: {e}", overlay_path.display())))?;

    let bundle = root.join("target/release/bundle");
    let _ = fs::remove_dir_all(bundle.join("deb"));
    let _ = fs::remove_dir_all(bundle.join("rpm"));
    let tauri = root.join("ui/node_modules/.bin/tauri");
    sh(
        &[
            tauri.to_str().expect("utf-8 path"),
            "build",
            "--bundles",
            "deb,rpm",
            "--config",
            overlay_path.to_str().expect("utf-8 path"),
        ],
        Some(&root.join("src-tauri")),
        &[],
    )?;
    Ok(Packages {
        deb: only(&bundle.join("deb"), "deb")?,
        rpm: only(&bundle.join("rpm"), "rpm")?,
    })
}

fn path_value(p: &Path) -> serde_json::Value {
    serde_json::Value::String(p.to_str().expect("utf-8 path").to_owned())
}

/// `casetrail generate WHAT > out`.
fn generate(cli: &Path, what: &str, out: &Path) -> Result<(), Error> {
    eprintln!(
        "xtask: $ {} generate {what} > {}",
        cli.display(),
        out.display()
    );
    let output = Command::new(cli)
        .args(["generate", what])
        .output()
        .map_err(|e| Error(format!("cannot run {}: {e}", cli.display())))?;
    if !output.status.success() || output.stdout.is_empty() {
        return Err(Error(format!(
            "`casetrail generate {what}` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    fs::write(out, &output.stdout)
        .map_err(|e| Error(format!("cannot write {}: {e}", out.display())))
}

/// The one file with extension `ext` in `dir`.
fn only(dir: &Path, ext: &str) -> Result<PathBuf, Error> {
    let found: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Error(format!("no {ext} package in {}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(Error(format!(
            "expected one .{ext} in {}, found {found:?}",
            dir.display()
        ))),
    }
}
