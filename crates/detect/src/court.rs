//! The court: caption, letterhead or addressee text matched against the bundled
//! court table (assets/detect/courts.tsv, derived from courts-db), with the ECF
//! header's style deciding between a district and a court of appeals.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::ecf::{Header, Style};
use super::text::{before, words};

const TABLE: &str = include_str!("../../../assets/detect/courts.tsv");

/// Broad family of a court, used to break ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    District,
    Bankruptcy,
    Circuit,
    Scotus,
    Federal,
    State,
}

#[derive(Debug)]
struct Row {
    id: &'static str,
    category: Category,
}

struct Table {
    /// key → rows (a district key has a district row and a bankruptcy row).
    by_key: HashMap<&'static str, Vec<Row>>,
    names: HashMap<&'static str, &'static str>,
    keys: Regex,
}

static COURTS: LazyLock<Table> = LazyLock::new(|| {
    let mut by_key: HashMap<&'static str, Vec<Row>> = HashMap::new();
    let mut names = HashMap::new();
    for line in TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut f = line.split('\t');
        let (Some(id), Some(cat), Some(name), Some(key)) = (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let category = match cat {
            "district" => Category::District,
            "bankruptcy" => Category::Bankruptcy,
            "circuit" => Category::Circuit,
            "scotus" => Category::Scotus,
            "federal" => Category::Federal,
            _ => Category::State,
        };
        names.entry(id).or_insert(name);
        by_key.entry(key).or_default().push(Row { id, category });
    }
    let mut keys: Vec<&str> = by_key.keys().copied().collect();
    keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let alternation = keys
        .iter()
        .map(|k| regex::escape(k))
        .collect::<Vec<_>>()
        .join("|");
    let keys = Regex::new(&format!(r"\b(?:{alternation})\b")).expect("court key regex");
    Table {
        by_key,
        names,
        keys,
    }
});

/// The display name of a courts-db id from the bundled table
/// ("nysd" → "United States District Court for the Southern District of New York").
pub fn court_name(id: &str) -> Option<&'static str> {
    COURTS.names.get(id).copied()
}

/// Phrases just before a court name that mean "some other court" (the court below).
static ELSEWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:APPEALS? FROM|CERTIORARI TO|ORDER OF|REMOVED FROM|TRANSFERRED FROM|REMANDED TO|DECISION OF|JUDGMENT OF|REVIEW OF|PETITION FOR REVIEW|ADMITTED TO|ADMITTED IN|MEMBER OF|BAR OF)\b")
        .expect("elsewhere regex")
});

struct Candidate {
    id: &'static str,
    category: Category,
    elsewhere: bool,
}

fn candidates(norm: &str) -> Vec<Candidate> {
    let table = &*COURTS;
    let mut out = Vec::new();
    for m in table.keys.find_iter(norm) {
        let Some(rows) = table.by_key.get(m.as_str()) else {
            continue;
        };
        let window = before(norm, m.start(), 120);
        let near = before(norm, m.start(), 70);
        let elsewhere = ELSEWHERE.is_match(near);
        let row =
            if rows[0].category == Category::District || rows[0].category == Category::Bankruptcy {
                let bankr = window.rfind("BANKRUPTCY");
                let dist = [
                    "DISTRICT COURT",
                    "DISTRICT JUDGE",
                    "MAGISTRATE JUDGE",
                    "USDC",
                    "U S D C",
                ]
                .iter()
                .filter_map(|k| window.rfind(k))
                .max();
                let want = match (bankr, dist) {
                    (Some(b), Some(d)) if b > d => Category::Bankruptcy,
                    (Some(_), None) => Category::Bankruptcy,
                    (_, Some(_)) => Category::District,
                    (None, None) => continue,
                };
                rows.iter().find(|r| r.category == want)
            } else if rows[0].category == Category::Circuit {
                if !before(norm, m.start(), 40).contains("COURT OF APPEALS") {
                    continue;
                }
                rows.first()
            } else {
                rows.first()
            };
        if let Some(r) = row {
            out.push(Candidate {
                id: r.id,
                category: r.category,
                elsewhere,
            });
        }
    }
    out
}

