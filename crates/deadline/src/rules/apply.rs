//! Computing a rule's deadline: pick the period (part, variant), count it,
//! then apply the rule's extras — the base rule an extension runs from, the
//! "whichever ends later" comparison, the "at least N days before" cap.

use chrono::NaiveDate;

use super::{Condition, Rule, RuleOptions, RulePeriod};
use crate::calendar::Calendar;
use crate::compute::{compute, Computation, Step, StepKind};
use crate::day_label;
use crate::period::{Counting, Direction, Period, Service};
use crate::{Error, Result};

fn note(date: NaiveDate, text: impl Into<String>, cite: &str) -> Step {
    Step {
        date,
        note: text.into(),
        cite: cite.to_string(),
        kind: StepKind::Note,
    }
}

/// Turn a sub-computation's final `Due` into an intermediate result.
fn inner(mut c: Computation) -> Computation {
    if let Some(last) = c.steps.last_mut() {
        last.note = format!("this period gives {}", day_label(last.date));
    }
    c
}

impl Rule {
    /// The period for `part` (the first one when not given).
    pub fn period(&self, part: Option<&str>) -> Result<&RulePeriod> {
        match part {
            None => self
                .periods
                .first()
                .ok_or_else(|| Error::Data(format!("rule {} has no period", self.citation))),
            Some(key) => {
                let keys: Vec<&str> = self
                    .periods
                    .iter()
                    .filter_map(|p| p.key.as_deref())
                    .collect();
                if keys.is_empty() {
                    return Err(Error::invalid(format!(
                        "{} sets a single period; it has no part '{key}'",
                        self.citation
                    )));
                }
                let k = key.trim().to_ascii_lowercase();
                self.periods
                    .iter()
                    .find(|p| p.key.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(&k)))
                    .ok_or_else(|| {
                        Error::invalid(format!(
                            "{} has no part '{key}': its parts are {}",
                            self.citation,
                            keys.join(", ")
                        ))
                    })
            }
        }
    }

    /// Compute the deadline this rule sets from `trigger`.
    pub fn compute(
        &self,
        cal: &Calendar,
        trigger: NaiveDate,
        opts: &RuleOptions,
    ) -> Result<Computation> {
        let p = self.period(opts.part.as_deref())?;
        let mut head = vec![note(
            trigger,
            format!("{}: {}", self.citation, self.name),
            &self.citation,
        )];
        if self.periods.len() > 1 {
            let others: Vec<String> = self
                .periods
                .iter()
                .filter(|x| x.key != p.key)
                .map(|x| {
                    format!(
                        "{} ({})",
                        x.key.as_deref().unwrap_or("?"),
                        x.name.as_deref().unwrap_or("")
                    )
                })
                .collect();
            let chosen = if opts.part.is_none() {
                " by default"
            } else {
                ""
            };
            head.push(note(
                trigger,
                format!(
                    "this rule sets {} periods; computing the {} period{chosen} ({}); the others: {}",
                    self.periods.len(),
                    p.key.as_deref().unwrap_or(""),
                    p.name.as_deref().unwrap_or(""),
                    others.join("; ")
                ),
                &self.citation,
            ));
        }

        let mut applied = self.citation.clone();
        let mut amount = p.amount;
        let substituted = opts.service == Some(Service::Substituted);
        if let Some(v) = p
            .variants
            .iter()
            .find(|v| v.when == Condition::Substituted && substituted)
        {
            amount = v.amount;
            head.push(note(
                trigger,
                format!("{}: {} {} instead", v.note, v.amount, p.unit),
                v.citation.as_deref().unwrap_or(&self.citation),
            ));
        }
        let us_variant = p.variants.iter().find(|v| v.when == Condition::UsParty);
        match (us_variant, opts.us_party) {
            (Some(v), true) => {
                amount = v.amount;
                if let Some(c) = &v.citation {
                    applied = c.clone();
                }
                head.push(note(trigger, format!("the United States is a party: {} {}. {}", v.amount, p.unit, v.note), &applied));
            }
            (Some(v), false) => head.push(note(
                trigger,
                format!(
                    "if the United States (or its agency, officer or employee) is a party: {} {} instead ({}); not applied",
                    v.amount,
                    p.unit,
                    v.citation.as_deref().unwrap_or(&self.citation)
                ),
                v.citation.as_deref().unwrap_or(&self.citation),
            )),
            (None, _) => {}
        }
        head.push(note(trigger, format!("trigger: {}", p.trigger), &applied));

        let service = self.service_for(p, trigger, opts, &mut head)?;
        let mut c = if let Some(base) = &self.base_rule {
            self.compute_from_base(base, cal, trigger, amount, opts)?
        } else {
            let period = Period {
                trigger,
                at: None,
                amount,
                unit: p.unit,
                direction: p.direction,
                service,
                system: self.system,
                counting: Counting::Current,
                finish: p.finish,
            };
            compute(cal, &period)?
        };
        head.append(&mut c.steps);
        c.steps = head;

        if let Some(lo) = &self.later_of {
            c = self.apply_later_of(c, lo, cal, opts)?;
        }
        if let Some(cap) = &p.cap_before {
            c = self.apply_cap(c, cap, cal, opts)?;
        }
        for n in &self.notes {
            c.steps
                .push(note(c.due, format!("note: {n}"), &self.citation));
        }
        c.rule = Some(applied);
        // Keep the due step last.
        if let Some(pos) = c.steps.iter().rposition(|s| s.kind == StepKind::Due) {
            let due = c.steps.remove(pos);
            c.steps.push(due);
        }
        Ok(c)
    }

    fn compute_from_base(
        &self,
        base: &Rule,
        cal: &Calendar,
        trigger: NaiveDate,
        amount: i64,
        opts: &RuleOptions,
    ) -> Result<Computation> {
        let base_opts = RuleOptions {
            part: None,
            ..opts.clone()
        };
        let b = inner(base.compute(cal, trigger, &base_opts)?);
        let p = self.period(opts.part.as_deref())?;
        let ext = compute(
            cal,
            &Period::days_after(b.due, amount)
                .under(self.system)
                .counting(Counting::Current),
        )?;
        let mut steps = b.steps;
        steps.push(note(
            b.due,
            format!(
                "{}: {} {} more, counted from {}'s due date {}",
                self.citation,
                amount,
                p.unit,
                base.citation,
                day_label(b.due)
            ),
            &self.citation,
        ));
        steps.extend(ext.steps);
        Ok(Computation {
            due: ext.due,
            rule: None,
            steps,
            due_time: ext.due_time,
        })
    }

    fn apply_later_of(
        &self,
        mine: Computation,
        lo: &super::LaterOf,
        cal: &Calendar,
        opts: &RuleOptions,
    ) -> Result<Computation> {
        let Some(other_rule) = lo.resolved.as_deref() else {
            return Ok(mine);
        };
        let Some(entry) = opts.entry else {
            let mut c = mine;
            c.steps.push(note(
                c.due,
                format!(
                    "or the time {} allows from {}, whichever ends later: give that date (--entry) to compare; until then this date may be too early",
                    lo.rule, lo.from
                ),
                &self.citation,
            ));
            return Ok(c);
        };
        let other = inner(other_rule.compute(
            cal,
            entry,
            &RuleOptions {
                part: None,
                ..opts.clone()
            },
        )?);
        let mine = inner(mine);
        let (winner, which) = if other.due > mine.due {
            (other.due, format!("{} from {}", lo.rule, lo.from))
        } else {
            (mine.due, "this rule's period".to_string())
        };
        let mut steps = mine.steps;
        steps.extend(other.steps);
        steps.push(Step {
            date: winner,
            note: format!(
                "whichever ends later controls: {which}, {}",
                day_label(winner)
            ),
            cite: self.citation.clone(),
            kind: StepKind::Compare,
        });
        steps.push(Step {
            date: winner,
            note: format!("due {}", day_label(winner)),
            cite: self.citation.clone(),
            kind: StepKind::Due,
        });
        Ok(Computation {
            due: winner,
            rule: None,
            steps,
            due_time: None,
        })
    }

    fn apply_cap(
        &self,
        mine: Computation,
        cap: &super::Cap,
        cal: &Calendar,
        opts: &RuleOptions,
    ) -> Result<Computation> {
        let Some(event) = opts.event else {
            let mut c = mine;
            c.steps.push(note(
                c.due,
                format!(
                    "but at least {} days before {}: give its date (--event) to apply this limit; an earlier date may control",
                    cap.days, cap.event
                ),
                &self.citation,
            ));
            return Ok(c);
        };
        let mut back_period = Period::days_before(event, cap.days).under(self.system);
        back_period.direction = Direction::Before;
        let back = inner(compute(cal, &back_period)?);
        let mine = inner(mine);
        let (winner, which) = if back.due < mine.due {
            (back.due, format!("{} days before {}", cap.days, cap.event))
        } else {
            (mine.due, "the period after service".to_string())
        };
        let mut steps = mine.steps;
        steps.push(note(
            event,
            format!("{}: {}", cap.event, day_label(event)),
            &self.citation,
        ));
        steps.extend(back.steps);
        steps.push(Step {
            date: winner,
            note: format!("the earlier date controls: {which}, {}", day_label(winner)),
            cite: self.citation.clone(),
            kind: StepKind::Compare,
        });
        steps.push(Step {
            date: winner,
            note: format!("due {}", day_label(winner)),
            cite: self.citation.clone(),
            kind: StepKind::Due,
        });
        Ok(Computation {
            due: winner,
            rule: None,
            steps,
            due_time: None,
        })
    }
}
