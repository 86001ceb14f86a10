//! The HTML reader's tree rules, references and robustness.

use super::{clean, decode_entities, Html};

#[test]
fn implied_ends_make_rows_and_cells() {
    let h = Html::parse("<table><tr><td>a<td>b<tr><td>c</table><p>x<p>y");
    let root = h.root();
    let rows: Vec<_> = root.find_all("tr").collect();
    assert_eq!(rows.len(), 2);
    let cells: Vec<String> = rows[0].elements().map(|c| c.text()).collect();
    assert_eq!(cells, ["a", "b"]);
    assert_eq!(root.find_all("p").count(), 2);
}

#[test]
fn stray_end_tags_and_raw_text() {
    let h =
        Html::parse("</td><b>x</i></b><script>if (a<b) {}</script><a href='u?a=1&amp;b=2'>y</a>");
    let root = h.root();
    assert_eq!(root.find("b").unwrap().text(), "x");
    assert_eq!(root.find("a").unwrap().attr("href"), Some("u?a=1&b=2"));
    assert_eq!(clean(&root.text()), "xy");
}

#[test]
fn entities_and_breaks() {
    assert_eq!(
        decode_entities("A &amp; B &#167; &#x2014; &nbsp;&bogus; &"),
        "A & B § — \u{a0}&bogus; &"
    );
    let h = Html::parse("<td>one<br>two<BR/>three</td>");
    assert_eq!(
        h.root().find("td").unwrap().text_with_breaks(),
        "one\ntwo\nthree"
    );
}

#[test]
fn end_tags_stay_inside_their_cell() {
    let h = Html::parse(
        "<font><table><tr><td><i><b><font>Date filed:</b></font></i></td>\
         <td>10/06/2000</td></tr></table></font>",
    );
    let root = h.root();
    let cells: Vec<String> = root.find_all("td").map(|c| c.text()).collect();
    assert_eq!(cells, ["Date filed:", "10/06/2000"]);
    assert_eq!(root.find("table").unwrap().parent().unwrap().name(), "font");
}

#[test]
fn ancestors_and_identity() {
    let h = Html::parse("<table><tr><td><b>x</b></td></tr></table>");
    let root = h.root();
    let b = root.find("b").unwrap();
    let names: Vec<&str> = b.ancestors().map(|a| a.name()).collect();
    assert_eq!(names, ["td", "tr", "table"]);
    assert!(b == root.find("b").unwrap());
    assert!(b != root.find("td").unwrap());
    assert!(b.is_element() && !root.is_element());
    assert_eq!(root.ancestors().count(), 0);
}

#[test]
fn never_panics_on_broken_markup() {
    for s in [
        "<",
        "<a",
        "<a href=",
        "<a href='x",
        "<!--",
        "<td",
        "&#xFFFFFFFF;",
        "<<>>",
        "</",
        "<script>",
    ] {
        let _ = Html::parse(s).root().text();
    }
}
