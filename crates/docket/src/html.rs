//! A small, forgiving HTML reader: enough of HTML's tree rules for the
//! table-built pages courts publish, and fast (one pass, no copies of the
//! input beyond text and attribute values).
//!
//! It closes what HTML closes implicitly (`<td>` by the next cell, `<tr>` by
//! the next row, `<p>` by a block, `<li>` by the next item), ignores end tags
//! with nothing open to close, decodes character references, and never fails:
//! a malformed page gives some tree, and the readers decide whether it is a
//! docket.

mod entities;
mod tag;

pub use entities::decode_entities;
use tag::{memchr, Tag};

/// A parsed page: its nodes in document order; node 0 is the root.
pub struct Html {
    nodes: Vec<Node>,
}

struct Node {
    kind: Kind,
    parent: usize,
    children: Vec<usize>,
}

enum Kind {
    Root,
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

/// One node of an [`Html`] tree.
#[derive(Clone, Copy)]
pub struct Ref<'a> {
    html: &'a Html,
    id: usize,
}

/// Two refs are equal when they are the same node of the same tree.
impl PartialEq for Ref<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.html, other.html) && self.id == other.id
    }
}

impl Eq for Ref<'_> {}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &["script", "style", "textarea", "title"];
/// Elements that end an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

impl Html {
    /// Read a page.
    pub fn parse(src: &str) -> Html {
        let mut b = Builder {
            nodes: vec![Node {
                kind: Kind::Root,
                parent: 0,
                children: Vec::new(),
            }],
            open: vec![0],
        };
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let Some(lt) = memchr(b'<', &bytes[i..]).map(|n| n + i) else {
                b.text(&src[i..]);
                break;
            };
            if lt > i {
                b.text(&src[i..lt]);
            }
            i = lt;
            let rest = &src[i..];
            if rest.starts_with("<!--") {
                i += rest.find("-->").map_or(rest.len(), |n| n + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                i += rest.find('>').map_or(rest.len(), |n| n + 1);
                continue;
            }
            let Some((tag, len)) = Tag::read(rest) else {
                // A '<' that starts no tag is text.
                b.text("<");
                i += 1;
                continue;
            };
            i += len;
            if tag.end {
                b.end(&tag.name);
                continue;
            }
            let raw = RAW.contains(&tag.name.as_str()) && !tag.self_closing;
            let name = tag.name.clone();
            b.start(tag);
            if raw {
                let close = format!("</{name}");
                let body = &src[i..];
                let n = find_ascii_ci(body, &close).unwrap_or(body.len());
                if n > 0 {
                    if name == "title" || name == "textarea" {
                        b.text(&body[..n]);
                    } else {
                        b.raw_text(&body[..n]);
                    }
                }
                i += n;
                i += src[i..].find('>').map_or(src.len() - i, |n| n + 1);
                b.end(&name);
            }
        }
        Html { nodes: b.nodes }
    }

    /// The root: every top-level node is its child.
    pub fn root(&self) -> Ref<'_> {
        Ref { html: self, id: 0 }
    }
}

struct Builder {
    nodes: Vec<Node>,
    open: Vec<usize>,
}

impl Builder {
    fn top(&self) -> usize {
        *self.open.last().unwrap_or(&0)
    }

    fn name(&self, id: usize) -> &str {
        match &self.nodes[id].kind {
            Kind::Element { name, .. } => name,
            _ => "",
        }
    }

    fn push(&mut self, kind: Kind) -> usize {
        let parent = self.top();
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, s: &str) {
        let decoded = decode_entities(s);
        self.raw_text(&decoded);
    }

    fn raw_text(&mut self, s: &str) {
        let top = self.top();
        if let Some(&last) = self.nodes[top].children.last() {
            if let Kind::Text(t) = &mut self.nodes[last].kind {
                t.push_str(s);
                return;
            }
        }
        self.push(Kind::Text(s.to_owned()));
    }

