//! State-court deadlines through the real binary: plain periods under
//! `--system ca|ny|tx|fl|il`, state rules by their citations as lawyers write
//! them, `rules --system`, and the errors (unknown system, a service kind the
//! state lacks, a date outside 1900–2100) that exit 2 with a clear message.
//! The due dates are hand-checked in `tests/fixtures/deadlines/state_cli.tsv`.

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
fn fixture_command_lines_give_their_due_dates() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/deadlines/state_cli.tsv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let mut args: Vec<&str> = cols[0].split('|').collect();
        args.push("--json");
        let v = json(&run(&args));
        assert_eq!(v["due"], cols[1], "{}: {}", cols[0], cols[2]);
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["due", "rule", "steps"], "{}", cols[0]);
        for s in v["steps"].as_array().unwrap() {
            assert!(s["date"].is_string() && s["note"].is_string(), "{s}");
            assert!(
                !s["cite"].as_str().unwrap_or_default().is_empty(),
                "{}: {s}",
                cols[0]
            );
        }
        n += 1;
    }
    assert!(n >= 20);
}

#[test]
fn trail_names_every_holiday_roll_and_extension_with_its_rule() {
    let o = run(&[
        "deadline",
        "--system",
        "ca",
        "--from",
        "2027-12-01",
        "--days",
        "30",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("30 days after Wed 2027-12-01 → Fri 2027-12-31 is New Year's Day 2028 (observed) → Sat 2028-01-01 (weekend) → due Mon 2028-01-03 (CCP 12a(a))"),
        "{out}"
    );
    assert!(out.contains("Cal. Rules of Court 1.11"), "{out}");
    let v = json(&run(&[
        "deadline",
        "--rule",
        "TRCP 99(b)",
        "--from",
        "2026-05-04",
        "--json",
    ]));
    assert_eq!(v["rule"], "TRCP 99(b)");
    let steps = v["steps"].as_array().unwrap();
    assert!(
        steps
            .iter()
            .any(|s| s["note"].as_str().unwrap().contains("Memorial Day")
                && s["cite"] == "TRCP 99(b)")
    );
    assert!(steps.iter().any(|s| s["note"]
        .as_str()
        .unwrap()
        .contains("end of Tue 2026-05-26")
        && s["cite"] == "TRCP 4"));
    let v = json(&run(&[
        "deadline",
        "--system",
        "ca",
        "--from",
        "2026-04-01",
        "--days",
        "30",
        "--service",
        "electronic",
        "--json",
    ]));
    assert!(v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["cite"] == "CCP 1010.6(a)(3)(B)"
            && s["note"]
                .as_str()
                .unwrap()
                .starts_with("2 court days added")));
    // Texas's answer Monday says its hour.
    let v = json(&run(&[
        "deadline",
        "--rule",
        "TRCP 99(b)",
        "--from",
        "2026-03-04",
        "--json",
    ]));
    let last = v["steps"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["note"], "due Mon 2026-03-30 by 10:00 a.m.");
}

#[test]
fn citations_are_spacing_and_punctuation_insensitive() {
    for (a, b) in [
        ("CCP 412.20(a)(3)", "ccp412.20 (a) (3)"),
        ("Cal. Rules of Court 8.104(a)(1)", "CRC 8.104(a)(1)"),
        ("CPLR 5513(a)", "N.Y. C.P.L.R. 5513(a)"),
        ("TRAP 26.1", "Tex. R. App. P. 26.1"),
        ("Fla. R. Civ. P. 1.140(a)(1)", "Fla.R.Civ.P. 1.140(a)(1)"),
        ("Fla. R. App. P. 9.110(b)", "fla r app p 9.110(b)"),
        ("Ill. S. Ct. R. 303(a)(1)", "Ill. Sup. Ct. R. 303(a)(1)"),
    ] {
        let x = json(&run(&[
            "deadline",
            "--rule",
            a,
            "--from",
            "2026-03-02",
            "--json",
        ]));
        let y = json(&run(&[
            "deadline",
            "--rule",
            b,
            "--from",
            "2026-03-02",
            "--json",
        ]));
        assert_eq!(x["rule"], a, "{a}");
        assert_eq!(x, y, "{a} vs {b}");
    }
}

