//! The parent side of one worker run: start a worker for a page range, enforce the
//! time limit, hand what it reads to a [`Pages`] (the job's range implements it);
//! restarts after a crash are the job's (`job.rs`, which sits above this module).

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
use super::{ExtractError, Limits, OcrState, PageText, WORKER_SUBCOMMAND};

/// How often the parent checks for cancellation while waiting for the worker.
const POLL: Duration = Duration::from_millis(100);
/// Bytes of the worker's stderr kept for diagnosing a crash.
const STDERR_TAIL: usize = 8 * 1024;

/// How one worker run ended.
pub(super) enum RunEnd {
    /// The range's pages were all delivered (or the worker reached the end).
    Done,
    /// The worker died (crash, memory limit, timeout) before its last page.
    Died(ExtractError),
}

/// Where a worker run's findings go: one page range of a document.
pub(super) trait Pages {
    /// The worker opened the document: its page count and what it noticed.
    /// Returns the last page this range covers; an error fails the document.
    fn opened(
        &self,
        elapsed: Duration,
        pages: u32,
        declared_pages: Option<u32>,
        was_encrypted: bool,
        warnings: Vec<String>,
    ) -> Result<u32, ExtractError>;
    /// One page read; true when the range is now complete.
    fn page(&self, page: PageText) -> Result<bool, ExtractError>;
    /// Whether OCR ran, and if not, why.
    fn ocr(&self, state: OcrState);
    /// True when the worker should stop early (the document failed, or another
    /// thread took over the rest of the range).
    fn should_stop(&self) -> bool;
}

/// One worker process for a page range, from `first_page` to `last_page` (or the
/// end) or to its death. Pages go straight to `sink`.
pub(super) fn run_worker(
    worker: &Path,
    path: &Path,
    limits: &Limits,
    (first_page, last_page): (u32, Option<u32>),
    cancel: &AtomicBool,
    sink: &dyn Pages,
) -> Result<RunEnd, ExtractError> {
    let opts = WorkerOptions {
        memory_bytes: Some(limits.memory_bytes),
        first_page,
        last_page,
        ocr: limits.ocr && limits.text,
        text: limits.text,
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
            Err(RecvTimeoutError::Timeout) => {
                // Another range failed the document, or stole what was left of this one.
                if sink.should_stop() {
                    kill(&mut child);
                    return Ok(RunEnd::Done);
                }
                continue;
            }
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
                let last = match sink.opened(
                    start.elapsed(),
                    pages,
                    declared_pages,
                    was_encrypted,
                    warnings,
                ) {
                    Ok(last) => last,
                    Err(e) => {
                        kill(&mut child);
                        return Err(e);
                    }
                };
                let remaining = last.saturating_add(1).saturating_sub(first_page);
                deadline = start + limits.base_time + limits.per_page_time * remaining;
            }
            Message::OcrStart { .. } => deadline += limits.per_ocr_page_time,
            Message::Page {
                number,
                status,
                text,
                bad_redactions,
            } => match sink.page(PageText {
                number,
                status,
                text,
                bad_redactions,
            }) {
                Ok(false) => {}
                Ok(true) => {
                    // The range is complete; the worker may still be on pages that now
                    // belong to another range.
                    kill(&mut child);
                    return Ok(RunEnd::Done);
                }
                Err(e) => {
                    kill(&mut child);
                    return Err(e);
                }
            },
            Message::Ocr { state } => sink.ocr(state),
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
