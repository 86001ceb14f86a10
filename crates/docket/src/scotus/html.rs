//! supremecourt.gov docket pages, HTML.

use crate::{Docket, Error, Result};

/// Whether the page is a supremecourt.gov docket page.
pub fn looks_like(_text: &str) -> bool {
    false
}

/// Read a supremecourt.gov docket page.
pub fn parse(_text: &str) -> Result<Docket> {
    Err(Error::invalid(
        "supremecourt.gov docket pages are not read yet",
    ))
}
