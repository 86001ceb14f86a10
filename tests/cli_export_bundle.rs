//! `casetrail export bundle` and `casetrail import-case BUNDLE` run as
//! processes: the demo case with a generated PDF round-trips into another
//! database and library with its text; a bundle with a bad hash, an entry
//! that escapes, a symbolic link or a zip bomb exits 2 with nothing written.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use casetrail_fixtures::pdfs;
use casetrail_store::{sha256_bytes, Library, Store};
use serde_json::{json, Value};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::cli_process::{casetrail, ok};

/// The demo case with one PDF imported into it; returns the bundle's path.
fn bundled_demo(dir: &Path) -> (PathBuf, PathBuf, Vec<u8>) {
    let db = dir.join("a").join("a.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    ok(&db, &["demo"]);
    let pdf = pdfs::text_pdf(&[
        &["UNITED STATES COURT OF APPEALS", "warrant extraterritorial"],
        &["the Stored Communications Act"],
    ]);
    let file = dir.join("Opinion (2d Cir.).pdf");
    std::fs::write(&file, &pdf).unwrap();
    ok(
        &db,
        &[
            "import",
            "--case",
            "microsoft-ireland",
            file.to_str().unwrap(),
        ],
    );
    let bundle = dir.join("ireland.zip");
    ok(
        &db,
        &[
            "export",
            "bundle",
            "microsoft-ireland",
            "-o",
            bundle.to_str().unwrap(),
        ],
    );
    (db, bundle, pdf)
}

fn entries(bundle: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = ZipArchive::new(std::fs::File::open(bundle).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).unwrap();
            (e.name().to_string(), bytes)
        })
        .collect()
}

#[test]
fn a_bundle_round_trips_the_case_its_pdfs_and_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let (a, bundle, pdf) = bundled_demo(dir.path());
    let json_a = ok(&a, &["export", "json", "microsoft-ireland", "-o", "-"]);
    let files = entries(&bundle);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "case.json",
            "documents/d1-Opinion_2d_Cir.pdf",
            "pages/d1.json",
            "manifest.json"
        ]
    );
    assert_eq!(
        files[0].1,
        json_a.as_bytes(),
        "case.json is the JSON export"
    );
    assert_eq!(files[1].1, pdf);
    let manifest: Value = serde_json::from_slice(&files[3].1).unwrap();
    assert_eq!(manifest["format"], "casetrail-bundle/1");
    for (f, (_, bytes)) in manifest["files"].as_array().unwrap().iter().zip(&files) {
        assert_eq!(f["sha256"], sha256_bytes(bytes));
        assert_eq!(f["size"], bytes.len());
    }

    let b = dir.path().join("b").join("b.db");
    std::fs::create_dir_all(b.parent().unwrap()).unwrap();
    let out = ok(&b, &["import-case", bundle.to_str().unwrap()]);
    assert!(out.contains("Imported case"), "{out}");
    assert_eq!(
        ok(&b, &["export", "json", "microsoft-ireland", "-o", "-"]),
        json_a
    );
    let store = Store::open(&b).unwrap();
    let case = store.find_case("microsoft-ireland").unwrap();
    let docs = store.documents(Some(case.id)).unwrap();
    assert_eq!(docs.len(), 1);
    let stored = Library::beside_database(&b).path_of(&docs[0].sha256);
    assert_eq!(std::fs::read(stored).unwrap(), pdf);
    let pages = store.pages(docs[0].id).unwrap();
    assert_eq!(pages.len(), 2);
    assert!(pages[1].text.contains("Stored Communications Act"));
    let hits = ok(&b, &["search", "extraterritorial", "--json"]);
    assert!(hits.contains(&docs[0].title), "{hits}");
    // The second database bundles the case to the same bytes.
    let again = dir.path().join("again.zip");
    ok(
        &b,
        &[
            "export",
            "bundle",
            "microsoft-ireland",
            "-o",
            again.to_str().unwrap(),
        ],
    );
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&bundle).unwrap()
    );

    // The key is taken now: refused, with the way out; --rename takes it.
    let out = casetrail(&b, &["import-case", bundle.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--rename NEWKEY") && err.contains("merging"),
        "{err}"
    );
    ok(
        &b,
        &[
            "import-case",
            bundle.to_str().unwrap(),
            "--rename",
            "ireland-copy",
        ],
    );
    let copy = Store::open(&b).unwrap();
    let renamed = copy.find_case("ireland-copy").unwrap();
    assert_eq!(copy.timeline(renamed.id).unwrap().events.len(), 37);
    // A JSON file takes --rename too.
    let file = dir.path().join("ireland.json");
    std::fs::write(&file, &json_a).unwrap();
    ok(
        &b,
        &["import-case", file.to_str().unwrap(), "--rename", "third"],
    );
}

