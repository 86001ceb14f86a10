//! The one error type of the core, and the kinds the CLI and the app map it to.
//!
//! Every fallible public function in the core returns [`Result`]. Variants carry
//! what a person needs to fix the problem; [`Error::kind`] is the stable,
//! machine-readable category the CLI turns into an exit code and the desktop app
//! sends to the UI as `{kind, message}`.

use std::path::PathBuf;

use serde::Serialize;

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
    /// A PDF could not be extracted (not a PDF, encrypted, damaged, timed out…).
    #[error("{0}")]
    Extract(#[from] crate::extract::ExtractError),
}

/// Stable error categories, shared by the CLI (exit codes) and the app (`{kind, message}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    InvalidInput,
    NotFound,
    Ambiguous,
    Schema,
    Storage,
    Io,
    Data,
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
            Error::Data(_) | Error::Extract(_) => ErrorKind::Data,
        }
    }

    /// True when the user can fix this by changing what they typed (CLI exit code 2).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::InvalidInput | ErrorKind::NotFound | ErrorKind::Ambiguous
        )
    }
}

/// An error as the desktop app sends it to the UI: `{kind, message}`.
///
/// The message is the error's `Display` text, written for a person; the kind
/// is the stable category code can branch on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorReport {
    pub kind: ErrorKind,
    pub message: String,
}

impl From<Error> for ErrorReport {
    fn from(e: Error) -> Self {
        ErrorReport {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}
