//! Reading rule files: TOML in, validated [`Rule`]s out, with errors that name
//! the file, the rule and the field.

use super::raw::{raw_period, RawFile, RawPeriod, RawRule, BUNDLED};
use super::{
    normalize_citation, Cap, Condition, LaterOf, Rule, RulePeriod, RuleSet, TriggerKind, Variant,
};
use crate::period::{Direction, Finish, System, Unit};
use crate::{Error, Result};

/// Error locator: "file: rule #n (citation): field `x`: message".
struct At<'a> {
    file: &'a str,
    index: usize,
    citation: &'a str,
}

impl At<'_> {
    fn err(&self, field: &str, msg: impl std::fmt::Display) -> Error {
        Error::Data(format!(
            "{}: rule #{} ({}): field `{field}`: {msg}",
            self.file,
            self.index + 1,
            if self.citation.is_empty() {
                "no citation"
            } else {
                self.citation
            }
        ))
    }
}

fn period(
    at: &At,
    prefix: &str,
    raw: RawPeriod,
    key: Option<String>,
    name: Option<String>,
) -> Result<RulePeriod> {
    let f = |field: &str| format!("{prefix}{field}");
    let trigger = raw
        .trigger
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| at.err(&f("trigger"), "missing: say what starts the period"))?;
    let trigger_kind = match raw.trigger_kind.as_deref() {
        Some("entry") => TriggerKind::Entry,
        Some("filing") => TriggerKind::Filing,
        Some("service") => TriggerKind::Service,
        Some("summons_service") => TriggerKind::SummonsService,
        Some("event") => TriggerKind::Event,
        Some("docketing") => TriggerKind::Docketing,
        Some(other) => {
            return Err(at.err(
                &f("trigger_kind"),
                format!(
                "'{other}' is not one of entry, filing, service, summons_service, event, docketing"
            ),
            ))
        }
        None => return Err(at.err(&f("trigger_kind"), "missing")),
    };
    let (amount, unit) = match (raw.days, raw.hours, raw.court_days) {
        (Some(d), None, None) => (d, Unit::Days),
        (None, Some(h), None) => (h, Unit::Hours),
        (None, None, Some(c)) => (c, Unit::CourtDays),
        (None, None, None) => {
            return Err(at.err(&f("days"), "missing: give `days`, `hours` or `court_days`"))
        }
        _ => return Err(at.err(&f("days"), "give one of `days`, `hours` or `court_days`")),
    };
    let finish = match raw.then.as_deref() {
        None => Finish::Plain,
        Some("monday_next") => Finish::MondayNext,
        Some(other) => {
            return Err(at.err(
                &f("then"),
                format!("'{other}' is not a known finish (monday_next)"),
            ))
        }
    };
    if amount < 0 {
        return Err(at.err(
            &f(if unit == Unit::Days { "days" } else { "hours" }),
            "must not be negative",
        ));
    }
    let direction = match raw.direction.as_deref() {
        None | Some("after") => Direction::After,
        Some("before") => Direction::Before,
        Some(other) => {
            return Err(at.err(&f("direction"), format!("'{other}' is not after or before")))
        }
    };
    let mut variants = Vec::new();
    for (i, v) in raw.variant.into_iter().enumerate() {
        let vf = f(&format!("variant[{i}].when"));
        let when = match v.when.as_str() {
            "us_party" => Condition::UsParty,
            "substituted" => Condition::Substituted,
            other => {
                return Err(at.err(
                    &vf,
                    format!("'{other}' is not a known condition (us_party, substituted)"),
                ))
            }
        };
        if v.days < 0 {
            return Err(at.err(&f(&format!("variant[{i}].days")), "must not be negative"));
        }
        variants.push(Variant {
            when,
            amount: v.days,
            citation: v.citation,
            note: v.note,
        });
    }
    let cap_before = match raw.cap_before {
        Some(c) if c.days < 0 => return Err(at.err(&f("cap_before.days"), "must not be negative")),
        Some(c) => Some(Cap {
            days: c.days,
            event: c.event,
        }),
        None => None,
    };
    Ok(RulePeriod {
        key,
        name,
        trigger,
        trigger_kind,
        amount,
        unit,
        direction,
        variants,
        cap_before,
        served: raw.served,
        finish,
    })
}

