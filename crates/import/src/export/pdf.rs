//! The timeline report printed to PDF by headless Chromium (Debian's
//! `chromium`), when it is installed.

use std::path::PathBuf;
use std::process::Command;

use casetrail_store::{Error, Result};

/// Chromium's executable on PATH, if installed.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// `html` printed to PDF in a scratch folder; `label` names the export in errors.
pub fn print(html: &str, label: &str) -> Result<Vec<u8>> {
    let exe = chromium().ok_or_else(|| {
        Error::invalid(
            "a PDF of the report needs Chromium, which is not installed (Debian: apt install \
             chromium); the HTML report prints from any browser",
        )
    })?;
    let scratch = std::env::temp_dir().join(format!(
        "casetrail-pdf-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let io = |e| Error::io(&scratch, e);
    std::fs::create_dir_all(&scratch).map_err(io)?;
    let page = scratch.join("report.html");
    let pdf = scratch.join("report.pdf");
    let result = (|| {
        std::fs::write(&page, html).map_err(io)?;
        let out = Command::new(&exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!(
                "--user-data-dir={}",
                scratch.join("profile").display()
            ))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .map_err(|e| Error::io(&exe, e))?;
        match std::fs::read(&pdf) {
            Ok(bytes) if out.status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
            _ => Err(Error::Data(format!(
                "Chromium did not print {label} ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ))),
        }
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result
}
