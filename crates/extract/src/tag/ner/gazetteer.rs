//! Gazetteer membership of the tokens of a sentence, from the pipeline's [`Lexicon`] (countries,
//! cities, demonyms, given names, titles, honorifics, organisation suffixes) and the NER list
//! of regions (`data/lexicons/ner_regions.txt`: states, provinces, continents, seas), and organisation
//! names (`data/lexicons/organizations.txt` and the lexicon's companies: outlets, agencies, parties,
//! universities, teams, well-known companies; matched ignoring case). Place and organisation
//! names may span several tokens; each token gets its position in the longest match. Lower-case
//! words (web text: "kerala", "mexico") are looked up in title case too.

use std::collections::HashMap;

use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::perceptron::{FeatureHasher, IdBuildHasher};
use crate::pos::Upos;

/// The lexicon files the NER features read (through [`Lexicon`]): a model's manifest records
/// their hashes, and a model is loaded only with the files it was trained with.
pub const LEXICON_FILES: &[&str] = &[
    "countries.tsv",
    "country_extra.tsv",
    "capital_extra.tsv",
    "cities.tsv",
    "given_names.tsv",
    "honorifics.txt",
    "title_words.txt",
    "org_suffixes.txt",
    "companies.txt",
    "organizations.txt",
    "ner_regions.txt",
];

/// Gazetteer flags of one token (bit set; see the constants).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Gaz(pub(crate) u32);

// Multi-token matches take 4 bits: unit, begin, inside, last.
const COUNTRY: u32 = 0;
const CITY: u32 = 4;
const REGION: u32 = 8;
const DEMONYM: u32 = 1 << 12;
const GIVEN: u32 = 1 << 13;
const TITLE: u32 = 1 << 14;
const HONORIFIC: u32 = 1 << 15;
const ORG_SUFFIX: u32 = 1 << 16;
const COMPANY_SUFFIX: u32 = 1 << 17;
const ORG_NAME: u32 = 18;

/// Longest phrase looked up, in tokens.
const MAX_PHRASE: usize = 5;
/// Longest phrase looked up when it starts with a lower-case word.
const MAX_LOWER_PHRASE: usize = 3;

impl Gaz {
    /// Whether the token is (part of) a known country, city or region.
    pub(crate) fn is_place(self) -> bool {
        self.0 & ((1 << (REGION + 4)) - 1) != 0
    }

    /// The indices of the set bits, each a feature value.
    pub(crate) fn features(self) -> impl Iterator<Item = u64> {
        let bits = self.0;
        (0..32u64).filter(move |b| bits & (1 << b) != 0)
    }
}

/// Position bit of a token in a match of `len` tokens starting `k` tokens before it.
fn position_bit(base: u32, k: usize, len: usize) -> u32 {
    let p = if len == 1 {
        0
    } else if k == 0 {
        1
    } else if k + 1 == len {
        3
    } else {
        2
    };
    1 << (base + p)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "and" | "the" | "de" | "-" | "&")
}

/// Lower-case words worth looking up in title case: nouns, proper nouns, adjectives.
fn lower_candidate(w: &str, pos: u8) -> bool {
    w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && [Upos::Noun, Upos::Propn, Upos::Adj, Upos::X]
            .iter()
            .any(|t| t.index() == usize::from(pos))
}

/// Appends `w` to `out` with its first char in upper case.
fn push_title(out: &mut String, w: &str) {
    let mut chars = w.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// Entries kept in the lookup memo before it is cleared.
const MEMO_LIMIT: usize = 1 << 17;

// Place-phrase memo values.
const IS_COUNTRY: u32 = 1;
const IS_CITY: u32 = 2;
const IS_REGION: u32 = 4;

/// Reusable buffers for [`Scratch::annotate`], and a memo of lexicon answers (words repeat, and
/// the lexicon's string maps cost far more than one probe of a map keyed by a hash).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    flags: Vec<Gaz>,
    phrase: String,
    titled: String,
    memo: HashMap<u64, u32, IdBuildHasher>,
    /// The lexicon whose answers the memo holds ([`Lexicon::id`]).
    lexicon: u64,
}

