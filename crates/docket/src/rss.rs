//! CM/ECF RSS feeds of recent docket entries (district, bankruptcy and
//! appellate).
//!
//! Each `<item>` is one entry of one case: the title is the docket number
//! and the caption ("1:23-cv-01234 Smith v. Jones"), the description the
//! entry's short text in brackets and a link to its document
//! ("[Order on Motion] (<a href='…/doc1/…'>12</a>)": 12 is the entry
//! number; appellate feeds often print "Document" instead), and the
//! publication date the filing time. The court is the feed's host
//! (`ecf.ca10.uscourts.gov` is "ca10"). Items of the same case become one
//! docket; the events of one multi-event filing (same time, same document)
//! become one entry, their texts joined with " AND " as CourtListener does.

pub(crate) mod caption;
mod xml;

use std::collections::HashMap;

use crate::html::{clean, decode_entities, Html};
use crate::{date, Docket, DocumentLink, Entry, Error, Result};

/// Whether the text is an RSS feed.
pub fn looks_like(text: &str) -> bool {
    let head = head(text, 4096);
    head.contains("<rss") && !head.contains("<html") && !head.contains("<HTML")
}

/// Read a feed: one docket per case it names, each with its new entries,
/// oldest first.
pub fn parse(text: &str) -> Result<Vec<Docket>> {
    let root = xml::parse(text).map_err(|e| {
        let cut = if e.message.starts_with("it ends inside") {
            " (the file is cut short)"
        } else {
            ""
        };
        Error::invalid(format!(
            "the RSS feed is not well-formed XML at line {}, column {}: {}{cut}",
            e.line, e.column, e.message
        ))
    })?;
    if root.name != "rss" {
        return Err(Error::invalid(format!(
            "this XML is not an RSS feed: its root element is <{}>, not <rss>",
            root.name
        )));
    }
    let channel = root
        .child("channel")
        .ok_or_else(|| Error::invalid("the RSS feed has no <channel>"))?;
    let feed_court = court_from_url(channel.child_text("link"));
    let items: Vec<&xml::Element> = channel.children_named("item").collect();
    if items.is_empty() {
        return Err(Error::invalid(
            "the RSS feed lists no docket entries (it has no <item>)",
        ));
    }

    let mut dockets: Vec<Docket> = Vec::new();
    // Per docket, the publication time and case link of each entry (to
    // merge the events of one filing).
    let mut stamps: Vec<Vec<(String, String)>> = Vec::new();
    let mut by_number: HashMap<String, usize> = HashMap::new();
    let mut first_problem = None;
    for item in &items {
        let read = match read_item(item) {
            Ok(read) => read,
            Err(why) => {
                first_problem.get_or_insert(why);
                continue;
            }
        };
        let court = feed_court
            .clone()
            .or_else(|| court_from_url(item.child_text("link")));
        let at = *by_number
            .entry(read.docket_number.clone())
            .or_insert_with(|| {
                dockets.push(Docket {
                    court_id: court,
                    docket_number: read.docket_number.clone(),
                    ..Docket::default()
                });
                stamps.push(Vec::new());
                dockets.len() - 1
            });
        let docket = &mut dockets[at];
        if docket.case_name.is_empty() {
            docket.case_name = read.case_name;
        }
        let same_filing = stamps[at]
            .iter()
            .zip(&docket.entries)
            .position(|((s, _), e)| {
                *s == read.stamp
                    && e.number == read.entry.number
                    && e.document_ids == read.entry.document_ids
            });
        match same_filing {
            Some(i) => {
                // One filing's events; or, in a criminal case, the same
                // filing listed once per defendant ("1:12-cr-00120-2").
                let entry = &mut docket.entries[i];
                if stamps[at][i].1 == read.case_link {
                    let mut texts: Vec<&str> =
                        entry.description.split(" AND ").map(str::trim).collect();
                    texts.push(&read.entry.description);
                    texts.sort_unstable();
                    entry.description = texts.join(" AND ");
                }
            }
            None => {
                docket.entries.push(read.entry);
                stamps[at].push((read.stamp, read.case_link));
            }
        }
    }
    if dockets.is_empty() {
        return Err(Error::invalid(format!(
            "none of the RSS feed's {} items is a docket entry: {}",
            items.len(),
            first_problem.unwrap_or_default()
        )));
    }
    for docket in &mut dockets {
        // Feeds list the newest first; a docket lists the oldest first.
        docket.entries.reverse();
    }
    Ok(dockets)
}

struct Item {
    docket_number: String,
    case_name: String,
    entry: Entry,
    stamp: String,
    /// The item's link to its case (the defendant's, in a criminal case).
    case_link: String,
}

