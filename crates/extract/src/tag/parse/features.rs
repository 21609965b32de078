//! The parser's features: Zhang and Nivre (2011) style templates over the stack and buffer
//! words, the dependents found so far, distance and valency, read from the words' forms,
//! part-of-speech tags and word classes (see [`crate::classes`]).

use crate::classes::WordClasses;
use crate::perceptron::{FeatureHasher, f1, f2, f3};
use crate::pos::Upos;
use crate::pos::features::Analyzer;

use super::state::{NO_LABEL, State};

/// What the features read of one word, as small ids and hashes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// Hash of the normalised lower-case form (digits as `0`).
    pub form: u64,
    /// UPOS tag index.
    pub tag: u64,
    /// Word class at 1,024 classes.
    pub class: u64,
    /// Word class at 256 classes.
    pub coarse: u64,
    /// Hash of the last three characters of the lower-case form.
    pub form_suffix: u64,
}

/// Marks an absent position (past the ends, no dependent).
const ABSENT: Word = Word {
    form: 0x00AB_5E17,
    tag: 0x00AB_5E17,
    class: 0x00AB_5E17,
    coarse: 0x00AB_5E17,
    form_suffix: 0x00AB_5E17,
};

/// The artificial root.
const ROOT: Word = Word {
    form: 0x2007,
    tag: 0x2007,
    class: 0x2007,
    coarse: 0x2007,
    form_suffix: 0x2007,
};

/// A class id for words the table lacks.
const NO_CLASS: u64 = 0x0010_0000;

/// Fills `out` with the root, the words of a sentence (forms and tags) and an absent-word slot
/// at the end (so `out.len() == words.len() + 2`).
pub fn words_into<S: AsRef<str>>(
    words: &[S],
    tags: &[Upos],
    classes: &WordClasses,
    analyzer: &mut Analyzer,
    out: &mut Vec<Word>,
) {
    out.clear();
    out.push(ROOT);
    for (w, t) in words.iter().zip(tags) {
        let w = w.as_ref();
        let (_, lower) = analyzer.keys(w);
        let (class, coarse) = classes.lookup_word(w).map_or((NO_CLASS, NO_CLASS), |c| {
            (u64::from(c.levels[2]), u64::from(c.levels[1]))
        });
        let cut = w.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        let form_suffix = crate::perceptron::hash_str(&w[cut..].to_lowercase());
        out.push(Word {
            form: lower,
            tag: t.index() as u64,
            class,
            coarse,
            form_suffix,
        });
    }
    out.push(ABSENT);
}

#[inline]
fn f4(t: u32, a: u64, b: u64, c: u64, d: u64) -> u64 {
    FeatureHasher::new(t).u64(a).u64(b).u64(c).u64(d).finish()
}

