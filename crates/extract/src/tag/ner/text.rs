//! The whole text path: raw text -> segmentation -> POS -> NER -> char-offset mentions.

use crate::lexicon::Lexicon;
use crate::pos::Tagger;
use crate::segment;

use super::{NerLabel, Recognizer};

const DOCUMENT_CONSISTENCY: bool = true;

/// An entity found in a text, in chars (Unicode code points) of the text, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextSpan {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Entity type.
    pub label: NerLabel,
    /// Confidence, as in [`super::Span::score`].
    pub score: f32,
}

/// Converts increasing byte offsets of a text into char offsets in one pass.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharCursor<'_> {
    fn char_at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self
            .text
            .get(self.byte..byte)
            .map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars
    }
}

impl Recognizer {
    /// Segments `text`, tags it with `tagger` and finds its mentions with this recognizer,
    /// whose features read `lex`. Offsets are chars of `text`.
    pub fn recognize_text(&self, lex: &Lexicon, tagger: &Tagger, text: &str) -> Vec<TextSpan> {
        let seg = segment::segment(text);
        let mut cursor = CharCursor {
            text,
            byte: 0,
            chars: 0,
        };
        let mut sentences: Vec<Vec<&str>> = Vec::with_capacity(seg.sentences.len());
        let mut tags = Vec::with_capacity(seg.sentences.len());
        let mut token_ranges = Vec::with_capacity(seg.sentences.len());
        for sent in &seg.sentences {
            let Some(tokens) = seg.tokens.get(sent.tokens.clone()) else {
                continue;
            };
            let words: Vec<&str> = tokens
                .iter()
                .map(|t| text.get(t.start..t.end).unwrap_or(""))
                .collect();
            tags.push(tagger.tag(&words));
            sentences.push(words);
            token_ranges.push(tokens);
        }
        let mut spans = self.recognize_sentences(lex, &sentences, &tags);
        if DOCUMENT_CONSISTENCY {
            super::document::reconcile(&sentences, &mut spans);
        }
        let mut out = Vec::new();
        for (tokens, found) in token_ranges.iter().zip(&spans) {
            for span in found {
                let (Some(first), Some(last)) = (tokens.get(span.start), tokens.get(span.end - 1))
                else {
                    continue;
                };
                let start = cursor.char_at(first.start);
                let end = cursor.char_at(last.end);
                out.push(TextSpan {
                    start,
                    end,
                    label: span.label,
                    score: span.score,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_cursor_counts_multibyte_chars() {
        let text = "Zoë met Ana in Köln.";
        let mut c = CharCursor {
            text,
            byte: 0,
            chars: 0,
        };
        let koln = text.find("Köln").expect("present");
        assert_eq!(c.char_at(koln), 15);
        assert_eq!(c.char_at(koln + "Köln".len()), 19);
        // Going back restarts the count.
        assert_eq!(c.char_at(4), 3);
        assert_eq!(c.char_at(1000), text.chars().count());
    }
}
