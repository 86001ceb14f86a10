//! Bad redactions: text that still lies under a filled dark rectangle.
//!
//! A redaction that only paints a black box over the words hides nothing: the
//! words are still in the page's text layer, for anyone to copy. A page is read
//! in two passes ([`paint`]): first its fills only — most pages have no dark,
//! opaque rectangle and stop there —, then its glyphs with their boxes. A glyph
//! is under a rectangle when the rectangle covers 80 % of its box and was
//! painted after it (or in the glyph's own colour). The glyphs under each
//! rectangle are its text; a rectangle whose text is a placeholder (`XXXX`,
//! one letter, "REDACTED", nothing readable) is a proper redaction, and so is
//! one with visible text painted on top of it (a dark table heading). A
//! cross-hatched redaction — a black box with grey diagonals stroked over it —
//! is a dark box like any other here: strokes do not count as covering it.
//!
//! Rectangles are given as Free Law Project's x-ray gives them: points, origin
//! at the top left of the page's crop box, y down, the page unrotated.

mod fonts;
mod paint;

use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::{Deserialize, Serialize};

pub(crate) use fonts::Fonts;
use paint::{Mark, Painter, Rgb};

/// A rectangle in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    fn empty() -> Rect {
        Rect {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        }
    }

    fn include(&mut self, x: f64, y: f64) {
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x);
        self.y1 = self.y1.max(y);
    }

    fn width(&self) -> f64 {
        (self.x1 - self.x0).max(0.0)
    }

    fn height(&self) -> f64 {
        (self.y1 - self.y0).max(0.0)
    }

    fn area(&self) -> f64 {
        self.width() * self.height()
    }

    fn overlap(&self, o: &Rect) -> f64 {
        let w = (self.x1.min(o.x1) - self.x0.max(o.x0)).max(0.0);
        let h = (self.y1.min(o.y1) - self.y0.max(o.y0)).max(0.0);
        w * h
    }

    fn is_finite(&self) -> bool {
        [self.x0, self.y0, self.x1, self.y1]
            .iter()
            .all(|v| v.is_finite())
    }
}

/// One bad redaction on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BadRedaction {
    /// `[x0, y0, x1, y1]` of the covering rectangle in points, origin at the top
    /// left of the page, y down (as x-ray reports it).
    pub rect: [f32; 4],
    /// The text under it, as the page's text layer has it.
    pub text: String,
}

// The coordinates are always finite (checked when found), so equality is total.
impl Eq for BadRedaction {}

/// Rectangles whose bottom edge is this close to the top are page headers.
const HEADER: f64 = 43.0;
/// Bars thinner than this are rules and borders.
const THIN: f64 = 4.0;
/// Share of a glyph's box a rectangle must cover.
const COVERED: f64 = 0.8;
/// Darkest perceived brightness (0–255) that is not a redaction colour.
const DARK: f64 = 100.0;

/// The bad redactions of one page; `fonts` caches the document's fonts.
/// `content` and `resources` are the page's, as drawn. With `scans` set, a
/// page that draws an image under a text layer thinner than that many visible
/// characters is a scan and is not checked, as the import does not check the
/// pages it reads by OCR (the caller that has read the text decides itself).
pub(crate) fn find(
    doc: &Document,
    page_id: ObjectId,
    content: &[u8],
    resources: &Dictionary,
    scans: Option<usize>,
    fonts: &mut Fonts,
) -> Vec<BadRedaction> {
    let Some(top) = page_top(doc, page_id) else {
        return Vec::new();
    };
    let to_page = |r: &Rect| Rect {
        x0: r.x0 - top.0,
        y0: top.1 - r.y1,
        x1: r.x1 - top.0,
        y1: top.1 - r.y0,
    };
    let candidate = |m: &Mark| match m {
        Mark::Fill {
            rect,
            colour: Some(c),
            opaque: true,
            ..
        } => {
            let r = to_page(rect);
            r.is_finite() && is_dark(c) && r.width() > THIN && r.height() > THIN && r.y1 > HEADER
        }
        _ => false,
    };
    let mut fills = Painter::new(doc, fonts, false);
    fills.run(content, resources, 0);
    if !fills.marks.iter().any(candidate) {
        return Vec::new();
    }
    let mut painter = Painter::new(doc, fonts, true);
    painter.run(content, resources, 0);
    let marks = painter.marks;
    if let Some(thin) = scans {
        let visible: usize = marks
            .iter()
            .map(|m| match m {
                Mark::Glyph { text, .. } => crate::text::visible_chars(text),
                Mark::Fill { .. } => 0,
            })
            .sum();
        if visible < thin && crate::page_tree::has_images(doc, page_id) {
            return Vec::new();
        }
    }
    let boxes: Vec<(usize, Rect, Rgb)> = marks
        .iter()
        .filter(|m| candidate(m))
        .filter_map(|m| match m {
            Mark::Fill {
                seq,
                rect,
                colour: Some(c),
                ..
            } => Some((*seq, *rect, *c)),
            _ => None,
        })
        .collect();
    let mut taken = vec![false; marks.len()];
    let mut found = Vec::new();
    // The topmost rectangle first: a glyph under two belongs to the upper one.
    let mut order: Vec<&(usize, Rect, Rgb)> = boxes.iter().collect();
    order.sort_by_key(|b| std::cmp::Reverse(b.0));
    for (seq, rect, colour) in order {
        let mut text = String::new();
        for (i, m) in marks.iter().enumerate() {
            let Mark::Glyph {
                seq: g,
                rect: glyph,
                colour: gc,
                text: t,
            } = m
            else {
                continue;
            };
            if taken[i] || glyph.overlap(rect) <= 0.0 {
                continue;
            }
            let hidden = *g < *seq || gc.is_some_and(|gc| same(&gc, colour));
            if hidden && glyph.area() > 0.0 && glyph.overlap(rect) / glyph.area() > COVERED {
                text.push_str(t);
                taken[i] = true;
            }
        }
        if !readable(&text) || shows_through(&marks, *seq, rect, colour) {
            continue;
        }
        let r = to_page(rect);
        found.push(BadRedaction {
            rect: [r.x0 as f32, r.y0 as f32, r.x1 as f32, r.y1 as f32],
            text,
        });
    }
    // In painting order, as the page draws them.
    found.reverse();
    found
}