fn rule(file: &str, index: usize, mut raw: RawRule) -> Result<Rule> {
    let cit = raw.citation.clone();
    let at = At {
        file,
        index,
        citation: cit.trim(),
    };
    if raw.citation.trim().is_empty() {
        return Err(at.err("citation", "missing"));
    }
    if raw.name.trim().is_empty() {
        return Err(at.err("name", "missing"));
    }
    let system = match raw.system.parse::<System>() {
        Ok(s) if s.code() == raw.system => s,
        _ => {
            return Err(at.err(
                "system",
                format!(
                    "'{}' is not frcp, frap, scotus, ca, ny, tx, fl or il",
                    raw.system
                ),
            ))
        }
    };
    let top_given = raw.days.is_some() || raw.hours.is_some() || raw.trigger.is_some();
    let parts = std::mem::take(&mut raw.part);
    let (base, later_of) = (raw.base.take(), raw.later_of.take());
    let (aliases, name, notes, source) = (
        std::mem::take(&mut raw.aliases),
        std::mem::take(&mut raw.name),
        std::mem::take(&mut raw.notes),
        raw.source.take(),
    );
    let (jurisdictional, extendable, citation) = (
        raw.jurisdictional,
        raw.extendable,
        raw.citation.trim().to_string(),
    );
    let periods = if parts.is_empty() {
        vec![period(&at, "", raw_period!(raw), None, None)?]
    } else {
        if top_given {
            return Err(at.err(
                "part",
                "a rule with parts gives its periods in the parts, not at the top",
            ));
        }
        let mut v = Vec::new();
        for (i, p) in parts.into_iter().enumerate() {
            if p.key.trim().is_empty()
                || v.iter()
                    .any(|x: &RulePeriod| x.key.as_deref() == Some(p.key.as_str()))
            {
                return Err(at.err(&format!("part[{i}].key"), "missing or repeated"));
            }
            let (key, pname) = (p.key.clone(), p.name.clone());
            v.push(period(
                &at,
                &format!("part[{i}]."),
                raw_period!(p),
                Some(key),
                Some(pname),
            )?);
        }
        v
    };
    for p in &periods {
        if !system.is_state() && (p.unit == Unit::CourtDays || p.finish != Finish::Plain) {
            return Err(at.err(
                "court_days",
                "court days and `then` are for state systems (ca, ny, tx, fl, il)",
            ));
        }
    }
    if base.is_some() && later_of.is_some() {
        return Err(at.err("base", "a rule cannot have both `base` and `later_of`"));
    }
    Ok(Rule {
        citation,
        aliases,
        name,
        system,
        periods,
        base,
        later_of: later_of.map(|l| LaterOf {
            rule: l.rule,
            from: l.from,
            resolved: None,
        }),
        jurisdictional,
        extendable,
        notes,
        source,
        file: file.to_string(),
        base_rule: None,
    })
}

fn parse_file(file: &str, text: &str, user: bool) -> Result<Vec<Rule>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| Error::Data(format!("{file}: {e}")))?;
    if user && (raw.counting.is_some() || !raw.service.is_empty()) {
        return Err(Error::Data(format!(
            "{file}: `[counting]` and `[[service]]` tables describe a bundled state system; a user's file holds `[[rule]]` tables only"
        )));
    }
    raw.rule
        .into_iter()
        .enumerate()
        .map(|(i, r)| rule(file, i, r))
        .collect()
}

/// Resolve `base` / `later_of` references against `rules`, then `fallback`.
fn resolve(rules: &mut [Rule], fallback: Option<&RuleSet>) -> Result<()> {
    let snapshot: Vec<Rule> = rules.to_vec();
    let find = |cit: &str| -> Option<Rule> {
        let key = normalize_citation(cit);
        snapshot
            .iter()
            .find(|r| normalize_citation(&r.citation) == key)
            .cloned()
            .or_else(|| fallback.and_then(|f| f.get(cit).ok().cloned()))
    };
    for r in rules.iter_mut() {
        let check = |cit: &str, field: &str| -> Result<Box<Rule>> {
            let target = find(cit).ok_or_else(|| {
                Error::Data(format!(
                    "{}: rule {}: field `{field}`: no rule '{cit}' is loaded",
                    r.file, r.citation
                ))
            })?;
            if target.base.is_some()
                || target.later_of.is_some()
                || normalize_citation(cit) == normalize_citation(&r.citation)
            {
                return Err(Error::Data(format!(
                    "{}: rule {}: field `{field}`: '{cit}' must be a plain rule (no base or later_of of its own)",
                    r.file, r.citation
                )));
            }
            Ok(Box::new(target))
        };
        if let Some(b) = r.base.clone() {
            r.base_rule = Some(check(&b, "base")?);
        }
        if let Some(lo) = r.later_of.clone() {
            let target = check(&lo.rule, "later_of.rule")?;
            if let Some(l) = r.later_of.as_mut() {
                l.resolved = Some(target);
            }
        }
    }
    Ok(())
}

/// Parse and validate a set of files.
pub(super) fn from_files(
    files: &[(String, String)],
    fallback: Option<&RuleSet>,
) -> Result<RuleSet> {
    let mut rules: Vec<Rule> = Vec::new();
    for (file, text) in files {
        for r in parse_file(file, text, fallback.is_some())? {
            let key = normalize_citation(&r.citation);
            if let Some(prev) = rules
                .iter()
                .find(|x| normalize_citation(&x.citation) == key)
            {
                return Err(Error::Data(format!(
                    "{file}: rule {}: field `citation`: already defined in {}",
                    r.citation, prev.file
                )));
            }
            rules.push(r);
        }
    }
    resolve(&mut rules, fallback)?;
    Ok(RuleSet { rules })
}

pub(super) fn bundled() -> Result<RuleSet> {
    let files: Vec<(String, String)> = BUNDLED
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect();
    from_files(&files, None)
}
