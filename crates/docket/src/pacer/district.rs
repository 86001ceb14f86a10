//! CM/ECF district and bankruptcy docket reports (`DktRpt.pl`), HTML.

use crate::{Docket, DocketFormat, Error, Result};

/// Whether the page is a district or bankruptcy docket report, and which.
pub fn looks_like(_text: &str) -> Option<DocketFormat> {
    None
}

/// Read a district or bankruptcy docket report.
pub fn parse(_text: &str) -> Result<Docket> {
    Err(Error::invalid(
        "PACER district docket reports are not read yet",
    ))
}
