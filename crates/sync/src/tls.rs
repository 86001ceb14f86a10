//! TLS to the server, with libpq's `sslmode` meanings (OpenSSL, through
//! `postgres-openssl`):
//!
//! - `disable`: no TLS;
//! - `prefer` (the default) and `require`: encrypted when the server offers
//!   it (`require`: or refused), the certificate not checked — as libpq does;
//! - `verify-ca`: the certificate must chain to a trusted root;
//! - `verify-full`: that, and name the host connected to.
//!
//! The trusted roots are `sslrootcert=FILE` when the URL gives one, else
//! `~/.postgresql/root.crt` when it exists (libpq's default), else the
//! system's. tokio-postgres knows only `disable|prefer|require` and no
//! `sslrootcert`, so [`split`] takes those out of the URL first.

use std::path::PathBuf;

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use postgres_openssl::MakeTlsConnector;

use crate::error::{Error, Result};

/// How much of the server's certificate is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Nothing (`prefer`, `require`).
    Nothing,
    /// The chain (`verify-ca`).
    Chain,
    /// The chain and the host name (`verify-full`).
    Full,
}

/// What the URL asked of TLS beyond what tokio-postgres parses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tls {
    pub verify: Verify,
    pub root_cert: Option<PathBuf>,
}

/// The URL with `sslmode=verify-*` turned into `require` and `sslrootcert`
/// taken out, and what they asked for. Handles the URL form (`?a=b&c=d`)
/// and the key=value form (`a=b c=d`, unquoted values).
pub fn split(url: &str) -> (String, Tls) {
    let mut tls = Tls {
        verify: Verify::Nothing,
        root_cert: None,
    };
    let mut take = |key: &str, value: &str| -> Option<String> {
        match (key, value) {
            ("sslmode", "verify-full") => {
                tls.verify = Verify::Full;
                Some("sslmode=require".into())
            }
            ("sslmode", "verify-ca") => {
                tls.verify = Verify::Chain;
                Some("sslmode=require".into())
            }
            ("sslrootcert", file) => {
                tls.root_cert = Some(PathBuf::from(percent_decode(file)));
                None
            }
            _ => Some(format!("{key}={value}")),
        }
    };
    let rebuilt = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        match url.split_once('?') {
            None => url.to_string(),
            Some((base, query)) => {
                let kept: Vec<String> = query
                    .split('&')
                    .filter_map(|p| {
                        let (k, v) = p.split_once('=').unwrap_or((p, ""));
                        take(k, v)
                    })
                    .collect();
                if kept.is_empty() {
                    base.to_string()
                } else {
                    format!("{base}?{}", kept.join("&"))
                }
            }
        }
    } else {
        url.split_whitespace()
            .filter_map(|p| match p.split_once('=') {
                Some((k, v)) => take(k, v),
                None => Some(p.to_string()),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    (rebuilt, tls)
}

/// `%2F` and the like in a URL's value.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The OpenSSL connector for `tls`.
pub fn connector(tls: &Tls) -> Result<MakeTlsConnector> {
    let bad = |what: String| Error::Invalid(format!("TLS: {what}"));
    let mut builder =
        SslConnector::builder(SslMethod::tls()).map_err(|e| bad(format!("OpenSSL: {e}")))?;
    if tls.verify == Verify::Nothing {
        builder.set_verify(SslVerifyMode::NONE);
    } else {
        let default = std::env::var_os("HOME")
            .map(|h| PathBuf::from(h).join(".postgresql/root.crt"))
            .filter(|p| p.is_file());
        if let Some(root) = tls.root_cert.clone().or(default) {
            if !root.is_file() {
                return Err(bad(format!("sslrootcert {}: no such file", root.display())));
            }
            builder
                .set_ca_file(&root)
                .map_err(|e| bad(format!("cannot use {} as sslrootcert: {e}", root.display())))?;
        }
    }
    let mut connector = MakeTlsConnector::new(builder.build());
    if tls.verify != Verify::Full {
        connector.set_callback(|config, _| {
            config.set_verify_hostname(false);
            Ok(())
        });
    }
    Ok(connector)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_modes_and_the_root_certificate_are_taken_out_of_the_url() {
        let (url, tls) =
            split("postgres://a@db:5432/x?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=c");
        assert_eq!(
            url,
            "postgres://a@db:5432/x?sslmode=require&application_name=c"
        );
        assert_eq!(tls.verify, Verify::Full);
        assert_eq!(tls.root_cert, Some(PathBuf::from("/etc/ca.pem")));

        let (url, tls) = split("host=db user=a sslmode=verify-ca sslrootcert=/ca.pem");
        assert_eq!(url, "host=db user=a sslmode=require");
        assert_eq!(tls.verify, Verify::Chain);

        let (url, tls) = split("postgres://a@db/x?sslmode=require");
        assert_eq!(url, "postgres://a@db/x?sslmode=require");
        assert_eq!(tls.verify, Verify::Nothing);
        assert_eq!(split("postgres://a@db/x").0, "postgres://a@db/x");
    }
}
