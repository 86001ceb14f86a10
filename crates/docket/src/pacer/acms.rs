//! ACMS appellate dockets (JSON with `caseDetails` and `docketInfo`).

use crate::{Docket, Error, Result};

/// Whether the JSON text is an ACMS docket.
pub fn looks_like(_text: &str) -> bool {
    false
}

/// Read an ACMS docket.
pub fn parse(_text: &str) -> Result<Docket> {
    Err(Error::invalid("ACMS dockets are not read yet"))
}
