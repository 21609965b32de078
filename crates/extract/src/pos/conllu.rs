//! Minimal CoNLL-U reader: word forms, UPOS tags and `SpaceAfter=No`, one sentence at a time.
//! Multiword-token lines (`1-2`) and empty nodes (`1.1`) are skipped.

use super::Upos;

/// One tagged sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TaggedSentence {
    pub words: Vec<String>,
    pub tags: Vec<Upos>,
    /// Whether a space follows each word in the original text.
    pub space_after: Vec<bool>,
}

/// A malformed line: 1-based line number and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ParseError {
    pub line: usize,
    pub message: String,
}

/// Parses a whole CoNLL-U document.
pub(crate) fn parse(text: &str) -> Result<Vec<TaggedSentence>, ParseError> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |message: String| ParseError {
            line: n + 1,
            message,
        };
        if cols.len() != 10 {
            return Err(err(format!("expected 10 columns, found {}", cols.len())));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let tag: Upos = cols[3].parse().map_err(|e| err(format!("{e}")))?;
        cur.words.push(cols[1].to_string());
        cur.tags.push(tag);
        cur.space_after
            .push(!cols[9].split('|').any(|m| m == "SpaceAfter=No"));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// A copy of `s` where hyphenated compounds split by the treebank (`anti - ship`, written without
/// spaces) are single words tagged like their last part, as the segmenter tokenises them.
/// Returns `None` when the sentence has no such compound.
pub(crate) fn merge_hyphens(s: &TaggedSentence) -> Option<TaggedSentence> {
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
