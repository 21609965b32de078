//! A read-only store that follows the store folder's active generation.
//!
//! A long-running reader (`kg serve`) must see what later builds write. A build writes a new
//! generation and switches `ACTIVE` to it at its end; the reader's handle stays on the old
//! generation until it is opened again. [`LiveGraph::graph`] checks `ACTIVE` (one small file
//! read) and re-opens the store when it names another generation, so each caller gets the
//! newest complete build. Handles already given out keep reading the generation they opened.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::error::Result;
use crate::folder;
use crate::store::Graph;
use crate::vocab::BaseIri;

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
    /// When the new generation cannot be opened, the error is returned and the old handle is
    /// kept for the next call to try again.
    pub fn graph(&self) -> Result<Graph> {
        let active = folder::active(&self.dir)?;
        // A poisoned lock only means another request panicked; the handle in it is still whole.
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        if current.active != active {
            *current = Graph::open_read_only(&self.dir)?.with_base(self.base.clone());
        }
        Ok(current.clone())
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
