//! RFC 5545 content lines: TEXT escaping (§3.3.11) and folding at 75 octets
//! with CRLF (§3.1).

/// The longest line, in octets, not counting the CRLF.
const MAX_OCTETS: usize = 75;

/// A TEXT value escaped: backslash, semicolon, comma and newlines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT (§3.3.11).
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: no physical line longer than 75 octets, each
/// continuation starting with a space, never splitting a UTF-8 character;
/// every physical line ends with CRLF.
pub fn fold_into(out: &mut String, line: &str) {
    let mut budget = MAX_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            // The leading space counts against the continuation's 75 octets.
            budget = MAX_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// A calendar being written, one content line at a time.
#[derive(Default)]
pub struct Lines {
    pub text: String,
}

impl Lines {
    /// `NAME:value` with `value` written as it is (dates, numbers, keywords).
    pub fn raw(&mut self, name: &str, value: &str) {
        fold_into(&mut self.text, &format!("{name}:{value}"));
    }

    /// `NAME:value` with `value` escaped as TEXT.
    pub fn text(&mut self, name: &str, value: &str) {
        fold_into(&mut self.text, &format!("{name}:{}", escape(value)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_four_specials() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(100));
        fold_into(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn a_short_line_is_left_alone() {
        let mut out = String::new();
        fold_into(&mut out, "VERSION:2.0");
        assert_eq!(out, "VERSION:2.0\r\n");
    }
}
