//! What the redaction check needs of a font: how wide each glyph is, how tall
//! its line is, how many bytes a character code takes, and which text a code
//! stands for (from its ToUnicode map, else the byte itself).

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// One font, read once per document.
#[derive(Debug, Default)]
pub(crate) struct Font {
    /// Two-byte codes (a Type0 font), else one byte.
    wide: bool,
    /// Glyph widths by code, in glyph space (thousandths of the font size).
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space (0.001, or a Type3 font's matrix).
    scale: f64,
    /// Top and bottom of a line, in thousandths of the font size.
    pub ascent: f64,
    pub descent: f64,
    unicode: Option<HashMap<u32, String>>,
}

impl Font {
    /// The character codes of a shown string.
    pub(crate) fn codes<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
        let step = if self.wide { 2 } else { 1 };
        bytes.chunks(step).map(|c| {
            c.iter()
                .fold(0u32, |code, &byte| (code << 8) | u32::from(byte))
        })
    }

    /// Width of a glyph in text space per unit of font size.
    pub(crate) fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }

    /// A one-byte code 32 gets the word spacing.
    pub(crate) fn is_space(&self, code: u32) -> bool {
        !self.wide && code == 32
    }

    /// The text a code stands for; U+FFFD when it cannot be told.
    pub(crate) fn text(&self, code: u32) -> String {
        if let Some(map) = &self.unicode {
            if let Some(s) = map.get(&code) {
                return s.clone();
            }
        }
        match (self.wide, char::from_u32(code)) {
            (false, Some(c)) if code >= 0x20 => c.to_string(),
            _ => "\u{FFFD}".to_string(),
        }
    }
}

/// Fonts read so far in this document, by object id.
#[derive(Default)]
pub(crate) struct Fonts {
    by_id: HashMap<ObjectId, Rc<Font>>,
}

impl Fonts {
    /// The font a resource dictionary's `/Font` names.
    pub(crate) fn get(&mut self, doc: &Document, resources: &Dictionary, name: &[u8]) -> Rc<Font> {
        let Some(entry) = resources
            .get_deref(b"Font", doc)
            .and_then(Object::as_dict)
            .ok()
            .and_then(|fonts| fonts.get(name).ok())
        else {
            return Rc::new(Font::fallback());
        };
        if let Object::Reference(id) = entry {
            if let Some(font) = self.by_id.get(id) {
                return Rc::clone(font);
            }
            let font = Rc::new(read(doc, doc.get_dictionary(*id).ok()));
            self.by_id.insert(*id, Rc::clone(&font));
            return font;
        }
        Rc::new(read(doc, entry.as_dict().ok()))
    }
}

impl Font {
    fn fallback() -> Font {
        Font {
            default_width: 500.0,
            scale: 0.001,
            ascent: 800.0,
            descent: -200.0,
            ..Font::default()
        }
    }
}

fn number(o: &Object) -> Option<f64> {
    o.as_float().ok().map(f64::from)
}

fn read(doc: &Document, dict: Option<&Dictionary>) -> Font {
    let mut font = Font::fallback();
    let Some(dict) = dict else {
        return font;
    };
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let base = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    if base.windows(7).any(|w| w.eq_ignore_ascii_case(b"courier")) {
        font.default_width = 600.0;
    }
    let descriptor_of = |d: &Dictionary| {
        d.get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .ok()
            .cloned()
    };
    let mut descriptor = descriptor_of(dict);
    if subtype == b"Type0" {
        font.wide = true;
        font.default_width = 1000.0;
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        if let Some(cid) = descendant {
            if let Some(dw) = cid.get(b"DW").ok().and_then(number) {
                font.default_width = dw;
            }
            if let Ok(w) = cid.get_deref(b"W", doc).and_then(Object::as_array) {
                cid_widths(doc, w, &mut font.widths);
            }
            descriptor = descriptor.or_else(|| descriptor_of(cid));
        }
    } else {
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        if let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (i, w) in widths.iter().enumerate() {
                let w = doc.dereference(w).ok().and_then(|(_, o)| number(o));
                if let Some(w) = w {
                    font.widths.insert(first + i as u32, w);
                }
            }
        }
        if subtype == b"Type3" {
            if let Ok(m) = dict
                .get_deref(b"FontMatrix", doc)
                .and_then(Object::as_array)
            {
                if let Some(a) = m.first().and_then(number) {
                    font.scale = a;
                }
            }
        }
    }
    if let Some(d) = descriptor {
        if let Some(w) = d.get(b"MissingWidth").ok().and_then(number) {
            if w > 0.0 {
                font.default_width = w;
            }
        }
        let ascent = d.get(b"Ascent").ok().and_then(number).unwrap_or(0.0);
        let descent = d.get(b"Descent").ok().and_then(number).unwrap_or(0.0);
        // Descriptors often give the font's whole box (Courier New: 1021 and
        // -680); a line is about one font size tall, as renderers place glyphs.
        if ascent > 0.0 && descent <= 0.0 {
            font.ascent = ascent.min(800.0);
            font.descent = descent.max(-200.0);
        }
    }
    if let Ok(stream) = dict
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream)
    {
        let bytes = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        font.unicode = to_unicode(&bytes);
    }
    font
}

/// A CID font's `/W` array: `c [w1 w2 …]` and `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i + 1 < w.len() {
        let Some(first) = number(&w[i]) else {
            return;
        };
        let first = first as u32;
        match doc.dereference(&w[i + 1]).map(|(_, o)| o) {
            Ok(Object::Array(list)) => {
                for (k, width) in list.iter().enumerate() {
                    if let Some(width) = number(width) {
                        out.insert(first + k as u32, width);
                    }
                }
                i += 2;
            }
            Ok(last) => {
                let (Some(last), Some(width)) = (number(last), w.get(i + 2).and_then(number))
                else {
                    return;
                };
                // A range is capped so that a hostile array costs little.
                for code in first..=(last as u32).min(first + 65_535) {
                    out.insert(code, width);
                }
                i += 3;
            }
            Err(_) => return,
        }
    }
}

/// A ToUnicode CMap as text per code (the parser pdf-extract uses).
fn to_unicode(cmap: &[u8]) -> Option<HashMap<u32, String>> {
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        adobe_cmap_parser::get_unicode_map(cmap)
    }));
    let map = parsed.ok()?.ok()?;
    Some(
        map.into_iter()
            .map(|(code, utf16be)| {
                let units: Vec<u16> = utf16be
                    .chunks(2)
                    .map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0)))
                    .collect();
                (code, String::from_utf16_lossy(&units))
            })
            .collect(),
    )
}
