//! The parties and their lawyers: the tables whose rows carry a party-type
//! header (`<b><u>Plaintiff</u></b>` in district courts, `<i><b>Debtor</b></i>`
//! in bankruptcy courts, `----- Plaintiff -----` in adversary proceedings),
//! each party's name in bold with its details under it, and its lawyers in
//! the "represented by" cell. A criminal defendant's counts, offense levels
//! and complaints are added to the defendant's details.

use crate::html::{clean, Ref};
use crate::{Attorney, Party};

use super::names::title_case;

/// Every party in the report, in the court's order, a duplicate row once.
pub fn read(root: Ref<'_>, bankruptcy: bool, adversary: bool, skip: &[Ref<'_>]) -> Vec<Party> {
    let rows = party_rows(root, skip);
    let mut parties: Vec<Party> = Vec::new();
    let mut party: Option<Party> = None;
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<Ref<'_>> = row.find_all("td").collect();
        let prev = i.checked_sub(1).map(|p| rows[p]);
        let next = rows.get(i + 1).copied();
        if skipped(*row, &cells, next) {
            continue;
        }
        let row_text = row.text().trim().to_lowercase();
        // The party-type header, or a type carried in the row itself.
        if cells.len() == 1 && has_bold_underline(cells[0]) {
            party = Some(typed(party_type(&cells[0].text())));
            continue;
        }
        if row_text.contains("------") {
            let s = cells[0].text().trim().to_owned();
            if cells.len() == 1 {
                party = Some(typed(party_type(&dashes_split(&s).join(""))));
                continue;
            }
            if cells.len() == 3 {
                let printed = dashes_split(&s).into_iter().next().unwrap_or_default();
                party = Some(typed(clean(printed)));
            }
        } else if bankruptcy && cells.len() == 3 && has_italic_bold(cells[0]) {
            let role = cells[0].find("i").map(|i| i.text()).unwrap_or_default();
            party = Some(typed(party_type(&role)));
        } else if cells.len() == 3 && row_text.contains("service list") {
            party = Some(typed("Service List".to_owned()));
        }

        let prev_disposition = prev.is_some_and(|p| p.text().contains("Disposition"));
        if let Some(name) = name_cell(cells[0]).filter(|_| !prev_disposition) {
            let p = party.get_or_insert_with(Party::default);
            p.name = clean(&name.text());
            p.extra_info = details(cells[0]);
        }
        if cells.len() == 3 {
            if let Some(p) = party.as_mut() {
                p.attorneys = attorneys(cells[2]);
            }
        }
        if let Some(mut p) = party.take() {
            if p.role.is_empty() {
                p.role = "Unknown".to_owned();
            }
            if !parties.contains(&p) {
                parties.push(p.clone());
            }
            if adversary {
                // The next rows under the same header have the same role.
                party = Some(typed(p.role));
            }
        }
    }
    see_above(&mut parties);
    if !bankruptcy {
        criminal_data(&rows, &mut parties);
    }
    for p in &mut parties {
        p.attorneys.retain(|a| !a.name.is_empty());
    }
    parties
}

/// Split at each run of three or more dashes ("----- Plaintiff -----").
fn dashes_split(s: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find("---") {
        pieces.push(&rest[..at]);
        rest = rest[at..].trim_start_matches('-');
    }
    pieces.push(rest);
    pieces
}

fn typed(role: String) -> Party {
    Party {
        role,
        ..Party::default()
    }
}

/// The rows of every table that has a party-type header row.
fn party_rows<'a>(root: Ref<'a>, skip: &[Ref<'a>]) -> Vec<Ref<'a>> {
    let mut parents: Vec<Ref<'a>> = Vec::new();
    for tr in root.find_all("tr") {
        let Some(parent) = tr.parent() else { continue };
        if parents.last() == Some(&parent) || parents.contains(&parent) {
            continue;
        }
        if skip
            .iter()
            .any(|t| *t == parent || parent.parent() == Some(*t))
        {
            continue;
        }
        let Some(first) = tr.elements().find(|c| c.is("td")) else {
            continue;
        };
        let header = first.find_all("b").any(|b| {
            let under_i = b.parent().is_some_and(|p| p.is("i"));
            let has_u = b.elements().any(|u| u.is("u"));
            let dashes = b
                .children()
                .any(|t| t.as_text().is_some_and(|t| t.contains("-----")));
            under_i || has_u || dashes
        });
        if header {
            parents.push(parent);
        }
    }
    parents
        .iter()
        .flat_map(|p| p.elements().filter(|r| r.is("tr")))
        .collect()
}

fn has_bold_underline(cell: Ref<'_>) -> bool {
    cell.find_all("b").any(|b| b.elements().any(|u| u.is("u")))
}

fn has_italic_bold(cell: Ref<'_>) -> bool {
    cell.find_all("b")
        .any(|b| b.parent().is_some_and(|p| p.is("i")))
}

/// Rows that hold no party: empty ones, count and offense headers, and rows
/// with nothing in bold.
fn skipped(row: Ref<'_>, cells: &[Ref<'_>], next: Option<Ref<'_>>) -> bool {
    if cells.is_empty() {
        return true;
    }
    let text = row.text().trim().to_lowercase();
    if text.is_empty() || text == "v." {
        return true;
    }
    if has_bold_underline(cells[0]) {
        if !next.is_some_and(|n| n.find("b").is_some()) {
            return true;
        }
        if cells.len() == 3 && cells[2].text() == "Disposition" {
            return true;
        }
        false
    } else {
        row.find("b").is_none()
    }
}

