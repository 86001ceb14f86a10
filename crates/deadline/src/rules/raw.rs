//! The shapes of a rule file as written (TOML in), before validation, and the
//! bundled files themselves.

use serde::Deserialize;

/// The bundled files, compiled in (the state files also hold their system's
/// `[counting]` and `[[service]]` tables, read by `crate::state`).
pub(crate) const BUNDLED: &[(&str, &str)] = &[
    (
        "assets/rules/frap.toml",
        include_str!("../../../../assets/rules/frap.toml"),
    ),
    (
        "assets/rules/frcp.toml",
        include_str!("../../../../assets/rules/frcp.toml"),
    ),
    (
        "assets/rules/scotus.toml",
        include_str!("../../../../assets/rules/scotus.toml"),
    ),
    (
        "assets/rules/ca.toml",
        include_str!("../../../../assets/rules/ca.toml"),
    ),
    (
        "assets/rules/ny.toml",
        include_str!("../../../../assets/rules/ny.toml"),
    ),
    (
        "assets/rules/tx.toml",
        include_str!("../../../../assets/rules/tx.toml"),
    ),
    (
        "assets/rules/fl.toml",
        include_str!("../../../../assets/rules/fl.toml"),
    ),
    (
        "assets/rules/il.toml",
        include_str!("../../../../assets/rules/il.toml"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) rule: Vec<RawRule>,
    /// A state system's counting rules (bundled files only; read by `crate::state`).
    #[serde(default)]
    pub(super) counting: Option<toml::Value>,
    #[serde(default)]
    pub(super) service: Vec<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) citation: String,
    pub(super) name: String,
    pub(super) system: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    #[serde(default)]
    pub(super) trigger: Option<String>,
    #[serde(default)]
    pub(super) trigger_kind: Option<String>,
    #[serde(default)]
    pub(super) days: Option<i64>,
    #[serde(default)]
    pub(super) court_days: Option<i64>,
    #[serde(default)]
    pub(super) served: bool,
    #[serde(default)]
    pub(super) then: Option<String>,
    #[serde(default)]
    pub(super) hours: Option<i64>,
    #[serde(default)]
    pub(super) direction: Option<String>,
    #[serde(default)]
    pub(super) variant: Vec<RawVariant>,
    #[serde(default)]
    pub(super) cap_before: Option<RawCap>,
    #[serde(default)]
    pub(super) part: Vec<RawPart>,
    #[serde(default)]
    pub(super) base: Option<String>,
    #[serde(default)]
    pub(super) later_of: Option<RawLaterOf>,
    #[serde(default)]
    pub(super) jurisdictional: bool,
    #[serde(default)]
    pub(super) extendable: Option<bool>,
    #[serde(default)]
    pub(super) notes: Vec<String>,
    #[serde(default)]
    pub(super) source: Option<String>,
}

/// The period fields shared by a rule and its parts.
pub(super) struct RawPeriod {
    pub(super) trigger: Option<String>,
    pub(super) trigger_kind: Option<String>,
    pub(super) days: Option<i64>,
    pub(super) hours: Option<i64>,
    pub(super) court_days: Option<i64>,
    pub(super) served: bool,
    pub(super) then: Option<String>,
    pub(super) direction: Option<String>,
    pub(super) variant: Vec<RawVariant>,
    pub(super) cap_before: Option<RawCap>,
}

macro_rules! raw_period {
    ($r:expr) => {
        RawPeriod {
            trigger: $r.trigger,
            trigger_kind: $r.trigger_kind,
            days: $r.days,
            hours: $r.hours,
            court_days: $r.court_days,
            served: $r.served,
            then: $r.then,
            direction: $r.direction,
            variant: $r.variant,
            cap_before: $r.cap_before,
        }
    };
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPart {
    pub(super) key: String,
    pub(super) name: String,
    #[serde(default)]
    pub(super) trigger: Option<String>,
    #[serde(default)]
    pub(super) trigger_kind: Option<String>,
    #[serde(default)]
    pub(super) days: Option<i64>,
    #[serde(default)]
    pub(super) court_days: Option<i64>,
    #[serde(default)]
    pub(super) served: bool,
    #[serde(default)]
    pub(super) then: Option<String>,
    #[serde(default)]
    pub(super) hours: Option<i64>,
    #[serde(default)]
    pub(super) direction: Option<String>,
    #[serde(default)]
    pub(super) variant: Vec<RawVariant>,
    #[serde(default)]
    pub(super) cap_before: Option<RawCap>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVariant {
    pub(super) when: String,
    pub(super) days: i64,
    #[serde(default)]
    pub(super) citation: Option<String>,
    pub(super) note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCap {
    pub(super) days: i64,
    pub(super) event: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLaterOf {
    pub(super) rule: String,
    pub(super) from: String,
}

pub(super) use raw_period;
