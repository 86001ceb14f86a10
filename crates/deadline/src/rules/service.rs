//! Which method of service a rule's period takes into account: only periods
//! that run from service (or notice periods for serving a paper) are
//! lengthened; service of process only by a method that completes later.

use chrono::NaiveDate;

use super::{Rule, RuleOptions, RulePeriod, TriggerKind};
use crate::compute::{Step, StepKind};
use crate::period::Service;
use crate::Result;

fn note(date: NaiveDate, text: impl Into<String>, cite: &str) -> Step {
    Step {
        date,
        note: text.into(),
        cite: cite.to_string(),
        kind: StepKind::Note,
    }
}

impl Rule {
    /// The method of service the period's count takes into account, with a
    /// note when the one given does not apply to this trigger.
    pub(super) fn service_for(
        &self,
        p: &RulePeriod,
        trigger: NaiveDate,
        opts: &RuleOptions,
        head: &mut Vec<Step>,
    ) -> Result<Option<Service>> {
        let state = self.system.is_state();
        if state {
            if let Some(s) = opts.service {
                // A kind the state lacks is an error whatever the trigger.
                crate::state::counting_for(self.system)?.service_rule(s, trigger)?;
            }
        }
        let service = match p.trigger_kind {
            TriggerKind::Service => opts.service,
            TriggerKind::Event if p.served => opts.service,
            TriggerKind::SummonsService if state => {
                // Service of process: only a method that completes later
                // (substituted service) changes the count.
                let completes = opts.service.filter(|s| {
                    crate::state::counting_for(self.system)
                        .and_then(|c| c.service_rule(*s, trigger))
                        .is_ok_and(|r| r.complete_after > 0)
                });
                match (completes, opts.service) {
                    (Some(s), _) => Some(s),
                    (None, Some(s)) => {
                        head.push(note(
                            trigger,
                            format!(
                                "the period runs from service of process: {} adds no days",
                                s.as_str()
                            ),
                            self.system.cite_service(),
                        ));
                        Some(Service::Summons)
                    }
                    (None, None) => Some(Service::Summons),
                }
            }
            TriggerKind::SummonsService => Some(Service::Summons),
            _ => {
                if let Some(s) = opts.service {
                    head.push(note(
                        trigger,
                        format!(
                            "the period runs from {}, not from service: {} adds nothing",
                            p.trigger,
                            s.describe()
                        ),
                        self.system.cite_service(),
                    ));
                }
                None
            }
        };
        let by_service = p.trigger_kind == TriggerKind::Service
            || (p.trigger_kind == TriggerKind::Event && p.served);
        if by_service && opts.service.is_none() {
            let text = if state {
                "method of service not given: no days added for it".to_string()
            } else {
                "method of service not given: no days added (3 days are added after service by mail, leaving with the clerk, or other consented means)".to_string()
            };
            head.push(note(trigger, text, self.system.cite_service()));
        }
        Ok(service)
    }
}
