//! The date forms dockets print: `09/05/2023`, `2023-09-05`, `Sep 5 2023`,
//! `March 10, 2025`, RSS's `Fri, 03 Feb 2023 10:58:42 MST`.

use chrono::NaiveDate;

/// `MM/DD/YYYY` (also `M/D/YY`), ISO `YYYY-MM-DD` (a time after it is
/// ignored), or a month name, day and year in either order.
pub fn parse(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(d) = slashed(s) {
        return Some(d);
    }
    if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            return Some(d);
        }
    }
    words(s)
}

fn slashed(s: &str) -> Option<NaiveDate> {
    let token = s.split_whitespace().next()?;
    let mut parts = token.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let m: u32 = m.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    let mut y: i32 = y.parse().ok()?;
    if y < 100 {
        y += if y < 70 { 2000 } else { 1900 };
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// "March 10, 2025", "Mar 10 2025", "10 Mar 2025", "Fri, 03 Feb 2023 10:58:42 MST".
fn words(s: &str) -> Option<NaiveDate> {
    let (mut month, mut day, mut year) = (None, None, None);
    for token in s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_ascii_lowercase();
        if month.is_none() && lower.len() >= 3 {
            if let Some(i) = MONTHS.iter().position(|m| lower.starts_with(m)) {
                month = Some(i as u32 + 1);
                continue;
            }
        }
        if token.contains(':') {
            continue;
        }
        if let Ok(n) = token.parse::<u32>() {
            if token.len() == 4 && year.is_none() {
                year = Some(n as i32);
            } else if n <= 31 && day.is_none() {
                day = Some(n);
            }
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn every_form() {
        assert_eq!(parse("09/05/2023"), d(2023, 9, 5));
        assert_eq!(parse("9/5/23"), d(2023, 9, 5));
        assert_eq!(parse("2023-09-05"), d(2023, 9, 5));
        assert_eq!(parse("2023-09-05T10:00:00Z"), d(2023, 9, 5));
        assert_eq!(parse("March 10, 2025"), d(2025, 3, 10));
        assert_eq!(parse("Mar 10 2025"), d(2025, 3, 10));
        assert_eq!(parse("Fri, 03 Feb 2023 10:58:42 MST"), d(2023, 2, 3));
        assert_eq!(parse("02/30/2023"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("2023-09-0é"), None);
        assert_eq!(parse("soon"), None);
    }
}
