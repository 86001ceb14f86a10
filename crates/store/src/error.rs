//! The error of the store and of everything above it (import, the CLI, the app).
//!
//! Every fallible public function of the store and the importers returns
//! [`Result`]. Variants carry what a person needs to fix the problem; the
//! domain's refusals (`casetrail_model::Error`) arrive variant for variant.
//! [`Error::kind`] is the stable, machine-readable category
//! ([`ErrorKind`], defined with the model) the CLI turns into an exit code and
//! the desktop app sends to the UI as `{kind, message}` ([`ErrorReport`]).

use std::path::PathBuf;

pub use casetrail_model::{ErrorKind, ErrorReport};

/// Result alias used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The caller gave input that cannot be accepted (bad date, unknown kind, empty title…).
    #[error("{0}")]
    Invalid(String),
    /// A named thing (case, proceeding, rule…) does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A name fragment matched more than one thing.
    #[error("{0}")]
    Ambiguous(String),
    /// The database file is from a newer Casetrail, or otherwise cannot be used.
    #[error("{0}")]
    Schema(String),
    /// SQLite said no.
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Bundled or user-supplied data (demo case, rule set) is malformed.
    #[error("{0}")]
    Data(String),
}

impl From<casetrail_model::Error> for Error {
    fn from(e: casetrail_model::Error) -> Self {
        match e {
            casetrail_model::Error::Invalid(m) => Error::Invalid(m),
            casetrail_model::Error::NotFound(m) => Error::NotFound(m),
            casetrail_model::Error::Ambiguous(m) => Error::Ambiguous(m),
            casetrail_model::Error::Data(m) => Error::Data(m),
        }
    }
}

impl Error {
    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }

    /// Shorthand for [`Error::NotFound`].
    pub fn not_found(msg: impl Into<String>) -> Self {
        Error::NotFound(msg.into())
    }

    /// Wrap an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The category of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid(_) => ErrorKind::InvalidInput,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Ambiguous(_) => ErrorKind::Ambiguous,
            Error::Schema(_) => ErrorKind::Schema,
            Error::Db(_) => ErrorKind::Storage,
            Error::Io { .. } => ErrorKind::Io,
            Error::Data(_) => ErrorKind::Data,
        }
    }

    /// True when the user can fix this by changing what they typed (CLI exit code 2).
    pub fn is_user_error(&self) -> bool {
        self.kind().is_user_error()
    }
}

impl From<Error> for ErrorReport {
    fn from(e: Error) -> Self {
        ErrorReport {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}
