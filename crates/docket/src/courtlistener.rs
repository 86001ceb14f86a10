//! CourtListener API v4 dockets with their entries, JSON.

use crate::{Docket, Error, Result};

/// Whether the JSON text is a CourtListener docket.
pub fn looks_like(_text: &str) -> bool {
    false
}

/// Read a CourtListener docket.
pub fn parse(_text: &str) -> Result<Docket> {
    Err(Error::invalid("CourtListener dockets are not read yet"))
}
