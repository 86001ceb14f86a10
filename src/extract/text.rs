//! Normalisation of extracted text before it is stored and indexed.

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

/// Number of characters that are not whitespace.
pub fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
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

    #[test]
    fn counts_visible_characters() {
        assert_eq!(visible_chars(" a b\n c "), 3);
    }
}
