//! Connecting to the firm's server from a `postgres://` URL (or a libpq
//! key=value string): the password from the URL or a password file, a
//! bounded connect time, and errors that name the server without the password.

use std::str::FromStr;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};

use crate::error::{Error, Result};
use crate::passfile;

/// How long a connection attempt may take when the URL does not say
/// (`connect_timeout=`).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A parsed URL, ready to connect.
pub struct Target {
    config: Config,
    /// `host:port`, or the socket directory and port, for messages.
    at: String,
    user: String,
}

impl Target {
    /// Parse `url`. `sslmode=disable` and `prefer` connect without TLS
    /// (this build has none yet); `require` is refused before connecting.
    pub fn parse(url: &str) -> Result<Target> {
        for mode in ["verify-full", "verify-ca"] {
            if url.contains(&format!("sslmode={mode}")) {
                return Err(Error::Invalid(format!(
                    "sslmode={mode}: this build has no TLS yet; use an SSH tunnel or a Unix socket"
                )));
            }
        }
        let mut config = Config::from_str(url).map_err(|e| {
            Error::Invalid(format!(
                "the server URL cannot be used ({e}); write postgres://USER@HOST:PORT/DATABASE"
            ))
        })?;
        if config.get_ssl_mode() == SslMode::Require {
            return Err(Error::Invalid(
                "sslmode=require: this build has no TLS yet; use an SSH tunnel or a Unix socket, or sslmode=disable|prefer".into(),
            ));
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
            at: format!("{host}:{port}"),
            user,
        })
    }

    /// Open the connection.
    pub fn connect(&self) -> Result<Client> {
        self.config
            .connect(NoTls)
            .map_err(|e| Error::from_connect(e, &self.at, &self.user))
    }
}
