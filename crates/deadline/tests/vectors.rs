//! Hand-checked deadline vectors: the shared research file
//! (`../shared/deadlines/vectors.tsv`, skipped with a note when absent) and the
//! repository's own fixture (`tests/fixtures/deadline_vectors.tsv`), both in the
//! same 12-column format and read by the same interpreter, so a new row of a
//! known kind needs no code.
//!
//! Interpretation of a row: when the `rule` column starts with a bundled
//! citation, that rule computes it (with its part, the United States a party,
//! the judgment-entry or argument dates found in the text); otherwise the
//! `period` and `mode` columns describe a plain period (days or hours, forward
//! or backward, mail or electronic service, inaccessible clerk's office on the
//! raw last day, legacy pre-2009 counting). `D. Mass.` or `[court=ID]` picks a
//! court calendar.

use std::path::{Path, PathBuf};

use casetrail_deadline::{
    compute, Calendar, Computation, Counting, Period, RuleOptions, RuleSet, Service, StepKind,
};
use chrono::{NaiveDate, NaiveTime};

struct Row {
    id: String,
    trigger: NaiveDate,
    rule: String,
    period: String,
    mode: String,
    raw_last: NaiveDate,
    expected: NaiveDate,
    due_dow: String,
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {s}: {e}"))
}

fn read(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with("id\ttrigger_date"),
        "unexpected header in {}",
        path.display()
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 10, "short row in {}: {l}", path.display());
            Row {
                id: c[0].into(),
                trigger: date(c[1]),
                rule: c[3].into(),
                period: c[4].into(),
                mode: c[5].into(),
                raw_last: date(c[6]),
                expected: date(c[8]),
                due_dow: c[9].into(),
            }
        })
        .collect()
}

/// "Fri Mar 20, 2026" after `label` in `text`.
fn date_after(text: &str, label: &str) -> Option<NaiveDate> {
    let i = text.find(label)? + label.len();
    let rest: String = text[i..].trim_start().chars().take(16).collect();
    let words: Vec<&str> = rest.split_whitespace().take(4).collect();
    if words.len() < 4 {
        return None;
    }
    let s = format!(
        "{} {} {}",
        words[1],
        words[2].trim_end_matches(','),
        &words[3][..4.min(words[3].len())]
    );
    NaiveDate::parse_from_str(&s, "%b %d %Y").ok()
}

fn first_number(s: &str) -> i64 {
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number in '{s}'"))
}

fn calendar(row: &Row) -> Calendar {
    let court = if let Some(i) = row.rule.find("[court=") {
        let rest = &row.rule[i + 7..];
        Some(rest[..rest.find(']').unwrap()].to_string())
    } else if row.rule.contains("D. Mass.") || row.mode.contains("D. Mass.") {
        Some("mad".to_string())
    } else {
        None
    };
    let mut cal = match court {
        Some(c) => Calendar::for_court(&c).unwrap(),
        None => Calendar::federal(),
    };
    if row.mode.contains("inaccessible") {
        cal = cal.with_inaccessible(row.raw_last, "clerk's office inaccessible (vector)");
    }
    cal
}

fn service(row: &Row) -> Option<Service> {
    if row.mode.contains("mail") {
        Some(Service::Mail)
    } else if row.mode.contains("e-service")
        || row.mode.contains("ECF")
        || row.rule.contains("via ECF")
    {
        Some(Service::Electronic)
    } else {
        None
    }
}

fn interpret(row: &Row, rules: &RuleSet) -> Computation {
    let cal = calendar(row);
    let matched = rules
        .iter()
        .flat_map(|r| {
            std::iter::once(r.citation.clone())
                .chain(r.aliases.clone())
                .map(move |c| (c, r))
        })
        .filter(|(c, _)| row.rule.starts_with(c.as_str()))
        .max_by_key(|(c, _)| c.len());
    if let Some((_, rule)) = matched {
        let part = ["appellant's brief", "appellee's brief", "reply brief"]
            .iter()
            .zip(["appellant", "appellee", "reply"])
            .filter_map(|(p, k)| row.rule.find(p).map(|i| (i, k)))
            .min()
            .map(|(_, k)| k.to_string());
        let opts = RuleOptions {
            us_party: row.rule.contains("US a party"),
            service: service(row),
            part,
            entry: date_after(&row.rule, "judgment entered"),
            event: date_after(&row.rule, "argument"),
        };
        return rule
            .compute(&cal, row.trigger, &opts)
            .unwrap_or_else(|e| panic!("{}: {e}", row.id));
    }
    let n = first_number(&row.period);
    let mut p = if row.period.contains("hour") {
        let at = row
            .rule
            .split_whitespace()
            .find_map(|w| NaiveTime::parse_from_str(w.trim_end_matches([',', ')']), "%H:%M").ok())
            .unwrap_or_else(|| panic!("{}: no HH:MM start time in the rule column", row.id));
        Period::hours_after(row.trigger, at, n)
    } else if row.mode.contains("backward") && !row.mode.contains("forward") {
        Period::days_before(row.trigger, n)
    } else {
        Period::days_after(row.trigger, n)
    };
    p = p.under(cal.system());
    if let Some(s) = service(row) {
        p = p.served(s);
    }
    if row.mode.contains("legacy") {
        p = p.counting(Counting::Pre2009);
    }
    compute(&cal, &p).unwrap_or_else(|e| panic!("{}: {e}", row.id))
}

fn check_file(path: &Path) -> usize {
    let rules = RuleSet::bundled().unwrap();
    let rows = read(path);
    let mut failures = Vec::new();
    for row in &rows {
        let c = interpret(row, &rules);
        let landed = c.steps.iter().any(|s| {
            s.date == row.raw_last
                && matches!(s.kind, StepKind::Landed { .. } | StepKind::Added { .. })
        });
        if std::env::var_os("DEADLINE_VECTORS_VERBOSE").is_some() {
            eprintln!("{}: {c}", row.id);
        }
        let dow = c.due.format("%a").to_string();
        if c.due != row.expected || !landed || dow != row.due_dow {
            failures.push(format!(
                "{}: expected {} ({}) with raw last day {}, got {}\n{}\n{}",
                row.id,
                row.expected,
                row.due_dow,
                row.raw_last,
                c.due,
                c,
                c.render_steps()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
    rows.len()
}

#[test]
fn repository_fixture_vectors() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadline_vectors.tsv");
    let n = check_file(&path);
    assert!(n >= 20, "fixture shrank to {n} rows");
}

#[test]
fn shared_research_vectors() {
    let path = casetrail_fixtures::shared_or_skip!("deadlines/vectors.tsv");
    let n = check_file(&path);
    eprintln!("{n} shared vectors passed");
}
