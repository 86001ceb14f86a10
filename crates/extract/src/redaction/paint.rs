//! What a page paints, in order: filled shapes with their colour and glyphs
//! with their boxes, read from the content stream (and the forms it draws),
//! in default user space (points, y up). Only what the redaction check needs:
//! no clipping, no images, no shading.

use std::rc::Rc;

use lopdf::content::Content;

use crate::operations::{self, Text};
use lopdf::{Dictionary, Document, Object};

use super::fonts::{Font, Fonts};
use super::Rect;

/// Forms inside forms deeper than this are not followed.
const MAX_FORM_DEPTH: usize = 6;

/// A colour as red, green, blue in 0–1.
pub(crate) type Rgb = [f64; 3];

/// One thing the page paints, in painting order (`seq`).
#[derive(Debug, Clone)]
pub(crate) enum Mark {
    /// A filled rectangle (or the box of a filled shape drawn without `re`).
    Fill {
        seq: usize,
        rect: Rect,
        colour: Option<Rgb>,
        opaque: bool,
    },
    /// One glyph of shown text.
    Glyph {
        seq: usize,
        rect: Rect,
        colour: Option<Rgb>,
        text: String,
    },
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn bounds(m: &Matrix, x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
    let pts = [
        apply(m, x0, y0),
        apply(m, x1, y0),
        apply(m, x0, y1),
        apply(m, x1, y1),
    ];
    let mut r = Rect::empty();
    for (x, y) in pts {
        r.include(x, y);
    }
    r
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    fill: Option<Rgb>,
    fill_alpha: f64,
    // Text state.
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            fill: Some([0.0; 3]),
            fill_alpha: 1.0,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Where painting is: the graphics state, its saved copies, the path being
/// built and the text matrices.
struct Frame {
    gs: State,
    stack: Vec<State>,
    path: Path,
    tm: Matrix,
    tlm: Matrix,
}

impl Frame {
    fn new(gs: State) -> Frame {
        Frame {
            gs,
            stack: Vec::new(),
            path: Path::default(),
            tm: IDENTITY,
            tlm: IDENTITY,
        }
    }
}

/// Reads the marks of one page; `fonts` is the document's cache.
pub(crate) struct Painter<'a> {
    doc: &'a Document,
    fonts: &'a mut Fonts,
    /// With glyphs (the second pass), or fills only.
    glyphs: bool,
    /// Read with the quick reader (else with lopdf).
    pub quick: bool,
    pub marks: Vec<Mark>,
    seq: usize,
}

impl<'a> Painter<'a> {
    pub(crate) fn new(doc: &'a Document, fonts: &'a mut Fonts, glyphs: bool) -> Self {
        Painter {
            doc,
            fonts,
            glyphs,
            quick: true,
            marks: Vec::new(),
            seq: 0,
        }
    }

    /// Paint the content stream `content` with `resources`.
    pub(crate) fn run(&mut self, content: &[u8], resources: &Dictionary, depth: usize) {
        self.run_from(content, resources, State::default(), depth);
    }

    /// The stream is read with the quick reader ([`crate::operations`]; the
    /// fills pass passes text over), and with lopdf where that one cannot.
    fn run_from(&mut self, content: &[u8], resources: &Dictionary, start: State, depth: usize) {
        let (marks, seq) = (self.marks.len(), self.seq);
        if self.quick {
            let mut frame = Frame::new(start.clone());
            let text = match self.glyphs {
                true => Text::Read,
                false => Text::Skipped,
            };
            let read = operations::each(content, text, |operator, operands, _| {
                self.step(&mut frame, operator, operands, resources, depth)
            });
            if read.is_ok() {
                return;
            }
            self.marks.truncate(marks);
            self.seq = seq;
        }
        let Ok(ops) = Content::decode(content) else {
            return;
        };
        let mut frame = Frame::new(start);
        for op in &ops.operations {
            self.step(&mut frame, &op.operator, &op.operands, resources, depth);
        }
    }

