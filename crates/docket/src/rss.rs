//! CM/ECF RSS feeds of recent docket entries (district and appellate).

use crate::{Docket, Error, Result};

/// Whether the text is an RSS feed.
pub fn looks_like(_text: &str) -> bool {
    false
}

/// Read a feed: one docket per case it names, each with its new entries.
pub fn parse(_text: &str) -> Result<Vec<Docket>> {
    Err(Error::invalid("RSS feeds are not read yet"))
}
