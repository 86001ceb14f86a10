//! The docket entries: rows of three cells, the filing date, the document
//! (a link to it, its number, or nothing) and the clerk's text. The number
//! is the entry's own number where the court prints one (the BAPs, the
//! Ninth Circuit), else the document's id, as juriscraper numbers them; an
//! entry with neither is unnumbered. A row with no date holds the
//! attachments of the entry above it ("View multiple documents").

use crate::html::{clean, Ref};
use crate::{DocumentLink, Entry};

/// The entries in the rows of `section`, in the court's order.
pub fn read<'a>(rows: impl Iterator<Item = Ref<'a>>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for row in rows {
        let cells: Vec<Ref<'_>> = row.elements().filter(|c| c.is("td")).collect();
        if cells.len() == 1 && clean(&cells[0].text()) == "No docket entries found." {
            break;
        }
        if cells.len() < 3 {
            continue;
        }
        let date = clean(&cells[0].text());
        let Some(date_filed) = crate::date::parse(&date) else {
            // The attachments of the entry above.
            if date.is_empty() {
                if let Some(last) = entries.last_mut() {
                    for a in cells[2].find_all("a") {
                        add_document(last, a, "Attachment");
                    }
                }
            }
            continue;
        };
        let description = no_space_before_commas(clean(&cells[2].text()));
        let mut entry = Entry {
            number: None,
            date_filed,
            date_entered: entered(&description),
            description,
            document_ids: Vec::new(),
            links: Vec::new(),
        };
        let first_link = cells[1].find("a");
        if let Some(a) = first_link {
            add_document(&mut entry, a, "Document");
        }
        entry.number = printed_number(cells[1])
            .or_else(|| first_link.and_then(|a| a.attr("href")).and_then(doc_id));
        entries.push(entry);
    }
    entries
}

/// "exhibits (…) , will be" is "exhibits (…), will be", as juriscraper
/// writes every docket text.
fn no_space_before_commas(text: String) -> String {
    if !text.contains(" ,") {
        return text;
    }
    text.replace(" ,", ",")
}

/// The number the document cell prints (not the page count in `<font>`).
fn printed_number(cell: Ref<'_>) -> Option<String> {
    cell.descendants()
        .filter(|n| !n.parent().is_some_and(|p| p.is("font")))
        .filter_map(|n| n.as_text())
        .map(|t| t.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}'))
        .find(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_owned)
}

/// The date in "[Entered: 01/27/2010 12:25 PM]".
pub fn entered(text: &str) -> Option<chrono::NaiveDate> {
    let mut rest = text;
    while let Some(at) = rest.find("Entered:") {
        let after = &rest[at + "Entered:".len()..];
        if after.starts_with(char::is_whitespace) {
            if let Some(d) = crate::date::parse(after.trim_start().split(']').next()?) {
                return Some(d);
            }
        }
        rest = after;
    }
    None
}

/// A document link's PACER id: the last part of its path, its fourth digit
/// made 0 ("https://ecf.ca1.uscourts.gov/docs1/00106008873" is
/// "00106008873").
pub fn doc_id(href: &str) -> Option<String> {
    let path = href.split(['?', '#']).next()?;
    let id = path.rsplit('/').next()?;
    if id.len() < 4 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}0{}", &id[..3], &id[4..]))
}

fn add_document(entry: &mut Entry, a: Ref<'_>, label: &str) {
    let Some(href) = a.attr("href") else { return };
    let Some(id) = doc_id(href) else { return };
    if entry.document_ids.contains(&id) {
        return;
    }
    entry.document_ids.push(id);
    if href.starts_with("https://") || href.starts_with("http://") {
        entry.links.push(DocumentLink {
            description: label.to_owned(),
            url: href.to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{doc_id, entered, read};
    use crate::html::Html;

    #[test]
    fn rows_numbers_and_attachments() {
        let h = Html::parse(
            "<table><tr><td>02/24/2016</td><td>&nbsp;35&nbsp;</td><td>Hold. [Entered: 02/24/2016 04:07 PM]</td></tr>\
             <tr><td>03/08/2016</td><td><a href='https://ecf.ca9.uscourts.gov/docs4/0090284296'>&nbsp;36&nbsp;</a></td><td>Opinion.</td></tr>\
             <tr><td>01/27/2010</td><td><input value='5412358'><a href='https://ecf.ca1.uscourts.gov/docs1/00106008873'><img></a><BR><Font>14 pg</FONT></td><td>Docketed.</td></tr>\
             <tr><td></td><td></td><td><table><tr><td><a href='/docs1/00106008874'>1</a></td></tr></table></td></tr>\
             <tr><td>01/28/2010</td><td>&nbsp;&nbsp;</td><td>Fee paid.</td></tr>\
             <tr><td>Date</td><td>#</td><td>Text</td></tr></table>",
        );
        let entries = read(h.root().find_all("tr"));
        let numbers: Vec<Option<&str>> = entries.iter().map(|e| e.number.as_deref()).collect();
        assert_eq!(numbers, [Some("35"), Some("36"), Some("00106008873"), None]);
        assert_eq!(entries[1].document_ids, ["0090284296"]);
        assert_eq!(entries[2].document_ids, ["00106008873", "00106008874"]);
        assert_eq!(entries[0].date_entered, entries[0].date_filed.into());
        assert_eq!(entries[1].date_entered, None);
    }

    #[test]
    fn ids_and_entered_dates() {
        assert_eq!(
            doc_id("https://ecf.ca1.uscourts.gov/docs1/00116017855?caseId=30442").as_deref(),
            Some("00106017855")
        );
        assert_eq!(doc_id("TransportRoom?servlet=x"), None);
        assert_eq!(doc_id("/docs1/é"), None);
        assert!(entered("x [Entered: 01/05/2022 11:15:00 AM]").is_some());
        assert!(entered("Entered:01/05/2022").is_none());
        assert!(entered("Entered: soon").is_none());
    }
}
