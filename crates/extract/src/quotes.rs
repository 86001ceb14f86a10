//! pdf-extract 0.12 ignores the `'` and `"` text operators ("move to the next line
//! and show a string"), so every line drawn with them is silently lost. Pages whose
//! content uses them get their content rewritten to the equivalent `T*` + `Tj` (and
//! `Tw`/`Tc` for `"`) before extraction. The content streams inflated for that check
//! stay inflated, so pdf-extract does not inflate them again.

use std::io::Read;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Inflated page content kept in the document (so pdf-extract does not inflate it a
/// second time), across all pages, at most.
const KEEP_INFLATED: usize = 64 << 20;

/// Rewrite the content of the pages that use `'` or `"`; returns how many pages.
/// Streams are inflated under `cap` bytes each; a page that cannot be read that way
/// is left alone (its extraction reports its own problem). Inflated content streams
/// are kept inflated in `doc` (up to a total budget): they are read here anyway.
pub fn rewrite_quote_operators(doc: &mut Document, pages: &[ObjectId], cap: usize) -> usize {
    let mut rewritten = 0;
    let mut budget = KEEP_INFLATED;
    for &page in pages {
        let Some(bytes) = page_content(doc, page, cap, &mut budget) else {
            continue;
        };
        if !has_quote_operator(&bytes) {
            continue;
        }
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        let operations = rewrite(content.operations);
        let Ok(encoded) = (Content { operations }).encode() else {
            continue;
        };
        let id = doc.add_object(Stream::new(Dictionary::new(), encoded));
        if let Ok(dict) = doc.get_object_mut(page).and_then(Object::as_dict_mut) {
            dict.set("Contents", Object::Reference(id));
            rewritten += 1;
        }
    }
    rewritten
}

/// The page's content streams, concatenated; `None` if one uses a filter other than
/// FlateDecode or inflates beyond `cap`. Each inflated stream is stored back
/// uncompressed while `budget` lasts.
fn page_content(
    doc: &mut Document,
    page: ObjectId,
    cap: usize,
    budget: &mut usize,
) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for id in doc.get_page_contents(page) {
        let Ok(Object::Stream(stream)) = doc.get_object_mut(id) else {
            continue;
        };
        match stream.dict.get(b"Filter") {
            Err(_) => out.extend_from_slice(&stream.content),
            Ok(_) if super::streams::plain_flate(&stream.dict) => {
                let mut inflated = Vec::new();
                let mut decoder =
                    flate2::read::ZlibDecoder::new(&stream.content[..]).take(cap as u64 + 1);
                if decoder.read_to_end(&mut inflated).is_err() || inflated.len() > cap {
                    return None;
                }
                out.extend_from_slice(&inflated);
                if inflated.len() <= *budget {
                    *budget -= inflated.len();
                    stream.dict.remove(b"Filter");
                    stream.set_content(inflated);
                }
            }
            Ok(_) => return None,
        }
        out.push(b'\n');
    }
    Some(out)
}

/// A `'` or `"` standing as an operator: after a string's closing `)` or `>` (and
/// optional whitespace or operands), followed by whitespace or the end. Apostrophes
/// inside strings ("Court's") are not followed by whitespace after a `)`.
fn has_quote_operator(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'\'' && b != b'"' {
            return false;
        }
        let next_ok = bytes.get(i + 1).map_or(true, |c| c.is_ascii_whitespace());
        let prev = bytes[..i].iter().rev().find(|c| !c.is_ascii_whitespace());
        next_ok && matches!(prev, Some(b')') | Some(b'>'))
    })
}

fn rewrite(operations: Vec<Operation>) -> Vec<Operation> {
    let mut out = Vec::with_capacity(operations.len());
    for op in operations {
        match (op.operator.as_str(), op.operands.len()) {
            ("'", 1) => {
                out.push(Operation::new("T*", vec![]));
                out.push(Operation::new("Tj", op.operands));
            }
            ("\"", 3) => {
                let mut operands = op.operands.into_iter();
                let (aw, ac, string) = (operands.next(), operands.next(), operands.next());
                if let (Some(aw), Some(ac), Some(string)) = (aw, ac, string) {
                    out.push(Operation::new("Tw", vec![aw]));
                    out.push(Operation::new("Tc", vec![ac]));
                    out.push(Operation::new("T*", vec![]));
                    out.push(Operation::new("Tj", vec![string]));
                }
            }
            _ => out.push(op),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::has_quote_operator;

    #[test]
    fn finds_quote_operators_but_not_apostrophes() {
        assert!(has_quote_operator(b"(Line two) '\n"));
        assert!(has_quote_operator(b"0 0 (Line three)\""));
        assert!(has_quote_operator(b"<0041> '"));
        assert!(!has_quote_operator(b"(The Court's order) Tj"));
        assert!(!has_quote_operator(b"(plaintiffs') Tj"));
    }
}
