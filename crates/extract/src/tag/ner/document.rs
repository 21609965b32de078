//! Document-level label consistency: a name is usually the same entity every time a document
//! uses it, so the spans found sentence by sentence are reconciled over the whole document.
//!
//! 1. *Voting*: every span votes, with its score, for its label under its exact word sequence;
//!    a span whose string got more votes for another label takes that label. A one-word span
//!    also counts the votes of the multi-word person names it ends (`Joshua Norton` makes a
//!    lone `Norton` lean to the person).
//! 2. *Propagation*: a capitalised word sequence found as a span somewhere is labelled where the
//!    tagger missed it (longest match first, never overlapping a span; a single word at a
//!    sentence start only if it was found at a sentence start too); the last word of a multi-word person name is
//!    that person too (`Olaf Scholz` ... `Scholz`).

use foldhash::{HashMap, HashMapExt};

use super::{NerLabel, Span};

/// Longest name looked up, in words.
const MAX_LEN: usize = 6;
/// Score given to propagated spans (the votes' mean would overstate it).
const PROPAGATED_SCORE: f32 = 0.5;

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Votes per label for one word sequence, and whether it was seen opening a sentence only.
#[derive(Default, Clone, Copy)]
struct Votes {
    score: [f32; 3],
    /// Found somewhere other than at a sentence start.
    inner: bool,
}

impl Votes {
    fn best(&self) -> Option<NerLabel> {
        let (k, s) = self
            .score
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))?;
        (*s > 0.0).then_some(NerLabel::ALL[k])
    }
}

