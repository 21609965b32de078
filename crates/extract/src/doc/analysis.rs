//! The analysed text every later step reads: sentences of tokens with their part-of-speech tags,
//! restricted to the article (cruft removed), with byte offsets into the original text.

use crate::clean::Cleaned;
use crate::lexicon::Lexicon;
use crate::pos::{Tagger, Upos};
use crate::segment::segment;
use crate::text::charmap::CharMap;

/// One token of a sentence.
#[derive(Clone, Debug)]
pub struct Tok<'t> {
    pub text: &'t str,
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub tag: Upos,
}

impl Tok<'_> {
    /// Starts with an upper-case letter.
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Lower-case form.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// Whether the token is this word, ignoring case.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
}

/// One sentence of the article.
#[derive(Clone, Debug)]
pub struct Sent<'t> {
    /// Index into [`Analysis::sents`] and `Extraction::sentences`.
    pub index: usize,
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub toks: Vec<Tok<'t>>,
}

impl<'t> Sent<'t> {
    /// Text of tokens `from..to`, as written (original spacing, line breaks folded).
    pub fn span_text(&self, text: &'t str, from: usize, to: usize) -> String {
        if from >= to || to > self.toks.len() {
            return String::new();
        }
        let raw = &text[self.toks[from].start..self.toks[to - 1].end];
        if raw.contains(['\n', '\r', '\t']) || raw.contains("  ") {
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            raw.to_string()
        }
    }
}

/// A document cut into tagged sentences.
#[derive(Debug)]
pub struct Analysis<'t> {
    /// The lexicon of the pipeline that made it, for every later step.
    pub lex: &'t Lexicon,
    pub text: &'t str,
    pub sents: Vec<Sent<'t>>,
    pub chars: CharMap,
}

impl<'t> Analysis<'t> {
    /// Segments the kept parts of `text` and tags them with `tagger`.
    pub fn new(
        lex: &'t Lexicon,
        tagger: &Tagger,
        text: &'t str,
        cleaned: &Cleaned,
    ) -> Analysis<'t> {
        let mut sents = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for range in &cleaned.keep {
            let part = &text[range.clone()];
            let seg = segment(part);
            for sentence in &seg.sentences {
                let toks = &seg.tokens[sentence.tokens.clone()];
                if toks.is_empty() {
                    continue;
                }
                words.clear();
                words.extend(toks.iter().map(|t| &part[t.start..t.end]));
                let tags = tagger.tag(&words);
                let toks: Vec<Tok<'t>> = toks
                    .iter()
                    .zip(tags)
                    .map(|(t, tag)| Tok {
                        text: &text[range.start + t.start..range.start + t.end],
                        start: range.start + t.start,
                        end: range.start + t.end,
                        tag,
                    })
                    .collect();
                sents.push(Sent {
                    index: sents.len(),
                    start: range.start + sentence.start,
                    end: range.start + sentence.end,
                    toks,
                });
            }
        }
        Analysis {
            lex,
            text,
            sents,
            chars: CharMap::new(text),
        }
    }

    /// Char offset of a byte offset.
    pub fn ch(&self, byte: usize) -> usize {
        self.chars.char_at(byte)
    }

    /// The sentence text, white space folded.
    pub fn sentence_text(&self, sent: usize) -> String {
        let s = &self.sents[sent];
        self.text[s.start..s.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}
