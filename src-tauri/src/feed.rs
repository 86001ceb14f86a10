//! Keeps the calendar feed (`casetrail_import::export::feed`) up to date:
//! a thread with its own connection writes it at start-up and again
//! whenever the database changed — by this app or by the CLI — as SQLite's
//! `data_version` tells, checked once a second. The feed is rewritten only
//! when the deadlines and hearings it holds changed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use casetrail_import::export::feed::CalendarFeed;
use casetrail_store::Store;

/// How often the database is asked whether it changed.
const POLL: Duration = Duration::from_secs(1);

/// Where the feed of the database at `db` is written.
pub fn path_for(db: &Path) -> PathBuf {
    CalendarFeed::beside_database(db).path().to_path_buf()
}

/// Start the feed's thread for the database at `db`.
pub fn watch(db: PathBuf) {
    let spawned = std::thread::Builder::new()
        .name("calendar-feed".into())
        .spawn(move || run(&db));
    if let Err(e) = spawned {
        eprintln!("casetrail-app: the calendar feed is not kept up to date: {e}");
    }
}

fn run(db: &Path) {
    let mut store = match Store::open(db) {
        Ok(s) => s.with_actor("app"),
        Err(e) => {
            eprintln!("casetrail-app: the calendar feed is not kept up to date: {e}");
            return;
        }
    };
    let mut feed = CalendarFeed::beside_database(db);
    let mut seen = None;
    loop {
        match store.data_version() {
            Ok(v) if seen == Some(v) => {}
            Ok(v) => {
                // Written first, then remembered: a failed write is tried again.
                match feed.refresh(&mut store) {
                    Ok(_) => seen = Some(v),
                    Err(e) => eprintln!(
                        "casetrail-app: cannot write the calendar feed {}: {e}",
                        feed.path().display()
                    ),
                }
            }
            Err(e) => eprintln!("casetrail-app: the calendar feed cannot read the database: {e}"),
        }
        std::thread::sleep(POLL);
    }
}
