//! The first pass over a bundle, which writes nothing: every entry's name and
//! type checked from the central directory, the manifest read, every listed
//! entry inflated once through a counting, hashing reader that stops one
//! byte past what the manifest declares (and past the caps), so a zip
//! bomb is refused after at most that many bytes whatever its headers say.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};

use sha2::{Digest, Sha256};
use zip::{CompressionMethod, ZipArchive};

use super::manifest::{check_name, EntryKind, Manifest, ManifestFile, PageData, CASE, MANIFEST};
use super::BundleError;
use casetrail_export::case_file::CaseFile;
use casetrail_model::Page;

/// How much a bundle may unpack to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The most one entry may unpack to.
    pub entry: u64,
    /// The most all entries together may unpack to.
    pub total: u64,
    /// The most `manifest.json`, `case.json` or one `pages/*.json` may hold
    /// (they are read into memory).
    pub text: u64,
    /// The most entries a bundle may have.
    pub entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entry: 2 << 30,
            total: 16 << 30,
            text: 256 << 20,
            entries: 100_000,
        }
    }
}

/// A PDF of the bundle, checked: where it is and what it hashes to.
#[derive(Debug, Clone)]
pub struct BundledPdf {
    pub index: usize,
    pub entry: String,
    pub sha256: String,
    pub size: u64,
}

/// A bundle whose every entry was checked.
#[derive(Debug)]
pub struct Verified {
    pub file: CaseFile,
    pub pdfs: Vec<BundledPdf>,
    /// Page text by the document's SHA-256.
    pub pages: HashMap<String, Vec<Page>>,
}

/// Check every entry of the bundle (see the module's text).
pub fn verify<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    limits: &Limits,
) -> Result<Verified, BundleError> {
    if zip.len() > limits.entries {
        return Err(BundleError::TooManyEntries {
            cap: limits.entries,
        });
    }
    let mut index: HashMap<String, usize> = HashMap::new();
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| BundleError::Unreadable(e.to_string()))?;
        let kind = check_name(entry.name_raw())?;
        let name = entry.name().to_string();
        if entry.is_symlink() {
            return Err(BundleError::Symlink { entry: name });
        }
        if entry.encrypted()
            || !matches!(
                entry.compression(),
                CompressionMethod::Stored | CompressionMethod::Deflated
            )
        {
            let method = if entry.encrypted() {
                "encrypted".to_string()
            } else {
                entry.compression().to_string()
            };
            return Err(BundleError::Method {
                entry: name,
                method,
            });
        }
        if kind == EntryKind::Folder {
            continue;
        }
        if entry.is_dir() {
            return Err(BundleError::Unexpected { entry: name });
        }
        if index.insert(name.clone(), i).is_some() {
            return Err(BundleError::Duplicate { entry: name });
        }
    }
    let Some(&at) = index.get(MANIFEST) else {
        return Err(BundleError::Manifest(
            "missing: this zip is not a Casetrail case bundle".into(),
        ));
    };
    let manifest_bytes = read(zip, at, MANIFEST, None, limits.text.min(limits.entry))?
        .expect("the manifest is kept");
    let manifest = Manifest::parse(&manifest_bytes)?;
    let listed: HashSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    if let Some(extra) = index
        .keys()
        .find(|n| *n != MANIFEST && !listed.contains(n.as_str()))
    {
        return Err(BundleError::Unlisted {
            entry: extra.clone(),
        });
    }
    let mut total: u64 = manifest_bytes.len() as u64;
    for f in &manifest.files {
        if f.size > limits.entry {
            return Err(BundleError::EntryTooLarge {
                entry: f.path.clone(),
                cap: limits.entry,
            });
        }
        total = total.saturating_add(f.size);
    }
    if total > limits.total {
        return Err(BundleError::TotalTooLarge {
            total,
            cap: limits.total,
        });
    }
    let mut case: Option<Vec<u8>> = None;
    let mut pages_bytes: Vec<(&ManifestFile, Vec<u8>)> = Vec::new();
    let mut pdfs = Vec::new();
    for f in &manifest.files {
        let at = *index.get(&f.path).ok_or_else(|| BundleError::Missing {
            entry: f.path.clone(),
        })?;
        match check_name(f.path.as_bytes())? {
            EntryKind::Pdf => {
                read(zip, at, &f.path, Some(f), limits.entry)?;
                pdfs.push(BundledPdf {
                    index: at,
                    entry: f.path.clone(),
                    sha256: f.sha256.clone(),
                    size: f.size,
                });
            }
            kind => {
                let text = read(zip, at, &f.path, Some(f), limits.text.min(limits.entry))?;
                let text = text.expect("text entries are kept");
                if kind == EntryKind::Case {
                    case = Some(text);
                } else {
                    pages_bytes.push((f, text));
                }
            }
        }
    }
    let case = case.expect("the manifest lists case.json");
    let text = std::str::from_utf8(&case).map_err(|e| BundleError::CaseFile(e.to_string()))?;
    let file = CaseFile::parse(text).map_err(|e| BundleError::CaseFile(e.to_string()))?;
    let pages = match_documents(&file, &manifest, pages_bytes)?;
    Ok(Verified { file, pdfs, pages })
}

