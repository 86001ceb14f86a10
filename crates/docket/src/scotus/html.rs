//! supremecourt.gov docket pages, HTML, in the three layouts the Court has
//! used: cards (`div#proceedings` of `table.ProceedingItem`, `div#Contacts`
//! of cards), tables (`table#docketinfo`, `table#proceedings`,
//! `table#Contacts`), and the old `.htm` pages (plain tables headed
//! `~~Date~~` and `~~Name~~`).

use super::json::{add_counsel, document_ids, originating};
use crate::html::{clean, Html, Ref};
use crate::rss::caption::short_form;
use crate::{date, Attorney, Docket, DocumentLink, Entry, Error, Party, Result};

/// Whether the page is a supremecourt.gov docket page.
pub fn looks_like(text: &str) -> bool {
    (text.contains("id=\"docketinfo\"") || text.contains("id='docketinfo'"))
        || (text.contains("~~Date~~") && text.contains("Title:"))
}

/// Read a supremecourt.gov docket page.
pub fn parse(text: &str) -> Result<Docket> {
    let html = Html::parse(text);
    let root = html.root();
    let info = root
        .find_all("table")
        .find(|t| t.attr("id") == Some("docketinfo"));
    let mut docket = match info {
        Some(info) => current(root, info),
        None => old(root),
    };
    if docket.docket_number.is_empty() {
        return Err(Error::invalid(
            "this supremecourt.gov page has no docket number (\"No. 16-1014\"): \
             is it a docket page, saved whole?",
        ));
    }
    if docket.entries.is_empty() && docket.date_filed.is_none() {
        return Err(Error::invalid(format!(
            "the supremecourt.gov page for {} has no proceedings and no docketed date: \
             it may be cut short",
            docket.docket_number
        )));
    }
    docket.court_id = Some("scotus".to_owned());
    Ok(docket)
}

fn has_class(el: Ref<'_>, class: &str) -> bool {
    el.attr("class")
        .is_some_and(|c| c.split_whitespace().any(|w| w.eq_ignore_ascii_case(class)))
}

fn cells<'a>(tr: Ref<'a>) -> Vec<Ref<'a>> {
    tr.elements().filter(|c| c.is("td") || c.is("th")).collect()
}

fn cell_text(td: Ref<'_>) -> String {
    clean(&td.text_with_breaks())
}

/// The caption in its short form, without a dangling "v." when there is no
/// respondent.
fn caption(title: &str) -> String {
    let name = short_form(title);
    name.strip_suffix(" v.")
        .or_else(|| name.strip_suffix(", v."))
        .unwrap_or(&name)
        .trim_end_matches(',')
        .to_owned()
}

