//! `casetrail cites`, `authorities`, `redetect` and citation-aware `search`, run as
//! processes on a real database file, with PDFs generated here (two briefs of our
//! own that cite the same cases in different spellings).

use std::path::PathBuf;
use std::process::Command;

use casetrail_fixtures::pdfs::text_pdf;
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
        self.dir.path().join("casetrail.db")
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_casetrail"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("CASETRAIL_DB")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let (code, stdout, stderr) = self.run(&all);
        assert_eq!(code, 0, "{args:?} failed: {stderr}");
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
    }

    /// A case and two briefs in it, imported; returns the two documents' ids.
    fn briefs(&self) -> (i64, i64) {
        let dir = self.dir.path().join("in");
        std::fs::create_dir_all(&dir).unwrap();
        let opening = text_pdf(&[
            &[
                "MEMORANDUM IN SUPPORT OF MOTION TO DISMISS",
                "A complaint must state a plausible claim. Ashcroft v. Iqbal,",
                "556 U.S. 662, 678, 129 S. Ct. 1937, 173 L. Ed. 2d 868 (2009);",
                "Bell Atl. Corp. v. Twombly, 550 U.S. 544, 570 (2007).",
            ],
            &[
                "Labels and conclusions do not do. Iqbal, 556 U.S. at 678.",
                "Id. at 679. The motion is made under Fed. R. Civ. P. 12(b)(6).",
            ],
            &["Plaintiff sues under 42 U.S.C. 1983. See Twombly, supra, at 556."],
        ]);
        let reply = text_pdf(&[
            &["REPLY IN SUPPORT OF MOTION TO DISMISS"],
            &[
                "The standard is settled. Ashcroft v. Iqbal, 556 U. S. 662 (2009).",
                "See also Doe v. Roe, 829 F. 3d 197, 200 (2d Cir. 2016).",
            ],
        ]);
        std::fs::write(dir.join("opening.pdf"), opening).unwrap();
        std::fs::write(dir.join("reply.pdf"), reply).unwrap();
        self.json(&["add-case", "--key", "doe-v-acme", "--name", "Doe v. Acme"]);
        let out = self.json(&[
            "import",
            "--no-ocr",
            "--case",
            "doe-v-acme",
            dir.join("opening.pdf").to_str().unwrap(),
            dir.join("reply.pdf").to_str().unwrap(),
        ]);
        let ids: Vec<i64> = out["files"]
            .as_array()
            .unwrap_or_else(|| panic!("no files in {out}"))
            .iter()
            .map(|f| f["document_id"].as_i64().unwrap())
            .collect();
        (ids[0], ids[1])
    }
}

/// `(document id, pages)` of each citing document.
fn documents(v: &Value) -> Vec<(i64, Vec<u64>)> {
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let pages = d["pages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_u64().unwrap());
            (d["document_id"].as_i64().unwrap(), pages.collect())
        })
        .collect()
}

#[test]
fn cites_lists_every_document_and_page_however_the_citation_is_printed() {
    let env = Env::new();
    let (opening, reply) = env.briefs();
    for query in [
        "556 U.S. 662",
        "556 U. S. 662",
        "556 U.S. 662, 678",
        "129 S. Ct. 1937",
    ] {
        let v = env.json(&["cites", query]);
        assert!(v["authority"].as_str().is_some(), "{v}");
        // The opening brief cites Iqbal on page 1 (in full, three reporters), page 2
        // (short form and Id.); the reply on page 2. Most citations first.
        assert_eq!(
            documents(&v),
            [(opening, vec![1, 2]), (reply, vec![2])],
            "{query}: {v}"
        );
        let keys: Vec<&str> = v["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        assert!(
            keys.contains(&"556 U.S. 662") && keys.contains(&"129 S. Ct. 1937"),
            "{keys:?}"
        );
    }
    let v = env.json(&["cites", "556 U.S. 662"]);
    let mut kinds: Vec<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["case", "case", "case", "case", "id", "short_case"]);
    let short = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "short_case")
        .unwrap();
    assert_eq!(short["text"], "556 U.S. at 678");
    assert_eq!(short["page"], 2);

    let v = env.json(&["cites", "42 U.S.C. 1983"]);
    assert_eq!(v["authority"], "42 U.S.C. \u{a7} 1983");
    assert_eq!(documents(&v), [(opening, vec![3])]);

    // Nothing cites it: an empty answer, not an error.
    let v = env.json(&["cites", "1 F.4th 1"]);
    assert!(v["documents"].as_array().unwrap().is_empty());
    let (code, stdout, _) = env.run(&["cites", "556 U.S. 662"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("cited 6 times in 2 documents"), "{stdout}");
}

