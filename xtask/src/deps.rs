//! Installing what the build and the tests need on a fresh Debian or Ubuntu machine.

use std::path::Path;
use std::process::Command;

use crate::run::{project_root, sh, Error};

/// Debian packages: to build the Tauri app, to run it under Xvfb and drive it
/// through WebDriver, to OCR scanned pages and to compare against pdftotext,
/// to print the timeline report (Chromium), to read exports back in Python and
/// to open the CSV in a spreadsheet (LibreOffice Calc, about 20 s to install),
/// to answer the app's native save dialog from the keyboard (xdotool), and to
/// unpack the built `.rpm` in its test (rpm2cpio, cpio), and to start the
/// throwaway PostgreSQL clusters the server tests run against (postgresql;
/// openssl for the TLS test's certificate).
pub const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "file",
    "patchelf",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libxdo-dev",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "tesseract-ocr",
    "poppler-utils",
    "chromium",
    "python3-venv",
    "libreoffice-calc",
    "xdotool",
    "rpm2cpio",
    "cpio",
    "postgresql",
    "openssl",
];

/// Where the Python that reads exports back lives (`tests/export_python.rs` looks here).
pub const PYENV: &str = "target/pyenv";

/// PyPI packages the export tests parse with: two independent calendar parsers.
pub const PIP_PACKAGES: &[&str] = &["icalendar", "ical"];

/// Install every missing dependency.
pub fn install_all() -> Result<(), Error> {
    apt()?;
    npm()?;
    python()?;
    Ok(())
}

/// A venv at [`PYENV`] with [`PIP_PACKAGES`], made with Debian's python3 (nothing when present).
pub fn python() -> Result<(), Error> {
    let root = project_root();
    let py = root.join(PYENV).join("bin/python");
    let mut check = vec!["-c".to_string()];
    check.push(format!("import {}", PIP_PACKAGES.join(", ")));
    let ready = Command::new(&py)
        .args(&check)
        .output()
        .is_ok_and(|o| o.status.success());
    if ready {
        return Ok(());
    }
    sh(&["/usr/bin/python3", "-m", "venv", PYENV], None, &[])?;
    let pip = root.join(PYENV).join("bin/pip");
    let pip = pip
        .to_str()
        .ok_or_else(|| Error("the venv path is not UTF-8".into()))?;
    let mut install = vec![pip, "install", "--quiet"];
    install.extend(PIP_PACKAGES);
    sh(&install, None, &[])
}

/// Install the Debian packages that are not installed yet (nothing when all are).
pub fn apt() -> Result<(), Error> {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages: {}", missing.join(" "));
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let sudo: &[&str] = if root { &[] } else { &["sudo"] };
    let mut update: Vec<&str> = sudo.to_vec();
    update.extend(["apt-get", "-o", "DPkg::Lock::Timeout=900", "update", "-q"]);
    sh(&update, None, &[])?;
    let mut install: Vec<&str> = sudo.to_vec();
    install.extend([
        "apt-get",
        "-o",
        "DPkg::Lock::Timeout=900",
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
    ]);
    install.extend(&missing);
    sh(&install, None, &[("DEBIAN_FRONTEND", "noninteractive")])
}

fn dpkg_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

/// `npm ci` in ui/ when node_modules is missing or older than the lock file.
pub fn npm() -> Result<(), Error> {
    let ui = project_root().join("ui");
    let lock = ui.join("package-lock.json");
    let installed = ui.join("node_modules/.package-lock.json");
    if is_newer(&installed, &lock) {
        return Ok(());
    }
    sh(&["npm", "ci", "--no-audit", "--no-fund"], Some(&ui), &[])
}

fn is_newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(x), Some(y)) if x >= y)
}