impl Scratch {
    /// Flags of every token of `words` (with UPOS ids `pos` and the [`lower_hash`] of each
    /// word, `lower`).
    pub(crate) fn annotate(
        &mut self,
        lex: &Lexicon,
        words: &[&str],
        pos: &[u8],
        lower: &[u64],
    ) -> &[Gaz] {
        if self.lexicon != lex.id() {
            self.memo.clear();
            self.lexicon = lex.id();
        }
        self.flags.clear();
        self.flags.resize(words.len(), Gaz(0));
        let orgs = lex.org_names();
        let mut i = 0;
        while i < lower.len().min(words.len()) {
            let len = orgs.longest_at(lower, i);
            for k in 0..len {
                self.flags[i + k].0 |= position_bit(ORG_NAME, k, len);
            }
            i += len.max(1);
        }
        for (i, w) in words.iter().enumerate() {
            let upper = starts_upper(w);
            let lower = !upper && lower_candidate(w, pos.get(i).copied().unwrap_or(u8::MAX));
            if !upper && !lower {
                continue;
            }
            let key = FeatureHasher::new(1).str(w).finish();
            let bits = match self.memo.get(&key) {
                Some(&b) => b,
                None => {
                    let b = self.word_bits(lex, w);
                    self.remember(key, b);
                    b
                }
            };
            self.flags[i].0 |= bits;
            self.match_places(lex, words, i, upper);
        }
        &self.flags
    }

    /// Gazetteer bits of one word (not its place-name matches).
    fn word_bits(&mut self, lex: &Lexicon, w: &str) -> u32 {
        let mut bits = 0u32;
        self.titled.clear();
        push_title(&mut self.titled, w);
        let form = self.titled.as_str();
        if lex.demonym(form).is_some() {
            bits |= DEMONYM;
        }
        if lex.given_name_exact(form) > 0 {
            bits |= GIVEN;
        }
        if lex.honorific(w) {
            bits |= HONORIFIC;
        }
        if lex.title_word(w) {
            bits |= TITLE;
        }
        match lex.org_suffix(w) {
            Some(EntityType::Company) => bits |= COMPANY_SUFFIX,
            Some(_) => bits |= ORG_SUFFIX,
            None => {}
        }
        bits
    }

    fn remember(&mut self, key: u64, value: u32) {
        if self.memo.len() >= MEMO_LIMIT {
            self.memo.clear();
        }
        self.memo.insert(key, value);
    }

    /// Which place lists hold the phrase (as written, and in title case for cities and
    /// regions).
    fn place_bits(&mut self, lex: &Lexicon) -> u32 {
        let key = FeatureHasher::new(2)
            .str(&self.phrase)
            .str(&self.titled)
            .finish();
        if let Some(&b) = self.memo.get(&key) {
            return b;
        }
        let mut b = 0;
        if lex.country(&self.phrase).is_some() {
            b |= IS_COUNTRY;
        }
        if lex.city_exact(&self.titled).is_some() {
            b |= IS_CITY;
        }
        if lex.ner_region(&self.titled) {
            b |= IS_REGION;
        }
        self.remember(key, b);
        b
    }

