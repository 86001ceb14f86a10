//! The case block at the top of a report: the docket number in the heading,
//! the caption, and the labelled lines beside it ("Assigned to:", "Date
//! Filed:", "Cause:", "Nature of Suit:", "Jury Demand:"), read as juriscraper
//! reads them: the cells of the table holding "Date Filed:", split at each
//! `<br>`, the first match of each label winning.

use chrono::NaiveDate;

use crate::html::{clean, Ref};

/// The case block's lines: each cell's lines in order, then all of them
/// joined (so a label and its value in neighbouring cells still meet).
pub struct Lines(Vec<String>);

impl Lines {
    /// The lines of the table around the first "Date Filed:" (or "Filed
    /// Date:"), the outermost one that holds no `<center>`.
    pub fn read(root: Ref<'_>) -> Lines {
        let Some(table) = case_table(root) else {
            return Lines(Vec::new());
        };
        let mut lines = Vec::new();
        for cell in table.find_all("td") {
            lines.extend(cell_lines(cell).iter().map(|l| clean_line(l)));
        }
        if !lines.is_empty() {
            let all = lines.join(" ");
            lines.push(all);
        }
        Lines(lines)
    }

    /// The first line, where the caption is.
    pub fn first(&self) -> &str {
        self.0.first().map_or("", String::as_str)
    }

    /// What follows `label` and some space, in the first line that has it.
    pub fn value(&self, label: &str, any_case: bool) -> Option<&str> {
        self.0
            .iter()
            .filter_map(|line| after_label(line, label, any_case))
            .find(|v| !v.to_ascii_lowercase().contains("date filed"))
    }

    /// A date after `label`: "Date Filed: 09/05/2023".
    pub fn date(&self, label: &str, any_case: bool) -> Option<NaiveDate> {
        self.0
            .iter()
            .filter_map(|line| after_label(line, label, any_case))
            .map(date_token)
            .find(|t| !t.is_empty())
            .and_then(parse_date)
    }
}

fn case_table(root: Ref<'_>) -> Option<Ref<'_>> {
    let text = root.descendants().find(|n| {
        n.as_text().is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            t.contains("date filed:") || t.contains("filed date:")
        }) && n.ancestors().any(|a| a.is("td"))
    })?;
    text.ancestors()
        .filter(|a| a.is("table") && a.find("center").is_none())
        .last()
}

/// A cell's text split at each `<br>` and `<p>`, its text pieces joined
/// with a space (juriscraper's `_br_split`); empty pieces dropped.
pub fn cell_lines(cell: Ref<'_>) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut started = false;
    for node in cell.descendants() {
        if let Some(t) = node.as_text() {
            if node.ancestors().any(|a| a.is("script") || a.is("style")) {
                continue;
            }
            if started {
                current.push(' ');
            }
            current.push_str(t);
            started = true;
        } else if node.is("br") || node.is("p") {
            pieces.push(std::mem::take(&mut current));
            started = false;
        }
    }
    pieces.push(current);
    pieces.retain(|p| !p.is_empty());
    pieces.iter().map(|p| p.trim().to_owned()).collect()
}

/// juriscraper's `clean_string` for one line: plain quotes, no `*` or `#`,
/// one space between words, no stray punctuation at the end.
fn clean_line(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| c != '*' && c != '#')
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            _ => c,
        })
        .collect();
    let s = clean(&s);
    s.trim_end_matches(['-', '–', '_', '/', ';', ',', ' '])
        .to_owned()
}

/// The rest of `line` after `label` and at least one space.
pub fn after_label<'l>(line: &'l str, label: &str, any_case: bool) -> Option<&'l str> {
    let at = if any_case {
        find_ignore_case(line, label)?
    } else {
        line.find(label)?
    };
    let rest = &line[at + label.len()..];
    let value = rest.trim_start();
    (value.len() < rest.len()).then_some(value)
}

