//! The parties and their counsel. CM/ECF prints each party in a row of two
//! cells: the name, any details ("Terminated: 07/31/2017") and the role
//! ("Appellant"), one per `<br>` line, then the lawyers, one per paragraph
//! (a blank `<br><br>` line between them), each a name, contact lines and
//! `[COR NTC Retained]`-style roles. ACMS prints the same, each lawyer in a
//! `<div>` of its own. Read as juriscraper reads them.

use std::collections::HashMap;

use crate::html::{clean, Ref};
use crate::{Attorney, Party};

/// The party rows of the party list: rows of two or more cells.
pub fn read_rows<'a>(rows: impl Iterator<Item = Ref<'a>>, acms: bool) -> Vec<Party> {
    let mut parties = Vec::new();
    for row in rows {
        let cells: Vec<Ref<'_>> = row.elements().filter(|c| c.is("td")).collect();
        if cells.len() < 2 {
            continue;
        }
        let Some(mut party) = party_left(cells[0]) else {
            continue;
        };
        party.attorneys = if acms && cells[1].elements().any(|e| e.is("div")) {
            cells[1]
                .elements()
                .filter_map(|div| attorney(&lines(div, true)))
                .collect()
        } else {
            attorneys(cells[1])
        };
        parties.push(party);
    }
    see_above(&mut parties);
    parties
}

/// A cell's text cut into lines at each `<br>` (and, with `paragraphs`, each
/// `<p>`); text nodes are joined with a space, as juriscraper joins them.
pub fn lines(cell: Ref<'_>, paragraphs: bool) -> Vec<String> {
    let mut out = vec![String::new()];
    split(cell, paragraphs, &mut out);
    out
}

fn split(node: Ref<'_>, paragraphs: bool, out: &mut Vec<String>) {
    for child in node.children() {
        if let Some(t) = child.as_text() {
            if let Some(line) = out.last_mut() {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(t);
            }
        } else if child.is("br") {
            out.push(String::new());
        } else if matches!(child.name(), "script" | "style") {
        } else {
            if paragraphs && child.is("p") {
                out.push(String::new());
            }
            split(child, paragraphs, out);
        }
    }
}

/// One line of the party cell: its text, and the first bold label in it
/// with the text right after that label ("Terminated:", "07/31/2017").
struct Line {
    text: String,
    label: Option<(String, String)>,
}

fn party_lines(cell: Ref<'_>) -> Vec<Line> {
    fn walk(node: Ref<'_>, out: &mut Vec<Line>) {
        let children: Vec<Ref<'_>> = node.children().collect();
        for (i, child) in children.iter().enumerate() {
            let Some(line) = out.last_mut() else { return };
            if let Some(t) = child.as_text() {
                line.text.push_str(t);
            } else if child.is("br") {
                out.push(Line {
                    text: String::new(),
                    label: None,
                });
            } else if matches!(child.name(), "script" | "style") {
            } else {
                if (child.is("b") || child.is("strong")) && line.label.is_none() {
                    let tail = children
                        .get(i + 1)
                        .and_then(|n| n.as_text())
                        .map(clean)
                        .unwrap_or_default();
                    line.label = Some((clean(&child.text()), tail));
                }
                walk(*child, out);
            }
        }
    }
    let mut out = vec![Line {
        text: String::new(),
        label: None,
    }];
    walk(cell, &mut out);
    out
}

/// The party cell: the name first, the role last, details between.
pub fn party_left(cell: Ref<'_>) -> Option<Party> {
    let mut lines = party_lines(cell);
    while lines.last().is_some_and(|l| clean(&l.text).is_empty()) {
        lines.pop();
    }
    let name = clean(&lines.first()?.text);
    if name.is_empty() {
        return None;
    }
    // A party printed without a role is kept, its role blank.
    let role = match lines.len() {
        1 => String::new(),
        n => clean(&lines[n - 1].text),
    };
    let role = role.strip_suffix(',').unwrap_or(&role).trim().to_owned();
    let middle = lines
        .get(1..lines.len().saturating_sub(1))
        .unwrap_or_default();
    let extra: Vec<String> = middle
        .iter()
        .filter_map(|l| match &l.label {
            Some((label, value)) => {
                let label = label.strip_suffix(':').unwrap_or(label).trim();
                Some(format!("{label}: {value}").trim().to_owned())
            }
            None => {
                let t = clean(&l.text);
                let t = t.strip_suffix(',').unwrap_or(&t).trim().to_owned();
                (!t.is_empty()).then_some(t)
            }
        })
        .collect();
    Some(Party {
        name,
        role,
        extra_info: extra.join("\n"),
        attorneys: Vec::new(),
    })
}

