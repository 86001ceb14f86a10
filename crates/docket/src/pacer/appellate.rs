//! CM/ECF appellate docket reports ("General Docket"), HTML.

use crate::{Docket, Error, Result};

/// Whether the page is an appellate docket report.
pub fn looks_like(_text: &str) -> bool {
    false
}

/// Read an appellate docket report.
pub fn parse(_text: &str) -> Result<Docket> {
    Err(Error::invalid(
        "PACER appellate docket reports are not read yet",
    ))
}
