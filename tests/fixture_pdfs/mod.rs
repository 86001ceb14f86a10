//! Small PDFs generated with lopdf, so the extraction and import tests do not need
//! `../shared`. Each function returns the bytes of one file.
#![allow(dead_code)]

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

/// One page of text lines in Helvetica (built-in StandardEncoding: byte 0xAE is the
/// "fi" ligature glyph). An empty slice makes a page with no content at all.
pub fn text_pdf(pages: &[&[&str]]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let kids: Vec<Object> = pages
        .iter()
        .map(|lines| {
            let content = text_content(lines);
            let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            })
            .into()
        })
        .collect();
    finish(
        &mut doc,
        pages_id,
        kids,
        dictionary! {
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        },
    )
}

/// Content stream drawing `lines` top-down, 14 pt apart. Lines are Latin-1 text; the
/// marker `{fi}` becomes byte 0xAE (the fi ligature in StandardEncoding).
pub fn text_content(lines: &[&str]) -> Vec<u8> {
    if lines.is_empty() {
        return Vec::new();
    }
    let mut out = b"BT /F1 12 Tf 72 720 Td 14 TL\n".to_vec();
    for line in lines {
        out.push(b'(');
        for part in line.split("{fi}").enumerate() {
            if part.0 > 0 {
                out.push(0xAE);
            }
            for b in part.1.bytes() {
                if matches!(b, b'(' | b')' | b'\\') {
                    out.push(b'\\');
                }
                out.push(b);
            }
        }
        out.extend_from_slice(b") Tj T*\n");
    }
    out.extend_from_slice(b"ET\n");
    out
}

fn finish(
    doc: &mut Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
    mut extra: Dictionary,
) -> Vec<u8> {
    let count = kids.len() as i64;
    let mut pages = dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count };
    for (k, v) in extra.iter_mut() {
        pages.set(k.clone(), v.clone());
    }
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    save(doc)
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("writing a PDF to memory");
    bytes
}

/// A text PDF encrypted (RC4 128) with a user password.
pub fn encrypted_pdf(user_password: &str) -> Vec<u8> {
    let plain = text_pdf(&[&["Sealed filing"]]);
    let mut doc = Document::load_mem(&plain).expect("own fixture loads");
    let file_id = Object::String(
        b"casetrail-fixtur".to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    doc.trailer.set("ID", vec![file_id.clone(), file_id]);
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    save(&mut doc)
}

/// Two pages whose `Parent` points to the page itself and which have no MediaBox:
/// pdf-extract alone recurses forever on this.
pub fn parent_loop_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    for text in ["Looping page one", "Looping page two"] {
        let content_id = doc.add_object(Stream::new(Dictionary::new(), text_content(&[text])));
        let page_id = doc.new_object_id();
        doc.objects.insert(
            page_id,
            Object::Dictionary(dictionary! {
                "Type" => "Page", "Parent" => page_id, "Contents" => content_id,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            }),
        );
        kids.push(page_id.into());
    }
    finish(&mut doc, pages_id, kids, Dictionary::new())
}

/// Three pages; the middle one uses a Type0 font without descendant fonts, which
/// makes pdf-extract panic. Pages 1 and 3 are ordinary text.
pub fn bad_middle_page_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let good_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let bad_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Broken",
        "Encoding" => "Identity-H",
    });
    let mut kids = Vec::new();
    for (text, font) in [
        ("First good page", good_font),
        ("bad", bad_font),
        ("Third good page", good_font),
    ] {
        let content_id = doc.add_object(Stream::new(Dictionary::new(), text_content(&[text])));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        kids.push(page_id.into());
    }
    finish(
        &mut doc,
        pages_id,
        kids,
        dictionary! { "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] },
    )
}

/// One page whose content stream inflates to `megabytes` MB of spaces, then a normal page.
pub fn flate_bomb_pdf(megabytes: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut bomb = Stream::new(Dictionary::new(), vec![b' '; megabytes << 20]);
    bomb.compress().expect("compress");
    let bomb_id = doc.add_object(bomb);
    let good_id = doc.add_object(Stream::new(
        Dictionary::new(),
        text_content(&["After the bomb"]),
    ));
    let kids = [bomb_id, good_id]
        .into_iter()
        .map(|content| {
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            })
            .into()
        })
        .collect();
    finish(
        &mut doc,
        pages_id,
        kids,
        dictionary! {
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        },
    )
}

/// A one-page PDF whose only content is a gray image (a scan): `width`×`height`
/// 8-bit pixels, drawn over the whole Letter page.
pub fn image_pdf(width: u32, height: u32, gray: Vec<u8>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => width, "Height" => height,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        gray,
    );
    image.compress().expect("compress");
    let image_id = doc.add_object(image);
    let content = b"q 612 0 0 792 0 0 cm /Im1 Do Q\n".to_vec();
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
    });
    finish(
        &mut doc,
        pages_id,
        vec![page_id.into()],
        dictionary! { "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] },
    )
}

/// Read a binary PGM (P5) as produced by `pdftoppm -gray`: (width, height, pixels).
pub fn parse_pgm(bytes: &[u8]) -> Option<(u32, u32, Vec<u8>)> {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).ok()?.to_string());
    }
    if fields[0] != "P5" || fields[3] != "255" {
        return None;
    }
    let (w, h): (u32, u32) = (fields[1].parse().ok()?, fields[2].parse().ok()?);
    let pixels = bytes.get(i + 1..i + 1 + (w * h) as usize)?.to_vec();
    Some((w, h, pixels))
}

/// A one-page text PDF that also carries a flate bomb in a stream no page draws
/// (as a damaged or hostile font program would be).
pub fn stray_bomb_pdf(megabytes: usize) -> Vec<u8> {
    let plain = text_pdf(&[&["Text beside a bomb"]]);
    let mut doc = Document::load_mem(&plain).expect("own fixture loads");
    let mut bomb = Stream::new(Dictionary::new(), vec![b' '; megabytes << 20]);
    bomb.compress().expect("compress");
    doc.add_object(bomb);
    save(&mut doc)
}

/// One page whose second and third lines are drawn with the `'` and `"` operators.
pub fn quote_operators_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content =
        b"BT /F1 12 Tf 72 720 Td 14 TL (First line drawn with Tj) Tj (Second line drawn with quote) '\n0 0 (Third line drawn with double quote) \" ET\n"
            .to_vec();
    let mut stream = Stream::new(Dictionary::new(), content);
    stream.compress().expect("compress");
    let content_id = doc.add_object(stream);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    finish(
        &mut doc,
        pages_id,
        vec![page_id.into()],
        dictionary! { "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] },
    )
}
