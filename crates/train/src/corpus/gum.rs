//! GUM CoNLL-U with CorefUD entity brackets -> flat NER spans.
//!
//! GUM marks every referring expression, with its full extent ("Mary Chaworth, whom he met
//! while at school"; "U.S. President Donald Trump's"). NER labels the *name* in it. A mention of
//! type `person` (PER), `organization` (ORG) or `place` (LOC) becomes a name span when:
//!
//! 1. it qualifies: its syntactic head (the first word whose head lies outside the mention) is
//!    a proper noun, or it carries a Wikipedia identity and its head is a capitalised word
//!    that is not a pronoun or common noun (pronouns and common nouns that corefer with a named
//!    entity carry the identity too, and are not names);
//! 2. the span is cut to the name around the head: the longest run of name words (proper
//!    nouns, also by XPOS; capitalised adjectives, nouns and numerals not at the sentence start) containing
//!    the head, crossing connectors such as `of`, `the`, `and`, `-`, `'s` only between name
//!    words;
//! 3. for PER, titles and honorifics before the name are cut (`President Donald Trump` ->
//!    `Donald Trump`), and a name that ends in a title (`the President`, `Malaysia's Prime
//!    Minister`), whose head is a title (`Director of the Study`) or whose head is a plural
//!    proper noun (`Afghans`) is not a person name; person names cross only particles and
//!    hyphens (`Ludwig van Beethoven`), not `of`, `and` or `'s`;
//! 4. nesting is flattened on the cut spans, keeping the outermost (first, then longest);
//!    inner mentions outside the cut span survive (`U.S.` in `U.S. President Donald Trump`).
//!
//! Multi-word token lines (`1-2`) and empty nodes (`1.1`) are skipped: spans are over words.

use kg_extract::ner::{NerLabel, TokenSpan};

use super::conllu::{EntityBracket, EntityFields, parse_entity_brackets};
use super::uner::{LabeledDoc, LabeledSentence};
use crate::Error;

fn parse_err(line: usize, message: impl Into<String>) -> Error {
    Error::parse(line, message)
}

/// One CoNLL-U word line of GUM, the columns the converter needs.
#[derive(Clone, Debug)]
struct GumWord {
    form: String,
    upos: String,
    xpos: String,
    /// Doc-level index of the syntactic head, `None` for the root.
    head: Option<usize>,
    /// First word of its sentence.
    initial: bool,
}

/// An entity mention as bracketed in GUM, over doc-level word indices.
#[derive(Clone, Debug)]
struct GumMention {
    start: usize,
    end: usize,
    kind: String,
    identity: bool,
}

/// Reads one GUM document and converts its mentions to NER spans (see the module docs).
pub fn read_gum(id: &str, text: &str) -> Result<LabeledDoc, Error> {
    let mut words: Vec<GumWord> = Vec::new();
    let mut sentence_starts: Vec<usize> = Vec::new();
    let mut mentions: Vec<GumMention> = Vec::new();
    let mut open: Vec<EntityBracket> = Vec::new();
    let mut brackets: Vec<EntityBracket> = Vec::new();
    let mut fields = EntityFields::default();
    let mut sent_start = 0usize;
    let mut sent_ids: Vec<Option<String>> = Vec::new();
    let mut sent_id: Option<String> = None;

    for item in super::conllu::items(text) {
        let w = match item.map_err(|(line, message)| parse_err(line, message))? {
            super::conllu::Item::Comment(comment) => {
                if let Some(id) = comment.strip_prefix("sent_id =") {
                    sent_id = Some(id.trim().to_string());
                }
                if let Some(spec) = comment.strip_prefix("global.Entity =") {
                    fields = EntityFields::from_spec(spec.trim());
                }
                continue;
            }
            super::conllu::Item::Word(w) => w,
        };
        let initial = w.opens_sentence;
        if initial {
            sent_start = words.len();
            sentence_starts.push(sent_start);
            sent_ids.push(sent_id.take());
        }
        let index = words.len();
        words.push(GumWord {
            form: w.form.to_string(),
            upos: w.upos.to_string(),
            xpos: w.xpos.to_string(),
            head: (w.head > 0).then(|| sent_start + w.head - 1),
            initial,
        });
        if let Some(entity) = w.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) {
            parse_entity_brackets(entity, index, fields, &mut open, &mut brackets)
                .map_err(|m| parse_err(w.line, m))?;
        }
    }
    mentions.extend(brackets.into_iter().map(|b| GumMention {
        start: b.start,
        end: b.end,
        kind: b.kind,
        identity: b.identity.is_some(),
    }));
    let spans = flatten(&words, &mentions);
    Ok(LabeledDoc {
        id: id.to_string(),
        sentences: to_sentences(&words, &sentence_starts, sent_ids, &spans),
    })
}

