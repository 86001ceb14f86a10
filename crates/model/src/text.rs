//! The one normalisation of text that every layer agrees on: extracted page
//! text before it is stored and indexed, and search input before it is matched.

use unicode_normalization::UnicodeNormalization;

/// NFKC-normalise `raw` (ligatures such as "ﬁ" become "fi", full-width forms become
/// ASCII), drop control characters other than newline and tab, and trim trailing
/// whitespace on each line. Line breaks are kept; hyphenated words are left alone.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.nfkc().collect::<String>().split('\n') {
        let cleaned: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .collect();
        out.push_str(cleaned.trim_end());
        out.push('\n');
    }
    out.trim_end().trim_start_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligature_becomes_letters() {
        assert_eq!(normalize("ﬁled ﬂoor"), "filed floor");
    }

    #[test]
    fn keeps_lines_and_hyphens_drops_controls() {
        assert_eq!(
            normalize("\n\njuris-\ndiction \u{0}\r\n\n"),
            "juris-\ndiction"
        );
    }
}
