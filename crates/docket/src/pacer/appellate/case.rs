//! The case stub at the top of the report: "Court of Appeals Docket #:",
//! "Docketed:", "Termed:", "Nature of Suit:", the short caption, "Appeal
//! From:", "Fee Status:"; then "Case Type Information" and the "Panel
//! Assignment". Each value is the text right after its bold label, as
//! juriscraper reads it.

use crate::html::{clean, Ref};

/// The first element below `root` whose own first text holds `label`.
pub fn labelled<'a>(root: Ref<'a>, label: &str) -> Option<Ref<'a>> {
    root.descendants()
        .filter(|n| n.is_element())
        .find(|e| own_text(*e).is_some_and(|t| t.contains(label)))
}

/// An element's first text child.
pub fn own_text<'a>(e: Ref<'a>) -> Option<&'a str> {
    e.children().find_map(|c| c.as_text())
}

/// The text right after an element (its "tail"), cleaned.
pub fn tail(e: Ref<'_>) -> String {
    let Some(parent) = e.parent() else {
        return String::new();
    };
    let mut siblings = parent.children();
    if siblings.by_ref().any(|c| c == e) {
        if let Some(t) = siblings.next().and_then(|n| n.as_text()) {
            return clean(t);
        }
    }
    String::new()
}

/// The value after `label` below `root`, "" when there is none.
pub fn value(root: Ref<'_>, label: &str) -> String {
    labelled(root, label).map(tail).unwrap_or_default()
}

/// The docket number: after "Docket #" (courts of appeals, BAPs) or "Case
/// Number" (the Veterans Court), or in a phone-number link a browser made
/// of it.
pub fn docket_number(root: Ref<'_>) -> Option<(Ref<'_>, String)> {
    for label in ["Docket #", "Case Number"] {
        let Some(e) = labelled(root, label) else {
            continue;
        };
        let mut number = tail(e);
        if number.is_empty() {
            number = e
                .next_element()
                .filter(|a| a.is("a") && a.attr("href").is_some_and(|h| h.starts_with("tel:")))
                .map(|a| clean(&a.text()))
                .unwrap_or_default();
        }
        let number = number.split_whitespace().next().unwrap_or_default();
        if !number.is_empty() {
            return Some((e, number.to_owned()));
        }
    }
    None
}

/// The short caption: the stub's first cell with no bold label in it.
pub fn caption(stub: Ref<'_>) -> Option<String> {
    stub.find_all("td")
        .filter(|td| td.find("b").is_none() && td.find("strong").is_none())
        .map(|td| clean(&td.text()))
        .find(|t| !t.is_empty())
}

/// "Case Type Information": the numbered lines' values, "-" and "null"
/// left out, comma-joined ("civil, private, bankruptcy").
pub fn case_type(root: Ref<'_>) -> Option<String> {
    let label = labelled(root, "Case Type Information")?;
    let table = label.ancestors().find(|a| a.is("table"))?;
    let kinds: Vec<String> = table
        .find_all("b")
        .map(tail)
        .filter(|t| !matches!(t.as_str(), "" | "None" | "null" | "-"))
        .collect();
    Some(kinds.join(", ")).filter(|s| !s.is_empty())
}

/// The panel's judges as printed after "Panel:" ("SLL KVL RT"); none when
/// "Not available".
pub fn panel(root: Ref<'_>) -> Vec<String> {
    let Some(section) = labelled(root, "Panel Assignment")
        .and_then(|l| l.ancestors().find(|a| a.is("td") || a.is("th")))
    else {
        return Vec::new();
    };
    let judges = value(section, "Panel:");
    if judges == "Not available" {
        return Vec::new();
    }
    judges.split_whitespace().map(str::to_owned).collect()
}

/// A value that is "null" on the page is none.
pub fn nonempty(s: String) -> Option<String> {
    (!s.is_empty() && s != "null").then_some(s)
}

#[cfg(test)]
mod tests {
    use super::{case_type, docket_number, panel, value};
    use crate::html::Html;

    #[test]
    fn stub_values() {
        let h = Html::parse(
            "<table><tr><td><b>Court of Appeals Docket #: </b>10-1095</td>\
             <td><b>Docketed:</b> 01/27/2010<BR><b>Termed:</b> 05/24/2010</td></tr>\
             <tr><td><b>Fee Status:</b>  filing fee paid</td></tr></table>\
             <table><tr><td><b>Case Type Information:</b></td></tr>\
             <tr><td><b>1)</b> civil</td></tr><tr><td><b>2)</b> -</td></tr>\
             <tr><td><b>3)</b> null</td></tr></table>\
             <table><tr><td><b>Panel Assignment:</b><BR><b>Panel:</b> SLL&nbsp;&nbsp;KVL RT<BR>\
             <b>Date of Hearing:</b> 09/13/2016</td></tr></table>",
        );
        let root = h.root();
        assert_eq!(docket_number(root).unwrap().1, "10-1095");
        assert_eq!(value(root, "Termed"), "05/24/2010");
        assert_eq!(value(root, "Fee Status"), "filing fee paid");
        assert_eq!(case_type(root).as_deref(), Some("civil"));
        assert_eq!(panel(root), ["SLL", "KVL", "RT"]);
        let h = Html::parse("<b>Case Number:</b><a href='tel:183815'>18-3815</a>");
        assert_eq!(docket_number(h.root()).unwrap().1, "18-3815");
    }
}