/// The card and table layouts: `table#docketinfo` and what follows it.
fn current(root: Ref<'_>, info: Ref<'_>) -> Docket {
    let mut docket = Docket::default();
    let title = info
        .find_all("span")
        .find(|s| has_class(*s, "DocketInfoTitle"))
        .map(|s| clean(&s.text()))
        .unwrap_or_default();
    docket.docket_number = number_after_no(&title);
    let (mut court, mut numbers, mut decided) = (String::new(), String::new(), String::new());
    for tr in info.find_all("tr") {
        let tds = cells(tr);
        if tds.len() < 2 {
            continue;
        }
        let value = cell_text(tds[1]);
        match cell_text(tds[0]).as_str() {
            "Title:" => docket.case_name = caption(&value),
            "Docketed:" => docket.date_filed = date::parse(&value),
            "Lower Ct:" => court = value,
            "Case Numbers:" | "Case Nos.:" => numbers = value,
            "Decision Date:" => decided = value,
            _ => {}
        }
    }
    docket.originating = originating(&court, &numbers, &decided);

    // Proceedings: cards, else a table.
    let cards = root
        .find_all("div")
        .find(|d| d.attr("id") == Some("proceedings"));
    let table = root
        .find_all("table")
        .find(|t| t.attr("id") == Some("proceedings"));
    if let Some(cards) = cards {
        for item in cards
            .find_all("table")
            .filter(|t| has_class(*t, "ProceedingItem"))
        {
            for tr in item.find_all("tr") {
                let tds = cells(tr);
                let Some(when) = tds.iter().find(|t| has_class(**t, "ProceedingDate")) else {
                    continue;
                };
                let Some(what) = tds.iter().find(|t| !has_class(**t, "ProceedingDate")) else {
                    continue;
                };
                push_entry(&mut docket.entries, &cell_text(*when), *what);
            }
        }
    } else if let Some(table) = table {
        for tr in table.find_all("tr") {
            let tds = cells(tr);
            if tds.len() < 2
                || tds
                    .iter()
                    .any(|t| has_class(*t, "proceedingheader") || has_class(*t, "borderbttm"))
            {
                continue;
            }
            push_entry(&mut docket.entries, &cell_text(tds[0]), tds[1]);
        }
    }

    // Counsel: cards, else a table.
    let contacts = root
        .find_all("div")
        .find(|d| d.attr("id") == Some("Contacts"));
    let contacts_table = root
        .find_all("table")
        .find(|t| t.attr("id") == Some("Contacts"));
    if let Some(contacts) = contacts {
        for card in contacts.find_all("div").filter(|d| has_class(*d, "card")) {
            let Some(heading) = card.find_all("div").find(|d| has_class(*d, "card-heading")) else {
                continue;
            };
            let Some(side) = side_of(&clean(&heading.text())) else {
                continue;
            };
            let names: Vec<Ref<'_>> = card
                .find_all("div")
                .filter(|d| has_class(*d, "ContactName"))
                .collect();
            let data: Vec<Ref<'_>> = card
                .find_all("div")
                .filter(|d| has_class(*d, "ContactData2"))
                .collect();
            for (i, name) in names.iter().enumerate() {
                let (attorney, party) = card_attorney(*name, data.get(i).copied());
                add_counsel(&mut docket.parties, side, &party, attorney);
            }
        }
    } else if let Some(table) = contacts_table {
        table_counsel(table, &mut docket.parties);
    }
    docket
}

/// "No. 16-1014" is 16-1014.
fn number_after_no(text: &str) -> String {
    text.split_once("No.")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or_default()
        .to_owned()
}

fn side_of(heading: &str) -> Option<&'static str> {
    let h = heading.to_ascii_lowercase();
    if h.contains("petitioner") || h.contains("applicant") || h.contains("appellant") {
        Some("Petitioner")
    } else if h.contains("respondent") || h.contains("appellee") {
        Some("Respondent")
    } else if h.contains("other") {
        Some("Other")
    } else {
        None
    }
}

/// The text of a cell up to its first line break or its document links,
/// and the documents it links to.
fn push_entry(entries: &mut Vec<Entry>, when: &str, cell: Ref<'_>) {
    let Some(date_filed) = date::parse(when) else {
        return;
    };
    let mut text = String::new();
    for child in cell.children() {
        if child.is("br") || has_class(child, "documentlinks") {
            break;
        }
        match child.as_text() {
            Some(t) => text.push_str(t),
            None => text.push_str(&child.text()),
        }
    }
    let mut text = clean(&text);
    if text.is_empty() {
        text = cell_text(cell);
    }
    let links: Vec<DocumentLink> = cell
        .find_all("a")
        .filter_map(|a| {
            let href = a.attr("href")?.trim();
            if href.is_empty() || href == "#" {
                return None;
            }
            let label = clean(&a.text());
            Some(DocumentLink {
                description: if label.is_empty() {
                    "Document".to_owned()
                } else {
                    label
                },
                url: absolute(href),
            })
        })
        .collect();
    entries.push(Entry {
        date_filed,
        description: text,
        document_ids: document_ids(&links),
        links,
        ..Entry::default()
    });
}

fn absolute(href: &str) -> String {
    if href.starts_with("http") {
        href.to_owned()
    } else {
        format!(
            "https://www.supremecourt.gov/{}",
            href.trim_start_matches(['.', '/'])
        )
    }
}

