//! Open relations: two names joined by one verb that no trigger covers, labelled by the verb.

use super::triggers::{after_preposition, modifier, subject_pronoun};
use super::*;

/// Two names joined by one verb that no trigger covers: an open relation, labelled by the verb
/// and its particle or preposition.
pub(super) fn open(lex: &Lexicon, sent: &Sent<'_>, slots: &Slots, out: &mut Vec<FoundRelation>) {
    for pair in slots.windows(2) {
        let (as_, ae, ac) = pair[0];
        let (bs, _, bc) = pair[1];
        if ac == bc || bs <= ae || bs - ae > 5 {
            continue;
        }
        // The subject must not sit in a prepositional phrase or a quote.
        let opened = sent.toks[..as_]
            .iter()
            .filter(|t| t.text == "\u{201C}")
            .count();
        let closed = sent.toks[..as_]
            .iter()
            .filter(|t| t.text == "\u{201D}")
            .count();
        if after_preposition(sent, as_) || opened > closed {
            continue;
        }
        if sent.toks[ae..bs].iter().any(|t| subject_pronoun(t.text)) {
            continue;
        }
        let between = &sent.toks[ae..bs];
        if between
            .iter()
            .any(|t| clause_break(&t.lower()) || t.text == "," || t.tag == Upos::Punct)
        {
            continue;
        }
        let verbs: Vec<usize> = (ae..bs)
            .filter(|&j| sent.toks[j].tag == Upos::Verb)
            .collect();
        if verbs
            .iter()
            .any(|&j| RULES.not_verbs.contains(&sent.toks[j].lower()))
        {
            continue;
        }
        let [v] = verbs[..] else { continue };
        // "Environment Canada spokesperson X": a title read as a verb; "Cape Town-based X": a
        // description.
        if lex.title_word(sent.toks[v].text)
            || modifier(sent, slots, pair[1].1)
            || sent.toks[v].lower().ends_with("-based")
        {
            continue;
        }
        // "the ruling Party": a participle after a determiner describes the name. And only
        // particles, prepositions and determiners may stand between the verb and the object
        // ("reduce its dependence on X" relates nothing to X).
        let describes = v > 0 && sent.toks[v - 1].tag == Upos::Det;
        let direct = sent.toks[v + 1..bs]
            .iter()
            .all(|t| matches!(t.tag, Upos::Adp | Upos::Det | Upos::Part));
        if describes || !direct {
            continue;
        }
        let label: Vec<&str> = sent.toks[v..bs]
            .iter()
            .filter(|t| matches!(t.tag, Upos::Verb | Upos::Adp | Upos::Part))
            .map(|t| t.text)
            .collect();
        let (negated, hedged) = cues(sent, v);
        out.push(FoundRelation {
            sent: sent.index,
            subject: ac,
            object: bc,
            predicate: RELATED.into(),
            label: label.join(" ").to_lowercase(),
            negated,
            hedged,
            trigger: v,
            rule: "open-verb".into(),
            confidence: 0.4,
            place: None,
        });
    }
}
