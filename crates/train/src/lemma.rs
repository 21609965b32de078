//! Learning the lemmatiser (`kg_extract::lemma`) from treebank lemmas.
//!
//! Every (form, UPOS, lemma) of the training trees gives a rewrite rule. Suffix rules are
//! learnt over distinct (form, UPOS) types, since the words they serve are the unseen ones: for
//! each UPOS and each suffix of up to six characters, the most frequent rule; a suffix whose
//! rule is the same as the one of its one-shorter suffix is dropped. Then every form seen in
//! training whose most frequent rule is not what the suffix rules give is kept as an
//! exception, and last every form as written (seen at least twice) whose usual lemma the rest
//! still gets wrong keeps its lemma (`i` -> `I`).

use std::collections::HashMap;

use kg_extract::lemma::{Lemmatizer, MAX_SUFFIX, Rule};
use kg_extract::pos::Upos;

use crate::corpus::treebank::TreeSentence;

/// Fewest word types a suffix rule must be learnt from.
const MIN_TYPES: usize = 2;
/// Fewest times a form as written must have its lemma to be kept as it is.
const MIN_EXACT: usize = 2;

/// The most frequent key of a count map (ties broken by the key's order, so runs repeat).
fn most<K: Ord + Clone>(counts: &HashMap<K, usize>) -> Option<(K, usize)> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, &c)| (k.clone(), c))
}