/// The features of state `st` over `words` (as filled by [`words_into`]) into `out`
/// (cleared first).
pub fn features(st: &State, words: &[Word], out: &mut Vec<u64>) {
    out.clear();
    let absent = words.len() - 1;
    let at = |x: Option<u32>| x.map_or(absent, |i| i as usize);
    let s0i = st.s(0);
    let s1i = st.s(1);
    let s2i = st.s(2);
    let b0i = st.b(0);
    let b1i = st.b(1);
    let b2i = st.b(2);
    let child = |w: Option<u32>, f: fn(&State, u32, usize) -> Option<u32>, k: usize| {
        w.and_then(|w| f(st, w, k))
    };
    let s0l = child(s0i, State::leftmost, 0);
    let s0l2 = child(s0i, State::leftmost, 1);
    let s0r = child(s0i, State::rightmost, 0);
    let s0r2 = child(s0i, State::rightmost, 1);
    let s1l = child(s1i, State::leftmost, 0);
    let s1r = child(s1i, State::rightmost, 0);
    let b0l = child(b0i, State::leftmost, 0);
    let b0l2 = child(b0i, State::leftmost, 1);
    let lab = |x: Option<u32>| u64::from(x.map_or(NO_LABEL - 1, |w| st.label(w)));

    let [s0, s1, s2, b0, b1, b2] = [s0i, s1i, s2i, b0i, b1i, b2i].map(|x| words[at(x)]);
    let [s0l_, s0l2_, s0r_, s0r2_, s1l_, s1r_, b0l_, b0l2_] =
        [s0l, s0l2, s0r, s0r2, s1l, s1r, b0l, b0l2].map(|x| words[at(x)]);

    // Distances (capped) and valencies.
    let dist = |a: Option<u32>, b: Option<u32>| match (a, b) {
        (Some(a), Some(b)) => u64::from(a.abs_diff(b).min(6)),
        _ => 7,
    };
    let d_s0b0 = dist(s0i, b0i);
    let d_s1s0 = dist(s1i, s0i);
    let (s0vl, s0vr) = s0i.map_or((9, 9), |w| st.valency(w));
    let (b0vl, _) = b0i.map_or((9, 9), |w| st.valency(w));
    let (s1vl, s1vr) = s1i.map_or((9, 9), |w| st.valency(w));
    let (s0ls, s0rs) = s0i.map_or((1 << 63, 1 << 63), |w| st.label_sets(w));
    let (b0ls, _) = b0i.map_or((1 << 63, 1 << 63), |w| st.label_sets(w));
    let (s0vl, s0vr, b0vl, s1vl, s1vr) = (
        u64::from(s0vl),
        u64::from(s0vr),
        u64::from(b0vl),
        u64::from(s1vl),
        u64::from(s1vr),
    );
    let depth = st.depth().min(4) as u64;

    let mut t = 0u32;
    let mut push = |v: u64| {
        out.push(v);
    };
    let mut next = || {
        t += 1;
        t
    };

    push(f1(next(), 1));
    // Single words.
    for w in [s0, b0, b1, s1] {
        push(f1(next(), w.form));
        push(f1(next(), w.tag));
        push(f2(next(), w.form, w.tag));
        push(f1(next(), w.class));
    }
    push(f1(next(), b2.form));
    push(f1(next(), b2.tag));
    push(f1(next(), s2.tag));
    push(f2(next(), s2.form, s2.tag));
    // Pairs of s0 and b0.
    push(f4(next(), s0.form, s0.tag, b0.form, b0.tag));
    push(f3(next(), s0.form, s0.tag, b0.form));
    push(f3(next(), s0.form, b0.form, b0.tag));
    push(f3(next(), s0.form, s0.tag, b0.tag));
    push(f3(next(), s0.tag, b0.form, b0.tag));
    push(f2(next(), s0.form, b0.form));
    push(f2(next(), s0.tag, b0.tag));
    push(f2(next(), s0.class, b0.class));
    push(f2(next(), s0.coarse, b0.tag));
    push(f2(next(), s0.tag, b0.coarse));
    // Pairs of s1 and s0 (the arc a Right makes).
    push(f4(next(), s1.form, s1.tag, s0.form, s0.tag));
    push(f3(next(), s1.form, s1.tag, s0.tag));
    push(f3(next(), s1.tag, s0.form, s0.tag));
    push(f2(next(), s1.form, s0.form));
    push(f2(next(), s1.tag, s0.tag));
    push(f2(next(), s1.class, s0.class));
    push(f2(next(), s1.coarse, s0.tag));
    push(f2(next(), s1.tag, s0.coarse));
    push(f2(next(), b0.tag, b1.tag));
    push(f2(next(), b0.form, b1.form));
    push(f2(next(), b0.coarse, b1.coarse));
    // Triples of tags.
    push(f3(next(), b0.tag, b1.tag, b2.tag));
    push(f3(next(), s0.tag, b0.tag, b1.tag));
    push(f3(next(), s1.tag, s0.tag, b0.tag));
    push(f3(next(), s2.tag, s1.tag, s0.tag));
    push(f3(next(), s0.tag, s0l_.tag, b0.tag));
    push(f3(next(), s0.tag, s0r_.tag, b0.tag));
    push(f3(next(), s0.tag, b0.tag, b0l_.tag));
    push(f3(next(), s1.tag, s0.tag, s0l_.tag));
    push(f3(next(), s1.tag, s0.tag, s0r_.tag));
    push(f3(next(), s1.tag, s1r_.tag, s0.tag));
    push(f3(next(), s1.tag, s1l_.tag, s0.tag));
    // Distance.
    push(f2(next(), s0.form, d_s0b0));
    push(f2(next(), s0.tag, d_s0b0));
    push(f2(next(), b0.form, d_s0b0));
    push(f2(next(), b0.tag, d_s0b0));
    push(f3(next(), s0.form, b0.form, d_s0b0));
    push(f3(next(), s0.tag, b0.tag, d_s0b0));
    push(f3(next(), s1.tag, s0.tag, d_s1s0));
    push(f3(next(), s1.form, s0.form, d_s1s0));
    // Valency.
    push(f2(next(), s0.form, s0vr));
    push(f2(next(), s0.tag, s0vr));
    push(f2(next(), s0.form, s0vl));
    push(f2(next(), s0.tag, s0vl));
    push(f2(next(), b0.form, b0vl));
    push(f2(next(), b0.tag, b0vl));
    push(f3(next(), s1.tag, s1vl, s1vr));
    // Dependents.
    for (w, l) in [(s0l_, s0l), (s0r_, s0r), (b0l_, b0l), (s1r_, s1r)] {
        push(f1(next(), w.form));
        push(f1(next(), w.tag));
        push(f1(next(), lab(l)));
    }
    for (w, l) in [(s0l2_, s0l2), (s0r2_, s0r2), (b0l2_, b0l2)] {
        push(f1(next(), w.form));
        push(f1(next(), w.tag));
        push(f1(next(), lab(l)));
    }
    push(f3(next(), s0.tag, lab(s0l), lab(s0l2)));
    push(f3(next(), s0.tag, lab(s0r), lab(s0r2)));
    push(f3(next(), b0.tag, lab(b0l), lab(b0l2)));
    push(f3(next(), s0.tag, s0l_.tag, s0l2_.tag));
    push(f3(next(), s0.tag, s0r_.tag, s0r2_.tag));
    push(f3(next(), b0.tag, b0l_.tag, b0l2_.tag));
    push(f3(next(), s1.tag, s0.tag, lab(s1r)));
    // Label sets.
    push(f2(next(), s0.form, s0rs));
    push(f2(next(), s0.tag, s0rs));
    push(f2(next(), s0.form, s0ls));
    push(f2(next(), s0.tag, s0ls));
    push(f2(next(), b0.form, b0ls));
    push(f2(next(), b0.tag, b0ls));
    // Second set: unknown words, s1 against b0, labels against the next word.
    push(f2(next(), b0.tag, b0.form_suffix));
    push(f2(next(), s0.tag, s0.form_suffix));
    push(f2(next(), s1.form, b0.form));
    push(f3(next(), s1.tag, b0.tag, dist(s1i, b0i)));
    push(f3(next(), s0.tag, lab(s0r), b0.tag));
    push(f3(next(), s0.tag, lab(s0l), b0.tag));
    push(f3(next(), s0.tag, lab(b0l), b0.tag));
    push(f2(next(), s0.class, b0.form));
    push(f2(next(), s0.form, b0.class));
    push(f3(next(), b0.class, b1.tag, s0.tag));
    push(f4(next(), s0.form, s0.tag, b0.tag, b1.tag));
    push(f1(next(), b1.class));
    // Attachment of the next word by its case marker or first dependent (`to` in "sold the
    // ferry to her brother"): to s0 or to the word below it.
    push(f3(next(), s0.form, b0l_.form, b0.tag));
    push(f3(next(), s1.form, b0l_.form, b0.tag));
    push(f3(next(), s0.tag, b0l_.form, b0.tag));
    push(f3(next(), s1.tag, b0l_.form, b0.tag));
    push(f2(next(), b0l_.form, b0.form));
    push(f4(next(), s1.form, s0.tag, b0l_.form, b0.tag));
    push(f4(next(), s1.tag, s0.form, b0l_.form, b0.tag));
    push(f3(next(), s0.form, b0.form, b0l_.form));
    // Whether the root is below s0 (a Right would attach to it) and the stack depth.
    push(f3(next(), s0.tag, depth, u64::from(b0i.is_none())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_of_a_start_state() {
        let mut st = State::default();
        st.reset(3);
        let mut words = Vec::new();
        let tags = [Upos::Pron, Upos::Verb, Upos::Punct];
        words_into(
            &["We", "won", "."],
            &tags,
            WordClasses::embedded(),
            &mut Analyzer::default(),
            &mut words,
        );
        assert_eq!(words.len(), 5);
        let mut a = Vec::new();
        features(&st, &words, &mut a);
        st.apply(super::super::state::Transition::Shift);
        let mut b = Vec::new();
        features(&st, &words, &mut b);
        assert_eq!(a.len(), b.len());
        assert_ne!(a, b);
        // Every template has its own id space.
        let mut sorted = a.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert!(sorted.len() > a.len() * 9 / 10);
    }
}
