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
    let mut found: Vec<Candidate> = candidates(&norm)
        .into_iter()
        .filter(|c| !c.elsewhere)
        .collect();
    if found.is_empty() {
        // Small capitals often come out as a capital and the rest of the word
        // ("U NITED S TATES C OURT OF A PPEALS"): read them joined, as a last try.
        found = candidates(&join_small_caps(&norm))
            .into_iter()
            .filter(|c| !c.elsewhere)
            .collect();
    }
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

/// Words with a lone capital joined to the word after it ("C OURT" → "COURT").
fn join_small_caps(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    let mut glue = false;
    for w in norm.split(' ') {
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(w);
        glue = w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase();
    }
    out
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

    /// Covers of filings the corpus lacks, typed as text extraction gives them.
    #[test]
    fn appellate_brief_covers() {
        for (text, want) in [
            // A brief on ECF: the header, the circuit, then the court below.
            ("Case: 21-55555, 03/14/2022, ID: 12345678, DktEntry: 20, Page 1 of 62\nNo. 21-55555\n\nIN THE UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n_______________\nJANE ROE,\nPlaintiff-Appellant,\nv.\nACME CORPORATION,\nDefendant-Appellee.\n_______________\nOn Appeal from the United States District Court\nfor the Central District of California\nNo. 2:20-cv-01234-ABC\nHon. A. B. Judge\n_______________\nAPPELLANT'S OPENING BRIEF", "ca9"),
            // The court's own copy, no ECF header; the district court named first.
            ("ORAL ARGUMENT REQUESTED\nAppeal from the United States District Court for the\nNorthern District of Illinois, Eastern Division\nNo. 22-1234\nIn the\nUnited States Court of Appeals\nfor the Seventh Circuit\nBRIEF OF THE APPELLEE", "ca7"),
            // Small capitals extracted as a capital and the rest of the word.
            ("No. 20-10001\nI N THE U NITED S TATES C OURT OF A PPEALS FOR THE F IFTH C IRCUIT\nUNITED STATES OF AMERICA, Plaintiff-Appellee,\nv.\nJOHN DOE, Defendant-Appellant.\nOn Appeal from the United States District Court for the Northern District of Texas", "ca5"),
            ("Nos. 19-5331, 19-5332\nIN THE UNITED STATES COURT OF APPEALS FOR THE DISTRICT OF COLUMBIA CIRCUIT\nOn Petition for Review of an Order of the Federal Communications Commission", "cadc"),
            ("No. 2021-1234\nUnited States Court of Appeals for the Federal Circuit\nAppeal from the United States Patent and Trademark Office, Patent Trial and Appeal Board", "cafc"),
        ] {
            assert_eq!(on(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn state_high_and_intermediate_courts() {
        for (text, want) in [
            ("IN THE SUPREME COURT OF THE STATE OF IDAHO\nDocket No. 48765\nJOHN DOE, Plaintiff-Appellant,\nv.\nSTATE OF IDAHO, Defendant-Respondent.\nAppeal from the District Court of the Fourth Judicial District", "idaho"),
            ("SUPREME COURT OF WISCONSIN\nCase No.: 2019AP1234\nCOMPLETE TITLE: State of Wisconsin, Plaintiff-Respondent", "wis"),
            ("IN THE SUPREME COURT OF GEORGIA\nDecided: March 15, 2022\nS21A1234. THE STATE v. DOE.", "ga"),
            ("COURT OF APPEALS OF INDIANA\nJane Doe, Appellant-Defendant,\nv.\nState of Indiana, Appellee-Plaintiff.\nCourt of Appeals Case No. 21A-CR-1234", "indctapp"),
            ("IN THE COURT OF APPEALS OF THE STATE OF IDAHO\nDocket No. 48766", "idahoctapp"),
            ("COMMONWEALTH OF PENNSYLVANIA\nIN THE SUPERIOR COURT OF PENNSYLVANIA\nNo. 1234 EDA 2021", "pasuperct"),
            ("IN THE SUPREME COURT OF PENNSYLVANIA\nMIDDLE DISTRICT\nNo. 12 MAP 2021", "pa"),
        ] {
            assert_eq!(on(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn agencies_that_act_as_courts() {
        for (text, want) in [
            ("BEFORE THE ARKANSAS WORKERS' COMPENSATION COMMISSION\nCLAIM NO. H012345\nJOHN DOE, CLAIMANT\nOPINION FILED MARCH 1, 2022", "arkworkcompcom"),
            ("NORTH CAROLINA INDUSTRIAL COMMISSION\nI.C. FILE NO. 18-012345\nJANE DOE, Employee, Plaintiff", "ncworkcompcom"),
            ("COMMONWEALTH OF MASSACHUSETTS\nDEPARTMENT OF INDUSTRIAL ACCIDENTS\nBOARD NO. 012345-19", "maworkcompcom"),
            ("STATE OF CONNECTICUT\nCOMPENSATION REVIEW BOARD\nCASE NO. 6400 CRB-1-20-10", "connworkcompcom"),
            ("INDUSTRIAL CLAIM APPEALS OFFICE\nW.C. No. 5-123-456\nFINAL ORDER", "coloworkcompcom"),
            ("IN THE SUPREME COURT OF TENNESSEE\nSPECIAL WORKERS' COMPENSATION APPEALS PANEL\nAT NASHVILLE", "tennworkcompapp"),
            ("NEW JERSEY DIVISION OF WORKERS' COMPENSATION\nC.P. No. 2021-12345", "njlaborcomp"),
            ("BEFORE THE OHIO BOARD OF TAX APPEALS\nCase No. 2020-1234", "ohiotax"),
            ("COMMONWEALTH OF PENNSYLVANIA\nENVIRONMENTAL HEARING BOARD", "paenvhrbd"),
            ("STATE OF FLORIDA\nDIVISION OF ADMINISTRATIVE HEARINGS\nCase No. 21-1234", "fladivadminhrg"),
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
