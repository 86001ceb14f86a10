//! `casetrail server …`: setting up the firm's PostgreSQL server, its users
//! and who may see which case. Thin over `casetrail_sync`; nothing here
//! touches the local database, and the password is read from a file, never
//! printed and never stored.

use std::path::PathBuf;

use casetrail_sync::{Access, Change, Password, Result, Server};
use clap::{Args, Subcommand};

/// Arguments of `casetrail server`.
#[derive(Args)]
pub struct ServerArgs {
    #[command(subcommand)]
    command: ServerCommand,
}

#[derive(Subcommand)]
enum ServerCommand {
    /// Create the server schema, roles and row-level-security policies (an administrator's URL); running it again changes nothing.
    Init {
        #[command(flatten)]
        url: UrlArg,
    },
    /// Manage the people who log in to the server.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Give a user access to a server case (read and write, or --read-only).
    Grant {
        /// The server case: its id or its unique name.
        case: String,
        /// The user (a login role added with `server user add`).
        user: String,
        #[command(flatten)]
        url: UrlArg,
        /// Read only: the user sees the case but cannot change it.
        #[arg(long)]
        read_only: bool,
    },
    /// Take a user off a server case: they receive nothing more of it.
    Revoke {
        /// The server case: its id or its unique name.
        case: String,
        /// The user.
        user: String,
        #[command(flatten)]
        url: UrlArg,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a person: a PostgreSQL login role in casetrail_user.
    Add {
        /// The user name (lower-case letters, digits and _).
        name: String,
        #[command(flatten)]
        url: UrlArg,
        /// A file whose first line is the user's password (sent to the server only as a SCRAM verifier).
        #[arg(long, value_name = "F")]
        password_file: Option<PathBuf>,
    },
}

#[derive(Args)]
struct UrlArg {
    /// The server: postgres://USER@HOST[:PORT]/DATABASE (the password from a PGPASSFILE, or in the URL).
    #[arg(long, value_name = "URL")]
    url: String,
}

/// `casetrail server …`.
pub fn run(args: &ServerArgs, json: bool) -> Result<()> {
    match &args.command {
        ServerCommand::Init { url } => {
            let done = Server::connect(&url.url)?.init()?;
            if json {
                print_json(serde_json::json!({
                    "from": done.from, "to": done.to, "applied": done.applied,
                }));
            } else if done.applied.is_empty() {
                println!(
                    "The server schema is at version {}; nothing to do.",
                    done.to
                );
            } else {
                println!(
                    "Server schema {} → {} ({}).",
                    done.from,
                    done.to,
                    done.applied.join(", ")
                );
            }
        }
        ServerCommand::User {
            command:
                UserCommand::Add {
                    name,
                    url,
                    password_file,
                },
        } => {
            let password = password_file
                .as_deref()
                .map(Password::from_file)
                .transpose()?;
            Server::connect(&url.url)?.add_user(name, password.as_ref())?;
            if json {
                print_json(serde_json::json!({"user": name, "password": password.is_some()}));
            } else {
                let how = if password.is_some() {
                    "with the password from the file"
                } else {
                    "without a password"
                };
                println!("Added user {name} ({how}).");
            }
        }
        ServerCommand::Grant {
            case,
            user,
            url,
            read_only,
        } => {
            let access = if *read_only {
                Access::Read
            } else {
                Access::Write
            };
            let change = Server::connect(&url.url)?.grant(case, user, access)?;
            report(&change, Some(access), json);
        }
        ServerCommand::Revoke { case, user, url } => {
            let change = Server::connect(&url.url)?.revoke(case, user)?;
            report(&change, None, json);
        }
    }
    Ok(())
}

/// A grant's or revoke's outcome.
fn report(change: &Change, access: Option<Access>, json: bool) {
    if json {
        print_json(serde_json::json!({
            "case": change.case_id,
            "name": change.case_name,
            "user": change.user,
            "access": access.map(Access::as_str),
            "changed": change.changed,
        }));
        return;
    }
    let what = match (access, change.changed) {
        (Some(Access::Read), true) => "may now read",
        (Some(Access::Write), true) => "may now read and write",
        (Some(Access::Read), false) => "could already read (only)",
        (Some(Access::Write), false) => "could already read and write",
        (None, true) => "no longer has access to",
        (None, false) => "had no access to",
    };
    println!(
        "{} {what} \"{}\" ({}).",
        change.user, change.case_name, change.case_id
    );
}

fn print_json(value: serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(&value).expect("a JSON value encodes")
    );
}