/// A counsel card: the name (up to the first break), "Counsel of Record",
/// the address lines, phone, email, and the party's name.
fn card_attorney(name: Ref<'_>, data: Option<Ref<'_>>) -> (Attorney, String) {
    let mut attorney = Attorney::default();
    let mut first = String::new();
    for child in name.children() {
        if child.is("br") {
            break;
        }
        first.push_str(&child.as_text().map_or_else(|| child.text(), str::to_owned));
    }
    attorney.name = clean(&first);
    if clean(&name.text()).contains("Counsel of Record") {
        attorney.roles.push("Counsel of Record".to_owned());
    }
    let mut party = String::new();
    let mut contact = Vec::new();
    if let Some(data) = data {
        for span in data.find_all("span") {
            let t = clean(&span.text());
            if has_class(span, "address1") {
                contact.extend(
                    span.text_with_breaks()
                        .lines()
                        .map(clean)
                        .filter(|l| !l.is_empty()),
                );
            } else if has_class(span, "phonenumber") {
                contact.push(t.trim_start_matches("Ph:").trim().to_owned());
            } else if has_class(span, "emailaddress") {
                contact.push(t);
            } else if has_class(span, "partyname") {
                party = t.trim_start_matches("Party name:").trim().to_owned();
            }
        }
    }
    attorney.contact = contact
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (attorney, party)
}

/// `table#Contacts`: a header row per side, a row per attorney (name,
/// address, phone), then "Party name: …".
fn table_counsel(table: Ref<'_>, parties: &mut Vec<Party>) {
    let mut side = None;
    let mut pending: Vec<Attorney> = Vec::new();
    for tr in table.find_all("tr") {
        let tds = cells(tr);
        if tds.iter().any(|t| has_class(*t, "ContactSubHeader")) {
            flush(parties, side, "", &mut pending);
            side = side_of(&cell_text(tr));
            continue;
        }
        let row = cell_text(tr);
        if let Some(name) = row.strip_prefix("Party name:") {
            flush(parties, side, name.trim(), &mut pending);
            continue;
        }
        if tds.len() != 3 || side.is_none() {
            continue;
        }
        let mut name = String::new();
        for child in tds[0].children() {
            if child.is("br") {
                break;
            }
            name.push_str(&child.as_text().map_or_else(|| child.text(), str::to_owned));
        }
        let mut contact: Vec<String> = tds[1]
            .text_with_breaks()
            .lines()
            .map(clean)
            .filter(|l| !l.is_empty())
            .collect();
        let phone = cell_text(tds[2]);
        if !phone.is_empty() {
            let at = contact
                .iter()
                .position(|l| l.contains('@'))
                .unwrap_or(contact.len());
            contact.insert(at, phone);
        }
        pending.push(Attorney {
            name: clean(&name),
            contact: contact.join("\n"),
            roles: if cell_text(tds[0]).contains("Counsel of Record") {
                vec!["Counsel of Record".to_owned()]
            } else {
                Vec::new()
            },
        });
    }
    flush(parties, side, "", &mut pending);
}

fn flush(parties: &mut Vec<Party>, side: Option<&str>, party: &str, pending: &mut Vec<Attorney>) {
    for attorney in pending.drain(..) {
        add_counsel(parties, side.unwrap_or("Other"), party, attorney);
    }
}

