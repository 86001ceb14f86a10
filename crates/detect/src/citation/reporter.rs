//! Volume–reporter–page citations ("829 F.3d 197", "138 S. Ct. 1186"), with the
//! reporter spellings of reporters-db (assets/detect/reporters.tsv).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Serialize, Serializer};

const TABLE: &str = include_str!("../../../assets/detect/reporters.tsv");

/// One case citation, reporter in its canonical reporters-db spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Citation {
    /// Volume number.
    pub volume: u32,
    /// Canonical reporter abbreviation ("F.3d", "S. Ct.", "F. Supp. 3d").
    pub reporter: String,
    /// First page.
    pub page: u32,
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.volume, self.reporter, self.page)
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

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

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Something shaped like volume–reporter–page; the reporter part is then looked up
/// in the table (a few small tokens, so the regex stays small and quick to build).
///
/// - the volume, then spaces or one line break (with a pleading-paper line number
///   after it): two line breaks mean a line number above a heading, not a volume;
/// - one to six reporter tokens ("F.", "Supp.", "3d", "App'x", "(CCH)"), separated by
///   spaces or one line break; the shortest run that is followed by a page wins;
/// - the page, possibly after a pleading-paper line number on the next line.
static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(\d{1,4})
        (?:[\x20\t]*\n[\x20\t]*(?:\d{1,2}[\x20\t]+)?|[\x20\t]+)
        (
            (?:[A-Z][A-Za-z.'&]*|\d[a-z]{1,2}\.?|\([A-Za-z-]{1,6}\))
            (?:
                (?:[\x20\t]*\n[\x20\t]*|[\x20\t]*)
                (?:[A-Z][A-Za-z.'&]*|\d[a-z]{1,2}\.?|\([A-Za-z-]{1,6}\))
            ){0,5}?
        )
        (?:,?[\x20\t]*\n[\x20\t]*\d{1,2}[\x20\t]+|,?[\x20\t]*\n[\x20\t]*|,?[\x20\t]+)
        (\d{1,7})\b",
    )
    .expect("citation shape regex")
});

/// Characters that, just before the volume, mean it is not a volume ("§ 1983", "$5").
fn bad_lead(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '\u{a7}' | '$' | '/' | '-' | '_' | ':')
}

/// Every volume–reporter–page citation in `text`, de-duplicated, in order of appearance.
pub fn find_citations(text: &str) -> Vec<Citation> {
    let text = &super::text::clean(text);
    let table = &*REPORTERS;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = SHAPE.captures_at(text, at) {
        let (Some(vol), Some(rep), Some(page)) = (c.get(1), c.get(2), c.get(3)) else {
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
        let reporter = squash(rep.as_str());
        let reporter = reporter.strip_suffix(',').unwrap_or(&reporter);
        let Some(canon) = table
            .get(reporter)
            .or_else(|| reporter.strip_suffix('.').and_then(|r| table.get(r)))
        else {
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
        let cite = Citation {
            volume,
            reporter: (*canon).to_string(),
            page: page_no,
        };
        if seen.insert(cite.clone()) {
            out.push(cite);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cites(text: &str) -> Vec<String> {
        find_citations(text).iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn common_reporters_and_spacing() {
        assert_eq!(
            cites("See Doe v. Roe, 829 F. 3d 197, 200 (2d Cir. 2016); 138 S.Ct. 1186 (2018); 15 F.Supp.3d 466."),
            ["829 F.3d 197", "138 S. Ct. 1186", "15 F. Supp. 3d 466"]
        );
        assert_eq!(cites("200 U. S. 321, 337"), ["200 U.S. 321"]);
        assert_eq!(cites("84 F. App\u{27}x 253"), ["84 F. App'x 253"]);
        assert_eq!(cites("2023 WL 128600"), ["2023 WL 128600"]);
    }

    #[test]
    fn a_failed_candidate_does_not_hide_the_next_citation() {
        assert_eq!(cites("Report 2020 Annual 12 F.3d 45"), ["12 F.3d 45"]);
        assert_eq!(cites("84 F. App\u{2019}x 253"), ["84 F. App'x 253"]);
        assert_eq!(
            cites("104 S.\nCt. 349; 178\nP.3d 981"),
            ["104 S. Ct. 349", "178 P.3d 981"]
        );
    }

    #[test]
    fn duplicates_collapse() {
        assert_eq!(cites("829 F.3d 197; 829 F. 3d 197"), ["829 F.3d 197"]);
    }

    #[test]
    fn false_positives_avoided() {
        assert!(cites("Joint Appendix 1 App. 24").is_empty());
        assert!(cites("28 U.S.C. § 1408").is_empty());
        assert!(cites("584 U.S. ___ (2018)").is_empty());
        assert!(cites("DeRienzo, 357 F.3 at 353").is_empty());
        assert!(cites("In 2019 Smith Jones 45 people").is_empty());
    }

    #[test]
    fn line_number_between_reporter_and_page() {
        assert_eq!(
            cites("Smith v. Jones, 829 F.3d\n12    197 (9th Cir. 2016)"),
            ["829 F.3d 197"]
        );
    }
}
