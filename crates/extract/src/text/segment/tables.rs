//! Word lists of the segmenter, read from the data files embedded in the crate.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

/// How an abbreviation's period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AbbrevClass {
    /// Keeps its period and never ends a sentence (`Mr.`, `Jan.`).
    Title,
    /// Keeps its period and ends a sentence before a common sentence opener (`Inc.`).
    End,
    /// Keeps its period only before a number (`No. 10`), and then never ends a sentence.
    Num,
}

const ABBREVIATIONS: &str = include_str!("../../../data/rules/segment/abbreviations.txt");
const STARTERS: &str = include_str!("../../../data/rules/segment/sentence_starters.txt");
const CLITICS: &str = include_str!("../../../data/rules/segment/clitics.txt");

/// Non-comment, non-empty lines of a data file, split at the first tab.
fn rows(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').unwrap_or((l, "")))
}

static ABBREV: LazyLock<HashMap<&'static str, AbbrevClass>> = LazyLock::new(|| {
    rows(ABBREVIATIONS)
        .map(|(w, class)| {
            let class = match class {
                "title" => AbbrevClass::Title,
                "num" => AbbrevClass::Num,
                _ => AbbrevClass::End,
            };
            (w, class)
        })
        .collect()
});

static STARTER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| rows(STARTERS).map(|(w, _)| w).collect());

static SPLITS: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    rows(CLITICS)
        .filter_map(|(w, n)| Some((w, n.trim().parse().ok()?)))
        .collect()
});

/// The class of a listed abbreviation (`word` without its period).
pub(super) fn abbreviation(word: &str) -> Option<AbbrevClass> {
    ABBREV.get(word).copied()
}

/// Whether `word` commonly opens a sentence.
pub(super) fn is_starter(word: &str) -> bool {
    STARTER.contains(word)
}

/// For words split in two (`cannot`), the length in chars of the first part.
pub(super) fn split_point(word: &str) -> Option<usize> {
    SPLITS.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert_eq!(abbreviation("Mr"), Some(AbbrevClass::Title));
        assert_eq!(abbreviation("Inc"), Some(AbbrevClass::End));
        assert_eq!(abbreviation("No"), Some(AbbrevClass::Num));
        assert_eq!(abbreviation("mr"), None);
        assert!(is_starter("The"));
        assert!(!is_starter("the"));
        assert_eq!(split_point("cannot"), Some(3));
    }
}
