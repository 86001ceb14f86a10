//! # Casetrail core (skeleton; modules land in the next commits)

pub mod detect;
pub mod error;

pub use error::{Error, ErrorKind, Result};
