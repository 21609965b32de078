//! Feature extraction for the entity tagger.
//!
//! Per sentence, every token gets its *static* features once (word, shape, affixes, neighbours,
//! POS, casing context, gazetteers); the *dynamic* features (previous predicted labels) are added
//! while decoding left to right. Features are hashed `u64` ids built part by part with
//! [`FeatureHasher`]: no string is allocated per feature, and the buffers are reused.

use crate::perceptron::{FeatureHasher, hash_str};

use super::context::{Aggregate, DocContext};
use super::gazetteer::{self, Gaz};

/// The static features of a token start with this many word-identity features (word, exact
/// form, the bigrams with its neighbours), which training may drop to learn what to do with
/// unknown words.
pub const N_IDENTITY: usize = 4;

/// Bumped whenever a feature changes meaning: a model trained with another version is refused.
pub const FEATURE_VERSION: u32 = 6;

// Template ids (stable: the model depends on them).
const T_BIAS: u32 = 1;
const T_LOWER: u32 = 2;
const T_SHAPE: u32 = 3;
const T_PREFIX: u32 = 4;
const T_SUFFIX: u32 = 5;
const T_WORD_M2: u32 = 6;
const T_WORD_M1: u32 = 7;
const T_WORD_P1: u32 = 8;
const T_WORD_P2: u32 = 9;
const T_SHAPE_M1: u32 = 10;
const T_SHAPE_P1: u32 = 11;
const T_POS: u32 = 12;
const T_POS_M1: u32 = 13;
const T_POS_P1: u32 = 14;
const T_POS_M1_0: u32 = 15;
const T_POS_0_P1: u32 = 16;
const T_BIGRAM_M1: u32 = 17;
const T_BIGRAM_P1: u32 = 18;
const T_INITIAL_SHAPE: u32 = 19;
const T_SENT_CASE: u32 = 20;
const T_GAZ: u32 = 21;
const T_GAZ_M1: u32 = 22;
const T_GAZ_P1: u32 = 23;
const T_SHAPE_POS: u32 = 24;
const T_POS_M2: u32 = 25;
const T_POS_P2: u32 = 26;
const T_WORD: u32 = 27;
const T_RUN_LAST: u32 = 28;
const T_RUN_FIRST: u32 = 29;
const T_RUN_LEN: u32 = 30;
const T_RUN_LAST_GAZ: u32 = 31;
const T_RUN_FIRST_GAZ: u32 = 32;
const T_RUN_BEFORE: u32 = 33;
const T_RUN_AFTER: u32 = 34;
const T_AGG_BEFORE: u32 = 35;
const T_AGG_AFTER: u32 = 36;
const T_CLASS: u32 = 37;
const T_CLASS_CASE: u32 = 38;
const T_CLASS_POS: u32 = 39;
const T_CLASS_NEAR: u32 = 45;
const T_RUN_CLASS: u32 = 46;
const T_PREV: u32 = 40;
const T_PREV2: u32 = 41;
const T_PREV_WORD: u32 = 42;
const T_PREV_SHAPE: u32 = 43;
const T_PREV_POS: u32 = 44;

/// Casing of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Case {
    /// No letters.
    None = 0,
    Lower = 1,
    /// First letter upper case, the others lower case.
    Title = 2,
    /// At least two letters, all upper case.
    Upper = 3,
    Mixed = 4,
}

fn case_of(word: &str) -> Case {
    let (mut upper, mut lower, mut first_upper, mut seen) = (0u32, 0u32, false, false);
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if c.is_uppercase() {
            upper += 1;
            if !seen {
                first_upper = true;
            }
        } else if c.is_lowercase() {
            lower += 1;
        }
        seen = true;
    }
    match (upper, lower) {
        (0, 0) => Case::None,
        (0, _) => Case::Lower,
        (1, 0) => Case::Title,
        (_, 0) => Case::Upper,
        (1, _) if first_upper => Case::Title,
        _ => Case::Mixed,
    }
}

