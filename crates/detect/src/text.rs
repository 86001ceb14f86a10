//! Text clean-up shared by the detectors.

/// Normalise dashes, quotes and odd spaces so the patterns can stay simple.
pub(crate) fn clean(page: &str) -> String {
    page.chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => ' ',
            '\u{FB01}' => 'f', // "ﬁ" loses its i here, but no pattern needs it
            c => c,
        })
        .collect()
}

/// Upper-case words only: everything that is not an ASCII letter or digit becomes
/// one space, "THE" is dropped, and so are "STATE OF" / "COMMONWEALTH OF"
/// (the same rule `tools/derive_detect_assets.py` applies to the court keys).
pub(crate) fn words(text: &str) -> String {
    let upper = text.to_ascii_uppercase();
    let raw: Vec<&str> = upper
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::with_capacity(upper.len());
    let mut i = 0;
    while i < raw.len() {
        let w = raw[i];
        let next = raw.get(i + 1).copied().unwrap_or("");
        if w == "THE" {
            i += 1;
            continue;
        }
        if (w == "STATE" || w == "COMMONWEALTH") && next == "OF" {
            i += 2;
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        i += 1;
    }
    out
}

/// At most the last `n` bytes of `s` before `end`, cut on char boundaries
/// (`end` past the text or inside a character is moved back).
pub(crate) fn before(s: &str, end: usize, n: usize) -> &str {
    let mut end = end.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = end.saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_the_and_state_of() {
        assert_eq!(
            words("IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON"),
            "IN COURT OF APPEALS OF WASHINGTON"
        );
        assert_eq!(words("Workers' Compensation"), "WORKERS COMPENSATION");
    }

    #[test]
    fn before_respects_char_boundaries() {
        let s = "ééé";
        assert_eq!(before(s, 3, 2), "é");
        assert_eq!(before(s, 4, 1), "");
        assert_eq!(before(s, 4, 2), "é");
        assert_eq!(before(s, 99, 99), s);
    }

    #[test]
    fn clean_normalises_dashes() {
        assert_eq!(clean("No. 11\u{2013}889"), "No. 11-889");
    }
}
