//! CoNLL-U reading shared by the GUM readers: comment lines and word lines with their line
//! numbers, each word knowing whether it opens a sentence. Multi-word token lines (`1-2`) and
//! empty nodes (`1.1`) are skipped: the readers work over syntactic words.

/// One word line, the columns the readers use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    pub form: &'a str,
    pub upos: &'a str,
    pub xpos: &'a str,
    /// HEAD: the 1-based index of the head word in the sentence, 0 for the root.
    pub head: usize,
    pub misc: &'a str,
    /// The first word of its sentence.
    pub opens_sentence: bool,
}

/// A comment (without its `#`, trimmed) or a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item<'a> {
    Comment(&'a str),
    Word(Word<'a>),
}

/// The comments and words of a CoNLL-U text, in order; an error is `(line, message)`.
pub(crate) fn items(text: &str) -> impl Iterator<Item = Result<Item<'_>, (usize, String)>> {
    let mut in_sentence = false;
    text.lines().enumerate().filter_map(move |(n, raw)| {
        let line = n + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            in_sentence = false;
            return None;
        }
        if let Some(comment) = raw.strip_prefix('#') {
            return Some(Ok(Item::Comment(comment.trim())));
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        if cols.len() != 10 {
            let message = format!("expected 10 columns, found {}", cols.len());
            return Some(Err((line, message)));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            return None;
        }
        let Ok(head) = cols[6].parse() else {
            return Some(Err((line, format!("bad HEAD {:?}", cols[6]))));
        };
        let opens_sentence = !in_sentence;
        in_sentence = true;
        Some(Ok(Item::Word(Word {
            line,
            form: cols[1],
            upos: cols[3],
            xpos: cols[4],
            head,
            misc: cols[9],
            opens_sentence,
        })))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_comments_and_sentence_starts() {
        let text = "# sent_id = a\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                    1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
                    2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\tX=1\n\n\
                    1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";
        let items: Vec<_> = items(text).collect::<Result<_, _>>().expect("valid");
        assert_eq!(items[0], Item::Comment("sent_id = a"));
        let words: Vec<(&str, bool, usize)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Word(w) => Some((w.form, w.opens_sentence, w.line)),
                Item::Comment(_) => None,
            })
            .collect();
        assert_eq!(words, [("do", true, 3), ("n't", false, 4), ("Hi", true, 6)]);
    }

    #[test]
    fn bad_lines_carry_their_number() {
        let text = "1\tdo\tdo\tAUX\n";
        let err = items(text).find_map(Result::err);
        assert_eq!(err.map(|e| e.0), Some(1));
        let text = "1\tdo\tdo\tAUX\tVBP\t_\tx\troot\t_\t_\n";
        let err = items(text).find_map(Result::err);
        assert_eq!(err, Some((1, "bad HEAD \"x\"".to_string())));
    }
}
