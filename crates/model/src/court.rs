//! Courts (and the other bodies that move a case, such as Congress) and their appeal paths.

use serde::Serialize;

use super::vocabulary::vocabulary;

vocabulary! {
    /// Where a forum sits in the hierarchy; decides the timeline lane order.
    pub enum CourtLevel("court level") {
        Trial => "trial", "Trial court",
        Bankruptcy => "bankruptcy", "Bankruptcy court",
        Appellate => "appellate", "Court of appeals",
        Supreme => "supreme", "Supreme court",
        Legislature => "legislature", "Legislature",
        Other => "other", "Other body",
    }
}

/// A court or other forum. Ids follow courts-db ("nysd", "ca2", "scotus").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Court {
    pub id: String,
    /// Full name ("United States District Court for the Southern District of New York").
    pub name: String,
    /// Citation form ("S.D.N.Y.").
    pub short_name: String,
    pub level: CourtLevel,
    /// "federal", "state:NY", "foreign", "legislative"…
    pub system: String,
    /// The court appeals go to, if any ("ca2" for "nysd").
    pub appeals_to: Option<String>,
}
