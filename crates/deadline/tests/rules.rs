//! Rules as data: the bundled set, user directories, validation errors that
//! name the file and the field, and the errors users can cause.

use casetrail_deadline::{compute, parse_date, Calendar, Period, RuleOptions, RuleSet};
use casetrail_model::ErrorKind;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

const REQUIRED: &[&str] = &[
    "FRAP 4(a)(1)(A)",
    "FRAP 4(a)(1)(B)",
    "FRAP 4(a)(3)",
    "FRAP 4(a)(4)",
    "FRAP 4(b)(1)(A)",
    "FRAP 29(a)(6)",
    "FRAP 31(a)(1)",
    "FRAP 40(d)(1)",
    "FRCP 12(a)(1)(A)(i)",
    "FRCP 59(e)",
    "FRCP 72(b)(2)",
    "S. Ct. R. 13.1",
    "S. Ct. R. 13.5",
    "S. Ct. R. 15.3",
    "S. Ct. R. 25.1",
    "S. Ct. R. 37.3(a)",
];

#[test]
fn bundled_set_has_every_rule_the_issue_lists_by_exact_citation() {
    let rules = RuleSet::bundled().unwrap();
    for c in REQUIRED {
        let r = rules.get(c).unwrap();
        assert_eq!(&r.citation, c);
        assert!(!r.name.is_empty() && !r.periods[0].trigger.is_empty());
    }
    // Long forms and spacing are accepted.
    assert_eq!(
        rules.get("Fed. R. App. P. 4(a)(1)(B)").unwrap().citation,
        "FRAP 4(a)(1)(B)"
    );
    assert_eq!(rules.get("frap 29(e)").unwrap().citation, "FRAP 29(a)(6)");
}

#[test]
fn us_party_variant_and_parts() {
    let rules = RuleSet::bundled().unwrap();
    let cal = Calendar::federal();
    let us = RuleOptions {
        us_party: true,
        ..Default::default()
    };
    let c = rules
        .compute("FRAP 4(a)(1)(A)", &cal, d("2014-09-08"), &us)
        .unwrap();
    assert_eq!(c.due, d("2014-11-07"));
    assert_eq!(c.rule.as_deref(), Some("FRAP 4(a)(1)(B)"));
    let c = rules
        .compute("FRAP 40(d)(1)", &cal, d("2016-07-14"), &us)
        .unwrap();
    assert_eq!(c.due, d("2016-08-29")); // Aug 28 is a Sunday
                                        // FRAP 31(a)(1): the reply is capped by the argument date.
    let reply = RuleOptions {
        part: Some("reply".into()),
        event: Some(d("2027-01-12")),
        ..Default::default()
    };
    let c = rules
        .compute("FRAP 31(a)(1)", &cal, d("2026-12-16"), &reply)
        .unwrap();
    assert_eq!(c.due, d("2027-01-05"));
    let bad = RuleOptions {
        part: Some("surreply".into()),
        ..Default::default()
    };
    let e = rules
        .compute("FRAP 31(a)(1)", &cal, d("2026-12-16"), &bad)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("appellant, appellee, reply"), "{e}");
}

#[test]
fn json_shape_is_the_contract() {
    let rules = RuleSet::bundled().unwrap();
    let c = rules
        .compute(
            "FRAP 4(a)(1)(A)",
            &Calendar::federal(),
            d("2014-07-31"),
            &RuleOptions::default(),
        )
        .unwrap();
    let v = serde_json::to_value(&c).unwrap();
    let obj = v.as_object().unwrap();
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["due", "rule", "steps"]);
    assert_eq!(v["due"], "2014-09-02");
    assert_eq!(v["rule"], "FRAP 4(a)(1)(A)");
    for s in v["steps"].as_array().unwrap() {
        let mut k: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
        k.sort();
        assert_eq!(k, ["cite", "date", "note"]);
    }
    assert_eq!(
        c.to_string(),
        "30 days after Thu 2014-07-31 → Sat 2014-08-30 (weekend) → Mon 2014-09-01 is Labor Day → due Tue 2014-09-02 (FRAP 26(a)(1)(C))"
    );
}