pub fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .find(|&i| hay.is_char_boundary(i) && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// An adversary proceeding's natures of suit, from its "Nature[s] of
/// Suit" table: "91 Declaratory judgment; 14 Recovery of money/property -
/// other".
pub fn adversary_natures(root: Ref<'_>) -> Option<String> {
    let mut natures = Vec::new();
    for table in root.find_all("table") {
        if !table.text().contains("Nature[s] of") {
            continue;
        }
        for row in table.find_all("tr") {
            let texts: Vec<String> = row
                .elements()
                .filter(|c| c.is("td"))
                .skip(2)
                .flat_map(|c| c.children().filter_map(|t| t.as_text().map(str::trim)))
                .filter(|t| !t.is_empty())
                .map(clean)
                .collect();
            if texts.len() > 1 {
                natures.push(texts.join(" "));
            }
        }
    }
    Some(natures.join("; ")).filter(|n| !n.is_empty())
}

/// A printed date ("09/05/2023"); dashes of any kind are hyphens.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let ascii: String = s
        .trim()
        .chars()
        .map(|c| if matches!(c, '–' | '—') { '-' } else { c })
        .take_while(char::is_ascii)
        .collect();
    crate::date::parse(&ascii)
}

/// The date at the start of a value: digits, slashes and dashes.
pub fn date_token(v: &str) -> &str {
    let end = v
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '–' | '—')))
        .map_or(v.len(), |(i, _)| i);
    &v[..end]
}

/// The docket number in the report's heading. District and appellate style
/// first ("3:23-cv-04557" out of "3:23-cv-04557-JCS"), then the MDL panel's
/// ("MDL No. 2168"), then, for bankruptcy courts, "95-00236".
pub fn docket_number(headings: &[String], bankruptcy: bool) -> Option<String> {
    if let Some(n) = headings.iter().find_map(|h| district_number(h)) {
        return Some(n.to_owned());
    }
    if bankruptcy {
        headings
            .iter()
            .find_map(|h| bankruptcy_number(h))
            .map(str::to_owned)
    } else {
        headings.iter().find_map(|h| mdl_number(h))
    }
}

/// The number after "CASE #:", "Petition #:" or "Proceeding #:" anywhere
/// on the page, when the heading is not where it should be.
pub fn labelled_number(text: &str) -> Option<String> {
    ["DOCKET FOR CASE #:", "Petition #:", "Proceeding #:"]
        .iter()
        .filter_map(|label| {
            let at = text.find(label)? + label.len();
            let end = (at + 80..text.len().min(at + 84))
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(text.len());
            let after = crate::html::decode_entities(&text[at..end.min(text.len())]);
            district_number(&after)
                .or_else(|| bankruptcy_number(&after))
                .map(str::to_owned)
        })
        .next()
}

