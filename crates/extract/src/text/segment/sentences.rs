//! Sentence splitter over the tokens: final punctuation, abbreviations and line structure.

use super::chars::{is_closing, is_terminal};
use super::tables::{self, AbbrevClass};
use super::tokens::TokInfo;
use super::{MAX_SENTENCE_TOKENS, Sentence, Token};

/// Tokens that, ending a line, say the text goes on (a wrapped line, not a headline).
const CONTINUES: [&str; 9] = [",", ";", "(", "[", "-", "&", "/", "\u{201C}", "\u{2018}"];

/// Tokens that start list items.
const BULLETS: [&str; 8] = [
    "\u{2022}", "*", "-", "\u{2013}", "\u{2014}", "\u{00B7}", "\u{25BA}", "\u{25AA}",
];

/// Tokens that open a quotation at the start of a line.
const OPENING_QUOTES: [&str; 3] = ["\u{201C}", "\u{2018}", "\u{00AB}"];

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    info: &'a [TokInfo],
}

impl Splitter<'_> {
    fn word(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    fn first_char(&self, k: usize) -> Option<char> {
        self.word(k).chars().next()
    }

    /// `.`, `!`, `?`, `...`, `?!`, `…`
    fn is_terminal(&self, k: usize) -> bool {
        let w = self.word(k);
        !w.is_empty() && w.chars().all(is_terminal)
    }

    /// A closing quote or bracket (a straight quote closes when glued to the previous token).
    fn is_closer(&self, k: usize) -> bool {
        let w = self.word(k);
        let mut chars = w.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                is_closing(c) || (matches!(c, '"' | '\'') && !self.info[k].space_before)
            }
            _ => false,
        }
    }

    /// The last of the closers following token `i` on the same line.
    fn absorb_closers(&self, i: usize) -> usize {
        let mut last = i;
        while last + 1 < self.tokens.len()
            && self.info[last + 1].newlines == 0
            && self.is_closer(last + 1)
        {
            last += 1;
        }
        last
    }

    /// Whether token `k` can start a sentence after final punctuation.
    fn can_open(&self, k: usize) -> bool {
        match self.first_char(k) {
            Some(c) if c.is_lowercase() => false,
            Some(',' | ';' | ':' | '%' | ')' | ']' | '}') => false,
            Some(_) => !self.is_closer(k),
            None => false,
        }
    }

    /// Whether token `k`, first on its line, starts a new sentence after a line without final
    /// punctuation: a capitalised word, a bullet or an opening quote.
    fn starts_line(&self, k: usize) -> bool {
        let w = self.word(k);
        self.first_char(k).is_some_and(char::is_uppercase)
            || BULLETS.contains(&w)
            || OPENING_QUOTES.contains(&w)
    }

    /// If a sentence may end at token `i`, the last token of that sentence and whether it does.
    fn boundary_after(&self, i: usize) -> (usize, bool) {
        let n = self.tokens.len();
        let next_line = |k: usize| k < n && self.info[k].newlines >= 1;
        if self.is_terminal(i) {
            let last = self.absorb_closers(i);
            let k = last + 1;
            return (last, k < n && (next_line(k) || self.can_open(k)));
        }
        match self.info[i].abbrev {
            Some(AbbrevClass::Title | AbbrevClass::Num) => return (i, false),
            Some(AbbrevClass::End) => {
                let last = self.absorb_closers(i);
                let k = last + 1;
                let brk = k < n
                    && ((next_line(k) && self.starts_line(k)) || tables::is_starter(self.word(k)));
                return (last, brk);
            }
            None => {}
        }
        let k = i + 1;
        let brk = k < n
            && self.info[k].newlines == 1
            && !CONTINUES.contains(&self.word(i))
            && self.starts_line(k);
        (i, brk)
    }
}

/// Groups tokens into sentences.
pub(super) fn split(text: &str, tokens: &[Token], info: &[TokInfo]) -> Vec<Sentence> {
    let sp = Splitter { text, tokens, info };
    let n = tokens.len().min(info.len());
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let (last, brk) = sp.boundary_after(i);
        let k = last + 1;
        if brk || k >= n || info[k].newlines >= 2 || k - start >= MAX_SENTENCE_TOKENS {
            out.push(Sentence {
                start: tokens[start].start,
                end: tokens[last].end,
                tokens: start..k,
            });
            start = k;
        }
        i = k;
    }
    out
}
