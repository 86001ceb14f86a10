//! Docket numbers: the ECF header's, else the caption's "No." / "Case No." / "Docket No.".

use std::sync::LazyLock;

use regex::Regex;

use super::ecf::Header;
use super::text::before;

/// A labelled number in a caption. The label part is case-insensitive; "No" itself is
/// not, so the word "no" in running text does not count.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    let value = [
        // 1:13-mj-02814-ABC, 15-CV-03747-JD, 2:14-cr-00684-CAS - 13
        r"(?:\d{1,2}:)?\d{2}-?[A-Za-z]{1,5}-\d{1,6}(?:-[A-Za-z]{1,6}\d?)*(?:\s?-\s?\d{1,3}\b)?",
        // 13 Mag. 2814
        r"\d{2}\s+Mag\.?\s+\d{1,6}",
        // MDL 15-02641-PHX-DGC, SACR 16-76JVS, CV 16-03086-AB, 83486-0-I, 2018-06-1735, 14-2985-cv
        r"(?:[A-Z]{1,5}[ -]?)?\d{1,5}-\d{1,6}[A-Z]{0,4}(?:-[A-Za-z0-9]{1,6})*",
        // Wisconsin 2019AP1234-CR, Indiana 21A-CR-1234
        r"(?:19|20)\d{2}AP\d{1,6}(?:-[A-Z]{1,3})?",
        r"\d{2}A-[A-Z]{2}-\d{1,6}",
        // Pennsylvania's appellate courts: 1234 EDA 2021, 12 MAP 2021
        r"\d{1,4}\s(?:EDA|MDA|WDA|EAL|MAL|WAL|EAP|MAP|WAP|EDM|MDM|WDM)\s(?:19|20)\d{2}",
        // 16A123, 363A14-4
        r"\d{1,4}[A-Z]{1,2}\d{1,5}(?:-\d{1,3})?",
        // 18 Civ. 8653, 19 Cr. 725
        r"\d{2}[ -](?:Civ|CIV|Cr|CR|Crim|CRIM|Misc|MISC)\.?[ -]\d{1,6}",
        // New York index numbers 123456/2019; California BC123456
        r"\d{3,6}/(?:19|20)?\d{2}\b",
        r"[A-Z]{2,4}\d{5,8}\b",
    ]
    .join("|");
    Regex::new(&format!(
        r"(?:(?i:case|docket|civil\s+action|civ\.?(?:\s+action)?|crim(?:inal)?\.?(?:\s+action)?|cr\.?|appeal|misc\.?|index|adv(?:ersary)?\.?(?:\s+pro(?:c|ceeding)?\.?)?|cause|bankruptcy|matter)\s+)?(?:No|NO|Nos|NOS|Number|NUMBER|(?i:case\s*#))\.?\s*:?\s*({value})"
    ))
    .expect("docket regex")
});

/// Labels whose numbers are not docket numbers.
static NOT_A_DOCKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:tel(?:ephone)?|phone|fax|facsimile|bar|sbn|security|file|registration|license|reg|id|entry|ecf|dkt|doc|violation|product|rin|claim|account|patent|serial|policy|order|reference|ref|invoice|contract|check|loan|report|form|model|part|vol|volume|exhibit|ex|warrant)\.?\s*$")
        .expect("label regex")
});

static PHONE_OR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{3}-\d{3}-\d{4}|\d{1,2}-\d{1,2}-\d{2}|\d{1,2}-\d{1,2}-(?:19|20)\d{2})$")
        .expect("phone regex")
});

static DISTRICT_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:\d{1,2}:)?\d{2}-?)([A-Za-z]{1,5})(-.*)$").expect("district form")
});

/// Tidy a number as printed: single spaces, no spaces around hyphens, lower-case
/// case type in district numbers ("15-CV-03747-JD" → "15-cv-03747-JD").
fn tidy(raw: &str) -> String {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let joined = collapsed
        .replace(" - ", "-")
        .replace(" -", "-")
        .replace("- ", "-");
    match DISTRICT_FORM.captures(&joined) {
        Some(c) if c[2].chars().all(|ch| ch.is_ascii_alphabetic()) && c[1].ends_with('-') => {
            format!("{}{}{}", &c[1], c[2].to_ascii_lowercase(), &c[3])
        }
        _ => joined,
    }
}

fn caption_number(pages: &[String]) -> Option<String> {
    for page in pages {
        for c in LABELLED.captures_iter(page) {
            let whole = c.get(0)?;
            let value = c.get(1)?.as_str();
            if NOT_A_DOCKET.is_match(before(page, whole.start(), 40)) {
                continue;
            }
            let tidied = tidy(value);
            if PHONE_OR_DATE.is_match(&tidied) {
                continue;
            }
            return Some(tidied);
        }
    }
    None
}