/// What a sentence's casing says about capital letters in it.
fn sentence_case(cases: &[Case]) -> u64 {
    let (mut alpha, mut caps, mut upper) = (0u32, 0u32, 0u32);
    for &c in cases.iter().skip(1) {
        match c {
            Case::None => continue,
            Case::Title | Case::Mixed => caps += 1,
            Case::Upper => upper += 1,
            Case::Lower => {}
        }
        alpha += 1;
    }
    if alpha < 3 {
        0 // too short to tell
    } else if upper * 10 >= alpha * 7 {
        1 // shouting: all caps
    } else if (caps + upper) * 10 >= alpha * 6 {
        2 // headline: title case
    } else if caps + upper == 0 {
        3 // all lower case: no capitals to rely on
    } else {
        4 // ordinary: a capital is informative
    }
}

/// Whether a sentence's capitals carry no information: at least three words with letters
/// after the first, and none of them capitalised (the pronoun `I` aside), or all of them in
/// capitals. Such sentences are tagged by the uncased model (see [`super::Recognizer`]).
pub(crate) fn is_uncased(words: &[&str]) -> bool {
    let (mut alpha, mut capitalised, mut shouting) = (0u32, 0u32, 0u32);
    // A first word in capitals or mixed case (`NASA`, `iPhone`) is a name, not sentence case.
    let first = words.first().map_or(Case::None, |w| case_of(w));
    if matches!(first, Case::Mixed) {
        return false;
    }
    for w in words.iter().skip(1) {
        match case_of(w) {
            Case::None => continue,
            Case::Lower => {}
            Case::Upper => shouting += 1,
            Case::Title if *w == "I" => {}
            Case::Title | Case::Mixed => capitalised += 1,
        }
        alpha += 1;
    }
    alpha >= 3
        && if first == Case::Upper && words[0].chars().filter(|c| c.is_alphabetic()).count() > 1 {
            capitalised == 0 && shouting == alpha
        } else {
            capitalised + shouting == 0 || (capitalised == 0 && shouting == alpha)
        }
}

/// Per-token values reused across templates.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tok {
    lower: u64,
    exact: u64,
    shape: u64,
    pos: u8,
    case: u8,
    gaz: Gaz,
    /// Word classes at the four levels of the table (64, 256, 1,024, 4,096), `NO_CLASS` for a
    /// word the table lacks.
    class: [u16; LEVELS],
}

/// Class id of a word the word-class table does not know.
const NO_CLASS: u16 = u16::MAX;
/// Class id of the positions before the sentence's first token and after its last.
const EDGE_CLASS: u64 = u16::MAX as u64 + 1;

use super::context::{BOS, EOS};
use crate::classes::{LEVELS, WordClasses};
use crate::lexicon::Lexicon;

/// Reusable buffers and the static features of one sentence.
#[derive(Debug, Default)]
pub struct SentenceFeatures {
    toks: Vec<Tok>,
    feats: Vec<u64>,
    /// `feats[offsets[i]..offsets[i + 1]]` are the static features of token `i`.
    offsets: Vec<usize>,
    cases: Vec<Case>,
    /// Per token: the capitalised run it is in (see [`cap_runs`]), as (start, end).
    runs: Vec<Option<(usize, usize)>>,
    lower: String,
    /// Per token: hash of its lower case.
    lowers: Vec<u64>,
    gaz: gazetteer::Scratch,
    agg: Aggregate,
}

/// The document around a sentence: its context index and the sentence's position in it.
#[derive(Clone, Copy, Debug)]
pub struct InDocument<'a> {
    /// The context of the whole document ([`doc_context`]).
    pub context: &'a DocContext,
    /// The sentence's index in the document.
    pub sentence: usize,
}

