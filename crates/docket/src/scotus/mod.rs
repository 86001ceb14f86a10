//! supremecourt.gov dockets: the JSON the Court publishes, and the older HTML page.

pub mod html;
pub mod json;
