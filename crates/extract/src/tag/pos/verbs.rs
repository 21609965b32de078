//! A second look at plural-looking nouns that are present-tense verbs. The tagger reads left to
//! right, so in "Vexa Corp owns Halvard Labs" or "Tom Reyes lives in Oslo" it must choose the
//! tag of "owns" or "lives" before it sees what follows, and after a name a word in `-s` is
//! often a noun ("the Vexa Corp shares"). Once the whole sentence is tagged, such a word that
//! follows a possible subject, comes before any verb, is followed by what opens an object or a
//! complement and leaves its clause with no other verb, is the clause's verb. Likewise an
//! adjective that ends a noun phrase opened by an article or a possessive ("the chief executive
//! of Vexa", "its chief executive said") is its noun.

use super::Upos;

/// Whether the noun `w` at `i` of a tagged sentence reads as its clause's verb. `may_be_verb`
/// says whether the tag lexicon allows a verb there (the word was seen as one, or never seen).
pub(super) fn verb_in_disguise(w: &str, tags: &[Upos], i: usize, may_be_verb: bool) -> bool {
    let plain = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.bytes().all(|b| b.is_ascii_lowercase());
    if !may_be_verb || tags[i] != Upos::Noun || !plain || i == 0 || i + 1 >= tags.len() {
        return false;
    }
    let verbal = |t: Upos| matches!(t, Upos::Verb | Upos::Aux);
    // A name or pronoun, or a noun with its determiner opening the clause ("The company owns
    // two plants"; not "Best meat pies in Canada", a heading).
    let subject = match tags[i - 1] {
        Upos::Propn | Upos::Pron => true,
        Upos::Noun => {
            let mut d = i - 1;
            while d > 0 && matches!(tags[d - 1], Upos::Noun | Upos::Propn | Upos::Adj) {
                d -= 1;
            }
            d > 0
                && tags[d - 1] == Upos::Det
                && (d == 1 || matches!(tags[d - 2], Upos::Punct | Upos::Sconj | Upos::Cconj))
        }
        _ => false,
    };
    let object = matches!(
        tags[i + 1],
        Upos::Det | Upos::Adp | Upos::Num | Upos::Propn | Upos::Pron | Upos::Adj
    );
    if !subject || !object || tags[..i].iter().any(|&t| verbal(t)) {
        return false;
    }
    // No other verb in the clause after it ("Oil prices in Asia rose": "prices" is the
    // subject), but an infinitive may follow ("The firm plans to cut jobs").
    let clause_end = (i + 1..tags.len())
        .find(|&k| matches!(tags[k], Upos::Punct | Upos::Cconj | Upos::Sconj))
        .unwrap_or(tags.len());
    !(i + 1..clause_end).any(|k| verbal(tags[k]) && tags[k - 1] != Upos::Part)
}

/// Whether the adjective `w` at `i` of a tagged sentence heads its noun phrase, so is a noun:
/// after a determiner or a possessive (and any adjectives), before what ends a noun phrase (a
/// preposition, punctuation, a verb, a conjunction or the end): "the chief executive of Vexa",
/// "its chief executive, Ana Berg", "the chief executive said". Superlatives ("the biggest"),
/// ordinals and words that stand for a noun left out ("the same", "the former") stay adjectives.
pub(super) fn noun_in_disguise<S: AsRef<str>>(words: &[S], tags: &[Upos], i: usize) -> bool {
    if tags[i] != Upos::Adj || i == 0 {
        return false;
    }
    let w = words[i].as_ref();
    let plain = w.len() > 3
        && !w.ends_with("est")
        && !w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !ELLIPTIC.contains(&w);
    if !plain {
        return false;
    }
    let mut d = i;
    while d > 0 && tags[d - 1] == Upos::Adj {
        d -= 1;
    }
    let opened = d > 0
        && matches!(tags[d - 1], Upos::Det | Upos::Pron)
        && OPENERS
            .iter()
            .any(|o| words[d - 1].as_ref().eq_ignore_ascii_case(o));
    // Not a list of adjectives ("a good, respectable firm", "a small and remote plant") nor a
    // compound ("the above-mentioned").
    let closed = match tags.get(i + 1) {
        None => true,
        Some(Upos::Adp | Upos::Aux) => true,
        // "the chief executive said"; not "the independent US-based council".
        Some(Upos::Verb) => !words[i + 1].as_ref().contains('-'),
        Some(Upos::Punct) => {
            let mark = words[i + 1].as_ref();
            mark != "-" && !(mark == "," && tags.get(i + 2) == Some(&Upos::Adj))
        }
        Some(_) => false,
    };
    opened && closed
}

