//! Courts and docket numbers read on import, measured against the hand-read
//! first pages in `../shared/corpus/first_page_truth.tsv`.
//!
//! The whole corpus is imported with the real `casetrail` binary (`--no-ocr`)
//! and each file's `detected` court and docket number is compared with the
//! truth. Judged are the text PDFs: those whose first page the import read
//! from a text layer of its own. The bar: right on at least 95 % of the text
//! PDFs that name a court (show a docket number), and no wrong answer at all
//! on any file — a file where nothing is detected is a miss, not an error.
//! Skipped, with its reason, without `../shared`.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use casetrail_detect::court_name;
use casetrail_fixtures::shared_or_skip;
use serde_json::Value;

/// One row of the truth file.
struct Truth {
    file: String,
    court: String,
    docket: String,
}

fn truth(path: &Path) -> Vec<Truth> {
    let text = std::fs::read_to_string(path).expect("truth tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("").trim().to_string();
            Truth {
                file: get(0),
                court: get(1),
                docket: get(2),
            }
        })
        .collect()
}

/// Below this many visible characters the extractor treats a page as a scan
/// with a thin text layer (an ECF stamp); such a page names no court in text.
const THIN_TEXT_LAYER: usize = 200;

/// Files whose first page the import read from a text layer of its own
/// (status `text`, at least [`THIN_TEXT_LAYER`] visible characters), from the
/// database the import wrote.
fn text_pdfs(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open the database");
    let mut stmt = conn
        .prepare(
            "SELECT d.original_name, p.text FROM documents d
             JOIN pages p ON p.document_id = d.id AND p.number = 1
             WHERE p.status = 'text'",
        )
        .expect("query");
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .expect("pages");
    rows.filter_map(|r| r.ok())
        .filter(|(_, text)| text.chars().filter(|c| !c.is_whitespace()).count() >= THIN_TEXT_LAYER)
        .map(|(name, _)| name)
        .collect()
}

/// Docket numbers compare without case, spaces or parenthesised judge initials.
fn docket_key(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 && !c.is_whitespace() => out.extend(c.to_uppercase()),
            _ => {}
        }
    }
    out
}

/// Truth rows that describe page 1 while their notes give the document's own
/// court and number on page 2, which the import reads too ("doc-level" in the
/// notes column): (file, court id, docket).
const DOC_LEVEL: [(&str, &str, &str); 2] = [
    (
        "docketanalyzer-ocr__data_test.pdf",
        "washctapp",
        "83486-0-I",
    ),
    (
        "x-ray__gov.uscourts.cand.306945.1244.0.pdf",
        "cand",
        "5:17-cv-00220-LHK",
    ),
];

#[derive(Default, Debug)]
struct Score {
    asked: usize,
    right: usize,
    wrong: Vec<String>,
}

impl Score {
    fn pct(&self) -> f64 {
        100.0 * self.right as f64 / self.asked.max(1) as f64
    }
}

/// Import every corpus PDF once into `db` and return `detected` by file name.
fn import_corpus(pdf_dir: &Path, db: &Path) -> HashMap<String, Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .arg("--db")
        .arg(db)
        .args(["--json", "import", "--no-ocr"])
        .arg(pdf_dir)
        .output()
        .expect("run casetrail import");
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed: Value = serde_json::from_slice(&out.stdout).expect("import --json");
    parsed["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| {
            let name = f["path"].as_str()?.rsplit('/').next()?.to_string();
            Some((name, f["detected"].clone()))
        })
        .collect()
}

#[test]
fn import_reads_courts_and_docket_numbers_of_the_corpus() {
    let truth_path = shared_or_skip!("corpus/first_page_truth.tsv");
    let pdf_dir = shared_or_skip!("corpus/pdf");
    let rows = truth(&truth_path);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("casetrail.db");
    let detected = import_corpus(&pdf_dir, &db);
    let text = text_pdfs(&db);
    let (mut court, mut docket) = (Score::default(), Score::default());
    for t in &rows {
        let Some(d) = detected.get(&t.file) else {
            panic!("{} was not imported", t.file);
        };
        let doc_level = DOC_LEVEL.iter().find(|(f, ..)| *f == t.file);
        let is_text = text.contains(&t.file);

        let got_id = d["court"].as_str();
        let got_name = got_id.and_then(court_name).unwrap_or("");
        // A truth court that names no particular court ("United States District
        // Court") is matched by any court of that name.
        let specific = court_name_is_specific(&t.court);
        let right = (!t.court.is_empty() && got_name == t.court)
            || doc_level.is_some_and(|l| got_id == Some(l.1));
        let acceptable = got_id.is_none()
            || right
            || (!specific && !t.court.is_empty() && got_name.starts_with(&t.court));
        if !acceptable {
            court
                .wrong
                .push(format!("{}: {got_id:?}, truth {:?}", t.file, t.court));
        }
        if is_text && specific {
            court.asked += 1;
            court.right += usize::from(right);
            if !right {
                println!("court missed  {}: {got_id:?}, truth {:?}", t.file, t.court);
            }
        }

        let got = d["docket_number"].as_str();
        let key = got.map(docket_key).unwrap_or_default();
        let right = (!t.docket.is_empty() && t.docket.split(';').any(|w| docket_key(w) == key))
            || doc_level.is_some_and(|l| docket_key(l.2) == key);
        if got.is_some() && !right {
            docket
                .wrong
                .push(format!("{}: {got:?}, truth {:?}", t.file, t.docket));
        }
        if is_text && !t.docket.is_empty() {
            docket.asked += 1;
            docket.right += usize::from(right);
            if !right {
                println!("docket missed {}: {got:?}, truth {:?}", t.file, t.docket);
            }
        }
    }
    println!(
        "FIGURE detect_corpus_court {:.1} % ({}/{} text PDFs naming a court), wrong {}",
        court.pct(),
        court.right,
        court.asked,
        court.wrong.len()
    );
    println!(
        "FIGURE detect_corpus_docket {:.1} % ({}/{} text PDFs showing a number), wrong {}",
        docket.pct(),
        docket.right,
        docket.asked,
        docket.wrong.len()
    );
    assert!(court.asked >= 25, "only {} files name a court", court.asked);
    assert!(
        docket.asked >= 25,
        "only {} files show a number",
        docket.asked
    );
    assert!(court.wrong.is_empty(), "wrong courts: {:#?}", court.wrong);
    assert!(
        docket.wrong.is_empty(),
        "wrong numbers: {:#?}",
        docket.wrong
    );
    assert!(court.pct() >= 95.0, "courts {:.1} % < 95 %", court.pct());
    assert!(docket.pct() >= 95.0, "dockets {:.1} % < 95 %", docket.pct());
}

/// True when the truth's court is one court, not a family of them.
fn court_name_is_specific(name: &str) -> bool {
    !name.is_empty() && name != "United States District Court"
}
