//! The CSV export opened by a spreadsheet: LibreOffice Calc converts it to
//! ODS (no cell a formula, though titles are written to be one), and
//! converting that back to CSV gives the same rows, read by Python's `csv`.

use std::path::Path;
use std::process::Command;

use casetrail_fixtures::shared::has_program;
use casetrail_fixtures::skip;
use serde_json::Value;

use casetrail_model::{EventKind, NewEvent};
use casetrail_store::Store;

use crate::cli_process::ok;

/// Titles a spreadsheet would run as formulas (the store trims a leading tab
/// or CR; those are in the renderer's own test).
const HOSTILE: [&str; 6] = [
    "=HYPERLINK(\"http://example.com\",\"click\")",
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "+SUM(1,2)",
    "=cmd|' /C calc'!A0",
];

fn add_hostile_events(db: &Path) {
    let mut store = Store::open(db).unwrap();
    let case = store.find_case("microsoft-ireland").unwrap();
    let proceeding = store.timeline(case.id).unwrap().proceedings[0].id;
    store
        .write(|w| {
            for (i, title) in HOSTILE.iter().enumerate() {
                let date = format!("2020-01-{:02}", i + 1).parse()?;
                w.add_event(&NewEvent::new(
                    proceeding,
                    date,
                    EventKind::Filing,
                    title.to_string(),
                ))?;
            }
            Ok(())
        })
        .unwrap();
}

/// `libreoffice --headless [--infilter=…] --convert-to TO --outdir OUT FILE`
/// with its own profile, so a running office or another test does not hold
/// the default one.
fn office(profile: &Path, infilter: Option<&str>, to: &str, out: &Path, file: &Path) {
    let mut cmd = Command::new("libreoffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .arg("--headless");
    if let Some(f) = infilter {
        cmd.arg(format!("--infilter={f}"));
    }
    let run = cmd
        .args(["--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("run libreoffice");
    assert!(
        run.status.success(),
        "libreoffice --convert-to {to} {}: {}",
        file.display(),
        String::from_utf8_lossy(&run.stderr)
    );
}

fn rows(file: &Path) -> Value {
    crate::export_python::run(
        Path::new("python3"),
        crate::export_python::READ_CSV,
        &[file],
    )
}

#[test]
fn libreoffice_opens_the_csv_and_gives_the_same_rows_back() {
    if !has_program("libreoffice") {
        skip!("libreoffice is not installed (cargo xtask deps installs libreoffice-calc)");
    }
    if !has_program("python3") {
        skip!("python3 is not installed");
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&db, &["demo"]);
    add_hostile_events(&db);
    let csv = dir.path().join("case.csv");
    ok(
        &db,
        &[
            "export",
            "csv",
            "microsoft-ireland",
            "-o",
            csv.to_str().unwrap(),
        ],
    );
    let profile = dir.path().join("office");
    let sheet = dir.path().join("sheet");
    let back = dir.path().join("back");
    // Import as Calc does by default, but without guessing dates from text.
    let infilter = "CSV:44,34,76,1,,0,false,false";
    office(&profile, Some(infilter), "ods", &sheet, &csv);
    let ods = sheet.join("case.ods");
    let bytes = std::fs::read(&ods).expect("LibreOffice wrote case.ods");
    assert!(bytes.starts_with(b"PK\x03\x04"), "case.ods is not a zip");
    let mut content = String::new();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content).unwrap();
    assert!(
        !content.contains("table:formula"),
        "a CSV cell became a formula"
    );
    let to_csv = "csv:Text - txt - csv (StarCalc):44,34,76,1";
    office(&profile, None, to_csv, &back, &ods);
    let (ours, theirs) = (rows(&csv), rows(&back.join("case.csv")));
    let rows_ = ours.as_array().unwrap();
    assert_eq!(
        rows_.len(),
        1 + 37 + HOSTILE.len(),
        "header and every event"
    );
    for title in HOSTILE {
        let quoted = format!("'{title}");
        assert!(
            rows_.iter().any(|r| r[6] == quoted.as_str()),
            "{title:?} is not written as {quoted:?}"
        );
    }
    assert_eq!(
        ours, theirs,
        "LibreOffice read other rows than were written"
    );
}