/// Whether a word is used as a name, for the document context: capitalised and not a function
/// word, or tagged a proper noun.
fn name_like(case: Case, pos: u8) -> bool {
    use crate::pos::Upos;
    let is = |u: Upos| usize::from(pos) == u.index();
    is(Upos::Propn)
        || (matches!(case, Case::Title | Case::Upper | Case::Mixed)
            && ![
                Upos::Pron,
                Upos::Det,
                Upos::Adp,
                Upos::Aux,
                Upos::Cconj,
                Upos::Sconj,
                Upos::Part,
                Upos::Punct,
                Upos::Num,
                Upos::Sym,
                Upos::Intj,
            ]
            .into_iter()
            .any(is))
}

/// The document context of `sentences` with their UPOS ids `pos` (see [`DocContext`]).
pub fn doc_context<S: AsRef<[W]>, W: AsRef<str>>(sentences: &[S], pos: &[Vec<u8>]) -> DocContext {
    let mut lower = String::new();
    let mut lowers = Vec::with_capacity(sentences.len());
    let mut names = Vec::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        let words = s.as_ref();
        let tags = pos.get(k).map_or(&[][..], Vec::as_slice);
        lowers.push(
            words
                .iter()
                .map(|w| {
                    lowercase_into(w.as_ref(), &mut lower);
                    crate::lexicon::lower_hash(&lower)
                })
                .collect(),
        );
        names.push(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| name_like(case_of(w.as_ref()), tags.get(i).copied().unwrap_or(0)))
                .collect(),
        );
    }
    DocContext::new(&lowers, &names)
}

impl SentenceFeatures {
    /// Computes the static features of `words` (with UPOS ids `pos`, same length), without
    /// document context.
    #[cfg(test)]
    pub(crate) fn compute(&mut self, lex: &Lexicon, words: &[&str], pos: &[u8]) {
        self.compute_in(lex, WordClasses::embedded(), words, pos, None);
    }

    /// Computes the static features of `words` (with UPOS ids `pos`, same length), with the
    /// document context when the sentence's document is known.
    pub fn compute_in(
        &mut self,
        lex: &Lexicon,
        classes: &WordClasses,
        words: &[&str],
        pos: &[u8],
        doc: Option<InDocument<'_>>,
    ) {
        self.toks.clear();
        self.feats.clear();
        self.offsets.clear();
        self.cases.clear();
        self.cases.extend(words.iter().map(|w| case_of(w)));
        self.lowers.clear();
        for w in words {
            lowercase_into(w, &mut self.lower);
            self.lowers.push(crate::lexicon::lower_hash(&self.lower));
        }
        let gaz = self.gaz.annotate(lex, words, pos, &self.lowers);
        for (i, w) in words.iter().enumerate() {
            let lower = self.lowers[i];
            self.toks.push(Tok {
                lower,
                exact: hash_str(w),
                shape: shape_hash(w),
                pos: pos.get(i).copied().unwrap_or(0),
                case: self.cases[i] as u8,
                gaz: gaz[i],
                class: classes
                    .lookup_word(w)
                    .map_or([NO_CLASS; LEVELS], |c| c.levels),
            });
        }
        let sent_case = sentence_case(&self.cases);
        cap_runs(words, &self.cases, &mut self.runs);
        for (i, w) in words.iter().enumerate() {
            self.offsets.push(self.feats.len());
            lowercase_into(w, &mut self.lower);
            self.token_features(i, sent_case);
            self.run_features(i);
            if let Some(doc) = doc {
                self.document_features(i, doc);
            }
        }
        self.offsets.push(self.feats.len());
    }

