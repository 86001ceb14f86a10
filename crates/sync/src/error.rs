//! The sync crate's error: what can go wrong talking to the firm's server.
//!
//! Every variant but [`Error::Server`] is something the person can fix (the
//! URL, the password, a name, their access, or this build), so the CLI exits
//! 2 for them, as it does for the store's bad input; [`Error::kind`] gives the
//! same stable categories the rest of the core uses. Messages never carry
//! the password or the URL's password part.

use std::path::PathBuf;

use casetrail_model::ErrorKind;
use postgres::error::SqlState;

/// Result alias of the sync crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong with the server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The URL, a name or a password file cannot be used.
    #[error("{0}")]
    Invalid(String),
    /// A named user or case is not on the server.
    #[error("{0}")]
    NotFound(String),
    /// A case name matched more than one case.
    #[error("{0}")]
    Ambiguous(String),
    /// No server answered at the address.
    #[error("cannot reach the server at {at}: {why}")]
    Unreachable { at: String, why: String },
    /// TLS with the server failed (its certificate not trusted, not for
    /// this host, or no TLS offered where `sslmode` requires it).
    #[error("TLS with the server at {at} failed: {why}")]
    Tls { at: String, why: String },
    /// The server refused the login (wrong password, unknown role, no password given).
    #[error("the server refused the login as {user}: {why}")]
    Auth { user: String, why: String },
    /// The connected role may not do this (not the case's owner, read-only…).
    #[error("permission denied: {0}")]
    Denied(String),
    /// The server's schema was written by a newer Casetrail.
    #[error("the server's schema is version {server}, newer than this build's {build}; upgrade Casetrail")]
    SchemaNewer { server: i32, build: i32 },
    /// The database has no Casetrail schema yet.
    #[error("the server has no Casetrail schema yet; run `casetrail server init --url URL` as an administrator")]
    NotInitialised,
    /// A local file (the password file) could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The local database failed (or refused: not connected to a server).
    #[error("{0}")]
    Store(#[from] casetrail_store::Error),
    /// PostgreSQL failed in a way no person can fix by retyping.
    #[error("server error: {0}")]
    Server(#[source] postgres::Error),
}

impl Error {
    /// The stable category, as the rest of the core reports it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid(_) | Error::Auth { .. } | Error::Denied(_) => ErrorKind::InvalidInput,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Ambiguous(_) => ErrorKind::Ambiguous,
            Error::SchemaNewer { .. } | Error::NotInitialised => ErrorKind::Schema,
            Error::Unreachable { .. } | Error::Tls { .. } | Error::Server(_) => ErrorKind::Storage,
            Error::Io { .. } => ErrorKind::Io,
            Error::Store(e) => e.kind(),
        }
    }

    /// True when the person can fix this (the CLI's exit code 2): everything
    /// but a server failure.
    pub fn is_user_error(&self) -> bool {
        match self {
            Error::Server(_) => false,
            Error::Store(e) => e.is_user_error(),
            _ => true,
        }
    }

    /// A statement's error: PostgreSQL's own refusals (raised by the server
    /// functions with these codes) become the typed variants.
    pub(crate) fn from_statement(e: postgres::Error) -> Error {
        let Some(db) = e.as_db_error() else {
            return Error::Server(e);
        };
        let message = db.message().to_string();
        let code = db.code();
        if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            Error::Denied(message)
        } else if *code == SqlState::NO_DATA_FOUND || *code == SqlState::UNDEFINED_OBJECT {
            Error::NotFound(message)
        } else if *code == SqlState::CARDINALITY_VIOLATION {
            Error::Ambiguous(message)
        } else if *code == SqlState::INVALID_PARAMETER_VALUE || *code == SqlState::DUPLICATE_OBJECT
        {
            Error::Invalid(message)
        } else {
            Error::Server(e)
        }
    }

    /// A connection's error: every one is the person's to fix (address,
    /// login, database name), so none is a bare server error.
    pub(crate) fn from_connect(e: postgres::Error, at: &str, user: &str) -> Error {
        if let Some(db) = e.as_db_error() {
            let code = db.code();
            let why = db.message().to_string();
            if code.code().starts_with("28") {
                return Error::Auth {
                    user: user.to_string(),
                    why,
                };
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return Error::NotFound(why);
            }
            return Error::Unreachable {
                at: at.to_string(),
                why,
            };
        }
        let io = std::error::Error::source(&e)
            .and_then(|s| s.downcast_ref::<std::io::Error>())
            .map(|io| io.to_string());
        match io {
            Some(why) => Error::Unreachable {
                at: at.to_string(),
                why,
            },
            None => {
                let why = e.to_string();
                if let Some(tls) = why.strip_prefix("error performing TLS handshake: ") {
                    Error::Tls {
                        at: at.to_string(),
                        why: tls.to_string(),
                    }
                } else if why.contains("server does not support TLS") {
                    Error::Tls {
                        at: at.to_string(),
                        why,
                    }
                } else if why.contains("password missing") {
                    Error::Auth {
                        user: user.to_string(),
                        why: "the server asks for a password; put it in a PGPASSFILE (~/.pgpass) or in the URL".into(),
                    }
                } else if why.contains("password") || why.contains("authentication") {
                    Error::Auth {
                        user: user.to_string(),
                        why,
                    }
                } else {
                    Error::Unreachable {
                        at: at.to_string(),
                        why,
                    }
                }
            }
        }
    }
}