    fn step(
        &mut self,
        frame: &mut Frame,
        operator: &str,
        operands: &[Object],
        resources: &Dictionary,
        depth: usize,
    ) {
        let n = |i: usize| operands.get(i).and_then(num).unwrap_or(0.0);
        let Frame {
            gs,
            stack,
            path,
            tm,
            tlm,
        } = frame;
        match operator {
            "q" => stack.push(gs.clone()),
            "Q" => {
                if let Some(s) = stack.pop() {
                    *gs = s;
                }
            }
            "cm" => gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm),
            "g" => gs.fill = Some([n(0); 3]),
            "rg" => gs.fill = Some([n(0), n(1), n(2)]),
            "k" => gs.fill = Some(cmyk(n(0), n(1), n(2), n(3))),
            "cs" => gs.fill = Some([0.0; 3]),
            "sc" | "scn" => gs.fill = colour_of(operands),
            "gs" => self.ext_gstate(resources, operands, gs),
            "m" => path.move_to(&gs.ctm, n(0), n(1)),
            "l" => path.line_to(&gs.ctm, n(0), n(1)),
            "c" => {
                path.line_to(&gs.ctm, n(0), n(1));
                path.line_to(&gs.ctm, n(2), n(3));
                path.line_to(&gs.ctm, n(4), n(5));
            }
            "v" | "y" => {
                path.line_to(&gs.ctm, n(0), n(1));
                path.line_to(&gs.ctm, n(2), n(3));
            }
            "re" => path.rect(bounds(&gs.ctm, n(0), n(1), n(0) + n(2), n(1) + n(3))),
            "h" => {}
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                for rect in path.filled() {
                    self.seq += 1;
                    self.marks.push(Mark::Fill {
                        seq: self.seq,
                        rect,
                        colour: gs.fill,
                        opaque: gs.fill_alpha >= 1.0,
                    });
                }
                *path = Path::default();
            }
            "S" | "s" | "n" => *path = Path::default(),
            "BT" => {
                *tm = IDENTITY;
                *tlm = IDENTITY;
            }
            "Tf" => {
                gs.size = n(1);
                if self.glyphs {
                    let name = operands.first().and_then(|o| o.as_name().ok());
                    gs.font = name.map(|name| self.fonts.get(self.doc, resources, name));
                }
            }
            "Tc" => gs.char_spacing = n(0),
            "Tw" => gs.word_spacing = n(0),
            "Tz" => gs.scale = n(0) / 100.0,
            "TL" => gs.leading = n(0),
            "Ts" => gs.rise = n(0),
            "Td" | "TD" => {
                if operator == "TD" {
                    gs.leading = -n(1);
                }
                *tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], tlm);
                *tm = *tlm;
            }
            "Tm" => {
                *tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                *tm = *tlm;
            }
            "T*" => {
                *tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], tlm);
                *tm = *tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if operator != "Tj" && operator != "TJ" {
                    if operator == "\"" {
                        gs.word_spacing = n(0);
                        gs.char_spacing = n(1);
                    }
                    *tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], tlm);
                    *tm = *tlm;
                }
                self.show(operands, gs, tm);
            }
            "Do" if depth < MAX_FORM_DEPTH => self.form(resources, operands, gs, depth),
            _ => {}
        }
    }

    fn ext_gstate(&self, resources: &Dictionary, operands: &[Object], gs: &mut State) {
        let alpha = operands
            .first()
            .and_then(|o| o.as_name().ok())
            .and_then(|name| {
                let all = resources.get_deref(b"ExtGState", self.doc).ok()?;
                let one = all.as_dict().ok()?.get_deref(name, self.doc).ok()?;
                one.as_dict().ok()?.get(b"ca").ok().and_then(num)
            });
        if let Some(a) = alpha {
            gs.fill_alpha = a;
        }
    }

    /// Text shown by `Tj`, `'`, `"` (last operand) or `TJ` (an array).
    fn show(&mut self, operands: &[Object], gs: &State, tm: &mut Matrix) {
        let last = match operands.last() {
            Some(o) => o,
            None => return,
        };
        let parts: Vec<&Object> = match last {
            Object::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        for part in parts {
            match part {
                Object::String(bytes, _) => self.glyphs_of(bytes, gs, tm),
                other => {
                    if let Some(adjust) = num(other) {
                        let tx = -adjust / 1000.0 * gs.size * gs.scale;
                        *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
                    }
                }
            }
        }
    }

    fn glyphs_of(&mut self, bytes: &[u8], gs: &State, tm: &mut Matrix) {
        if !self.glyphs {
            // Fills only: where the text goes does not matter.
            return;
        }
        let Some(font) = gs.font.clone() else {
            return;
        };
        let (asc, desc) = (font.ascent / 1000.0, font.descent / 1000.0);
        for code in font.codes(bytes) {
            let w0 = font.width(code);
            let trm = mul(tm, &gs.ctm);
            let width = w0 * gs.size * gs.scale;
            let rect = bounds(
                &trm,
                0.0,
                desc * gs.size + gs.rise,
                width,
                asc * gs.size + gs.rise,
            );
            self.seq += 1;
            self.marks.push(Mark::Glyph {
                seq: self.seq,
                rect,
                colour: gs.fill,
                text: font.text(code),
            });
            let space = if font.is_space(code) {
                gs.word_spacing
            } else {
                0.0
            };
            let tx = (w0 * gs.size + gs.char_spacing + space) * gs.scale;
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }

    /// A form XObject drawn by `Do`, with its own matrix and resources.
    fn form(&mut self, resources: &Dictionary, operands: &[Object], gs: &State, depth: usize) {
        let doc = self.doc;
        let Some(stream) = operands
            .first()
            .and_then(|o| o.as_name().ok())
            .and_then(|name| {
                let all = resources.get_deref(b"XObject", doc).ok()?.as_dict().ok()?;
                all.get_deref(name, doc).ok()?.as_stream().ok()
            })
        else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let content = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let matrix = match stream.dict.get(b"Matrix").and_then(Object::as_array) {
            Ok(m) if m.len() == 6 => {
                let v: Vec<f64> = m.iter().map(|o| num(o).unwrap_or(0.0)).collect();
                [v[0], v[1], v[2], v[3], v[4], v[5]]
            }
            _ => IDENTITY,
        };
        let own = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .unwrap_or(resources);
        let mut start = gs.clone();
        start.ctm = mul(&matrix, &gs.ctm);
        self.run_from(&content, own, start, depth + 1);
    }
}

fn num(o: &Object) -> Option<f64> {
    o.as_float().ok().map(f64::from)
}

fn cmyk(c: f64, m: f64, y: f64, k: f64) -> Rgb {
    [
        (1.0 - c) * (1.0 - k),
        (1.0 - m) * (1.0 - k),
        (1.0 - y) * (1.0 - k),
    ]
}

/// `sc`/`scn` operands: one (gray), three (RGB) or four (CMYK) numbers; a
/// pattern name or anything else is a colour we cannot tell.
fn colour_of(operands: &[Object]) -> Option<Rgb> {
    let v: Option<Vec<f64>> = operands.iter().map(num).collect();
    match v?.as_slice() {
        [g] => Some([*g; 3]),
        [r, g, b] => Some([*r, *g, *b]),
        [c, m, y, k] => Some(cmyk(*c, *m, *y, *k)),
        _ => None,
    }
}

/// The current path: its `re` rectangles, and the box of what else it draws.
#[derive(Default)]
struct Path {
    rects: Vec<Rect>,
    other: Option<Rect>,
}

impl Path {
    fn move_to(&mut self, ctm: &Matrix, x: f64, y: f64) {
        self.line_to(ctm, x, y);
    }

    fn line_to(&mut self, ctm: &Matrix, x: f64, y: f64) {
        let (x, y) = apply(ctm, x, y);
        self.other.get_or_insert_with(Rect::empty).include(x, y);
    }

    fn rect(&mut self, r: Rect) {
        self.rects.push(r);
    }

    /// What a fill of this path covers: each rectangle on its own (several
    /// bars in one path are several redactions), else the shape's box.
    fn filled(&self) -> Vec<Rect> {
        if !self.rects.is_empty() {
            return self.rects.clone();
        }
        self.other.into_iter().collect()
    }
}
