//! The user's settings: one row per key in `settings`, parsed and validated
//! here; an absent key means the default. Changes go in the activity log.

use crate::sql::{params, RowExt};
use rusqlite::{Connection, OptionalExtension};
use serde_json::json;

use super::{activity, Store, Writer};
use crate::{Error, Result};
use casetrail_model::{Operation, Settings};

const WARNING_DAYS: &str = "deadline_warning_days";

fn value(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.col(0)
        })
        .optional()?)
}

fn read(conn: &Connection) -> Result<Settings> {
    let mut s = Settings::default();
    if let Some(v) = value(conn, WARNING_DAYS)? {
        s.deadline_warning_days = v.parse().map_err(|_| {
            Error::Data(format!(
                "the stored setting {WARNING_DAYS} is not a number: {v:?}"
            ))
        })?;
    }
    Ok(s)
}

impl Store {
    /// The user's settings (defaults for what was never set).
    pub fn settings(&self) -> Result<Settings> {
        read(&self.conn)
    }

    /// Save the user's settings.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        self.write(|w| w.save_settings(settings))
    }
}

impl Writer<'_> {
    /// Save the user's settings, logging what changed.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        settings.validate()?;
        let before = read(&self.tx)?;
        if before.deadline_warning_days != settings.deadline_warning_days {
            self.tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![WARNING_DAYS, settings.deadline_warning_days.to_string()],
            )?;
            activity::record(
                &self.tx,
                self.actor,
                Operation::Update,
                "setting",
                0,
                json!({WARNING_DAYS: [before.deadline_warning_days, settings.deadline_warning_days]}),
            )?;
        }
        read(&self.tx)
    }
}
