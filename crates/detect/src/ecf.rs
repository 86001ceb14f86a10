//! CM/ECF page headers: "Case 1:18-cv-08653-VEC-SDA Document 252 Filed 04/19/21 Page 1 of 3"
//! and their bankruptcy and appellate cousins.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::filed::numeric_date;

/// Which CM/ECF system stamped the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// District court: "Case 1:18-cv-08653-VEC-SDA Document 252 Filed 04/19/21".
    District,
    /// Bankruptcy court: "Case 16-30677-rld7 Doc 1 Filed 02/26/16".
    Bankruptcy,
    /// Court of appeals: "Case: 12-2209 Document: 00116475093 … Date Filed: 01/03/2013".
    Appellate,
}

/// One ECF header, as found on the first page that has one.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub style: Style,
    pub docket: String,
    pub filed: Option<NaiveDate>,
    /// "USDC Colorado" label some districts print in the header.
    pub usdc_label: Option<String>,
    /// Circuit named by the header itself ("USCA11 Case: …" → `ca11`).
    pub circuit: Option<String>,
}

const DATE: &str = r"(\d{1,2}/\d{1,2}/\d{2,4})";

static DISTRICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"Case:?\s+(\d{{1,2}}:\d{{2}}-[A-Za-z]{{1,5}}-\d{{1,6}}(?:-[A-Za-z0-9]{{1,6}})*)\s*(?:Document|Doc\.?|Dkt\.?)\s*#?:?\s*[\d-]+(?:\s*-\s*\d+)?\s+(?:\*SEALED\*\s+)?Filed:?\s*{DATE}(?:\s+USDC\s+([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)\s+(?:pg|Page))?"
    ))
    .expect("district ECF regex")
});

/// District header too garbled to read whole (two overlapping stamps): the number alone.
static DISTRICT_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Case\s+(\d{1,2}:\d{2}-[A-Za-z]{1,5}-\d{1,6}(?:-[A-Z0-9]{1,6}?)*)\s*Doc")
        .expect("loose ECF regex")
});

static ANY_NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(DATE).expect("numeric date regex"));

static BANKRUPTCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)(?:Case:?\s+|^\s*)(\d{{2}}-\d{{3,6}}(?:-[A-Za-z0-9]{{1,6}})?)\s+(?:Claim\s+[\d-]+\s+|Doc#?\s*[\d-]+\s+)(?:Filed|Entered):?\s*{DATE}"
    ))
    .expect("bankruptcy ECF regex")
});

static APPELLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(Appellate\s+Case|USCA(\d*)\s+(?:Case|Appeal)|Case|Appeal):?\s*#?\s*(\d{{2}}-\d{{1,6}}|\d{{2}}A\d{{1,5}})[,\s]+(?:(?:Document|Doc|Page|Pg|ID|DktEntry|Entry\s+ID):?\s*#?\s*[\d.-]+(?:\s+of\s+\d+)?[,\s]+)*(?:Date\s+)?(?:Filed:?\s*)?{DATE}"
    ))
    .expect("appellate ECF regex")
});

/// Find the first ECF header on the given pages.
pub(crate) fn find_header(pages: &[String]) -> Option<Header> {
    pages.iter().find_map(|p| header_in(p))
}