fn read_item(item: &xml::Element) -> std::result::Result<Item, String> {
    // Titles are HTML inside XML: "Food &amp;amp; Water Watch" is "Food & Water Watch".
    let title = clean(&decode_entities(item.child_text("title")));
    let (first, rest) = title.split_once(' ').unwrap_or((&title, ""));
    let docket_number = core_number(first)
        .ok_or_else(|| format!("an item's title does not start with a docket number: \"{title}\""))?
        .to_owned();
    let stamp = item.child_text("pubDate").to_owned();
    let date_filed = date::parse(&stamp)
        .ok_or_else(|| format!("the item for {docket_number} has no date (pubDate \"{stamp}\")"))?;

    let summary = item.child_text("description");
    let snippet = Html::parse(summary);
    let anchor = snippet
        .root()
        .find_all("a")
        .find(|a| a.attr("href").is_some());
    let (mut number, mut document_ids, mut links) = (None, Vec::new(), Vec::new());
    if let Some(a) = anchor {
        let href = a.attr("href").unwrap_or_default().trim();
        let label = clean(&a.text());
        if !label.is_empty() && label.len() <= 7 && label.bytes().all(|b| b.is_ascii_digit()) {
            number = Some(label.clone());
        }
        if let Some(id) = doc_id(href) {
            document_ids.push(id);
        }
        if href.starts_with("http") {
            links.push(DocumentLink {
                description: if number.is_some() || label.is_empty() {
                    "Document".to_owned()
                } else {
                    label
                },
                url: href.to_owned(),
            });
        }
    }
    let text = clean(&snippet.root().text());
    let description = match text.find('[') {
        Some(open) => match text[open + 1..].find(']') {
            Some(close) => clean(&text[open + 1..open + 1 + close]),
            None => text[open + 1..].trim().to_owned(),
        },
        None => text,
    };
    Ok(Item {
        docket_number,
        case_name: caption::short_form(rest),
        entry: Entry {
            number,
            date_filed,
            description,
            document_ids,
            links,
            ..Entry::default()
        },
        stamp,
        case_link: item.child_text("link").to_owned(),
    })
}

/// The docket number at the start of a title token, without the judges'
/// initials and defendant number CM/ECF appends: "1:17-cr-00554-MKB" is
/// "1:17-cr-00554", "16-10992-smb" is "16-10992", "22-1120" stays.
fn core_number(token: &str) -> Option<&str> {
    let b = token.as_bytes();
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    let office = digits(0);
    if (1..=2).contains(&office) && b.get(office) == Some(&b':') {
        i = office + 1;
    }
    if digits(i) != 2 || b.get(i + 2) != Some(&b'-') {
        return None;
    }
    i += 3;
    let kind = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic() || **c == b'~')
        .count();
    if kind > 0 {
        if kind > 5 || b.get(i + kind) != Some(&b'-') {
            return None;
        }
        i += kind + 1;
    }
    let n = digits(i);
    if n == 0 || n > 10 {
        return None;
    }
    Some(&token[..i + n])
}

/// The PACER document id of a `/doc1/` or `/docs1/` link, its fourth digit
/// made 0 as CourtListener keys them ("127122264358" is "127022264358").
fn doc_id(href: &str) -> Option<String> {
    let at = href
        .find("/doc1/")
        .map(|n| n + 6)
        .or_else(|| href.find("/docs1/").map(|n| n + 7))?;
    let id = href[at..].split(['?', '/', '#']).next()?;
    if id.len() < 4 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}0{}", &id[..3], &id[4..]))
}

/// The courts-db id of a CM/ECF host: `https://ecf.ca10.uscourts.gov` is "ca10".
pub(crate) fn court_from_url(url: &str) -> Option<String> {
    let host = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = host.split(['/', ':', '?']).next()?.to_ascii_lowercase();
    let name = host.strip_suffix(".uscourts.gov")?;
    let name = name.rsplit('.').next()?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some(
        match name {
            "cofc" => "uscfc",
            other => other,
        }
        .to_owned(),
    )
}

/// The first `n` bytes of `text` (fewer, to end on a character boundary).
fn head(text: &str, n: usize) -> &str {
    let mut end = text.len().min(n);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::{core_number, court_from_url, doc_id};

    #[test]
    fn docket_numbers_in_titles() {
        assert_eq!(core_number("1:17-cr-00554-MKB"), Some("1:17-cr-00554"));
        assert_eq!(core_number("1:18-cv-03365"), Some("1:18-cv-03365"));
        assert_eq!(core_number("16-10992-smb"), Some("16-10992"));
        assert_eq!(core_number("11-8"), Some("11-8"));
        assert_eq!(core_number("5:18-~gr-00001"), Some("5:18-~gr-00001"));
        assert_eq!(core_number("Eastern"), None);
        assert_eq!(core_number("2023-01"), None);
        assert_eq!(core_number(""), None);
        assert_eq!(core_number("1:"), None);
    }

    #[test]
    fn ids_and_courts() {
        assert_eq!(
            doc_id("https://ecf.nysd.uscourts.gov/doc1/127122264358?caseid=492165&de_seq_num=10"),
            Some("127022264358".to_owned())
        );
        assert_eq!(
            doc_id("https://ecf.ca10.uscourts.gov/docs1/010010807970"),
            Some("010010807970".to_owned())
        );
        assert_eq!(
            doc_id("https://ecf.nyed.uscourts.gov/cgi-bin/show_case_doc?1"),
            None
        );
        assert_eq!(
            court_from_url("https://ecf.ca10.uscourts.gov"),
            Some("ca10".to_owned())
        );
        assert_eq!(
            court_from_url("https://ecf.nysd.uscourts.gov/cgi-bin/DktRpt.pl?1"),
            Some("nysd".to_owned())
        );
        assert_eq!(court_from_url("https://example.com/feed"), None);
    }
}