/// Numbers distinctive enough to be read without a "No." label, near the top of the
/// first page only: 1:13-mj-02814, 18 Civ. 8653, 13 Mag. 2814, 14-2985-cv.
static UNLABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(
        (?:\d{1,2}:)?\d{2}-(?i:cv|cr|mj|md|mc|bk|ap|po|sw|misc)-\d{1,6}(?:-[A-Z]{2,5})*
      | \d{2}\x20(?:Civ|CIV|Cr|CR|Crim|Mag|MAG)\.?\x20\d{1,6}
      | \d{2}-\d{2,5}-(?:cv|cr|ag|pr|bk|op)
    )\b",
    )
    .expect("unlabelled docket regex")
});

/// A plain number is a docket number only after "Docket No." or "Case No."
/// (state high courts number their cases so: "Docket No. 48765").
static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Za-z.])(?i:docket|case)\s+(?:No|NO|Number|NUMBER)\.?\s*:?\s*(\d{5,7})(?:[^\d/,.-]|[.,]\s|$)")
        .expect("plain docket regex")
});

/// The docket number of the document.
pub(crate) fn detect(pages: &[String], header: Option<&Header>) -> Option<String> {
    if let Some(h) = header {
        return Some(tidy(&h.docket));
    }
    caption_number(pages)
        .or_else(|| {
            let first = pages.first()?;
            let top = before(first, first.len().min(2500), 2500);
            UNLABELLED.captures(top).map(|c| tidy(&c[1]))
        })
        .or_else(|| {
            let first = pages.first()?;
            let top = before(first, first.len().min(2500), 2500);
            PLAIN.captures(top).map(|c| c[1].to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> Option<String> {
        detect(&[text.to_string()], None)
    }

    #[test]
    fn caption_forms() {
        for (text, want) in [
            ("IN RE: Bard IVC Filters Products No. MDL 15-02641-PHX-DGC", "MDL 15-02641-PHX-DGC"),
            ("UNITED STATES OF AMERICA vs. Docket No. SACR 16-76JVS", "SACR 16-76JVS"),
            ("Civ. No. 16-4465 (RMB-JS)", "16-4465"),
            ("No. 11-889. Argued April 23, 2013", "11-889"),
            ("No. 363A14-4\n Filed 11 February 2022", "363A14-4"),
            ("BITEMOJO, No. 83486-0-I", "83486-0-I"),
            ("Calderon-Fuentes, ) Docket No. 2018-06-1735", "2018-06-1735"),
            ("Case No. 2:14-cr-00684-CAS - 13 Date May 1, 2019", "2:14-cr-00684-CAS-13"),
            ("NO. 15-CV-03747-JD", "15-cv-03747-JD"),
            ("Case No. 20-50682 (MEH)", "20-50682"),
            ("United States v. Doe, No. 13 Mag. 2814", "13 Mag. 2814"),
            ("No. 16A123", "16A123"),
            ("Nos. 14-2985-cv", "14-2985-cv"),
            ("Case No. 18 Civ. 8653 (VEC)", "18 Civ. 8653"),
            ("Index No. 654321/2019", "654321/2019"),
            ("Case No. BC123456", "BC123456"),
            ("CIVIL DOCKET FOR CASE #: 1:18-cv-08653-VEC-SDA", "1:18-cv-08653-VEC-SDA"),
            ("UNITED STATES OF AMERICA\n   -v.-\nJOHN DOE,\n          13 Mag. 2814\nSEALED COMPLAINT", "13 Mag. 2814"),
            ("14-2985-cv\nUnited States v. Doe", "14-2985-cv"),
            // State appellate courts and agencies.
            ("IN THE SUPREME COURT OF THE STATE OF IDAHO\nDocket No. 48765\nJOHN DOE", "48765"),
            ("SUPREME COURT OF WISCONSIN\nCase No.: 2019AP1234-CR", "2019AP1234-CR"),
            ("Court of Appeals Case No. 21A-CR-1234", "21A-CR-1234"),
            ("IN THE SUPERIOR COURT OF PENNSYLVANIA\nNo. 1234 EDA 2021", "1234 EDA 2021"),
            ("NORTH CAROLINA INDUSTRIAL COMMISSION\nI.C. NO. 18-012345", "18-012345"),
        ] {
            assert_eq!(on(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn numbers_that_are_not_dockets() {
        assert_eq!(on("Federal Register Vol. 85, No. 152"), None);
        assert_eq!(on("Social Security No. 0 9 8 2"), None);
        assert_eq!(on("Tel. No. 212-219-3572"), None);
        assert_eq!(on("ECF NOS. 158, 159"), None);
        assert_eq!(on("State File No. 58665-2018"), None);
        assert_eq!(on("there is no 12-34 here"), None);
        assert_eq!(on("see Case No. 2019 at 4"), None);
        assert_eq!(on("the Bates Docket No. 12345/2 of the file"), None);
    }
}