    /// Marks the longest country, city and region name starting at token `i`.
    fn match_places(&mut self, lex: &Lexicon, words: &[&str], i: usize, upper: bool) {
        let (mut country, mut city, mut region) = (0usize, 0usize, 0usize);
        let max = if upper { MAX_PHRASE } else { MAX_LOWER_PHRASE };
        self.phrase.clear();
        self.titled.clear();
        for (k, w) in words[i..].iter().take(max).enumerate() {
            let name_word = if upper {
                starts_upper(w)
            } else {
                w.bytes().all(|b| b.is_ascii_lowercase())
            };
            if k > 0 {
                if !(name_word || is_connector(w)) {
                    break;
                }
                self.phrase.push(' ');
                self.titled.push(' ');
            }
            self.phrase.push_str(w);
            if upper || is_connector(w) {
                self.titled.push_str(w);
            } else {
                push_title(&mut self.titled, w);
            }
            if !name_word || (k > 0 && is_connector(w)) {
                continue;
            }
            let b = self.place_bits(lex);
            if b & IS_COUNTRY != 0 {
                country = k + 1;
            }
            if b & IS_CITY != 0 {
                city = k + 1;
            }
            if b & IS_REGION != 0 {
                region = k + 1;
            }
        }
        for (base, len) in [(COUNTRY, country), (CITY, city), (REGION, region)] {
            for k in 0..len {
                self.flags[i + k].0 |= position_bit(base, k, len);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lower_hash;
    use crate::lexicon::org_names::name_tokens;

    fn lowers(words: &[&str]) -> Vec<u64> {
        words
            .iter()
            .map(|w| lower_hash(&w.to_lowercase()))
            .collect()
    }

    #[test]
    fn matches_organisation_names_longest_first_ignoring_case() {
        let words = [
            "the",
            "world",
            "health",
            "organization",
            "and",
            "Coca",
            "-",
            "Cola",
            "at",
            "McDonald",
            "'s",
            ".",
        ];
        let pos = [0u8; 12];
        let mut s = Scratch::default();
        let g = s
            .annotate(
                crate::Pipeline::embedded().lexicon(),
                &words,
                &pos,
                &lowers(&words),
            )
            .to_vec();
        let org = |i: usize| g[i].0 >> ORG_NAME & 0xF;
        assert_eq!(org(0), 0);
        assert_eq!(org(1), 0b10);
        assert_eq!(org(2), 0b100);
        assert_eq!(org(3), 0b1000);
        assert_eq!(org(4), 0);
        assert_eq!((org(5), org(6), org(7)), (0b10, 0b100, 0b1000));
        assert_eq!((org(9), org(10)), (0b10, 0b1000));
        assert_eq!(org(8), 0);
        assert_eq!(
            name_tokens("Coca-Cola", true),
            ["coca", "-", "cola"].map(String::from)
        );
        assert_eq!(
            name_tokens("Yahoo!", false),
            ["yahoo", "!"].map(String::from)
        );
    }

    #[test]
    fn flags_places_names_titles_and_suffixes() {
        let words = [
            "President",
            "Anna",
            "Berg",
            "of",
            "Acme",
            "Airlines",
            "flew",
            "to",
            "New",
            "Zealand",
            "and",
            "Munich",
            "in",
            "Bavaria",
            ".",
        ];
        let pos = [11u8; 15];
        let mut s = Scratch::default();
        let g = s
            .annotate(
                crate::Pipeline::embedded().lexicon(),
                &words,
                &pos,
                &lowers(&words),
            )
            .to_vec();
        assert_ne!(g[0].0 & TITLE, 0);
        assert_ne!(g[1].0 & GIVEN, 0);
        assert_ne!(g[5].0 & COMPANY_SUFFIX, 0);
        assert_eq!(g[8].0 & 0xF, position_bit(COUNTRY, 0, 2));
        assert_eq!(g[9].0 & 0xF, position_bit(COUNTRY, 1, 2));
        assert_eq!(g[11].0 & 0xF0, position_bit(CITY, 0, 1));
        assert_eq!(g[13].0 & 0xF00, position_bit(REGION, 0, 1));
        assert_eq!(g[6], Gaz(0));
    }

    #[test]
    fn looks_up_lower_case_places_in_title_case() {
        let words = ["moving", "from", "san", "francisco", "to", "kerala", "soon"];
        let noun = Upos::Noun.index() as u8;
        let pos = [15, 1, noun, noun, 1, noun, 2];
        let mut s = Scratch::default();
        let g = s
            .annotate(
                crate::Pipeline::embedded().lexicon(),
                &words,
                &pos,
                &lowers(&words),
            )
            .to_vec();
        assert_eq!(g[2].0 & 0xF0, position_bit(CITY, 0, 2));
        assert_eq!(g[3].0 & 0xF0, position_bit(CITY, 1, 2));
        assert_eq!(g[5].0 & 0xF00, position_bit(REGION, 0, 1));
        assert_eq!(g[0], Gaz(0));
    }
}
