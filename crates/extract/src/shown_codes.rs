//! The character codes a document's pages show: every string their content
//! streams (and the forms those draw) hand to a text operator, read as one-
//! and two-byte codes at every offset. More than the fonts use, never less:
//! a ToUnicode map cut to these codes gives pdf-extract the same text.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::operations::{self, Text};

/// Forms inside forms deeper than this make the answer unknown.
const MAX_DEPTH: usize = 8;

/// The codes `pages` show, or `None` when a content stream cannot be read
/// quickly (then nothing may be cut).
pub(crate) fn shown_codes(doc: &Document, pages: &[ObjectId]) -> Option<HashSet<u32>> {
    let mut codes = HashSet::new();
    let mut forms = HashSet::new();
    for &page in pages {
        let content = doc.get_page_content(page).ok()?;
        let resources = crate::redaction::page_resources(doc, page);
        read(doc, &content, &resources, 0, &mut forms, &mut codes)?;
    }
    Some(codes)
}

fn read(
    doc: &Document,
    content: &[u8],
    resources: &Dictionary,
    depth: usize,
    forms: &mut HashSet<ObjectId>,
    codes: &mut HashSet<u32>,
) -> Option<()> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut drawn: Vec<Vec<u8>> = Vec::new();
    operations::each(content, Text::Read, |operator, operands, _| {
        for operand in operands {
            add(operand, codes);
        }
        if operator == "Do" {
            if let Some(Ok(name)) = operands.first().map(Object::as_name) {
                drawn.push(name.to_vec());
            }
        }
    })
    .ok()?;
    for name in drawn {
        let Ok(xobjects) = resources
            .get_deref(b"XObject", doc)
            .and_then(Object::as_dict)
        else {
            continue;
        };
        let Ok(Object::Reference(id)) = xobjects.get(&name) else {
            continue;
        };
        let Ok(Object::Stream(form)) = doc.get_object(*id) else {
            continue;
        };
        if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form")
            || !forms.insert(*id)
        {
            continue;
        }
        let content = match form.dict.get(b"Filter") {
            Err(_) => form.content.clone(),
            Ok(_) => form.decompressed_content().ok()?,
        };
        let own = form
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .unwrap_or(resources);
        read(doc, &content, own, depth + 1, forms, codes)?;
    }
    Some(())
}

/// Every one- and two-byte code in the strings of `operand`.
fn add(operand: &Object, codes: &mut HashSet<u32>) {
    match operand {
        Object::String(bytes, _) => {
            for (i, &b) in bytes.iter().enumerate() {
                codes.insert(u32::from(b));
                if let Some(&next) = bytes.get(i + 1) {
                    codes.insert(u32::from(b) << 8 | u32::from(next));
                }
            }
        }
        Object::Array(items) => {
            for item in items {
                add(item, codes);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::add;
    use lopdf::{Object, StringFormat};
    use std::collections::HashSet;

    #[test]
    fn every_one_and_two_byte_code_is_counted() {
        let mut codes = HashSet::new();
        let shown = Object::Array(vec![
            Object::String(vec![0x00, 0x41, 0x01], StringFormat::Hexadecimal),
            Object::Integer(-20),
        ]);
        add(&shown, &mut codes);
        let mut got: Vec<u32> = codes.into_iter().collect();
        got.sort();
        assert_eq!(got, vec![0x00, 0x01, 0x41, 0x4101]);
    }
}
