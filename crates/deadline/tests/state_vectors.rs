//! State-court deadline vectors: the shared research file
//! (`../shared/deadlines/state_vectors.tsv`, skipped with its reason when
//! absent) and the repository's own hand-checked fixture
//! (`tests/fixtures/state_vectors.tsv`), in the same 10-column format and read
//! by the same interpreter, so a new row of a known kind needs no code.
//!
//! Interpretation of a row: the first bundled rule of the row's state cited
//! anywhere in the `rule` column whose period (or a part's, or a variant's) is
//! `days` long computes it; otherwise a plain period of `days` (court days
//! when the text says so) in `direction`. The `service` column names the
//! method: "n/a" or "no extension" = none, substituted, e-mail / electronic,
//! overnight, mail from outside the state, mail, else personal delivery.

use std::path::Path;

use casetrail_deadline::{
    compute, Calendar, Computation, Direction, Period, RuleOptions, RuleSet, Service, System, Unit,
};
use chrono::NaiveDate;

struct Row {
    id: String,
    system: System,
    rule: String,
    trigger: NaiveDate,
    days: i64,
    direction: Direction,
    service: String,
    expected: NaiveDate,
    reasoning: String,
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {s}: {e}"))
}

fn read(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with("id\tstate\trule"),
        "unexpected header in {}",
        path.display()
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 9, "short row in {}: {l}", path.display());
            Row {
                id: c[0].into(),
                system: c[1].to_ascii_lowercase().parse().unwrap(),
                rule: c[2].into(),
                trigger: date(c[3]),
                days: c[4].trim().parse().unwrap(),
                direction: match c[5].trim() {
                    "backward" => Direction::Before,
                    _ => Direction::After,
                },
                service: c[6].to_ascii_lowercase(),
                expected: date(c[7]),
                reasoning: c[8].into(),
            }
        })
        .collect()
}

fn service(text: &str) -> Option<Service> {
    let has = |w: &str| text.contains(w);
    if has("n/a") || has("no extension") {
        None
    } else if has("substitut") {
        Some(Service::Substituted)
    } else if has("e-mail") || has("electronic") || has("e-portal") || has("efsp") {
        Some(Service::Electronic)
    } else if has("overnight") || has("express") {
        Some(Service::Overnight)
    } else if has("mail") && has("outside") {
        Some(Service::MailOutOfState)
    } else if has("mail") {
        Some(Service::Mail)
    } else {
        Some(Service::Personal)
    }
}

/// Citation candidates in a text: runs of 1 to 8 words from each word, their
/// unbalanced outer punctuation trimmed.
fn candidates(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        for j in (i + 1..=(i + 8).min(words.len())).rev() {
            let mut c = words[i..j].join(" ");
            c = c.trim_start_matches('(').to_string();
            c = c.trim_end_matches([',', ';', ':', '.']).to_string();
            while c.matches(')').count() > c.matches('(').count() {
                c.pop();
                c = c.trim_end_matches([',', ';', ':']).to_string();
            }
            out.push(c);
        }
    }
    out
}

/// The rule and part a row names, if any.
fn find_rule<'a>(
    rules: &'a RuleSet,
    row: &Row,
) -> Option<(&'a casetrail_deadline::Rule, Option<String>)> {
    for c in candidates(&row.rule) {
        let Ok(r) = rules.get(&c) else { continue };
        if r.system != row.system {
            continue;
        }
        for p in &r.periods {
            let lengths = std::iter::once(p.amount).chain(p.variants.iter().map(|v| v.amount));
            if lengths.into_iter().any(|n| n == row.days) {
                return Some((r, p.key.clone()));
            }
        }
    }
    None
}

fn run(row: &Row, rules: &RuleSet) -> Computation {
    let cal = Calendar::for_system(row.system);
    let svc = service(&row.service);
    let text = format!("{} {}", row.rule, row.reasoning).to_ascii_lowercase();
    match find_rule(rules, row) {
        Some((rule, part)) => {
            let mut opts = RuleOptions {
                service: svc,
                part,
                ..RuleOptions::default()
            };
            if rule
                .periods
                .iter()
                .any(|p| p.direction == Direction::Before)
                && row.direction == Direction::After
            {
                opts.part = None;
            }
            rule.compute(&cal, row.trigger, &opts)
                .unwrap_or_else(|e| panic!("{}: {} failed: {e}", row.id, rule.citation))
        }
        None => {
            let mut p = if row.direction == Direction::Before {
                Period::days_before(row.trigger, row.days)
            } else {
                Period::days_after(row.trigger, row.days)
            }
            .under(row.system);
            if text.contains("court day") {
                p.unit = Unit::CourtDays;
            }
            p.service = svc;
            compute(&cal, &p).unwrap_or_else(|e| panic!("{}: plain period failed: {e}", row.id))
        }
    }
}

fn check(path: &Path) -> usize {
    let rules = RuleSet::bundled().unwrap();
    let rows = read(path);
    let mut failures = Vec::new();
    for row in &rows {
        let c = run(row, &rules);
        if c.due != row.expected {
            failures.push(format!(
                "{}: expected {}, got {} ({})\n  {}\n  why: {}\n{}",
                row.id,
                row.expected,
                c.due,
                c.rule.as_deref().unwrap_or("plain period"),
                c,
                row.reasoning,
                c.render_steps()
            ));
        }
        // Every step cites a rule.
        assert!(
            c.steps.iter().all(|s| !s.cite.is_empty()),
            "{}: a step without a rule:\n{}",
            row.id,
            c.render_steps()
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors in {} failed:\n{}",
        failures.len(),
        rows.len(),
        path.display(),
        failures.join("\n")
    );
    rows.len()
}

#[test]
fn own_state_vectors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/state_vectors.tsv");
    let n = check(&path);
    assert!(n >= 20, "the fixture lost rows: {n}");
}

#[test]
fn shared_state_vectors() {
    let path = casetrail_fixtures::shared_or_skip!("deadlines/state_vectors.tsv");
    let n = check(&path);
    eprintln!("{n} shared state vectors passed");
}
