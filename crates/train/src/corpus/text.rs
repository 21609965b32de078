//! The text a corpus sentence was written as, and its tokens placed on it.
//!
//! UD CoNLL-U files (UD English EWT, GUM) keep each sentence's original text in a `# text =`
//! comment. The NER corpora are tokenised (UNER follows UD's syntactic words: `did` `n't` for
//! the written `didn't`), so to score on text as users write it each token is aligned to the
//! original sentence: walk the text, skip whitespace, match the token's characters. A token that
//! does not match there (a corpus whose tokens differ from the text, as UNER and UD versions
//! sometimes do) is left unaligned; the next tokens are looked for further on.

use std::collections::HashMap;

use super::conllu::{Item, items};
use crate::Error;

/// How a tokenised corpus document is turned into text to score on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextForm {
    /// The tokens of a sentence joined by single spaces, the sentences of a document by `\n`.
    #[default]
    Tokens,
    /// Each sentence's original text, one sentence per line.
    Lines,
    /// The original sentence texts of a document joined by single spaces: one paragraph.
    Running,
}

impl TextForm {
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            TextForm::Tokens => "tokens",
            TextForm::Lines => "lines",
            TextForm::Running => "running",
        }
    }
}

/// The original text of each sentence of a CoNLL-U file, by sentence id (`# sent_id =` and
/// `# text =` comments of the same sentence; sentences lacking either are left out).
pub fn sentence_texts(conllu: &str) -> Result<HashMap<String, String>, Error> {
    let mut out = HashMap::new();
    let (mut id, mut text): (Option<String>, Option<String>) = (None, None);
    for item in items(conllu) {
        match item.map_err(|(line, message)| Error::parse(line, message))? {
            Item::Comment(c) => {
                if let Some(v) = c.strip_prefix("sent_id =") {
                    id = Some(v.trim().to_string());
                } else if let Some(v) = c.strip_prefix("text =") {
                    text = Some(v.trim().to_string());
                }
            }
            Item::Word(w) => {
                if w.opens_sentence
                    && let (Some(id), Some(text)) = (id.take(), text.take())
                {
                    out.insert(id, text);
                }
                id = None;
                text = None;
            }
        }
    }
    Ok(out)
}

/// Places `tokens` on `text`: for each token its char range in `text` (start, end exclusive),
/// or `None` when it could not be aligned.
///
/// Each token is matched where the previous one ended, after any whitespace. When a token does
/// not match there, it is unaligned, and the following tokens are searched for further on in
/// the text until one is found (then matching resumes from it).
pub fn align(tokens: &[String], text: &str) -> Vec<Option<(usize, usize)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0usize;
    let mut lost = false;
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        let tc: Vec<char> = token.chars().collect();
        while pos < chars.len() && chars[pos].is_whitespace() {
            pos += 1;
        }
        let at = |p: usize| p + tc.len() <= chars.len() && chars[p..p + tc.len()] == tc[..];
        let found = if tc.is_empty() {
            None
        } else if at(pos) {
            Some(pos)
        } else if lost {
            (pos..chars.len()).find(|&p| at(p))
        } else {
            None
        };
        match found {
            Some(start) => {
                out.push(Some((start, start + tc.len())));
                pos = start + tc.len();
                lost = false;
            }
            None => {
                out.push(None);
                lost = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn aligns_syntactic_words_to_written_text() {
        let text = "Bo's cat  won't purr, sadly.";
        let got = align(&words("Bo 's cat wo n't purr , sadly ."), text);
        let spans: Vec<&str> = got
            .iter()
            .map(|r| {
                let (s, e) = r.expect("aligned");
                &text[s..e]
            })
            .collect();
        assert_eq!(
            spans,
            ["Bo", "'s", "cat", "wo", "n't", "purr", ",", "sadly", "."]
        );
        assert_eq!(got[2], Some((5, 8)));
        assert_eq!(got[3], Some((10, 12)));
    }

    #[test]
    fn offsets_are_in_chars() {
        let got = align(&words("Zoë met Ída"), "Zoë met Ída");
        assert_eq!(got, [Some((0, 3)), Some((4, 7)), Some((8, 11))]);
    }

    #[test]
    fn a_token_missing_from_the_text_is_unaligned_and_matching_resumes() {
        // The corpus spells a word the text does not have: `gonna` read as `going` `to`.
        let got = align(&words("Pat going to call Lu"), "Pat gonna call Lu");
        assert_eq!(
            got,
            [Some((0, 3)), None, None, Some((10, 14)), Some((15, 17))]
        );
        // Nothing left to match.
        assert_eq!(align(&words("a b"), "a"), [Some((0, 1)), None]);
    }

    #[test]
    fn reads_sentence_texts_by_id() {
        let conllu = "# sent_id = s1\n# text = Hi, Al.\n\
1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_\n\
3\tAl\tAl\tPROPN\tNNP\t_\t1\tvocative\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n\
# text = No id here.\n1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_\n\n\
# sent_id = s3\n# text = Yo\n1\tYo\tyo\tINTJ\tUH\t_\t0\troot\t_\t_\n";
        let texts = sentence_texts(conllu).expect("parses");
        assert_eq!(texts.len(), 2);
        assert_eq!(texts["s1"], "Hi, Al.");
        assert_eq!(texts["s3"], "Yo");
        assert_eq!(TextForm::default().name(), "tokens");
    }
}
