//! A quick reader of a content stream's operations: each operator with its
//! number and name operands and the bytes the operation spans, nothing
//! allocated for text. Strings, arrays and dictionaries are skipped (each
//! stands as one `null` operand, so operand positions stay right) and inline
//! images are passed over. lopdf's parser builds every string and array of the
//! page, and pdf-extract runs it on every page; what reads a page besides
//! (the redaction check's first pass, the cut of a page to its text) must cost
//! a fraction of that.
//!
//! It reads what lopdf reads, or more: where lopdf's parser stops at something
//! it cannot read, this one goes on. Where this one cannot go on (a string or
//! an inline image that never ends) it says so, and the caller falls back to
//! lopdf or leaves the page as it is.

use std::ops::Range;

use lopdf::{Object, StringFormat};

use strings::{array, hex, literal};

mod strings;

/// The stream ended inside a string, an array, a dictionary or an inline image,
/// or an array held what only a dictionary or a stream may.
#[derive(Debug, PartialEq)]
pub(crate) struct Unterminated;

/// Whether strings and arrays are read (as lopdf reads them), or only passed over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Text {
    Skipped,
    Read,
}

/// Calls `op(operator, operands, span)` for each operation of `bytes`, in
/// order; `span` runs from its first operand to the end of its operator.
/// With [`Text::Skipped`] a string or an array stands as one `null`.
pub(crate) fn each(
    bytes: &[u8],
    text: Text,
    mut op: impl FnMut(&str, &[Object], Range<usize>),
) -> Result<(), Unterminated> {
    let mut operands: Vec<Object> = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if start.is_none() && !is_space(c) && c != b'%' {
            start = Some(i);
        }
        match c {
            _ if is_space(c) => i += 1,
            b'%' => i = line_end(bytes, i),
            b'/' => {
                let end = regular_end(bytes, i + 1);
                operands.push(Object::Name(name(&bytes[i + 1..end])));
                i = end;
            }
            b'(' if text == Text::Read => {
                let (string, end) = literal(bytes, i)?;
                operands.push(Object::String(string, StringFormat::Literal));
                i = end;
            }
            b'(' => {
                i = string_end(bytes, i)?;
                operands.push(Object::Null);
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                i = nested_end(bytes, i)?;
                operands.push(Object::Null);
            }
            b'<' => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map(|p| i + p + 1)
                    .ok_or(Unterminated)?;
                operands.push(match text {
                    Text::Read => hex(&bytes[i + 1..end - 1])?,
                    Text::Skipped => Object::Null,
                });
                i = end;
            }
            b'[' if text == Text::Read => {
                let (array, end) = array(bytes, i, 0)?;
                operands.push(Object::Array(array));
                i = end;
            }
            b'[' => {
                i = nested_end(bytes, i)?;
                operands.push(Object::Null);
            }
            // Stray closers (lopdf stops there; going on sees more, not less).
            b')' | b'>' | b']' | b'{' | b'}' => {
                i += 1;
                if operands.is_empty() {
                    start = None;
                }
            }
            _ => {
                let end = regular_end(bytes, i + 1);
                let token = &bytes[i..end];
                i = end;
                if let Some(n) = number(token) {
                    operands.push(n);
                    continue;
                }
                match token {
                    b"true" => operands.push(Object::Boolean(true)),
                    b"false" => operands.push(Object::Boolean(false)),
                    b"null" => operands.push(Object::Null),
                    b"BI" => {
                        i = inline_image_end(bytes, i)?;
                        operands.clear();
                        start = None;
                    }
                    _ => {
                        if let Ok(name) = std::str::from_utf8(token) {
                            op(name, &operands, start.unwrap_or(i - token.len())..i);
                        }
                        operands.clear();
                        start = None;
                    }
                }
            }
        }
    }
    Ok(())
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\r' || b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

fn regular_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| is_space(b) || is_delimiter(b))
        .map_or(bytes.len(), |p| from + p)
}

