//! The docket entries: the table headed "Date Filed | # | Docket Text" (or
//! "Filing Date", "Docket Date", "Date Entered"), and the header-less tables
//! after it when PACER splits a long report. Each row is a date, a number
//! (a link to the document, or nothing for an unnumbered entry) and the
//! clerk's text; a row with no date holds the attachments of the entry
//! above it (the "View multiple documents" layout).

use chrono::NaiveDate;

use crate::html::{clean, Ref};
use crate::{DocumentLink, Entry};

use super::case::{cell_lines, date_token, parse_date};

/// The entry tables: the one with the "Docket Text" header and the tables
/// beside it that continue it.
pub fn tables(root: Ref<'_>) -> Vec<Ref<'_>> {
    let Some(header) = root
        .descendants()
        .filter(|n| n.as_text().is_some_and(|t| t.contains("Docket Text")))
        .find_map(|n| n.ancestors().find(|a| a.is("table")))
    else {
        return Vec::new();
    };
    let mut tables = vec![header];
    if let Some(parent) = header.parent() {
        let mut after = false;
        for sibling in parent.elements() {
            if sibling == header {
                after = true;
            } else if after && sibling.is("table") {
                let text = sibling.text();
                if !text.contains("Total file size of selected documents")
                    && !text.contains("Footer format:")
                    && !text.contains("Transaction Receipt")
                {
                    tables.push(sibling);
                }
            }
        }
    }
    tables
}

/// A table's rows, inside a `<tbody>` or not.
fn rows<'a>(table: Ref<'a>) -> impl Iterator<Item = Ref<'a>> + 'a {
    table.elements().flat_map(|e| {
        let group = matches!(e.name(), "tbody" | "thead" | "tfoot");
        let own = e.is("tr").then_some(e);
        own.into_iter().chain(
            group
                .then(|| e.elements().filter(|r| r.is("tr")))
                .into_iter()
                .flatten(),
        )
    })
}

/// The cells that are not a checkbox.
fn cells<'a>(row: Ref<'a>) -> Vec<Ref<'a>> {
    row.elements()
        .filter(|c| c.is("td") || c.is("th"))
        .filter(|c| !c.elements().any(|i| i.is("input")))
        .collect()
}

/// Every entry, in the court's order.
pub fn read(root: Ref<'_>, tables: &[Ref<'_>], host: Option<&str>) -> Vec<Entry> {
    let view_multiple = root
        .find_all("form")
        .any(|f| f.attr("name") == Some("view_multi_docs"));
    let mut all = tables.iter().flat_map(|t| rows(*t));
    let Some(header) = all.next() else {
        return Vec::new();
    };
    let header_cells: Vec<String> = cells(header).iter().map(|c| clean(&c.text())).collect();
    let by_entered = header_cells
        .first()
        .is_some_and(|h| h == "Date Entered" || h == "Docket Date");
    let entered_column = header_cells.len() == 4 && header_cells[1].contains("Entered");

    let mut entries: Vec<Entry> = Vec::new();
    for row in all {
        let mut cells = cells(row);
        if view_multiple && cells.len() == 4 && cells[2].text().trim().is_empty() {
            cells.remove(2);
        }
        if view_multiple && cells.len() == 5 {
            cells.remove(3);
        }
        if cells.is_empty() {
            continue;
        }
        let mut entered = None;
        if cells.len() == 4 {
            if entered_column {
                entered = parse_date(&clean(&cells[1].text()));
            }
            cells.remove(1);
        }
        let date_text = cells[0].text();
        if date_text.trim().is_empty() {
            if view_multiple && cells.len() >= 3 {
                if let Some(last) = entries.last_mut() {
                    attachments(cells[2], last, host);
                }
            }
            continue;
        }
        let Some(date_filed) = parse_date(date_token(clean(&date_text).as_str())) else {
            continue;
        };
        if cells.len() < 2 {
            continue;
        }
        // Some courts (the Northern District of Texas's bankruptcy court)
        // print the number and the text in one column: "3 (2 pgs) Notice…".
        let combined = cells.len() == 2;
        let number = document_number(cells[1])
            .filter(|n| !combined || n.bytes().all(|b| b.is_ascii_digit()));
        if number
            .as_ref()
            .is_some_and(|n| !n.bytes().all(|b| b.is_ascii_digit()))
        {
            // "doc" and the like where a number would be: not an entry.
            continue;
        }
        let description = if combined {
            combined_text(&cells[1].text())
        } else {
            clean(&cells[2].text()).replace(" ,", ",")
        };
        let text_cell = cells[cells.len().min(3) - 1];
        let date_entered = entered_on(&description)
            .or(entered)
            .or(by_entered.then_some(date_filed));
        let mut entry = Entry {
            number: number.clone(),
            date_filed,
            date_entered,
            description,
            ..Entry::default()
        };
        if let Some(number) = &number {
            for a in cells[1].find_all("a") {
                if a.text().trim() != number {
                    continue;
                }
                let href = a.attr("href").unwrap_or_default();
                if let Some(id) = doc_id(href) {
                    add_document(&mut entry, id, "Main Document", href, host);
                    break;
                }
            }
        }
        for a in attachment_links(text_cell) {
            let href = a.attr("href").unwrap_or_default();
            if let Some(id) = doc_id(href) {
                let label = attachment_label(a);
                add_document(&mut entry, id, &label, href, host);
            }
        }
        entries.push(entry);
    }
    entries
}

