//! The worker side: runs inside the child process started by [`super::extract_file`].
//!
//! It applies the memory limit to itself, opens the PDF with lopdf, repairs the page
//! tree, extracts each page on its own under `catch_unwind` (panic output silenced
//! and recorded), runs OCR on pages without text, and writes one JSON line per page
//! on stdout.

use std::ffi::OsString;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;

use lopdf::{Document, ObjectId};

use super::protocol::Message;
use super::{
    cmaps, ocr, page_tree, precheck, quotes, redaction, streams, text, text_content, ExtractError,
    OcrState, PageStatus,
};
pub use options::{parse_args, WorkerOptions};

mod options;

/// Below this many visible characters, a page that draws an image is treated as a
/// scan with a thin text layer (an ECF header stamp) and sent to OCR.
const THIN_TEXT_LAYER: usize = 200;

/// Pages in a run from which ToUnicode maps are parsed up front (see [`cmaps`]).
const COMPACT_CMAPS_FROM: usize = 3;

/// Largest stream inflated up front (see [`streams::inflate_shared`]).
const SHARED_STREAM_CAP: usize = 16 << 20;

/// Entry point of the worker subcommand: parse `args`, run, return the exit code.
pub fn main(args: &[OsString]) -> i32 {
    match parse_args(args) {
        Ok((path, opts)) => {
            if let Some(bytes) = opts.memory_bytes {
                limit_memory(bytes);
            }
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match run(&path, &opts, &mut out) {
                Ok(()) => 0,
                Err(_) => 3, // the parent went away; nothing left to tell it
            }
        }
        Err(msg) => {
            eprintln!("casetrail {}: {msg}", super::WORKER_SUBCOMMAND);
            2
        }
    }
}

/// Apply RLIMIT_AS (and no core dumps) to this process.
fn limit_memory(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    let no_core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit only reads the struct we pass; failure leaves the limit unset,
    // which the parent's timeout still bounds.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
        libc::setrlimit(libc::RLIMIT_CORE, &no_core);
    }
}

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Replace the panic hook with one that records the message instead of printing it.
fn silence_panics() {
    // The location (a path inside the cargo registry) means nothing to a user; drop it.
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        if let Ok(mut slot) = LAST_PANIC.lock() {
            *slot = Some(msg);
        }
    }));
}

