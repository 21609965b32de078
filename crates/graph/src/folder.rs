//! The store folder: one writer's lock, the name of the active generation, and the generations.
//!
//! ```text
//! STORE/
//!   kg.lock       locked (an OS file lock) by the one process writing the store
//!   ACTIVE        the name of the active generation; replaced whole (write aside, then rename)
//!   gen-000002/   an oxigraph database (RocksDB)
//! ```
//!
//! A build writes a new generation beside the active one, starting from a RocksDB checkpoint of
//! it (hard links, so the copy is cheap), and names it in `ACTIVE` when everything is written.
//! A build stopped at any point, even by `kill -9`, leaves `ACTIVE` naming the old generation,
//! untouched; the next writer deletes what it left. Stores made by kg before generations
//! (RocksDB files directly in the folder) are read as they are and moved into a generation by
//! the next build.

use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The file that names the active generation.
const ACTIVE: &str = "ACTIVE";
/// The lock file of the writer.
const LOCK: &str = "kg.lock";
/// Generation folders start with this.
const GEN: &str = "gen-";

/// Where a store's data lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Active {
    /// A generation folder of the store, by name.
    Generation(String),
    /// RocksDB files directly in the store folder (kg before generations).
    Legacy,
    /// No store yet.
    None,
}

impl Active {
    /// The database folder, if there is one.
    pub(crate) fn path(&self, root: &Path) -> Option<PathBuf> {
        match self {
            Active::Generation(name) => Some(root.join(name)),
            Active::Legacy => Some(root.to_path_buf()),
            Active::None => None,
        }
    }
}

/// Reads which generation is active.
pub(crate) fn active(root: &Path) -> Result<Active> {
    match fs::read_to_string(root.join(ACTIVE)) {
        Ok(text) => {
            let name = text.trim();
            if !is_generation(name) || !root.join(name).is_dir() {
                return Err(Error::Corrupt {
                    path: root.join(ACTIVE),
                    reason: format!("it names {name:?}, which is not a generation of the store"),
                });
            }
            Ok(Active::Generation(name.to_owned()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if root.join("CURRENT").is_file() {
                Ok(Active::Legacy)
            } else {
                Ok(Active::None)
            }
        }
        Err(e) => Err(Error::Io {
            path: root.join(ACTIVE),
            source: e,
        }),
    }
}

fn is_generation(name: &str) -> bool {
    name.strip_prefix(GEN)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The name of the generation after `current` (the first one after none or a legacy store).
pub(crate) fn next_generation(current: &Active) -> String {
    let n = match current {
        Active::Generation(name) => name[GEN.len()..].parse::<u64>().unwrap_or(0),
        _ => 0,
    };
    format!("{GEN}{:06}", n + 1)
}

/// Takes the writer's lock of the store folder (created if missing); held until the file is
/// dropped, and released by the OS if the process dies.
pub(crate) fn lock(root: &Path) -> Result<File> {
    fs::create_dir_all(root).map_err(|source| Error::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let path = root.join(LOCK);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(Error::Locked {
            path: root.to_path_buf(),
        }),
        Err(TryLockError::Error(source)) => Err(Error::Io { path, source }),
    }
}

/// Makes `name` the active generation: written to a side file, synced, then renamed over
/// `ACTIVE`, so a reader sees the old name or the new one, never half of one.
pub(crate) fn switch(root: &Path, name: &str) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let side = root.join(format!("{ACTIVE}.new"));
    let mut file = File::create(&side).map_err(io(&side))?;
    writeln!(file, "{name}").map_err(io(&side))?;
    file.sync_all().map_err(io(&side))?;
    drop(file);
    let target = root.join(ACTIVE);
    fs::rename(&side, &target).map_err(io(&target))?;
    // The rename itself is durable once the folder is synced.
    if let Ok(dir) = File::open(root) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Deletes what stopped builds and replaced generations left: every generation but `keep`, the
/// side file of [`switch`], and with `legacy` the files of a store made before generations
/// (only once a generation is active). Only the lock holder may call this. Failures are
/// ignored: a leftover is retried next time.
pub(crate) fn clean(root: &Path, keep: &str, legacy: bool) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let path = entry.path();
        if path.is_dir() {
            if is_generation(name) && name != keep {
                let _ = fs::remove_dir_all(&path);
            }
        } else if name == format!("{ACTIVE}.new") || (legacy && is_legacy_file(name)) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Files RocksDB keeps directly in a legacy store folder.
fn is_legacy_file(name: &str) -> bool {
    let numbered = |ext: &str| {
        name.strip_suffix(ext)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    matches!(name, "CURRENT" | "IDENTITY" | "LOCK" | "LOG")
        || name.starts_with("LOG.old.")
        || name.starts_with("MANIFEST-")
        || name.starts_with("OPTIONS-")
        || numbered(".sst")
        || numbered(".log")
        || numbered(".blob")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generations_count_up() {
        assert_eq!(next_generation(&Active::None), "gen-000001");
        assert_eq!(next_generation(&Active::Legacy), "gen-000001");
        assert_eq!(
            next_generation(&Active::Generation("gen-000041".into())),
            "gen-000042"
        );
        assert!(is_generation("gen-000001"));
        assert!(!is_generation("gen-"));
        assert!(!is_generation("gen-1a"));
    }

    #[test]
    fn only_rocksdb_files_count_as_legacy() {
        for name in [
            "CURRENT",
            "000012.sst",
            "000003.log",
            "MANIFEST-000005",
            "LOCK",
        ] {
            assert!(is_legacy_file(name), "{name}");
        }
        for name in ["kg.lock", "ACTIVE", "notes.txt", ".sst", "a.sst"] {
            assert!(!is_legacy_file(name), "{name}");
        }
    }

    #[test]
    fn a_second_lock_is_refused_and_freed_on_drop() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|source| Error::Io {
            path: PathBuf::from("tmp"),
            source,
        })?;
        let first = lock(dir.path())?;
        assert!(matches!(lock(dir.path()), Err(Error::Locked { .. })));
        drop(first);
        lock(dir.path())?;
        Ok(())
    }

    #[test]
    fn switching_names_the_new_generation() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|source| Error::Io {
            path: PathBuf::from("tmp"),
            source,
        })?;
        assert_eq!(active(dir.path())?, Active::None);
        fs::create_dir(dir.path().join("gen-000001")).map_err(|source| Error::Io {
            path: dir.path().to_path_buf(),
            source,
        })?;
        switch(dir.path(), "gen-000001")?;
        assert_eq!(active(dir.path())?, Active::Generation("gen-000001".into()));
        fs::create_dir(dir.path().join("gen-000002")).map_err(|source| Error::Io {
            path: dir.path().to_path_buf(),
            source,
        })?;
        clean(dir.path(), "gen-000001", true);
        assert!(!dir.path().join("gen-000002").exists());
        assert!(dir.path().join("gen-000001").exists());
        Ok(())
    }
}