/// The text of a number-and-text cell without the number and the page
/// count: "3 (2 pgs) Notice of designation" is "Notice of designation".
fn combined_text(raw: &str) -> String {
    let line = raw.split('\n').find(|l| !l.trim().is_empty()).unwrap_or("");
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    if words
        .first()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        i = 1;
        // "(11 pgs)" or "(23 pgs; 4 docs)".
        let count = |w: Option<&&str>| w.is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
        let w = |k: usize| words.get(k).copied().unwrap_or("");
        if w(1).starts_with('(') && count(Some(&&w(1)[1..])) {
            if w(2) == "pgs)" {
                i = 3;
            } else if w(2) == "pgs;" && count(words.get(3)) && w(4) == "docs)" {
                i = 5;
            }
        }
    }
    clean(&words[i.min(words.len())..].join(" ")).replace(" ,", ",")
}

/// The links in the docket text that are the entry's own attachments
/// ("(Attachments: # 1 Exhibit A, # 2 …)"), not the documents it refers to
/// ("(related document(s) 67)").
fn attachment_links<'a>(cell: Ref<'a>) -> Vec<Ref<'a>> {
    let mut links = Vec::new();
    let mut in_attachments = false;
    for node in cell.descendants() {
        if let Some(t) = node.as_text() {
            if t.contains("Attachment") {
                in_attachments = true;
            } else if t.contains("related document") || t.contains(')') {
                in_attachments = t.contains("Attachment");
            }
        } else if in_attachments && node.is("a") {
            links.push(node);
        }
    }
    links
}

/// juriscraper's document number: the first word of the number cell.
fn document_number(cell: Ref<'_>) -> Option<String> {
    let lines = cell_lines(cell);
    let word = lines.iter().flat_map(|l| l.split_whitespace()).next()?;
    let word: String = word.chars().filter(|c| !c.is_whitespace()).collect();
    (!word.is_empty()).then_some(word)
}

/// "(Entered: 09/05/2023)".
fn entered_on(description: &str) -> Option<NaiveDate> {
    let at = description.find("Entered:")?;
    let rest = &description[at + 8..];
    let value = rest.trim_start();
    if value.len() == rest.len() {
        return None;
    }
    parse_date(date_token(value))
}

