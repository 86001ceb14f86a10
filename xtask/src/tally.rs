//! Counting what the test runners report, for one closing line over all of them:
//! `casetrail: N passed, N failed, N skipped`.
//!
//! Skipped means not run: cargo's ignored tests, Vitest's skipped ones, and the
//! Rust tests that found no `../shared`, no tool or no display and said so with
//! `casetrail_fixtures::skip!` (one `casetrail-skip:` line each). The harness
//! counts those as passed; here they move from passed to skipped.

/// The marker `casetrail_fixtures::skip!` prints (kept in step by a test there).
pub const SKIP_MARKER: &str = "casetrail-skip:";

/// Passed, failed and skipped tests, summed over every runner's output.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
    pub skipped: u64,
    /// Rust tests that reported themselves skipped (already inside `passed`).
    self_skipped: u64,
    /// Their lines, for the summary at the end.
    pub skip_reasons: Vec<String>,
}

impl Tally {
    /// Read one output line; counts cargo's and Vitest's summary lines and skip markers.
    pub fn observe(&mut self, line: &str) {
        let line = strip_ansi(line);
        let line = line.trim();
        if let Some(at) = line.find(SKIP_MARKER) {
            self.self_skipped += 1;
            self.skip_reasons
                .push(line[at + SKIP_MARKER.len()..].trim().to_string());
        }
        // cargo test: "test result: ok. 7 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; …"
        if let Some(rest) = line.strip_prefix("test result:") {
            self.passed += number_before(rest, " passed");
            self.failed += number_before(rest, " failed");
            self.skipped += number_before(rest, " ignored");
        }
        // Vitest: "Tests  12 passed (12)" or "Tests  1 failed | 11 passed | 2 skipped (14)"
        if let Some(rest) = line.strip_prefix("Tests ") {
            self.passed += number_before(rest, " passed");
            self.failed += number_before(rest, " failed");
            self.skipped += number_before(rest, " skipped");
        }
    }

    /// The closing line over every runner.
    pub fn closing_line(&self) -> String {
        let skipped_passes = self.self_skipped.min(self.passed);
        format!(
            "casetrail: {} passed, {} failed, {} skipped",
            self.passed - skipped_passes,
            self.failed,
            self.skipped + skipped_passes
        )
    }
}

fn number_before(text: &str, word: &str) -> u64 {
    let Some(end) = text.find(word) else { return 0 };
    let digits: String = text[..end]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().unwrap_or(0)
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for n in chars.by_ref() {
                if n.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_and_vitest_summaries() {
        let mut t = Tally::default();
        t.observe("test result: ok. 7 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.45s");
        t.observe("test result: FAILED. 4 passed; 3 failed; 0 ignored; 0 measured");
        t.observe("      Tests  \u{1b}[1m\u{1b}[32m12 passed\u{1b}[39m\u{1b}[22m (12)");
        t.observe("      Tests  1 failed | 11 passed (12)");
        assert_eq!((t.passed, t.failed, t.skipped), (34, 4, 1));
        assert_eq!(
            t.closing_line(),
            "casetrail: 34 passed, 4 failed, 1 skipped"
        );
    }

    #[test]
    fn a_test_that_skipped_itself_is_not_counted_as_passed() {
        let mut t = Tally::default();
        t.observe("casetrail-skip: detect::corpus::accuracy: ../shared/corpus is absent");
        t.observe("test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out");
        t.observe("      Tests  10 passed | 2 skipped (12)");
        assert_eq!(
            t.closing_line(),
            "casetrail: 12 passed, 0 failed, 3 skipped"
        );
        assert_eq!(
            t.skip_reasons,
            ["detect::corpus::accuracy: ../shared/corpus is absent"]
        );
    }

    #[test]
    fn the_marker_is_the_one_the_fixtures_print() {
        let fixtures = crate::run::project_root().join("crates/fixtures/src/shared.rs");
        let text = std::fs::read_to_string(fixtures).unwrap();
        assert!(
            text.contains(&format!("pub const SKIP_MARKER: &str = {SKIP_MARKER:?};")),
            "crates/fixtures/src/shared.rs prints another skip marker"
        );
    }
}