/// The court the document was filed in.
pub(crate) fn detect(pages: &[String], header: Option<&Header>) -> Option<String> {
    // Some appellate headers name the circuit outright.
    if let Some(id) = header.and_then(|h| h.circuit.as_deref()) {
        if court_name(id).is_some() {
            return Some(id.to_string());
        }
    }
    // The "USDC Colorado" header label names the district outright.
    if let Some(label) = header.and_then(|h| h.usdc_label.as_deref()) {
        let key = format!("DISTRICT OF {}", words(label));
        if let Some(r) = COURTS
            .by_key
            .get(key.as_str())
            .and_then(|rows| rows.iter().find(|r| r.category == Category::District))
        {
            return Some(r.id.to_string());
        }
    }
    let norm = pages.iter().map(|p| words(p)).collect::<Vec<_>>().join(" ");
    let found: Vec<Candidate> = candidates(&norm)
        .into_iter()
        .filter(|c| !c.elsewhere)
        .collect();
    let preferred: &[Category] = match header.map(|h| h.style) {
        Some(Style::District) => &[Category::District],
        Some(Style::Bankruptcy) => &[Category::Bankruptcy],
        Some(Style::Appellate) => &[Category::Circuit, Category::Scotus, Category::Federal],
        None => &[],
    };
    found
        .iter()
        .find(|c| preferred.contains(&c.category))
        .or_else(|| found.first())
        .map(|c| c.id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> Option<String> {
        let pages = [text.to_string()];
        detect(&pages, super::super::ecf::find_header(&pages).as_ref())
    }

    #[test]
    fn table_loads() {
        assert_eq!(
            court_name("nysd"),
            Some("United States District Court for the Southern District of New York")
        );
        assert_eq!(
            court_name("scotus"),
            Some("Supreme Court of the United States")
        );
    }

    #[test]
    fn captions() {
        for (text, want) in [
            ("Case 1:18-cv-08653-VEC-SDA Document 252 Filed 04/19/21 Page 1 of 3\nUNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK", "nysd"),
            ("United States Court of Appeals\n   For the First Circuit\n No. 20-1507\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF MAINE", "ca1"),
            ("UNITED STATES COURT OF APPEALS\n     FOR THE\n  SECOND CIRCUIT", "ca2"),
            ("IN THE\nSupreme Court of the United States\n No. 17-2", "scotus"),
            ("IN THE SUPREME COURT OF NORTH CAROLINA\n No. 363A14-4", "nc"),
            ("IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON", "washctapp"),
            ("14 UNITED STATES BANKRUPTCY COURT\n15 NORTHERN DISTRICT OF CALIFORNIA, SAN JOSE DIVISION", "canb"),
            ("United States Bankruptcy Court for the:\nDISTRICT OF OREGON", "orb"),
            ("The Honorable J. Paul Oetken\nUnited States District Judge\nSouthern District of New York", "nysd"),
            ("UNITED STATES TAX COURT", "tax"),
            ("Case 1:19-cv-01849-WJM-NRN Document 91 Filed 01/22/20 USDC Colorado Page 3 of 26", "cod"),
        ] {
            assert_eq!(on(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn state_captions() {
        for (text, want) in [
            ("IN THE SUPREME COURT OF TEXAS\n No. 19-0123", "tex"),
            ("IN THE SUPREME COURT OF THE STATE OF CALIFORNIA", "cal"),
            ("IN THE COURT OF APPEAL OF THE STATE OF CALIFORNIA\nSECOND APPELLATE DISTRICT\nDIVISION FOUR", "calctapp2d"),
            ("DISTRICT COURT OF APPEAL OF THE STATE OF FLORIDA\nFOURTH DISTRICT", "fladistctapp4"),
            ("IN THE COURT OF APPEALS OF THE STATE OF OREGON", "orctapp"),
            ("SUPREME JUDICIAL COURT OF MASSACHUSETTS", "mass"),
            ("SUPERIOR COURT OF THE STATE OF CALIFORNIA\nFOR THE COUNTY OF LOS ANGELES", "calsuperct"),
            ("SUPREME COURT OF THE STATE OF NEW YORK\nAPPELLATE DIVISION: FIRST DEPARTMENT", "nyappdiv"),
        ] {
            assert_eq!(on(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn court_below_is_not_the_court() {
        let t = "Appellate Case: 21-800 Document: 010110462922 Date Filed: 01/11/2021 Page: 1\nThis court has been advised by order of the United States District Court for the Southern District of New York";
        assert_eq!(on(t), None);
        assert_eq!(on("indicted in the Southern District of New York"), None);
    }
}
