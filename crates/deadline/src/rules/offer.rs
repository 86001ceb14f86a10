//! The rules a deadline form offers for a court: the court's own system
//! first (a California court's rules for a California proceeding), each with
//! what the form must ask (which part, how the paper was served, whether the
//! United States is a party) and the notes a lawyer needs before relying on it.

use serde::Serialize;

use super::{Condition, Rule, RuleSet, TriggerKind};
use crate::period::{Service, System};
use crate::state;

/// Which systems count a court's deadlines, from its level and system as the
/// bundled court list gives them (`federal` with `trial`, `appellate`,
/// `supreme`, `bankruptcy`; `state:CA`…). Federal courts are offered every
/// federal rule set, their own first: a notice of appeal (FRAP 4) is filed in
/// the district court. A state court is offered its state's rules.
pub fn systems_for_court(level: &str, court_system: &str) -> Vec<System> {
    if let Some(state) = court_system.strip_prefix("state:") {
        return state.parse::<System>().map(|s| vec![s]).unwrap_or_default();
    }
    if court_system != "federal" {
        return Vec::new();
    }
    match level {
        "appellate" => vec![System::Frap, System::Scotus, System::Frcp],
        "supreme" => vec![System::Scotus],
        _ => vec![System::Frcp, System::Frap, System::Scotus],
    }
}

/// A plain name for a court system code from the court list ("Federal
/// courts", "California courts").
pub fn court_system_name(court_system: &str) -> String {
    match court_system.strip_prefix("state:") {
        Some(code) => match code.parse::<System>().ok().and_then(state::state_name) {
            Some(name) => format!("{name} courts"),
            None => format!("{} state courts", code.to_ascii_uppercase()),
        },
        None if court_system == "federal" => "Federal courts".to_string(),
        None => court_system.to_string(),
    }
}

/// One method of service a form can offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ServiceOffer {
    /// The spelling `DeriveDeadline::service` takes ("mail-out-of-state").
    pub code: String,
    /// How it reads ("service by mail outside the state").
    pub label: String,
}

/// One period of a rule that sets several ("appellant", "reply").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PartOffer {
    /// The key `DeriveDeadline::part` takes.
    pub key: String,
    /// Its name.
    pub name: String,
}

/// A rule as a deadline form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleOffer {
    /// The citation, as `DeriveDeadline::rule` takes it ("CCP 412.20(a)(3)").
    pub citation: String,
    /// Plain-English name.
    pub name: String,
    /// The system it belongs to (`frcp`, `ca`…).
    pub system: System,
    /// Whether it belongs to a system of the court's own (listed first).
    pub primary: bool,
    /// What starts it ("service of the summons and complaint").
    pub trigger: String,
    /// A rule that sets several periods: the one to compute must be chosen.
    pub parts: Vec<PartOffer>,
    /// The methods of service the count takes into account (empty when the
    /// period does not run from service).
    pub services: Vec<ServiceOffer>,
    /// A variant applies when the United States is a party.
    pub us_party: bool,
    /// The time limit is jurisdictional.
    pub jurisdictional: bool,
    /// Whether the court may extend it (None: as the general rules allow).
    pub extendable: Option<bool>,
    /// Notes for the reader.
    pub notes: Vec<String>,
}

/// What a deadline form offers on a proceeding in one court.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleChoices {
    /// The court's id.
    pub court_id: String,
    /// The court's system as the court list has it (`federal`, `state:CA`).
    pub court_system: String,
    /// Its plain name ("California courts").
    pub court_system_name: String,
    /// The rules: the court's own systems first, in file order, then the others.
    pub rules: Vec<RuleOffer>,
}

const FEDERAL_SERVICES: [Service; 5] = [
    Service::Personal,
    Service::Electronic,
    Service::Mail,
    Service::LeaveWithClerk,
    Service::Consented,
];

fn service_offer(s: Service) -> ServiceOffer {
    ServiceOffer {
        code: s.as_str().to_string(),
        label: s.describe().to_string(),
    }
}

/// The methods of service a rule's count takes into account.
fn services_of(rule: &Rule) -> Vec<ServiceOffer> {
    let by_service = rule.periods.iter().any(|p| {
        matches!(p.trigger_kind, TriggerKind::Service)
            || (p.trigger_kind == TriggerKind::Event && p.served)
            || (p.trigger_kind == TriggerKind::SummonsService && rule.system.is_state())
    });
    if !by_service {
        return Vec::new();
    }
    if !rule.system.is_state() {
        return FEDERAL_SERVICES
            .iter()
            .copied()
            .map(service_offer)
            .collect();
    }
    let Some(counting) = state::counting(rule.system) else {
        return Vec::new();
    };
    let mut kinds: Vec<Service> = Vec::new();
    for s in &counting.services {
        if !kinds.contains(&s.kind) {
            kinds.push(s.kind);
        }
    }
    kinds.into_iter().map(service_offer).collect()
}

