//! `casetrail connect`, `casetrail sync` and `casetrail conflicts`: this
//! desktop's database and the firm's server. Thin over `casetrail_sync`
//! (the engine) and the store (the local log); the password comes from
//! `--password-file` or a PGPASSFILE and never lands in the database.

use std::path::PathBuf;

use casetrail_store::Store;
use casetrail_sync::{Error, Password, Result, Server};
use clap::Args;

/// Arguments of `casetrail connect`.
#[derive(Args)]
pub struct ConnectArgs {
    /// The server: postgres://HOST[:PORT]/DATABASE (no password in it).
    #[arg(long, value_name = "URL")]
    url: String,
    /// Your server user (added with `casetrail server user add`).
    #[arg(long, value_name = "NAME")]
    user: String,
    #[command(flatten)]
    password: PasswordArg,
}

/// Arguments of `casetrail sync`.
#[derive(Args)]
pub struct SyncArgs {
    #[command(flatten)]
    password: PasswordArg,
}

#[derive(Args)]
struct PasswordArg {
    /// A file whose first line is your password (else $PGPASSFILE or ~/.pgpass is read).
    #[arg(long, value_name = "F")]
    password_file: Option<PathBuf>,
}

impl PasswordArg {
    fn read(&self) -> Result<Option<Password>> {
        self.password_file
            .as_deref()
            .map(Password::from_file)
            .transpose()
    }
}

/// `casetrail connect`: check the server answers as this user, then tie
/// the database to it (URL and user only).
pub fn connect(store: &mut Store, args: &ConnectArgs, json: bool) -> Result<()> {
    if casetrail_sync::connection::Target::has_password_in_url(&args.url) {
        return Err(Error::Invalid(
            "the URL carries a password, which would be stored in the database; give it with --password-file or a PGPASSFILE instead".into(),
        ));
    }
    let password = args.password.read()?;
    let version = Server::connect_as(&args.url, &args.user, password.as_ref())?.check_schema()?;
    store.connect_server(&args.url, &args.user)?;
    if json {
        println!(
            "{}",
            serde_json::json!({"url": args.url, "user": args.user, "server_schema": version})
        );
    } else {
        println!(
            "Connected to {} as {} (server schema {version}). Run `casetrail sync` to share.",
            args.url, args.user
        );
    }
    Ok(())
}

/// `casetrail sync`: push, then pull.
pub fn sync(store: &mut Store, args: &SyncArgs, json: bool) -> Result<()> {
    let Some(server) = store.server()? else {
        return Err(Error::Invalid(
            "this database is not connected to a server; run `casetrail connect --url URL --user NAME` first".into(),
        ));
    };
    let password = args.password.read()?;
    let done = Server::connect_as(&server.url, &server.user, password.as_ref())?.sync(store)?;
    if json {
        println!(
            "{{\"pushed\": {}, \"pulled\": {}, \"conflicts\": {}}}",
            done.pushed, done.pulled, done.conflicts
        );
    } else {
        println!(
            "Pushed {}, pulled {} operation(s); {} conflict(s).",
            done.pushed, done.pulled, done.conflicts
        );
    }
    Ok(())
}

/// `casetrail conflicts`: what merges found, newest first.
pub fn conflicts(store: &Store, json: bool) -> Result<()> {
    let list = store.conflicts()?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&list).expect("conflicts encode as JSON")
        );
        return Ok(());
    }
    if list.is_empty() {
        println!("No conflicts.");
    }
    for c in &list {
        let case = c.case_name.as_deref().unwrap_or(&c.case_id);
        match &c.field {
            Some(field) => println!(
                "{} {case}: {} {} {field}: kept {} ({}), not {} ({})",
                c.at.format("%Y-%m-%d %H:%M"),
                c.entity,
                c.entity_id,
                c.kept,
                c.kept_author,
                c.lost,
                c.lost_author
            ),
            None => println!(
                "{} {case}: {} {} was deleted by {}; the edit by {} was dropped: {}",
                c.at.format("%Y-%m-%d %H:%M"),
                c.entity,
                c.entity_id,
                c.kept_author,
                c.lost_author,
                c.lost
            ),
        }
    }
    Ok(())
}
