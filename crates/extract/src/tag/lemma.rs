//! Lemmatiser learnt from treebank lemmas (UD English EWT and GUM, by `kg-train parse`): the
//! lemmas of a few forms as written (`i` -> `I`, `New` -> `New`), then a
//! table of (lower-case form, UPOS) -> rewrite rule for the forms whose lemma the rules below
//! would get wrong, and per UPOS the rule of the longest known suffix of a form for every other
//! word. A rule keeps or lower-cases the form, cuts characters from its end and appends a
//! string (`studies` NOUN: lower-case, cut 3, append `y`).
//!
//! The lemmatiser is stored in the parser's model file ([`crate::parse`]).
//!
//! ```
//! use kg_extract::Pipeline;
//! use kg_extract::pos::Upos;
//! let lem = Pipeline::embedded().parser().lemmatizer();
//! assert_eq!(lem.lemmatize("Studies", Upos::Noun), "study");
//! assert_eq!(lem.lemmatize("went", Upos::Verb), "go");
//! assert_eq!(lem.lemmatize("Oslo", Upos::Propn), "Oslo");
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

use crate::perceptron::{FeatureHasher, IdBuildHasher};
use crate::pos::Upos;

/// Magic bytes and version of a lemmatiser.
const MAGIC: &[u8] = b"KGLEM";
const VERSION: u8 = 1;
/// Largest inflated lemmatiser accepted.
const MAX_PAYLOAD: u64 = 64 << 20;
/// Longest suffix (in characters) the rules look at.
pub const MAX_SUFFIX: usize = 6;

/// One rewrite of a form into its lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    /// Lower-case the form first.
    pub lower: bool,
    /// Characters cut from the end.
    pub cut: usize,
    /// String appended.
    pub append: String,
}

impl Rule {
    /// The rule that turns `form` into `lemma` (the shorter rewrite of the form as written and
    /// of its lower-case form; lower-case on ties when the lemma has no capital).
    pub fn learn(form: &str, lemma: &str) -> Rule {
        let lower = form.to_lowercase();
        let keep = Rule::between(form, lemma, false);
        let low = Rule::between(&lower, lemma, true);
        if low.cut < keep.cut || (low.cut == keep.cut && !lemma.chars().any(char::is_uppercase)) {
            low
        } else {
            keep
        }
    }

    fn between(form: &str, lemma: &str, lower: bool) -> Rule {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let cut = form.chars().count() - common;
        let append: String = lemma.chars().skip(common).collect();
        Rule { lower, cut, append }
    }

    /// The rule applied to `form` (`None` when it would cut more than the form has).
    pub fn apply(&self, form: &str) -> Option<String> {
        let base: Cow<str> = if self.lower {
            Cow::Owned(form.to_lowercase())
        } else {
            Cow::Borrowed(form)
        };
        let n = base.chars().count();
        if self.cut > n || (self.cut == n && self.append.is_empty()) {
            return None;
        }
        let end = base
            .char_indices()
            .nth(n - self.cut)
            .map_or(base.len(), |(i, _)| i);
        let mut out = String::with_capacity(end + self.append.len());
        out.push_str(&base[..end]);
        out.push_str(&self.append);
        Some(out)
    }
}

/// Why a lemmatiser could not be read.
#[derive(Debug, thiserror::Error)]
#[error("corrupt lemmatiser: {0}")]
pub struct LemmaError(pub String);

/// The lemmatiser: exceptions by form and rules by suffix, per UPOS.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    rules: Vec<Rule>,
    /// (UPOS, lower form) -> rule.
    table: Vec<(Upos, String, u32)>,
    /// (UPOS, suffix) -> rule.
    suffixes: Vec<(Upos, String, u32)>,
    /// (UPOS, form as written) -> lemma.
    exact: Vec<(Upos, String, String)>,
    exact_index: HashMap<u64, u32, IdBuildHasher>,
    table_index: HashMap<u64, u32, IdBuildHasher>,
    suffix_index: HashMap<u64, u32, IdBuildHasher>,
}

fn exact_key(tag: Upos, s: &str) -> u64 {
    FeatureHasher::new(0x00E7_AC70 + tag.index() as u32)
        .str(s)
        .finish()
}

