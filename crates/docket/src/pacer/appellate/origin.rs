//! "Originating Court Information": the lower court's case number (after
//! "District:", "0101-1 : 1:09-cv-11783-RWZ"), its court (the CM/ECF host
//! the number links to, else the "Appeal From" name), and the date of the
//! judgment or order appealed from.

use chrono::NaiveDate;

use crate::html::{clean, Ref};
use crate::Originating;

use super::case::{labelled, own_text};
use super::court;

/// The originating court of the report, with the "Appeal From" name.
/// `bankruptcy` when the appeal is from a bankruptcy court (a BAP's docket).
pub fn read(root: Ref<'_>, appeal_from: Option<&str>, bankruptcy: bool) -> Option<Originating> {
    let table = labelled(root, "Originating Court Information")
        .and_then(|l| l.ancestors().find(|a| a.is("table")));
    let court_name = appeal_from.unwrap_or_default().to_owned();
    let Some(table) = table.filter(|t| !is_none(*t)) else {
        return (!court_name.is_empty()).then(|| Originating {
            court_id: court::lower(&court_name, bankruptcy),
            court_name,
            ..Originating::default()
        });
    };
    // Each "District:" line names a lower-court case (consolidated appeals
    // can come from several); juriscraper's first, then the others.
    // An alien number ("A999-999-999") names a person, not a case: left out,
    // as juriscraper and CourtListener leave it out.
    let mut numbers: Vec<String> = Vec::new();
    for label in table
        .descendants()
        .filter(|e| e.is_element() && own_text(*e).is_some_and(|t| t.contains("District")))
    {
        let Some(td) = label.ancestors().find(|a| a.is("td")) else {
            continue;
        };
        let text = td.text();
        let n = if numbers.is_empty() {
            number(&text)
        } else {
            // Past the first line only a court's case number is taken.
            district_numbers(&clean(&text))
                .next()
                .unwrap_or_default()
                .to_owned()
        };
        if !n.is_empty() && !is_alien_number(&n) && !numbers.contains(&n) {
            numbers.push(n);
        }
    }
    let docket_number = numbers.join(", ");
    let court_id = table
        .find_all("a")
        .find_map(|a| a.attr("href"))
        .and_then(crate::rss::court_from_url)
        .or_else(|| court::lower(&court_name, bankruptcy));
    Some(Originating {
        court_id,
        court_name,
        docket_number,
        judgment_on: judgment_date(table),
    })
}

/// The table says only "None".
fn is_none(table: Ref<'_>) -> bool {
    let rows = table.find_all("tr").count();
    rows <= 2
        && table
            .find_all("td")
            .any(|td| clean(&td.text()).eq_ignore_ascii_case("none"))
}

/// The lower court's number from "District: 0101-1 : 1:09-cv-11783-RWZ":
/// a district number without the judge's initials ("1:09-cv-11783"), else
/// whatever follows the second colon ("14-16024", "A999-999-999").
fn number(cell: &str) -> String {
    let cell = clean(cell);
    if let Some(n) = district_numbers(&cell).next() {
        return n.to_owned();
    }
    cell.splitn(3, ':').nth(2).map(clean).unwrap_or_default()
}

/// The district case numbers in `text`, in order.
fn district_numbers(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    (0..b.len())
        .filter(move |&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
        .filter_map(move |i| district_number(&text[i..]))
}

/// `(\d{1,2}:)?\d\d-[a-zA-Z]{1,4}-\d{1,10}` at the start of `word`.
fn district_number(word: &str) -> Option<&str> {
    let b = word.as_bytes();
    let digits = |from: usize, max: usize| {
        b[from..]
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    let office = digits(0, 3);
    if (1..=2).contains(&office) && b.get(office) == Some(&b':') {
        i = office + 1;
    }
    if digits(i, 3) < 2 || b.get(i + 2) != Some(&b'-') {
        return None;
    }
    i += 3;
    let letters = b[i..]
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if !(1..=4).contains(&letters) || b.get(i + letters) != Some(&b'-') {
        return None;
    }
    i += letters + 1;
    let n = digits(i, 10);
    if n == 0 {
        return None;
    }
    Some(&word[..i + n])
}

fn is_alien_number(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next() == Some('A') && chars.next().is_some_and(|c| c.is_ascii_digit() || c == '-')
}

/// The date under "Date Order/Judgment:" (a court) or "Date Decided:" (an
/// agency), in the row of dates below the row of labels.
fn judgment_date(table: Ref<'_>) -> Option<NaiveDate> {
    let rows: Vec<Ref<'_>> = table.find_all("tr").collect();
    for (i, row) in rows.iter().enumerate() {
        let labels: Vec<String> = cells(*row).map(|c| clean(&c.text())).collect();
        let Some(col) = labels
            .iter()
            .position(|l| l == "Date Order/Judgment:" || l == "Date Decided:")
        else {
            continue;
        };
        let values = rows.get(i + 1)?;
        let value = cells(*values).nth(col)?;
        return crate::date::parse(&clean(&value.text()));
    }
    None
}

fn cells<'a>(row: Ref<'a>) -> impl Iterator<Item = Ref<'a>> + 'a {
    row.elements().filter(|c| c.is("td") || c.is("th"))
}

#[cfg(test)]
mod tests {
    use super::{district_number, number};

    #[test]
    fn lower_court_numbers() {
        assert_eq!(
            number("District: 0101-1 : 1:09-cv-11783-RWZ"),
            "1:09-cv-11783"
        );
        assert_eq!(
            number("District: 113C-0 : 0:16-cv-62769-RNS"),
            "0:16-cv-62769"
        );
        assert_eq!(number("District: 0978-2 : 14-16024"), "14-16024");
        assert_eq!(number("District: BIA-1 : A999-999-999"), "A999-999-999");
        assert_eq!(number("District:"), "");
        assert_eq!(district_number("17-cr-00554x"), Some("17-cr-00554"));
        assert_eq!(district_number("1:"), None);
        assert_eq!(district_number("é"), None);
    }
}
