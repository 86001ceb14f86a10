//! CM/ECF district and bankruptcy docket reports (`DktRpt.pl`), HTML: the
//! heading with the court and case number, the case block (caption, judge,
//! dates, cause, nature of suit), the parties and their lawyers, and the
//! docket entries. Read the way juriscraper reads them, so the two agree
//! entry for entry; see `tests/district.rs`.

mod case;
mod court;
mod entries;
mod names;
mod parties;

use crate::html::{clean, Html, Ref};
use crate::rss::caption::short_form;
use crate::{Docket, DocketFormat, Error, Party, Result};

use case::Lines;

/// Whether the page is a district or bankruptcy docket report, and which.
pub fn looks_like(text: &str) -> Option<DocketFormat> {
    let bankruptcy_heading =
        text.contains("Bankruptcy Petition #") || text.contains("Adversary Proceeding #");
    let district_heading = text.contains("DOCKET FOR CASE #");
    let entries = text.contains("Docket Text")
        && (text.contains("CM/ECF") || text.contains("uscourts.gov") || text.contains("DktRpt"));
    if !(bankruptcy_heading || district_heading || entries) {
        return None;
    }
    let bankruptcy_court = court::from_links(text).is_some_and(|c| c.ends_with('b'));
    if bankruptcy_heading || (bankruptcy_court && !district_heading) {
        Some(DocketFormat::PacerBankruptcy)
    } else {
        Some(DocketFormat::PacerDistrict)
    }
}

/// Read a district or bankruptcy docket report.
pub fn parse(text: &str) -> Result<Docket> {
    if let Some(why) = super::altered(text) {
        return Err(Error::invalid(why));
    }
    let html = Html::parse(text);
    let root = html.root();

    let district_headings: Vec<String> = root.find_all("h3").map(|h| h.text()).collect();
    let bankruptcy_headings: Vec<String> = root
        .find_all("center")
        .flat_map(|c| c.find_all("font"))
        .map(|f| f.text())
        .collect();
    let link_court = court::from_links(text);
    let heading_court = district_headings
        .iter()
        .chain(&bankruptcy_headings)
        .find_map(|h| court::from_heading(h));
    // The heading is the court's own word; links can point at a mirror.
    let court_id = heading_court.or(link_court);
    let bankruptcy = court_id.as_deref().map_or_else(
        || looks_like(text) == Some(DocketFormat::PacerBankruptcy),
        |c| c.ends_with('b'),
    );
    let headings = if bankruptcy {
        &bankruptcy_headings
    } else {
        &district_headings
    };
    let docket_number = case::docket_number(headings, bankruptcy)
        .or_else(|| case::docket_number(&district_headings, true))
        .or_else(|| case::docket_number(&bankruptcy_headings, true))
        .or_else(|| case::labelled_number(text))
        .ok_or_else(|| {
            Error::invalid(
                "this PACER page has no case number in its heading, so it is not a docket \
                 report: run the docket report for the case and save that page",
            )
        })?;

    let tables = entries::tables(root);
    let host = court_id.as_deref().map(|c| format!("ecf.{c}.uscourts.gov"));
    let entries = entries::read(root, &tables, host.as_deref());
    let adversary = root.descendants().any(|n| {
        n.as_text()
            .is_some_and(|t| t.contains("Adversary Proceeding"))
    });
    let parties = parties::read(root, bankruptcy, adversary, &tables);
    let lines = Lines::read(root);
    let date_filed = lines
        .date("Date Filed:", true)
        .or_else(|| lines.date("Filed Date:", true));

    if entries.is_empty() && parties.is_empty() && date_filed.is_none() {
        return Err(Error::invalid(format!(
            "this PACER docket report for {docket_number} is empty: it shows no case details, \
             parties or entries{}",
            page_message(root)
                .map(|m| format!(" (PACER says: \"{m}\")"))
                .unwrap_or_default()
        )));
    }

    let case_name = short_form(&case_name(root, &lines, &parties, bankruptcy, adversary));
    let nonempty = |s: Option<&str>| s.map(clean).filter(|s| !s.is_empty());
    Ok(Docket {
        court_id,
        docket_number,
        case_name,
        assigned_to: judge(root, &lines, "Assigned to:"),
        referred_to: judge(root, &lines, "Referred to:"),
        date_filed,
        date_terminated: lines.date("Terminated:", true),
        nature_of_suit: if adversary {
            case::adversary_natures(root)
        } else {
            nonempty(lines.value("Nature of Suit:", false))
        },
        cause: nonempty(lines.value("Cause:", false)),
        jury_demand: nonempty(lines.value("Jury Demand:", false)),
        parties,
        entries,
        originating: None,
        ..Docket::default()
    })
}

