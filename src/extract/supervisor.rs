//! The parent side: start the worker, enforce the time limit, restart after a crash.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use super::protocol::Message;
use super::worker::WorkerOptions;
use super::{
    precheck, ExtractError, Extraction, Limits, OcrState, PageStatus, PageText, WORKER_SUBCOMMAND,
};

/// How often the parent checks for cancellation while waiting for the worker.
const POLL: Duration = Duration::from_millis(100);
/// Bytes of the worker's stderr kept for diagnosing a crash.
const STDERR_TAIL: usize = 8 * 1024;

/// Extract the text of `path` page by page in a child process: `worker` is the
/// `casetrail` executable (it is run as `worker __extract-worker …`).
///
/// Never panics and never lets the PDF crash the caller: hostile files come back as
/// an [`ExtractError`] or as [`PageStatus::Failed`] pages.
pub fn extract_file(
    worker: &Path,
    path: &Path,
    limits: &Limits,
) -> Result<Extraction, ExtractError> {
    extract_file_cancellable(worker, path, limits, &AtomicBool::new(false))
}

/// [`extract_file`], stopping (and killing the worker) soon after `cancel` becomes true.
pub fn extract_file_cancellable(
    worker: &Path,
    path: &Path,
    limits: &Limits,
    cancel: &AtomicBool,
) -> Result<Extraction, ExtractError> {
    precheck(path)?;
    let mut acc = Accumulator::default();
    let mut restarts = 0;
    loop {
        let first_page = acc.pages.len() as u32 + 1;
        let died = match run_worker(worker, path, limits, first_page, cancel, &mut acc)? {
            RunEnd::Done => break,
            RunEnd::Died(reason) => reason,
        };
        // The document never opened: nothing to resume.
        let Some(total) = acc.total else {
            return Err(died);
        };
        let number = acc.pages.len() as u32 + 1;
        if number > total {
            break;
        }
        acc.pages.push(failed(number, died.to_string()));
        restarts += 1;
        if restarts > limits.max_restarts {
            let reason = format!("not extracted: the worker failed {restarts} times");
            for n in number + 1..=total {
                acc.pages.push(failed(n, reason.clone()));
            }
            break;
        }
    }
    acc.finish()
}

fn failed(number: u32, reason: String) -> PageText {
    PageText {
        number,
        status: PageStatus::Failed(reason),
        text: String::new(),
    }
}

/// What the worker runs have reported so far.
#[derive(Default)]
struct Accumulator {
    total: Option<u32>,
    declared: Option<u32>,
    was_encrypted: bool,
    warnings: Vec<String>,
    pages: Vec<PageText>,
    ocr: Vec<OcrState>,
}

impl Accumulator {
    fn finish(mut self) -> Result<Extraction, ExtractError> {
        let total = self.total.unwrap_or(0);
        if self.pages.len() as u32 != total {
            return Err(ExtractError::PageCountMismatch {
                expected: total,
                got: self.pages.len() as u32,
            });
        }
        if let Some(declared) = self.declared.filter(|d| *d != total) {
            self.warnings.push(format!(
                "the PDF declares {declared} pages but its page tree has {total}"
            ));
        }
        let ocr = merge_ocr(&self.ocr);
        Ok(Extraction {
            pages: self.pages,
            declared_pages: self.declared,
            ocr,
            was_encrypted: self.was_encrypted,
            warnings: self.warnings,
        })
    }
}

/// Across worker runs: used > unavailable > disabled > not needed.
fn merge_ocr(states: &[OcrState]) -> OcrState {
    let rank = |s: &OcrState| match s {
        OcrState::Used => 3,
        OcrState::Unavailable(_) => 2,
        OcrState::Disabled => 1,
        OcrState::NotNeeded => 0,
    };
    states
        .iter()
        .max_by_key(|s| rank(s))
        .cloned()
        .unwrap_or(OcrState::NotNeeded)
}

enum RunEnd {
    Done,
    Died(ExtractError),
}

