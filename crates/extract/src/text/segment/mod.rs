//! Sentence and token segmentation of English news text.
//!
//! Tokens follow UD English EWT conventions so that the statistical taggers see familiar input:
//! punctuation and quotes are separate tokens, possessive `'s` and the clitics `n't`, `'re`,
//! `'ve`, `'ll`, `'d`, `'m` are split off (`do` `n't`, `Vietnam` `’s`), currency symbols are
//! separate (`US$` `8`, `$` `10`), as is `%`. Hyphenated words (`anti-ship`, `US-Vietnam`),
//! numbers (`1,200`, `3.5`), abbreviations and initials with their period (`Mr.`, `U.S.`,
//! `J.`), URLs and e-mail addresses stay whole.
//!
//! Sentences end at `.`, `!`, `?` or an ellipsis (plus any closing quotes or brackets) unless
//! the next word is lowercase; after an abbreviation that may end a sentence (`Inc.`, `U.S.`)
//! only when the next word is a common sentence opener. Line structure counts too: a blank line
//! always ends a sentence, and so does a line break after a line without final punctuation when
//! the next line starts with a capital (headlines, datelines, lists).
//!
//! All offsets are byte offsets into the input. Segmentation never panics and runs in linear
//! time; a run of more than [`MAX_SENTENCE_TOKENS`] tokens without a boundary is cut.
//!
//! ```
//! use kg_extract::segment::segment;
//! let text = "Mr. Smith paid US$8 billion. Shares rose 5%.";
//! let seg = segment(text);
//! let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(words, ["Mr.", "Smith", "paid", "US$", "8", "billion", ".", "Shares", "rose", "5", "%", "."]);
//! assert_eq!(seg.sentences.len(), 2);
//! assert_eq!(seg.sentences[1].text(text), "Shares rose 5%.");
//! ```

mod chars;
mod sentences;
mod tables;
mod tokens;

#[cfg(test)]
mod tests;

use std::ops::Range;

/// Longest sentence, in tokens: a longer run without a boundary is cut into pieces this long.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// One token: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text (empty if the offsets do not fit `text`).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the token is empty (never the case for tokens made by [`segment`]).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// One sentence: a byte range of the text and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte offset of the first token's start.
    pub start: usize,
    /// Byte offset of the last token's end.
    pub end: usize,
    /// Indexes into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
}

impl Sentence {
    /// The sentence's text (empty if the offsets do not fit `text`).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Tokens and sentences of a text. Every token belongs to exactly one sentence, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// All tokens, in text order.
    pub tokens: Vec<Token>,
    /// All sentences, in text order.
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// The token texts of a sentence.
    pub fn sentence_words<'a>(&self, text: &'a str, sentence: &Sentence) -> Vec<&'a str> {
        self.sentence_tokens(sentence)
            .iter()
            .map(|t| t.text(text))
            .collect()
    }
}

/// Splits `text` into tokens and sentences.
pub fn segment(text: &str) -> Segmentation {
    let (tokens, info) = tokens::tokenize(text);
    let sentences = sentences::split(text, &tokens, &info);
    Segmentation { tokens, sentences }
}
