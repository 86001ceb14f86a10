//! supremecourt.gov docket JSON.

use crate::{Docket, Error, Result};

/// Whether the JSON text is a supremecourt.gov docket.
pub fn looks_like(_text: &str) -> bool {
    false
}

/// Read a supremecourt.gov docket.
pub fn parse(_text: &str) -> Result<Docket> {
    Err(Error::invalid(
        "supremecourt.gov docket JSON is not read yet",
    ))
}
