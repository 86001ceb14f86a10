//! Casetrail's exports, rendered from the model's types: what the record knows,
//! in the formats people work with.
//!
//! * [`record`]: what a renderer is given — a whole case ([`CaseRecord`]) or
//!   the deadlines and hearings of a calendar ([`CalendarSource`]). The store
//!   (`casetrail-store`) gathers them; nothing here reads a database or a file.
//! * [`ics`]: calendars (RFC 5545): deadlines as all-day events, hearings timed
//!   where a time is known, stable UIDs, `SEQUENCE`, alarms, the rule's trail.
//! * [`csv`]: one row per docket event (RFC 4180).
//! * [`case_file`]: the `casetrail-case/1` JSON of a whole case, which the
//!   importer reads back (`casetrail import-case`).
//! * [`report`]: the timeline report, one self-contained HTML page.
//!
//! Pure: no SQL, no PDF, no window (`cargo xtask layout` checks the tree).

pub mod case_file;
pub mod csv;
pub mod ics;
pub mod record;
pub mod report;

pub use record::{CalendarSource, CaseRecord, DocumentRecord, Hearing, ProceedingRecord};