fn take_panic() -> String {
    LAST_PANIC
        .lock()
        .ok()
        .and_then(|mut slot| slot.take())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Extract `path` page by page, writing protocol lines to `out`.
pub fn run(path: &Path, opts: &WorkerOptions, out: &mut dyn Write) -> std::io::Result<()> {
    silence_panics();
    let mut send = |msg: Message| -> std::io::Result<()> {
        writeln!(out, "{}", msg.to_line())?;
        out.flush()
    };
    let (mut doc, mut warnings) = match open(path) {
        Ok(opened) => opened,
        Err(error) => return send(Message::Fatal { error }),
    };
    let was_encrypted = doc.was_encrypted() || doc.is_encrypted();
    let declared_pages = page_tree::declared_count(&doc);
    let prepared = catch_unwind(AssertUnwindSafe(|| page_tree::prepare(&mut doc)));
    let Ok((pages, repairs)) = prepared else {
        let error = ExtractError::NoPages(format!("page tree unreadable: {}", take_panic()));
        return send(Message::Fatal { error });
    };
    warnings.extend(repairs);
    // Only an optimisation: a panic here leaves the streams as they were.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        streams::inflate_shared(&mut doc, &pages, SHARED_STREAM_CAP)
    }));
    // Lines drawn with ' and " would be lost otherwise; a panic leaves the pages as they
    // were. Only the pages of this run's range are read, so only they are rewritten.
    let wanted = range_of(&pages, opts);
    // Only an optimisation too, which pays when pages share fonts: a map that does
    // not parse is left as it was.
    if opts.text && wanted.len() >= COMPACT_CMAPS_FROM {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            cmaps::compact_to_unicode(&mut doc, &pages[wanted.clone()])
        }));
    }
    let rewritten = catch_unwind(AssertUnwindSafe(|| match opts.text {
        true => {
            quotes::rewrite_quote_operators(&mut doc, &pages[wanted.clone()], SHARED_STREAM_CAP)
        }
        false => 0,
    }));
    if rewritten.is_err() {
        // Say so rather than lose those lines silently.
        warnings.push(format!(
            "lines drawn with the ' and \" operators may be missing: {}",
            take_panic()
        ));
    }
    if pages.is_empty() {
        let error = ExtractError::NoPages("the page tree lists no pages".into());
        return send(Message::Fatal { error });
    }
    send(Message::Document {
        pages: pages.len() as u32,
        declared_pages,
        was_encrypted,
        warnings,
    })?;
    let mut ocr = OcrRunner::new(path, opts);
    let mut ocr_sent = OcrState::NotNeeded;
    let focus = page_tree::Focus::new(&mut doc);
    let mut fonts = redaction::Fonts::default();
    for (index, &page_id) in pages.iter().enumerate().take(wanted.end).skip(wanted.start) {
        let number = index as u32 + 1;
        // pdf-extract finds the page by number: 1 in a one-page tree, else its own.
        let lookup = if focus.show(&mut doc, page_id) {
            1
        } else {
            number
        };
        // The page's content as drawn (the redaction check reads it whole), then
        // cut to its text for pdf-extract; a panic leaves the page as it was.
        let content = doc.get_page_content(page_id).ok();
        let resources = redaction::page_resources(&doc, page_id);
        if !opts.text {
            let scans = Some(THIN_TEXT_LAYER);
            let bad_redactions = check(&doc, page_id, &content, &resources, scans, &mut fonts);
            send(Message::Page {
                number,
                status: PageStatus::Empty,
                text: String::new(),
                bad_redactions,
            })?;
            continue;
        }
        if let Some(content) = &content {
            let _ = catch_unwind(AssertUnwindSafe(|| {
                text_content::cut_page(&mut doc, page_id, &resources, content)
            }));
        }
        let (status, text) = page(&doc, page_id, number, lookup, &mut ocr, &mut send)?;
        // Only a text layer can hide text under a box; a panic costs the check only.
        let bad_redactions = match status {
            PageStatus::Text => check(&doc, page_id, &content, &resources, None, &mut fonts),
            _ => Vec::new(),
        };
        // Sent before the page: the parent may stop this worker once it has the
        // last page of its range.
        let state = ocr.state();
        if state != ocr_sent {
            send(Message::Ocr {
                state: state.clone(),
            })?;
            ocr_sent = state;
        }
        send(Message::Page {
            number,
            status,
            text,
            bad_redactions,
        })?;
    }
    send(Message::Ocr { state: ocr.state() })?;
    send(Message::Done)
}

/// The page's bad redactions; a panic costs the check only.
fn check(
    doc: &Document,
    page_id: ObjectId,
    content: &Option<Vec<u8>>,
    resources: &lopdf::Dictionary,
    scans: Option<usize>,
    fonts: &mut redaction::Fonts,
) -> Vec<crate::BadRedaction> {
    let Some(content) = content else {
        return Vec::new();
    };
    catch_unwind(AssertUnwindSafe(|| {
        redaction::find(doc, page_id, content, resources, scans, fonts)
    }))
    .unwrap_or_default()
}

/// The indexes into `pages` of this run's range (empty when it starts past the end).
fn range_of(pages: &[ObjectId], opts: &WorkerOptions) -> std::ops::Range<usize> {
    let end = opts
        .last_page
        .map_or(pages.len(), |last| pages.len().min(last as usize));
    let start = (opts.first_page.max(1) as usize - 1).min(end);
    start..end
}

/// Load and decrypt (empty user password only). Never panics.
fn open(path: &Path) -> Result<(Document, Vec<String>), ExtractError> {
    precheck(path)?;
    let bytes = std::fs::read(path).map_err(|e| ExtractError::Unreadable(e.to_string()))?;
    let mut warnings = Vec::new();
    let mut doc = match load(&bytes) {
        Err(ExtractError::DamagedXref(reason)) => {
            // A common damage: bytes (often NUL padding) after the end of the file hide
            // `startxref` from the parser. Cut them off and try once more.
            let repaired =
                cut_after_startxref(&bytes).ok_or(ExtractError::DamagedXref(reason.clone()))?;
            let doc = load(&repaired).map_err(|_| ExtractError::DamagedXref(reason))?;
            warnings.push("bytes after the end of the PDF were ignored".to_string());
            doc
        }
        other => other?,
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        // Not decrypted while loading: try the empty user password.
        let decrypted = catch_unwind(AssertUnwindSafe(|| doc.decrypt("")));
        if !matches!(decrypted, Ok(Ok(()))) {
            return Err(ExtractError::Encrypted);
        }
    }
    Ok((doc, warnings))
}

