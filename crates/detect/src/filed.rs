//! The filing date: the ECF stamp first, then "FILED" stamps and "Filed"/"Decided"/"Dated" lines.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::ecf::Header;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)";

/// A date written out: "February 20, 2020", "Oct 02, 2019", "11 February 2022", "4/10/2023".
fn any_date() -> String {
    format!(
        r"({MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\.?,?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{MONTH}\s*-?\s*\d{{1,2}}\s+\d{{4}})"
    )
}

/// Labelled dates, strongest label first. Case-sensitive on purpose: "filed on April 15"
/// in running text refers to some other paper.
static LABELLED: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let d = any_date();
    [
        // NYSCEF: "FILED: NEW YORK COUNTY CLERK 05/18/2020 04:25 PM"
        format!(r"FILED:?\s+[A-Z][A-Z .]{{0,40}}COUNTY CLERK\s+{d}"),
        format!(r"(?:\bFiled|\bFILED|Date\s+Filed|DATE\s+FILED)(?:\s+(?:on|in\s+Clerk's\s+Office))?:?\s*{d}"),
        format!(r"(?:\bDecided|\bDECIDED):?\s*{d}"),
        format!(r"(?:\bDated|\bDATED|\bEntered|\bENTERED)(?:\s+on\s+Docket)?:?\s*{d}"),
        format!(r"\bDate:?[ \t]+{d}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("date regex"))
    .collect()
});

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$").expect("numeric date"));

static LONG_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({MONTH})\.?\s*-?\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$"
    ))
    .expect("long date")
});

static LONG_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(\d{{1,2}})\s+({MONTH})\.?,?\s+(\d{{4}})$")).expect("long date")
});

/// Parse "04/19/21" or "01/03/2013" (month first, as US courts write it).
pub(crate) fn numeric_date(s: &str) -> Option<NaiveDate> {
    let c = NUMERIC.captures(s.trim())?;
    let m: u32 = c[1].parse().ok()?;
    let d: u32 = c[2].parse().ok()?;
    let mut y: i32 = c[3].parse().ok()?;
    match c[3].len() {
        2 => y += if y < 70 { 2000 } else { 1900 },
        4 => {}
        _ => return None,
    }
    plausible(NaiveDate::from_ymd_opt(y, m, d)?)
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1780..=2100).contains(&d.year()).then_some(d)
}

/// Parse any of the forms [`any_date`] accepts.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = numeric_date(s) {
        return Some(d);
    }
    if let Some(c) = LONG_MDY.captures(s) {
        return plausible(NaiveDate::from_ymd_opt(
            c[3].parse().ok()?,
            month_number(&c[1])?,
            c[2].parse().ok()?,
        )?);
    }
    let c = LONG_DMY.captures(s)?;
    plausible(NaiveDate::from_ymd_opt(
        c[3].parse().ok()?,
        month_number(&c[2])?,
        c[1].parse().ok()?,
    )?)
}

/// The filing date of the document.
pub(crate) fn detect(pages: &[String], header: Option<&Header>) -> Option<NaiveDate> {
    if let Some(d) = header.and_then(|h| h.filed) {
        return Some(d);
    }
    for re in LABELLED.iter() {
        for page in pages {
            for c in re.captures_iter(page) {
                if let Some(d) = c.get(1).and_then(|m| parse_date(m.as_str())) {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> Option<NaiveDate> {
        detect(&[text.to_string()], None)
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn stamps_and_labels() {
        assert_eq!(
            on("Docket Nos. 19031-13,   Filed February 20, 2020."),
            ymd(2020, 2, 20)
        );
        assert_eq!(
            on("No. 363A14-4\n\n Filed 11 February 2022\n"),
            ymd(2022, 2, 11)
        );
        assert_eq!(
            on("   FILED\n   Oct 02, 2019\n  02:19 PM(CT)"),
            ymd(2019, 10, 2)
        );
        assert_eq!(
            on("No. 11-889. Argued April 23, 2013-Decided June 13, 2013"),
            ymd(2013, 6, 13)
        );
        assert_eq!(
            on("Dated: January 18, 2018\nNew York, New York"),
            ymd(2018, 1, 18)
        );
        assert_eq!(
            on("Case No. 2:14-cr-00684-CAS - 13      Date May 1, 2019"),
            ymd(2019, 5, 1)
        );
    }

    #[test]
    fn filed_beats_dated_and_running_text_is_ignored() {
        assert_eq!(
            on("Dated: May 2, 2020\n FILED May 5, 2020"),
            ymd(2020, 5, 5)
        );
        assert_eq!(on("(Dkt. 1619, filed on April 15, 2019)"), None);
        assert_eq!(on("Tuesday, January 13, 2009"), None);
    }

    #[test]
    fn state_e_filing_and_bankruptcy_stamps() {
        assert_eq!(
            on("FILED: NEW YORK COUNTY CLERK 05/18/2020 04:25 PM      INDEX NO. 154010/2020"),
            ymd(2020, 5, 18)
        );
        assert_eq!(on("Entered on Docket\nMay 5, 2020"), ymd(2020, 5, 5));
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(numeric_date("04/19/21"), ymd(2021, 4, 19));
        assert_eq!(numeric_date("13/40/2021"), None);
    }
}