fn key(tag: Upos, s: &str) -> u64 {
    FeatureHasher::new(0x001E_77A0 + tag.index() as u32)
        .str(s)
        .finish()
}

impl Lemmatizer {
    /// The lemmatiser of exceptions `table` ((UPOS, lower-case form, rule)) and suffix rules
    /// `suffixes` ((UPOS, lower-case suffix of at most [`MAX_SUFFIX`] characters, rule)).
    pub fn new(table: Vec<(Upos, String, Rule)>, suffixes: Vec<(Upos, String, Rule)>) -> Self {
        let mut ids: HashMap<Rule, u32> = HashMap::new();
        let mut rules = Vec::new();
        let mut id = |r: Rule| {
            *ids.entry(r.clone()).or_insert_with(|| {
                rules.push(r);
                rules.len() as u32 - 1
            })
        };
        let table: Vec<(Upos, String, u32)> =
            table.into_iter().map(|(t, f, r)| (t, f, id(r))).collect();
        let suffixes: Vec<(Upos, String, u32)> = suffixes
            .into_iter()
            .map(|(t, f, r)| (t, f, id(r)))
            .collect();
        Lemmatizer::from_ids(rules, table, suffixes)
    }

    fn from_ids(
        rules: Vec<Rule>,
        table: Vec<(Upos, String, u32)>,
        suffixes: Vec<(Upos, String, u32)>,
    ) -> Self {
        let table_index = table.iter().map(|(t, f, r)| (key(*t, f), *r)).collect();
        let suffix_index = suffixes.iter().map(|(t, f, r)| (key(*t, f), *r)).collect();
        Lemmatizer {
            rules,
            table,
            suffixes,
            table_index,
            suffix_index,
            ..Lemmatizer::default()
        }
    }

    /// The lemmatiser with lemmas for forms exactly as written ((UPOS, form, lemma)), looked
    /// up before anything else.
    pub fn with_exact(mut self, exact: Vec<(Upos, String, String)>) -> Self {
        self.exact_index = exact
            .iter()
            .enumerate()
            .map(|(i, (t, f, _))| (exact_key(*t, f), i as u32))
            .collect();
        self.exact = exact;
        self
    }

    /// Number of exceptions (by form as written and by lower-case form) and of suffix rules.
    pub fn sizes(&self) -> (usize, usize) {
        (self.exact.len() + self.table.len(), self.suffixes.len())
    }

    /// The lemma of `form` tagged `tag`.
    pub fn lemmatize(&self, form: &str, tag: Upos) -> String {
        if let Some(&i) = self.exact_index.get(&exact_key(tag, form))
            && let Some((_, f, lemma)) = self.exact.get(i as usize)
            && f == form
        {
            return lemma.clone();
        }
        let lower = form.to_lowercase();
        if let Some(&r) = self.table_index.get(&key(tag, &lower))
            && let Some(l) = self.rules[r as usize].apply(form)
        {
            return l;
        }
        let n = lower.chars().count();
        for k in (0..=MAX_SUFFIX.min(n)).rev() {
            let start = lower
                .char_indices()
                .nth(n - k)
                .map_or(lower.len(), |(i, _)| i);
            if let Some(&r) = self.suffix_index.get(&key(tag, &lower[start..]))
                && let Some(l) = self.rules[r as usize].apply(form)
            {
                return l;
            }
        }
        if tag == Upos::Propn {
            form.to_string()
        } else {
            lower
        }
    }

