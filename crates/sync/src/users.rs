//! People on the server: one PostgreSQL login role each, a member of
//! `casetrail_user`. The password (when given) is turned into a SCRAM-SHA-256
//! verifier here, so the server, its logs and its statement history never
//! see it in clear, and Casetrail stores it nowhere.

use std::fmt;
use std::path::Path;

use postgres::Client;

use crate::error::{Error, Result};
use crate::migrate;

/// A password read from a file; never printed (its `Debug` says so).
pub struct Password(String);

impl Password {
    /// The first line of `path` (without its line ending); an empty one is refused.
    pub fn from_file(path: &Path) -> Result<Password> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let line = text.lines().next().unwrap_or("");
        if line.is_empty() {
            return Err(Error::Invalid(format!(
                "{}: the password file's first line is empty",
                path.display()
            )));
        }
        Ok(Password(line.to_string()))
    }

    /// The password itself, for a login (never stored, never printed).
    pub(crate) fn secret(&self) -> &str {
        &self.0
    }

    /// The SCRAM-SHA-256 verifier PostgreSQL stores for this password.
    fn verifier(&self) -> String {
        postgres_protocol::password::scram_sha_256(self.0.as_bytes())
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

/// Check a user name: PostgreSQL's unquoted identifiers, lower case, so the
/// name a person types is the role `psql -U` logs in as.
pub fn check_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !first_ok || !rest_ok || name.len() > 63 || name.starts_with("pg_") {
        return Err(Error::Invalid(format!(
            "{name:?} cannot be a user name: use lower-case letters, digits and _, starting with a letter (at most 63)"
        )));
    }
    if name.starts_with("casetrail_") {
        return Err(Error::Invalid(format!(
            "{name:?}: names starting with casetrail_ are Casetrail's own roles"
        )));
    }
    Ok(())
}

/// Create the login role `name` in `casetrail_user`, with the password's
/// verifier when one is given, and `casetrail` first on its search path in
/// this database (so `psql` as that user reads `operations` unqualified).
pub fn add(client: &mut Client, name: &str, password: Option<&Password>) -> Result<()> {
    check_name(name)?;
    migrate::require_current(client)?;
    let mut tx = client.transaction().map_err(Error::from_statement)?;
    let exists = tx
        .query_opt(
            "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1",
            &[&name],
        )
        .map_err(Error::from_statement)?
        .is_some();
    if exists {
        return Err(Error::Invalid(format!(
            "a role named {name} already exists on the server"
        )));
    }
    // Identifiers and the verifier cannot be parameters of DDL: the name is
    // checked above (letters, digits, _) and the verifier is base64 and `$:`.
    let mut create = format!("CREATE ROLE {name} LOGIN IN ROLE casetrail_user");
    if let Some(p) = password {
        create.push_str(&format!(" PASSWORD '{}'", p.verifier().replace('\'', "''")));
    }
    tx.batch_execute(&create).map_err(Error::from_statement)?;
    let database: String = tx
        .query_one("SELECT pg_catalog.current_database()::text", &[])
        .map_err(Error::from_statement)?
        .get(0);
    tx.batch_execute(&format!(
        "ALTER ROLE {name} IN DATABASE \"{}\" SET search_path = casetrail, public",
        database.replace('"', "\"\"")
    ))
    .map_err(Error::from_statement)?;
    tx.commit().map_err(Error::from_statement)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_lower_case_identifiers() {
        assert!(check_name("alice").is_ok());
        assert!(check_name("a_2").is_ok());
        for bad in [
            "",
            "Alice",
            "2a",
            "a-b",
            "a b",
            "pg_x",
            "casetrail_user",
            "a\"b",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_password_is_never_shown() {
        let p = Password("hunter2".into());
        assert_eq!(format!("{p:?}"), "Password(…)");
        assert!(p.verifier().starts_with("SCRAM-SHA-256$"));
        assert!(!p.verifier().contains("hunter2"));
    }
}
