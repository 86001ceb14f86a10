//! Counting what the test runners report, for one closing line over all of them.

/// Passed and failed tests, summed over every runner's summary lines.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl Tally {
    /// Read one output line; counts cargo's and Vitest's summary lines.
    pub fn observe(&mut self, line: &str) {
        let line = strip_ansi(line);
        let line = line.trim();
        // cargo test: "test result: ok. 7 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; …"
        if let Some(rest) = line.strip_prefix("test result:") {
            self.passed += number_before(rest, " passed");
            self.failed += number_before(rest, " failed");
            self.ignored += number_before(rest, " ignored");
        }
        // Vitest: "Tests  12 passed (12)" or "Tests  1 failed | 11 passed (12)"
        if let Some(rest) = line.strip_prefix("Tests ") {
            self.passed += number_before(rest, " passed");
            self.failed += number_before(rest, " failed");
            self.ignored += number_before(rest, " skipped");
        }
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
        assert_eq!((t.passed, t.failed, t.ignored), (34, 4, 1));
    }
}
