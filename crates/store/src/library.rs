//! The document library: imported files stored content-addressed under the data
//! directory, `<root>/<first two hex digits>/<sha256>.pdf`. A file is written under a
//! temporary name, synced, checked against its hash and only then renamed into place,
//! so the library never holds a partial file under a real name.
//!
//! An import killed part way can leave a temporary file, or a stored file whose
//! row was never committed (the copy comes before the row). [`Library::sweep`],
//! run when the next import starts, removes the temporary files of processes that
//! are gone, and stored files no row names once they are old enough that no
//! import still running can be about to record them; importing the same file
//! again simply gives the stored copy its row.

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// A content-addressed folder of imported files.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// What [`Library::sweep`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Temporary files of copies whose process is gone.
    pub temp_files: usize,
    /// Stored files no document row names.
    pub orphans: usize,
    pub bytes: u64,
}

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

    /// Remove what interrupted imports left (see the module's notes): temporary
    /// files whose process is no longer running, and stored files whose hash is
    /// not in `known` and that were last written more than `orphan_age` ago.
    /// What cannot be read or removed is left; the sweep never fails.
    pub fn sweep(&self, known: &HashSet<String>, orphan_age: Duration) -> Swept {
        let mut swept = Swept::default();
        let Ok(shards) = std::fs::read_dir(&self.root) else {
            return swept;
        };
        let now = SystemTime::now();
        for shard in shards.flatten() {
            let Ok(files) = std::fs::read_dir(shard.path()) else {
                continue;
            };
            for file in files.flatten() {
                let name = file.file_name().to_string_lossy().into_owned();
                let Ok(meta) = file.metadata() else {
                    continue;
                };
                let gone = if let Some(pid) = temp_owner(&name) {
                    // Linux: a process is running while /proc/<pid> exists.
                    Path::new("/proc").is_dir() && !Path::new(&format!("/proc/{pid}")).exists()
                } else if let Some(sha) = name.strip_suffix(".pdf") {
                    let age = meta
                        .modified()
                        .ok()
                        .and_then(|m| now.duration_since(m).ok());
                    sha.len() == 64 && !known.contains(sha) && age.is_some_and(|a| a > orphan_age)
                } else {
                    false
                };
                if gone && std::fs::remove_file(file.path()).is_ok() {
                    match temp_owner(&name) {
                        Some(_) => swept.temp_files += 1,
                        None => swept.orphans += 1,
                    }
                    swept.bytes += meta.len();
                }
            }
        }
        swept
    }

    fn temp_name(&self, dir: &Path, sha256: &str) -> PathBuf {
        dir.join(format!(
            ".{sha256}.{}.{}.tmp",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ))
    }
}

/// The process id in a temporary file's name (`.<sha256>.<pid>.<n>.tmp`).
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let mut parts = rest.split('.');
    let (_sha, pid) = (parts.next()?, parts.next()?);
    pid.parse().ok()
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

#[cfg(test)]
mod sweep_tests {
    use super::*;

    #[test]
    fn sweeps_dead_temp_files_and_old_orphans_only() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::new(dir.path());
        let kept = lib.path_of(&"a".repeat(64));
        let orphan = lib.path_of(&"b".repeat(64));
        let young = lib.path_of(&"c".repeat(64));
        for p in [&kept, &orphan, &young] {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b"%PDF-1.4").unwrap();
        }
        let shard = kept.parent().unwrap();
        // A pid that cannot be running (above pid_max), and this process's own.
        let dead = shard.join(format!(".{}.4294967295.0.tmp", "a".repeat(64)));
        let live = shard.join(format!(".{}.{}.0.tmp", "a".repeat(64), std::process::id()));
        std::fs::write(&dead, b"partial").unwrap();
        std::fs::write(&live, b"partial").unwrap();
        let old = SystemTime::now() - Duration::from_secs(7200);
        File::options()
            .write(true)
            .open(&orphan)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let known: HashSet<String> = ["a".repeat(64)].into_iter().collect();
        let swept = lib.sweep(&known, Duration::from_secs(3600));
        assert_eq!((swept.temp_files, swept.orphans), (1, 1), "{swept:?}");
        assert!(kept.exists() && young.exists() && live.exists());
        assert!(!orphan.exists() && !dead.exists());
    }
}