#[test]
fn cites_refuses_what_is_not_a_citation() {
    let env = Env::new();
    env.briefs();
    let (code, stdout, stderr) = env.run(&["cites", "Iqbal"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("not a citation"), "{stderr}");
}

#[test]
fn authorities_table_most_cited_first() {
    let env = Env::new();
    let (opening, reply) = env.briefs();
    let v = env.json(&["authorities", "doe-v-acme"]);
    let table = v["authorities"].as_array().unwrap();
    let row = |key: &str| {
        table
            .iter()
            .find(|a| a["authority"] == key)
            .unwrap_or_else(|| panic!("{key} not in {v}"))
    };
    assert_eq!(table[0]["authority"], "556 U.S. 662");
    let iqbal = row("556 U.S. 662");
    assert_eq!(iqbal["kind"], "case");
    assert_eq!(iqbal["name"], "Ashcroft v. Iqbal");
    assert_eq!(iqbal["year"], 2009);
    assert_eq!(iqbal["count"], 6);
    assert_eq!(
        iqbal["parallel"],
        serde_json::json!(["129 S. Ct. 1937", "173 L. Ed. 2d 868"])
    );
    assert_eq!(documents(iqbal), [(opening, vec![1, 2]), (reply, vec![2])]);
    let twombly = row("550 U.S. 544");
    assert_eq!(twombly["count"], 2, "the full citation and supra");
    assert_eq!(documents(twombly), [(opening, vec![1, 3])]);
    assert_eq!(row("829 F.3d 197")["court"], "2d Cir.");
    assert_eq!(row("42 U.S.C. \u{a7} 1983")["kind"], "statute");
    assert_eq!(row("Fed. R. Civ. P. 12")["kind"], "rule");
    let counts: Vec<u64> = table.iter().map(|a| a["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");

    let (code, stdout, _) = env.run(&["authorities", "doe-v-acme"]);
    assert_eq!(code, 0);
    for heading in [
        "Cases",
        "Statutes",
        "Rules",
        "Ashcroft v. Iqbal, 556 U.S. 662",
    ] {
        assert!(stdout.contains(heading), "{heading} not in {stdout}");
    }
    let (code, _, stderr) = env.run(&["authorities", "no-such-case"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn search_finds_a_citation_however_it_is_spaced() {
    let env = Env::new();
    let (opening, reply) = env.briefs();
    for query in ["556 U.S. 662", "556 U. S. 662", "556 US 662"] {
        let v = env.json(&["search", query]);
        let hits: Vec<(i64, u64)> = v["hits"]
            .as_array()
            .unwrap_or_else(|| panic!("{v}"))
            .iter()
            .filter(|h| h["kind"] == "page")
            .map(|h| {
                (
                    h["document_id"].as_i64().unwrap(),
                    h["page"].as_u64().unwrap(),
                )
            })
            .collect();
        for want in [(opening, 1), (opening, 2), (reply, 2)] {
            assert!(hits.contains(&want), "{query}: {want:?} not in {hits:?}");
        }
    }
    let v = env.json(&["search", "556 U.S. 662"]);
    let snippet = v["hits"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("[556 U"), "{snippet}");
}

#[test]
fn redetect_gives_old_imports_their_citations() {
    let env = Env::new();
    let (opening, _) = env.briefs();
    // Every document was read by this version: nothing to do.
    let v = env.json(&["redetect"]);
    assert!(v["documents"].as_array().unwrap().is_empty(), "{v}");
    // What an import by an older version left: no citations, an older version, old metadata.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "DELETE FROM citations; UPDATE documents SET detected_version = 0, detected = '{}';",
    )
    .unwrap();
    drop(conn);
    assert!(env.json(&["cites", "556 U.S. 662"])["documents"]
        .as_array()
        .unwrap()
        .is_empty());

    let v = env.json(&["redetect"]);
    let done = v["documents"].as_array().unwrap();
    assert_eq!(done.len(), 2, "{v}");
    assert!(done.iter().all(|d| d["metadata_changed"] == true));
    let first = done.iter().find(|d| d["document_id"] == opening).unwrap();
    // Four full citations on page 1, a short form, Id. and a rule on page 2, a
    // statute and supra on page 3.
    assert_eq!(first["citations"], 9);
    assert_eq!(documents(&env.json(&["cites", "556 U.S. 662"])).len(), 2);
    let doc = &env.json(&["documents"])["documents"];
    assert!(doc[0]["detected"]["citations"].is_array(), "{doc}");

    assert!(env.json(&["redetect"])["documents"]
        .as_array()
        .unwrap()
        .is_empty());
    let again = env.json(&["redetect", "--all"]);
    let again = again["documents"].as_array().unwrap();
    assert_eq!(again.len(), 2);
    assert!(again.iter().all(|d| d["metadata_changed"] == false));
    // Reading again replaces, never duplicates.
    assert_eq!(
        env.json(&["cites", "556 U.S. 662"])["citations"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
}