    /// Number of tokens of the current sentence.
    /// Whether the sentence has no token.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Number of tokens of the sentence last computed.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Static features of token `i`.
    pub fn features(&self, i: usize) -> &[u64] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }

    fn token_features(&mut self, i: usize, sent_case: u64) {
        let t = self.toks[i];
        let word = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 {
                BOS
            } else {
                self.toks.get(j as usize).map_or(EOS, |t| t.lower)
            }
        };
        let tok = |k: isize| -> Option<Tok> {
            let j = i as isize + k;
            (j >= 0)
                .then(|| self.toks.get(j as usize).copied())
                .flatten()
        };
        let pos_of = |k: isize| tok(k).map_or(255, |t| u64::from(t.pos));
        let shape_of = |k: isize| tok(k).map_or(BOS, |t| t.shape);
        let gaz_of = |k: isize| tok(k).map_or(0, |t| t.gaz.0);
        let f = |tpl: u32| FeatureHasher::new(tpl);
        let (wm2, wm1, wp1, wp2) = (word(-2), word(-1), word(1), word(2));
        let (pm2, pm1, p0, pp1, pp2) = (
            pos_of(-2),
            pos_of(-1),
            u64::from(t.pos),
            pos_of(1),
            pos_of(2),
        );
        let case = u64::from(t.case);
        let out = &mut self.feats;
        // Word identity first (see N_IDENTITY).
        out.push(f(T_LOWER).u64(t.lower).finish());
        out.push(f(T_WORD).u64(t.exact).finish());
        out.push(f(T_BIGRAM_M1).u64(wm1).u64(t.lower).finish());
        out.push(f(T_BIGRAM_P1).u64(t.lower).u64(wp1).finish());
        out.push(f(T_BIAS).finish());
        out.push(f(T_SHAPE).u64(t.shape).finish());
        out.push(f(T_WORD_M2).u64(wm2).finish());
        out.push(f(T_WORD_M1).u64(wm1).finish());
        out.push(f(T_WORD_P1).u64(wp1).finish());
        out.push(f(T_WORD_P2).u64(wp2).finish());
        out.push(f(T_SHAPE_M1).u64(shape_of(-1)).finish());
        out.push(f(T_SHAPE_P1).u64(shape_of(1)).finish());
        out.push(f(T_POS).u64(p0).finish());
        out.push(f(T_POS_M1).u64(pm1).finish());
        out.push(f(T_POS_P1).u64(pp1).finish());
        out.push(f(T_POS_M2).u64(pm2).finish());
        out.push(f(T_POS_P2).u64(pp2).finish());
        out.push(f(T_POS_M1_0).u64(pm1).u64(p0).finish());
        out.push(f(T_POS_0_P1).u64(p0).u64(pp1).finish());
        out.push(f(T_SHAPE_POS).u64(t.shape).u64(p0).finish());
        out.push(
            f(T_INITIAL_SHAPE)
                .u64(u64::from(i == 0))
                .u64(t.shape)
                .finish(),
        );
        out.push(
            f(T_SENT_CASE)
                .u64(sent_case)
                .u64(case)
                .u64(u64::from(i == 0))
                .finish(),
        );
        // Affixes of the lower-cased word: 1-3 char prefixes, 1-4 char suffixes.
        let lower = self.lower.as_str();
        let nchars = lower.chars().count();
        for (k, (b, _)) in lower.char_indices().skip(1).take(3).enumerate() {
            out.push(f(T_PREFIX).u64(k as u64).str(&lower[..b]).finish());
        }
        if (1..=3).contains(&nchars) {
            out.push(f(T_PREFIX).u64(nchars as u64 - 1).str(lower).finish());
        }
        for k in 1..=4.min(nchars) {
            let start = lower.char_indices().nth(nchars - k).map_or(0, |(b, _)| b);
            out.push(f(T_SUFFIX).u64(k as u64).str(&lower[start..]).finish());
        }
        for bit in t.gaz.features() {
            out.push(f(T_GAZ).u64(bit).u64(case).finish());
        }
        for bit in Gaz(gaz_of(-1)).features() {
            out.push(f(T_GAZ_M1).u64(bit).finish());
        }
        for bit in Gaz(gaz_of(1)).features() {
            out.push(f(T_GAZ_P1).u64(bit).finish());
        }
        self.class_features(i);
    }

    /// Word-class features: the token's classes at every level, its 1,024-class with its
    /// casing, its 256- and 4,096-classes with its POS, and the classes of its neighbours
    /// (64 and 256 at two either side, 1,024 at one).
    fn class_features(&mut self, i: usize) {
        let t = self.toks[i];
        let class_at = |k: isize, level: usize| -> u64 {
            let j = i as isize + k;
            if j < 0 {
                EDGE_CLASS
            } else {
                self.toks
                    .get(j as usize)
                    .map_or(EDGE_CLASS, |t| u64::from(t.class[level]))
            }
        };
        let f = |tpl: u32| FeatureHasher::new(tpl);
        let near: [(isize, usize); 10] = [
            (-2, 0),
            (-2, 1),
            (-1, 0),
            (-1, 1),
            (-1, 2),
            (1, 0),
            (1, 1),
            (1, 2),
            (2, 0),
            (2, 1),
        ];
        let mut buf = [0u64; 10];
        for (slot, &(k, level)) in buf.iter_mut().zip(near.iter()) {
            *slot = f(T_CLASS_NEAR)
                .u64(k as u64)
                .u64(level as u64)
                .u64(class_at(k, level))
                .finish();
        }
        let out = &mut self.feats;
        for (level, &c) in t.class.iter().enumerate() {
            out.push(f(T_CLASS).u64(level as u64).u64(u64::from(c)).finish());
        }
        out.push(
            f(T_CLASS_CASE)
                .u64(u64::from(t.class[2]))
                .u64(u64::from(t.case))
                .finish(),
        );
        for level in [1, 3] {
            out.push(
                f(T_CLASS_POS)
                    .u64(level as u64)
                    .u64(u64::from(t.class[level]))
                    .u64(u64::from(t.pos))
                    .finish(),
            );
        }
        out.extend_from_slice(&buf);
    }

    /// Features of a token inside a run of capitalised words: what the whole name looks like
    /// (its first and last words, their gazetteer flags, its length, the words around it), so
    /// that the first word of `Georgetown University` already sees `University`.
    fn run_features(&mut self, i: usize) {
        let Some((s, e)) = self.runs[i] else { return };
        let len = e - s;
        let at = if len == 1 {
            0
        } else if i == s {
            1
        } else if i + 1 == e {
            3
        } else {
            2
        };
        let (first, last) = (self.toks[s], self.toks[e - 1]);
        let before = s.checked_sub(1).map_or(BOS, |j| self.toks[j].lower);
        let after = self.toks.get(e).map_or(EOS, |t| t.lower);
        let f = |tpl: u32| FeatureHasher::new(tpl).u64(at);
        let out = &mut self.feats;
        out.push(f(T_RUN_LEN).u64(len.min(6) as u64).finish());
        out.push(f(T_RUN_BEFORE).u64(before).finish());
        out.push(f(T_RUN_AFTER).u64(after).finish());
        if len > 1 {
            out.push(f(T_RUN_LAST).u64(last.lower).finish());
            out.push(f(T_RUN_FIRST).u64(first.lower).finish());
            for bit in last.gaz.features() {
                out.push(f(T_RUN_LAST_GAZ).u64(bit).finish());
            }
            for bit in first.gaz.features() {
                out.push(f(T_RUN_FIRST_GAZ).u64(bit).finish());
            }
            out.push(
                f(T_RUN_CLASS)
                    .u64(0)
                    .u64(u64::from(first.class[2]))
                    .finish(),
            );
            out.push(f(T_RUN_CLASS).u64(1).u64(u64::from(last.class[2])).finish());
        }
    }

    /// Features of a name-like token (capitalised, or tagged a proper noun) from the other
    /// occurrences of its word in the document (see [`DocContext`]).
    fn document_features(&mut self, i: usize, doc: InDocument<'_>) {
        if !doc.context.is_indexed(doc.sentence, i) {
            return;
        }
        let word =
            |j: Option<usize>, end: u64| j.and_then(|j| self.toks.get(j)).map_or(end, |t| t.lower);
        let (before, after) = (word(i.checked_sub(1), BOS), word(Some(i + 1), EOS));
        if !doc
            .context
            .aggregate(self.toks[i].lower, before, after, &mut self.agg)
        {
            return;
        }
        let out = &mut self.feats;
        for &w in &self.agg.before {
            out.push(FeatureHasher::new(T_AGG_BEFORE).u64(w).finish());
        }
        for &w in &self.agg.after {
            out.push(FeatureHasher::new(T_AGG_AFTER).u64(w).finish());
        }
    }

    /// The per-token values of every token.
    pub(crate) fn toks(&self) -> &[Tok] {
        &self.toks
    }

    /// The per-token values of token `i` that the dynamic features use.
    pub fn tok(&self, i: usize) -> Tok {
        self.toks[i]
    }
}

