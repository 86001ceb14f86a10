//! The Python the export tests read files back with: `target/pyenv`, the
//! venv `cargo xtask deps` makes with `icalendar` and `ical` from PyPI.
#![allow(dead_code)] // each test file takes what it needs

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The venv's python, if it is there with both calendar parsers.
pub fn python() -> Option<PathBuf> {
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin/python");
    let ok = Command::new(&py)
        .args(["-c", "import icalendar, ical"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(py)
}

/// Run `script` with `args`; its stdout as JSON.
pub fn run(py: &Path, script: &str, args: &[&Path]) -> Value {
    let out = Command::new(py)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("python printed JSON")
}

/// Both parsers' view of a calendar: `{"icalendar": [...], "ical": [...]}`,
/// each event as {uid, start, summary, sequence, status, alarms: [trigger seconds]}.
pub const READ_ICS: &str = r#"
import json, sys, datetime
import icalendar
from ical.calendar_stream import IcsCalendarStream

text = open(sys.argv[1], encoding="utf-8").read()
def when(v):
    return v.isoformat()
a = []
for e in icalendar.Calendar.from_ical(text).walk("VEVENT"):
    alarms = [int(x.decoded("TRIGGER").total_seconds()) for x in e.walk("VALARM")]
    a.append({"uid": str(e["UID"]), "start": when(e.decoded("DTSTART")),
              "summary": str(e["SUMMARY"]), "sequence": int(e.get("SEQUENCE", 0)),
              "status": str(e.get("STATUS", "")), "alarms": alarms,
              "description": str(e.get("DESCRIPTION", ""))})
b = []
for e in IcsCalendarStream.calendar_from_ics(text).events:
    b.append({"uid": e.uid, "start": when(e.dtstart), "summary": e.summary,
              "sequence": e.sequence or 0, "status": e.status.value if e.status else "",
              "alarms": [int(x.trigger.total_seconds()) for x in e.alarm],
              "description": e.description or ""})
print(json.dumps({"icalendar": a, "ical": b}))
"#;

/// The rows of a CSV file, as Python's `csv` reads them.
pub const READ_CSV: &str = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps(list(csv.reader(f, strict=True))))
"#;
