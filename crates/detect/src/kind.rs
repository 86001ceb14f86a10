//! Document kind from the title words of the first pages. Conservative: the first
//! title keyword in reading order decides, and no keyword means `None`.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// What kind of court document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A court's opinion (slip opinion, memorandum opinion, published opinion).
    Opinion,
    /// An order, including minute orders and proposed orders.
    Order,
    /// A judgment.
    Judgment,
    /// A party's brief or memorandum of law.
    Brief,
    /// A brief of amicus curiae.
    AmicusBrief,
    /// A motion, application or request to the court.
    Motion,
    /// A complaint (civil or criminal).
    Complaint,
    /// A petition (for certiorari, habeas corpus, review…).
    Petition,
    /// A transcript of a hearing, trial or argument.
    Transcript,
    /// A docket sheet.
    DocketReport,
    /// A notice (of appeal, of appearance, of filing…).
    Notice,
    /// A letter to the court or from the clerk.
    Letter,
    /// A judge's financial disclosure report.
    FinancialDisclosure,
    /// A filled-in official form (bankruptcy petition form, appearance form, verdict form).
    Form,
    /// Something else that is clearly not one of the above (declaration, exhibit…).
    Other,
}

impl DocumentKind {
    /// The snake_case name used in JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Opinion => "opinion",
            DocumentKind::Order => "order",
            DocumentKind::Judgment => "judgment",
            DocumentKind::Brief => "brief",
            DocumentKind::AmicusBrief => "amicus_brief",
            DocumentKind::Motion => "motion",
            DocumentKind::Complaint => "complaint",
            DocumentKind::Petition => "petition",
            DocumentKind::Transcript => "transcript",
            DocumentKind::DocketReport => "docket_report",
            DocumentKind::Notice => "notice",
            DocumentKind::Letter => "letter",
            DocumentKind::FinancialDisclosure => "financial_disclosure",
            DocumentKind::Form => "form",
            DocumentKind::Other => "other",
        }
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Signals that hold in any case and anywhere on the page (mixed-case titles,
/// fixed phrases of official forms).
static ANYWHERE: LazyLock<Vec<(Regex, DocumentKind)>> = LazyLock::new(|| {
    use DocumentKind::*;
    [
        (r"Financial Disclosure Report\s*\(AO|FINANCIAL DISCLOSURE REPORT|AO Form 10\b", FinancialDisclosure),
        (r"(?i)civil docket for case #|criminal docket for case #|\bgeneral docket\b|docket report", DocketReport),
        (r"\(Slip Opinion\)|\bOpinion of the Court\b|\bPER CURIAM\b|(?i:notice:\s+slip opinion)|\bT\.\s?C\.\s+Memo\.|(?i:published opinion)|(?i:memorandum opinion)", Opinion),
        (r"The above-entitled matter came on|Official - Subject to Final Review|(?i:transcript of (?:proceedings|hearing|oral argument|trial|sentencing|plea))|REPORTER'S TRANSCRIPT", Transcript),
        (r"Fill in this information to identify|Official Form \d|\bFORM \d+\.\s|Violation Notice|SPECIAL VERDICT FORM|VERDICT FORM", Form),
        (r"(?i:brief (?:of|for) (?:the )?(?:[a-z,.'&-]+ ){0,12}amic(?:us|i) curiae)", AmicusBrief),
        (r"\n\s*(?:Dear|DEAR)\s+(?:Judge|Justice|Magistrate|Mr\.|Ms\.|Mrs\.|Dr\.|Sir|Madam|Clerk|Counsel|Honorable)", Letter),
        (r"(?:CIVIL|CRIMINAL) MINUTES", Order),
    ]
    .into_iter()
    .map(|(p, k)| (Regex::new(p).expect("kind regex"), k))
    .collect()
});

/// Weak signals, used only when no title word is found: the bench line and author
/// line of an appellate opinion.
static WEAK: LazyLock<Vec<(Regex, DocumentKind)>> = LazyLock::new(|| {
    use DocumentKind::*;
    [
        (r"\bBefore:?\s[^\n]{0,120}(?:\n[^\n]{0,120}){0,3}?(?:Circuit )?(?:Judges|Justices)\b", Opinion),
        (r"(?m)^\s*[A-Z][A-Za-z'\-]+,\s+(?:Chief\s+|Senior\s+)?(?:Circuit\s+)?(?:Judge|Justice)\.\s*$", Opinion),
    ]
    .into_iter()
    .map(|(p, k)| (Regex::new(p).expect("weak kind regex"), k))
    .collect()
});

/// Title words, only counted inside runs of upper-case words (captions and titles).
static TITLE: LazyLock<Vec<(Regex, DocumentKind)>> = LazyLock::new(|| {
    use DocumentKind::*;
    [
        (r"\bAMIC(?:US|I) CURIAE\b[^a-z]{0,80}\bBRIEF\b|\bBRIEF\b[^a-z]{0,200}\bAMIC(?:US|I) CURIAE\b", AmicusBrief),
        (r"\bNOTICE OF (?:MOTION|APPLICATION)\b", Motion),
        (r"\bMEMORANDUM (?:OF (?:POINTS AND AUTHORITIES|LAW)|IN (?:SUPPORT|OPPOSITION))\b", Brief),
        (r"\bMEMORANDUM OPINION\b|\bOPINION\b", Opinion),
        (r"\bMOTIONS?\b|\bAPPLICATION FOR\b", Motion),
        (r"\bBRIEF\b", Brief),
        (r"\bPETITION\b", Petition),
        (r"\bCOMPLAINT\b", Complaint),
        (r"\bTRANSCRIPT\b", Transcript),
        (r"\bJUDGMENT\b", Judgment),
        (r"\bORDER\b", Order),
        (r"\bNOTICE OF\b", Notice),
        (r"\bDECLARATION OF\b|\bAFFIDAVIT\b|\bEXHIBIT\s+[0-9A-Z]{1,3}\b|\bEXPERT REPORT\b", Other),
    ]
    .into_iter()
    .map(|(p, k)| (Regex::new(p).expect("title regex"), k))
    .collect()
});

/// A run of upper-case words (at least two letters each, punctuation and digits between).
static UPPER_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Z][A-Z'.\-]+(?:[\s,:;&()\[\]/0-9\-]+[A-Z][A-Z'.\-]*)*").expect("upper run")
});

