//! The `deadline`, `rules`, `deadlines` and `deadline-set` commands, run as a process.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casetrail"))
        .args(args)
        .env_remove("CASETRAIL_RULES_DIR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn plain_period_prints_the_trail() {
    let o = run(&[
        "deadline",
        "--from",
        "2014-07-31",
        "--days",
        "30",
        "--court",
        "ca2",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("30 days after Thu 2014-07-31 → Sat 2014-08-30 (weekend) → Mon 2014-09-01 is Labor Day → due Tue 2014-09-02 (FRAP 26(a)(1)(C))"),
        "{out}"
    );
}

#[test]
fn json_has_the_contract_shape() {
    let v = json(&run(&[
        "deadline",
        "--from",
        "2026-03-02",
        "--days",
        "14",
        "--service",
        "mail",
        "--json",
    ]));
    assert_eq!(v["due"], "2026-03-19");
    assert!(v["rule"].is_null());
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3, "{v}");
    assert!(v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["cite"] == "FRCP 6(d)"));
    // Electronic service: nothing added.
    let v = json(&run(&[
        "deadline",
        "--from",
        "2026-03-02",
        "--days",
        "14",
        "--service",
        "electronic",
        "--json",
    ]));
    assert_eq!(v["due"], "2026-03-16");
}

/// Command lines (arguments separated by `|`, so a citation keeps its spaces)
/// and the due date each must print; `--json` is added to each.
const DUE: &[(&str, &str)] = &[
    // Backward periods, and a state's holidays (Patriots' Day in D. Mass.).
    ("deadline|--from|2026-01-26|--days|7|--before", "2026-01-16"),
    (
        "deadline|--from|2026-04-06|--days|14|--court|mad",
        "2026-04-21",
    ),
    ("deadline|--from|2026-04-06|--days|14", "2026-04-20"),
    (
        "deadline|--from|2026-04-27|--days|7|--before|--court|D. Mass.",
        "2026-04-20",
    ),
    // Rules by citation.
    (
        "deadline|--rule|FRAP 4(a)(1)(B)|--from|2014-09-08",
        "2014-11-07",
    ),
    (
        "deadline|--rule|FRAP 40(d)(1)|--from|2016-07-14|--us-party",
        "2016-08-29",
    ),
    (
        "deadline|--rule|S. Ct. R. 13.1|--from|2017-01-24",
        "2017-04-24",
    ),
    (
        "deadline|--rule|FRAP 31(a)(1)|--part|reply|--from|2026-12-16|--event|2027-01-12",
        "2027-01-05",
    ),
    (
        "deadline|--rule|FRAP 4(a)(3)|--from|2026-04-17|--entry|2026-03-20",
        "2026-05-01",
    ),
];

#[test]
fn due_dates_by_period_and_by_rule() {
    for (line, due) in DUE {
        let mut args: Vec<&str> = line.split('|').collect();
        args.push("--json");
        let v = json(&run(&args));
        assert_eq!(v["due"], *due, "{line}");
        // A rule's computation names it; a plain period names none.
        let rule = args
            .iter()
            .position(|a| *a == "--rule")
            .map(|i| args[i + 1]);
        match rule {
            Some(citation) => assert_eq!(v["rule"], citation, "{line}"),
            None => assert!(v["rule"].is_null(), "{line}"),
        }
    }
}

