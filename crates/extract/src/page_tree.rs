//! The PDF's own page tree: page list, declared count, and repairs that keep
//! pdf-extract out of its infinite recursion (a `Parent` that points to itself) and
//! its `expect("MediaBox")` panic.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// US Letter, used when a page and its ancestors have no usable MediaBox.
const DEFAULT_MEDIA_BOX: [f32; 4] = [0.0, 0.0, 612.0, 792.0];

/// The `/Count` of the page tree root, if the catalog and root are readable.
pub fn declared_count(doc: &Document) -> Option<u32> {
    let root = doc
        .catalog()
        .ok()?
        .get(b"Pages")
        .ok()?
        .as_reference()
        .ok()?;
    let count = doc
        .get_dictionary(root)
        .ok()?
        .get(b"Count")
        .ok()?
        .as_i64()
        .ok()?;
    u32::try_from(count).ok()
}

/// The pages in page-tree order, after copying inherited `MediaBox` and `Resources`
/// onto every page (walking `Parent` links with a cycle guard). Returns the page ids
/// and warnings describing repairs.
pub fn prepare(doc: &mut Document) -> (Vec<ObjectId>, Vec<String>) {
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    let mut warnings = Vec::new();
    let mut loops = 0usize;
    let mut defaulted = 0usize;
    for &page_id in &pages {
        let (media_box, resources, looped) = inherited(doc, page_id);
        loops += usize::from(looped);
        let media_box = media_box.unwrap_or_else(|| {
            defaulted += 1;
            DEFAULT_MEDIA_BOX.iter().map(|v| Object::Real(*v)).collect()
        });
        if let Ok(page) = doc.get_object_mut(page_id).and_then(Object::as_dict_mut) {
            page.set("MediaBox", Object::Array(media_box));
            if let Some(res) = resources {
                page.set("Resources", res);
            }
            if looped {
                page.remove(b"Parent");
            }
        }
    }
    if loops > 0 {
        warnings.push(format!(
            "page tree has a Parent loop ({loops} pages repaired)"
        ));
    }
    if defaulted > 0 {
        warnings.push(format!(
            "{defaulted} pages have no MediaBox (US Letter assumed)"
        ));
    }
    (pages, warnings)
}

/// Walk from a page up its `Parent` chain: the first valid MediaBox, the first
/// Resources, and whether the chain loops.
fn inherited(doc: &Document, page_id: ObjectId) -> (Option<Vec<Object>>, Option<Object>, bool) {
    let mut media_box = None;
    let mut resources = None;
    let mut seen = HashSet::new();
    let mut current = Some(page_id);
    let mut looped = false;
    while let Some(id) = current {
        if !seen.insert(id) {
            looped = true;
            break;
        }
        let Ok(dict) = doc.get_dictionary(id) else {
            break;
        };
        if media_box.is_none() {
            media_box = valid_box(doc, dict);
        }
        if resources.is_none() {
            resources = dict.get(b"Resources").ok().cloned();
        }
        current = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    (media_box, resources, looped)
}

fn valid_box(doc: &Document, dict: &Dictionary) -> Option<Vec<Object>> {
    let obj = dict.get(b"MediaBox").ok()?;
    let arr = match obj {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?,
        other => other.as_array().ok()?,
    };
    let nums: Vec<f32> = arr.iter().filter_map(|o| o.as_float().ok()).collect();
    (nums.len() == 4 && nums.iter().all(|v| v.is_finite()))
        .then(|| nums.into_iter().map(Object::Real).collect())
}

/// True when the page draws at least one image XObject (a scan, possibly under a
/// thin text layer such as an ECF header stamp).
pub fn has_images(doc: &Document, page_id: ObjectId) -> bool {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return false;
    };
    let Some(resources) = deref_dict(doc, page.get(b"Resources").ok()) else {
        return false;
    };
    let Some(xobjects) = deref_dict(doc, resources.get(b"XObject").ok()) else {
        return false;
    };
    xobjects.iter().any(|(_, obj)| {
        let id = match obj.as_reference() {
            Ok(id) => id,
            Err(_) => return false,
        };
        match doc.get_object(id) {
            Ok(Object::Stream(s)) => s
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Image" || n == b"Form"),
            _ => false,
        }
    })
}

fn deref_dict<'a>(doc: &'a Document, obj: Option<&'a Object>) -> Option<&'a Dictionary> {
    match obj? {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// A one-page page tree the catalog can point to while one page is extracted.
///
/// pdf-extract looks a page up by number through `Document::get_pages`, which walks
/// the whole page tree: once per page, quadratic in the page count (13 % of the time
/// on a 391-page filing). Pointing the catalog at a tree holding only the page being
/// read makes that lookup constant. Inherited attributes are not affected: [`prepare`]
/// copied them onto every page, and the pages keep their own `Parent`.
pub struct Focus {
    node: ObjectId,
}

impl Focus {
    /// Add the one-page tree node to `doc`.
    pub fn new(doc: &mut Document) -> Focus {
        let mut node = Dictionary::new();
        node.set("Type", Object::Name(b"Pages".to_vec()));
        node.set("Kids", Vec::<Object>::new());
        node.set("Count", 1);
        let node = doc.add_object(node);
        Focus { node }
    }

    /// Make `page` the only page of the catalog's page tree; false if the catalog
    /// cannot be changed (then pages must be looked up by their real number).
    pub fn show(&self, doc: &mut Document, page: ObjectId) -> bool {
        let Ok(node) = doc.get_object_mut(self.node).and_then(Object::as_dict_mut) else {
            return false;
        };
        node.set("Kids", vec![Object::Reference(page)]);
        let Ok(catalog) = doc.catalog_mut() else {
            return false;
        };
        catalog.set("Pages", Object::Reference(self.node));
        true
    }
}
