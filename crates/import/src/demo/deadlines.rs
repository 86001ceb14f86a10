//! The deadlines derived for the Microsoft–Ireland demo case: the appeal from
//! the contempt order, the amicus windows after the party briefs, the rehearing
//! petition, the certiorari window after the Jan 24, 2017 en banc denial (and
//! its extension), and the merits briefs. Statuses reflect what happened.

use chrono::NaiveDate;

use crate::Result;
use casetrail_deadline::{DeadlineStatus, DeriveDeadline};
use casetrail_model::{Case, EventKind};
use casetrail_store::Writer;

/// The demo case's key.
pub const DEMO_SLUG: &str = "microsoft-ireland";

struct Spec {
    court: &'static str,
    date: &'static str,
    kind: EventKind,
    rule: &'static str,
    us_party: bool,
    title: &'static str,
    status: DeadlineStatus,
    notes: &'static str,
}

const SPECS: &[Spec] = &[
    Spec {
        court: "nysd",
        date: "2014-09-08",
        kind: EventKind::Ruling,
        rule: "FRAP 4(a)(1)(B)",
        us_party: true,
        title: "Notice of appeal from the civil contempt order",
        status: DeadlineStatus::Done,
        notes: "The United States is a party, so any party had 60 days. Microsoft appealed (2d Cir. No. 14-2985).",
    },
    Spec {
        court: "ca2",
        date: "2014-12-08",
        kind: EventKind::Brief,
        rule: "FRAP 29(a)(6)",
        us_party: false,
        title: "Amicus briefs supporting Microsoft (appellant)",
        status: DeadlineStatus::Done,
        notes: "Then FRAP 29(e), the same 7 days. The amicus wave was filed on Dec 15, 2014.",
    },
    Spec {
        court: "ca2",
        date: "2016-07-14",
        kind: EventKind::Ruling,
        rule: "FRAP 40(d)(1)",
        us_party: true,
        title: "Petition for rehearing en banc (United States)",
        status: DeadlineStatus::Superseded,
        notes: "45 days because the United States is a party (then FRAP 35(c)/40(a)(1)). The government petitioned in October 2016, after an extension.",
    },
    Spec {
        court: "ca2",
        date: "2017-01-24",
        kind: EventKind::Ruling,
        rule: "S. Ct. R. 13.1",
        us_party: true,
        title: "Petition for certiorari (90 days after the en banc denial)",
        status: DeadlineStatus::Superseded,
        notes: "Extended: the Solicitor General filed No. 17-2 on June 23, 2017.",
    },
    Spec {
        court: "ca2",
        date: "2017-01-24",
        kind: EventKind::Ruling,
        rule: "S. Ct. R. 13.5",
        us_party: true,
        title: "Petition for certiorari, with the longest extension (60 days)",
        status: DeadlineStatus::Done,
        notes: "Petition filed June 23, 2017: the full 60-day extension.",
    },
    Spec {
        court: "scotus",
        date: "2017-10-16",
        kind: EventKind::Ruling,
        rule: "S. Ct. R. 25.1",
        us_party: true,
        title: "Petitioner's (United States) merits brief",
        status: DeadlineStatus::Superseded,
        notes: "The brief was filed on Dec 6, 2017, later than the default 45 days: an extension is likely.",
    },
    Spec {
        court: "scotus",
        date: "2017-12-06",
        kind: EventKind::Brief,
        rule: "S. Ct. R. 37.3(a)",
        us_party: true,
        title: "Amicus briefs supporting the United States (petitioner)",
        status: DeadlineStatus::Done,
        notes: "Ireland, the European Commission and others filed on Dec 13, 2017.",
    },
    Spec {
        court: "scotus",
        date: "2018-01-11",
        kind: EventKind::Brief,
        rule: "S. Ct. R. 37.3(a)",
        us_party: true,
        title: "Amicus briefs supporting Microsoft (respondent)",
        status: DeadlineStatus::Done,
        notes: "23 amicus briefs were filed on Jan 18, 2018.",
    },
];

/// Derive the demo deadlines when `case` is the demo case; returns how many.
/// Other cases are left alone.
pub fn derive_for_case(w: &mut Writer<'_>, case: &Case) -> Result<usize> {
    if case.slug != DEMO_SLUG {
        return Ok(0);
    }
    let mut n = 0;
    for s in SPECS {
        let date = casetrail_deadline::parse_date(s.date)?;
        let event = w.find_event(case.id, s.court, date, s.kind)?;
        let mut spec = DeriveDeadline::new(event, s.rule);
        spec.us_party = s.us_party;
        spec.title = Some(s.title.to_string());
        spec.status = Some(s.status);
        spec.notes = s.notes.to_string();
        w.derive_deadline(&spec)?;
        n += 1;
    }
    Ok(n)
}

/// The dates the demo deadlines must come out at (checked by tests).
pub fn expected_demo_dues() -> Vec<(&'static str, NaiveDate)> {
    [
        ("FRAP 4(a)(1)(B)", "2014-11-07"),
        ("FRAP 29(a)(6)", "2014-12-15"),
        ("FRAP 40(d)(1)", "2016-08-29"),
        ("S. Ct. R. 13.1", "2017-04-24"),
        ("S. Ct. R. 13.5", "2017-06-23"),
        ("S. Ct. R. 25.1", "2017-11-30"),
        ("S. Ct. R. 37.3(a)", "2017-12-13"),
        ("S. Ct. R. 37.3(a)", "2018-01-18"),
    ]
    .into_iter()
    .filter_map(|(r, d)| casetrail_deadline::parse_date(d).ok().map(|d| (r, d)))
    .collect()
}