/// Appends the dynamic features of a token given the two previous labels (without the one
/// that names the word when `identity` is false).
pub fn dynamic(t: Tok, prev: usize, prev2: usize, identity: bool, out: &mut Vec<u64>) {
    dynamic_lexical(t, prev, identity, out);
    out.push(prev_feature(prev));
    out.push(prev2_feature(prev2, prev));
    out.push(prev_pos_feature(prev, t.pos));
}

/// The dynamic features that depend on the token's word (label + word, label + shape).
pub(crate) fn dynamic_lexical(t: Tok, prev: usize, identity: bool, out: &mut Vec<u64>) {
    let p1 = prev as u64;
    if identity {
        out.push(
            FeatureHasher::new(T_PREV_WORD)
                .u64(p1)
                .u64(t.lower)
                .finish(),
        );
    }
    out.push(
        FeatureHasher::new(T_PREV_SHAPE)
            .u64(p1)
            .u64(t.shape)
            .finish(),
    );
}

/// The previous label.
pub(crate) fn prev_feature(prev: usize) -> u64 {
    FeatureHasher::new(T_PREV).u64(prev as u64).finish()
}

/// The two previous labels.
pub(crate) fn prev2_feature(prev2: usize, prev: usize) -> u64 {
    FeatureHasher::new(T_PREV2)
        .u64(prev2 as u64)
        .u64(prev as u64)
        .finish()
}

