//! `casetrail-sync`: the firm's server, the only code that talks to PostgreSQL.
//!
//! A firm shares cases through its own PostgreSQL (15 or later); nothing of
//! ours runs there. This crate holds the server schema (`migrations/`, its
//! own numbered, append-only migrations and version), the roles and the
//! row-level-security policies that make ethical walls, and the
//! administration the CLI offers: `server init`, `server user add`,
//! `server grant`, `server revoke`; and the desktop's sync: [`push`] the
//! operations the server lacks, [`pull`] those of the cases this user may
//! see, applied through the store (`casetrail_store::Store`), which holds
//! the local SQL.
//!
//! The client is the blocking `postgres` crate (tokio-postgres on a
//! current-thread runtime it owns), so no async type leaves this crate.
//!
//! - [`connection`]: a URL to a connection (TLS as `sslmode` says, [`tls`];
//!   the password from the URL or a password file, [`passfile`]);
//! - [`migrate`]: the schema's migrations and version checks;
//! - [`users`]: login roles for people; [`access`]: grants and revokes.

pub mod access;
pub mod connection;
pub mod error;
pub mod migrate;
pub mod passfile;
pub mod pull;
pub mod push;
pub mod tls;
pub mod users;

pub use access::{Access, Change};
pub use error::{Error, Result};
pub use migrate::{Migrated, SCHEMA_VERSION};
pub use users::Password;

/// What one sync did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Synced {
    /// Operations made here that the server did not have.
    pub pushed: usize,
    /// Operations new to this desktop, applied once each.
    pub pulled: usize,
    /// Conflicts recorded while applying them.
    pub conflicts: usize,
}

/// One connection to the firm's server, as the URL's role.
pub struct Server {
    client: postgres::Client,
}

impl Server {
    /// Connect to `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, or
    /// `host=… user=…`; a missing password is looked up in `$PGPASSFILE` or
    /// `~/.pgpass`).
    pub fn connect(url: &str) -> Result<Server> {
        let client = connection::Target::parse(url)?.connect()?;
        Ok(Server { client })
    }

    /// Connect to `url` as `user`, with `password` when given (else the
    /// URL's, else `$PGPASSFILE`'s or `~/.pgpass`'s).
    pub fn connect_as(url: &str, user: &str, password: Option<&Password>) -> Result<Server> {
        let target = connection::Target::parse_as(url, Some(user), password.map(Password::secret))?;
        Ok(Server {
            client: target.connect()?,
        })
    }

    /// Check that this build can sync with the server (its schema exists and
    /// is not newer than this build's).
    pub fn check_schema(&mut self) -> Result<i32> {
        migrate::require_current(&mut self.client)
    }

    /// Push this desktop's new operations, then pull and apply the firm's.
    pub fn sync(&mut self, store: &mut casetrail_store::Store) -> Result<Synced> {
        self.check_schema()?;
        // A push the server refuses (access revoked, read only) keeps the
        // operations here and is reported, but the pull still runs: what
        // others did still arrives.
        let pushed = match push::push(&mut self.client, store) {
            Err(Error::Denied(why)) => {
                pull::pull(&mut self.client, store)?;
                return Err(Error::Denied(format!(
                    "{why} (your changes stay on this desktop, not pushed; the others' were pulled)"
                )));
            }
            other => other?,
        };
        let pulled = pull::pull(&mut self.client, store)?;
        Ok(Synced {
            pushed,
            pulled: pulled.applied,
            conflicts: pulled.conflicts,
        })
    }

    /// Create or upgrade the server schema, roles and policies (an
    /// administrator's connection); nothing when it is current.
    pub fn init(&mut self) -> Result<Migrated> {
        migrate::migrate(&mut self.client)
    }

    /// Create the server schema only up to `version` (the upgrade tests).
    #[doc(hidden)]
    pub fn init_to(&mut self, version: i32) -> Result<Migrated> {
        migrate::migrate_to(&mut self.client, version)
    }

    /// The server schema's version (`None`: not initialised).
    pub fn schema_version(&mut self) -> Result<Option<i32>> {
        migrate::version(&mut self.client)
    }

    /// Add a person: a login role in `casetrail_user`.
    pub fn add_user(&mut self, name: &str, password: Option<&Password>) -> Result<()> {
        users::add(&mut self.client, name, password)
    }

    /// Give `user` access to `case` (its id or unique name).
    pub fn grant(&mut self, case: &str, user: &str, access: Access) -> Result<Change> {
        access::grant(&mut self.client, case, user, access)
    }

    /// Take `user` off `case`.
    pub fn revoke(&mut self, case: &str, user: &str) -> Result<Change> {
        access::revoke(&mut self.client, case, user)
    }
}
