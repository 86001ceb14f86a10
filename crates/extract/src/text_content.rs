//! A page's content cut to what its text needs, before pdf-extract reads it.
//!
//! pdf-extract parses every operation of a page with lopdf (a string, an array,
//! a path point each an allocated object) and follows every `Do`, images
//! included: an image's pixels are inflated and parsed as if they were content.
//! Only the text state, the text itself, the graphics state stack, the matrix
//! and forms (which may hold text) change what it writes out. So each page's
//! content is copied, operation by operation and byte for byte, without paths,
//! fills and strokes, colours, line styles, shadings, inline images and image
//! `Do`s; pdf-extract then reads the cut stream and writes the same text.
//! `tests::the_cut_content_gives_the_same_text` checks that over the corpus.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::operations::{self, Text};

/// A cut is kept only when it is at most this share of the page's content.
const WORTH_IT: f64 = 0.9;

/// What pdf-extract acts on (everything else it ignores or only logs), less
/// `Do`, which stays for forms.
fn drives_text(operator: &str) -> bool {
    matches!(
        operator,
        "BT" | "ET"
            | "Tc"
            | "Tw"
            | "Tz"
            | "TL"
            | "Tf"
            | "Tr"
            | "Ts"
            | "Td"
            | "TD"
            | "Tm"
            | "T*"
            | "Tj"
            | "TJ"
            | "'"
            | "\""
            | "q"
            | "Q"
            | "cm"
            | "gs"
            | "BMC"
            | "BDC"
            | "EMC"
    )
}

/// Replace the page's content by its cut when that is worth it; `content` is
/// the page's content as it stands. Returns whether it was replaced.
pub(crate) fn cut_page(
    doc: &mut Document,
    page_id: ObjectId,
    resources: &Dictionary,
    content: &[u8],
) -> bool {
    let Some(cut) = cut(doc, resources, content) else {
        return false;
    };
    let id = doc.add_object(Stream::new(Dictionary::new(), cut));
    match doc.get_object_mut(page_id).and_then(Object::as_dict_mut) {
        Ok(page) => {
            page.set("Contents", Object::Reference(id));
            true
        }
        Err(_) => false,
    }
}

/// The operations of `content` that its text needs, or `None` when it cannot
/// be read quickly or the cut would save little.
fn cut(doc: &Document, resources: &Dictionary, content: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(content.len() / 2);
    operations::each(content, Text::Skipped, |operator, operands, span| {
        let keep =
            drives_text(operator) || (operator == "Do" && !draws_image(doc, resources, operands));
        if keep {
            out.extend_from_slice(&content[span]);
            out.push(b'\n');
        }
    })
    .ok()?;
    (out.len() as f64 <= content.len() as f64 * WORTH_IT).then_some(out)
}

/// A `Do` whose XObject is certainly not a form (an image, a PostScript one).
/// One that cannot be found stays: pdf-extract's own handling of it stands.
fn draws_image(doc: &Document, resources: &Dictionary, operands: &[Object]) -> bool {
    let Some(name) = operands.first().and_then(|o| o.as_name().ok()) else {
        return false;
    };
    let subtype = resources
        .get_deref(b"XObject", doc)
        .and_then(Object::as_dict)
        .and_then(|all| all.get_deref(name, doc))
        .and_then(Object::as_stream)
        .and_then(|s| s.dict.get(b"Subtype"))
        .and_then(Object::as_name);
    matches!(subtype, Ok(s) if s != b"Form")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_and_forms_and_drops_paint() {
        let doc = Document::with_version("1.7");
        let content = b"q 0 0 0 rg 10 10 100 20 re f 1 w 0 0 m 5 5 l S\n\
            BT /F1 12 Tf 72 700 Td (Hello) Tj [(W) 20 (orld)] TJ ET\n\
            BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI /Fm0 Do Q";
        let cut = cut(&doc, &Dictionary::new(), content).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&cut),
            "q\nBT\n/F1 12 Tf\n72 700 Td\n(Hello) Tj\n[(W) 20 (orld)] TJ\nET\n/Fm0 Do\nQ\n"
        );
    }

    #[test]
    fn leaves_text_only_pages_and_unreadable_ones_alone() {
        let doc = Document::with_version("1.7");
        assert_eq!(cut(&doc, &Dictionary::new(), b"BT (a) Tj ET"), None);
        assert_eq!(
            cut(&doc, &Dictionary::new(), b"0 0 5 5 re f (never ends"),
            None
        );
    }

    /// pdf-extract writes the same text from the cut content as from the whole,
    /// on every page of the corpus (a page it could not read before may now be
    /// read: none does so today, and the test says if one starts to).
    #[test]
    fn the_cut_content_gives_the_same_text() {
        let Some(files) = crate::corpus::pdfs() else {
            casetrail_fixtures::skip!("../shared/corpus/pdf is absent");
        };
        let (mut pages, mut cut_pages, mut before, mut after) = (0, 0, 0, 0);
        for file in files {
            let Ok(whole) = Document::load(&file) else {
                continue;
            };
            let mut cut_doc = whole.clone();
            for (_, page_id) in whole.get_pages() {
                let Ok(content) = whole.get_page_content(page_id) else {
                    continue;
                };
                let resources = crate::redaction::page_resources(&whole, page_id);
                before += content.len();
                if cut_page(&mut cut_doc, page_id, &resources, &content) {
                    cut_pages += 1;
                    after += cut_doc.get_page_content(page_id).unwrap().len();
                } else {
                    after += content.len();
                }
            }
            for number in whole.get_pages().keys().copied() {
                let text = |doc| crate::corpus::page_text(doc, number);
                let (a, b) = (text(&whole), text(&cut_doc));
                assert_eq!(a, b, "{} page {number}", file.display());
                pages += 1;
            }
        }
        assert!(pages > 500, "only {pages} pages read");
        println!(
            "{pages} pages, {cut_pages} cut: content {before} -> {after} bytes, the same text"
        );
    }
}
