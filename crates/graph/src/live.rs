//! A read-only store that follows the store folder's active generation.
//!
//! A long-running reader (`kg serve`) must see what later builds write. A build writes a new
//! generation and switches `ACTIVE` to it at its end; the reader's handle stays on the old
//! generation until it is opened again. [`LiveGraph::graph`] checks `ACTIVE` (one small file
//! read) and re-opens the store when it names another generation, so each caller gets the
//! newest complete build. Handles already given out keep reading the generation they opened.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crate::error::Result;
use crate::folder;
use crate::store::Graph;
use crate::vocab::BaseIri;

/// How long to wait before each new try to open a generation that just became active.
const REOPEN_PAUSES: [Duration; 4] = [
    Duration::from_millis(20),
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(200),
];

/// A read-only [`Graph`] re-opened whenever the store switches to another generation.
#[derive(Debug)]
pub struct LiveGraph {
    dir: PathBuf,
    base: BaseIri,
    current: Mutex<Graph>,
}

impl LiveGraph {
    /// Opens the store in `dir` read-only, with `base` as its base IRI.
    pub fn open(dir: impl AsRef<Path>, base: BaseIri) -> Result<Self> {
        let dir = dir.as_ref().to_path_buf();
        let graph = Graph::open_read_only(&dir)?.with_base(base.clone());
        Ok(LiveGraph {
            dir,
            base,
            current: Mutex::new(graph),
        })
    }

    /// The store folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// A handle on the active generation: the one held, or a new one when `ACTIVE` changed
    /// since it was opened.
    ///
    /// Just after the switch the builder may still have the new generation open and be
    /// tidying its files, and a read-only open can then fail on a file that vanished under it.
    /// So a failed open is tried again a few times; if it still fails, the old handle is
    /// served while its generation is still on disk (the next call tries again), and the error
    /// is returned only when it is gone.
    pub fn graph(&self) -> Result<Graph> {
        let active = folder::active(&self.dir)?;
        // A poisoned lock only means another request panicked; the handle in it is still whole.
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        if current.active == active {
            return Ok(current.clone());
        }
        let mut opened = self.open_active();
        for pause in REOPEN_PAUSES {
            if opened.is_ok() {
                break;
            }
            thread::sleep(pause);
            opened = self.open_active();
        }
        match opened {
            Ok(graph) => {
                *current = graph;
                Ok(current.clone())
            }
            Err(_) if current.database_path().is_some_and(|p| p.is_dir()) => Ok(current.clone()),
            Err(e) => Err(e),
        }
    }

    fn open_active(&self) -> Result<Graph> {
        Ok(Graph::open_read_only(&self.dir)?.with_base(self.base.clone()))
    }

    /// The name of the generation now served (`gen-000003`), or `None` for a store of the
    /// layout before generations.
    pub fn generation(&self) -> Option<String> {
        let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        match &current.active {
            folder::Active::Generation(name) => Some(name.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn a_finished_build_is_followed() -> Result<()> {
        let dir = tempfile::TempDir::new().map_err(|source| Error::Io {
            path: std::env::temp_dir(),
            source,
        })?;
        let mut writer = Graph::open(dir.path())?;
        let live = LiveGraph::open(dir.path(), BaseIri::default())?;
        let first = live.generation();
        assert!(first.is_some());
        writer.build(|_| Ok::<(), Error>(()))?;
        assert_eq!(
            live.generation(),
            first,
            "nothing re-opened before it is asked for"
        );
        let graph = live.graph()?;
        assert_ne!(live.generation(), first);
        assert_eq!(graph.database_path(), writer.database_path());
        Ok(())
    }
}
