//! Volume–reporter–page citations ("829 F.3d 197", "138 S. Ct. 1186"), with the
//! reporter spellings of reporters-db (assets/detect/reporters.tsv).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use serde::{Serialize, Serializer};

const TABLE: &str = include_str!("../../assets/detect/reporters.tsv");

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

struct Reporters {
    /// Spelling with all whitespace removed → canonical spelling.
    canonical: HashMap<String, &'static str>,
    regex: Regex,
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A spelling as a pattern: a space may become spaces or one line break, and a space
/// or one line break may follow any period ("F. Supp. 3d" also matches "F.Supp.3d" and "F. Supp.3d").
fn spelling_pattern(spelling: &str) -> String {
    let mut out = String::new();
    for (i, token) in spelling.split_whitespace().enumerate() {
        if i > 0 {
            out.push_str(r"(?:[ \t]*\n)?[ \t]*");
        }
        let mut parts = token.split('.').peekable();
        while let Some(part) = parts.next() {
            out.push_str(&regex::escape(part));
            if parts.peek().is_some() {
                out.push_str(r"\.(?:[ \t]*\n[ \t]*|[ \t])?");
            }
        }
    }
    out
}

static REPORTERS: LazyLock<Reporters> = LazyLock::new(|| {
    let mut canonical = HashMap::new();
    let mut patterns: Vec<(usize, String)> = Vec::new();
    let mut seen = HashSet::new();
    for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
        let Some((spelling, canon)) = line.split_once('\t') else {
            continue;
        };
        canonical.entry(squash(spelling)).or_insert(canon);
        let p = spelling_pattern(spelling);
        if seen.insert(p.clone()) {
            patterns.push((squash(spelling).len(), p));
        }
    }
    // Longest first, so "F. Supp. 3d" wins over "F.".
    patterns.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let alternation = patterns
        .into_iter()
        .map(|(_, p)| p)
        .collect::<Vec<_>>()
        .join("|");
    // Volume, at most one line break (and a pleading-paper line number), reporter,
    // then the page. Two line breaks mean a line number above a heading, not a
    // volume. The first page branch swallows a pleading-paper
    // line number that pdftotext puts between the reporter and the page.
    let pattern = format!(
        r"(?:^|[^\w.§$/-])(\d{{1,4}})(?:[ \t]*\n[ \t]*(?:\d{{1,2}}[ \t]+)?|[ \t]+)({alternation})\.?(?:[ \t]*\n\s*\d{{1,2}}[ \t]+|,?\s+)(\d{{1,7}})\b"
    );
    let regex = RegexBuilder::new(&pattern)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("reporter regex");
    Reporters { canonical, regex }
});

/// Every volume–reporter–page citation in `text`, de-duplicated, in order of appearance.
pub fn find_citations(text: &str) -> Vec<Citation> {
    let table = &*REPORTERS;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for c in table.regex.captures_iter(text) {
        let (Some(vol), Some(rep), Some(page)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let Some(canon) = table.canonical.get(&squash(rep.as_str())) else {
            continue;
        };
        let (Ok(volume), Ok(page)) = (vol.as_str().parse::<u32>(), page.as_str().parse::<u32>())
        else {
            continue;
        };
        if volume == 0 || page == 0 {
            continue;
        }
        let cite = Citation {
            volume,
            reporter: (*canon).to_string(),
            page,
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
    fn duplicates_collapse() {
        assert_eq!(cites("829 F.3d 197; 829 F. 3d 197"), ["829 F.3d 197"]);
    }

    #[test]
    fn false_positives_avoided() {
        assert!(cites("Joint Appendix 1 App. 24").is_empty());
        assert!(cites("28 U.S.C. § 1408").is_empty());
        assert!(cites("584 U.S. ___ (2018)").is_empty());
    }

    #[test]
    fn line_number_between_reporter_and_page() {
        assert_eq!(
            cites("Smith v. Jones, 829 F.3d\n12    197 (9th Cir. 2016)"),
            ["829 F.3d 197"]
        );
    }
}
