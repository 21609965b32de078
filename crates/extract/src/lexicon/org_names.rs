//! Organisation names matched on the lower-case hashes of a sentence's tokens, as the NER
//! features see them: `organizations.txt` and `companies.txt`, each name also split the way
//! text tokenisers split it.

use std::collections::HashSet;

use crate::perceptron::{FeatureHasher, IdBuildHasher};

/// Hash of a token's lower case, as the features compute it.
pub fn lower_hash(lower: &str) -> u64 {
    crate::perceptron::hash_str(lower)
}

/// Key of a phrase from the lower-case hashes of its tokens.
fn phrase_key(tokens: &[u64]) -> u64 {
    tokens
        .iter()
        .fold(FeatureHasher::new(3), |h, &t| h.u64(t))
        .finish()
}

/// Splits an organisation name the way text tokenisers do: `McDonald's` -> `McDonald 's`,
/// `Yahoo!` -> `Yahoo !`; with `split_hyphens`, `Coca-Cola` -> `Coca - Cola` (as UD does).
pub(crate) fn name_tokens(name: &str, split_hyphens: bool) -> Vec<String> {
    let mut out = Vec::new();
    for w in name.split_whitespace() {
        let lower = w.to_lowercase();
        let (stem, tail) = if let Some(stem) = lower.strip_suffix("'s") {
            (stem.to_string(), Some("'s"))
        } else if let Some(stem) = lower.strip_suffix('!').filter(|s| !s.is_empty()) {
            (stem.to_string(), Some("!"))
        } else {
            (lower, None)
        };
        if split_hyphens && stem.contains('-') && stem.len() > 1 {
            for (k, part) in stem.split('-').enumerate() {
                if k > 0 {
                    out.push("-".to_string());
                }
                if !part.is_empty() {
                    out.push(part.to_string());
                }
            }
        } else {
            out.push(stem);
        }
        out.extend(tail.map(str::to_string));
    }
    out
}

/// Organisation names (`data/lexicons/organizations.txt` and the lexicon's companies), matched on
/// lower-case tokens.
#[derive(Debug, Default)]
pub struct OrgNames {
    /// Keys of whole names.
    names: HashSet<u64, IdBuildHasher>,
    /// Lower-case hashes of first words.
    first: HashSet<u64, IdBuildHasher>,
    /// Longest name, in tokens.
    longest: usize,
}

impl OrgNames {
    pub(crate) fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> OrgNames {
        let mut o = OrgNames::default();
        for line in texts.into_iter().flat_map(str::lines) {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            for split in [false, true] {
                let toks: Vec<u64> = name_tokens(line, split)
                    .iter()
                    .map(|t| lower_hash(t))
                    .collect();
                if let Some(&f) = toks.first() {
                    o.first.insert(f);
                    o.names.insert(phrase_key(&toks));
                    o.longest = o.longest.max(toks.len());
                }
            }
        }
        o
    }

    /// Whether a name may start with the word of lower-case hash `first`.
    pub fn may_start(&self, first: u64) -> bool {
        self.first.contains(&first)
    }

    /// The longest name's length, in tokens.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Length of the longest name starting at `lower[i]` (0 if none).
    pub fn longest_at(&self, lower: &[u64], i: usize) -> usize {
        if !self.first.contains(&lower[i]) {
            return 0;
        }
        let end = lower.len().min(i + self.longest);
        (i + 1..=end)
            .rev()
            .find(|&e| self.names.contains(&phrase_key(&lower[i..e])))
            .map_or(0, |e| e - i)
    }
}
