//! Document context for the entity tagger: what the other uses of a word in the same document
//! look like.
//!
//! A name is tagged better when the tagger sees all of its uses at once: `Coron` opening a
//! sentence says little, but `population of Coron`, `introduced to Coron` and `Coron Island`
//! elsewhere in the document say it is a place. For every word that looks like a name, the
//! words just before and after its *other* occurrences become features of each occurrence
//! (context aggregation). They are static features: the document is read once before tagging,
//! no second pass is needed. (Also tried: whether the word is capitalised inside a sentence
//! elsewhere; it cost a point on UNER dev and is left out.)

use std::collections::HashMap;

use crate::perceptron::IdBuildHasher;

/// Most distinct neighbouring words kept per side for one word.
const MAX_NEIGHBOURS: usize = 12;

/// One occurrence of a word: where it is and its neighbours (lower-case hashes).
#[derive(Clone, Copy, Debug)]
struct Occurrence {
    sentence: u32,
    token: u32,
    before: u64,
    after: u64,
}

/// The occurrences of every word of one document, keyed by the hash of its lower case.
#[derive(Debug, Default)]
pub(crate) struct DocContext {
    words: HashMap<u64, Vec<Occurrence>, IdBuildHasher>,
}

/// What the other occurrences of one token's word say.
#[derive(Debug, Default)]
pub(crate) struct Aggregate {
    /// Distinct words seen before the other occurrences.
    pub(crate) before: Vec<u64>,
    /// Distinct words seen after them.
    pub(crate) after: Vec<u64>,
    /// Number of other occurrences (0: the word is used once).
    pub(crate) others: usize,
}

/// Start and end markers, as the sentence features use them.
pub(crate) const BOS: u64 = 0xB05;
pub(crate) const EOS: u64 = 0xE05;

impl DocContext {
    /// Indexes the words of a document's sentences (`lowers[k][i]`: hash of the lower case of
    /// word `i` of sentence `k`).
    pub(crate) fn new(lowers: &[Vec<u64>]) -> DocContext {
        let mut words: HashMap<u64, Vec<Occurrence>, IdBuildHasher> = HashMap::default();
        for (k, sent) in lowers.iter().enumerate() {
            for (i, &w) in sent.iter().enumerate() {
                words.entry(w).or_default().push(Occurrence {
                    sentence: k as u32,
                    token: i as u32,
                    before: i.checked_sub(1).map_or(BOS, |j| sent[j]),
                    after: sent.get(i + 1).copied().unwrap_or(EOS),
                });
            }
        }
        // Words used once carry nothing: drop them.
        words.retain(|_, v| v.len() > 1);
        DocContext { words }
    }

    /// Fills `out` with what the occurrences of `word` other than token `token` of sentence
    /// `sentence` say.
    pub(crate) fn aggregate(&self, word: u64, sentence: usize, token: usize, out: &mut Aggregate) {
        out.before.clear();
        out.after.clear();
        out.others = 0;
        let Some(occurrences) = self.words.get(&word) else {
            return;
        };
        for o in occurrences {
            if o.sentence as usize == sentence && o.token as usize == token {
                continue;
            }
            out.others += 1;
            if out.before.len() < MAX_NEIGHBOURS && !out.before.contains(&o.before) {
                out.before.push(o.before);
            }
            if out.after.len() < MAX_NEIGHBOURS && !out.after.contains(&o.after) {
                out.after.push(o.after);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_occurrences_only() {
        // "coron is nice" / "people of coron" / "once"
        let (coron, is, nice, people, of, once) = (1, 2, 3, 4, 5, 6);
        let lowers = vec![vec![coron, is, nice], vec![people, of, coron], vec![once]];
        let ctx = DocContext::new(&lowers);
        let mut agg = Aggregate::default();
        ctx.aggregate(coron, 0, 0, &mut agg);
        assert_eq!(agg.others, 1);
        assert_eq!(agg.before, vec![of]);
        assert_eq!(agg.after, vec![EOS]);
        ctx.aggregate(coron, 1, 2, &mut agg);
        assert_eq!(agg.before, vec![BOS]);
        assert_eq!(agg.after, vec![is]);
        ctx.aggregate(once, 2, 0, &mut agg);
        assert_eq!(agg.others, 0);
        assert!(agg.before.is_empty());
    }
}