/// One worker process, from `first_page` to the end or to its death.
fn run_worker(
    worker: &Path,
    path: &Path,
    limits: &Limits,
    first_page: u32,
    cancel: &AtomicBool,
    acc: &mut Accumulator,
) -> Result<RunEnd, ExtractError> {
    let opts = WorkerOptions {
        memory_bytes: Some(limits.memory_bytes),
        first_page,
        ocr: limits.ocr,
        ocr_dpi: limits.ocr_dpi,
    };
    let mut child = Command::new(worker)
        .arg(WORKER_SUBCOMMAND)
        .args(opts.to_args(path))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Own process group, so a kill also reaches pdftoppm and tesseract.
        .process_group(0)
        .spawn()
        .map_err(|e| ExtractError::Worker(format!("cannot start {}: {e}", worker.display())))?;
    let lines = spawn_line_reader(&mut child);
    let stderr = spawn_stderr_reader(&mut child);

    let start = Instant::now();
    let mut deadline = start + limits.base_time;
    let mut fatal = None;
    let mut done = false;
    loop {
        let now = Instant::now();
        if cancel.load(Ordering::Relaxed) {
            kill(&mut child);
            return Err(ExtractError::Cancelled);
        }
        if now >= deadline {
            kill(&mut child);
            let seconds = (now - start).as_secs();
            return Ok(RunEnd::Died(ExtractError::TimedOut { seconds }));
        }
        let line = match lines.recv_timeout(POLL.min(deadline - now)) {
            Ok(line) => line,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Anything that is not a protocol line (a library printing) is ignored.
        let Ok(msg) = serde_json::from_str::<Message>(&line) else {
            continue;
        };
        match msg {
            Message::Document {
                pages,
                declared_pages,
                was_encrypted,
                warnings,
            } => {
                if acc.total.is_none() {
                    acc.total = Some(pages);
                    acc.declared = declared_pages;
                    acc.was_encrypted = was_encrypted;
                    acc.warnings = warnings;
                }
                let remaining = pages.saturating_sub(first_page - 1);
                deadline = start + limits.base_time + limits.per_page_time * remaining;
            }
            Message::OcrStart { .. } => deadline += limits.per_ocr_page_time,
            Message::Page {
                number,
                status,
                text,
            } => {
                if number != acc.pages.len() as u32 + 1 {
                    kill(&mut child);
                    return Err(ExtractError::PageCountMismatch {
                        expected: acc.pages.len() as u32 + 1,
                        got: number,
                    });
                }
                acc.pages.push(PageText {
                    number,
                    status,
                    text,
                });
            }
            Message::Ocr { state } => acc.ocr.push(state),
            Message::Fatal { error } => fatal = Some(error),
            Message::Done => done = true,
        }
    }
    let status = child.wait().ok();
    let stderr = stderr.join().unwrap_or_default();
    if let Some(error) = fatal {
        return Err(error);
    }
    if done {
        return Ok(RunEnd::Done);
    }
    Ok(RunEnd::Died(classify_death(status, &stderr, limits)))
}

fn spawn_line_reader(child: &mut Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    rx
}

fn spawn_stderr_reader(child: &mut Child) -> thread::JoinHandle<String> {
    let stderr = child.stderr.take();
    thread::spawn(move || {
        let mut tail: Vec<u8> = Vec::new();
        if let Some(mut stderr) = stderr {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > STDERR_TAIL {
                    tail.drain(..tail.len() - STDERR_TAIL);
                }
            }
        }
        String::from_utf8_lossy(&tail).into_owned()
    })
}

/// Kill the worker's whole process group and reap it.
fn kill(child: &mut Child) {
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: signalling the process group we created for this child.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn classify_death(status: Option<ExitStatus>, stderr: &str, limits: &Limits) -> ExtractError {
    use std::os::unix::process::ExitStatusExt;
    if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        return ExtractError::MemoryLimit {
            megabytes: limits.memory_bytes / (1 << 20),
        };
    }
    if stderr.contains("overflowed its stack") {
        return ExtractError::Worker("stack overflow (the page is nested too deeply)".into());
    }
    let how = match status {
        Some(s) if s.signal().is_some() => format!("killed by signal {}", s.signal().unwrap_or(0)),
        Some(s) => format!("exited with {s}"),
        None => "vanished".into(),
    };
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if last.is_empty() {
        ExtractError::Worker(format!("the worker {how}"))
    } else {
        ExtractError::Worker(format!("the worker {how}: {last}"))
    }
}