/// `(\d{1,2}:)?\d\d-[a-zA-Z]{1,5}-\d{1,10}`, not preceded by a digit.
pub fn district_number(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for start in 0..b.len() {
        if !digit(start) || (start > 0 && digit(start - 1)) {
            continue;
        }
        let mut tries = Vec::with_capacity(3);
        if b.get(start + 1) == Some(&b':') {
            tries.push(start + 2);
        } else if digit(start + 1) && b.get(start + 2) == Some(&b':') {
            tries.push(start + 3);
        }
        tries.push(start);
        for i in tries {
            if !(digit(i) && digit(i + 1) && b.get(i + 2) == Some(&b'-')) {
                continue;
            }
            let letters = b[i + 3..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let j = i + 3 + letters;
            if !(1..=5).contains(&letters) || b.get(j) != Some(&b'-') {
                continue;
            }
            let digits = b[j + 1..]
                .iter()
                .take(10)
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 {
                return Some(&s[start..j + 1 + digits]);
            }
        }
    }
    None
}

/// `(\d-)?\d\d-\d*`: "95-00236", "1-17-43611".
fn bankruptcy_number(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let core = |i: usize| digit(i) && digit(i + 1) && b.get(i + 2) == Some(&b'-');
    for start in 0..b.len() {
        let i = if digit(start) && b.get(start + 1) == Some(&b'-') && core(start + 2) {
            start + 2
        } else if core(start) {
            start
        } else {
            continue;
        };
        let digits = b[i + 3..].iter().take_while(|c| c.is_ascii_digit()).count();
        return Some(&s[start..i + 3 + digits]);
    }
    None
}

/// "MDL No. 2168".
fn mdl_number(s: &str) -> Option<String> {
    let at = s.find("MDL No.")?;
    let rest = &s[at + 7..];
    let digits_at = rest.len() - rest.trim_start().len();
    if digits_at == 0 {
        return None;
    }
    let digits: String = rest[digits_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some(format!("MDL No. {digits}"))
}

/// The caption in the first line of a district case block, as juriscraper
/// finds it: a line with "v."/"vs" in it, or after "Case title:", or from
/// "In re" or "In the matter of" on.
pub fn caption(first: &str) -> Option<String> {
    let strip_title = |s: &str| -> String {
        match find_ignore_case(s, "case title:") {
            Some(0) => s[11..].trim_start().to_owned(),
            _ => s.to_owned(),
        }
    };
    if has_versus(first, false) || has_versus(first, true) {
        // Only "Case title:" at the very start is dropped (the optional
        // prefix of juriscraper's pattern).
        return Some(strip_title(first));
    }
    if let Some(at) = find_ignore_case(first, "case title:") {
        return Some(first[at + 11..].trim_start().to_owned());
    }
    for start in ["in re ", "in re: ", "in the matter "] {
        if let Some(at) = find_ignore_case(first, start) {
            let boundary = at == 0 || !first.as_bytes()[at - 1].is_ascii_alphanumeric();
            if boundary {
                return Some(first[at..].to_owned());
            }
        }
    }
    None
}

/// A word "v", "vs", "v." or "vs." followed by a space.
fn has_versus(s: &str, any_case: bool) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        let v = if any_case {
            b[i].to_ascii_lowercase()
        } else {
            b[i]
        };
        if v != b'v' || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) {
            return false;
        }
        let mut j = i + 1;
        let s_ = if any_case {
            b.get(j).map(u8::to_ascii_lowercase)
        } else {
            b.get(j).copied()
        };
        if s_ == Some(b's') {
            j += 1;
        }
        if b.get(j) == Some(&b'.') {
            j += 1;
        }
        b.get(j).is_some_and(|c| c.is_ascii_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::{caption, district_number, docket_number};

    #[test]
    fn docket_numbers() {
        assert_eq!(
            district_number("CIVIL DOCKET FOR CASE #: 3:23-cv-04557-JCS"),
            Some("3:23-cv-04557")
        );
        assert_eq!(
            district_number("1:17-cr-00201-ABJ-1"),
            Some("1:17-cr-00201")
        );
        assert_eq!(district_number("Case 2023-cv-1"), None);
        let h = |s: &str| vec![s.to_owned()];
        assert_eq!(
            docket_number(
                &h("U.S. Bankruptcy Court Alaska Bankruptcy Petition #: 95-00236"),
                true
            ),
            Some("95-00236".to_owned())
        );
        assert_eq!(
            docket_number(&h("Panel DOCKET FOR CASE #: MDL No. 2168"), false),
            Some("MDL No. 2168".to_owned())
        );
        assert_eq!(docket_number(&h("nothing"), false), None);
    }

    #[test]
    fn captions() {
        assert_eq!(
            caption("T. et al v. OpenAI LP et al").as_deref(),
            Some("T. et al v. OpenAI LP et al")
        );
        assert_eq!(
            caption("Case title: USA v. MANAFORT et al").as_deref(),
            Some("USA v. MANAFORT et al")
        );
        assert_eq!(
            caption("Case title: In the Matter of Search Warrants").as_deref(),
            Some("In the Matter of Search Warrants")
        );
        assert_eq!(
            caption("IN RE: Bear Stearns").as_deref(),
            Some("IN RE: Bear Stearns")
        );
        assert_eq!(caption("Assigned to: Judge"), None);
    }
}