fn header_in(page: &str) -> Option<Header> {
    // Headers sit at the top or the bottom of a page; search the whole page but
    // take the earliest match of each style.
    if let Some(c) = DISTRICT.captures(page) {
        return Some(Header {
            style: Style::District,
            docket: c[1].to_string(),
            filed: numeric_date(&c[2]),
            usdc_label: c.get(3).map(|m| m.as_str().to_string()),
            circuit: None,
        });
    }
    if let Some(c) = BANKRUPTCY.captures(page) {
        return Some(Header {
            style: Style::Bankruptcy,
            docket: c[1].to_string(),
            filed: numeric_date(&c[2]),
            usdc_label: None,
            circuit: None,
        });
    }
    if let Some(c) = APPELLATE.captures(page) {
        // "USCA11 Case:", "USCA4 Appeal:", "USCA Case #" (D.C. Cir.) and the Fourth
        // Circuit's "Appeal: … Doc: … Pg:" name the circuit by themselves.
        let circuit = match (c.get(2), &c[1]) {
            (Some(n), _) if !n.as_str().is_empty() => Some(format!("ca{}", n.as_str())),
            (Some(_), _) => Some("cadc".to_string()),
            (None, "Appeal") if page[c.get(0)?.end()..].trim_start().starts_with("Pg") => {
                Some("ca4".to_string())
            }
            _ => None,
        };
        return Some(Header {
            style: Style::Appellate,
            docket: c[3].to_string(),
            filed: numeric_date(&c[4]),
            usdc_label: None,
            circuit,
        });
    }
    if let Some(c) = DISTRICT_LOOSE.captures(page) {
        let m = c.get(0)?;
        let rest = &page[m.end()..];
        let window = super::text::before(rest, 300, 300);
        return Some(Header {
            style: Style::District,
            docket: c[1].to_string(),
            // Two stamps printed over each other (a re-filed page): the later one is
            // the filing this copy belongs to.
            filed: ANY_NUMERIC_DATE
                .find_iter(window)
                .filter_map(|m| numeric_date(m.as_str()))
                .max(),
            usdc_label: None,
            circuit: None,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Header {
        find_header(&[s.to_string()]).expect("a header")
    }

    #[test]
    fn district_header() {
        let h = one("Case 1:18-cv-08653-VEC-SDA Document 252 Filed 04/19/21 Page 1 of 3");
        assert_eq!(h.style, Style::District);
        assert_eq!(h.docket, "1:18-cv-08653-VEC-SDA");
        assert_eq!(h.filed, NaiveDate::from_ymd_opt(2021, 4, 19));
    }

    #[test]
    fn district_header_with_usdc_label() {
        let h =
            one("Case 1:19-cv-01849-WJM-NRN Document 91 Filed 01/22/20 USDC Colorado Page 3 of 26");
        assert_eq!(h.usdc_label.as_deref(), Some("Colorado"));
    }

    #[test]
    fn bankruptcy_headers() {
        let h =
            one("Case: 20-50682 Doc# 33 Filed: 04/28/20 Entered: 04/28/20 19:21:05 Page 1 of 23");
        assert_eq!(
            (h.style, h.docket.as_str()),
            (Style::Bankruptcy, "20-50682")
        );
        let h = one("Case 16-30677-rld7 Doc 1 Filed 02/26/16");
        assert_eq!(h.docket, "16-30677-rld7");
        assert_eq!(h.filed, NaiveDate::from_ymd_opt(2016, 2, 26));
    }

    #[test]
    fn other_district_and_bankruptcy_styles() {
        let h = one("Case: 1:20-cv-01234 Document #: 45 Filed: 03/02/20 Page 1 of 5 PageID #:123");
        assert_eq!(
            (h.style, h.docket.as_str()),
            (Style::District, "1:20-cv-01234")
        );
        let h = one("19-23649-shl    Doc 1234    Filed 05/01/20    Entered 05/01/20 12:00:00    Main Document\n Pg 1 of 10");
        assert_eq!(
            (h.style, h.docket.as_str()),
            (Style::Bankruptcy, "19-23649-shl")
        );
        assert_eq!(h.filed, NaiveDate::from_ymd_opt(2020, 5, 1));
    }

    #[test]
    fn overprinted_headers_take_the_later_stamp() {
        let h = one("Case\nCase 4:08-cv-02214-SBADocument\n 4:08-cv-02214-SBA Document2627 Filed\n Filed 01/29/2009\n 02/03/09 Page 1 of12of 2");
        assert_eq!(h.docket, "4:08-cv-02214-SBA");
        assert_eq!(h.filed, NaiveDate::from_ymd_opt(2009, 2, 3));
    }

    #[test]
    fn headers_that_name_the_circuit() {
        assert_eq!(
            one("USCA11 Case: 20-12345 Date Filed: 01/02/2021 Page: 1 of 10")
                .circuit
                .as_deref(),
            Some("ca11")
        );
        assert_eq!(
            one("USCA Case #19-5331 Document #1822745 Filed: 12/20/2019 Page 1 of 3")
                .circuit
                .as_deref(),
            Some("cadc")
        );
        assert_eq!(
            one("Appeal: 17-2218 Doc: 17 Filed: 10/31/2017 Pg: 1 of 1")
                .circuit
                .as_deref(),
            Some("ca4")
        );
        assert_eq!(
            one("USCA4 Appeal: 19-1234 Doc: 12 Filed: 03/04/2019 Pg: 1 of 3")
                .circuit
                .as_deref(),
            Some("ca4")
        );
        assert_eq!(
            one("Case: 12-2209 Document: 00116475093 Page: 1 Date Filed: 01/03/2013").circuit,
            None
        );
    }

    #[test]
    fn appellate_headers() {
        for (s, d, f) in [
            ("Case: 25-1689, 07/15/2025, DktEntry: 28.1, Page 1 of 2", "25-1689", (2025, 7, 15)),
            ("Case: 12-2209 Document: 00116475093 Page: 1 Date Filed: 01/03/2013 Entry ID: 5700979", "12-2209", (2013, 1, 3)),
            ("Appellate Case: 21-800 Document: 010110462922 Date Filed: 01/11/2021 Page: 1", "21-800", (2021, 1, 11)),
            ("Appeal: 17-2218 Doc: 17 Filed: 10/31/2017 Pg: 1 of 1", "17-2218", (2017, 10, 31)),
            ("Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page 1 of 15", "20-16276", (2020, 8, 5)),
            ("Case 14-2985, Document 47, 12/08/2014, 1389270, Page1 of 30", "14-2985", (2014, 12, 8)),
            ("USCA Case #19-5331      Document #1822745      Filed: 12/20/2019    Page 1 of 3", "19-5331", (2019, 12, 20)),
            ("USCA11 Case: 20-12345    Date Filed: 01/02/2021    Page: 1 of 10", "20-12345", (2021, 1, 2)),
        ] {
            let h = one(s);
            assert_eq!(h.style, Style::Appellate, "{s}");
            assert_eq!(h.docket, d, "{s}");
            assert_eq!(h.filed, NaiveDate::from_ymd_opt(f.0, f.1, f.2), "{s}");
        }
    }
}