fn gum_label(kind: &str) -> Option<NerLabel> {
    match kind {
        "person" => Some(NerLabel::Per),
        "organization" => Some(NerLabel::Org),
        "place" => Some(NerLabel::Loc),
        _ => None,
    }
}

/// The syntactic head of a span: the first word whose head is outside it.
fn span_head(words: &[GumWord], start: usize, end: usize) -> usize {
    (start..end)
        .find(|&i| words[i].head.is_none_or(|h| h < start || h >= end))
        .unwrap_or(start)
}

fn capitalised(w: &GumWord) -> bool {
    w.form.chars().next().is_some_and(char::is_uppercase)
}

fn qualifies(words: &[GumWord], m: &GumMention, head: usize) -> bool {
    let h = &words[head];
    h.upos == "PROPN" || (m.identity && h.upos != "PRON" && h.upos != "NOUN" && capitalised(h))
}

/// A word that can be part of a name.
fn is_name_word(w: &GumWord) -> bool {
    // GUM tags `United` (in `United States`) VERB with XPOS NNP.
    w.upos == "PROPN"
        || w.xpos.starts_with("NNP")
        || (capitalised(w) && !w.initial && matches!(w.upos.as_str(), "ADJ" | "NOUN" | "NUM" | "X"))
}

/// A word that may join two name words inside a name. Person names take only name
/// particles and hyphens (`Ludwig van Beethoven`, `Hartsell - Gundy`): `Kirk Bart and Celeste
/// Pollock` are two people, `Elena Ruiz of Arizona` is a person and a place.
fn is_connector(w: &GumWord, label: NerLabel) -> bool {
    let particle = matches!(
        w.form.as_str(),
        "-" | "de" | "du" | "da" | "del" | "der" | "van" | "von" | "la" | "le"
    );
    particle
        || (label != NerLabel::Per
            && matches!(
                w.form.as_str(),
                "of" | "the" | "and" | "&" | "'s" | "’s" | "for"
            ))
}

fn is_possessive(form: &str) -> bool {
    matches!(form, "'s" | "’s" | "'" | "’" | "'S")
}

/// The name run around `head` inside `start..end` (rule 2 of the module docs).
fn name_run(
    words: &[GumWord],
    (start, end): (usize, usize),
    head: usize,
    label: NerLabel,
) -> (usize, usize) {
    let (mut s, mut e) = (head, head + 1);
    loop {
        // Up to two connectors, then a name word.
        let mut k = s;
        while k > start && k + 2 >= s && is_connector(&words[k - 1], label) {
            k -= 1;
        }
        if k > start && is_name_word(&words[k - 1]) {
            s = k - 1;
        } else {
            break;
        }
    }
    loop {
        let mut k = e;
        while k < end && k <= e + 1 && is_connector(&words[k], label) {
            k += 1;
        }
        if k < end && is_name_word(&words[k]) {
            e = k + 1;
        } else {
            break;
        }
    }
    (s, e)
}

fn is_title(w: &GumWord) -> bool {
    let lex = kg_extract::Pipeline::embedded().lexicon();
    lex.title_word(&w.form) || lex.honorific(&w.form)
}

/// The NER span of a qualifying mention (rules 2 and 3), if any.
fn name_span(words: &[GumWord], m: &GumMention, label: NerLabel) -> Option<(usize, usize)> {
    let head = span_head(words, m.start, m.end);
    if !qualifies(words, m, head) {
        return None;
    }
    let (mut s, mut e) = name_run(words, (m.start, m.end), head, label);
    if label == NerLabel::Per {
        if words[head].xpos == "NNPS" || is_title(&words[head]) || is_title(&words[e - 1]) {
            return None;
        }
        if let Some(t) = (s..head).rev().find(|&i| is_title(&words[i])) {
            s = t + 1;
        }
    }
    while s < e
        && (words[s].upos == "DET" || words[s].upos == "PUNCT" || is_connector(&words[s], label))
    {
        s += 1;
    }
    while e > s && (words[e - 1].upos == "PUNCT" || is_possessive(&words[e - 1].form)) {
        e -= 1;
    }
    (s < e).then_some((s, e))
}

