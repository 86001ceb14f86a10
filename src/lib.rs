//! # Casetrail core (skeleton; modules land in the next commits)

pub mod error;
pub mod extract;

pub use error::{Error, ErrorKind, Result};
