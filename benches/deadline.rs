//! Deadline computations per second: a plain period, a period with service by
//! mail on a court calendar with state holidays, and a compound rule.

use casetrail_deadline::{compute, Calendar, Period, RuleOptions, RuleSet, Service};
use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let federal = Calendar::federal();
    let mass = Calendar::for_court("mad").unwrap();
    let rules = RuleSet::bundled().unwrap();
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let triggers: Vec<NaiveDate> = (0..1000).map(|i| start + Duration::days(i)).collect();

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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
