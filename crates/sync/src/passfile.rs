//! The password of a URL that has none, from a PostgreSQL password file, the
//! way libpq finds it: `$PGPASSFILE`, else `~/.pgpass`; lines
//! `host:port:database:user:password`, `*` matching anything, `\` escaping
//! `:` and `\`; the first matching line wins. A file that others may read
//! (group or world permissions) is ignored, as libpq does. The password is
//! never written anywhere by Casetrail.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

/// Where the password file is, when there is one.
fn location() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass"))
}

/// The password for this host, port, database and user, if the file has one.
pub fn lookup(host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    let path = location()?;
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    find(&text, host, port, database, user)
}

/// The first line of `text` that matches, its password.
pub fn find(text: &str, host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    // libpq matches a Unix-socket connection against "localhost".
    let host = if host.starts_with('/') {
        "localhost"
    } else {
        host
    };
    let port = port.to_string();
    let wanted = [host, port.as_str(), database, user];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = split(line);
            if fields.len() != 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(f, w)| f == "*" || f == w);
            matches.then(|| fields[4].clone())
        })
}

/// A line's fields, split at unescaped `:`.
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("one field").push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_line_wins_with_wildcards_and_escapes() {
        let text = "# comment\nother:5432:*:alice:no\n*:5432:firm:alice:a\\:b\\\\c\n*:*:*:*:last\n";
        assert_eq!(
            find(text, "db.example", 5432, "firm", "alice").as_deref(),
            Some("a:b\\c")
        );
        assert_eq!(
            find(text, "/tmp/socket", 6000, "firm", "bob").as_deref(),
            Some("last")
        );
        assert_eq!(find("localhost:1:d:u", "localhost", 1, "d", "u"), None);
    }
}