/// The old `.htm` pages: rows of plain tables, read in order.
fn old(root: Ref<'_>) -> Docket {
    #[derive(PartialEq)]
    enum Part {
        Case,
        Proceedings,
        Counsel,
    }
    let mut docket = Docket::default();
    let mut part = Part::Case;
    let (mut court, mut numbers, mut decided) = (String::new(), String::new(), String::new());
    let mut title: Vec<String> = Vec::new();
    let mut in_title = false;
    let mut docketed_below = false;
    let mut side: Option<&str> = None;
    let mut attorney: Option<Attorney> = None;
    let mut pending: Vec<Attorney> = Vec::new();
    for tr in root.find_all("tr") {
        let nested = tr.find("table").is_some();
        let tds = cells(tr);
        let texts: Vec<String> = tds.iter().map(|t| cell_text(*t)).collect();
        let first = texts.first().map(String::as_str).unwrap_or("");
        if nested && !(tds.len() >= 2 && first == "Title:") {
            continue;
        }
        if texts.len() >= 2 && first.contains("~~Date~~") {
            part = Part::Proceedings;
            continue;
        }
        if texts.len() >= 2 && first.contains("~~Name~~") {
            part = Part::Counsel;
            continue;
        }
        match part {
            Part::Case => {
                if docket.docket_number.is_empty() && first.starts_with("No.") {
                    docket.docket_number = number_after_no(first);
                }
                if let Some(at) = texts.iter().position(|t| t == "Title:") {
                    title.extend(texts[at + 1..].iter().filter(|t| !t.is_empty()).cloned());
                    in_title = true;
                    continue;
                }
                if docketed_below {
                    // Old layout: the row under "Docketed: | Lower Ct: | court".
                    docket.date_filed = date::parse(first);
                    numbers = texts.last().cloned().unwrap_or_default();
                    docketed_below = false;
                    continue;
                }
                if texts.len() >= 3 && first == "Docketed:" && texts[1] == "Lower Ct:" {
                    court = texts[2].clone();
                    docketed_below = true;
                    in_title = false;
                    continue;
                }
                if in_title && texts.len() >= 3 && texts[0].is_empty() && texts[1].is_empty() {
                    title.push(texts[2].clone());
                    continue;
                }
                in_title = false;
                let value = texts.get(1).cloned().unwrap_or_default();
                match first {
                    "Docketed:" => docket.date_filed = date::parse(&value),
                    "Lower Ct:" => court = value,
                    "Case Nos.:" | "Case Numbers:" => numbers = value,
                    "Decision Date:" => decided = value,
                    _ => {}
                }
            }
            Part::Proceedings => {
                if texts.len() < 2 {
                    continue;
                }
                let text = &texts[1];
                if !first.is_empty() {
                    if let Some(date_filed) = date::parse(first) {
                        docket.entries.push(Entry {
                            date_filed,
                            description: text.clone(),
                            ..Entry::default()
                        });
                    }
                } else if !text.is_empty() && !text.contains("*****") {
                    if let Some(e) = docket.entries.last_mut() {
                        if !e.description.is_empty() {
                            e.description.push(' ');
                        }
                        e.description.push_str(text);
                    }
                }
            }
            Part::Counsel => {
                let name = first;
                let address = texts.get(1).cloned().unwrap_or_default();
                if let Some(party) = texts.join(" ").trim().strip_prefix("Party name:") {
                    pending.extend(attorney.take());
                    flush(&mut docket.parties, side, party.trim(), &mut pending);
                } else if name.starts_with("Attorneys for") || (name == "Other" || name == "Other:")
                {
                    pending.extend(attorney.take());
                    flush(&mut docket.parties, side, "", &mut pending);
                    side = side_of(name);
                } else if name.contains("Counsel of Record") {
                    if let Some(a) = attorney.as_mut() {
                        a.roles = vec!["Counsel of Record".to_owned()];
                        push_line(a, &address);
                    }
                } else if !name.is_empty() {
                    pending.extend(attorney.take());
                    let mut a = Attorney {
                        name: name.to_owned(),
                        ..Attorney::default()
                    };
                    push_line(&mut a, &address);
                    push_line(&mut a, texts.get(2).map(String::as_str).unwrap_or(""));
                    attorney = Some(a);
                } else if let Some(a) = attorney.as_mut() {
                    push_line(a, &address);
                }
            }
        }
    }
    pending.extend(attorney.take());
    flush(&mut docket.parties, side, "", &mut pending);
    docket.case_name = caption(&title.join(" "));
    docket.originating = originating(&court, &numbers, &decided);
    docket
}

fn push_line(a: &mut Attorney, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if !a.contact.is_empty() {
        a.contact.push('\n');
    }
    a.contact.push_str(line);
}