/// Learns a lemmatiser from the lemmas of `sents` (with their gold tags).
pub fn learn(sents: &[&TreeSentence]) -> Lemmatizer {
    // (tag, lower form) -> rule -> tokens.
    let mut by_form: HashMap<(Upos, String), HashMap<Rule, usize>> = HashMap::new();
    for s in sents {
        for ((w, l), &t) in s.words.iter().zip(&s.lemmas).zip(&s.tags) {
            if l == "_" || w.contains(['\t', '\n']) || l.contains(['\t', '\n']) {
                continue;
            }
            *by_form
                .entry((t, w.to_lowercase()))
                .or_default()
                .entry(Rule::learn(w, l))
                .or_default() += 1;
        }
    }
    // Suffix rules over types: (tag, suffix) -> rule -> types.
    let mut by_suffix: HashMap<(Upos, String), HashMap<Rule, usize>> = HashMap::new();
    let mut best_of_form: Vec<((Upos, String), Rule)> = Vec::new();
    for (key, rules) in &by_form {
        let Some((rule, _)) = most(rules) else {
            continue;
        };
        let chars: Vec<(usize, char)> = key.1.char_indices().collect();
        let n = chars.len();
        for k in 0..=MAX_SUFFIX.min(n) {
            let start = if k == 0 { key.1.len() } else { chars[n - k].0 };
            *by_suffix
                .entry((key.0, key.1[start..].to_string()))
                .or_default()
                .entry(rule.clone())
                .or_default() += 1;
        }
        best_of_form.push((key.clone(), rule));
    }
    let mut chosen: HashMap<(Upos, String), Rule> = HashMap::new();
    for (key, rules) in &by_suffix {
        let total: usize = rules.values().sum();
        if let Some((rule, _)) = most(rules)
            && total >= MIN_TYPES
        {
            chosen.insert(key.clone(), rule);
        }
    }
    // Drop suffixes that say what their parent says.
    let parent_rule = |tag: Upos, suffix: &str, chosen: &HashMap<(Upos, String), Rule>| {
        let mut s = suffix;
        while let Some((i, _)) = s.char_indices().nth(1) {
            s = &s[i..];
            if let Some(r) = chosen.get(&(tag, s.to_string())) {
                return Some(r.clone());
            }
        }
        if !s.is_empty() {
            return chosen.get(&(tag, String::new())).cloned();
        }
        None
    };
    let mut suffixes: Vec<(Upos, String, Rule)> = chosen
        .iter()
        .filter(|((t, s), r)| s.is_empty() || parent_rule(*t, s, &chosen).as_ref() != Some(r))
        .map(|((t, s), r)| (*t, s.clone(), r.clone()))
        .collect();
    suffixes.sort();
    let by_rules = Lemmatizer::new(Vec::new(), suffixes.clone());
    // Exceptions: the forms the suffix rules get wrong, as written in lower case or
    // capitalised (a rule that keeps the case and one that lower-cases differ only there).
    let title = |f: &str| {
        let mut c = f.chars();
        c.next()
            .map(|first| first.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let mut table: Vec<(Upos, String, Rule)> = best_of_form
        .into_iter()
        .filter(|((t, f), r)| {
            let cap = title(f);
            r.apply(f) != Some(by_rules.lemmatize(f, *t))
                || r.apply(&cap) != Some(by_rules.lemmatize(&cap, *t))
        })
        .map(|((t, f), r)| (t, f, r))
        .collect();
    table.sort();
    let lem = Lemmatizer::new(table, suffixes);
    // Forms as written whose usual lemma the rest still gets wrong (`i` -> `I`).
    let mut by_exact: HashMap<(Upos, String), HashMap<String, usize>> = HashMap::new();
    for s in sents {
        for ((w, l), &t) in s.words.iter().zip(&s.lemmas).zip(&s.tags) {
            if l == "_" || w.contains(['\t', '\n']) || l.contains(['\t', '\n']) {
                continue;
            }
            *by_exact
                .entry((t, w.clone()))
                .or_default()
                .entry(l.clone())
                .or_default() += 1;
        }
    }
    let mut exact: Vec<(Upos, String, String)> = by_exact
        .into_iter()
        .filter_map(|((t, f), lemmas)| {
            let total: usize = lemmas.values().sum();
            let (lemma, n) = most(&lemmas)?;
            (n >= MIN_EXACT && 2 * n > total && lem.lemmatize(&f, t) != lemma)
                .then_some((t, f, lemma))
        })
        .collect();
    exact.sort();
    lem.with_exact(exact)
}

/// Share of words of `sents` whose lemma `lemmatizer` gets right when given `tags` (one tag
/// list per sentence), and the number of words scored.
pub fn accuracy(
    lemmatizer: &Lemmatizer,
    sents: &[TreeSentence],
    tags: &[Vec<Upos>],
) -> (f64, usize) {
    let (mut right, mut total) = (0usize, 0usize);
    for (s, tags) in sents.iter().zip(tags) {
        for ((w, l), &t) in s.words.iter().zip(&s.lemmas).zip(tags) {
            if l == "_" {
                continue;
            }
            total += 1;
            if lemmatizer.lemmatize(w, t) == *l {
                right += 1;
            }
        }
    }
    (right as f64 / total.max(1) as f64, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(words: &[(&str, &str, Upos)]) -> TreeSentence {
        TreeSentence {
            words: words.iter().map(|w| w.0.to_string()).collect(),
            lemmas: words.iter().map(|w| w.1.to_string()).collect(),
            tags: words.iter().map(|w| w.2).collect(),
            ..TreeSentence::default()
        }
    }

    #[test]
    fn learns_suffixes_and_exceptions() {
        use Upos::*;
        let s = sent(&[
            ("Cats", "cat", Noun),
            ("dogs", "dog", Noun),
            ("hats", "hat", Noun),
            ("mice", "mouse", Noun),
            ("walked", "walk", Verb),
            ("jumped", "jump", Verb),
            ("went", "go", Verb),
            ("Tove", "Tove", Propn),
            ("The", "the", Det),
            ("i", "I", Pron),
            ("i", "I", Pron),
        ]);
        let lem = learn(&[&s]);
        assert_eq!(lem.lemmatize("boats", Noun), "boat");
        assert_eq!(lem.lemmatize("mice", Noun), "mouse");
        assert_eq!(lem.lemmatize("talked", Verb), "talk");
        assert_eq!(lem.lemmatize("went", Verb), "go");
        assert_eq!(lem.lemmatize("The", Det), "the");
        assert_eq!(lem.lemmatize("Tove", Propn), "Tove");
        assert_eq!(lem.lemmatize("i", Pron), "I");
        let tags = vec![s.tags.clone()];
        let (acc, n) = accuracy(&lem, std::slice::from_ref(&s), &tags);
        assert_eq!(n, 11);
        assert!(acc > 0.99, "{acc}");
    }
}
