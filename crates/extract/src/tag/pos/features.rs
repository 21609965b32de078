//! Word attributes and the feature templates of the POS tagger.
//!
//! Each word is analysed once per sentence into [`Attrs`] (hashes of its normalised form, its
//! lowercase form, affixes, shape, flags and lexicon entry, and its word classes, looked up
//! once); the features of a position combine the attributes of the words around it with the
//! tags already predicted on its left. No string is allocated: parts are hashed straight from
//! reused byte buffers.

use super::Upos;
use super::tagdict::{Entry, Lexicon};
use crate::classes::WordClasses;
use crate::perceptron::{FeatureHasher, f1, f2};

/// Seeds separating the hashes of the two word forms (they key the lexicon as well).
const EXACT_SEED: u32 = 0x7E_0001;
const LOWER_SEED: u32 = 0x7E_0002;
const AFFIX_SEED: u32 = 0x7E_0003;
const SHAPE_SEED: u32 = 0x7E_0004;

/// Flag bits of [`Attrs::flags`].
const HAS_DIGIT: u64 = 1;
const ALL_UPPER: u64 = 1 << 1;
const TITLE: u64 = 1 << 2;
const HYPHEN: u64 = 1 << 3;
const HAS_ALPHA: u64 = 1 << 4;
const HAS_PERIOD: u64 = 1 << 5;
const ALL_DIGIT: u64 = 1 << 6;
const SHORT: u64 = 1 << 7;

/// Longest shape kept (bytes); longer words share the prefix of their shape.
const SHAPE_MAX: usize = 24;

/// Class value of a word the word-class table does not know (above every `u16` id).
const NO_CLASS: u32 = 0x10_0000;

/// Bit of [`Attrs::amb`] set when the word's tags were looked up by its lower-case form.
pub const LOWER_LOOKUP: u64 = 1 << 31;

/// What the tagger knows about one word, as hashes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attrs {
    /// Normalised form (curly quotes and dashes mapped to ASCII).
    pub exact: u64,
    /// Lowercased normalised form with every digit mapped to `0`.
    pub lower: u64,
    /// Prefixes of 1 to 4 characters of the lowercase form.
    pub pre: [u64; 4],
    /// Suffixes of 1 to 4 characters of the lowercase form.
    pub suf: [u64; 4],
    /// Word shape (`Xxx`, `dd,ddd`, ...), runs longer than two collapsed.
    pub shape: u64,
    /// Lowercase form of the part after the last inner hyphen; 0 if none.
    pub tail: u64,
    /// Flag bits.
    pub flags: u64,
    /// Tags seen with the word in training (bit per tag; bit 31 marks a lowercase match).
    pub amb: u64,
    /// Tag of a frequent unambiguous word.
    pub dict: Option<Upos>,
    /// Word classes of the normalised form (see [`crate::classes`]) at 256, 1,024 and 4,096
    /// classes (levels 1 to 3 of the table); all `NO_CLASS` for a word the table lacks.
    pub class: [u32; 3],
}

impl Attrs {
    /// The padding word before the sentence start (`k` = 1 or 2 positions before).
    fn start(k: u64) -> Attrs {
        Attrs::pad(0x5_7A27 + k)
    }

    /// The padding word after the sentence end.
    fn end(k: u64) -> Attrs {
        Attrs::pad(0xE_0D00 + k)
    }

    fn pad(v: u64) -> Attrs {
        Attrs {
            exact: v,
            lower: v,
            pre: [v; 4],
            suf: [v; 4],
            shape: v,
            tail: 0,
            flags: v,
            amb: v,
            dict: None,
            class: [v as u32; 3],
        }
    }
}

/// Reusable buffers for analysing words.
#[derive(Debug, Default)]
pub struct Analyzer {
    exact: Vec<u8>,
    lower: Vec<u8>,
    /// Byte offset where each char of `lower` starts (for affixes).
    bounds: Vec<usize>,
}

/// ASCII replacement of typographic punctuation, so news text looks like the training data.
fn ascii_equivalent(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "--",
        '\u{2026}' => "...",
        '\u{2010}' | '\u{2011}' => "-",
        _ => return None,
    })
}

/// The hash of a word's normalised exact form (as keyed in the lexicon).
pub(crate) fn exact_key(bytes: &[u8]) -> u64 {
    FeatureHasher::new(EXACT_SEED).bytes(bytes).finish()
}