/// The previous label and the token's POS.
pub(crate) fn prev_pos_feature(prev: usize, pos: u8) -> u64 {
    FeatureHasher::new(T_PREV_POS)
        .u64(prev as u64)
        .u64(u64::from(pos))
        .finish()
}

impl Tok {
    /// The token's UPOS id.
    pub(crate) fn pos(self) -> u8 {
        self.pos
    }

    /// Whether the token is a lower-case word that is (part of) a known place.
    pub(crate) fn is_lower_place(self) -> bool {
        self.case == Case::Lower as u8 && self.gaz.is_place()
    }
}

/// Words that may join capitalised words into one run (`Bank of England`, `AT & T`).
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "&"
            | "de"
            | "-"
            | "'s"
            | "’s"
            | "for"
            | "du"
            | "van"
            | "von"
            | "da"
            | "del"
            | "la"
            | "le"
    )
}

/// Finds the runs of capitalised words (joined by connectors between two capitalised words)
/// and writes, per token, the run that contains it.
fn cap_runs(words: &[&str], cases: &[Case], out: &mut Vec<Option<(usize, usize)>>) {
    out.clear();
    out.resize(words.len(), None);
    let cap = |i: usize| matches!(cases[i], Case::Title | Case::Upper | Case::Mixed);
    let mut i = 0;
    while i < words.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            let mut k = end;
            while k < words.len() && k < end + 2 && is_connector(words[k]) {
                k += 1;
            }
            if k < words.len() && cap(k) {
                end = k + 1;
            } else {
                break;
            }
        }
        for slot in &mut out[start..end] {
            *slot = Some((start, end));
        }
        i = end;
    }
}

