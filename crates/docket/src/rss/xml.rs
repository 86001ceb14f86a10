//! A small, strict XML reader for feeds: elements, their text (character
//! references decoded, CDATA kept as is) and attributes; comments,
//! processing instructions and doctypes skipped. Strict where a feed cut
//! short or mangled must be told from a complete one: an element left open
//! at the end, or closed by the wrong end tag, is an error naming the line
//! and column.

use crate::html::decode_entities;

/// One element: its name (as written, prefix included), the text directly
/// inside it, and its child elements. (Attributes are read past: feeds keep
/// nothing a reader needs in them.)
#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Child elements named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of the first child named `name`, trimmed; "" when absent.
    pub fn child_text(&self, name: &str) -> &str {
        self.child(name).map(|c| c.text.trim()).unwrap_or("")
    }
}

/// Why a document is not well-formed XML, and where.
#[derive(Debug, PartialEq)]
pub struct XmlError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Parse a document into its root element.
pub fn parse(src: &str) -> Result<Element, XmlError> {
    let bytes = src.as_bytes();
    let mut stack: Vec<(Element, usize)> = Vec::new();
    let mut root: Option<Element> = None;
    let mut i = 0;
    let err = |message: String, at: usize| {
        let (line, column) = position(src, at);
        XmlError {
            message,
            line,
            column,
        }
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = memchr(b'<', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            if let Some((top, _)) = stack.last_mut() {
                top.text.push_str(&decode_entities(&src[i..end]));
            } else if !src[i..end].trim().is_empty() && root.is_some() {
                return Err(err("text after the end of the document".into(), i));
            }
            i = end;
            continue;
        }
        let rest = &src[i..];
        if let Some(body) = rest.strip_prefix("<!--") {
            let n = body
                .find("-->")
                .ok_or_else(|| err("a comment is never closed".into(), i))?;
            i += 4 + n + 3;
        } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let n = body
                .find("]]>")
                .ok_or_else(|| err("a CDATA section is never closed".into(), i))?;
            if let Some((top, _)) = stack.last_mut() {
                top.text.push_str(&body[..n]);
            }
            i += 9 + n + 3;
        } else if rest.starts_with("<?") {
            let n = rest
                .find("?>")
                .ok_or_else(|| err("a processing instruction is never closed".into(), i))?;
            i += n + 2;
        } else if rest.starts_with("<!") {
            let n = rest
                .find('>')
                .ok_or_else(|| err("a declaration is never closed".into(), i))?;
            i += n + 1;
        } else if let Some(body) = rest.strip_prefix("</") {
            let n = body
                .find('>')
                .ok_or_else(|| err("an end tag is cut off".into(), i))?;
            let name = body[..n].trim();
            match stack.pop() {
                Some((el, _)) if el.name == name => {
                    if let Some((parent, _)) = stack.last_mut() {
                        parent.children.push(el);
                    } else {
                        root = Some(el);
                    }
                }
                Some((el, _)) => {
                    return Err(err(format!("</{name}> closes <{}>", el.name), i));
                }
                None => return Err(err(format!("</{name}> closes nothing"), i)),
            }
            i += 2 + n + 1;
        } else {
            let (el, len, empty) =
                start_tag(rest).ok_or_else(|| err("a tag is cut off".into(), i))?;
            if root.is_some() && stack.is_empty() {
                return Err(err(
                    format!("<{}> after the end of the document", el.name),
                    i,
                ));
            }
            if empty {
                if let Some((parent, _)) = stack.last_mut() {
                    parent.children.push(el);
                } else {
                    root = Some(el);
                }
            } else {
                stack.push((el, i));
            }
            i += len;
        }
    }
    if let Some((el, _)) = stack.last() {
        return Err(err(format!("it ends inside <{}>", el.name), src.len()));
    }
    root.ok_or_else(|| err("there is no element".into(), src.len()))
}

/// A start tag at the beginning of `s`: the element, the tag's length, and
/// whether it closes itself (`<x/>`).
fn start_tag(s: &str) -> Option<(Element, usize, bool)> {
    let bytes = s.as_bytes();
    let name_end = s[1..]
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .map(|n| n + 1)?;
    let name = &s[1..name_end];
    if name.is_empty() {
        return None;
    }
    let mut i = name_end;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                return Some((element(name), i + 1, false));
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                return Some((element(name), i + 2, true));
            }
            _ => {}
        }
        let key_end = s[i..]
            .find(|c: char| c == '=' || c.is_whitespace() || c == '>' || c == '/')
            .map(|n| n + i)?;
        let key_empty = key_end == i;
        i = key_end;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            if key_empty {
                i += 1; // a stray character: step over it
            }
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let quote = *bytes.get(i)?;
        if quote == b'"' || quote == b'\'' {
            i += memchr(quote, &bytes[i + 1..])? + 2;
        } else {
            i += s[i..].find(|c: char| c.is_whitespace() || c == '>')?;
        }
    }
}

fn element(name: &str) -> Element {
    Element {
        name: name.to_owned(),
        ..Element::default()
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// The 1-based line and column (in characters) of byte offset `at`.
pub fn position(src: &str, at: usize) -> (usize, usize) {
    let at = at.min(src.len());
    let mut at = at;
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let before = &src[..at];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn elements_text_and_cdata() {
        let root = parse(
            "<?xml version='1.0'?><!-- c --><rss v=\"2\"><channel><title>A &amp;amp; B</title>\
             <item><title><![CDATA[x <b>]]></title><e/></item></channel></rss>",
        )
        .unwrap();
        assert_eq!(root.name, "rss");
        let channel = root.child("channel").unwrap();
        assert_eq!(channel.child_text("title"), "A &amp; B");
        let item = channel.child("item").unwrap();
        assert_eq!(item.child_text("title"), "x <b>");
        assert!(item.child("e").is_some());
    }

    #[test]
    fn cut_short_or_mismatched() {
        let e = parse("<rss>\n<channel>\n<item>").unwrap_err();
        assert_eq!(e.message, "it ends inside <item>");
        assert_eq!((e.line, e.column), (3, 7));
        let e = parse("<rss><a></b></rss>").unwrap_err();
        assert_eq!(e.message, "</b> closes <a>");
        assert!(parse("<rss><a href='x").is_err());
        assert!(parse("").is_err());
        assert!(parse("<rss></rss><rss>").is_err());
    }
}