/// The hash of a word's normalised lowercase form (as keyed in the lexicon).
pub(crate) fn lower_key(bytes: &[u8]) -> u64 {
    FeatureHasher::new(LOWER_SEED).bytes(bytes).finish()
}

impl Analyzer {
    /// Fills `exact` and `lower` with the normalised forms of `word` (and char bounds of
    /// `lower`); returns the flags.
    fn normalise(&mut self, word: &str) -> u64 {
        self.exact.clear();
        self.lower.clear();
        self.bounds.clear();
        let mut flags = 0;
        let mut upper = 0usize;
        let mut letters = 0usize;
        let mut digits = 0usize;
        let mut first_upper = false;
        let mut chars = 0usize;
        let mut buf = [0u8; 4];
        for (i, c) in word.chars().enumerate() {
            chars += 1;
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    if i == 0 {
                        first_upper = true;
                    }
                }
            } else if c.is_ascii_digit() {
                digits += 1;
            } else if c == '-' && i > 0 {
                flags |= HYPHEN;
            } else if c == '.' {
                flags |= HAS_PERIOD;
            }
            if let Some(rep) = ascii_equivalent(c) {
                self.exact.extend_from_slice(rep.as_bytes());
                for b in rep.bytes() {
                    self.bounds.push(self.lower.len());
                    self.lower.push(b);
                }
            } else if c.is_ascii() {
                let b = c as u8;
                self.exact.push(b);
                self.bounds.push(self.lower.len());
                self.lower.push(if b.is_ascii_digit() {
                    b'0'
                } else {
                    b.to_ascii_lowercase()
                });
            } else {
                self.exact
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                self.bounds.push(self.lower.len());
                for l in c.to_lowercase() {
                    self.lower
                        .extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        if self.exact.last() == Some(&b'-') {
            flags &= !HYPHEN;
        }
        if digits > 0 {
            flags |= HAS_DIGIT;
            if digits == chars {
                flags |= ALL_DIGIT;
            }
        }
        if letters > 0 {
            flags |= HAS_ALPHA;
            if upper == letters {
                flags |= ALL_UPPER;
            } else if first_upper {
                flags |= TITLE;
            }
        }
        if chars <= 2 {
            flags |= SHORT;
        }
        flags
    }

    /// The lexicon keys of a word: hashes of its exact and of its lowercase form.
    pub fn keys(&mut self, word: &str) -> (u64, u64) {
        self.normalise(word);
        (exact_key(&self.exact), lower_key(&self.lower))
    }

    /// Analyses one word, with the tag lexicon `lex` and the word classes `classes`.
    pub fn analyse(&mut self, word: &str, lex: &Lexicon, classes: &WordClasses) -> Attrs {
        let flags = self.normalise(word);
        let exact = exact_key(&self.exact);
        let lower = lower_key(&self.lower);
        let n = self.bounds.len();
        let mut pre = [0u64; 4];
        let mut suf = [0u64; 4];
        for k in 1..=4 {
            // Words shorter than k chars reuse the whole word (a distinct template keeps them apart).
            let cut = if k < n {
                self.bounds[k]
            } else {
                self.lower.len()
            };
            let from = if k < n { self.bounds[n - k] } else { 0 };
            pre[k - 1] = FeatureHasher::new(AFFIX_SEED + k as u32)
                .bytes(&self.lower[..cut])
                .finish();
            suf[k - 1] = FeatureHasher::new(AFFIX_SEED + 8 + k as u32)
                .bytes(&self.lower[from..])
                .finish();
        }
        let tail = if flags & HYPHEN != 0 {
            let start = self
                .lower
                .iter()
                .rposition(|&b| b == b'-')
                .map_or(0, |p| p + 1);
            lower_key(&self.lower[start..])
        } else {
            0
        };
        let shape = shape_hash(word);
        let (entry, from_lower) = match lex.get(exact) {
            Some(e) => (Some(e), false),
            None => (lex.get(lower), true),
        };
        let (amb, dict) = match entry {
            Some(Entry { mask, tag }) => (
                u64::from(mask) | if from_lower { LOWER_LOOKUP } else { 0 },
                if from_lower { None } else { tag },
            ),
            None => (0, None),
        };
        let class = std::str::from_utf8(&self.exact)
            .ok()
            .and_then(|form| classes.lookup_word(form))
            .map_or([NO_CLASS; 3], |c| {
                let [_, l256, l1024, l4096] = c.levels.map(u32::from);
                [l256, l1024, l4096]
            });
        Attrs {
            exact,
            lower,
            pre,
            suf,
            shape,
            tail,
            flags,
            amb,
            dict,
            class,
        }
    }
}

/// Hash of the shape of a normalised word: `X` upper, `x` lower, `d` digit, other bytes kept,
/// runs of one class capped at two.
fn shape_hash(word: &str) -> u64 {
    let mut out = [0u8; SHAPE_MAX];
    let mut len = 0;
    let mut run = 0;
    let mut prev = 0u8;
    let mapped = word
        .chars()
        .flat_map(|c| ascii_equivalent(c).map_or(ShapeChars::One(c), ShapeChars::Rep));
    for c in mapped {
        let b = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        };
        run = if b == prev { run + 1 } else { 1 };
        prev = b;
        if run <= 2 && len < SHAPE_MAX {
            out[len] = b;
            len += 1;
        }
    }
    FeatureHasher::new(SHAPE_SEED).bytes(&out[..len]).finish()
}

