//! The document library: imported files stored content-addressed under the data
//! directory, `<root>/<first two hex digits>/<sha256>.pdf`. A file is written under a
//! temporary name, synced, checked against its hash and only then renamed into place,
//! so the library never holds a partial file under a real name.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// A content-addressed folder of imported files.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Library {
    /// The library under `root` (created on first store).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Library { root: root.into() }
    }

    /// The library next to a database file: `<db dir>/documents`.
    pub fn beside_database(db: &Path) -> Self {
        let dir = db.parent().filter(|d| !d.as_os_str().is_empty());
        Library::new(dir.unwrap_or(Path::new(".")).join("documents"))
    }

    /// Where the file with this SHA-256 (lower-case hex) is or would be stored.
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let shard = sha256.get(..2).unwrap_or("xx");
        self.root.join(shard).join(format!("{sha256}.pdf"))
    }

    /// Copy `source` into the library, checking that its bytes still hash to `sha256`.
    /// Storing the same bytes twice keeps one copy. Returns the stored path.
    pub fn store(&self, source: &Path, sha256: &str) -> Result<PathBuf> {
        let dest = self.path_of(sha256);
        if dest.is_file() {
            return Ok(dest);
        }
        let input = File::open(source).map_err(|e| Error::io(source, e))?;
        self.store_new(input, source, sha256, |_| {
            format!(
                "{} changed while it was being imported; import it again",
                source.display()
            )
        })
        .map(|(path, _)| path)
    }

    /// Copy what `input` yields into the library as the file with this
    /// SHA-256, refusing it (nothing stored) when the bytes hash otherwise;
    /// `what` names the source in errors. Returns the stored path and
    /// whether the file is new (false when these bytes were already stored).
    pub fn store_reader(
        &self,
        input: impl Read,
        what: &str,
        sha256: &str,
    ) -> Result<(PathBuf, bool)> {
        if self.path_of(sha256).is_file() {
            return Ok((self.path_of(sha256), false));
        }
        self.store_new(input, Path::new(what), sha256, |copied| {
            format!("{what}: its bytes hash to {copied}, not {sha256}; nothing stored")
        })
    }

    /// Write to a temporary name, then rename into place if the hash matches.
    fn store_new(
        &self,
        input: impl Read,
        source: &Path,
        sha256: &str,
        mismatch: impl FnOnce(&str) -> String,
    ) -> Result<(PathBuf, bool)> {
        let dest = self.path_of(sha256);
        let dir = dest.parent().unwrap_or(&self.root).to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let temp = self.temp_name(&dir, sha256);
        let result = copy_hashing(input, source, &temp).and_then(|copied| {
            if copied == sha256 {
                std::fs::rename(&temp, &dest).map_err(|e| Error::io(&dest, e))
            } else {
                Err(Error::invalid(mismatch(&copied)))
            }
        });
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result.map(|()| (dest, true))
    }

    fn temp_name(&self, dir: &Path, sha256: &str) -> PathBuf {
        dir.join(format!(
            ".{sha256}.{}.{}.tmp",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ))
    }
}

/// The SHA-256 of bytes already in memory, as lowercase hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The SHA-256 of a file, as lowercase hex.
pub fn sha256_file(path: &Path) -> Result<String> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

fn copy_hashing(mut input: impl Read, source: &Path, temp: &Path) -> Result<String> {
    let mut output = File::create(temp).map_err(|e| Error::io(temp, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = input.read(&mut buf).map_err(|e| Error::io(source, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        output
            .write_all(&buf[..n])
            .map_err(|e| Error::io(temp, e))?;
    }
    output.sync_all().map_err(|e| Error::io(temp, e))?;
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_once_under_the_hash_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("in.pdf");
        std::fs::write(&src, b"%PDF-1.4 test").unwrap();
        let sha = sha256_file(&src).unwrap();
        let lib = Library::new(dir.path().join("lib"));
        let a = lib.store(&src, &sha).unwrap();
        let b = lib.store(&src, &sha).unwrap();
        assert_eq!(a, b);
        assert_eq!(std::fs::read(&a).unwrap(), b"%PDF-1.4 test");
        assert!(a.ends_with(format!("{}/{sha}.pdf", &sha[..2])));
        let names: Vec<_> = std::fs::read_dir(a.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_wrong_hash_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("in.pdf");
        std::fs::write(&src, b"%PDF-1.4 test").unwrap();
        let lib = Library::new(dir.path().join("lib"));
        let fake = "ab".repeat(32);
        assert!(lib.store(&src, &fake).is_err());
        assert!(!lib.path_of(&fake).exists());
        let shard: Vec<_> = std::fs::read_dir(lib.path_of(&fake).parent().unwrap())
            .unwrap()
            .collect();
        assert!(shard.is_empty());
    }
}