/// Each PDF and page text is a document of the case file (by key, and for
/// a PDF by its bytes' hash too); page text by the document's hash.
fn match_documents(
    file: &CaseFile,
    manifest: &Manifest,
    pages: Vec<(&ManifestFile, Vec<u8>)>,
) -> Result<HashMap<String, Vec<Page>>, BundleError> {
    let sha_of: HashMap<&str, &str> = file
        .documents
        .iter()
        .map(|d| (d.key.as_str(), d.sha256.as_str()))
        .collect();
    let document = |f: &ManifestFile| {
        let key = f.document.as_deref().unwrap_or_default();
        sha_of.get(key).copied().ok_or_else(|| {
            BundleError::CaseFile(format!("{} belongs to no document {key:?}", f.path))
        })
    };
    for f in manifest.files.iter().filter(|f| f.path != CASE) {
        let sha = document(f)?;
        if check_name(f.path.as_bytes())? == EntryKind::Pdf && !sha.eq_ignore_ascii_case(&f.sha256)
        {
            return Err(BundleError::CaseFile(format!(
                "{} is not the file of its document (its SHA-256 is {}, the document's {sha})",
                f.path, f.sha256
            )));
        }
    }
    let mut by_sha = HashMap::new();
    for (f, bytes) in pages {
        let list: Vec<PageData> =
            serde_json::from_slice(&bytes).map_err(|e| BundleError::Damaged {
                entry: f.path.clone(),
                why: e.to_string(),
            })?;
        let sha = document(f)?.to_ascii_lowercase();
        by_sha.insert(sha, list.into_iter().map(Page::from).collect());
    }
    Ok(by_sha)
}

/// Inflate one entry, counting and hashing, refusing it once it passes
/// `cap` or the size `listed` declares (whichever is less), and checking
/// its size and hash against `listed`. Text entries are kept in memory;
/// PDFs are hashed and dropped (`None`).
fn read<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    at: usize,
    name: &str,
    listed: Option<&ManifestFile>,
    cap: u64,
) -> Result<Option<Vec<u8>>, BundleError> {
    // The manifest (not listed in itself) and the JSON entries are kept.
    let keep = listed.is_none() || name.ends_with(".json");
    let damaged = |e: &dyn std::fmt::Display| BundleError::Damaged {
        entry: name.to_string(),
        why: e.to_string(),
    };
    let entry = zip.by_index(at).map_err(|e| damaged(&e))?;
    let limit = listed.map_or(cap, |f| f.size.min(cap));
    let mut reader = entry.take(limit + 1);
    let mut hasher = Sha256::new();
    let mut kept = Vec::new();
    let mut count: u64 = 0;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = reader.read(&mut buf).map_err(|e| damaged(&e))?;
        if n == 0 {
            break;
        }
        count += n as u64;
        if count > limit {
            return Err(match listed {
                Some(f) if f.size <= cap => BundleError::Overflows {
                    entry: name.to_string(),
                    declared: f.size,
                },
                _ => BundleError::EntryTooLarge {
                    entry: name.to_string(),
                    cap,
                },
            });
        }
        hasher.update(&buf[..n]);
        if keep {
            kept.extend_from_slice(&buf[..n]);
        }
    }
    if let Some(f) = listed {
        if count != f.size {
            return Err(BundleError::Size {
                entry: name.to_string(),
                declared: f.size,
                actual: count,
            });
        }
        let actual: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if actual != f.sha256 {
            return Err(BundleError::Hash {
                entry: name.to_string(),
                expected: f.sha256.clone(),
                actual,
            });
        }
    }
    Ok(keep.then_some(kept))
}
