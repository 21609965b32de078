//! The tagger's word lexicon: for each training word (keyed by the hash of its exact and of its
//! lowercase form), the set of tags it was seen with, and a tag for frequent unambiguous words
//! (the tag-dictionary shortcut, which skips scoring).

use std::collections::HashMap;
use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;

use super::Upos;
use crate::perceptron::{IdBuildHasher, ModelError, Reader, put_varint};

/// A word needs this many training occurrences for the shortcut...
const DICT_MIN_COUNT: u32 = 20;
/// ...and this share of them with one tag.
const DICT_MIN_SHARE: f64 = 0.97;
/// A word needs this many occurrences to get an ambiguity class.
const AMB_MIN_COUNT: u32 = 2;
/// A tag joins a word's ambiguity class with this share of its occurrences.
const AMB_MIN_SHARE: f64 = 0.05;
/// Largest decompressed lexicon accepted.
const MAX_LEXICON: u64 = 64 << 20;

/// One lexicon entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Bit `t` set when the word was seen with tag `t` often enough.
    pub mask: u32,
    /// The tag of a frequent unambiguous word.
    pub tag: Option<Upos>,
}

/// Word hash to [`Entry`].
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    map: HashMap<u64, Entry, IdBuildHasher>,
}

/// Tag counts per word key, gathered from training data.
#[derive(Debug, Default)]
pub struct LexiconCounts {
    counts: HashMap<u64, [u32; Upos::COUNT], IdBuildHasher>,
}

impl LexiconCounts {
    /// Counts one occurrence of the word with hash `key` tagged `tag`.
    pub fn add(&mut self, key: u64, tag: Upos) {
        self.counts.entry(key).or_insert([0; Upos::COUNT])[tag.index()] += 1;
    }

    /// The lexicon. `shortcut` says which keys may get a dictionary tag (exact forms only).
    pub fn build(&self, shortcut: impl Fn(u64) -> bool) -> Lexicon {
        let mut map = HashMap::default();
        for (&key, counts) in &self.counts {
            let total: u32 = counts.iter().sum();
            if total < AMB_MIN_COUNT {
                continue;
            }
            let mut mask = 0u32;
            let mut best = 0;
            for (t, &c) in counts.iter().enumerate() {
                if f64::from(c) >= AMB_MIN_SHARE * f64::from(total) {
                    mask |= 1 << t;
                }
                if c > counts[best] {
                    best = t;
                }
            }
            let tag = (shortcut(key)
                && total >= DICT_MIN_COUNT
                && f64::from(counts[best]) >= DICT_MIN_SHARE * f64::from(total))
            .then(|| Upos::from_index(best))
            .flatten();
            map.insert(key, Entry { mask, tag });
        }
        Lexicon { map }
    }
}

impl Lexicon {
    /// The entry of a word hash.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<Entry> {
        self.map.get(&key).copied()
    }

    /// Number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// Zlib-compressed serialisation: sorted keys (delta varints), masks, tags.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<(u64, Entry)> = self.map.iter().map(|(&k, &e)| (k, e)).collect();
        keys.sort_unstable_by_key(|e| e.0);
        let mut payload = Vec::new();
        put_varint(&mut payload, keys.len() as u64);
        let mut prev = 0;
        for &(k, _) in &keys {
            put_varint(&mut payload, k - prev);
            prev = k;
        }
        for &(_, e) in &keys {
            put_varint(&mut payload, u64::from(e.mask));
        }
        for &(_, e) in &keys {
            payload.push(e.tag.map_or(0, |t| t.index() as u8 + 1));
        }
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&payload)
            .and_then(|()| enc.finish())
            .expect("writing to a Vec cannot fail")
    }

    /// Reads [`Lexicon::to_bytes`] output.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Lexicon, ModelError> {
        let mut payload = Vec::new();
        ZlibDecoder::new(bytes)
            .take(MAX_LEXICON)
            .read_to_end(&mut payload)?;
        let mut r = Reader { buf: &payload };
        let n = r.varint()?;
        if n > payload.len() as u64 {
            return Err(ModelError::Invalid("lexicon size exceeds data"));
        }
        let n = n as usize;
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for _ in 0..n {
            prev = prev
                .checked_add(r.varint()?)
                .ok_or(ModelError::Invalid("lexicon key overflow"))?;
            keys.push(prev);
        }
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            let m = u32::try_from(r.varint()?)
                .map_err(|_| ModelError::Invalid("lexicon mask out of range"))?;
            masks.push(m);
        }
        let mut map = HashMap::with_capacity_and_hasher(n, IdBuildHasher::default());
        for (k, mask) in keys.into_iter().zip(masks) {
            let t = r.byte()?;
            let tag = match t {
                0 => None,
                t => Some(
                    Upos::from_index(usize::from(t) - 1)
                        .ok_or(ModelError::Invalid("lexicon tag out of range"))?,
                ),
            };
            map.insert(k, Entry { mask, tag });
        }
        if !r.buf.is_empty() {
            return Err(ModelError::Invalid("trailing lexicon data"));
        }
        Ok(Lexicon { map })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_round_trips() {
        let mut c = LexiconCounts::default();
        for _ in 0..30 {
            c.add(1, Upos::Det);
        }
        for _ in 0..10 {
            c.add(2, Upos::Noun);
            c.add(2, Upos::Verb);
        }
        c.add(3, Upos::Adj);
        let lex = c.build(|_| true);
        assert_eq!(lex.len(), 2);
        assert_eq!(lex.get(1).and_then(|e| e.tag), Some(Upos::Det));
        let e = lex.get(2).expect("entry");
        assert_eq!(e.tag, None);
        assert_eq!(e.mask, (1 << Upos::Noun as u32) | (1 << Upos::Verb as u32));
        let back = Lexicon::from_bytes(&lex.to_bytes()).expect("round trip");
        assert_eq!(back.get(2), lex.get(2));
        assert_eq!(back.get(1), lex.get(1));
        assert!(Lexicon::from_bytes(b"junk").is_err());
    }
}