fn offer(rule: &Rule, primary: bool) -> RuleOffer {
    let parts = if rule.periods.len() > 1 {
        rule.periods
            .iter()
            .filter_map(|p| {
                let key = p.key.clone()?;
                let name = p.name.clone().unwrap_or_else(|| key.clone());
                Some(PartOffer { key, name })
            })
            .collect()
    } else {
        Vec::new()
    };
    RuleOffer {
        citation: rule.citation.clone(),
        name: rule.name.clone(),
        system: rule.system,
        primary,
        trigger: rule
            .periods
            .first()
            .map(|p| p.trigger.clone())
            .unwrap_or_default(),
        parts,
        services: services_of(rule),
        us_party: rule
            .periods
            .iter()
            .any(|p| p.variants.iter().any(|v| v.when == Condition::UsParty)),
        jurisdictional: rule.jurisdictional,
        extendable: rule.extendable,
        notes: rule.notes.clone(),
    }
}

impl RuleSet {
    /// Every rule, those of `own` systems first (in file order), then the rest.
    pub fn offers(&self, own: &[System]) -> Vec<RuleOffer> {
        let mut first: Vec<RuleOffer> = Vec::new();
        for system in own {
            first.extend(
                self.iter()
                    .filter(|r| r.system == *system)
                    .map(|r| offer(r, true)),
            );
        }
        let rest = self
            .iter()
            .filter(|r| !own.contains(&r.system))
            .map(|r| offer(r, false));
        first.into_iter().chain(rest).collect()
    }

    /// What a form offers on a proceeding in court `court_id`, whose level and
    /// system come from the court list.
    pub fn choices_for_court(
        &self,
        court_id: &str,
        level: &str,
        court_system: &str,
    ) -> RuleChoices {
        RuleChoices {
            court_id: court_id.to_string(),
            court_system: court_system.to_string(),
            court_system_name: court_system_name(court_system),
            rules: self.offers(&systems_for_court(level, court_system)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_california_court_is_offered_californias_rules_first() {
        let rules = RuleSet::bundled().unwrap();
        let c = rules.choices_for_court("calsuperct", "trial", "state:CA");
        assert_eq!(c.court_system_name, "California courts");
        let primary: Vec<&RuleOffer> = c.rules.iter().filter(|r| r.primary).collect();
        assert!(!primary.is_empty());
        assert!(primary.iter().all(|r| r.system == System::Ca));
        assert!(primary.iter().any(|r| r.citation == "CCP 412.20(a)(3)"));
        // The others follow, none of them California's.
        let first_other = c.rules.iter().position(|r| !r.primary).unwrap();
        assert!(c.rules[first_other..]
            .iter()
            .all(|r| !r.primary && r.system != System::Ca));
    }

    #[test]
    fn a_state_rule_offers_only_the_states_service_methods() {
        let rules = RuleSet::bundled().unwrap();
        let c = rules.choices_for_court("calsuperct", "trial", "state:CA");
        let answer = c
            .rules
            .iter()
            .find(|r| r.citation == "CCP 412.20(a)(3)")
            .unwrap();
        let codes: Vec<&str> = answer.services.iter().map(|s| s.code.as_str()).collect();
        assert!(codes.contains(&"substituted"), "{codes:?}");
        assert!(!codes.contains(&"clerk"), "{codes:?}");
    }

    #[test]
    fn federal_courts_get_every_federal_set_their_own_first() {
        let rules = RuleSet::bundled().unwrap();
        let c = rules.choices_for_court("nysd", "trial", "federal");
        assert_eq!(c.rules[0].system, System::Frcp);
        assert!(c
            .rules
            .iter()
            .any(|r| r.citation == "FRAP 4(a)(1)(A)" && r.primary));
        assert!(c
            .rules
            .iter()
            .filter(|r| r.system.is_state())
            .all(|r| !r.primary));
        let brief = c
            .rules
            .iter()
            .find(|r| r.citation == "FRAP 31(a)(1)")
            .unwrap();
        assert_eq!(brief.parts.len(), 3);
    }

    #[test]
    fn system_names_read_as_people_say_them() {
        assert_eq!(court_system_name("federal"), "Federal courts");
        assert_eq!(court_system_name("state:NY"), "New York courts");
        assert_eq!(court_system_name("state:WA"), "WA state courts");
        assert!(systems_for_court("trial", "state:WA").is_empty());
        assert!(systems_for_court("legislature", "legislative").is_empty());
    }
}