/// A zip of these entries; `manifest` adds a manifest listing each with its
/// true hash and size, `declared` overriding the size of one.
fn zip_of(entries: &[(&str, &[u8])], declared: Option<(&str, u64)>) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut files = Vec::new();
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
        let size = match declared {
            Some((n, size)) if n == *name => size,
            _ => bytes.len() as u64,
        };
        let mut f = json!({"path": name, "sha256": sha256_bytes(bytes), "size": size});
        if name.ends_with(".pdf") {
            f["document"] = json!("d1");
        }
        files.push(f);
    }
    let manifest = json!({"format": "casetrail-bundle/1", "case": "x", "files": files});
    zip.start_file("manifest.json", options).unwrap();
    zip.write_all(manifest.to_string().as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// Import `bytes` as a bundle into a fresh database: exit 2, the message
/// holds `says`, and no case and no library file was written.
fn refused(bytes: &[u8], says: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.zip");
    std::fs::write(&file, bytes).unwrap();
    let db = dir.path().join("b.db");
    let out = casetrail(&db, &["import-case", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(says) && err.contains("evil.zip"),
        "expected {says:?} in: {err}"
    );
    let store = Store::open(&db).unwrap();
    assert!(store.cases().unwrap().is_empty(), "a case was written");
    assert!(!dir.path().join("documents").exists(), "a file was written");
    assert!(!dir.path().join("escaped.pdf").exists());
}

#[test]
fn a_bundle_with_a_bad_hash_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bundle, _) = bundled_demo(dir.path());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, mut bytes) in entries(&bundle) {
        if name.ends_with(".pdf") {
            let last = bytes.len() - 2;
            bytes[last] ^= 1;
        }
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    refused(&zip.finish().unwrap().into_inner(), "(damaged or altered)");
}

#[test]
fn entries_that_escape_are_refused() {
    let case = br#"{"format":"casetrail-case/1","case":{"slug":"x","name":"X"},"proceedings":[],"events":[]}"#;
    for (name, says) in [
        ("../escaped.pdf", "climbs out of the bundle"),
        ("documents/../../escaped.pdf", "climbs out of the bundle"),
        ("/tmp/escaped.pdf", "is an absolute path"),
        ("documents\\..\\escaped.pdf", "backslash"),
        ("C:/escaped.pdf", "drive letter"),
        ("run.sh", "is not part of a case bundle"),
    ] {
        refused(
            &zip_of(&[("case.json", case), (name, b"%PDF-1.4")], None),
            says,
        );
    }
}

#[test]
fn a_symbolic_link_entry_is_refused() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.add_symlink(
        "documents/d1-x.pdf",
        "/etc/passwd",
        SimpleFileOptions::default(),
    )
    .unwrap();
    refused(&zip.finish().unwrap().into_inner(), "is a symbolic link");
}

#[test]
fn a_zip_bomb_is_refused_while_it_inflates() {
    let case = br#"{"format":"casetrail-case/1","case":{"slug":"x","name":"X"},"proceedings":[],"events":[],"documents":[{"key":"d1","sha256":"00","title":"x","size_bytes":1,"page_count":1,"ocr":"not_needed"}]}"#;
    // 64 MiB of zeros deflate to about 64 KiB; the manifest says 1000 bytes.
    let zeros = vec![0u8; 64 << 20];
    let bomb = zip_of(
        &[("case.json", case), ("documents/d1-x.pdf", &zeros)],
        Some(("documents/d1-x.pdf", 1000)),
    );
    assert!(bomb.len() < 1 << 20);
    refused(&bomb, "refused as a zip bomb");
    // An honest manifest past the caps is refused before anything inflates.
    let huge = zip_of(
        &[("case.json", case), ("documents/d1-x.pdf", b"%PDF")],
        Some(("documents/d1-x.pdf", 40 << 30)),
    );
    refused(&huge, "refused as a zip bomb");
}

#[test]
fn the_caps_hold_whatever_the_manifest_says() {
    use casetrail_import::bundle::{import, Limits};
    let case = br#"{"format":"casetrail-case/1","case":{"slug":"x","name":"X"},"proceedings":[],"events":[]}"#;
    let zeros = vec![0u8; 8 << 20];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.zip");
    std::fs::write(
        &file,
        zip_of(&[("case.json", case), ("documents/d1-x.pdf", &zeros)], None),
    )
    .unwrap();
    let mut store = Store::open(dir.path().join("b.db")).unwrap();
    let library = Library::new(dir.path().join("documents"));
    let small = Limits {
        entry: 1 << 20,
        ..Limits::default()
    };
    let err = import(&mut store, &library, &file, None, &small).unwrap_err();
    assert!(err.to_string().contains("zip bomb"), "{err}");
    let tight = Limits {
        total: 4 << 20,
        ..Limits::default()
    };
    let err = import(&mut store, &library, &file, None, &tight).unwrap_err();
    assert!(err.to_string().contains("past the cap"), "{err}");
    assert!(store.cases().unwrap().is_empty());
}
