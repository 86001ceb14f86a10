//! Reporters and the volume–reporter–page shape ("829 F.3d 197", "138 S. Ct.
//! 1186", "556 U.S. at 678"), with the reporter spellings of reporters-db
//! (assets/detect/reporters.tsv, variants such as "U. S." and "Fed. Appx." included).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

const TABLE: &str = include_str!("../../../../assets/detect/reporters.tsv");

/// Canonical spelling by spelling with all whitespace removed ("F.3d", "S.Ct.", "F.Supp.3d").
static REPORTERS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut canonical = HashMap::new();
    for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
        if let Some((spelling, canon)) = line.split_once('\t') {
            canonical.entry(squash(spelling)).or_insert(canon);
        }
    }
    canonical
});

pub(super) fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The canonical reporter for a spelling as printed (spacing and a trailing comma
/// or period forgiven), if it is one.
pub(super) fn canonical(printed: &str) -> Option<&'static str> {
    let squashed = squash(printed);
    let squashed = squashed.strip_suffix(',').unwrap_or(&squashed);
    let table = &*REPORTERS;
    table
        .get(squashed)
        .or_else(|| squashed.strip_suffix('.').and_then(|r| table.get(r)))
        .copied()
}

/// Something shaped like volume–reporter–page; the reporter part is then looked up
/// in the table (a few small tokens, so the regex stays small and quick to build).
///
/// - the volume, then spaces or a line break (double-spaced text: a blank line too),
///   perhaps with a pleading-paper line number after it;
/// - one to six reporter tokens ("F.", "Supp.", "3d", "App'x", "(CCH)"), separated by
///   spaces or a line break; the shortest run that is followed by a page wins;
/// - `at` for a short form ("556 U.S. at 678");
/// - the page (or the pin of a short form), possibly after a pleading-paper line
///   number on the next line.
static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(\d{1,4})
        (?:[\x20\t]*(?:\n[\x20\t]*){1,2}(?:\d{1,2}[\x20\t]+)?|[\x20\t]+)
        (
            (?:[A-Z][A-Za-z.'&]*|\d[a-z]{1,2}\.?|\([A-Za-z-]{1,6}\))
            (?:
                (?:[\x20\t]*(?:\n[\x20\t]*){1,2}|[\x20\t]*)
                (?:[A-Z][A-Za-z.'&]*|\d[a-z]{1,2}\.?|\([A-Za-z-]{1,6}\))
            ){0,5}?
        )
        (?:,?[\x20\t]*(?:\n[\x20\t]*){1,2}(?:\d{1,2}[\x20\t]+)?|,?[\x20\t]+)
        (?:(at)(?:[\x20\t]*(?:\n[\x20\t]*){1,2}(?:\d{1,2}[\x20\t]+)?|[\x20\t]+))?
        (\d{1,7})\b",
    )
    .expect("citation shape regex")
});

/// "T.C. Memo. 2020-26": the Tax Court's memorandum opinions, cited by year and number.
static TC_MEMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bT\.\s?C\.\s?Memo\.?\s+((?:19|20)\d\d)-(\d{1,4})\b").expect("T.C. Memo regex")
});

/// One volume–reporter–page match, offsets into the cleaned page text.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    pub start: usize,
    pub end: usize,
    pub volume: u32,
    pub reporter: &'static str,
    /// The page of a full citation, or the pin of a short form.
    pub page: u32,
    /// `556 U.S. at 678`.
    pub short: bool,
}

/// Characters that, just before the volume, mean it is not a volume ("§ 1983", "$5").
fn bad_lead(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '\u{a7}' | '$' | '/' | '-' | '_' | ':')
}

/// Every volume–reporter–page shape in `text` (cleaned), in order.
pub(super) fn shapes(text: &str) -> Vec<Shape> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = SHAPE.captures_at(text, at) {
        let (Some(vol), Some(rep), Some(page)) = (c.get(1), c.get(2), c.get(4)) else {
            break;
        };
        // On a miss, look again from the page: it may be the next citation's volume.
        at = page.start();
        if text[..vol.start()]
            .chars()
            .next_back()
            .is_some_and(bad_lead)
        {
            continue;
        }
        let Some(reporter) = canonical(rep.as_str()) else {
            continue;
        };
        let (Ok(volume), Ok(page_no)) = (vol.as_str().parse::<u32>(), page.as_str().parse::<u32>())
        else {
            continue;
        };
        at = page.end();
        if volume == 0 || page_no == 0 {
            continue;
        }
        out.push(Shape {
            start: vol.start(),
            end: page.end(),
            volume,
            reporter,
            page: page_no,
            short: c.get(3).is_some(),
        });
    }
    for c in TC_MEMO.captures_iter(text) {
        let (Some(all), Some(year), Some(no)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let (Ok(volume), Ok(page)) = (year.as_str().parse(), no.as_str().parse()) else {
            continue;
        };
        if page == 0 {
            continue;
        }
        out.push(Shape {
            start: all.start(),
            end: all.end(),
            volume,
            reporter: "T.C. Memo.",
            page,
            short: false,
        });
    }
    out.sort_by_key(|s| s.start);
    out
}