/// The caption: the case block's first line in district courts (or the
/// first plaintiff and defendant), the debtor in bankruptcy courts.
fn case_name(
    root: Ref<'_>,
    lines: &Lines,
    parties: &[Party],
    bankruptcy: bool,
    adversary: bool,
) -> String {
    if bankruptcy {
        if let Some(debtor) = parties
            .iter()
            .find(|p| p.role == "Debtor" || p.role == "Debtor In Possession")
        {
            return debtor.name.clone();
        }
        let mut name = lead_title(root).unwrap_or_else(|| "Unknown Case Title".to_owned());
        if adversary {
            name.push_str(" - Adversary Proceeding");
        }
        return name;
    }
    if let Some(caption) = case::caption(lines.first()) {
        return caption;
    }
    let first = |role: &str| parties.iter().find(|p| p.role == role).map(|p| &p.name);
    match (first("Plaintiff"), first("Defendant")) {
        (Some(p), Some(d)) => format!("{p} v. {d}"),
        _ => "Unknown Case Title".to_owned(),
    }
}

/// A bankruptcy sub-docket's "Lead BK Title": the text after that label.
fn lead_title(root: Ref<'_>) -> Option<String> {
    let label = root
        .find_all("i")
        .find(|i| i.text().contains("Lead BK Title"))?;
    let mut inside = false;
    let mut passed = false;
    for node in root.descendants() {
        if node == label {
            inside = true;
            continue;
        }
        if inside && !node.ancestors().any(|a| a == label) {
            inside = false;
            passed = true;
        }
        if passed {
            if let Some(t) = node.as_text() {
                return Some(t.trim().to_owned());
            }
        }
    }
    None
}

/// The judge after `label` in the case block, else anywhere on the page.
fn judge(root: Ref<'_>, lines: &Lines, label: &str) -> Option<String> {
    let printed = lines.value(label, true).map(str::to_owned).or_else(|| {
        root.descendants()
            .filter_map(|n| n.as_text())
            .filter(|t| !t.trim().is_empty())
            .find_map(|t| case::after_label(t, label, true).map(str::to_owned))
    })?;
    Some(names::judge_name(&printed)).filter(|n| !n.is_empty())
}

/// What PACER printed in place of entries ("There are proceedings for case
/// … but none satisfy the selection criteria").
fn page_message(root: Ref<'_>) -> Option<String> {
    root.find_all("h2")
        .map(|h| clean(&h.text()))
        .find(|t| t.len() > 20)
}

#[cfg(test)]
mod tests {
    use super::looks_like;
    use crate::DocketFormat;

    #[test]
    fn district_or_bankruptcy() {
        assert_eq!(
            looks_like("<h3>CIVIL DOCKET FOR CASE #: 3:23-cv-04557</h3>"),
            Some(DocketFormat::PacerDistrict)
        );
        assert_eq!(
            looks_like("<b>Bankruptcy Petition #: 95-00236</b>"),
            Some(DocketFormat::PacerBankruptcy)
        );
        assert_eq!(
            looks_like("<a href='https://ecf.akb.uscourts.gov/x'></a><th>Docket Text</th>"),
            Some(DocketFormat::PacerBankruptcy)
        );
        assert_eq!(looks_like("<html><body>Docket Text</body></html>"), None);
    }
}
