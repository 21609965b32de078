//! Family ties between two named people, read from how the names stand around a word for kin
//! (`data/rules/kinship.tsv`):
//!
//! - `X's [late|eldest|...] wife|son|father... [,] Y [and Z]`, and the same after a possessive
//!   pronoun resolved to one person (`facts::pronouns`): "Tom Reyes and his wife Ana Reyes";
//! - `X, [the|a] [modifier] son|daughter|wife... of [the late] Y`, and with "is"/"was" for the
//!   comma: "Ola Dahl, the son of Erik Dahl", "Mara Quint was the widow of Tom Quint".
//!
//! Spouses and siblings are one tie whichever name comes first; a child is the subject of
//! `childOf`, whether the word names the child ("Tom's son Ola") or the parent ("Tom's father
//! Ola": Tom childOf Ola).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{FoundRelation, Slots, cues, structure};
use crate::doc::analysis::Sent;
use crate::doc::{ClusterId, Doc};
use crate::model::EntityType;

/// Every predicate the kin rules can give (kg-schema must list each one).
#[cfg(test)]
pub(super) const PREDICATES: [&str; 3] = ["spouseOf", "childOf", "siblingOf"];

/// Words that may stand between a possessive and the word for kin ("his late wife").
const MODIFIERS: [&str; 14] = [
    "late",
    "former",
    "eldest",
    "youngest",
    "elder",
    "younger",
    "older",
    "only",
    "first",
    "second",
    "new",
    "then",
    "estranged",
    "twin",
];

/// A word for kin: the predicate, and whether the person it names is the subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Kin {
    predicate: &'static str,
    kin_first: bool,
}

static WORDS: LazyLock<HashMap<&'static str, Kin>> = LazyLock::new(|| {
    include_str!("../../../data/rules/kinship.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (word, predicate, subject) = (cols.next()?, cols.next()?, cols.next()?);
            Some((
                word,
                Kin {
                    predicate,
                    kin_first: subject.trim() == "kin",
                },
            ))
        })
        .collect()
});

fn kin_word(word: &str) -> Option<Kin> {
    WORDS.get(word.to_lowercase().as_str()).copied()
}

/// The word for kin at token `k` or after the modifiers there ("late wife"), with its index.
fn kin_from(sent: &Sent<'_>, mut k: usize) -> Option<(usize, Kin)> {
    while MODIFIERS
        .iter()
        .any(|m| sent.toks.get(k).is_some_and(|t| t.is(m)))
    {
        k += 1;
    }
    Some((k, kin_word(sent.toks.get(k)?.text)?))
}

fn possessive_pronoun(word: &str) -> bool {
    word.eq_ignore_ascii_case("his") || word.eq_ignore_ascii_case("her")
}

/// The people of a sentence named as possessors (a name before "'s", or "his"/"her" resolved
/// to one person), each with the token after the possessive.
pub(super) fn possessors(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    names: &Slots,
    pronouns: &[(usize, usize, ClusterId)],
) -> Vec<(usize, ClusterId)> {
    let person = |c: ClusterId| ctx.clusters[c].kind == EntityType::Person;
    let text = |k: usize| sent.toks.get(k).map_or("", |t| t.text);
    names
        .iter()
        .filter(|s| person(s.2) && structure::possessive(text(s.1)))
        .map(|s| (s.1 + 1, s.2))
        .chain(
            pronouns
                .iter()
                .filter(|s| person(s.2) && possessive_pronoun(text(s.0)))
                .map(|s| (s.0 + 1, s.2)),
        )
        .collect()
}

/// Finds family ties in one sentence. `names` are the sentence's named mentions, `pronouns` the
/// pronouns resolved to one person (one-token slots).
pub(crate) fn find(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    names: &Slots,
    pronouns: &[(usize, usize, ClusterId)],
    out: &mut Vec<FoundRelation>,
) {
    let toks = &sent.toks;
    let person = |c: ClusterId| ctx.clusters[c].kind == EntityType::Person;
    let person_at = |k: usize| {
        names
            .iter()
            .find(|s| s.0 == k && person(s.2))
            .map(|s| (s.1, s.2))
    };
    let text = |k: usize| toks.get(k).map_or("", |t| t.text);
    let mut add = |kin: ClusterId, anchor: ClusterId, word: Kin, at: usize| {
        let (subject, object) = if word.kin_first {
            (kin, anchor)
        } else {
            (anchor, kin)
        };
        if subject == object {
            return;
        }
        let (negated, hedged) = cues(sent, at);
        out.push(FoundRelation {
            sent: sent.index,
            subject,
            object,
            predicate: word.predicate.to_string(),
            label: toks[at].lower(),
            negated,
            hedged,
            trigger: at,
            rule: "structure:kin".to_string(),
            confidence: 0.75,
            place: None,
        });
    };
    // The word for kin after a possessor (a name before "'s", or "his"/"her" resolved), then the
    // people it names.
    for (k, anchor) in possessors(ctx, sent, names, pronouns) {
        let Some((k, word)) = kin_from(sent, k) else {
            continue;
        };
        let mut j = k + 1;
        // "his wife of 64 years, Ana Berg".
        if text(j) == "of" && matches!(text(j + 2), "years" | "decades") {
            j += 3;
        }
        if text(j) == "," {
            j += 1;
        }
        // "his sons Ola and Erik", "her daughters Ana, Mara and Liv".
        while let Some((end, kin)) = person_at(j) {
            add(kin, anchor, word, k);
            match (text(end), text(end + 1)) {
                ("and", _) => j = end + 1,
                (",", _) if person_at(end + 1).is_some() => j = end + 1,
                (",", "and") => j = end + 2,
                _ => break,
            }
        }
    }
    // "X, the son of Y", "X was the widow of Y".
    for &(_, end, kin) in names.iter().filter(|s| person(s.2)) {
        if !matches!(text(end), "," | "is" | "was") {
            continue;
        }
        let mut k = end + 1;
        if matches!(text(k).to_lowercase().as_str(), "the" | "a" | "an") {
            k += 1;
        }
        let Some((k, word)) = kin_from(sent, k) else {
            continue;
        };
        if text(k + 1) != "of" {
            continue;
        }
        let mut j = k + 2;
        if text(j).eq_ignore_ascii_case("the") && text(j + 1) == "late" {
            j += 2;
        }
        if let Some((_, anchor)) = person_at(j) {
            add(kin, anchor, word, k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kin_words_come_from_the_data_file() {
        let son = kin_word("Son").expect("listed");
        assert_eq!((son.predicate, son.kin_first), ("childOf", true));
        let father = kin_word("father").expect("listed");
        assert_eq!((father.predicate, father.kin_first), ("childOf", false));
        assert_eq!(kin_word("wife").map(|k| k.predicate), Some("spouseOf"));
        assert_eq!(kin_word("colleague"), None);
        for k in WORDS.values() {
            assert!(PREDICATES.contains(&k.predicate), "{}", k.predicate);
        }
    }
}
