//! The user's settings, stored in the database.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How many days ahead an open deadline is announced, unless the user says otherwise.
pub const DEFAULT_WARNING_DAYS: u32 = 7;

/// The longest warning window accepted, in days.
pub const MAX_WARNING_DAYS: u32 = 365;

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    /// Warn about an open deadline this many days before it is due (0: on the day only).
    pub deadline_warning_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            deadline_warning_days: DEFAULT_WARNING_DAYS,
        }
    }
}

impl Settings {
    /// Check the values a person typed.
    pub fn validate(&self) -> Result<()> {
        if self.deadline_warning_days > MAX_WARNING_DAYS {
            return Err(Error::invalid(format!(
                "the warning window is at most {MAX_WARNING_DAYS} days"
            )));
        }
        Ok(())
    }
}
