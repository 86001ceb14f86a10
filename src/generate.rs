//! `casetrail generate man|bash|zsh|fish|elvish|powershell`: the man page
//! (clap_mangen) and shell completions (clap_complete) made from the same
//! clap definitions as the commands themselves, printed on stdout. The
//! packages (`cargo xtask package`) install what this prints.

use std::io::Write;

use casetrail_store::{Error, Result};
use clap::{Command, ValueEnum};
use clap_complete::Shell;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generated {
    /// The man page, casetrail(1), in roff.
    Man,
    /// Completions for bash (/usr/share/bash-completion/completions/casetrail).
    Bash,
    /// Completions for zsh (/usr/share/zsh/vendor-completions/_casetrail).
    Zsh,
    /// Completions for fish (/usr/share/fish/vendor_completions.d/casetrail.fish).
    Fish,
    /// Completions for elvish.
    Elvish,
    /// Completions for PowerShell.
    Powershell,
}

#[derive(clap::Args)]
pub struct GenerateArgs {
    /// What to print.
    what: Generated,
}

/// Print what `args` names for the command line `cli`.
pub fn generate(mut cli: Command, args: &GenerateArgs) -> Result<()> {
    let mut out = Vec::new();
    let shell = match args.what {
        Generated::Man => {
            clap_mangen::Man::new(cli.clone())
                .render(&mut out)
                .map_err(|e| Error::io("the man page", e))?;
            None
        }
        Generated::Bash => Some(Shell::Bash),
        Generated::Zsh => Some(Shell::Zsh),
        Generated::Fish => Some(Shell::Fish),
        Generated::Elvish => Some(Shell::Elvish),
        Generated::Powershell => Some(Shell::PowerShell),
    };
    if let Some(shell) = shell {
        clap_complete::generate(shell, &mut cli, "casetrail", &mut out);
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&out)
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("standard output", e))
}
