//! Who may see a case: grants and revokes, through the server's own
//! functions (`casetrail.grant_access`, `casetrail.revoke_access`), which
//! check that the caller owns the case or is an administrator and write the
//! access log in the same transaction. The rules live in the server, so a
//! person with `psql` is held to them too.

use postgres::Client;

use crate::error::{Error, Result};
use crate::migrate;
use crate::users;

/// Read only, or read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

impl Access {
    /// The word the server stores.
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
        }
    }
}

/// The case a grant or revoke was about, and whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The server case's id (a UUID, as text).
    pub case_id: String,
    pub case_name: String,
    pub user: String,
    /// False when the user already had exactly that access (or, for a
    /// revoke, had none): nothing was written or logged.
    pub changed: bool,
}

/// Give `user` `access` to `case` (its id or unique name).
pub fn grant(client: &mut Client, case: &str, user: &str, access: Access) -> Result<Change> {
    users::check_name(user)?;
    migrate::require_current(client)?;
    let mut tx = client.transaction().map_err(Error::from_statement)?;
    let (case_id, case_name) = resolve(&mut tx, case)?;
    let changed: bool = tx
        .query_one(
            "SELECT casetrail.grant_access($1, $2, $3)",
            &[&case, &user, &access.as_str()],
        )
        .map_err(Error::from_statement)?
        .get(0);
    tx.commit().map_err(Error::from_statement)?;
    Ok(Change {
        case_id,
        case_name,
        user: user.to_string(),
        changed,
    })
}

/// Take `user` off `case` (its id or unique name).
pub fn revoke(client: &mut Client, case: &str, user: &str) -> Result<Change> {
    users::check_name(user)?;
    migrate::require_current(client)?;
    let mut tx = client.transaction().map_err(Error::from_statement)?;
    let (case_id, case_name) = resolve(&mut tx, case)?;
    let changed: bool = tx
        .query_one("SELECT casetrail.revoke_access($1, $2)", &[&case, &user])
        .map_err(Error::from_statement)?
        .get(0);
    tx.commit().map_err(Error::from_statement)?;
    Ok(Change {
        case_id,
        case_name,
        user: user.to_string(),
        changed,
    })
}

/// The case `case` names among those the caller may manage.
fn resolve(tx: &mut postgres::Transaction<'_>, case: &str) -> Result<(String, String)> {
    let row = tx
        .query_one(
            "SELECT id::text, name FROM casetrail.managed_case($1)",
            &[&case],
        )
        .map_err(Error::from_statement)?;
    Ok((row.get(0), row.get(1)))
}