#[test]
fn rules_lists_each_state_system() {
    for (sys, citation) in [
        ("ca", "CCP 1005(b)"),
        ("ny", "CPLR 2214(b)"),
        ("tx", "TRCP 99(b)"),
        ("fl", "Fla. R. App. P. 9.110(b)"),
        ("il", "Ill. S. Ct. R. 181(a)"),
    ] {
        let v = json(&run(&["rules", "--system", sys, "--json"]));
        let rules = v["rules"].as_array().unwrap();
        assert!(rules.iter().all(|r| r["system"] == sys), "{sys}");
        assert!(
            rules.iter().any(|r| r["citation"] == citation),
            "{sys}: {v}"
        );
        let o = run(&["rules", "--system", sys]);
        assert!(stdout(&o).contains(citation));
        assert!(!stdout(&o).contains("FRAP 4(a)(1)(A)"), "{sys}");
    }
}

#[test]
fn bad_state_input_exits_2_with_a_clear_message() {
    for (line, needle) in [
        (
            "deadline|--system|oz|--from|2026-01-01|--days|3",
            "unknown rule system 'oz'",
        ),
        ("rules|--system|oz", "unknown rule system"),
        (
            "deadline|--system|tx|--from|2026-01-01|--days|3|--service|substituted",
            "Texas has no service kind 'substituted'",
        ),
        (
            "deadline|--system|fl|--from|2026-01-01|--days|3|--service|overnight",
            "Florida has no service kind 'overnight'",
        ),
        (
            "deadline|--rule|TRCP 196.2(a)|--from|2026-01-01|--service|mail-out-of-state",
            "Texas has no service kind",
        ),
        (
            "deadline|--system|ca|--from|1899-12-31|--days|3",
            "outside the calendar",
        ),
        (
            "deadline|--system|ny|--from|2101-01-01|--days|3",
            "outside the calendar",
        ),
        (
            "deadline|--rule|CPLR 5513(a)|--from|1850-01-01",
            "outside the calendar",
        ),
        (
            "deadline|--system|il|--from|2026-01-01|--days|3|--court-days",
            "court days",
        ),
        (
            "deadline|--from|2026-01-01|--days|3|--court-days",
            "court days",
        ),
        (
            "deadline|--rule|CPLR 5513(a)|--system|ca|--from|2026-01-01",
            "not ca",
        ),
        (
            "deadline|--system|ny|--court|calsuperct|--from|2026-01-01|--days|3",
            "not a court of the ny system",
        ),
        (
            "deadline|--from|2026-01-01|--days|3|--service|overnight",
            "state-court method",
        ),
    ] {
        let args: Vec<&str> = line.split('|').collect();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// A deadline on a state proceeding counts its state's way, through the store
/// (a real SQLite file), without the user naming the system.
#[test]
fn store_counts_a_state_proceeding_its_states_way() {
    use casetrail_deadline::{parse_date, DeriveDeadline};
    use casetrail_model::{EventDate, EventKind, NewCase, NewEvent, NewProceeding};

    let dir = tempfile::tempdir().unwrap();
    let mut s = casetrail_store::Store::open(dir.path().join("t.db")).unwrap();
    let case = s
        .add_case(&NewCase {
            slug: "doe-v-acme".into(),
            name: "Doe v. Acme".into(),
            summary: String::new(),
        })
        .unwrap();
    let event = |s: &mut casetrail_store::Store, court: &str, date: &str, title: &str| {
        let p = s
            .add_proceeding(case.id, &NewProceeding::new(court, format!("{court}-1")))
            .unwrap();
        s.add_event(&NewEvent::new(
            p.id,
            EventDate::day(parse_date(date).unwrap()),
            EventKind::Filing,
            title,
        ))
        .unwrap()
    };
    // California: day 30 = Fri Sep 25, 2026, Native American Day -> Mon Sep 28.
    let served = event(
        &mut s,
        "calsuperct",
        "2026-08-26",
        "Summons and complaint served",
    );
    let dl = s
        .derive_deadline(&DeriveDeadline::new(served.id, "CCP 412.20(a)(3)"))
        .unwrap();
    assert_eq!(dl.due, parse_date("2026-09-28").unwrap());
    assert_eq!(dl.court_id.as_deref(), Some("calsuperct"));
    let c = dl.computation.as_ref().unwrap();
    assert!(c.to_string().contains("Native American Day"), "{c}");
    // The federal count would have stopped on Fri Sep 25.
    let federal = s
        .derive_deadline(&DeriveDeadline::new(served.id, "FRCP 12(a)(1)(A)(i)"))
        .unwrap();
    let steps = federal.computation.as_ref().unwrap().render_steps();
    assert!(steps.contains("counts under the ca system"), "{steps}");

    // New York, mailed notice of entry: 35 days, Lincoln's Birthday passed.
    let entry = event(
        &mut s,
        "nyappdiv",
        "2026-01-13",
        "Order with notice of entry",
    );
    let mut spec = DeriveDeadline::new(entry.id, "CPLR 5513(a)");
    spec.service = Some("mail".into());
    let dl = s.derive_deadline(&spec).unwrap();
    assert_eq!(dl.due, parse_date("2026-02-17").unwrap());
    // A service kind New York lacks is refused, and nothing is written.
    let before = s.deadlines(Some(case.id)).unwrap().len();
    spec.service = Some("pigeon".into());
    assert!(s.derive_deadline(&spec).is_err());
    assert_eq!(s.deadlines(Some(case.id)).unwrap().len(), before);

    // The list across cases says which court system each deadline is in.
    let systems: Vec<Option<String>> = s
        .deadline_entries(None)
        .unwrap()
        .into_iter()
        .map(|e| e.court_system)
        .collect();
    assert!(systems.contains(&Some("state:CA".into())), "{systems:?}");
    assert!(systems.contains(&Some("state:NY".into())), "{systems:?}");
}

/// The deadline form on an event offers the rules of its court's system first.
#[test]
fn rule_choices_offer_the_courts_own_system_first() {
    use casetrail_deadline::{parse_date, System};
    use casetrail_model::{EventDate, EventKind, NewCase, NewEvent, NewProceeding};

    let dir = tempfile::tempdir().unwrap();
    let mut s = casetrail_store::Store::open(dir.path().join("t.db")).unwrap();
    let case = s
        .add_case(&NewCase {
            slug: "doe".into(),
            name: "Doe v. Acme".into(),
            summary: String::new(),
        })
        .unwrap();
    let mut choices = |court: &str| {
        let p = s
            .add_proceeding(case.id, &NewProceeding::new(court, format!("{court}-1")))
            .unwrap();
        let ev = s
            .add_event(&NewEvent::new(
                p.id,
                EventDate::day(parse_date("2026-03-02").unwrap()),
                EventKind::Filing,
                "Complaint served",
            ))
            .unwrap();
        s.rule_choices(ev.id).unwrap()
    };
    let texas = choices("texapp");
    assert_eq!(texas.court_system, "state:TX");
    assert_eq!(texas.court_system_name, "Texas courts");
    assert!(texas.rules[0].primary && texas.rules[0].system == System::Tx);
    assert!(texas
        .rules
        .iter()
        .any(|r| r.primary && r.citation == "TRCP 99(b)"));
    let circuit = choices("ca2");
    assert_eq!(circuit.rules[0].system, System::Frap);
    assert!(circuit
        .rules
        .iter()
        .filter(|r| r.system == System::Ca)
        .all(|r| !r.primary));
}
