//! A case: a dispute as people name it, spanning proceedings in several courts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CaseId;
use crate::{Error, Result};

/// A case as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Case {
    pub id: CaseId,
    /// Stable short key ("microsoft-ireland"); unique.
    pub slug: String,
    /// The name people use ("Microsoft–Ireland email warrant").
    pub name: String,
    /// One paragraph on what the dispute is about.
    pub summary: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a user supplies to create a case.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewCase {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub summary: String,
}

impl NewCase {
    /// Check the fields a person typed, naming the first one that is wrong.
    pub fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid("a case needs a name"));
        }
        let slug_ok = !self.slug.is_empty()
            && self
                .slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !slug_ok {
            return Err(Error::invalid(format!(
                "case key {:?} must be lowercase letters, digits and dashes",
                self.slug
            )));
        }
        Ok(())
    }
}