/// Name spans of the NER types, outermost first on overlap (rule 4).
fn flatten(words: &[GumWord], mentions: &[GumMention]) -> Vec<(usize, usize, NerLabel)> {
    let mut spans: Vec<(usize, usize, NerLabel)> = mentions
        .iter()
        .filter(|m| m.start < m.end && m.end <= words.len())
        .filter_map(|m| {
            let label = gum_label(&m.kind)?;
            name_span(words, m, label).map(|(s, e)| (s, e, label))
        })
        .collect();
    spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut kept: Vec<(usize, usize, NerLabel)> = Vec::new();
    for span in spans {
        if kept.last().is_none_or(|k| span.0 >= k.1) {
            kept.push(span);
        }
    }
    kept
}

/// Splits doc-level words and spans into sentences; spans that cross a sentence are dropped.
fn to_sentences(
    words: &[GumWord],
    starts: &[usize],
    ids: Vec<Option<String>>,
    spans: &[(usize, usize, NerLabel)],
) -> Vec<LabeledSentence> {
    let mut out = Vec::with_capacity(starts.len());
    for ((k, &start), id) in starts.iter().enumerate().zip(ids) {
        let end = starts.get(k + 1).copied().unwrap_or(words.len());
        let spans = spans
            .iter()
            .filter(|(s, e, _)| *s >= start && *e <= end)
            .map(|&(s, e, label)| TokenSpan {
                start: s - start,
                end: e - start,
                label,
            })
            .collect();
        out.push(LabeledSentence {
            id,
            words: words[start..end].iter().map(|w| w.form.clone()).collect(),
            spans,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(i: usize, form: &str, upos: &str, xpos: &str, head: usize, misc: &str) -> String {
        format!("{i}\t{form}\t_\t{upos}\t{xpos}\t_\t{head}\tdep\t_\t{misc}\n")
    }

    fn sentence(rows: &[(&str, &str, &str, usize, &str)]) -> String {
        let mut s = String::new();
        for (i, (form, upos, xpos, head, misc)) in rows.iter().enumerate() {
            s += &line(i + 1, form, upos, xpos, *head, misc);
        }
        s + "\n"
    }

    fn spans(doc: &LabeledDoc, k: usize) -> Vec<(String, NerLabel)> {
        let s = &doc.sentences[k];
        s.spans
            .iter()
            .map(|t| (s.words[t.start..t.end].join(" "), t.label))
            .collect()
    }

    #[test]
    fn cuts_mentions_to_names() {
        let mut text = String::from(
            "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity\n",
        );
        // "The United States" with an identity: determiner cut.
        text += &sentence(&[
            (
                "The",
                "DET",
                "DT",
                3,
                "Entity=(1-place-new-s-c-1-coref-United_States",
            ),
            ("United", "PROPN", "NNP", 3, "_"),
            ("States", "PROPN", "NNP", 0, "Entity=1)"),
        ]);
        // "U.S. President Ann Lee 's team": title cut, nested U.S. kept, possessive cut,
        // "team" (common noun, no identity) dropped.
        text += &sentence(&[
            (
                "U.S.",
                "PROPN",
                "NNP",
                2,
                "Entity=(3-organization-new-s-c-1-sgl(2-person-new-s-c-1-coref-Ann_Lee(1-place-giv-s-c-1-coref-United_States)",
            ),
            ("President", "PROPN", "NNP", 3, "_"),
            ("Ann", "PROPN", "NNP", 6, "_"),
            ("Lee", "PROPN", "NNP", 3, "_"),
            ("'s", "PART", "POS", 3, "Entity=2)"),
            ("team", "NOUN", "NN", 0, "Entity=3)"),
        ]);
        // "They visited the Bank of Paris , France": pronoun with identity dropped, name run
        // crosses "of" but stops at the comma; France kept.
        text += &sentence(&[
            (
                "They",
                "PRON",
                "PRP",
                2,
                "Entity=(2-person-giv-s-c-1-coref-Ann_Lee)",
            ),
            ("visited", "VERB", "VBD", 0, "_"),
            (
                "the",
                "DET",
                "DT",
                4,
                "Entity=(4-organization-new-s-c-1-sgl",
            ),
            ("Bank", "PROPN", "NNP", 2, "_"),
            ("of", "ADP", "IN", 6, "_"),
            (
                "Paris",
                "PROPN",
                "NNP",
                4,
                "Entity=(5-place-new-s-c-1-sgl-Paris)",
            ),
            (",", "PUNCT", ",", 8, "_"),
            (
                "France",
                "PROPN",
                "NNP",
                4,
                "Entity=(6-place-new-s-c-1-sgl-France)4)",
            ),
        ]);
        // "the Prime Minister" (a role) and "Afghans" (a group) are not person names.
        text += &sentence(&[
            ("the", "DET", "DT", 3, "Entity=(7-person-new-s-c-1-coref-X"),
            ("Prime", "PROPN", "NNP", 3, "_"),
            ("Minister", "PROPN", "NNP", 0, "Entity=7)"),
            ("met", "VERB", "VBD", 0, "_"),
            (
                "Afghans",
                "PROPN",
                "NNPS",
                4,
                "Entity=(8-person-new-s-c-1-coref-Afghans)",
            ),
        ]);
        // "Kirk Bart and Celeste Pollock met the Director of the United States Mint":
        // coordinated people split; a role headed by a title dropped; `United` (VERB, NNP)
        // is a name word.
        text += &sentence(&[
            (
                "Kirk",
                "PROPN",
                "NNP",
                6,
                "Entity=(9-person-new-s-c-1-coref(10-person-new-s-c-1-sgl",
            ),
            ("Bart", "PROPN", "NNP", 1, "Entity=10)"),
            ("and", "CCONJ", "CC", 4, "_"),
            (
                "Celeste",
                "PROPN",
                "NNP",
                1,
                "Entity=(11-person-new-s-c-1-sgl",
            ),
            ("Pollock", "PROPN", "NNP", 4, "Entity=11)9)"),
            ("met", "VERB", "VBD", 0, "_"),
            ("the", "DET", "DT", 8, "Entity=(12-person-new-s-c-1-sgl"),
            ("Director", "PROPN", "NNP", 6, "_"),
            ("of", "ADP", "IN", 13, "_"),
            (
                "the",
                "DET",
                "DT",
                13,
                "Entity=(13-organization-new-s-c-1-sgl-United_States_Mint",
            ),
            ("United", "VERB", "NNP", 12, "_"),
            ("States", "PROPN", "NNP", 13, "_"),
            ("Mint", "PROPN", "NNP", 8, "Entity=13)12)"),
        ]);
        let doc = read_gum("GUM_news_test", &text).expect("parses");
        assert_eq!(doc.sentences.len(), 5);
        assert_eq!(
            spans(&doc, 0),
            [("United States".to_string(), NerLabel::Loc)]
        );
        assert_eq!(
            spans(&doc, 1),
            [
                ("U.S.".to_string(), NerLabel::Loc),
                ("Ann Lee".to_string(), NerLabel::Per)
            ]
        );
        assert_eq!(
            spans(&doc, 2),
            [
                ("Bank of Paris".to_string(), NerLabel::Org),
                ("France".to_string(), NerLabel::Loc)
            ]
        );
        assert_eq!(spans(&doc, 3), []);
        assert_eq!(
            spans(&doc, 4),
            [
                ("Kirk Bart".to_string(), NerLabel::Per),
                ("Celeste Pollock".to_string(), NerLabel::Per),
                ("United States Mint".to_string(), NerLabel::Org),
            ]
        );
    }

    #[test]
    fn skips_multiword_tokens_and_empty_nodes() {
        let mut text = String::from("1-2\tAnn's\t_\t_\t_\t_\t_\t_\t_\t_\n");
        text += &line(
            1,
            "Ann",
            "PROPN",
            "NNP",
            3,
            "Entity=(1-person-new-s-c-1-coref",
        );
        text += &line(2, "'s", "PART", "POS", 1, "Entity=1)");
        text += &line(3, "dog", "NOUN", "NN", 0, "_");
        text += "3.1\tbarked\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let doc = read_gum("x", &text).expect("parses");
        assert_eq!(doc.sentences[0].words, ["Ann", "'s", "dog"]);
        assert_eq!(spans(&doc, 0), [("Ann".to_string(), NerLabel::Per)]);
    }

    #[test]
    fn errors_carry_line_numbers() {
        let err = read_gum("x", "1\tA\ta\tX\tX\t_\tzero\tdep\t_\t_\n").expect_err("bad head");
        assert!(err.to_string().starts_with("line 1:"), "{err}");
        let err =
            read_gum("x", "\n1\tA\ta\tX\tX\t_\t0\troot\t_\tEntity=7)\n").expect_err("unopened");
        assert!(err.to_string().starts_with("line 2:"), "{err}");
        let err = read_gum("x", "1\tA\n").expect_err("columns");
        assert!(err.to_string().starts_with("line 1:"), "{err}");
    }
}
