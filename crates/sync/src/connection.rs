//! Connecting to the firm's server from a `postgres://` URL (or a libpq
//! key=value string): TLS as `sslmode` says ([`crate::tls`]), the password
//! from the URL or a password file, a bounded connect time, and errors that
//! name the server without the password.

use std::str::FromStr;
use std::time::Duration;

use postgres::config::Host;
use postgres::{Client, Config};

use crate::error::{Error, Result};
use crate::passfile;
use crate::tls::{self, Tls};

/// How long a connection attempt may take when the URL does not say
/// (`connect_timeout=`).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A parsed URL, ready to connect.
pub struct Target {
    config: Config,
    tls: Tls,
    /// `host:port`, or the socket directory and port, for messages.
    at: String,
    user: String,
}

impl Target {
    /// Parse `url` (`sslmode`: disable, prefer — the default —, require,
    /// verify-ca, verify-full; `sslrootcert`).
    pub fn parse(url: &str) -> Result<Target> {
        Target::parse_as(url, None, None)
    }

    /// Parse `url` as `user` (overriding the URL's), with `password` when
    /// given (else the URL's, else a password file's).
    pub fn parse_as(url: &str, user: Option<&str>, password: Option<&str>) -> Result<Target> {
        let (url, tls) = tls::split(url);
        let mut config = Config::from_str(&url).map_err(|e| {
            Error::Invalid(format!(
                "the server URL cannot be used ({e}); write postgres://USER@HOST:PORT/DATABASE"
            ))
        })?;
        if let Some(user) = user {
            config.user(user);
        }
        if let Some(password) = password {
            config.password(password);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        let host = config
            .get_hosts()
            .first()
            .map(|h| match h {
                Host::Tcp(name) => name.clone(),
                Host::Unix(path) => path.display().to_string(),
            })
            .unwrap_or_else(|| "localhost".into());
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let user = config
            .get_user()
            .map(str::to_string)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_default();
        if config.get_password().is_none() {
            let database = config.get_dbname().unwrap_or(&user).to_string();
            if let Some(password) = passfile::lookup(&host, port, &database, &user) {
                config.password(password);
            }
        }
        Ok(Target {
            config,
            tls,
            at: format!("{host}:{port}"),
            user,
        })
    }

    /// True when the URL itself carries a password.
    pub fn has_password_in_url(url: &str) -> bool {
        let (url, _) = tls::split(url);
        Config::from_str(&url).is_ok_and(|c| c.get_password().is_some())
    }

    /// Open the connection.
    pub fn connect(&self) -> Result<Client> {
        self.config
            .connect(tls::connector(&self.tls)?)
            .map_err(|e| Error::from_connect(e, &self.at, &self.user))
    }
}
