//! Why a bundle is refused. Every refusal happens before anything is
//! written, and each names the entry and what to do; all are bad input
//! (`Error::Invalid`, exit 2 in the CLI).

use crate::Error;

/// A bundle that cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("not a readable zip: {0}")]
    Unreadable(String),
    #[error("entry {entry:?} {why}: refused, nothing was written")]
    Escapes { entry: String, why: &'static str },
    #[error("entry {entry:?} is a symbolic link: refused, nothing was written")]
    Symlink { entry: String },
    #[error(
        "entry {entry:?} is not part of a case bundle (manifest.json, case.json, \
         documents/*.pdf, pages/*.json): refused, nothing was written"
    )]
    Unexpected { entry: String },
    #[error("entry {entry:?} appears twice: refused, nothing was written")]
    Duplicate { entry: String },
    #[error("entry {entry:?} is encrypted or stored with an unsupported method ({method})")]
    Method { entry: String, method: String },
    #[error("holds more than {cap} entries: refused, nothing was written")]
    TooManyEntries { cap: usize },
    #[error("manifest.json: {0}")]
    Manifest(String),
    #[error(
        "entry {entry:?} is in the zip but not in manifest.json: refused, nothing was written"
    )]
    Unlisted { entry: String },
    #[error("manifest.json lists {entry:?}, which the zip does not hold")]
    Missing { entry: String },
    #[error(
        "entry {entry:?} unpacks past {cap} bytes, the most a bundle's entry may hold: \
         refused as a zip bomb, nothing was written"
    )]
    EntryTooLarge { entry: String, cap: u64 },
    #[error(
        "entry {entry:?} unpacks to more than the {declared} bytes manifest.json declares: \
         refused as a zip bomb, nothing was written"
    )]
    Overflows { entry: String, declared: u64 },
    #[error(
        "the bundle unpacks to {total} bytes, past the cap of {cap}: refused as a zip bomb, \
         nothing was written"
    )]
    TotalTooLarge { total: u64, cap: u64 },
    #[error("entry {entry:?} holds {actual} bytes, not the {declared} manifest.json declares")]
    Size {
        entry: String,
        declared: u64,
        actual: u64,
    },
    #[error(
        "entry {entry:?} has SHA-256 {actual}, not the {expected} manifest.json declares \
         (damaged or altered): nothing was written"
    )]
    Hash {
        entry: String,
        expected: String,
        actual: String,
    },
    #[error("entry {entry:?} cannot be read: {why}")]
    Damaged { entry: String, why: String },
    #[error("case.json: {0}")]
    CaseFile(String),
}

impl From<BundleError> for Error {
    fn from(e: BundleError) -> Self {
        Error::Invalid(format!("case bundle: {e}"))
    }
}
