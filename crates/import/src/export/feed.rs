//! The calendar feed: one file in the data directory, beside the database,
//! holding every case's deadlines (every status: done ones marked done,
//! superseded ones cancelled) and hearings, for calendar programs that
//! subscribe to a file (Thunderbird: New Calendar → On the Network → the
//! file's `file://` address; Outlook and Google Calendar import it, or
//! subscribe to it once the user syncs the folder).
//!
//! The app calls [`CalendarFeed::refresh`] at start-up and whenever the
//! database changed; the file is rewritten (beside and renamed, so a
//! calendar program never reads half of it) only when what it holds did.
//! Its UIDs and `SEQUENCE`s are those of `casetrail export ics`, so an event
//! moved in Casetrail moves in the calendar instead of appearing twice.

use std::path::{Path, PathBuf};

use chrono::Utc;

use casetrail_export::ics::{self, CalendarEvent};
use casetrail_store::{CalendarScope, Result, Store};

use super::write_beside;

/// The feed's file name in the data directory.
pub const FILE_NAME: &str = "casetrail-deadlines.ics";

/// The feed file and what it last held.
#[derive(Debug)]
pub struct CalendarFeed {
    path: PathBuf,
    /// The calendar's name and events (their alarms carry the warning
    /// window; sequences left at 0) as last written; none before the first.
    last: Option<(String, Vec<CalendarEvent>)>,
}

impl CalendarFeed {
    /// The feed beside the database at `db`.
    pub fn beside_database(db: &Path) -> CalendarFeed {
        let dir = db
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        CalendarFeed {
            path: dir.join(FILE_NAME),
            last: None,
        }
    }

    /// Where the feed is written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write the feed if what it holds changed since it was last written (or
    /// the file is gone); returns whether it was written.
    pub fn refresh(&mut self, store: &mut Store) -> Result<bool> {
        let source = store.calendar_source(CalendarScope::All, Utc::now())?;
        let mut events = ics::events(&source);
        let held = (source.name.clone(), events.clone());
        if self.last.as_ref() == Some(&held) && self.path.is_file() {
            return Ok(false);
        }
        let path = &self.path;
        store.write(|w| {
            w.sequence_calendar(&mut events)?;
            write_beside(path, ics::render(&source, &events).as_bytes())
        })?;
        self.last = Some(held);
        Ok(true)
    }
}
