//! Document context for the entity tagger: what the other uses of a name in the same document
//! look like.
//!
//! A name is tagged better when the tagger sees all of its uses at once: `Coron` opening a
//! sentence says little, but `population of Coron`, `introduced to Coron` and `Coron Island`
//! elsewhere in the document say it is a place. For every word used as a name (capitalised
//! and not a function word, or tagged a proper noun), the words just before and after its
//! *other* uses as a name become features of each use (context aggregation). They are static
//! features: the document is read once before tagging, no second pass is needed. (Also tried:
//! whether the word is capitalised inside a sentence elsewhere; it cost a point on UNER dev and
//! is left out.)

use std::collections::HashMap;

use crate::perceptron::IdBuildHasher;

/// Most distinct neighbouring words kept per side for one word.
const MAX_NEIGHBOURS: usize = 12;

/// Start and end markers, as the sentence features use them.
pub(crate) const BOS: u64 = 0xB05;
pub(crate) const EOS: u64 = 0xE05;

/// The distinct neighbours of a word's uses, with how often each was seen.
#[derive(Debug, Default)]
struct Uses {
    count: u32,
    before: Vec<(u64, u32)>,
    after: Vec<(u64, u32)>,
}

fn add(list: &mut Vec<(u64, u32)>, word: u64) {
    if let Some(e) = list.iter_mut().find(|e| e.0 == word) {
        e.1 += 1;
    } else if list.len() < MAX_NEIGHBOURS {
        list.push((word, 1));
    }
}

/// The uses as a name of every word of one document, keyed by the hash of its lower case.
#[derive(Debug, Default)]
pub struct DocContext {
    words: HashMap<u64, Uses, IdBuildHasher>,
    /// Per token of the document (sentence after sentence): indexed as a name use.
    indexed: Vec<bool>,
    /// Per sentence: its first token in `indexed`.
    first: Vec<usize>,
}

/// What the other uses of one token's word say.
#[derive(Debug, Default)]
pub(crate) struct Aggregate {
    /// Distinct words seen before the other uses.
    pub(crate) before: Vec<u64>,
    /// Distinct words seen after them.
    pub(crate) after: Vec<u64>,
}

impl DocContext {
    /// Indexes a document: `lowers[k][i]` is the hash of the lower case of word `i` of
    /// sentence `k`, `name[k][i]` whether that word is used as a name there.
    pub(crate) fn new(lowers: &[Vec<u64>], name: &[Vec<bool>]) -> DocContext {
        let mut ctx = DocContext::default();
        for (sent, names) in lowers.iter().zip(name) {
            ctx.first.push(ctx.indexed.len());
            for (i, &w) in sent.iter().enumerate() {
                let is_name = names.get(i).copied().unwrap_or(false);
                ctx.indexed.push(is_name);
                if !is_name {
                    continue;
                }
                let uses = ctx.words.entry(w).or_default();
                uses.count += 1;
                add(&mut uses.before, i.checked_sub(1).map_or(BOS, |j| sent[j]));
                add(&mut uses.after, sent.get(i + 1).copied().unwrap_or(EOS));
            }
        }
        // Words used once carry nothing.
        ctx.words.retain(|_, u| u.count > 1);
        ctx
    }

    /// Whether token `token` of sentence `sentence` was indexed as a name use.
    pub(crate) fn is_indexed(&self, sentence: usize, token: usize) -> bool {
        self.first
            .get(sentence)
            .and_then(|&f| self.indexed.get(f + token))
            .copied()
            .unwrap_or(false)
    }

    /// Fills `out` with what the uses of `word` other than an indexed one with neighbours
    /// `before` and `after` say. Returns false (and leaves `out` empty) when there are none.
    pub(crate) fn aggregate(
        &self,
        word: u64,
        before: u64,
        after: u64,
        out: &mut Aggregate,
    ) -> bool {
        out.before.clear();
        out.after.clear();
        let Some(uses) = self.words.get(&word) else {
            return false;
        };
        let others = |list: &[(u64, u32)], own: u64, out: &mut Vec<u64>| {
            out.extend(
                list.iter()
                    .filter(|&&(w, n)| n > u32::from(w == own))
                    .map(|&(w, _)| w),
            );
        };
        others(&uses.before, before, &mut out.before);
        others(&uses.after, after, &mut out.after);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_uses_only() {
        // "Coron is nice" / "people of Coron" / "Once" / "coron" (not a name use)
        let (coron, is, nice, people, of, once) = (1, 2, 3, 4, 5, 6);
        let lowers = vec![
            vec![coron, is, nice],
            vec![people, of, coron],
            vec![once],
            vec![coron],
        ];
        let name = vec![
            vec![true, false, false],
            vec![false, false, true],
            vec![true],
            vec![false],
        ];
        let ctx = DocContext::new(&lowers, &name);
        let mut agg = Aggregate::default();
        assert!(ctx.aggregate(coron, BOS, is, &mut agg));
        assert_eq!(agg.before, vec![of]);
        assert_eq!(agg.after, vec![EOS]);
        assert!(ctx.aggregate(coron, of, EOS, &mut agg));
        assert_eq!(agg.before, vec![BOS]);
        assert_eq!(agg.after, vec![is]);
        assert!(!ctx.aggregate(once, BOS, EOS, &mut agg), "used once");
        assert!(agg.before.is_empty());
        assert!(ctx.is_indexed(1, 2));
        assert!(!ctx.is_indexed(3, 0));
        assert!(!ctx.is_indexed(9, 0));
    }
}
