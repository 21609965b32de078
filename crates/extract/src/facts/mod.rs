//! The facts read from an analysed document: posts and roles ([`roles`]), relations between
//! entities ([`relations`]), quotes with their speaker ([`quotes`]) and values ([`values`]).

pub(crate) mod descriptions;
pub(crate) mod pronouns;
pub(crate) mod quotes;
pub(crate) mod relations;
pub(crate) mod roles;
pub(crate) mod trees;
pub mod values;

/// The words of the `kind` rows of `data/rules/cues.tsv` ("left", "interview", "occasion").
pub(crate) fn cue_words(kind: &str) -> Vec<&'static str> {
    include_str!("../../data/rules/cues.tsv")
        .lines()
        .filter_map(|l| l.strip_prefix(kind)?.strip_prefix('\t'))
        .map(str::trim)
        .collect()
}
