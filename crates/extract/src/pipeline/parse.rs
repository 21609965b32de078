//! Parsing text or tokens into sentences of tagged, lemmatised words with their dependency
//! tree, and writing them as CoNLL-U.

use serde::Serialize;

use crate::pos::Upos;
use crate::segment::segment;
use crate::text::charmap::CharMap;

use super::Pipeline;

/// One word of a parsed sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParsedToken {
    /// The word as written.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Its universal part of speech.
    #[serde(serialize_with = "upos_name")]
    pub upos: Upos,
    /// Its language-specific tag, when the input gave one (never predicted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub xpos: Option<String>,
    /// Its head: 0 for the root, else the 1-based index of the head word in the sentence.
    pub head: u32,
    /// Its relation to the head (UD basic relation with subtype).
    pub deprel: String,
    /// Char offset (Unicode code points) of its first character in the text.
    pub start: usize,
    /// Char offset just past its last character.
    pub end: usize,
    /// Whether white space follows it in the text.
    pub space_after: bool,
}

fn upos_name<S: serde::Serializer>(u: &Upos, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(u.as_str())
}

/// One parsed sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParsedSentence {
    /// Char offset of the sentence's first character in the text.
    pub start: usize,
    /// Char offset just past its last character.
    pub end: usize,
    /// The sentence text, white space folded to single spaces.
    pub text: String,
    /// Its words.
    pub tokens: Vec<ParsedToken>,
}

impl ParsedSentence {
    /// The sentence as a CoNLL-U block (comments `# sent_id` and `# text`, one line per word,
    /// a blank line at the end): ID, FORM, LEMMA, UPOS, XPOS (given or `_`), FEATS `_`, HEAD,
    /// DEPREL, DEPS `_`, MISC with `SpaceAfter=No` where no space follows and
    /// `TokenRange=START:END` (char offsets, end exclusive).
    pub fn to_conllu(&self, sent_id: &str) -> String {
        let clean = |s: &str| -> String {
            let s: String = s
                .chars()
                .map(|c| if c.is_whitespace() { '_' } else { c })
                .collect();
            if s.is_empty() { "_".into() } else { s }
        };
        let mut out = format!(
            "# sent_id = {}\n# text = {}\n",
            clean(sent_id),
            self.text.replace(['\n', '\r'], " ")
        );
        for (i, t) in self.tokens.iter().enumerate() {
            let mut misc = String::new();
            if !t.space_after {
                misc.push_str("SpaceAfter=No|");
            }
            misc.push_str(&format!("TokenRange={}:{}", t.start, t.end));
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}\n",
                i + 1,
                clean(&t.form),
                clean(&t.lemma),
                t.upos.as_str(),
                t.xpos.as_deref().map_or_else(|| "_".into(), clean),
                t.head,
                t.deprel,
                misc
            ));
        }
        out.push('\n');
        out
    }
}

impl Pipeline {
    /// Segments `text` into sentences and words (every line read, no cruft removed), then tags,
    /// lemmatises and parses each sentence. Offsets are chars of `text`.
    ///
    /// ```
    /// let sents = kg_extract::Pipeline::embedded().parse_text("Lena sold the boat. It sank.");
    /// assert_eq!(sents.len(), 2);
    /// let t = &sents[0].tokens;
    /// assert_eq!((t[0].form.as_str(), t[0].head, t[0].deprel.as_str()), ("Lena", 2, "nsubj"));
    /// assert_eq!((t[1].lemma.as_str(), t[1].deprel.as_str()), ("sell", "root"));
    /// ```
    pub fn parse_text(&self, text: &str) -> Vec<ParsedSentence> {
        let seg = segment(text);
        let chars = CharMap::new(text);
        let mut out = Vec::with_capacity(seg.sentences.len());
        for s in &seg.sentences {
            let toks = seg.sentence_tokens(s);
            if toks.is_empty() {
                continue;
            }
            let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
            let mut sent = self.parse_words(&words);
            for (k, (pt, t)) in sent.tokens.iter_mut().zip(toks).enumerate() {
                pt.start = chars.char_at(t.start);
                pt.end = chars.char_at(t.end);
                let next = seg.tokens.get(s.tokens.start + k + 1);
                pt.space_after = next.is_none_or(|n| n.start > t.end);
            }
            sent.start = chars.char_at(s.start);
            sent.end = chars.char_at(s.end);
            sent.text = s
                .text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push(sent);
        }
        out
    }

    /// Tags, lemmatises and parses one sentence of given words. Offsets are those of the words
    /// joined by single spaces (the sentence's `text`).
    pub fn parse_words<S: AsRef<str>>(&self, words: &[S]) -> ParsedSentence {
        let refs: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        let tags = self.tagger.tag(&refs);
        let tree = self.parser().parse(&refs, &tags);
        let lem = self.parser().lemmatizer();
        let mut tokens = Vec::with_capacity(refs.len());
        let mut at = 0usize;
        for (i, w) in refs.iter().enumerate() {
            let len = w.chars().count();
            tokens.push(ParsedToken {
                form: (*w).to_string(),
                lemma: lem.lemmatize(w, tags[i]),
                upos: tags[i],
                xpos: None,
                head: tree.heads[i],
                deprel: self.parser().label(tree.labels[i]).to_string(),
                start: at,
                end: at + len,
                space_after: true,
            });
            at += len + 1;
        }
        ParsedSentence {
            start: 0,
            end: at.saturating_sub(1),
            text: refs.join(" "),
            tokens,
        }
    }
}