/// Letter-spaced titles ("O R D E R"), party names that contain a title word
/// ("FRATERNAL ORDER OF POLICE") and procedural lines that name another paper
/// ("ON PETITION FOR A WRIT OF CERTIORARI TO …", "ON PETITION FOR REVIEW OF AN ORDER …").
static SPACED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:[A-Z] ){3,}[A-Z]\b").expect("spaced regex"));
static PARTY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"FRATERNAL ORDER|MOTION PICTURE|ORDER OF (?:POLICE|THE EASTERN STAR|ELKS|HIBERNIANS)|ON (?:A )?(?:PETITION FOR (?:A )?(?:WRIT OF CERTIORARI|REVIEW)|WRIT OF CERTIORARI)[^\n]*|(?:ON )?APPEAL FROM[^\n]*|CERTIORARI TO[^\n]*",
    )
    .expect("party regex")
});

/// The first title word of the page, with its byte offset.
fn title_in(raw: &str) -> Option<(usize, DocumentKind)> {
    let despaced = SPACED.replace_all(raw, |c: &regex::Captures| c[0].replace(' ', ""));
    let page = PARTY_WORDS.replace_all(&despaced, |c: &regex::Captures| c[0].to_ascii_lowercase());
    let page: &str = &page;
    let mut best: Option<(usize, DocumentKind)> = None;
    for run in UPPER_RUN.find_iter(page) {
        let text = run.as_str();
        let hit = TITLE
            .iter()
            .filter_map(|(re, k)| re.find(text).map(|m| (run.start() + m.start(), *k)))
            .min_by_key(|(p, _)| *p);
        if let Some(h) = hit {
            best = Some(h);
            break;
        }
    }
    for (re, k) in ANYWHERE.iter() {
        if let Some(m) = re.find(page) {
            if best.map_or(true, |(p, _)| m.start() < p) {
                best = Some((m.start(), *k));
            }
        }
    }
    best
}

