//! One document's extraction as a set of page ranges, each run by its own worker
//! process, so that two cores can share one long document.
//!
//! A [`Job`] starts as one range (the whole document). Once the first worker has
//! reported the page count, an idle thread can [`Job::steal`] the second half of the
//! pages a running range has not delivered yet: the running range is shortened (its
//! worker is killed when it reaches its new last page) and the stolen half becomes a
//! new range run by another worker. Every range keeps the guarantees of a single run:
//! a time limit that scales with its pages, the memory limit, and a restart after the
//! page a worker died on (the restart budget, [`Limits::max_restarts`], is shared by
//! the whole document). [`Job::finish`] joins the ranges in page order and checks
//! that every page from 1 to the page count is there exactly once.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::supervisor::{run_worker, Pages, RunEnd};
use super::{precheck, ExtractError, Extraction, Limits, OcrState, PageStatus, PageText};

/// One page range of a [`Job`], as handed out by [`Job::claim`] and [`Job::steal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RangeId(usize);

/// A document being extracted, possibly by several workers at once.
#[derive(Debug)]
pub struct Job {
    path: PathBuf,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    total: Option<u32>,
    declared: Option<u32>,
    was_encrypted: bool,
    warnings: Vec<String>,
    ocr: Vec<OcrState>,
    ranges: Vec<Range>,
    restarts: u32,
    error: Option<ExtractError>,
    reported: bool,
    /// How long the first worker took to open the document.
    open_cost: Option<Duration>,
}

#[derive(Debug)]
struct Range {
    first: u32,
    /// Inclusive; `u32::MAX` until the page count is known.
    last: u32,
    pages: Vec<PageText>,
    claimed: bool,
    done: bool,
    /// When this range's current worker opened the document (for its page rate).
    opened_at: Option<Instant>,
    /// Pages already delivered when it did.
    pages_at_open: usize,
}

impl Range {
    fn new(first: u32, last: u32) -> Self {
        Range {
            first,
            last,
            pages: Vec::new(),
            claimed: false,
            done: false,
            opened_at: None,
            pages_at_open: 0,
        }
    }

    /// The next page this range expects.
    fn next(&self) -> u32 {
        self.first.saturating_add(self.pages.len() as u32)
    }

    /// Pages not delivered yet.
    fn remaining(&self) -> u32 {
        self.last.saturating_add(1).saturating_sub(self.next())
    }
}

impl Job {
    /// A job with one range: the whole document.
    pub fn new(path: &Path) -> Job {
        Job::with_splits(path, &[])
    }

    /// A job whose ranges start at page 1 and at each of `starts` (pages past the
    /// end of the document make empty ranges). Every range must be claimed and run.
    pub fn with_splits(path: &Path, starts: &[u32]) -> Job {
        let mut starts: Vec<u32> = starts.iter().copied().filter(|&s| s > 1).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut ranges = Vec::new();
        let mut first = 1;
        for start in starts {
            ranges.push(Range::new(first, start - 1));
            first = start;
        }
        ranges.push(Range::new(first, u32::MAX));
        Job {
            path: path.to_path_buf(),
            state: Mutex::new(State {
                ranges,
                ..State::default()
            }),
        }
    }

    /// The PDF being extracted.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the state half-updated in a way
        // that matters more than losing the document; keep going with what is there.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The first range nobody runs yet, now claimed by the caller.
    pub fn claim(&self) -> Option<RangeId> {
        let mut state = self.lock();
        let index = state.ranges.iter().position(|r| !r.claimed)?;
        state.ranges[index].claimed = true;
        Some(RangeId(index))
    }