    /// The lemmatiser as bytes: a compressed text of its rules, exceptions and suffixes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = String::new();
        for r in &self.rules {
            text.push_str(&format!(
                "R\t{}\t{}\t{}\n",
                u8::from(r.lower),
                r.cut,
                r.append
            ));
        }
        for (kind, list) in [("T", &self.table), ("S", &self.suffixes)] {
            for (t, f, r) in list {
                text.push_str(&format!("{kind}\t{}\t{f}\t{r}\n", t.as_str()));
            }
        }
        for (t, f, l) in &self.exact {
            text.push_str(&format!("E\t{}\t{f}\t{l}\n", t.as_str()));
        }
        super::packed::pack(MAGIC, VERSION, text.as_bytes())
    }

    /// Reads a lemmatiser written by [`Lemmatizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, LemmaError> {
        let payload = super::packed::unpack(bytes, MAGIC, VERSION, MAX_PAYLOAD)
            .map_err(|e| LemmaError(format!("{e:?}")))?;
        let text = String::from_utf8(payload).map_err(|_| LemmaError("not UTF-8".into()))?;
        let mut rules = Vec::new();
        let mut table = Vec::new();
        let mut suffixes = Vec::new();
        let mut exact = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let bad = || LemmaError(format!("line {}: {line:?}", n + 1));
            let cols: Vec<&str> = line.split('\t').collect();
            match cols[..] {
                ["R", lower, cut, append] => rules.push(Rule {
                    lower: lower == "1",
                    cut: cut.parse().map_err(|_| bad())?,
                    append: append.to_string(),
                }),
                ["E", tag, form, lemma] => {
                    let tag: Upos = tag.parse().map_err(|_| bad())?;
                    exact.push((tag, form.to_string(), lemma.to_string()));
                }
                [kind @ ("T" | "S"), tag, form, rule] => {
                    let tag: Upos = tag.parse().map_err(|_| bad())?;
                    let rule: u32 = rule.parse().map_err(|_| bad())?;
                    if rule as usize >= rules.len() {
                        return Err(bad());
                    }
                    let list = if kind == "T" {
                        &mut table
                    } else {
                        &mut suffixes
                    };
                    list.push((tag, form.to_string(), rule));
                }
                _ => return Err(bad()),
            }
        }
        Ok(Lemmatizer::from_ids(rules, table, suffixes).with_exact(exact))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_learn_and_apply() {
        let r = Rule::learn("Studies", "study");
        assert_eq!(
            r,
            Rule {
                lower: true,
                cut: 3,
                append: "y".into()
            }
        );
        assert_eq!(r.apply("Ladies").as_deref(), Some("lady"));
        let keep = Rule::learn("Oslo", "Oslo");
        assert!(!keep.lower && keep.cut == 0);
        assert_eq!(Rule::learn("The", "the").apply("A").as_deref(), Some("a"));
        assert_eq!(
            Rule::learn("went", "go").apply("went").as_deref(),
            Some("go")
        );
        assert_eq!(
            Rule::learn("größer", "groß").apply("größer").as_deref(),
            Some("groß")
        );
        assert_eq!(Rule::learn("cats", "cat").apply("s"), None);
    }

    #[test]
    fn exceptions_then_suffixes_then_the_form() {
        let lem = Lemmatizer::new(
            vec![(Upos::Verb, "went".into(), Rule::learn("went", "go"))],
            vec![
                (Upos::Noun, "s".into(), Rule::learn("cats", "cat")),
                (Upos::Noun, "ies".into(), Rule::learn("flies", "fly")),
                (Upos::Noun, "ss".into(), Rule::learn("glass", "glass")),
            ],
        );
        assert_eq!(lem.lemmatize("Went", Upos::Verb), "go");
        assert_eq!(lem.lemmatize("Dogs", Upos::Noun), "dog");
        assert_eq!(lem.lemmatize("ponies", Upos::Noun), "pony");
        assert_eq!(lem.lemmatize("boss", Upos::Noun), "boss");
        assert_eq!(lem.lemmatize("Bergen", Upos::Propn), "Bergen");
        assert_eq!(lem.lemmatize("Quickly", Upos::Adv), "quickly");
        let lem = lem.with_exact(vec![(Upos::Pron, "i".into(), "I".into())]);
        assert_eq!(lem.lemmatize("i", Upos::Pron), "I");
        assert_eq!(lem.lemmatize("i", Upos::Noun), "i");
        let back = Lemmatizer::from_bytes(&lem.to_bytes()).expect("round trip");
        assert_eq!(back.sizes(), lem.sizes());
        assert_eq!(back.lemmatize("ponies", Upos::Noun), "pony");
        assert_eq!(back.lemmatize("i", Upos::Pron), "I");
        assert!(Lemmatizer::from_bytes(b"KGLEM\x01xx").is_err());
        assert!(Lemmatizer::from_bytes(b"").is_err());
    }
}
