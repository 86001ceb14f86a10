//! The database's identity and the calendar events as last exported
//! (`database_identity`, `calendar_exports`; migration 0008).

use crate::sql::{params, RowExt};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension};

use crate::{Error, Result};
use casetrail_export::ics::CalendarEvent;

/// The database's random identity, made by its migration.
pub(super) fn identity(conn: &Connection) -> Result<String> {
    conn.query_row("SELECT id FROM database_identity", [], |r| r.col(0))
        .optional()?
        .ok_or_else(|| Error::Schema("the database has no identity row".into()))
}

pub(super) fn sequence(conn: &Connection, events: &mut [CalendarEvent]) -> Result<()> {
    let now = Utc::now();
    let mut find =
        conn.prepare_cached("SELECT fingerprint, sequence FROM calendar_exports WHERE uid = ?1")?;
    let mut save = conn.prepare_cached(
        "INSERT INTO calendar_exports (uid, fingerprint, sequence, exported_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint,
             sequence = excluded.sequence, exported_at = excluded.exported_at",
    )?;
    for e in events.iter_mut() {
        let fingerprint = e.fingerprint();
        let last: Option<(String, u32)> = find
            .query_row(params![e.uid], |r| Ok((r.col(0)?, r.col(1)?)))
            .optional()?;
        e.sequence = match last {
            None => 0,
            Some((f, s)) if f == fingerprint => s,
            Some((_, s)) => s + 1,
        };
        save.execute(params![e.uid, fingerprint, e.sequence, now])?;
    }
    Ok(())
}