/// Reconciles the spans of the sentences of one document (`spans[k]` are those of
/// `sentences[k]`, sorted and non-overlapping; they stay so).
pub(crate) fn reconcile(sentences: &[Vec<&str>], spans: &mut [Vec<Span>]) {
    let mut votes: HashMap<Vec<&str>, Votes> = HashMap::new();
    let mut surnames: HashMap<&str, Votes> = HashMap::new();
    for (words, found) in sentences.iter().zip(spans.iter()) {
        for s in found.iter() {
            let key = words[s.start..s.end].to_vec();
            let v = votes.entry(key).or_default();
            v.score[s.label.index()] += s.score;
            v.inner |= s.start > 0;
            if s.label == NerLabel::Per && s.end - s.start >= 2 && capitalised(words[s.end - 1]) {
                let v = surnames.entry(words[s.end - 1]).or_default();
                v.score[0] += s.score;
                v.inner = true;
            }
        }
    }
    if votes.is_empty() {
        return;
    }
    for (words, found) in sentences.iter().zip(spans.iter_mut()) {
        for s in found.iter_mut() {
            let mut v = votes.get(&words[s.start..s.end]).copied();
            // A lone word that ends a full person name found in the document votes for that
            // person too (`Joshua Norton` ... `Norton`).
            if s.end - s.start == 1
                && let (Some(v), Some(sur)) = (v.as_mut(), surnames.get(words[s.start]))
            {
                for (a, b) in v.score.iter_mut().zip(sur.score) {
                    *a += b;
                }
            }
            if let Some(best) = v.as_ref().and_then(Votes::best) {
                s.label = best;
            }
        }
        let mut covered = vec![false; words.len()];
        for s in found.iter() {
            covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        let mut added = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if covered[i] || !capitalised(words[i]) {
                i += 1;
                continue;
            }
            let mut hit = None;
            for len in (1..=MAX_LEN.min(words.len() - i)).rev() {
                if covered[i..i + len].iter().any(|&c| c) {
                    continue;
                }
                // The sequence must not continue a capitalised run (a part of a longer name).
                if words.get(i + len).is_some_and(|w| capitalised(w))
                    || (i > 1 && capitalised(words[i - 1]) && !covered[i - 1])
                {
                    continue;
                }
                let key = &words[i..i + len];
                let v = votes.get(key).copied().or_else(|| {
                    (len == 1)
                        .then(|| surnames.get(words[i]).copied())
                        .flatten()
                });
                // A sentence's first word is a name found inside sentences only when a
                // possessive or a word of saying follows it ("Dahl's statement", "Dahl said").
                let owned_or_speaking = words.get(i + len).is_some_and(|w| {
                    matches!(*w, "'s" | "\u{2019}s" | "said" | "says" | "told" | "added")
                });
                if let Some(v) = v
                    && (i > 0 || !v.inner || len > 1 || owned_or_speaking)
                    && let Some(label) = v.best()
                {
                    hit = Some((len, label));
                    break;
                }
            }
            match hit {
                Some((len, label)) => {
                    added.push(Span {
                        start: i,
                        end: i + len,
                        label,
                        score: PROPAGATED_SCORE,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_by_key(|s| s.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: NerLabel, score: f32) -> Span {
        Span {
            start,
            end,
            label,
            score,
        }
    }

    #[test]
    fn votes_and_propagates_within_a_document() {
        let sentences = vec![
            vec!["Olaf", "Scholz", "visited", "Acme", "Corp", "."],
            vec!["Later", "Scholz", "liked", "Acme", "Corp", "."],
            vec!["Then", "Acme", "Corp", "grew", "."],
        ];
        let mut spans = vec![
            vec![
                span(0, 2, NerLabel::Per, 0.9),
                span(3, 5, NerLabel::Org, 0.9),
            ],
            vec![span(3, 5, NerLabel::Loc, 0.4)],
            vec![],
        ];
        reconcile(&sentences, &mut spans);
        assert_eq!(spans[1][0], span(1, 2, NerLabel::Per, PROPAGATED_SCORE));
        assert_eq!(spans[1][1].label, NerLabel::Org);
        assert_eq!(spans[2], vec![span(1, 3, NerLabel::Org, PROPAGATED_SCORE)]);
    }

    #[test]
    fn a_full_person_name_outvotes_its_last_word_read_as_a_place() {
        let sentences = vec![
            vec!["Joshua", "Norton", "was", "born", "."],
            vec!["Later", "Norton", "moved", "."],
            vec!["Then", "Norton", "left", "."],
        ];
        let mut spans = vec![
            vec![span(0, 2, NerLabel::Per, 0.9)],
            vec![span(1, 2, NerLabel::Loc, 0.6)],
            vec![span(1, 2, NerLabel::Per, 0.2)],
        ];
        reconcile(&sentences, &mut spans);
        assert_eq!(spans[1][0].label, NerLabel::Per);
        assert_eq!(spans[2][0].label, NerLabel::Per);
        // Without the full name, the place reading wins the vote.
        let mut spans = vec![
            vec![],
            vec![span(1, 2, NerLabel::Loc, 0.6)],
            vec![span(1, 2, NerLabel::Per, 0.2)],
        ];
        reconcile(&sentences, &mut spans);
        assert_eq!(spans[2][0].label, NerLabel::Loc);
    }

    #[test]
    fn a_surname_opening_a_sentence_is_the_person_when_owned_or_speaking() {
        let sentences = vec![
            vec!["Ola", "Dahl", "wrote", "."],
            vec!["Dahl", "'s", "letter", "was", "long", "."],
            vec!["Dahl", "said", "no", "."],
            vec!["Dahl", "is", "a", "town", "."],
        ];
        let mut spans = vec![vec![span(0, 2, NerLabel::Per, 0.9)], vec![], vec![], vec![]];
        reconcile(&sentences, &mut spans);
        assert_eq!(spans[1], vec![span(0, 1, NerLabel::Per, PROPAGATED_SCORE)]);
        assert_eq!(spans[2], vec![span(0, 1, NerLabel::Per, PROPAGATED_SCORE)]);
        // Any other first word stays as the tagger left it.
        assert!(spans[3].is_empty());
    }
}
