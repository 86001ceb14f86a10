//! The domain's errors, and the stable categories every layer maps its errors to.
//!
//! A pure crate can refuse input ([`Error::Invalid`]), fail to find a named
//! thing ([`Error::NotFound`], [`Error::Ambiguous`]) or meet malformed bundled
//! data ([`Error::Data`]); it never meets a database or a file. The store's
//! error (`casetrail_store::Error`) wraps these variant for variant and adds
//! its own. [`ErrorKind`] and [`ErrorReport`] are the wire contract: the CLI
//! turns the kind into an exit code, the app sends `{kind, message}`.

use serde::Serialize;

/// Result alias of the pure crates.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What a pure function can refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
    /// Bundled or user-supplied data (demo case, rule set) is malformed.
    #[error("{0}")]
    Data(String),
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

    /// The category of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid(_) => ErrorKind::InvalidInput,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Ambiguous(_) => ErrorKind::Ambiguous,
            Error::Data(_) => ErrorKind::Data,
        }
    }
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

impl ErrorKind {
    /// True when the user can fix this by changing what they typed (CLI exit code 2).
    pub fn is_user_error(self) -> bool {
        matches!(
            self,
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