    /// Take over the tail of the running range expected to take longest, when
    /// splitting it finishes the document sooner: another worker must open the
    /// document again, so a range is split only when its remaining pages take longer
    /// than two openings (both measured on this document), and the split leaves the
    /// running worker the extra pages it can read while the new one opens. The caller
    /// must then [`run`](Job::run) the returned range.
    pub fn steal(&self) -> Option<RangeId> {
        let mut state = self.lock();
        let open = state.open_cost?;
        if state.error.is_some() {
            return None;
        }
        let now = Instant::now();
        let (index, remaining, per_page) = state
            .ranges
            .iter()
            .enumerate()
            .filter(|(_, r)| r.claimed && !r.done && r.last != u32::MAX)
            .filter_map(|(i, r)| {
                let read = u32::try_from(r.pages.len() - r.pages_at_open).ok()?;
                let since = now.duration_since(r.opened_at?);
                (read >= 2).then(|| (i, r.remaining(), since / read))
            })
            .max_by_key(|&(_, remaining, per_page)| per_page * remaining)?;
        if remaining < 2 || per_page * remaining <= open * 2 {
            return None;
        }
        // Both finish together when the running one keeps (R + open/t) / 2 pages.
        let head_start = (open.as_secs_f64() / per_page.as_secs_f64().max(1e-6)) as u32;
        let keep = (remaining.saturating_add(head_start) / 2).clamp(1, remaining - 1);
        let victim = &mut state.ranges[index];
        let first = victim.next() + keep;
        let last = victim.last;
        victim.last = first - 1;
        let mut stolen = Range::new(first, last);
        stolen.claimed = true;
        state.ranges.push(stolen);
        Some(RangeId(state.ranges.len() - 1))
    }

    /// True once every range is done (or the document failed and nothing runs).
    pub fn is_finished(&self) -> bool {
        Self::complete(&self.lock())
    }

    fn complete(state: &State) -> bool {
        state
            .ranges
            .iter()
            .all(|r| r.done || (!r.claimed && state.error.is_some()))
    }

    /// Run `range` in worker processes (restarting after a crash) until its last page.
    /// Returns true for exactly one call per job: the one after which every range is
    /// done, whose caller should [`finish`](Job::finish) the job.
    pub fn run(&self, range: RangeId, worker: &Path, limits: &Limits, cancel: &AtomicBool) -> bool {
        loop {
            let first = {
                let state = self.lock();
                let r = &state.ranges[range.0];
                if state.error.is_some() || r.remaining() == 0 {
                    break;
                }
                r.next()
            };
            let last = Some(self.lock().ranges[range.0].last).filter(|&l| l != u32::MAX);
            let died = match run_worker(
                worker,
                &self.path,
                limits,
                (first, last),
                cancel,
                &RangeRun { job: self, range },
            ) {
                Ok(RunEnd::Done) => break,
                Ok(RunEnd::Died(reason)) => reason,
                Err(error) => {
                    self.lock().error.get_or_insert(error);
                    break;
                }
            };
            let mut state = self.lock();
            if state.total.is_none() {
                // The document never opened: nothing to resume.
                state.error.get_or_insert(died);
                break;
            }
            if state.ranges[range.0].remaining() == 0 {
                break;
            }
            state.restarts += 1;
            let restarts = state.restarts;
            let r = &mut state.ranges[range.0];
            let number = r.next();
            r.pages.push(failed(number, died.to_string()));
            if restarts > limits.max_restarts {
                let reason = format!("not extracted: the worker failed {restarts} times");
                for n in number + 1..=r.last {
                    r.pages.push(failed(n, reason.clone()));
                }
                break;
            }
        }
        let mut state = self.lock();
        state.ranges[range.0].done = true;
        if Self::complete(&state) && !state.reported {
            state.reported = true;
            return true;
        }
        false
    }

    /// A worker of `range` opened the document after `took`: record what it found.
    /// Returns the last page of `range`, or an error when workers disagree on the count.
    #[allow(clippy::too_many_arguments)]
    fn opened(
        &self,
        range: RangeId,
        took: Duration,
        pages: u32,
        declared: Option<u32>,
        was_encrypted: bool,
        warnings: Vec<String>,
    ) -> Result<u32, ExtractError> {
        let mut state = self.lock();
        match state.total {
            Some(total) if total != pages => {
                return Err(ExtractError::PageCountMismatch {
                    expected: total,
                    got: pages,
                })
            }
            Some(_) => {}
            None => {
                state.total = Some(pages);
                state.declared = declared;
                state.was_encrypted = was_encrypted;
                state.warnings = warnings;
                state.open_cost = Some(took);
                for r in &mut state.ranges {
                    r.last = r.last.min(pages);
                }
            }
        }
        let r = &mut state.ranges[range.0];
        // The rate is measured over this worker's pages only.
        r.opened_at = Some(Instant::now());
        r.pages_at_open = r.pages.len();
        Ok(r.last)
    }

