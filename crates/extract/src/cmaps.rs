//! ToUnicode maps parsed once per document instead of once per page.
//!
//! pdf-extract builds its fonts again on every page, and with them parses each
//! font's ToUnicode CMap (a slow parser-combinator lexer over the whole stream,
//! PostScript preamble included). On a 391-page filing that was a fifth of the
//! extraction time. Each ToUnicode stream is parsed here once, with the same
//! parser, and replaced by the same mapping written as a bare `bfchar` list, which
//! pdf-extract reads back into exactly the same map, faster. A stream that does not
//! parse, or whose mapping would not be shorter written out, is left as it was.
//!
//! A map over a whole two-byte range (`<0000> <FFFF>`) is worse: pdf-extract
//! expands it to 65,536 strings for every font on every page that uses it (a
//! tenth of the corpus's extraction time went to two such files). Such a map is
//! cut to the codes the pages show ([`crate::shown_codes`]), which gives the
//! same text.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::{Document, Object, ObjectId};

/// A map with more entries than this is cut to the codes the pages show.
const WIDE: usize = 4096;

/// Rewrite the ToUnicode streams (already uncompressed) of the document's fonts,
/// wide ones cut to what `pages` show; returns how many were rewritten.
pub fn compact_to_unicode(doc: &mut Document, pages: &[ObjectId]) -> usize {
    let ids: HashSet<ObjectId> = doc
        .objects
        .values()
        .filter_map(|object| match object {
            Object::Dictionary(dict) => dict.get(b"ToUnicode").ok()?.as_reference().ok(),
            _ => None,
        })
        .collect();
    let mut maps: Vec<(ObjectId, usize, HashMap<u32, Vec<u8>>)> = Vec::new();
    for id in ids {
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        if let Some(map) = parse(&stream.content) {
            maps.push((id, stream.content.len(), map));
        }
    }
    let cuttable =
        |map: &HashMap<u32, Vec<u8>>| map.len() > WIDE && map.keys().all(|&c| c <= 0xFFFF);
    let shown = match maps.iter().any(|(_, _, map)| cuttable(map)) {
        true => catch_unwind(AssertUnwindSafe(|| {
            crate::shown_codes::shown_codes(doc, pages)
        }))
        .ok()
        .flatten(),
        false => None,
    };
    let mut rewritten = 0;
    for (id, original, mut map) in maps {
        // A cut map is written however long: its cost was the entries, not the bytes.
        let mut limit = original;
        if let (true, Some(shown)) = (cuttable(&map), &shown) {
            map.retain(|code, _| shown.contains(code));
            limit = usize::MAX;
        }
        let Some(compact) = written(&map, limit) else {
            continue;
        };
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(id) {
            stream.set_content(compact);
            rewritten += 1;
        }
    }
    rewritten
}

/// The mapping of `cmap` as a bare `bfchar` list, when it parses and is shorter.
#[cfg(test)]
fn compact(cmap: &[u8]) -> Option<Vec<u8>> {
    written(&parse(cmap)?, cmap.len())
}

fn parse(cmap: &[u8]) -> Option<HashMap<u32, Vec<u8>>> {
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        adobe_cmap_parser::get_unicode_map(cmap)
    }));
    parsed.ok()?.ok()
}

/// `map` as a bare `bfchar` list, when that is shorter than `original` bytes.
fn written(map: &HashMap<u32, Vec<u8>>, original: usize) -> Option<Vec<u8>> {
    // About 16 bytes per entry written out: not worth it for wide ranges.
    if map.is_empty() || map.len().saturating_mul(16) >= original {
        return None;
    }
    let mut entries: Vec<(&u32, &Vec<u8>)> = map.iter().collect();
    entries.sort_unstable_by_key(|(code, _)| **code);
    let mut out = String::with_capacity(entries.len() * 16 + 32);
    // One block: the parser reads the count, not a 100-entry limit.
    let _ = writeln!(out, "{} beginbfchar", entries.len());
    for (code, unicode) in entries {
        let width = if *code > 0xFF_FFFF {
            8
        } else if *code > 0xFFFF {
            6
        } else {
            4
        };
        let _ = write!(out, "<{code:0width$X}> <");
        for byte in unicode {
            let _ = write!(out, "{byte:02X}");
        }
        out.push_str(">\n");
    }
    out.push_str("endbfchar\n");
    Some(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn the_compact_form_parses_to_the_same_map() {
        let original = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0024> <0041>
<00B5> <00660069>
endbfchar
1 beginbfrange
<0044> <0046> <0061>
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";
        let short = compact(original).expect("shorter");
        assert!(short.len() < original.len());
        assert_eq!(
            adobe_cmap_parser::get_unicode_map(&short).unwrap(),
            adobe_cmap_parser::get_unicode_map(original).unwrap()
        );
    }

    #[test]
    fn unparsable_or_wide_maps_are_left_alone() {
        assert_eq!(compact(b"1 beginbfchar <00"), None);
        assert_eq!(
            compact(b"1 beginbfrange <0000> <FFFF> <0000> endbfrange"),
            None
        );
    }
}

#[cfg(test)]
mod corpus {
    /// pdf-extract writes the same text on every page of the corpus once the
    /// ToUnicode maps are compacted (and the wide ones cut to what is shown).
    #[test]
    fn compacted_maps_give_the_same_text() {
        let Some(files) = crate::corpus::pdfs() else {
            casetrail_fixtures::skip!("../shared/corpus/pdf is absent");
        };
        let (mut pages, mut rewritten) = (0, 0);
        for file in files {
            let Ok(mut whole) = lopdf::Document::load(&file) else {
                continue;
            };
            let ids: Vec<_> = whole.get_pages().into_values().collect();
            crate::streams::inflate_shared(&mut whole, &ids, 16 << 20);
            let mut compacted = whole.clone();
            rewritten += super::compact_to_unicode(&mut compacted, &ids);
            for number in whole.get_pages().keys().copied() {
                let text = |doc| crate::corpus::page_text(doc, number);
                assert_eq!(
                    text(&whole),
                    text(&compacted),
                    "{} page {number}",
                    file.display()
                );
                pages += 1;
            }
        }
        assert!(pages > 500, "only {pages} pages read");
        println!("{pages} pages, {rewritten} maps rewritten: the same text");
    }
}
