//! Strings and arrays read as lopdf reads them, for the operations whose text
//! matters (the redaction check's glyph pass).

use lopdf::{Object, StringFormat};

use super::{is_delimiter, is_space, line_end, name, number, regular_end, Unterminated};

/// The bytes of the literal string opened at `from` as lopdf decodes them
/// (escapes, octal codes, a backslash before an end of line; nested
/// parentheses kept), and where it ends.
pub(super) fn literal(bytes: &[u8], from: usize) -> Result<(Vec<u8>, usize), Unterminated> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                let next = *bytes.get(i + 1).ok_or(Unterminated)?;
                i += 2;
                match next {
                    b'0'..=b'7' => {
                        let digits = bytes[i - 1..]
                            .iter()
                            .take(3)
                            .take_while(|b| (b'0'..=b'7').contains(b))
                            .count();
                        let value = bytes[i - 1..i - 1 + digits]
                            .iter()
                            .fold(0u16, |v, d| v * 8 + u16::from(d - b'0'));
                        out.push(value as u8);
                        i += digits - 1;
                    }
                    b'\r' => {
                        if bytes.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0C),
                    other => out.push(other),
                }
                continue;
            }
            b'(' => {
                depth += 1;
                if depth > 1 {
                    out.push(b'(');
                }
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok((out, i + 1));
                }
                out.push(b')');
            }
            other => out.push(other),
        }
        i += 1;
    }
    Err(Unterminated)
}

/// A hexadecimal string's bytes (white space ignored, an odd last digit
/// padded with 0); a stray character makes it unreadable, as for lopdf.
pub(super) fn hex(inner: &[u8]) -> Result<Object, Unterminated> {
    let mut out = Vec::with_capacity(inner.len() / 2);
    let mut high = None;
    for &c in inner {
        if is_space(c) {
            continue;
        }
        let d = (c as char).to_digit(16).ok_or(Unterminated)? as u8;
        match high.take() {
            None => high = Some(d),
            Some(h) => out.push(h << 4 | d),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    Ok(Object::String(out, StringFormat::Hexadecimal))
}

/// Arrays inside arrays deeper than this are not read (lopdf's limit is lower).
const MAX_ARRAY_DEPTH: usize = 32;

/// The array opened at `from`: numbers, names, strings, arrays, booleans and
/// nulls, as lopdf reads them; a dictionary or an operator in it is not read
/// here (the caller falls back to lopdf).
pub(super) fn array(
    bytes: &[u8],
    from: usize,
    depth: usize,
) -> Result<(Vec<Object>, usize), Unterminated> {
    if depth > MAX_ARRAY_DEPTH {
        return Err(Unterminated);
    }
    let mut out = Vec::new();
    let mut i = from + 1;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            _ if is_space(c) => i += 1,
            b'%' => i = line_end(bytes, i),
            b']' => return Ok((out, i + 1)),
            b'/' => {
                let end = regular_end(bytes, i + 1);
                out.push(Object::Name(name(&bytes[i + 1..end])));
                i = end;
            }
            b'(' => {
                let (string, end) = literal(bytes, i)?;
                out.push(Object::String(string, StringFormat::Literal));
                i = end;
            }
            b'<' if bytes.get(i + 1) != Some(&b'<') => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map(|p| i + p + 1)
                    .ok_or(Unterminated)?;
                out.push(hex(&bytes[i + 1..end - 1])?);
                i = end;
            }
            b'[' => {
                let (inner, end) = array(bytes, i, depth + 1)?;
                out.push(Object::Array(inner));
                i = end;
            }
            _ if is_delimiter(c) => return Err(Unterminated),
            _ => {
                let end = regular_end(bytes, i + 1);
                let token = &bytes[i..end];
                i = end;
                out.push(match (number(token), token) {
                    (Some(n), _) => n,
                    (None, b"true") => Object::Boolean(true),
                    (None, b"false") => Object::Boolean(false),
                    (None, b"null") => Object::Null,
                    _ => return Err(Unterminated),
                });
            }
        }
    }
    Err(Unterminated)
}