    /// A worker delivered a page of `range`. Returns true when the range is complete
    /// (its worker can be stopped), or an error when the page is out of order.
    fn page(&self, range: RangeId, page: PageText) -> Result<bool, ExtractError> {
        let mut state = self.lock();
        let r = &mut state.ranges[range.0];
        if r.remaining() == 0 {
            return Ok(true);
        }
        if page.number != r.next() {
            return Err(ExtractError::PageCountMismatch {
                expected: r.next(),
                got: page.number,
            });
        }
        r.pages.push(page);
        Ok(r.remaining() == 0)
    }

    /// A worker reported its OCR state.
    fn ocr(&self, state: OcrState) {
        self.lock().ocr.push(state);
    }

    /// True when another range failed the document or this range needs no more pages.
    fn should_stop(&self, range: RangeId) -> bool {
        let state = self.lock();
        state.error.is_some() || state.ranges[range.0].remaining() == 0
    }

    /// Join the ranges into the document's extraction. Call once, after [`run`](Job::run)
    /// returned true (or after every range was run).
    pub fn finish(&self) -> Result<Extraction, ExtractError> {
        let mut state = std::mem::take(&mut *self.lock());
        if let Some(error) = state.error.take() {
            return Err(error);
        }
        let total = state.total.unwrap_or(0);
        state.ranges.sort_by_key(|r| r.first);
        let pages: Vec<PageText> = state.ranges.into_iter().flat_map(|r| r.pages).collect();
        let in_order = pages
            .iter()
            .enumerate()
            .all(|(i, p)| p.number == i as u32 + 1);
        if pages.len() as u32 != total || !in_order {
            return Err(ExtractError::PageCountMismatch {
                expected: total,
                got: pages.len() as u32,
            });
        }
        let mut warnings = state.warnings;
        if let Some(declared) = state.declared.filter(|d| *d != total) {
            warnings.push(format!(
                "the PDF declares {declared} pages but its page tree has {total}"
            ));
        }
        Ok(Extraction {
            pages,
            declared_pages: state.declared,
            ocr: merge_ocr(&state.ocr),
            was_encrypted: state.was_encrypted,
            warnings,
        })
    }
}

fn failed(number: u32, reason: String) -> PageText {
    PageText {
        number,
        status: PageStatus::Failed(reason),
        text: String::new(),
        bad_redactions: Vec::new(),
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

/// One range of a job as a worker run sees it: where its pages go.
struct RangeRun<'j> {
    job: &'j Job,
    range: RangeId,
}

impl Pages for RangeRun<'_> {
    fn opened(
        &self,
        elapsed: Duration,
        pages: u32,
        declared_pages: Option<u32>,
        was_encrypted: bool,
        warnings: Vec<String>,
    ) -> Result<u32, ExtractError> {
        self.job.opened(
            self.range,
            elapsed,
            pages,
            declared_pages,
            was_encrypted,
            warnings,
        )
    }

    fn page(&self, page: PageText) -> Result<bool, ExtractError> {
        self.job.page(self.range, page)
    }

    fn ocr(&self, state: OcrState) {
        self.job.ocr(state)
    }

    fn should_stop(&self) -> bool {
        self.job.should_stop(self.range)
    }
}

/// Extract the text of `path` page by page in a child process: `worker` is the
/// `casetrail` executable (it is run as `worker __extract-worker …`).
///
/// Never panics and never lets the PDF crash the caller: hostile files come back as
/// an [`ExtractError`] or as [`PageStatus::Failed`](crate::PageStatus::Failed) pages.
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
    let job = Job::new(path);
    while let Some(range) = job.claim() {
        job.run(range, worker, limits, cancel);
    }
    job.finish()
}
