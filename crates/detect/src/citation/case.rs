//! What surrounds a volume–reporter–page: pin cites after it ("662, 678-79"), the
//! parenthetical with court and year ("(2d Cir. 2016)"), the case name before it
//! ("Ashcroft v. Iqbal, 556 U.S. 662"), and whether the next citation is parallel
//! ("556 U.S. 662, 129 S. Ct. 1937").

use std::sync::LazyLock;

use regex::Regex;

use crate::text::before;

/// A pin after the page: ", 678", ", 678-79", " n.4", "678 & n.2".
static PIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\A,?[\x20\t]*(?:\n[\x20\t]*)?(\d{1,5}(?:-\d{1,5})?(?:[\x20]?(?:&[\x20]?)?nn?\.[\x20]?\d{1,3})?)",
    )
    .expect("pin regex")
});

/// A parenthetical's trailing year and the date before it ("Mar. 3, 2020").
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[\x20]+\d{1,2},?[\x20]*)?((?:1[6-9]|20)\d\d)\z")
        .expect("year regex")
});

/// Pins after `from` (the page of a full citation or the pin of a short form),
/// stopping before `next` (where the next citation begins: its volume is not a pin).
/// Returns the pins as printed and where they end.
pub(super) fn pins(text: &str, from: usize, next: Option<usize>) -> (Option<String>, usize) {
    let mut end = from;
    let mut found: Vec<&str> = Vec::new();
    while let Some(c) = PIN.captures(&text[end..]) {
        let (Some(all), Some(pin)) = (c.get(0), c.get(1)) else {
            break;
        };
        let at = end + pin.start();
        // A pin follows its comma; the next citation's volume is not a pin.
        if !all.as_str().starts_with(',') || next.is_some_and(|n| at >= n) {
            break;
        }
        found.push(pin.as_str());
        end += all.end();
    }
    let pins = (!found.is_empty()).then(|| found.join(", "));
    (pins, end)
}

/// The parenthetical right after `from` ("(2d Cir. 2016)", "(2009)"): court as
/// printed (if any), year, and where it ends.
pub(super) fn parenthetical(text: &str, from: usize) -> Option<(Option<String>, u16, usize)> {
    let rest = &text[from..];
    let skipped = rest.len() - rest.trim_start().len();
    let rest = &rest[skipped..];
    if skipped > 12 || !rest.starts_with('(') {
        return None;
    }
    let close = rest[1..].find([')', '('])? + 1;
    if close > 80 || rest.as_bytes()[close] != b')' {
        return None;
    }
    let inner = rest[1..close].trim();
    let c = YEAR.captures(inner)?;
    let year: u16 = c.get(1)?.as_str().parse().ok()?;
    let court = inner[..c.get(0)?.start()]
        .trim()
        .trim_end_matches(',')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let court = (!court.is_empty()).then_some(court);
    Some((court, year, from + skipped + close + 1))
}

/// Whether the text between two citations (`from..to`) only separates parallel
/// citations: a comma and spaces, perhaps a line break and a pleading line number.
pub(super) fn parallel_gap(text: &str, from: usize, to: usize) -> bool {
    if to < from || to - from > 8 {
        return false;
    }
    let gap = &text[from..to];
    gap.trim_start().starts_with(',')
        && gap
            .chars()
            .all(|c| c == ',' || c.is_whitespace() || c.is_ascii_digit())
}

/// Words that introduce a citation rather than name a party.
const SIGNALS: &[&str] = &[
    "See", "see", "Cf.", "cf.", "also", "But", "but", "Accord", "accord", "e.g.,", "E.g.,",
    "Compare", "compare", "with", "and", "citing", "quoting", "(citing", "(quoting", "In", "in",
    "under", "Under", "by", "In", "Contra", "contra",
];

/// Small words inside a party's name.
const JOINERS: &[&str] = &[
    "of", "the", "and", "&", "for", "ex", "rel.", "de", "du", "la", "on", "to", "v.",
];

/// The case name printed just before a citation starting at `start`
/// ("Ashcroft v. Iqbal, " → "Ashcroft v. Iqbal"; "In re Marriage of Doe, ").
pub(super) fn name_before(text: &str, start: usize) -> Option<String> {
    let window = before(text, start, 160);
    let window = window.trim_end().strip_suffix(',')?;
    let words: Vec<&str> = window.split_whitespace().collect();
    let v = words.iter().rposition(|w| *w == "v." || *w == "v")?;
    if v == 0 || v + 1 == words.len() || words.len() - v > 12 {
        return None;
    }
    let second = &words[v + 1..];
    if second
        .iter()
        .any(|w| w.contains([';', '(', ')']) || w.ends_with(':'))
    {
        return None;
    }
    let mut first = v;
    while first > 0 && v - first < 8 {
        let w = words[first - 1];
        let capital = w.starts_with(|c: char| c.is_uppercase());
        if SIGNALS.contains(&w)
            || w.ends_with([';', ':', ')'])
            || !(capital || JOINERS.contains(&w) || w.starts_with(|c: char| c.is_ascii_digit()))
        {
            break;
        }
        first -= 1;
    }
    while first < v && JOINERS.contains(&words[first]) {
        first += 1;
    }
    if first == v {
        return None;
    }
    let name = words[first..].join(" ");
    Some(
        name.trim_matches(|c: char| c == '"' || c == '_' || c == '*')
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_stop_at_the_next_citation() {
        let t = "556 U.S. 662, 678-79, 129 S. Ct. 1937";
        assert_eq!(pins(t, 12, Some(22)), (Some("678-79".into()), 20));
        assert_eq!(pins("829 F.3d 197 (2016)", 12, None), (None, 12));
        assert_eq!(
            pins("12 F.3d 45, 47 n.3 (1999)", 10, None).0.as_deref(),
            Some("47 n.3")
        );
    }

    #[test]
    fn parentheticals() {
        assert_eq!(
            parenthetical(" (2d Cir. 2016); next", 0),
            Some((Some("2d Cir.".into()), 2016, 15))
        );
        assert_eq!(parenthetical(" (2009)", 0), Some((None, 2009, 7)));
        assert_eq!(
            parenthetical(" (S.D.N.Y. Mar. 3, 2020)", 0).map(|p| p.0),
            Some(Some("S.D.N.Y.".into()))
        );
        assert_eq!(parenthetical(" (quoting Smith)", 0), None);
    }

    #[test]
    fn names() {
        let at = |t: &str| name_before(t, t.len());
        assert_eq!(
            at("See Ashcroft v. Iqbal, ").as_deref(),
            Some("Ashcroft v. Iqbal")
        );
        assert_eq!(
            at("as held in Bell Atl. Corp. v. Twombly, ").as_deref(),
            Some("Bell Atl. Corp. v. Twombly")
        );
        assert_eq!(
            at("see also United States v. Microsoft Corp., ").as_deref(),
            Some("United States v. Microsoft Corp.")
        );
        assert_eq!(at("the court said in 2016, "), None);
    }
}
