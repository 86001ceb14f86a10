//! CM/ECF appellate docket reports ("General Docket"), HTML: the courts of
//! appeals, the bankruptcy appellate panels and the Veterans Court. The
//! report runs in sections CM/ECF marks with comments ("NEW SECTION - Case
//! Stub", "Orig Court", "Party/Aty List", "DOCKET ENTRIES"); each is read
//! on its own, and a page saved without the comments is read by its shape.
//! Read the way juriscraper reads them, so the two agree entry for entry;
//! see `tests/appellate.rs`.

mod case;
mod court;
mod entries;
mod origin;
pub(crate) mod parties;

pub(crate) use court::{appellate as appellate_court, circuit_of, lower as lower_court};
pub(crate) use entries::entered;

use crate::html::{clean, Html, Ref};
use crate::rss::caption::short_form;
use crate::{Docket, Error, Result};

const PARTIES: &str = "NEW SECTION - Party/Aty List";
const CAPTION: &str = "NEW SECTION - Case Caption";
const ENTRIES: &str = "NEW SECTION - DOCKET ENTRIES";

/// Whether the page is an appellate docket report.
pub fn looks_like(text: &str) -> bool {
    let head = super::head(text, 64 * 1024);
    head.contains("NEW SECTION - Case Stub")
        || head.contains("Court of Appeals Docket #")
        || head.contains("Appellate Panel Docket #")
        || (head.contains("General Docket")
            && (head.contains("TransportRoom")
                || head.contains("uscourts.gov")
                || head.contains("CM/ECF")))
}

/// Read an appellate docket report.
pub fn parse(text: &str) -> Result<Docket> {
    if let Some(why) = super::altered(text) {
        return Err(Error::invalid(why));
    }
    let (head, party_section, entry_section) = sections(text);
    let head_html = Html::parse(head);
    let root = head_html.root();
    let (label, docket_number) = case::docket_number(root).ok_or_else(|| {
        Error::invalid(
            "this PACER appellate page has no \"Docket #\" or \"Case Number\" in its case \
             summary, so it is not a docket report: run the docket report for the case \
             (Case Search, then \"Run Docket Report\") and save that page",
        )
    })?;
    let stub = label.ancestors().find(|a| a.is("table")).unwrap_or(root);

    let court_id = heading_court(root).or_else(|| court_from_links(text));
    let party_html = party_section.map(Html::parse);
    let entry_html = entry_section.map(Html::parse);
    let parties = match &party_html {
        Some(h) => parties::read_rows(h.root().find_all("tr"), false),
        None if entry_html.is_none() => parties::read_rows(party_rows(root), false),
        None => Vec::new(),
    };
    let entries = match &entry_html {
        Some(h) => entries::read(h.root().find_all("tr")),
        None => entries::read(root.find_all("tr").filter(|r| entry_like(*r))),
    };

    if let Some(why) = cut_short(text, &entries) {
        return Err(Error::invalid(format!(
            "this PACER appellate docket report for {docket_number} is cut short: {why}; \
             save the whole page again"
        )));
    }

    let in_stub = |label: &str| case::nonempty(case::value(stub, label));
    let date = |label: &str| in_stub(label).and_then(|v| crate::date::parse(&v));
    let appeal_from = in_stub("Appeal From");
    let bankruptcy_panel = court_id.as_deref().is_some_and(|c| c.starts_with("bap"));
    let originating = origin::read(root, appeal_from.as_deref(), bankruptcy_panel);
    let case_name = case::caption(stub)
        .map(|c| short_form(&c))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| caption_from(&parties));

    Ok(Docket {
        court_id,
        docket_number,
        case_name,
        date_filed: date("Docketed"),
        date_terminated: date("Termed"),
        nature_of_suit: in_stub("Nature of Suit"),
        parties,
        entries,
        originating,
        panel: case::panel(root),
        case_type: case::case_type(root),
        fee_status: in_stub("Fee Status"),
        ..Docket::default()
    })
}

/// The page up to the party list, the party list, and the entries, by
/// CM/ECF's section comments; (the page, None, None) without them.
fn sections(text: &str) -> (&str, Option<&str>, Option<&str>) {
    let after_comment = |at: usize| {
        text[at..]
            .find("-->")
            .map_or(text.len(), |n| at + n + "-->".len())
    };
    let comment_start = |at: usize| text[..at].rfind("<!--").unwrap_or(at);
    let parties_at = text.find(PARTIES);
    let entries_at = text.find(ENTRIES);
    let head_end = [parties_at, text.find(CAPTION), entries_at]
        .into_iter()
        .flatten()
        .min()
        .map_or(text.len(), comment_start);
    let parties = parties_at.map(|at| {
        let start = after_comment(at);
        let end = text[start..]
            .find("NEW SECTION")
            .map_or(text.len(), |n| comment_start(start + n));
        &text[start..end.max(start)]
    });
    let entries = entries_at.map(|at| &text[after_comment(at)..]);
    (&text[..head_end], parties, entries)
}

