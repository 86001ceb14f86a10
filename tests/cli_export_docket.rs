//! The case file of a case built from an imported docket round-trips with
//! what the import recorded beyond the events (court text, docket files,
//! news, details, counsel's contact lines), and the colleague's copy takes
//! the next import of the docket as the original does.

use std::path::Path;

use serde_json::Value;

use crate::cli_process::ok;

const KEY: &str = "doe-v-acme-corp";

fn docket(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dockets")
        .join(name)
        .display()
        .to_string()
}

/// What an import did to each entry (added, changed, unchanged).
fn merged(db: &Path, file: &str) -> Value {
    let v: Value = serde_json::from_str(&ok(db, &["import-docket", file, "--json"])).unwrap();
    v["files"][0]["dockets"][0]["entries"].clone()
}

#[test]
fn a_case_from_a_docket_round_trips_with_its_docket_record() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    ok(&a, &["import-docket", &docket("doe-v-acme-nysd.json")]);
    let first = ok(&a, &["export", "json", KEY, "-o", "-"]);
    let file = dir.path().join("case.json");
    std::fs::write(&file, &first).unwrap();
    ok(&b, &["import-case", file.to_str().unwrap()]);
    assert_eq!(ok(&b, &["export", "json", KEY, "-o", "-"]), first);

    let v: Value = serde_json::from_str(&first).unwrap();
    let d = &v["dockets"];
    assert_eq!(d["sources"][0]["file_name"], "doe-v-acme-nysd.json");
    assert_eq!(d["entries"].as_array().unwrap().len(), 5);
    assert!(d["entries"][0]["court_text"]
        .as_str()
        .unwrap()
        .contains("Filing Fee"));
    assert_eq!(d["news"].as_array().unwrap().len(), 5);
    assert_eq!(v["proceedings"][0]["counsel"][0]["roles"], "LEAD ATTORNEY");
    assert_eq!(ok(&b, &["news", KEY]), ok(&a, &["news", KEY]));

    // The next import of the docket merges into the copy as into the original.
    let later = docket("doe-v-acme-nysd-later.json");
    let (x, y) = (merged(&a, &later), merged(&b, &later));
    assert_eq!(x, y, "the copy merged the later docket otherwise");
    assert!(x.to_string().contains("changed"), "{x}");
}
