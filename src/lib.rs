//! # Casetrail core
//!
//! A local record of court cases: the proceedings of a dispute in each court,
//! their docket events (filings, rulings and outcomes, stays, amicus briefs,
//! arguments), the parties, judges and counsel, notes and tags, and an
//! append-only activity log of every change. Everything lives in one SQLite
//! file on the user's machine.
//!
//! This crate is the whole product minus the window: the `casetrail` CLI and the
//! Tauri shell in `src-tauri/` are thin layers over it. It never depends on
//! tauri.
//!
//! Start at [`store::Store`] (open a database, read and write the record),
//! [`model`] (the domain nouns) and [`demo`] (the Microsoft–Ireland case).

pub mod deadline;
pub mod demo;
pub mod detect;
pub mod error;
pub mod extract;
pub mod import;
pub mod model;
pub mod store;

pub use error::{Error, ErrorKind, ErrorReport, Result};