fn load(bytes: &[u8]) -> Result<Document, ExtractError> {
    match catch_unwind(|| Document::load_mem(bytes)) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => Err(ExtractError::from_load(&e)),
        Err(_) => Err(ExtractError::Damaged(format!(
            "parser crashed: {}",
            take_panic()
        ))),
    }
}

/// The file up to the offset after its last `startxref`, with a fresh `%%EOF`, when
/// that is shorter than the file.
fn cut_after_startxref(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEY: &[u8] = b"startxref";
    let at = bytes.windows(KEY.len()).rposition(|w| w == KEY)?;
    let mut end = at + KEY.len();
    while end < bytes.len() && bytes[end].is_ascii_whitespace() {
        end += 1;
    }
    let digits = bytes[end..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return None;
    }
    end += digits;
    let mut out = bytes[..end].to_vec();
    out.extend_from_slice(b"\n%%EOF\n");
    (out.len() < bytes.len()).then_some(out)
}

/// Extract one page's text layer, falling back to OCR when it is missing or thin.
/// `lookup` is the number under which pdf-extract finds the page (see [`page_tree::Focus`]).
fn page(
    doc: &Document,
    page_id: ObjectId,
    number: u32,
    lookup: u32,
    ocr: &mut OcrRunner,
    send: &mut dyn FnMut(Message) -> std::io::Result<()>,
) -> std::io::Result<(PageStatus, String)> {
    let extracted = catch_unwind(AssertUnwindSafe(|| {
        let mut raw = String::new();
        let mut output = pdf_extract::PlainTextOutput::new(&mut raw);
        pdf_extract::output_doc_page(doc, &mut output, lookup).map(|()| raw)
    }));
    let layer = match extracted {
        Ok(Ok(raw)) => Ok(text::normalize(&raw)),
        Ok(Err(e)) => Err(format!("cannot read page: {e}")),
        Err(_) => Err(format!("page crashed the extractor: {}", take_panic())),
    };
    let visible = layer.as_deref().map(text::visible_chars).unwrap_or(0);
    let wants_ocr = match &layer {
        Err(_) => true,
        Ok(_) if visible == 0 => true,
        Ok(_) => {
            visible < THIN_TEXT_LAYER
                && catch_unwind(AssertUnwindSafe(|| page_tree::has_images(doc, page_id)))
                    .unwrap_or(false)
        }
    };
    if !wants_ocr {
        return Ok((PageStatus::Text, layer.unwrap_or_default()));
    }
    let ocr_text = if ocr.available() {
        send(Message::OcrStart { page: number })?;
        ocr.page(number)
    } else {
        None
    };
    Ok(match (layer, ocr_text) {
        (_, Some(read)) if text::visible_chars(&read) > visible => (PageStatus::Ocr, read),
        (Ok(t), Some(_)) if visible > 0 => (PageStatus::Text, t),
        (Ok(_), Some(_)) => (PageStatus::Empty, String::new()),
        (Ok(t), None) => (PageStatus::NeedsOcr, t),
        (Err(reason), _) => (PageStatus::Failed(reason), String::new()),
    })
}

/// Runs OCR when enabled and available, remembering what happened.
struct OcrRunner<'a> {
    path: &'a Path,
    enabled: bool,
    dpi: u32,
    checked: Option<Option<String>>,
    used: bool,
}

impl<'a> OcrRunner<'a> {
    fn new(path: &'a Path, opts: &WorkerOptions) -> Self {
        OcrRunner {
            path,
            enabled: opts.ocr,
            dpi: opts.ocr_dpi,
            checked: None,
            used: false,
        }
    }

    /// True when OCR is enabled and the tools are installed (checked once).
    fn available(&mut self) -> bool {
        if !self.enabled {
            self.checked.get_or_insert(Some("disabled".into()));
            return false;
        }
        self.checked
            .get_or_insert_with(ocr::unavailable_reason)
            .is_none()
    }

    fn page(&mut self, number: u32) -> Option<String> {
        self.used = true;
        ocr::page_text(self.path, number, self.dpi)
            .ok()
            .map(|t| text::normalize(&t))
    }

    fn state(&self) -> OcrState {
        match (&self.checked, self.enabled) {
            (None, _) => OcrState::NotNeeded,
            (Some(_), false) => OcrState::Disabled,
            (Some(Some(reason)), true) => OcrState::Unavailable(reason.clone()),
            (Some(None), true) if self.used => OcrState::Used,
            (Some(None), true) => OcrState::NotNeeded,
        }
    }
}