/// The court of appeals its heading names ("General Docket / United States
/// Court of Appeals for the First Circuit"), else the receipt's.
fn heading_court(root: Ref<'_>) -> Option<String> {
    let heading = case::labelled(root, "General Docket")
        .and_then(|l| l.ancestors().find(|a| a.is("td")).or(Some(l)))
        .map(|td| td.text());
    heading.and_then(|h| court::appellate(&h))
}

/// The court most of the page's CM/ECF links point to ("ecf.ca1.uscourts.gov").
pub(crate) fn court_from_links(text: &str) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (at, _) in text.match_indices(".uscourts.gov").take(256) {
        let start = text[..at]
            .rfind(|c: char| !c.is_ascii_alphanumeric() && c != '.')
            .map_or(0, |n| n + 1);
        let Some(id) = crate::rss::court_from_url(&text[start..at + ".uscourts.gov".len()]) else {
            continue;
        };
        if !(id.starts_with("ca") || id.starts_with("bap") || id == "cavc") {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == id) {
            Some((_, n)) => *n += 1,
            None => counts.push((id, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(c, _)| c)
}

/// Without section comments: the rows of two half-width cells.
fn party_rows<'a>(root: Ref<'a>) -> impl Iterator<Item = Ref<'a>> + 'a {
    root.find_all("tr").filter(|r| {
        let cells: Vec<Ref<'_>> = r.elements().filter(|c| c.is("td")).collect();
        cells.len() == 2 && cells.iter().all(|c| c.attr("width") == Some("50%"))
    })
}

/// Without section comments: a row of a date, a document and text (not the
/// originating court's row of dates).
fn entry_like(row: Ref<'_>) -> bool {
    let cells: Vec<Ref<'_>> = row.elements().filter(|c| c.is("td")).collect();
    cells.len() == 3
        && crate::date::parse(&clean(&cells[0].text())).is_some()
        && crate::date::parse(&clean(&cells[2].text())).is_none()
}

/// A caption from the parties when the stub prints none.
fn caption_from(parties: &[crate::Party]) -> String {
    let first = |roles: &[&str]| {
        parties
            .iter()
            .find(|p| roles.iter().any(|r| p.role.starts_with(r)))
            .map(|p| p.name.clone())
    };
    match (
        first(&["Appellant", "Petitioner", "Plaintiff"]),
        first(&["Appellee", "Respondent", "Defendant"]),
    ) {
        (Some(a), Some(b)) => short_form(&format!("{a} v. {b}")),
        (Some(a), None) => short_form(&a),
        _ => "Unknown Case Title".to_owned(),
    }
}

/// Where a saved page stops before its end: no closing `</body>` or
/// `</html>` near its end.
fn cut_short(text: &str, entries: &[crate::Entry]) -> Option<String> {
    let tail = &text[text.len() - tail_len(text, 4096)..];
    let lower = tail.to_ascii_lowercase();
    if lower.contains("</html") || lower.contains("</body") {
        return None;
    }
    Some(match entries.last() {
        Some(last) => format!(
            "it ends after {} docket entries, the last filed {}",
            entries.len(),
            last.date_filed.format("%m/%d/%Y")
        ),
        None if text.contains(ENTRIES) => "it ends at the start of the docket entries".to_owned(),
        None => "it ends before the docket entries".to_owned(),
    })
}

/// The length of the last `n` bytes of `text`, fewer to start on a
/// character boundary.
fn tail_len(text: &str, n: usize) -> usize {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.len() - start
}

#[cfg(test)]
mod tests {
    use super::{looks_like, parse, sections};

    #[test]
    fn looks_like_an_appellate_report() {
        assert!(looks_like("<b>Court of Appeals Docket #: </b>10-1095"));
        assert!(looks_like(
            "<!-- ===================== NEW SECTION - Case Stub ======================== -->"
        ));
        assert!(!looks_like(
            "<h3>CIVIL DOCKET FOR CASE #: 3:23-cv-04557</h3>"
        ));
    }

    #[test]
    fn sections_by_comment() {
        let page = "<p>head</p><!-- = NEW SECTION - Party/Aty List = --><table>p</table>\
                    <!-- = NEW SECTION - Case Caption = --><table>c</table>\
                    <!-- = NEW SECTION - DOCKET ENTRIES = --><table>e</table>";
        let (head, parties, entries) = sections(page);
        assert_eq!(head, "<p>head</p>");
        assert_eq!(parties, Some("<table>p</table>"));
        assert_eq!(entries, Some("<table>e</table>"));
        assert_eq!(sections("x"), ("x", None, None));
    }

    #[test]
    fn no_number_no_docket() {
        let err = parse("<html><body>General Docket TransportRoom</body></html>").unwrap_err();
        assert!(err.to_string().contains("Docket #"), "{err}");
    }
}
