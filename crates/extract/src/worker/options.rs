//! The worker's command line: what the parent asks of one run.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Options of one worker run, passed on the command line by the parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerOptions {
    /// Address-space limit to apply to this process, in bytes.
    pub memory_bytes: Option<u64>,
    /// First page (1-based) to extract; earlier pages were done by a previous worker
    /// or belong to another worker's range.
    pub first_page: u32,
    /// Last page (1-based, inclusive) to extract; `None` means to the end.
    pub last_page: Option<u32>,
    /// Run OCR on pages without text.
    pub ocr: bool,
    /// Rasterisation resolution for OCR.
    pub ocr_dpi: u32,
    /// Read the text (else only the bad-redaction check runs).
    pub text: bool,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            memory_bytes: None,
            first_page: 1,
            last_page: None,
            ocr: true,
            ocr_dpi: 250,
            text: true,
        }
    }
}

impl WorkerOptions {
    /// The command-line arguments (after the subcommand) that [`parse_args`] reads back.
    pub fn to_args(&self, path: &Path) -> Vec<OsString> {
        let mut args: Vec<OsString> = Vec::new();
        if let Some(bytes) = self.memory_bytes {
            args.push("--memory-limit".into());
            args.push(bytes.to_string().into());
        }
        args.push("--first-page".into());
        args.push(self.first_page.to_string().into());
        if let Some(last) = self.last_page {
            args.push("--last-page".into());
            args.push(last.to_string().into());
        }
        args.push("--ocr-dpi".into());
        args.push(self.ocr_dpi.to_string().into());
        if !self.ocr {
            args.push("--no-ocr".into());
        }
        if !self.text {
            args.push("--redactions-only".into());
        }
        args.push("--".into());
        args.push(path.as_os_str().to_owned());
        args
    }
}

/// Parse the worker's arguments (everything after the subcommand name).
pub fn parse_args(args: &[OsString]) -> Result<(PathBuf, WorkerOptions), String> {
    let mut opts = WorkerOptions::default();
    let mut path = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            iter.next()
                .and_then(|v| v.to_str())
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match arg.to_str() {
            Some("--memory-limit") => opts.memory_bytes = Some(number("--memory-limit")?),
            Some("--first-page") => {
                opts.first_page =
                    u32::try_from(number("--first-page")?).map_err(|e| e.to_string())?
            }
            Some("--last-page") => {
                opts.last_page =
                    Some(u32::try_from(number("--last-page")?).map_err(|e| e.to_string())?)
            }
            Some("--ocr-dpi") => {
                opts.ocr_dpi = u32::try_from(number("--ocr-dpi")?).map_err(|e| e.to_string())?
            }
            Some("--no-ocr") => opts.ocr = false,
            Some("--redactions-only") => opts.text = false,
            Some("--") => {
                path = iter.next().map(PathBuf::from);
                break;
            }
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path = path.ok_or("missing PDF path")?;
    Ok((path, opts))
}
