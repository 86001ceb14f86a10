//! `casetrail import` and `casetrail search`, run as processes against a real
//! database file and generated PDFs.

use casetrail_fixtures::{pdfs as fixture_pdfs, shared_or_skip};

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("data/casetrail.db")
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join("in").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_casetrail"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> Value {
        let (code, stdout, stderr) = self.run(args);
        assert_eq!(code, 0, "{args:?} failed: {stderr}");
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
    }
}

fn by_name<'a>(files: &'a [Value], name: &str) -> &'a Value {
    files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} not in {files:?}"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn import_reports_each_file_and_stores_content_addressed() {
    let env = Env::new();
    let order = fixture_pdfs::text_pdf(&[
        &[
            "UNITED STATES DISTRICT COURT",
            "ORDER granting the motion to quash",
        ],
        &["The warrant was {fi}led under seal."],
    ]);
    env.file("order.pdf", &order);
    env.file("sub/copy-of-order.pdf", &order);
    env.file("empty.pdf", b"");
    env.file("notes.pdf", b"just some notes, not a PDF");
    env.file("locked.pdf", &fixture_pdfs::encrypted_pdf("secret"));
    env.file("ignored.txt", b"not picked up from a folder");
    let folder = env.dir.path().join("in");

    let out = env.json(&["import", s(&folder), "--no-ocr", "--json"]);
    let files = out["files"].as_array().unwrap();
    assert_eq!(files.len(), 5, "{files:?}");
    for f in files {
        for key in [
            "path",
            "status",
            "document_id",
            "pages",
            "pages_needing_ocr",
            "error",
            "detected",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
    let order_out = by_name(files, "/order.pdf");
    let copy_out = by_name(files, "copy-of-order.pdf");
    let mut statuses = [
        order_out["status"].as_str().unwrap(),
        copy_out["status"].as_str().unwrap(),
    ];
    statuses.sort();
    assert_eq!(statuses, ["duplicate", "imported"]);
    assert_eq!(order_out["document_id"], copy_out["document_id"]);
    assert_eq!(order_out["pages"], 2);
    assert_eq!(by_name(files, "empty.pdf")["reason"], "empty_file");
    assert_eq!(by_name(files, "notes.pdf")["reason"], "not_pdf");
    let locked = by_name(files, "locked.pdf");
    assert_eq!(locked["status"], "failed");
    assert!(
        locked["error"].as_str().unwrap().contains("password"),
        "{locked}"
    );
    for key in ["court", "docket_number", "filed", "kind", "citations"] {
        assert!(order_out["detected"].get(key).is_some(), "detected.{key}");
    }

    // One stored copy, named by its hash, and no temporary files left behind.
    let library = env.dir.path().join("data/documents");
    let stored: Vec<PathBuf> = walk(&library);
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(std::fs::read(&stored[0]).unwrap(), order);

    // Importing again changes nothing.
    let again = env.json(&["import", s(&folder.join("order.pdf")), "--json"]);
    assert_eq!(again["files"][0]["status"], "duplicate");
    assert_eq!(again["files"][0]["document_id"], order_out["document_id"]);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

#[test]
fn import_of_a_missing_file_fails_that_file_only() {
    let env = Env::new();
    let good = env.file(
        "good.pdf",
        &fixture_pdfs::text_pdf(&[&["Judgment entered"]]),
    );
    let out = env.json(&["import", "/nonexistent/x.pdf", s(&good), "--json"]);
    assert_eq!(out["files"][0]["status"], "failed");
    assert_eq!(out["files"][1]["status"], "imported");
}

#[test]
fn import_into_an_unknown_case_is_a_user_error() {
    let env = Env::new();
    let good = env.file("good.pdf", &fixture_pdfs::text_pdf(&[&["x"]]));
    let (code, _, stderr) = env.run(&["import", s(&good), "--case", "no-such-case"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn search_finds_pages_and_events_with_phrase_prefix_boolean_and_case_filter() {
    let env = Env::new();
    env.json(&["demo", "--json"]);
    env.json(&[
        "add-case",
        "--key",
        "acme-v-roe",
        "--name",
        "Acme v. Roe",
        "--json",
    ]);
    let ms = env.file(
        "ms.pdf",
        &fixture_pdfs::text_pdf(&[
            &["In the Matter of a Warrant to Search a Certain E-Mail Account"],
            &[
                "controlled and maintained by Microsoft Corporation",
                "The motion was {fi}led.",
            ],
        ]),
    );
    let acme = env.file(
        "acme.pdf",
        &fixture_pdfs::text_pdf(&[&["Acme Corporation moves to dismiss the warrant claim"]]),
    );
    let imported = env.json(&["import", s(&ms), "--case", "microsoft-ireland", "--json"]);
    assert!(imported["files"][0]["proceeding_id"].is_null());
    env.json(&["import", s(&acme), "--case", "acme-v-roe", "--json"]);

    let hits = |q: &str, extra: &[&str]| -> Vec<Value> {
        let mut args = vec!["search", q, "--json"];
        args.extend_from_slice(extra);
        env.json(&args)["hits"].as_array().unwrap().clone()
    };

    let phrase = hits("\"certain e-mail account\"", &[]);
    assert_eq!(phrase[0]["page"], 1);
    assert_eq!(phrase[0]["title"], "ms");
    assert_eq!(phrase[0]["case"], "microsoft-ireland");
    assert!(
        phrase[0]["snippet"].as_str().unwrap().contains('['),
        "{phrase:?}"
    );

    // Ligature in the PDF, plain letters in the query.
    let filed = hits("filed", &[]);
    assert!(
        filed.iter().any(|h| h["page"] == 2 && h["title"] == "ms"),
        "{filed:?}"
    );

    let prefix = hits("corpor*", &[]);
    let titles: Vec<&str> = prefix.iter().filter_map(|h| h["title"].as_str()).collect();
    assert!(
        titles.contains(&"ms") && titles.contains(&"acme"),
        "{titles:?}"
    );

    let not = hits("warrant NOT acme", &[]);
    assert!(not.iter().all(|h| h["title"] != "acme"), "{not:?}");
    assert!(not.iter().any(|h| h["title"] == "ms"));

    let either = hits("dismiss OR maintained", &[]);
    assert_eq!(
        either.iter().filter(|h| h["kind"] == "page").count(),
        2,
        "{either:?}"
    );

    let only_acme = hits("warrant", &["--case", "acme-v-roe"]);
    assert!(!only_acme.is_empty());
    assert!(
        only_acme.iter().all(|h| h["case"] == "acme-v-roe"),
        "{only_acme:?}"
    );

    // Docket-event text is searched too (the demo case's events).
    let events = hits("amicus", &["--case", "microsoft-ireland"]);
    assert!(events.iter().any(|h| h["kind"] == "event"), "{events:?}");

    // Hostile input is a query, never an error.
    for q in [
        "\"",
        "NEAR(",
        "warrant\" OR (",
        "*",
        "AND OR NOT",
        "col:umn",
        "^x",
    ] {
        let (code, stdout, stderr) = env.run(&["search", q, "--json"]);
        assert_eq!(code, 0, "{q:?}: {stderr}");
        assert!(
            serde_json::from_str::<Value>(&stdout).is_ok(),
            "{q:?}: {stdout}"
        );
    }
}

#[test]
fn the_whole_corpus_imports_without_crashing_the_importer() {
    let corpus = shared_or_skip!("corpus/pdf");
    let env = Env::new();
    let out = env.json(&["import", s(&corpus), "--no-ocr", "--json"]);
    let files = out["files"].as_array().unwrap();
    assert!(files.len() >= 40);
    let failed: Vec<(&str, &str)> = files
        .iter()
        .filter(|f| f["status"] == "failed")
        .map(|f| {
            let name = f["path"].as_str().unwrap().rsplit('/').next().unwrap();
            (name, f["reason"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        failed,
        [
            ("doctor__empty.pdf", "empty_file"),
            ("pdfplumber__password-example.pdf", "encrypted")
        ]
    );
    // Scans are imported, and say they need OCR.
    let scan = by_name(files, "doctor__image-pdf.pdf");
    assert_eq!(scan["status"], "imported");
    assert_eq!(scan["pages_needing_ocr"], 2);
    // The big transcript is searchable by page.
    let hits = env.json(&["search", "\"biometric information privacy\"", "--json"]);
    assert!(!hits["hits"].as_array().unwrap().is_empty(), "{hits}");
}

#[test]
fn a_detected_docket_number_links_the_document_to_the_proceeding() {
    let env = Env::new();
    env.json(&["demo", "--json"]);
    let letter = env.file(
        "letter.pdf",
        &fixture_pdfs::text_pdf(&[&[
            "Case 14-2985, Document 327, 08/02/2016, 1832419, Page1 of 2",
            "Letter regarding the mandate",
        ]]),
    );
    let out = env.json(&[
        "import",
        s(&letter),
        "--case",
        "microsoft-ireland",
        "--json",
    ]);
    let file = &out["files"][0];
    assert_eq!(file["detected"]["docket_number"], "14-2985", "{file}");
    assert!(file["proceeding_id"].is_number(), "{file}");
}

#[test]
fn the_user_confirms_or_changes_what_a_document_belongs_to() {
    let env = Env::new();
    env.json(&["demo", "--json"]);
    let pdf = env.file(
        "brief.pdf",
        &fixture_pdfs::text_pdf(&[&[
            "Case 14-2985, Document 47, 12/08/2014",
            "United States Court of Appeals for the Second Circuit",
            "BRIEF FOR APPELLANT MICROSOFT CORPORATION",
        ]]),
    );
    let imported = env.json(&["import", pdf.to_str().unwrap(), "--json"]);
    let id = imported["files"][0]["document_id"].as_i64().unwrap();
    let id_text = id.to_string();
    let listed = env.json(&["documents", "--json"]);
    assert_eq!(
        listed["documents"][0]["case_id"],
        Value::Null,
        "not linked without --case"
    );

    let timeline = env.json(&["timeline", "Ireland", "--json"]);
    let brief = timeline["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["date"] == "2014-12-08")
        .unwrap();
    let event = brief["id"].as_i64().unwrap().to_string();
    let linked = env.json(&[
        "link",
        &id_text,
        "--case",
        "Ireland",
        "--proceeding",
        "14-2985",
        "--event",
        &event,
        "--json",
    ]);
    assert_eq!(linked["event_id"], brief["id"]);
    assert_eq!(linked["proceeding_id"], brief["proceeding_id"]);
    let of_case = env.json(&["documents", "--case", "Ireland", "--json"]);
    assert_eq!(of_case["documents"].as_array().unwrap().len(), 1);

    // Wrong links are refused and change nothing.
    let (code, _, stderr) = env.run(&[
        "link",
        &id_text,
        "--case",
        "Ireland",
        "--proceeding",
        "17-2",
        "--event",
        &event,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("not in the document's proceeding"),
        "{stderr}"
    );
    let (code, _, stderr) = env.run(&["link", "999", "--case", "Ireland"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = env.run(&["link", &id_text]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        env.json(&["documents", "--json"])["documents"][0]["event_id"],
        brief["id"]
    );

    let unlinked = env.json(&["link", &id_text, "--unlink", "--json"]);
    assert_eq!(unlinked["case_id"], Value::Null);
}
