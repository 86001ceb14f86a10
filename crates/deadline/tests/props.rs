//! Properties of the deadline engine that must hold for every trigger and
//! period: the due date is never a weekend or legal holiday, never before the
//! trigger (forward), never after the event (backward), and a later trigger or
//! a longer period never gives an earlier due date.

use casetrail_deadline::{
    compute, Calendar, Direction, Period, RuleOptions, RuleSet, Service, System,
};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use proptest::prelude::*;

const COURTS: &[&str] = &["federal", "mad", "nysd", "dcd", "ca1", "ca2", "scotus"];

fn calendar(i: usize) -> Calendar {
    Calendar::for_court(COURTS[i % COURTS.len()]).unwrap()
}

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + Duration::days(offset)
}

fn closed(cal: &Calendar, d: NaiveDate, dir: Direction, sys: System) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || cal.legal_holiday(d, dir, sys).is_some()
}

fn any_service() -> impl Strategy<Value = Option<Service>> {
    prop_oneof![
        Just(None),
        Just(Some(Service::Mail)),
        Just(Some(Service::Electronic)),
        Just(Some(Service::Personal)),
        Just(Some(Service::Summons)),
    ]
}

// 1950-01-01 + 51,000 days ≈ 2089: room for the longest period below.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn forward_due_is_a_business_day_not_before_the_last_counted_day(
        offset in 0i64..51_000, n in 0i64..400, court in 0usize..7, service in any_service()
    ) {
        let cal = calendar(court);
        let sys = cal.system();
        let trigger = day(offset);
        let mut p = Period::days_after(trigger, n).under(sys);
        p.service = service;
        let c = compute(&cal, &p).unwrap();
        prop_assert!(!closed(&cal, c.due, Direction::After, sys), "{} is closed: {}", c.due, c);
        prop_assert!(c.due >= trigger + Duration::days(n), "{}", c);
        prop_assert!(c.due >= trigger);
        prop_assert_eq!(c.steps.last().map(|s| s.date), Some(c.due));
    }

    #[test]
    fn backward_due_is_a_business_day_not_after_the_counted_day(
        offset in 1_000i64..51_000, n in 0i64..400, court in 0usize..7
    ) {
        let cal = calendar(court);
        let sys = cal.system();
        let event = day(offset);
        let c = compute(&cal, &Period::days_before(event, n).under(sys)).unwrap();
        prop_assert!(!closed(&cal, c.due, Direction::Before, sys), "{} is closed: {}", c.due, c);
        prop_assert!(c.due <= event - Duration::days(n), "{}", c);
    }

    #[test]
    fn a_later_trigger_never_gives_an_earlier_due_date(
        offset in 1_000i64..51_000, n in 0i64..400, court in 0usize..7, before in any::<bool>(),
        service in any_service()
    ) {
        // The one legal discontinuity: electronic service stopped adding three
        // days for service on or after Dec 1, 2016 (tested in deadline_rules.rs).
        prop_assume!(!(service == Some(Service::Electronic) && day(offset + 1) == NaiveDate::from_ymd_opt(2016, 12, 1).unwrap()));
        let cal = calendar(court);
        let sys = cal.system();
        let make = |t: NaiveDate| {
            let mut p = if before { Period::days_before(t, n) } else { Period::days_after(t, n) }.under(sys);
            if !before {
                p.service = service;
            }
            p
        };
        let a = compute(&cal, &make(day(offset))).unwrap();
        let b = compute(&cal, &make(day(offset + 1))).unwrap();
        prop_assert!(b.due >= a.due, "trigger +1 moved the due date earlier: {} vs {}", a, b);
    }

    #[test]
    fn a_longer_period_never_gives_an_earlier_due_date(offset in 0i64..51_000, n in 0i64..400, court in 0usize..7) {
        let cal = calendar(court);
        let a = compute(&cal, &Period::days_after(day(offset), n)).unwrap();
        let b = compute(&cal, &Period::days_after(day(offset), n + 1)).unwrap();
        prop_assert!(b.due >= a.due);
    }

    #[test]
    fn mail_service_adds_at_least_three_days(offset in 0i64..51_000, n in 0i64..400) {
        let cal = Calendar::federal();
        let plain = compute(&cal, &Period::days_after(day(offset), n)).unwrap();
        let mail = compute(&cal, &Period::days_after(day(offset), n).served(Service::Mail)).unwrap();
        prop_assert!(mail.due >= plain.due + Duration::days(3));
        prop_assert!(!closed(&cal, mail.due, Direction::After, System::Frcp));
    }

    #[test]
    fn every_bundled_rule_lands_on_a_business_day(offset in 0i64..51_000, us in any::<bool>(), court in 0usize..7) {
        let rules = RuleSet::bundled().unwrap();
        let cal = calendar(court);
        let trigger = day(offset);
        for rule in rules.iter() {
            let opts = RuleOptions { us_party: us, ..RuleOptions::default() };
            let c = rule.compute(&cal, trigger, &opts).unwrap();
            let dir = rule.periods[0].direction;
            prop_assert!(!closed(&cal, c.due, dir, rule.system), "{}: {}", rule.citation, c);
            if dir == Direction::After {
                prop_assert!(c.due > trigger || rule.periods[0].amount == 0);
            }
        }
    }
}