/// Writes the lower case of `word` into `out` (reused; no allocation once it is large enough).
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Hash of the word's shape: upper case -> `X`, lower case -> `x`, digit -> `d`, other
/// letters -> `a`, other chars as they are; runs longer than two collapsed (`Obama` -> `Xxx`,
/// `U.S.` -> `X.X.`, `2006` -> `dd`). At most 16 shape chars are hashed.
fn shape_hash(word: &str) -> u64 {
    let mut buf = [0u8; 16];
    let (mut len, mut run, mut last) = (0usize, 0u32, 0u8);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        };
        if s == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = s;
        }
        if len == buf.len() {
            break;
        }
        buf[len] = s;
        len += 1;
    }
    hash_str_bytes(&buf[..len])
}

fn hash_str_bytes(b: &[u8]) -> u64 {
    FeatureHasher::new(u32::MAX - 1).bytes(b).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing_classes() {
        assert_eq!(case_of("Obama"), Case::Title);
        assert_eq!(case_of("NASA"), Case::Upper);
        assert_eq!(case_of("iPhone"), Case::Mixed);
        assert_eq!(case_of("McDonald"), Case::Mixed);
        assert_eq!(case_of("the"), Case::Lower);
        assert_eq!(case_of("2006"), Case::None);
        assert_eq!(case_of("U.S."), Case::Upper);
        assert_eq!(case_of("A"), Case::Title);
    }

    #[test]
    fn uncased_sentences() {
        assert!(is_uncased(&["i", "live", "in", "san", "rafael", "."]));
        assert!(is_uncased(&[
            "Where", "can", "I", "buy", "weed", "in", "auckland"
        ]));
        assert!(is_uncased(&["WE", "LOVED", "THE", "HOTEL", "IN", "ROME"]));
        assert!(!is_uncased(&["I", "live", "in", "San", "Rafael", "."]));
        assert!(!is_uncased(&["NASA", "will", "launch", "it", "."]));
        assert!(!is_uncased(&["ok", "then", "."]));
        assert!(!is_uncased(&[]));
    }

    #[test]
    fn capitalised_runs_cross_connectors() {
        let words = [
            "the", "Bank", "of", "England", "and", "IBM", "met", "Ann", ".",
        ];
        let cases: Vec<Case> = words.iter().map(|w| case_of(w)).collect();
        let mut runs = Vec::new();
        cap_runs(&words, &cases, &mut runs);
        assert_eq!(runs[0], None);
        assert_eq!(runs[1], Some((1, 6)));
        assert_eq!(runs[4], Some((1, 6)));
        assert_eq!(runs[6], None);
        assert_eq!(runs[7], Some((7, 8)));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_hash("Obama"), shape_hash("Paris"));
        assert_eq!(shape_hash("Paris"), shape_hash("London"));
        assert_ne!(shape_hash("Paris"), shape_hash("PARIS"));
        assert_eq!(shape_hash("2006"), shape_hash("19"));
        assert_ne!(shape_hash("U.S."), shape_hash("US"));
    }

    #[test]
    fn features_are_deterministic_and_position_aware() {
        let words = ["Anna", "met", "Bob", "in", "Paris", "."];
        let pos = [11u8, 16, 11, 1, 11, 12];
        let mut a = SentenceFeatures::default();
        a.compute(crate::Pipeline::embedded().lexicon(), &words, &pos);
        assert_eq!(a.len(), 6);
        let mut b = SentenceFeatures::default();
        b.compute(crate::Pipeline::embedded().lexicon(), &words, &pos);
        for i in 0..words.len() {
            assert_eq!(a.features(i), b.features(i));
            assert!(a.features(i).len() > 20);
        }
        // Same word, different context: different feature sets.
        assert_ne!(a.features(0), a.features(2));
        let mut d = Vec::new();
        dynamic(a.tok(2), 0, 0, true, &mut d);
        let mut e = Vec::new();
        dynamic(a.tok(2), 4, 0, true, &mut e);
        assert_ne!(d, e);
    }
}
