//! OCR of one page: `pdftoppm` (poppler-utils) rasterises it, `tesseract` reads it.
//! Both are found on `PATH` at run time; neither is needed to build or run Casetrail.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

/// What is missing for OCR, or `None` when both tools answer.
pub fn unavailable_reason() -> Option<String> {
    let missing: Vec<&str> = [
        ("tesseract", "tesseract-ocr"),
        ("pdftoppm", "poppler-utils"),
    ]
    .into_iter()
    .filter(|(tool, _)| !answers(tool))
    .map(|(_, package)| package)
    .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "OCR needs {} (install with: apt-get install {})",
            missing.join(" and "),
            missing.join(" ")
        )
    })
}

fn answers(tool: &str) -> bool {
    Command::new(tool)
        .arg("-v")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Rasterise page `number` (1-based) of `pdf` at `dpi` and return tesseract's text.
pub fn page_text(pdf: &Path, number: u32, dpi: u32) -> Result<String, String> {
    let page = number.to_string();
    let mut raster = Command::new("pdftoppm")
        .args(["-gray", "-png", "-singlefile", "-r", &dpi.to_string()])
        .args(["-f", &page, "-l", &page])
        .arg(pdf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run pdftoppm: {e}"))?;
    let mut png = Vec::new();
    if let Some(mut out) = raster.stdout.take() {
        out.read_to_end(&mut png)
            .map_err(|e| format!("reading pdftoppm output: {e}"))?;
    }
    let status = raster.wait().map_err(|e| format!("pdftoppm: {e}"))?;
    if !status.success() || png.is_empty() {
        return Err(format!("pdftoppm could not render page {number}"));
    }
    run_tesseract(&png)
}

fn run_tesseract(png: &[u8]) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new("tesseract")
        .args(["stdin", "stdout", "-l", "eng"])
        // One page per worker and one worker per core: keep tesseract single-threaded.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run tesseract: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("tesseract stdin unavailable")?;
    let input = png.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("tesseract: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err("tesseract could not read the page image".into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