/// Adjectives that stand for a noun left out ("the same", "the other two"): never nouns here.
const ELLIPTIC: &[&str] = &[
    "same",
    "other",
    "former",
    "latter",
    "next",
    "last",
    "first",
    "second",
    "third",
    "following",
    "whole",
    "only",
    "many",
    "most",
    "least",
    "more",
    "less",
    "best",
    "worst",
    "own",
    "rich",
    "poor",
    "elderly",
    "young",
    "little",
    "much",
    "such",
    "several",
    "various",
    "certain",
    "above",
];

/// Articles and possessive determiners that open a noun phrase.
const OPENERS: &[&str] = &[
    "the", "a", "an", "my", "your", "his", "her", "its", "our", "their",
];

#[cfg(test)]
mod tests {
    use super::*;
    use Upos::*;

    #[test]
    fn a_noun_after_its_subject_and_before_its_object_is_the_verb() {
        // Vexa owns Halvard Labs .
        let tags = [Propn, Noun, Propn, Propn, Punct];
        assert!(verb_in_disguise("owns", &tags, 1, true));
        // The company owns two plants .
        let tags = [Det, Noun, Noun, Num, Noun, Punct];
        assert!(verb_in_disguise("owns", &tags, 2, true));
        // The firm plans to cut jobs .
        let tags = [Det, Noun, Noun, Part, Verb, Noun, Punct];
        assert!(
            !verb_in_disguise("plans", &tags, 2, true),
            "next is no object"
        );
    }

    #[test]
    fn subjects_headings_and_words_never_seen_as_verbs_stay_nouns() {
        // Oil prices in Asia rose .
        let tags = [Noun, Noun, Adp, Propn, Verb, Punct];
        assert!(!verb_in_disguise("prices", &tags, 1, true));
        // Best meat pies in Canada
        let tags = [Adj, Noun, Noun, Adp, Propn];
        assert!(!verb_in_disguise("pies", &tags, 2, true));
        // Vexa owns Halvard Labs, when the lexicon never saw "owns" as a verb.
        let tags = [Propn, Noun, Propn, Propn, Punct];
        assert!(!verb_in_disguise("owns", &tags, 1, false));
        // After a verb, a noun is its object: "He saved lives in Oslo".
        let tags = [Pron, Verb, Noun, Adp, Propn, Punct];
        assert!(!verb_in_disguise("lives", &tags, 2, true));
    }

    #[test]
    fn an_adjective_that_ends_its_noun_phrase_is_the_noun() {
        // the chief executive of Vexa
        let words = ["the", "chief", "executive", "of", "Vexa"];
        let tags = [Det, Adj, Adj, Adp, Propn];
        assert!(noun_in_disguise(&words, &tags, 2));
        // its chief executive said
        let words = ["its", "chief", "executive", "said"];
        let tags = [Pron, Adj, Adj, Verb];
        assert!(noun_in_disguise(&words, &tags, 2));
        // a good , respectable firm: a list of adjectives.
        let words = ["a", "good", ",", "respectable", "firm"];
        let tags = [Det, Adj, Punct, Adj, Noun];
        assert!(!noun_in_disguise(&words, &tags, 1));
        // it was the same . / the biggest . / made it good .
        let tags = [Pron, Aux, Det, Adj, Punct];
        assert!(!noun_in_disguise(
            &["it", "was", "the", "same", "."],
            &tags,
            3
        ));
        assert!(!noun_in_disguise(
            &["it", "was", "the", "biggest", "."],
            &tags,
            3
        ));
        let tags = [Verb, Pron, Adj, Punct];
        assert!(!noun_in_disguise(&["made", "it", "good", "."], &tags, 2));
        // the independent US-based council
        let words = ["the", "independent", "US-based", "council"];
        let tags = [Det, Adj, Verb, Noun];
        assert!(!noun_in_disguise(&words, &tags, 1));
    }
}