/// Chars of a word after [`ascii_equivalent`], without allocating.
enum ShapeChars {
    One(char),
    Rep(&'static str),
}

impl IntoIterator for ShapeChars {
    type Item = char;
    type IntoIter = std::iter::Chain<std::option::IntoIter<char>, std::str::Chars<'static>>;

    fn into_iter(self) -> Self::IntoIter {
        match self {
            ShapeChars::One(c) => Some(c).into_iter().chain("".chars()),
            ShapeChars::Rep(s) => None.into_iter().chain(s.chars()),
        }
    }
}

/// Feature template ids (stable: they are part of the model).
mod tpl {
    pub const BIAS: u32 = 0;
    pub const EXACT: u32 = 1;
    pub const LOWER: u32 = 2;
    pub const PRE: u32 = 3; // 3..=6
    pub const SUF: u32 = 7; // 7..=10
    pub const SHAPE: u32 = 11;
    pub const FLAGS: u32 = 12;
    pub const T1: u32 = 13;
    pub const T2: u32 = 14;
    pub const T1T2: u32 = 15;
    pub const T1_LOWER: u32 = 16;
    pub const LOWER_M1: u32 = 17;
    pub const LOWER_M2: u32 = 18;
    pub const LOWER_P1: u32 = 19;
    pub const LOWER_P2: u32 = 20;
    pub const SUF3_M1: u32 = 21;
    pub const SUF3_P1: u32 = 22;
    pub const SHAPE_M1: u32 = 23;
    pub const SHAPE_P1: u32 = 24;
    pub const AMB: u32 = 25;
    pub const AMB_P1: u32 = 26;
    pub const AMB_P2: u32 = 27;
    pub const T1_AMB: u32 = 28;
    pub const LOWER_LOWER_P1: u32 = 29;
    pub const LOWER_M1_LOWER: u32 = 30;
    pub const TAIL: u32 = 31;
    pub const FIRST_SHAPE: u32 = 32;
    pub const AMB_AMB_P1: u32 = 33;
    pub const T1_SUF3: u32 = 34;
    pub const SHAPE_P2: u32 = 35;
    pub const LOWER_M1_LOWER_P1: u32 = 36;
    pub const SUF3_AMB_P1: u32 = 37;
    pub const C256: u32 = 38;
    pub const C1024: u32 = 39;
    pub const C4096: u32 = 40;
    pub const T1_C4096: u32 = 41;
    pub const C256_M1: u32 = 42;
    pub const C1024_M1: u32 = 43;
    pub const C256_P1: u32 = 44;
    pub const C1024_P1: u32 = 45;
    pub const C256_M2: u32 = 46;
    pub const C256_P2: u32 = 47;
}

/// Indices into [`Attrs::class`].
const L256: usize = 0;
const L1024: usize = 1;
const L4096: usize = 2;

/// Tag history value of a predicted tag, or of the padding before the sentence.
#[inline]
pub(crate) fn hist(t: Option<Upos>, k: u64) -> u64 {
    t.map_or(100 + k, |t| t as u64)
}

/// Writes the features of position `i` into `out` (cleared first). `t1` and `t2` are the tags
/// predicted at `i-1` and `i-2` (`None` before the sentence start).
pub fn features(words: &[Attrs], i: usize, t1: Option<Upos>, t2: Option<Upos>, out: &mut Vec<u64>) {
    let at = |d: isize| -> Attrs {
        let j = i as isize + d;
        if j < 0 {
            Attrs::start((-j) as u64)
        } else if j as usize >= words.len() {
            Attrs::end(j as u64 - words.len() as u64)
        } else {
            words[j as usize]
        }
    };
    let w = words[i];
    let (m1, m2, p1, p2) = (at(-1), at(-2), at(1), at(2));
    let (h1, h2) = (hist(t1, 1), hist(t2, 2));
    out.clear();
    out.extend_from_slice(&[
        f1(tpl::BIAS, 0),
        f1(tpl::EXACT, w.exact),
        f1(tpl::LOWER, w.lower),
        f1(tpl::PRE, w.pre[0]),
        f1(tpl::PRE + 1, w.pre[1]),
        f1(tpl::PRE + 2, w.pre[2]),
        f1(tpl::PRE + 3, w.pre[3]),
        f1(tpl::SUF, w.suf[0]),
        f1(tpl::SUF + 1, w.suf[1]),
        f1(tpl::SUF + 2, w.suf[2]),
        f1(tpl::SUF + 3, w.suf[3]),
        f1(tpl::SHAPE, w.shape),
        f1(tpl::FLAGS, w.flags),
        f1(tpl::T1, h1),
        f1(tpl::T2, h2),
        f2(tpl::T1T2, h1, h2),
        f2(tpl::T1_LOWER, h1, w.lower),
        f1(tpl::LOWER_M1, m1.lower),
        f1(tpl::LOWER_M2, m2.lower),
        f1(tpl::LOWER_P1, p1.lower),
        f1(tpl::LOWER_P2, p2.lower),
        f1(tpl::SUF3_M1, m1.suf[2]),
        f1(tpl::SUF3_P1, p1.suf[2]),
        f1(tpl::SHAPE_M1, m1.shape),
        f1(tpl::SHAPE_P1, p1.shape),
        f1(tpl::AMB, w.amb),
        f1(tpl::AMB_P1, p1.amb),
        f1(tpl::AMB_P2, p2.amb),
        f2(tpl::T1_AMB, h1, w.amb),
        f2(tpl::LOWER_LOWER_P1, w.lower, p1.lower),
        f2(tpl::LOWER_M1_LOWER, m1.lower, w.lower),
        f2(tpl::AMB_AMB_P1, w.amb, p1.amb),
        f2(tpl::T1_SUF3, h1, w.suf[2]),
        f1(tpl::SHAPE_P2, p2.shape),
        f2(tpl::LOWER_M1_LOWER_P1, m1.lower, p1.lower),
        f2(tpl::SUF3_AMB_P1, w.suf[2], p1.amb),
    ]);
    // Word classes. The word's own classes only for words the tag lexicon lacks (the others
    // have their spelling and tag set, which the classes only blurred on dev); a word the class
    // table lacks fires them with `NO_CLASS`. The neighbours' classes always.
    let c = |a: &Attrs, l: usize| u64::from(a.class[l]);
    if w.amb == 0 {
        out.extend_from_slice(&[
            f1(tpl::C256, c(&w, L256)),
            f1(tpl::C1024, c(&w, L1024)),
            f1(tpl::C4096, c(&w, L4096)),
            f2(tpl::T1_C4096, h1, c(&w, L4096)),
        ]);
    }
    out.extend_from_slice(&[
        f1(tpl::C256_M1, c(&m1, L256)),
        f1(tpl::C1024_M1, c(&m1, L1024)),
        f1(tpl::C256_P1, c(&p1, L256)),
        f1(tpl::C1024_P1, c(&p1, L1024)),
        f1(tpl::C256_M2, c(&m2, L256)),
        f1(tpl::C256_P2, c(&p2, L256)),
    ]);
    if w.tail != 0 {
        out.push(f1(tpl::TAIL, w.tail));
    }
    if i == 0 {
        out.push(f1(tpl::FIRST_SHAPE, w.shape));
    }
}
