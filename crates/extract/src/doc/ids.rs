//! Typed indices into one document's mentions and entities, so that a mention index is never
//! read as an entity index.

/// A mention of the document: its index in the document's mention list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionId(pub usize);

/// An entity of the document: its index in the document's entity list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterId(pub usize);

impl MentionId {
    /// The position in the mention list.
    pub fn index(self) -> usize {
        self.0
    }
}

impl ClusterId {
    /// The position in the entity list.
    pub fn index(self) -> usize {
        self.0
    }
}
