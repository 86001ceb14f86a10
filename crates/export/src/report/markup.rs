//! Writing HTML safely: every piece of text from the record goes through
//! [`escape`], so a title holding `<script>` shows as those characters.

/// Text escaped for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A table row of cells, each escaped (`None` leaves a cell empty).
pub fn row(out: &mut String, cells: &[&str]) {
    out.push_str("<tr>");
    for c in cells {
        out.push_str("<td>");
        out.push_str(&escape(c));
        out.push_str("</td>");
    }
    out.push_str("</tr>\n");
}

/// A table's opening with its header row (the header repeats on each printed page).
pub fn table_head(out: &mut String, class: &str, headers: &[&str]) {
    out.push_str(&format!("<table class=\"{class}\"><thead><tr>"));
    for h in headers {
        out.push_str("<th>");
        out.push_str(&escape(h));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
