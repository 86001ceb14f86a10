//! Citations through the import, against eyecite on the same corpus and text.
//!
//! `cargo bench -p casetrail --bench citations` (needs `../shared/corpus`, or
//! `CASETRAIL_SHARED`; eyecite 2.7.8 is installed from PyPI into
//! `target/bench-venv` on first run, which needs `python3-venv`). Prints:
//! - recall of eyecite's distinct full case citations per file, over what the
//!   import stored (`casetrail_import::import_paths`, every page), both raw and
//!   leaving out the ones we judge spurious (`benches/citations/eyecite_spurious.tsv`,
//!   each with its reason), and every citation of ours eyecite does not have;
//! - pages per second finding citations (`casetrail_detect::cite_pages`, what the
//!   import runs) against eyecite's `get_citations`, on the page texts the import stored.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use casetrail_extract::Limits;
use casetrail_import::{import_paths, ImportOptions};
use casetrail_store::{Library, Store};

const EYECITE: &str = "eyecite==2.7.8";

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let (Some(pdfs), Some(expected)) = (
        casetrail_fixtures::shared::path("corpus/pdf"),
        casetrail_fixtures::shared::path("corpus/eyecite_citations.json"),
    ) else {
        eprintln!("note: ../shared/corpus not found; citations benchmark skipped");
        return;
    };
    let eyecite: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(expected).expect("read eyecite json"))
            .expect("eyecite json");
    let spurious = spurious();

    // The import, as `casetrail import --no-ocr` runs it.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).unwrap();
    let options = ImportOptions {
        worker: PathBuf::from(env!("CARGO_BIN_EXE_casetrail")),
        library: Library::beside_database(&db),
        limits: Limits {
            ocr: false,
            ..Limits::default()
        },
        case: None,
        threads: 0,
    };
    import_paths(
        &mut store,
        &[pdfs],
        &options,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("import");

    let (mut want_all, mut want_real, mut agreed, mut agreed_real) = (0, 0, 0, 0);
    let mut texts: Vec<Vec<String>> = Vec::new();
    let mut ours_only: Vec<String> = Vec::new();
    for doc in store.documents(None).unwrap() {
        let pages: Vec<String> = store
            .pages(doc.id)
            .unwrap()
            .into_iter()
            .map(|p| p.text)
            .collect();
        texts.push(pages);
        let got: BTreeSet<String> = store
            .document_citations(doc.id)
            .unwrap()
            .into_iter()
            .filter(|c| c.kind == "case")
            .map(|c| c.key)
            .collect();
        let want: BTreeSet<String> = eyecite[&doc.original_name]["full_case"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        for c in &want {
            let real = !spurious.contains_key(&(doc.original_name.clone(), c.clone()));
            let found = got.contains(c);
            want_all += 1;
            agreed += usize::from(found);
            if real {
                want_real += 1;
                agreed_real += usize::from(found);
            } else if found {
                println!("  found, though judged spurious: {} {c}", doc.original_name);
            } else {
                println!(
                    "  eyecite only (spurious: {}): {} {c}",
                    spurious[&(doc.original_name.clone(), c.clone())],
                    doc.original_name
                );
            }
            if real && !found {
                println!("  MISSED: {} {c}", doc.original_name);
            }
        }
        for c in got.difference(&want) {
            ours_only.push(format!("{} {c}", doc.original_name));
        }
    }
    for c in &ours_only {
        println!("  ours only: {c}");
    }
    println!(
        "citations through the import: {agreed} of eyecite's {want_all} distinct full case citations ({:.1}%); \
         {agreed_real} of the {want_real} not judged spurious; {} of ours not in eyecite's list",
        100.0 * agreed as f64 / want_all.max(1) as f64,
        ours_only.len()
    );
    println!(
        "FIGURE citations_recall_raw_vs_eyecite {:.3}",
        agreed as f64 / want_all.max(1) as f64
    );
    println!(
        "RATIO citations_recall_vs_eyecite {:.3} (goal >= 0.97)",
        agreed_real as f64 / want_real.max(1) as f64
    );

    // Speed on the same texts.
    let pages: usize = texts.iter().map(Vec::len).sum();
    let reps = 20;
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..reps {
        let start = Instant::now();
        found = texts
            .iter()
            .map(|doc| {
                let refs: Vec<&str> = doc.iter().map(String::as_str).collect();
                casetrail_detect::cite_pages(&refs).len()
            })
            .sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let ours = pages as f64 / best;
    println!(
        "finding citations, Casetrail: {pages} pages, {found} citations, {:.1} ms, {ours:.0} pages/s",
        best * 1000.0
    );
    let python = match venv() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("note: eyecite unavailable ({why}); the speed ratio is skipped");
            return;
        }
    };
    let list = dir.path().join("texts.json");
    std::fs::write(&list, serde_json::to_string(&texts).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/citations/eyecite_pages.py");
    let out = Command::new(&python)
        .arg(script)
        .arg(&list)
        .arg("3")
        .output()
        .expect("run eyecite");
    assert!(
        out.status.success(),
        "eyecite: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("eyecite JSON");
    let seconds = v["seconds"].as_f64().unwrap_or(f64::NAN);
    let theirs = pages as f64 / seconds;
    println!(
        "finding citations, eyecite 2.7.8: {} citations, {:.1} ms, {theirs:.0} pages/s",
        v["citations"],
        seconds * 1000.0
    );
    println!(
        "RATIO citations_speed_vs_eyecite {:.1} (goal >= 5)",
        ours / theirs
    );
}

/// eyecite's finds we judge spurious, by (file, citation), with the reason.
fn spurious() -> BTreeMap<(String, String), String> {
    let text = include_str!("citations/eyecite_spurious.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.splitn(3, '\t');
            Some((
                (f.next()?.to_owned(), f.next()?.to_owned()),
                f.next()?.to_owned(),
            ))
        })
        .collect()
}

/// A virtual environment with eyecite, made (or completed) on first use.
fn venv() -> Result<PathBuf, String> {
    casetrail_fixtures::peer::python_with("eyecite", &[EYECITE])
}