/// The party's name: bold, not a type header.
fn name_cell(cell: Ref<'_>) -> Option<Ref<'_>> {
    cell.find_all("b").find(|b| {
        !b.parent().is_some_and(|p| p.is("i"))
            && !b.elements().any(|u| u.is("u"))
            && !b.text().contains("------")
    })
}

/// The lines under the name: an address, "TERMINATED: 05/06/2014", an alias.
fn details(cell: Ref<'_>) -> String {
    let mut lines: Vec<String> = Vec::new();
    for node in cell.descendants() {
        let Some(t) = node.as_text() else { continue };
        if node.parent().is_some_and(|p| p.is("b")) {
            continue;
        }
        let t = t.trim();
        if !t.is_empty() {
            lines.push(t.to_owned());
        }
    }
    lines.join("\n")
}

/// The lawyers in a "represented by" cell: each name in bold, then the
/// contact lines and the roles in italics up to the next name.
fn attorneys(cell: Ref<'_>) -> Vec<Attorney> {
    let mut out = Vec::new();
    let mut parents: Vec<Ref<'_>> = Vec::new();
    for b in cell.find_all("b") {
        if let Some(p) = b.parent() {
            if !parents.contains(&p) {
                parents.push(p);
            }
        }
    }
    for parent in parents {
        let siblings: Vec<Ref<'_>> = parent.children().collect();
        for (i, b) in siblings.iter().enumerate() {
            if !b.is("b") {
                continue;
            }
            let mut attorney = Attorney {
                name: clean(&b.text()),
                ..Attorney::default()
            };
            let following = &siblings[i + 1..];
            if following.is_empty() {
                continue;
            }
            for (k, node) in following.iter().enumerate() {
                if let Some(t) = node.as_text() {
                    let line = clean(t);
                    if !line.is_empty() {
                        attorney.contact.push_str(&line);
                        attorney.contact.push('\n');
                    }
                } else if node.is("i") {
                    let role = node.text().trim().to_owned();
                    let lower = role.to_lowercase();
                    if !lower.starts_with("bar status") && !lower.starts_with("designation") {
                        attorney.roles.push(role);
                    }
                } else if !node.is("br") && !node.is("b") {
                    // An address in a link or a span.
                    let line = clean(&node.text());
                    if !line.is_empty() {
                        attorney.contact.push_str(&line);
                        attorney.contact.push('\n');
                    }
                }
                let next = following.get(k + 1);
                if !next.is_some_and(|n| !n.is("b")) {
                    break;
                }
            }
            out.push(attorney);
        }
    }
    out
}

/// "(See above for address)" is the address printed for that lawyer earlier.
fn see_above(parties: &mut [Party]) {
    let mut known: Vec<(String, String)> = Vec::new();
    for a in parties.iter_mut().flat_map(|p| p.attorneys.iter_mut()) {
        if a.contact.is_empty() {
            continue;
        }
        let lower = a.contact.to_lowercase();
        if clean(&lower).contains("see above") {
            a.contact = known
                .iter()
                .find(|(n, _)| *n == a.name)
                .map(|(_, c)| c.clone())
                .unwrap_or_default();
        } else if let Some(k) = known.iter_mut().find(|(n, _)| *n == a.name) {
            // The latest address printed is the one "see above" means.
            k.1 = a.contact.clone();
        } else {
            known.push((a.name.clone(), a.contact.clone()));
        }
    }
}

/// A criminal defendant's counts and complaints, as lines added to the
/// defendant's details ("Pending count: 18:371; CONSPIRACY … (1)").
fn criminal_data(rows: &[Ref<'_>], parties: &mut [Party]) {
    #[derive(PartialEq)]
    enum Section {
        None,
        Offense(&'static str),
        Counts(&'static str),
        Complaints,
    }
    let mut current: Option<usize> = None;
    let mut section = Section::None;
    let mut next_party = 0;
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<Ref<'_>> = row.find_all("td").collect();
        if cells.is_empty() {
            continue;
        }
        let text = row.text().trim().to_lowercase();
        if text.is_empty() || text == "v." {
            continue;
        }
        let represented = cells.len() == 3 && clean(&cells[1].text()).contains("represented by");
        let next = rows.get(i + 1);
        let lone_type = cells.len() == 1
            && has_bold_underline(cells[0])
            && next.is_some_and(|n| {
                n.find("b").is_some() && !clean(&n.text()).contains("represented by")
            });
        if represented || lone_type {
            current = (next_party < parties.len()).then_some(next_party);
            next_party += 1;
            section = Section::None;
            continue;
        }
        let head = clean(&cells[0].text()).to_lowercase();
        if head.contains("highest offense") {
            section = if head.contains("terminated") {
                Section::Offense("terminated")
            } else {
                Section::Offense("opening")
            };
            continue;
        }
        if head.contains("pending counts") {
            section = Section::Counts("Pending");
            continue;
        }
        if head.contains("terminated counts") {
            section = Section::Counts("Terminated");
            continue;
        }
        if head.contains("complaints") {
            section = Section::Complaints;
            continue;
        }
        if has_bold_underline(cells[0]) {
            section = Section::None;
            continue;
        }
        let Some(p) = current.and_then(|c| parties.get_mut(c)) else {
            continue;
        };
        let name = clean(&cells[0].text());
        if name.is_empty() || name == "None" {
            continue;
        }
        let disposition = cells.get(2).map(|c| clean(&c.text())).unwrap_or_default();
        let line = match section {
            Section::None => continue,
            Section::Offense(when) => format!("Highest offense level ({when}): {name}"),
            Section::Counts(status) => format!("{status} count: {name}"),
            Section::Complaints => format!("Complaint: {name}"),
        };
        if !p.extra_info.is_empty() {
            p.extra_info.push('\n');
        }
        p.extra_info.push_str(&line);
        if !disposition.is_empty() && section != Section::Offense("opening") {
            p.extra_info.push_str("; disposition: ");
            p.extra_info.push_str(&disposition);
        }
    }
}

/// juriscraper's `normalize_party_types`: "Defendant (1)" is "Defendant",
/// "3rd Party Plaintiff" "Third Party Plaintiff", "US Trustee" "U.S. Trustee".
pub fn party_type(printed: &str) -> String {
    let mut t = clean(printed).to_lowercase();
    t = drop_number_after(&t, "defendant ", true);
    t = drop_number_after(&t, "debtor ", false);
    for (from, to) in [
        ("thirdparty", "third party"),
        ("3rd pty", "third party"),
        ("3rd party", "third party"),
        ("fourthparty", "fourth party"),
        ("4th pty", "fourth party"),
        ("4th party", "fourth party"),
        ("counter-defendant", "counter defendant"),
    ] {
        t = t.replace(from, to);
    }
    t = replace_word(&t, "us", "u.s.");
    for (from, to) in [
        ("u. s.", "u.s."),
        ("united states", "u.s."),
        ("jointadmin", "jointly administered"),
        ("consolidated-debtor", "consolidated debtor"),
        ("plaintiff- consolidated", "consolidated plaintiff"),
        ("plaintiff consolidated", "consolidated plaintiff"),
        ("defendant- consolidated", "consolidated defendant"),
        ("defendant consolidated", "consolidated defendant"),
        ("intervenor-plaintiff", "intervenor plaintiff"),
    ] {
        t = t.replace(from, to);
    }
    t = replace_word(&t, "intervenor pla", "intervenor plaintiff");
    t = replace_word(&t, "intervenor dft", "intervenor defendant");
    title_case(&t)
}

/// "defendant (1)" is "defendant", "debtor 2" "debtor".
fn drop_number_after(t: &str, word: &str, parens: bool) -> String {
    let Some(at) = t.find(word) else {
        return t.to_owned();
    };
    let rest = &t[at + word.len()..];
    let inner = if parens {
        rest.strip_prefix('(').and_then(|r| {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            (n > 0 && r[n..].starts_with(')')).then(|| &r[n + 1..])
        })
    } else {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0).then(|| &rest[n..])
    };
    match inner {
        Some(after) => format!("{}{}{}", &t[..at], word.trim_end(), after),
        None => t.to_owned(),
    }
}

/// Replace `from` where it stands as whole words.
fn replace_word(t: &str, from: &str, to: &str) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(at) = rest.find(from) {
        let before = out.chars().last().or(rest[..at].chars().last());
        let before = if at > 0 {
            rest[..at].chars().last()
        } else {
            before
        };
        let after = rest[at + from.len()..].chars().next();
        out.push_str(&rest[..at]);
        if !word(before) && !word(after) {
            out.push_str(to);
        } else {
            out.push_str(from);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::party_type;

    #[test]
    fn party_types() {
        assert_eq!(
            party_type("Defendant                                 (1)"),
            "Defendant"
        );
        assert_eq!(party_type("Debtor 2"), "Debtor");
        assert_eq!(party_type("US Trustee"), "U.S. Trustee");
        assert_eq!(party_type("3rd Party Plaintiff"), "Third Party Plaintiff");
        assert_eq!(party_type("Intervenor Pla"), "Intervenor Plaintiff");
        assert_eq!(party_type("Plaintiff"), "Plaintiff");
        assert_eq!(party_type("Creditor Committee"), "Creditor Committee");
    }
}
