//! UD trees (English EWT, GUM) for the parser and the lemmatiser, read with the crate's one
//! CoNLL-U reader (`corpus::conllu`): forms, lemmas, UPOS, heads and relations of the syntactic
//! words (multi-word token lines and empty nodes skipped).

use std::path::Path;

use kg_extract::pos::Upos;

use super::conllu::{Item, items};
use super::uner::Split;
use crate::Error;

/// One sentence with its gold tree.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeSentence {
    /// `# sent_id`, if given.
    pub id: Option<String>,
    /// The words.
    pub words: Vec<String>,
    /// Their lemmas.
    pub lemmas: Vec<String>,
    /// Their gold UPOS tags.
    pub tags: Vec<Upos>,
    /// Head of each word: 0 for the root, else the 1-based index of the head.
    pub heads: Vec<u32>,
    /// Relation of each word to its head (basic UD relation with its subtype).
    pub labels: Vec<String>,
}

/// Parses a CoNLL-U text into sentences with trees. Heads out of range are an error.
pub fn parse_trees(text: &str) -> Result<Vec<TreeSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = TreeSentence::default();
    let mut id: Option<String> = None;
    let mut first_line = 0usize;
    let finish = |cur: &mut TreeSentence, out: &mut Vec<TreeSentence>, line: usize| {
        if cur.words.is_empty() {
            return Ok(());
        }
        let n = cur.words.len() as u32;
        if cur.heads.iter().any(|&h| h > n) {
            return Err(Error::parse(line, "HEAD out of the sentence"));
        }
        out.push(std::mem::take(cur));
        Ok(())
    };
    for item in items(text) {
        match item.map_err(|(line, message)| Error::parse(line, message))? {
            Item::Comment(c) => {
                if let Some(v) = c.strip_prefix("sent_id =") {
                    id = Some(v.trim().to_string());
                }
            }
            Item::Word(w) => {
                if w.opens_sentence {
                    finish(&mut cur, &mut out, first_line)?;
                    cur.id = id.take();
                    first_line = w.line;
                }
                let tag: Upos = w
                    .upos
                    .parse()
                    .map_err(|e| Error::parse(w.line, format!("{e}")))?;
                cur.words.push(w.form.to_string());
                cur.lemmas.push(w.lemma.to_string());
                cur.tags.push(tag);
                cur.heads.push(w.head as u32);
                cur.labels.push(w.deprel.to_string());
            }
        }
    }
    finish(&mut cur, &mut out, first_line)?;
    Ok(out)
}

/// Reads the sentences of a CoNLL-U file.
pub fn read_trees(path: &Path) -> Result<Vec<TreeSentence>, Error> {
    let text = crate::read_text(path)?;
    parse_trees(&text).map_err(|e| e.in_file(path))
}

/// The UD EWT split `split` of `data_dir/ud-ewt`.
pub fn ewt(data_dir: &Path, split: Split) -> Result<Vec<TreeSentence>, Error> {
    let path = data_dir
        .join("ud-ewt")
        .join(format!("en_ewt-ud-{}.conllu", super::split_name(split)));
    read_trees(&path)
}

/// The GUM documents of split `split` of `data_dir/gum`, in name order.
pub fn gum(data_dir: &Path, split: Split) -> Result<Vec<TreeSentence>, Error> {
    let mut out = Vec::new();
    for (_, path) in super::gum_files(data_dir, split, false)? {
        out.extend(read_trees(&path)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_trees_and_refuses_bad_heads() {
        let text = "# sent_id = x1\n1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
                    2\twon\twin\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
                    3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
                    1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";
        let s = parse_trees(text).expect("valid");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id.as_deref(), Some("x1"));
        assert_eq!(s[0].heads, [2, 0, 2]);
        assert_eq!(s[0].labels, ["nsubj", "root", "punct"]);
        assert_eq!(s[0].lemmas[1], "win");
        assert_eq!(s[1].id, None);
        let bad = "1\tWe\twe\tPRON\tPRP\t_\t5\tnsubj\t_\t_\n";
        assert!(parse_trees(bad).is_err());
    }
}
