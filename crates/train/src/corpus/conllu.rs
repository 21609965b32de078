//! CoNLL-U reading shared by the GUM readers: comment lines and word lines with their line
//! numbers, each word knowing whether it opens a sentence. Multi-word token lines (`1-2`) and
//! empty nodes (`1.1`) are skipped: the readers work over syntactic words.

/// One word line, the columns the readers use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    pub form: &'a str,
    pub lemma: &'a str,
    pub upos: &'a str,
    pub xpos: &'a str,
    /// HEAD: the 1-based index of the head word in the sentence, 0 for the root.
    pub head: usize,
    /// DEPREL.
    pub deprel: &'a str,
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
            lemma: cols[2],
            upos: cols[3],
            xpos: cols[4],
            head,
            deprel: cols[7],
            misc: cols[9],
            opens_sentence,
        })))
    })
}

/// A mention read from GUM's CorefUD `Entity=` brackets: words `start..end` (indices in the
/// reader's word list, end exclusive), its cluster id, entity type and identity (the
/// Wikipedia title, from the `identity` field on; `None` when absent or `_`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EntityBracket {
    pub start: usize,
    pub end: usize,
    pub cluster: String,
    pub kind: String,
    pub identity: Option<String>,
}

/// Positions of the type and identity fields in an entity bracket, from
/// `# global.Entity = ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EntityFields {
    kind: usize,
    identity: Option<usize>,
}

impl EntityFields {
    /// Reads a field list such as `GRP-etype-infstat-...-identity`.
    pub fn from_spec(spec: &str) -> Self {
        let names: Vec<&str> = spec.split('-').collect();
        EntityFields {
            kind: names.iter().position(|n| *n == "etype").unwrap_or(1),
            identity: names.iter().position(|n| *n == "identity"),
        }
    }
}

impl Default for EntityFields {
    fn default() -> Self {
        EntityFields::from_spec("GRP-etype-infstat-salience-centering-minspan-link-identity")
    }
}

/// Parses one `Entity=` value at word `index`: `(` + fields opens a mention (closed at once by
/// a `)` right after the fields), `<id>)` closes the innermost open mention with that id.
/// Finished mentions go to `done`; an error says what is malformed.
pub(crate) fn parse_entity_brackets(
    value: &str,
    index: usize,
    fields: EntityFields,
    open: &mut Vec<EntityBracket>,
    done: &mut Vec<EntityBracket>,
) -> Result<(), String> {
    let mut rest = value;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('(') {
            let stop = after.find(['(', ')']).unwrap_or(after.len());
            let spec: Vec<&str> = after[..stop].split('-').collect();
            let cluster = spec[0].to_string();
            if cluster.is_empty() {
                return Err(format!("entity bracket without an id in {value:?}"));
            }
            // A title with a `-` in it would span several fields: keep them all.
            let identity = fields
                .identity
                .filter(|&i| i < spec.len())
                .map(|i| spec[i..].join("-"))
                .filter(|s| !s.is_empty() && s != "_");
            let bracket = EntityBracket {
                start: index,
                end: index + 1,
                cluster,
                kind: spec.get(fields.kind).copied().unwrap_or("").to_string(),
                identity,
            };
            if after[stop..].starts_with(')') {
                done.push(bracket);
                rest = &after[stop + 1..];
            } else {
                open.push(bracket);
                rest = &after[stop..];
            }
        } else {
            let stop = rest
                .find(')')
                .ok_or_else(|| format!("unterminated entity bracket in {value:?}"))?;
            let id = &rest[..stop];
            let pos = open
                .iter()
                .rposition(|b| b.cluster == id)
                .ok_or_else(|| format!("closing bracket for unopened entity {id:?}"))?;
            let mut bracket = open.remove(pos);
            bracket.end = index + 1;
            done.push(bracket);
            rest = &rest[stop + 1..];
        }
    }
    Ok(())
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
