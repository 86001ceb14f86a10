//! One tag read from the page: its name, attributes, and whether it ends or closes itself.

use super::entities::decode_entities;

pub(super) struct Tag {
    pub(super) name: String,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) end: bool,
    pub(super) self_closing: bool,
}

impl Tag {
    /// Read a tag at the start of `s` (which starts with '<'); its length in bytes.
    pub(super) fn read(s: &str) -> Option<(Tag, usize)> {
        let b = s.as_bytes();
        let mut i = 1;
        let end = b.get(i) == Some(&b'/');
        if end {
            i += 1;
        }
        if !b.get(i)?.is_ascii_alphabetic() {
            return None;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                None => {
                    return Some((
                        Tag {
                            name,
                            attrs,
                            end,
                            self_closing,
                        },
                        b.len(),
                    ))
                }
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    self_closing = b.get(i + 1) == Some(&b'>');
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let a = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'=' | b'/')
            {
                i += 1;
            }
            if i == a {
                // A stray '=' or similar: skip it.
                i += 1;
                continue;
            }
            let attr = s[a..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let v = i + 1;
                        let close = memchr(q, &b[v..]).map_or(b.len(), |n| n + v);
                        value = decode_entities(&s[v..close]);
                        i = (close + 1).min(b.len());
                    }
                    _ => {
                        let v = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = decode_entities(&s[v..i]);
                    }
                }
            }
            attrs.push((attr, value));
        }
        Some((
            Tag {
                name,
                attrs,
                end,
                self_closing,
            },
            i,
        ))
    }
}

pub(super) fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}