/// A name's bytes with `#xx` escapes decoded.
fn name(raw: &[u8]) -> Vec<u8> {
    if !raw.contains(&b'#') {
        return raw.to_vec();
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[i], hex) {
            (b'#', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// `12`, `-3`, `+.5`, `4.` as lopdf reads them: integers and reals.
fn number(token: &[u8]) -> Option<Object> {
    let digits = token
        .strip_prefix(b"-")
        .or_else(|| token.strip_prefix(b"+"));
    let digits = digits.unwrap_or(token);
    let dots = digits.iter().filter(|&&b| b == b'.').count();
    let valid = !digits.is_empty()
        && dots <= 1
        && digits.iter().any(u8::is_ascii_digit)
        && digits.iter().all(|&b| b.is_ascii_digit() || b == b'.');
    if !valid {
        return None;
    }
    let text = std::str::from_utf8(token).ok()?;
    if dots == 0 {
        text.parse::<i64>().ok().map(Object::Integer)
    } else {
        let text = text.strip_prefix('+').unwrap_or(text);
        text.parse::<f32>().ok().map(Object::Real)
    }
}

/// Just past the `)` that closes the string opened at `from`.
fn string_end(bytes: &[u8], from: usize) -> Result<usize, Unterminated> {
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err(Unterminated)
}

/// Just past the end of the array or dictionary opened at `from`, strings and
/// nested arrays and dictionaries inside it skipped whole.
fn nested_end(bytes: &[u8], from: usize) -> Result<usize, Unterminated> {
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => {
                i = string_end(bytes, i)?;
                continue;
            }
            b'%' => {
                i = line_end(bytes, i);
                continue;
            }
            b'[' => depth += 1,
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'<' => {
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map(|p| i + p)
                    .ok_or(Unterminated)?;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => {}
        }
        i += 1;
        if depth == 0 {
            return Ok(i);
        }
    }
    Err(Unterminated)
}

/// Just past the `EI` that ends the inline image whose `BI` ends at `from`:
/// the first `EI` after `ID` with white space on both sides, as lopdf finds it
/// when it cannot size the data.
fn inline_image_end(bytes: &[u8], from: usize) -> Result<usize, Unterminated> {
    let data = bytes[from..]
        .windows(4)
        .position(|w| is_space(w[0]) && &w[1..3] == b"ID" && is_space(w[3]))
        .map(|p| from + p + 4)
        .ok_or(Unterminated)?;
    bytes[data..]
        .windows(4)
        .position(|w| is_space(w[0]) && &w[1..3] == b"EI" && is_space(w[3]))
        .map(|p| data + p + 3)
        .or_else(|| {
            let tail = bytes.len().checked_sub(3).filter(|&t| t >= data)?;
            (is_space(bytes[tail]) && &bytes[tail + 1..] == b"EI").then_some(bytes.len())
        })
        .ok_or(Unterminated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(bytes: &[u8]) -> Vec<(String, Vec<Object>)> {
        let mut out = Vec::new();
        each(bytes, Text::Skipped, |o, args, span| {
            assert!(bytes[span].ends_with(o.as_bytes()));
            out.push((o.to_string(), args.to_vec()))
        })
        .unwrap();
        out
    }

    #[test]
    fn reads_numbers_and_names_and_skips_text() {
        let got = ops(b"q 0 0 1 rg /GS0 gs 10 -2.5 .5 4. re f\nBT /F1 12 Tf (a (b) \\) c) Tj [(x) -20 (y)] TJ ET Q");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(
            names,
            ["q", "rg", "gs", "re", "f", "BT", "Tf", "Tj", "TJ", "ET", "Q"]
        );
        assert_eq!(
            got[1].1,
            vec![Object::Integer(0), Object::Integer(0), Object::Integer(1)]
        );
        assert_eq!(got[2].1, vec![Object::Name(b"GS0".to_vec())]);
        assert_eq!(
            got[3].1,
            vec![
                Object::Integer(10),
                Object::Real(-2.5),
                Object::Real(0.5),
                Object::Real(4.0)
            ]
        );
        assert_eq!(got[7].1, vec![Object::Null]);
    }

    #[test]
    fn passes_over_inline_images_dictionaries_and_comments() {
        let got = ops(b"% a comment re f\n/P <</MCID 0 /A [1 (])]>> BDC BI /W 2 /H 1 /CS /G /BPC 8 ID \x00f f\nre EI 0 g 1 2 3 4 re f EMC");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "g", "re", "f", "EMC"]);
        assert_eq!(got[0].1.len(), 2);
    }

    #[test]
    fn says_when_a_string_never_ends() {
        for text in [Text::Skipped, Text::Read] {
            assert_eq!(
                each(b"(never closed Tj", text, |_, _, _| {}),
                Err(Unterminated)
            );
            assert_eq!(
                each(b"BI /W 1 ID xyz", text, |_, _, _| {}),
                Err(Unterminated)
            );
        }
        assert_eq!(
            each(b"[(a) <</K 1>>] TJ", Text::Read, |_, _, _| {}),
            Err(Unterminated)
        );
    }

    #[test]
    fn spans_run_from_the_first_operand() {
        let bytes = b"  0 0 1 rg\n% note\nq /F1 12 Tf (x) Tj";
        let mut spans = Vec::new();
        each(bytes, Text::Skipped, |_, _, span| {
            spans.push(String::from_utf8_lossy(&bytes[span]).into_owned())
        })
        .unwrap();
        assert_eq!(spans, ["0 0 1 rg", "q", "/F1 12 Tf", "(x) Tj"]);
    }

    #[test]
    fn reads_strings_and_arrays_as_lopdf_does() {
        let bytes: &[u8] =
            b"(a\\(b\\) \\101\\0532\\\nc (d) \\q\\n) Tj [(x) -20.5 <48 65 6> [1]] TJ <> Tj";
        let mut ours = Vec::new();
        each(bytes, Text::Read, |o, args, _| {
            ours.push((o.to_string(), args.to_vec()))
        })
        .unwrap();
        let theirs: Vec<(String, Vec<Object>)> = lopdf::content::Content::decode(bytes)
            .unwrap()
            .operations
            .into_iter()
            .map(|op| (op.operator, op.operands))
            .collect();
        assert_eq!(ours, theirs);
        assert_eq!(
            ours[0].1,
            vec![Object::string_literal(&b"a(b) A+2c (d) q\n"[..])]
        );
    }

    #[test]
    fn decodes_name_escapes() {
        assert_eq!(name(b"A#20B"), b"A B".to_vec());
        assert_eq!(name(b"Plain"), b"Plain".to_vec());
    }
}