/// The PACER document id of a `/doc1/` link, its fourth digit made 0 as
/// juriscraper and CourtListener key documents ("035123513539" is
/// "035023513539").
pub fn doc_id(href: &str) -> Option<String> {
    let at = href
        .find("/doc1/")
        .map(|n| n + 6)
        .or_else(|| href.find("/docs1/").map(|n| n + 7))?;
    let id = href[at..].split(['?', '/', '#', '&']).next()?;
    if id.len() < 4 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}0{}", &id[..3], &id[4..]))
}

fn add_document(entry: &mut Entry, id: String, label: &str, href: &str, host: Option<&str>) {
    if entry.document_ids.contains(&id) {
        return;
    }
    let url = if href.starts_with("http://") || href.starts_with("https://") {
        Some(href.to_owned())
    } else if href.starts_with('/') {
        host.map(|h| format!("https://{h}{href}"))
    } else {
        None
    };
    if let Some(url) = url {
        entry.links.push(DocumentLink {
            description: label.to_owned(),
            url,
        });
    }
    entry.document_ids.push(id);
}

/// What an attachment link in the docket text is: the words after it
/// ("# 1 Civil Cover Sheet, # 2 Exhibit A" gives "Civil Cover Sheet").
fn attachment_label(a: Ref<'_>) -> String {
    let number = clean(&a.text());
    let after = a
        .parent()
        .and_then(|p| {
            let mut found = false;
            p.children().find(|c| {
                if *c == a {
                    found = true;
                    return false;
                }
                found
            })
        })
        .and_then(|n| n.as_text().map(str::to_owned))
        .unwrap_or_default();
    let words = clean(after.split([',', '#', ')']).next().unwrap_or_default());
    match (words.is_empty(), number.is_empty()) {
        (false, _) => words,
        (true, false) => format!("Attachment {number}"),
        (true, true) => "Attachment".to_owned(),
    }
}

/// The attachments of a "View multiple documents" row: number, description,
/// and a checkbox whose value starts with the document id's tail.
fn attachments(cell: Ref<'_>, entry: &mut Entry, host: Option<&str>) {
    let prefix = entry
        .document_ids
        .first()
        .and_then(|id| id.get(..3))
        .map(str::to_owned);
    let Some(table) = cell.find("table") else {
        return;
    };
    for row in table.find_all("tr") {
        let texts: Vec<String> = row
            .elements()
            .filter(|c| c.is("td"))
            .map(|c| clean(&c.text()))
            .collect();
        let Some(number_at) = texts.iter().position(|t| !t.is_empty()) else {
            continue;
        };
        if texts[number_at] == "0" || !texts[number_at].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let description = texts
            .get(number_at + 1)
            .filter(|d| !d.is_empty())
            .cloned()
            .unwrap_or_else(|| format!("Attachment {}", texts[number_at]));
        let value = row
            .find_all("input")
            .find_map(|i| i.attr("value"))
            .and_then(|v| v.split('-').next())
            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
        if let (Some(prefix), Some(tail)) = (&prefix, value) {
            let id = format!("{prefix}0{tail}");
            let href = format!("/doc1/{id}");
            add_document(entry, id, &description, &href, host);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{doc_id, entered_on};
    use chrono::NaiveDate;

    #[test]
    fn ids_and_dates() {
        assert_eq!(
            doc_id("https://ecf.cand.uscourts.gov/doc1/035123513539"),
            Some("035023513539".to_owned())
        );
        assert_eq!(
            doc_id("/doc1/0220122634?caseid=7738"),
            Some("0220122634".to_owned())
        );
        assert_eq!(doc_id("/cgi-bin/show_case_doc?1"), None);
        assert_eq!(
            entered_on("Proposed Summons. (Filed on 9/6/2023) (Entered: 09/06/2023)"),
            NaiveDate::from_ymd_opt(2023, 9, 6)
        );
        assert_eq!(entered_on("nothing"), None);
    }
}
