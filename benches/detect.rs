//! Metadata detection on typical first pages, and citation finding on a long text.
//!
//! `cargo bench --bench detect`

use casetrail_detect::{detect, find_citations};
use criterion::{criterion_group, criterion_main, Criterion};

const PAGE_1: &str = "\
Case 1:18-cv-08653-VEC-SDA Document 252 Filed 04/19/21 Page 1 of 3

UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK
-------------------------------------------------------------- X
D. GEORGE SWEIGERT,                                            :
                                            Plaintiff,         :     18-CV-8653 (VEC)
                          -against-                            :
JASON GOODMAN,                                                 :          ORDER
                                            Defendant.         :
-------------------------------------------------------------- X
VALERIE CAPRONI, United States District Judge:
";

const PAGE_2: &str = "\
     WHEREAS the Second Circuit has held that a court may dismiss, see Doe v. Roe,
829 F.3d 197, 201 (2d Cir. 2016); Smith v. Jones, 138 S. Ct. 1186 (2018); Lee v. Kim,
15 F. Supp. 3d 466, 470 (S.D.N.Y. 2014), and the Supreme Court agreed, 200 U. S. 321;
     IT IS HEREBY ORDERED that the motion is DENIED.
SO ORDERED.
Dated: April 19, 2021
       New York, New York
";

fn bench(c: &mut Criterion) {
    let pages = [PAGE_1, PAGE_2];
    detect(&pages); // build the tables once, outside the measurement
    c.bench_function("detect_two_pages", |b| {
        b.iter(|| detect(std::hint::black_box(&pages)))
    });
    let long = PAGE_2.repeat(400); // ~130 KB of citation-dense text
    c.bench_function("find_citations_130k", |b| {
        b.iter(|| find_citations(std::hint::black_box(&long)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