    /// Close the innermost open element named one of `names`, unless an
    /// element named in `stop` is open inside it.
    fn close_in_scope(&mut self, names: &[&str], stop: &[&str]) {
        for depth in (1..self.open.len()).rev() {
            let n = self.name(self.open[depth]);
            if names.contains(&n) {
                self.open.truncate(depth);
                return;
            }
            if stop.contains(&n) {
                return;
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag.name.as_str() {
            "td" | "th" => self.close_in_scope(&["td", "th"], &["tr", "table"]),
            "tr" => self.close_in_scope(&["tr"], &["table", "tbody", "thead", "tfoot"]),
            "tbody" | "thead" | "tfoot" => {
                self.close_in_scope(&["tbody", "thead", "tfoot"], &["table"])
            }
            "li" => self.close_in_scope(&["li"], &["ul", "ol", "table"]),
            "dt" | "dd" => self.close_in_scope(&["dt", "dd"], &["dl", "table"]),
            "option" => self.close_in_scope(&["option"], &["select"]),
            _ => {}
        }
        if CLOSES_P.contains(&tag.name.as_str()) {
            self.close_in_scope(&["p"], &["td", "th", "table", "div", "li"]);
        }
        let void = VOID.contains(&tag.name.as_str()) || tag.self_closing;
        let id = self.push(Kind::Element {
            name: tag.name,
            attrs: tag.attrs,
        });
        if !void {
            self.open.push(id);
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            self.push(Kind::Element {
                name: "br".to_owned(),
                attrs: Vec::new(),
            });
            return;
        }
        // A cell's or row's end tag does not reach outside its table, and
        // another element's end tag not outside its cell (`<td><font>a</b>
        // </font>` leaves the `<font>` around the table open, as HTML does).
        let stop: &[&str] = match name {
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" => &["table"],
            "table" => &[],
            _ => &["td", "th", "table"],
        };
        self.close_in_scope(&[name], stop);
    }
}

impl<'a> Ref<'a> {
    fn node(&self) -> &'a Node {
        &self.html.nodes[self.id]
    }

    /// The element's lower-case name; "" for text and the root.
    pub fn name(&self) -> &'a str {
        match &self.node().kind {
            Kind::Element { name, .. } => name,
            _ => "",
        }
    }

    /// Whether this is an element named `name`.
    pub fn is(&self, name: &str) -> bool {
        self.name() == name
    }

    /// An attribute's value.
    pub fn attr(&self, attr: &str) -> Option<&'a str> {
        match &self.node().kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == attr)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The text of a text node.
    pub fn as_text(&self) -> Option<&'a str> {
        match &self.node().kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn parent(&self) -> Option<Ref<'a>> {
        (self.id != 0).then(|| Ref {
            html: self.html,
            id: self.node().parent,
        })
    }

    /// The enclosing elements, innermost first (the root not included).
    pub fn ancestors(&self) -> impl Iterator<Item = Ref<'a>> + 'a {
        let mut at = *self;
        std::iter::from_fn(move || {
            let parent = at.parent().filter(|p| p.id != 0)?;
            at = parent;
            Some(parent)
        })
    }

    /// Whether this is an element (not text, not the root).
    pub fn is_element(&self) -> bool {
        !self.name().is_empty()
    }

    /// Child nodes, text included.
    pub fn children(&self) -> impl Iterator<Item = Ref<'a>> + 'a {
        let html = self.html;
        self.node().children.iter().map(move |&id| Ref { html, id })
    }

    /// Child elements only.
    pub fn elements(&self) -> impl Iterator<Item = Ref<'a>> + 'a {
        self.children().filter(|c| c.is_element())
    }

    /// Every node below this one, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = Ref<'a>> + 'a {
        let html = self.html;
        let mut stack: Vec<usize> = self.node().children.iter().rev().copied().collect();
        std::iter::from_fn(move || {
            let id = stack.pop()?;
            stack.extend(html.nodes[id].children.iter().rev().copied());
            Some(Ref { html, id })
        })
    }

    /// Every element named `name` below this one, in document order.
    pub fn find_all(&self, name: &'a str) -> impl Iterator<Item = Ref<'a>> + 'a {
        self.descendants().filter(move |d| d.name() == name)
    }

    /// The first element named `name` below this one.
    pub fn find(&self, name: &str) -> Option<Ref<'a>> {
        self.descendants().find(|d| d.name() == name)
    }

    /// The next sibling element.
    #[allow(dead_code)] // part of the reader's API, for the readers still to come
    pub fn next_element(&self) -> Option<Ref<'a>> {
        let parent = self.parent()?;
        let mut siblings = parent.node().children.iter();
        siblings.find(|&&id| id == self.id)?;
        siblings
            .map(|&id| Ref {
                html: self.html,
                id,
            })
            .find(|r| !r.name().is_empty())
    }

    /// All text below this node, as it stands (whitespace kept).
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out, false);
        out
    }

    /// All text below this node, with a newline for each `<br>` and block end.
    pub fn text_with_breaks(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out, true);
        out
    }

    fn text_into(&self, out: &mut String, breaks: bool) {
        match &self.node().kind {
            Kind::Text(t) => out.push_str(t),
            Kind::Element { name, .. } if name == "script" || name == "style" => {}
            Kind::Element { name, .. } if breaks && name == "br" => out.push('\n'),
            _ => {
                for c in self.children() {
                    c.text_into(out, breaks);
                }
                if breaks && matches!(self.name(), "p" | "div" | "tr" | "li") {
                    out.push('\n');
                }
            }
        }
    }
}

/// Collapse runs of whitespace (and non-breaking spaces) to one space and trim.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Decode character references (`&amp;`, `&#167;`, `&#xA7;`, the common named ones).
#[cfg(test)]
mod tests;