/// The lawyers of a CM/ECF counsel cell: paragraphs apart by blank lines.
fn attorneys(cell: Ref<'_>) -> Vec<Attorney> {
    let mut out = Vec::new();
    let mut block: Vec<String> = Vec::new();
    for line in lines(cell, false) {
        if clean(&line).is_empty() {
            if let Some(a) = attorney(&block) {
                out.push(a);
            }
            block.clear();
        } else {
            block.push(line);
        }
    }
    if let Some(a) = attorney(&block) {
        out.push(a);
    }
    out
}

/// One lawyer from its lines: the name, then `[role]` lines and contact lines.
pub fn attorney(lines: &[String]) -> Option<Attorney> {
    let mut lines = lines.iter().map(|l| clean(l)).filter(|l| !l.is_empty());
    let name = lines.next()?;
    let mut roles = Vec::new();
    let mut contact = Vec::new();
    for line in lines {
        match line
            .strip_prefix('[')
            .and_then(|r| r.rfind(']').map(|end| &r[..end]))
        {
            Some(role) => roles.push(role.trim().to_owned()),
            None => contact.push(line),
        }
    }
    Some(Attorney {
        name,
        contact: contact.join("\n"),
        roles,
    })
}

/// "See above" for a lawyer's contact means the lines printed for the same
/// lawyer earlier on the page.
fn see_above(parties: &mut [Party]) {
    let mut known: HashMap<String, String> = HashMap::new();
    for attorney in parties.iter_mut().flat_map(|p| p.attorneys.iter_mut()) {
        if attorney.contact.is_empty() {
            continue;
        }
        let lower = clean(&attorney.contact).to_ascii_lowercase();
        if lower.contains("see above") {
            attorney.contact = known.get(&attorney.name).cloned().unwrap_or_default();
        } else {
            known.insert(attorney.name.clone(), attorney.contact.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::read_rows;
    use crate::html::Html;

    #[test]
    fn party_cells_and_counsel_paragraphs() {
        let h = Html::parse(
            "<table><tr><td>LORETTA E. LYNCH, Attorney General<BR><B>Terminated: </B>07/31/2017<BR>\
             Respondent,</td><td>\nAnn Lee<br>Direct: 1<br>[COR NTC Retained]<br>Firm<BR><BR>\n\
             Bo Ray<br>[NTC Pro Se]<br>see above</td></tr>\
             <tr><td colspan=2>v.<BR><BR></td></tr>\
             <tr><td>X<br>Appellee</td><td>Bo Ray<br>[COR]<br>1 Main St<br><br>\
             Cy Di<br>SEE ABOVE</td></tr></table>",
        );
        let rows = h.root().find_all("tr");
        let parties = read_rows(rows, false);
        assert_eq!(parties.len(), 2);
        let p = &parties[0];
        assert_eq!(p.name, "LORETTA E. LYNCH, Attorney General");
        assert_eq!(p.role, "Respondent");
        assert_eq!(p.extra_info, "Terminated: 07/31/2017");
        assert_eq!(p.attorneys.len(), 2);
        assert_eq!(p.attorneys[0].name, "Ann Lee");
        assert_eq!(p.attorneys[0].roles, ["COR NTC Retained"]);
        assert_eq!(p.attorneys[0].contact, "Direct: 1\nFirm");
        // No contact known yet for "see above": left empty.
        assert_eq!(p.attorneys[1].contact, "");
        assert_eq!(parties[1].attorneys[0].contact, "1 Main St");
        assert_eq!(parties[1].attorneys[1].contact, "");
    }

    #[test]
    fn acms_counsel_in_divs() {
        let h = Html::parse(
            "<table><tr><td> JOSE LOPEZ<br>&nbsp;&nbsp;A022-317-477, <br>&nbsp;Petitioner, </td>\
             <td><div>Ms. Lisa Pickering, Attorney<br><strong>Terminated:</strong> 10/06/2023<br>\
             [Retained]<br>Suite 610</div><div><p>&nbsp;</p></div><div><br></div></td></tr></table>",
        );
        let parties = read_rows(h.root().find_all("tr"), true);
        assert_eq!(parties[0].role, "Petitioner");
        assert_eq!(parties[0].extra_info, "A022-317-477");
        let a = &parties[0].attorneys;
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].contact, "Terminated: 10/06/2023\nSuite 610");
    }
}