#[test]
fn rules_lists_every_rule() {
    let o = run(&["rules"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("S. Ct. R. 37.3(a)"));
    let v = json(&run(&["rules", "--json"]));
    let rules = v["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["citation"] == "FRCP 12(a)(1)(A)(i)"));
    assert!(rules.len() >= 16);
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    for (line, needle) in [
        (
            "deadline|--rule|FRAP 99(z)|--from|2026-01-01",
            "unknown rule",
        ),
        ("deadline|--from|2026-02-30|--days|3", "2026-02-30"),
        ("deadline|--from|2026-01-01|--days|-3", "negative"),
        (
            "deadline|--from|2026-01-01|--days|3|--service|pigeon",
            "pigeon",
        ),
        (
            "deadline|--from|2026-01-01|--days|3|--court|atlantis",
            "atlantis",
        ),
        ("deadline|--from|2026-01-01", "--days"),
        (
            "deadline|--from|2026-01-01|--days|3|--rule|FRAP 4(a)(3)",
            "one of",
        ),
        (
            "deadline|--rule|FRAP 31(a)(1)|--part|surreply|--from|2026-01-01",
            "surreply",
        ),
    ] {
        let args: Vec<&str> = line.split('|').collect();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}");
    }
}

#[test]
fn deadlines_of_the_demo_case_soonest_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");
    let db = db.to_str().unwrap();
    assert!(run(&["--db", db, "demo"]).status.success());
    let v = json(&run(&[
        "--db",
        db,
        "deadlines",
        "--case",
        "microsoft-ireland",
        "--json",
    ]));
    let list = v["deadlines"].as_array().unwrap();
    let dues: Vec<&str> = list.iter().map(|d| d["due"].as_str().unwrap()).collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted);
    let cert = list.iter().find(|d| d["rule"] == "S. Ct. R. 13.1").unwrap();
    assert_eq!(cert["due"], "2017-04-24");
    assert_eq!(cert["computation"]["due"], "2017-04-24");
    let o = run(&["--db", db, "deadlines", "--case", "Ireland"]);
    assert!(
        stdout(&o).contains("90 days after Tue 2017-01-24"),
        "{}",
        stdout(&o)
    );
    let o = run(&["--db", db, "deadlines", "--case", "no-such-case"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn user_rules_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[[rule]]\ncitation = \"L.R. 7.1\"\nname = \"Opposition to a motion\"\nsystem = \"frcp\"\ntrigger = \"service of the motion\"\ntrigger_kind = \"service\"\ndays = 14\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let v = json(&run(&[
        "deadline",
        "--rules-dir",
        d,
        "--rule",
        "L.R. 7.1",
        "--from",
        "2026-03-02",
        "--json",
    ]));
    assert_eq!(v["due"], "2026-03-16");
    std::fs::write(dir.path().join("broken.toml"), "[[rule]]\ncitation = 3\n").unwrap();
    let o = run(&["rules", "--rules-dir", d]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken.toml"), "{}", stderr(&o));
}

#[test]
fn deadline_set_marks_done_and_records_a_court_order() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("d.db");
    let db = db_path.to_str().unwrap();
    json(&run(&["--db", db, "demo", "--json"]));
    let list = json(&run(&[
        "--db",
        db,
        "deadlines",
        "--case",
        "Ireland",
        "--json",
    ]));
    let cert = list["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "S. Ct. R. 13.1")
        .expect("the cert petition deadline");
    let id = cert["id"].as_i64().unwrap().to_string();
    let before = json(&run(&["--db", db, "deadlines", "--json"]));

    // Bad input: exit 2, nothing changes.
    for args in [
        vec!["deadline-set", id.as_str(), "--status", "finished"],
        vec!["deadline-set", id.as_str(), "--ordered", "2017-02-30"],
        vec!["deadline-set", id.as_str()],
        vec!["deadline-set", "999", "--status", "done"],
    ] {
        let mut full = vec!["--db", db];
        full.extend(args);
        let o = run(&full);
        assert_eq!(o.status.code(), Some(2), "{full:?}: {}", stderr(&o));
    }
    assert_eq!(json(&run(&["--db", db, "deadlines", "--json"])), before);

    let ordered = json(&run(&[
        "--db",
        db,
        "deadline-set",
        &id,
        "--ordered",
        "2017-05-01",
        "--note",
        "Extension",
        "--status",
        "done",
        "--json",
    ]));
    assert_eq!(ordered["due"], "2017-05-01");
    assert_eq!(ordered["status"], "done");
    let cleared = json(&run(&[
        "--db",
        db,
        "deadline-set",
        &id,
        "--clear-order",
        "--json",
    ]));
    assert_eq!(
        cleared["due"], cert["due"],
        "the computed date counts again"
    );
    let log = json(&run(&["--db", db, "activity", "--limit", "5", "--json"]));
    assert!(log["activity"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["entity"] == "deadline" && a["changes"]["status"][1] == "done"));
}