/// The kind of the document, when the first pages say so.
pub(crate) fn detect(pages: &[String]) -> Option<DocumentKind> {
    let first = &pages[..pages.len().min(2)];
    first
        .iter()
        .find_map(|p| title_in(p))
        .or_else(|| {
            first.iter().find_map(|p| {
                WEAK.iter()
                    .find_map(|(re, k)| re.find(p).map(|m| (m.start(), *k)))
            })
        })
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocumentKind::*;

    fn on(text: &str) -> Option<DocumentKind> {
        detect(&[text.to_string()])
    }

    #[test]
    fn titles() {
        for (text, want) in [
            ("IN RE FACEBOOK BIOMETRIC\n  San Francisco\n TRANSCRIPT OF PROCEEDINGS", Transcript),
            ("Bainbridge Fund LTD,                 ORDER\n Plaintiff - Appellee,  Docket No. 25-1686", Order),
            ("MOTION TO STAY PROCEEDINGS PENDING DECISION\nALTERNATIVE MOTION FOR 30-DAY EXTENSION OF TIME TO FILE\nANSWERING BRIEF", Motion),
            ("BRIEF FOR THE NATIONAL ASSOCIATION OF CRIMINAL DEFENSE LAWYERS AS AMICUS CURIAE IN SUPPORT OF PETITIONER", AmicusBrief),
            ("(Slip Opinion) OCTOBER TERM, 2012 1\n Syllabus", Opinion),
            ("CIVIL OPINION AND ORDER", Opinion),
            ("UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF CALIFORNIA\n COMPLAINT FOR:\n(1) DECLARATORY RELIEF", Complaint),
            ("May 20, 2021\nThe Honorable J. Paul Oetken\n Re: United States v. Parnas\nDear Judge Oetken:\n I write", Letter),
            ("PETITION FOR A WRIT OF CERTIORARI", Petition),
            ("Annual Report 2018\nFinancial Disclosure Report (AO Form 10)", FinancialDisclosure),
            ("CENTRAL DISTRICT OF CALIFORNIA\n CRIMINAL MINUTES - GENERAL", Order),
            ("UNITED STATES DISTRICT COURT\n\n        O R D E R\n", Order),
            ("FRATERNAL ORDER OF POLICE, LODGE 5,\n  Plaintiff,\n v.\n CITY OF X\n  COMPLAINT FOR DAMAGES", Complaint),
            ("JUDGMENT IN A CIVIL ACTION", Judgment),
            ("ON PETITION FOR A WRIT OF CERTIORARI TO THE UNITED STATES COURT OF APPEALS\n\nBRIEF IN OPPOSITION", Brief),
            ("ON PETITION FOR REVIEW OF AN ORDER OF THE BOARD OF IMMIGRATION APPEALS\n\nOPENING BRIEF FOR PETITIONER", Brief),
            ("MEMORANDUM OPINION AND ORDER", Opinion),
        ] {
            assert_eq!(on(text), Some(want), "{text}");
        }
    }

    #[test]
    fn no_title_no_guess() {
        assert_eq!(on("The weather was fine and the parties agreed."), None);
        assert_eq!(on(""), None);
    }

    #[test]
    fn serialises_snake_case() {
        assert_eq!(
            serde_json::to_string(&AmicusBrief).unwrap(),
            "\"amicus_brief\""
        );
    }
}
