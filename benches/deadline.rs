//! Deadline computations per second: a plain period, a period with service by
//! mail on a court calendar with state holidays, and a compound rule
//! (criterion); then the five state court systems next to the federal path,
//! on the same workload, with their ratios.
//!
//! `cargo bench --bench deadline` prints, after criterion's figures:
//! - `FIGURE deadline_<system>_per_s <n>`: computations per second for a
//!   30-day period and a 30-day period after service by mail, from 1,000
//!   triggers, for `federal` (FRCP, federal calendar) and each state;
//! - `RATIO deadline_<state>_vs_federal <value> (goal <= 2)`: the state's time
//!   per computation over the federal one.

use std::time::{Duration as Elapsed, Instant};

use casetrail_deadline::{
    compute, Calendar, Period, RuleOptions, RuleSet, Service, System, STATE_SYSTEMS,
};
use chrono::{Duration, NaiveDate};
use criterion::{Criterion, Throughput};
use std::hint::black_box;

fn triggers() -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (0..1000).map(|i| start + Duration::days(i)).collect()
}

fn bench(c: &mut Criterion) {
    let federal = Calendar::federal();
    let mass = Calendar::for_court("mad").unwrap();
    let rules = RuleSet::bundled().unwrap();
    let triggers = triggers();

    let mut g = c.benchmark_group("deadline");
    g.throughput(Throughput::Elements(triggers.len() as u64));
    g.bench_function("30_days_federal", |b| {
        b.iter(|| {
            for t in &triggers {
                black_box(compute(&federal, &Period::days_after(*t, 30)).unwrap().due);
            }
        })
    });
    g.bench_function("14_days_mail_d_mass", |b| {
        b.iter(|| {
            for t in &triggers {
                let p = Period::days_after(*t, 14).served(Service::Mail);
                black_box(compute(&mass, &p).unwrap().due);
            }
        })
    });
    let reply = RuleOptions {
        part: Some("reply".into()),
        event: Some(NaiveDate::from_ymd_opt(2023, 6, 1).unwrap()),
        ..RuleOptions::default()
    };
    g.bench_function("frap_31_reply_with_cap", |b| {
        b.iter(|| {
            for t in &triggers {
                black_box(
                    rules
                        .compute("FRAP 31(a)(1)", &federal, *t, &reply)
                        .unwrap()
                        .due,
                );
            }
        })
    });
    for sys in STATE_SYSTEMS {
        let cal = Calendar::for_system(sys);
        g.bench_function(format!("30_days_mail_{}", sys.code()), |b| {
            b.iter(|| {
                for t in &triggers {
                    let p = Period::days_after(*t, 30).under(sys).served(Service::Mail);
                    black_box(compute(&cal, &p).unwrap().due);
                }
            })
        });
    }
    g.finish();
}

/// The same workload on one system: 30 days plain and 30 days after mail,
/// for every trigger. Returns the best time per computation of `rounds`.
fn per_computation(system: System, triggers: &[NaiveDate], rounds: usize) -> Elapsed {
    let cal = Calendar::for_system(system);
    let mut best = Elapsed::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        for t in triggers {
            let plain = Period::days_after(*t, 30).under(system);
            black_box(compute(&cal, &plain).unwrap().due);
            black_box(compute(&cal, &plain.served(Service::Mail)).unwrap().due);
        }
        best = best.min(start.elapsed() / (2 * triggers.len() as u32));
    }
    best
}

fn figures() {
    let triggers = triggers();
    let rounds = 30;
    let federal = per_computation(System::Frcp, &triggers, rounds);
    let rate = |d: Elapsed| 1.0 / d.as_secs_f64();
    println!(
        "deadline: 30 days and 30 days after mail, {} triggers, best of {rounds} rounds",
        triggers.len()
    );
    println!("FIGURE deadline_federal_per_s {:.0}", rate(federal));
    for sys in STATE_SYSTEMS {
        let d = per_computation(sys, &triggers, rounds);
        println!("FIGURE deadline_{}_per_s {:.0}", sys.code(), rate(d));
        println!(
            "RATIO deadline_{}_vs_federal {:.2} (goal <= 2)",
            sys.code(),
            d.as_secs_f64() / federal.as_secs_f64()
        );
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
    figures();
}
