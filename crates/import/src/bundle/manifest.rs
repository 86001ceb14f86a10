//! `manifest.json`, the bundle's table of contents, and the names a bundle's
//! entries may have. Any other name is refused before a byte is unpacked, so
//! no entry can point outside the bundle: no `..`, no absolute path, no
//! backslash or drive letter, nothing but `[A-Za-z0-9._-]` in a file name.

use serde::{Deserialize, Serialize};

use super::BundleError;
use casetrail_model::{Page, PageStatus};

/// The manifest's `format`.
pub const FORMAT: &str = "casetrail-bundle/1";
/// The manifest's own name (it is not listed in itself).
pub const MANIFEST: &str = "manifest.json";
/// The case file: what `casetrail export json` writes.
pub const CASE: &str = "case.json";

/// Every entry of the bundle but the manifest, with its SHA-256 and size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    /// The case's key when it was bundled.
    pub case: String,
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    pub path: String,
    /// Lower-case hex.
    pub sha256: String,
    /// Unpacked size in bytes.
    pub size: u64,
    /// The case file's key of the document this PDF or page text belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// What an entry is, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Manifest,
    Case,
    /// `documents/<key>-<name>.pdf`
    Pdf,
    /// `pages/<key>.json`
    Pages,
    /// `documents/` or `pages/`, as some zip tools add.
    Folder,
}

/// One page's text as a bundle carries it (`pages/<key>.json` is a list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageData {
    pub number: u32,
    pub status: PageStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    pub text: String,
}

impl From<&Page> for PageData {
    fn from(p: &Page) -> Self {
        PageData {
            number: p.number,
            status: p.status,
            failure: p.failure.clone(),
            text: p.text.clone(),
        }
    }
}

impl From<PageData> for Page {
    fn from(p: PageData) -> Self {
        Page {
            number: p.number,
            status: p.status,
            failure: p.failure,
            text: p.text,
        }
    }
}

/// The entry name of a document's PDF: its key and a tidy form of its file name.
pub fn pdf_entry(key: &str, original_name: &str) -> String {
    let stem = original_name
        .strip_suffix(".pdf")
        .or_else(|| original_name.strip_suffix(".PDF"))
        .unwrap_or(original_name);
    let mut tidy = String::new();
    for c in stem.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
            c
        } else {
            '_'
        };
        if !(c == '_' && tidy.ends_with('_')) && tidy.len() < 60 {
            tidy.push(c);
        }
    }
    let tidy = tidy.trim_matches(|c| c == '_' || c == '.');
    if tidy.is_empty() {
        format!("documents/{key}.pdf")
    } else {
        format!("documents/{key}-{tidy}.pdf")
    }
}

/// The entry name of a document's page text.
pub fn pages_entry(key: &str) -> String {
    format!("pages/{key}.json")
}

/// What the entry named `raw` is, or why the name is refused.
pub fn check_name(raw: &[u8]) -> Result<EntryKind, BundleError> {
    let shown = String::from_utf8_lossy(raw).into_owned();
    let escapes = |why| BundleError::Escapes {
        entry: shown.clone(),
        why,
    };
    let Ok(name) = std::str::from_utf8(raw) else {
        return Err(BundleError::Unexpected { entry: shown });
    };
    if name.contains('\\') {
        return Err(escapes("uses a backslash (a Windows path)"));
    }
    if name.starts_with('/') {
        return Err(escapes("is an absolute path"));
    }
    let b = name.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return Err(escapes("names a drive letter"));
    }
    if name.split('/').any(|part| part == "..") {
        return Err(escapes("climbs out of the bundle with \"..\""));
    }
    let safe = |file: &str, ext: &str| {
        file.strip_suffix(ext).is_some_and(|stem| {
            !stem.is_empty()
                && !stem.starts_with('.')
                && stem
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
        })
    };
    let kind = match name.split_once('/') {
        None if name == MANIFEST => Some(EntryKind::Manifest),
        None if name == CASE => Some(EntryKind::Case),
        Some(("documents" | "pages", "")) => Some(EntryKind::Folder),
        Some(("documents", file)) if safe(file, ".pdf") => Some(EntryKind::Pdf),
        Some(("pages", file)) if safe(file, ".json") => Some(EntryKind::Pages),
        _ => None,
    };
    kind.ok_or(BundleError::Unexpected { entry: shown })
}

impl Manifest {
    /// Read and check the manifest: its format, and every path a bundle's
    /// own (never the manifest), once, with a well-formed hash.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, BundleError> {
        let m: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| BundleError::Manifest(format!("malformed: {e}")))?;
        if m.format != FORMAT {
            return Err(BundleError::Manifest(format!(
                "format {:?} is not {FORMAT}",
                m.format
            )));
        }
        let mut seen = std::collections::HashSet::new();
        for f in &m.files {
            match check_name(f.path.as_bytes())? {
                EntryKind::Manifest | EntryKind::Folder => {
                    return Err(BundleError::Manifest(format!("lists {:?}", f.path)))
                }
                EntryKind::Pdf | EntryKind::Pages if f.document.is_none() => {
                    return Err(BundleError::Manifest(format!(
                        "{:?} names no document",
                        f.path
                    )))
                }
                _ => {}
            }
            if !seen.insert(f.path.as_str()) {
                return Err(BundleError::Manifest(format!("lists {:?} twice", f.path)));
            }
            let hex = f.sha256.len() == 64
                && f.sha256
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !hex {
                return Err(BundleError::Manifest(format!(
                    "the sha256 of {:?} is not 64 lower-case hex digits",
                    f.path
                )));
            }
        }
        if !m.files.iter().any(|f| f.path == CASE) {
            return Err(BundleError::Manifest(format!("lists no {CASE}")));
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_escape_or_are_foreign_are_refused() {
        for bad in [
            "../evil.pdf",
            "documents/../../x.pdf",
            "/etc/passwd",
            "documents\\x.pdf",
            "C:x.pdf",
            "documents/.hidden.pdf",
            "documents/a b.pdf",
            "documents/x.exe",
            "other.json",
            "pages/sub/x.json",
        ] {
            assert!(check_name(bad.as_bytes()).is_err(), "{bad} was accepted");
        }
        assert_eq!(check_name(b"case.json").unwrap(), EntryKind::Case);
        assert_eq!(
            check_name(b"documents/d1-14-2985.pdf").unwrap(),
            EntryKind::Pdf
        );
        assert_eq!(check_name(b"pages/d1.json").unwrap(), EntryKind::Pages);
    }

    #[test]
    fn pdf_entries_are_tidy() {
        assert_eq!(
            pdf_entry("d1", "Opinion (2d Cir.) 14–2985.pdf"),
            "documents/d1-Opinion_2d_Cir._14_2985.pdf"
        );
        assert_eq!(pdf_entry("d2", "../../"), "documents/d2.pdf");
        for name in [pdf_entry("d1", "a/b\\c:d.pdf"), pdf_entry("d9", "")] {
            assert_eq!(check_name(name.as_bytes()).unwrap(), EntryKind::Pdf);
        }
    }
}
