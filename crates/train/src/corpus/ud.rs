//! UD sentences with their UPOS tags (English EWT, for the POS tagger), read with the crate's
//! one CoNLL-U reader (`corpus::conllu`): word forms, UPOS tags and `SpaceAfter=No`.

use kg_extract::pos::Upos;

use super::conllu::{Item, items};
use crate::Error;

/// One tagged sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggedSentence {
    /// The words, as tokenised by the treebank.
    pub words: Vec<String>,
    /// Their UPOS tags.
    pub tags: Vec<Upos>,
    /// Whether a space follows each word in the original text.
    pub space_after: Vec<bool>,
}

/// Parses a whole CoNLL-U document into tagged sentences (multi-word token lines and empty
/// nodes skipped).
pub fn parse(text: &str) -> Result<Vec<TaggedSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    for item in items(text) {
        let Item::Word(w) = item.map_err(|(line, message)| Error::parse(line, message))? else {
            continue;
        };
        if w.opens_sentence && !cur.words.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        let tag: Upos = w
            .upos
            .parse()
            .map_err(|e| Error::parse(w.line, format!("{e}")))?;
        cur.words.push(w.form.to_string());
        cur.tags.push(tag);
        cur.space_after
            .push(!w.misc.split('|').any(|m| m == "SpaceAfter=No"));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// A copy of `s` where hyphenated compounds split by the treebank (`anti - ship`, written without
/// spaces) are single words tagged like their last part, as the segmenter tokenises them.
/// Returns `None` when the sentence has no such compound.
pub fn merge_hyphens(s: &TaggedSentence) -> Option<TaggedSentence> {
    let n = s.words.len();
    let joined = |i: usize| {
        i + 2 < n
            && s.words[i + 1] == "-"
            && !s.space_after[i]
            && !s.space_after[i + 1]
            && s.words[i].chars().any(char::is_alphanumeric)
            && s.words[i + 2].chars().any(char::is_alphanumeric)
    };
    if !(0..n).any(joined) {
        return None;
    }
    let mut out = TaggedSentence::default();
    let mut i = 0;
    while i < n {
        let mut word = s.words[i].clone();
        let mut tag = s.tags[i];
        let mut space = s.space_after[i];
        while joined(i) {
            word.push('-');
            word.push_str(&s.words[i + 2]);
            tag = s.tags[i + 2];
            space = s.space_after[i + 2];
            i += 2;
        }
        out.words.push(word);
        out.tags.push(tag);
        out.space_after.push(space);
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# sent_id = 1\n# text = Pro-Iraq forces can't.\n\
1\tPro\tpro\tADJ\tJJ\t_\t3\tamod\t_\tSpaceAfter=No\n\
2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n\
3\tIraq\tIraq\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n\
4\tforces\tforce\tNOUN\tNNS\t_\t0\troot\t_\t_\n\
5-6\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
5\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n\
6\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
6.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n\
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn parses_and_merges() {
        let s = parse(DOC).expect("parse");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, ["Pro", "-", "Iraq", "forces", "ca", "n't", "."]);
        assert_eq!(s[0].tags[5], Upos::Part);
        let m = merge_hyphens(&s[0]).expect("has a compound");
        assert_eq!(m.words, ["Pro-Iraq", "forces", "ca", "n't", "."]);
        assert_eq!(m.tags[0], Upos::Propn);
        assert!(parse("1\tx\n").is_err());
        assert!(parse("1\tx\tx\tFOO\t_\t_\t_\t_\t_\t_\n").is_err());
    }
}
