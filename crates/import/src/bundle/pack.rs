//! Writing a bundle: the case file, each document's PDF from the library
//! (its hash checked as it is copied) and page text, then the manifest.
//! Entries carry no clock (the zip's 1980 default), so the same case makes
//! the same bytes.

use std::fs::File;
use std::io::{Read, Seek, Write};

use serde::Serialize;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::manifest::{
    pages_entry, pdf_entry, Manifest, ManifestFile, PageData, CASE, FORMAT, MANIFEST,
};
use crate::{Error, Result};
use casetrail_export::case_file;
use casetrail_model::CaseId;
use casetrail_store::{Library, Store};

/// What went into a bundle.
#[derive(Debug, Clone, Serialize)]
pub struct Packed {
    /// The case's key.
    pub case: String,
    /// Documents whose PDF is in the bundle.
    pub pdfs: usize,
    /// Titles of the case's documents whose PDF is not in the library (the
    /// bundle carries their metadata and text only).
    pub missing: Vec<String>,
}

/// Write the bundle of a case to `out`, its PDFs taken from `library`.
pub fn write<W: Write + Seek>(
    store: &Store,
    library: &Library,
    case: CaseId,
    out: W,
) -> Result<(W, Packed)> {
    let record = store.case_record(case)?;
    let json = case_file::render(&record);
    let file = case_file::from_record(&record);
    let mut zip = Zip {
        writer: ZipWriter::new(out),
        files: Vec::new(),
    };
    zip.add(CASE, None, &mut json.as_bytes())?;
    let mut packed = Packed {
        case: record.case.slug.clone(),
        pdfs: 0,
        missing: Vec::new(),
    };
    for (d, data) in record.documents.iter().zip(&file.documents) {
        let doc = &d.document;
        let path = library.path_of(&doc.sha256);
        if path.is_file() {
            let name = if doc.original_name.is_empty() {
                &doc.title
            } else {
                &doc.original_name
            };
            let mut input = File::open(&path).map_err(|e| Error::io(&path, e))?;
            let entry = pdf_entry(&data.key, name);
            let sha = zip.add(&entry, Some(&data.key), &mut input)?;
            if sha != doc.sha256 {
                return Err(Error::Data(format!(
                    "the library's copy of {:?} ({}) is damaged: its bytes no longer hash to \
                     {}; import the PDF again",
                    doc.title,
                    path.display(),
                    doc.sha256
                )));
            }
            packed.pdfs += 1;
        } else {
            packed.missing.push(doc.title.clone());
        }
        let pages: Vec<PageData> = store.pages(doc.id)?.iter().map(PageData::from).collect();
        if !pages.is_empty() {
            let text = serde_json::to_vec(&pages).map_err(|e| Error::Data(e.to_string()))?;
            zip.add(
                &pages_entry(&data.key),
                Some(&data.key),
                &mut text.as_slice(),
            )?;
        }
    }
    let manifest = Manifest {
        format: FORMAT.to_string(),
        case: record.case.slug.clone(),
        files: std::mem::take(&mut zip.files),
    };
    let mut text = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Data(e.to_string()))?;
    text.push(b'\n');
    zip.add(MANIFEST, None, &mut text.as_slice())?;
    let out = zip.writer.finish().map_err(zip_error)?;
    Ok((out, packed))
}

struct Zip<W: Write + Seek> {
    writer: ZipWriter<W>,
    files: Vec<ManifestFile>,
}

impl<W: Write + Seek> Zip<W> {
    /// Add an entry, hashing it on the way; list it in the manifest. Returns its SHA-256.
    fn add(&mut self, name: &str, document: Option<&str>, input: &mut dyn Read) -> Result<String> {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .unix_permissions(0o644);
        self.writer.start_file(name, options).map_err(zip_error)?;
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = input.read(&mut buf).map_err(|e| Error::io(name, e))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            size += n as u64;
            self.writer
                .write_all(&buf[..n])
                .map_err(|e| Error::io(name, e))?;
        }
        let sha256: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if name != MANIFEST {
            self.files.push(ManifestFile {
                path: name.to_string(),
                sha256: sha256.clone(),
                size,
                document: document.map(str::to_string),
            });
        }
        Ok(sha256)
    }
}

fn zip_error(e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(e) => Error::io("case bundle", e),
        e => Error::Data(format!("writing the case bundle: {e}")),
    }
}