#[test]
fn user_errors_are_clear() {
    let rules = RuleSet::bundled().unwrap();
    let e = rules.get("FRAP 99(z)").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.to_string().contains("FRAP 99(z)"));
    let e = parse_date("2026-02-30").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("2026-02-30"));
    assert_eq!(
        parse_date("tomorrow").unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    let e = compute(
        &Calendar::federal(),
        &Period::days_after(d("2026-01-01"), -3),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("negative"));
    let e = compute(
        &Calendar::federal(),
        &Period::days_after(d("2100-12-01"), 60),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        Calendar::for_court("xyz").unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn user_directory_rules_load_and_bad_files_name_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("local.toml"),
        r#"
[[rule]]
citation = "2d Cir. L.R. 31.2(a)(1)(A)"
name = "Appellant's brief (Second Circuit scheduling)"
system = "frap"
trigger = "the ready date the appellant requested"
trigger_kind = "filing"
days = 0

[[rule]]
citation = "Local extension of 4(a)(1)(A)"
name = "Thirty more days"
system = "frap"
base = "FRAP 4(a)(1)(A)"
trigger = "entry"
trigger_kind = "entry"
days = 30
"#,
    )
    .unwrap();
    let user = load_dir(dir.path()).unwrap();
    assert_eq!(user.len(), 2);
    let merged = RuleSet::bundled().unwrap().merge(user);
    let c = merged
        .compute(
            "Local extension of 4(a)(1)(A)",
            &Calendar::federal(),
            d("2026-03-02"),
            &RuleOptions::default(),
        )
        .unwrap();
    assert_eq!(c.due, d("2026-05-01")); // Apr 1 + 30

    let bad = tempfile::tempdir().unwrap();
    std::fs::write(
        bad.path().join("broken.toml"),
        "[[rule]]\ncitation = \"X 1\"\nname = \"x\"\nsystem = \"frap\"\ntrigger = \"t\"\ntrigger_kind = \"entry\"\ndays = -4\n",
    )
    .unwrap();
    let e = load_dir(bad.path()).unwrap_err();
    let msg = e.to_string();
    assert_eq!(e.kind(), ErrorKind::Data);
    assert!(
        msg.contains("broken.toml") && msg.contains("`days`") && msg.contains("X 1"),
        "{msg}"
    );

    std::fs::write(bad.path().join("broken.toml"), "[[rule]]\ncitation = \"X 1\"\nname = \"x\"\nsystem = \"frap\"\ntrigger = \"t\"\ntrigger_kind = \"entry\"\ndayz = 4\n").unwrap();
    let msg = load_dir(bad.path()).unwrap_err().to_string();
    assert!(msg.contains("broken.toml") && msg.contains("dayz"), "{msg}");

    std::fs::write(bad.path().join("broken.toml"), "[[rule]]\ncitation = \"X 1\"\nname = \"x\"\nsystem = \"frap\"\ntrigger = \"t\"\ntrigger_kind = \"whenever\"\ndays = 4\n").unwrap();
    let msg = load_dir(bad.path()).unwrap_err().to_string();
    assert!(
        msg.contains("trigger_kind") && msg.contains("whenever"),
        "{msg}"
    );

    std::fs::write(bad.path().join("broken.toml"), "not = [toml").unwrap();
    let msg = load_dir(bad.path()).unwrap_err().to_string();
    assert!(msg.contains("broken.toml"), "{msg}");
}

#[test]
fn electronic_service_lost_its_three_days_on_2016_12_01() {
    use casetrail_deadline::Service;
    let cal = Calendar::federal();
    let before = compute(
        &cal,
        &Period::days_after(d("2016-11-30"), 14).served(Service::Electronic),
    )
    .unwrap();
    let after = compute(
        &cal,
        &Period::days_after(d("2016-12-01"), 14).served(Service::Electronic),
    )
    .unwrap();
    assert_eq!(before.due, d("2016-12-19")); // Dec 14 + 3 = Sat Dec 17 -> Mon Dec 19
    assert_eq!(after.due, d("2016-12-15")); // no days added any more
    assert!(after.steps.iter().any(|s| s.note.contains("Dec 1, 2016")));
}

/// What the CLI does with `--rules DIR`: every `*.toml` file, in name order, as text.
fn load_dir(dir: &std::path::Path) -> casetrail_model::Result<RuleSet> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    RuleSet::from_user_files(&files)
}