/// Something visible painted over the rectangle after it: glyphs in another
/// colour (the box is their background) or a light fill over most of it.
fn shows_through(marks: &[Mark], seq: usize, rect: &Rect, colour: &Rgb) -> bool {
    marks.iter().any(|m| match m {
        Mark::Glyph {
            seq: g,
            rect: r,
            colour: c,
            ..
        } => *g > seq && r.overlap(rect) > 0.5 * r.area() && !c.is_some_and(|c| same(&c, colour)),
        Mark::Fill {
            seq: f,
            rect: r,
            colour: c,
            ..
        } => *f > seq && r.overlap(rect) > 0.5 * rect.area() && !c.is_some_and(|c| is_dark(&c)),
    })
}

fn luminance(c: &Rgb) -> f64 {
    255.0 * (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2])
}

fn is_dark(c: &Rgb) -> bool {
    luminance(c) <= DARK
}

fn same(a: &Rgb, b: &Rgb) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.02)
}

/// Text that someone meant to hide: two letters or digits at least, not one
/// character repeated (`XXXX`), nothing undecodable, and more than the words a
/// proper redaction prints ("REDACTED", "confidential").
fn readable(text: &str) -> bool {
    let alnum: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    if alnum.len() <= 1 || text.contains('\u{FFFD}') {
        return false;
    }
    let first = alnum[0].to_ascii_lowercase();
    if alnum.iter().all(|c| c.to_ascii_lowercase() == first) {
        return false;
    }
    let mut rest = text.to_lowercase();
    for word in [
        "redacted and publicly filed",
        "name redacted",
        "confidential",
        "privileged",
        "redacted",
    ] {
        rest = rest.replace(word, " ");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).count() > 1
}

/// The page's resources, inherited from the page tree when the page has none.
pub(crate) fn page_resources(doc: &Document, page_id: ObjectId) -> Dictionary {
    match doc.get_page_resources(page_id) {
        Ok((Some(own), _)) => own.clone(),
        Ok((None, ids)) => ids
            .first()
            .and_then(|id| doc.get_dictionary(*id).ok())
            .cloned()
            .unwrap_or_default(),
        Err(_) => Dictionary::new(),
    }
}

/// Left and top edges of the page's crop box (else media box), inherited.
fn page_top(doc: &Document, page_id: ObjectId) -> Option<(f64, f64)> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    for _ in 0..32 {
        for key in [&b"CropBox"[..], b"MediaBox"] {
            if let Ok(Object::Array(a)) = node.get_deref(key, doc) {
                let v: Vec<f64> = a
                    .iter()
                    .filter_map(|o| o.as_float().ok().map(f64::from))
                    .collect();
                if v.len() == 4 {
                    return Some((v[0].min(v[2]), v[1].max(v[3])));
                }
            }
        }
        node = node
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::paint::Painter;
    use super::*;

    /// The quick reader gives both passes the same marks as lopdf's parser, on
    /// every page of the corpus (forms included: both read them the quick way).
    #[test]
    fn the_quick_reader_sees_the_fills_lopdf_sees() {
        let Some(files) = crate::corpus::pdfs() else {
            casetrail_fixtures::skip!("../shared/corpus/pdf is absent");
        };
        let (mut pages, mut with_fills) = (0, 0);
        for file in files {
            let Ok(doc) = Document::load(&file) else {
                continue;
            };
            let mut fonts = Fonts::default();
            for (number, page_id) in doc.get_pages() {
                let Ok(content) = doc.get_page_content(page_id) else {
                    continue;
                };
                let resources = page_resources(&doc, page_id);
                for glyphs in [false, true] {
                    let mut quick = Painter::new(&doc, &mut fonts, glyphs);
                    quick.run(&content, &resources, 0);
                    let quick = format!("{:?}", quick.marks);
                    let mut slow = Painter::new(&doc, &mut fonts, glyphs);
                    slow.quick = false;
                    slow.run(&content, &resources, 0);
                    let slow = format!("{:?}", slow.marks);
                    assert_eq!(quick, slow, "{} page {number}", file.display());
                    with_fills += usize::from(!glyphs && slow != "[]");
                }
                pages += 1;
            }
        }
        assert!(pages > 500, "only {pages} pages read");
        println!("{pages} pages, {with_fills} with fills: the same marks both ways");
    }

    #[test]
    fn placeholders_are_not_bad_redactions() {
        use super::readable;
        assert!(readable("John Q. Public"));
        assert!(readable("21 Mag. 4335"));
        assert!(!readable("XXXX XXXX"));
        assert!(!readable("a"));
        assert!(!readable("  .  "));
        assert!(!readable("REDACTED"));
        assert!(!readable("Confidential"));
        assert!(!readable("ab\u{FFFD}cd"));
    }
}
