//! Dependency trees of the sentences that may hold a fact, parsed once per document for the
//! steps that read them (relations and quotes).

use crate::doc::Doc;
use crate::doc::analysis::Sent;
use crate::parse::{Parser, Tree};
use crate::pos::Upos;

/// A sentence's tree, 0-based: `head[i]` is `None` for the root.
pub(crate) struct Deps<'p> {
    parser: &'p Parser,
    pub(crate) head: Vec<Option<usize>>,
    pub(crate) rel: Vec<&'p str>,
    pub(crate) kids: Vec<Vec<usize>>,
}

impl<'p> Deps<'p> {
    /// The 0-based tree of a parse, with its label names.
    pub(crate) fn new(parser: &'p Parser, tree: &Tree) -> Deps<'p> {
        let n = tree.heads.len();
        let head: Vec<Option<usize>> = tree
            .heads
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                (h != 0 && h as usize <= n && h as usize - 1 != i).then(|| h as usize - 1)
            })
            .collect();
        let mut kids = vec![Vec::new(); n];
        for (i, h) in head.iter().enumerate() {
            if let Some(h) = h {
                kids[*h].push(i);
            }
        }
        Deps {
            parser,
            head,
            rel: tree.labels.iter().map(|&l| parser.label(l)).collect(),
            kids,
        }
    }

    pub(crate) fn base(&self, i: usize) -> &str {
        self.rel[i].split(':').next().unwrap_or("")
    }

    pub(crate) fn children<'a>(
        &'a self,
        i: usize,
        rel: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.kids[i]
            .iter()
            .copied()
            .filter(move |&k| self.rel[k] == rel)
    }

    /// Whether token `i` is negated: "not", "n't" or "never" hangs on it.
    pub(crate) fn negated(&self, sent: &Sent<'_>, i: usize) -> bool {
        self.kids[i].iter().any(|&k| {
            self.rel[k] == "advmod"
                && matches!(
                    sent.toks[k].text.to_lowercase().as_str(),
                    "not" | "n't" | "never"
                )
        })
    }

    pub(crate) fn has_child(&self, i: usize, rel: &str) -> bool {
        self.children(i, rel).next().is_some()
    }

    /// The tokens of the subtree under `i` (itself included), in no order.
    pub(crate) fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            out.extend(self.kids[out[k]].iter().copied());
            k += 1;
            if out.len() > self.head.len() {
                break; // a cycle: no valid tree
            }
        }
        out
    }

    /// The token range the subtree under `i` covers, leaving out the subtree under `skip` and
    /// the punctuation at either end.
    pub(crate) fn span(
        &self,
        sent: &Sent<'_>,
        i: usize,
        skip: Option<usize>,
    ) -> Option<(usize, usize)> {
        let skipped: Vec<usize> = skip.map(|s| self.subtree(s)).unwrap_or_default();
        let mut toks: Vec<usize> = self
            .subtree(i)
            .into_iter()
            .filter(|t| !skipped.contains(t))
            .collect();
        toks.sort_unstable();
        // Only the part on the head's side of what was skipped: a clause stays contiguous.
        if let Some(&first_skipped) = skipped.iter().min() {
            if i < first_skipped {
                toks.retain(|&t| t < first_skipped);
            } else {
                let last_skipped = skipped.iter().max().copied().unwrap_or(first_skipped);
                toks.retain(|&t| t > last_skipped);
            }
        }
        let punct = |t: &usize| sent.toks[*t].tag == Upos::Punct;
        while toks.first().is_some_and(punct) {
            toks.remove(0);
        }
        while toks.last().is_some_and(punct) {
            toks.pop();
        }
        Some((*toks.first()?, *toks.last()? + 1))
    }

    /// The lemma of token `i` of `sent`.
    pub(crate) fn lemma(&self, sent: &Sent<'_>, i: usize) -> String {
        let t = &sent.toks[i];
        self.parser.lemmatizer().lemmatize(t.text, t.tag)
    }
}

/// Whether a sentence may state a fact the trees serve: two names or more (a relation), one
/// name and a word of saying, a quote opened after a colon or a quoted fragment (speech), or a
/// quote, "it" and a word of saying (speech of a body named before).
fn worth_parsing(sent: &Sent<'_>, names: usize) -> bool {
    let reports = || {
        sent.toks
            .iter()
            .any(|t| crate::facts::quotes::reporting(t.text))
    };
    let mark = |t: &crate::doc::analysis::Tok<'_>| matches!(t.text, "\"" | "\u{201C}" | "\u{201D}");
    // "X defended the plan: “...”": a quote opened after a colon.
    let framed = || {
        sent.toks
            .windows(2)
            .any(|w| w[0].text == ":" && mark(&w[1]))
    };
    // "“...,” it added": a quote and "it" saying it, for a body named before.
    let it_said =
        || sent.toks.iter().any(mark) && sent.toks.iter().any(|t| t.is("it")) && reports();
    // "wikiHow aims to “build ...”": a fragment quoted inside a clause.
    let fragment = || {
        sent.toks
            .windows(2)
            .any(|w| mark(&w[0]) && w[1].text.chars().next().is_some_and(char::is_lowercase))
    };
    names >= 2 || (names == 1 && (reports() || framed() || fragment())) || it_said()
}

/// The trees of the document's sentences that [`worth_parsing`] says may hold a fact, counting
/// the pronouns that stand for a named person (`Doc::pronouns`) as names.
pub(crate) fn parse<'p>(ctx: &Doc<'_, '_>, parser: &'p Parser) -> Vec<Option<Deps<'p>>> {
    let mut trees = Vec::new();
    parse_more(ctx, parser, &mut trees);
    trees
}

/// Parses the sentences without a tree that are now worth parsing (pronouns resolved since
/// [`parse`] count as names).
pub(crate) fn parse_more<'p>(
    ctx: &Doc<'_, '_>,
    parser: &'p Parser,
    trees: &mut Vec<Option<Deps<'p>>>,
) {
    let mut names = vec![0usize; ctx.analysis.sents.len()];
    for f in &ctx.found {
        names[f.sent] += 1;
    }
    for (n, p) in names.iter_mut().zip(&ctx.pronouns) {
        *n += p.len();
    }
    trees.resize_with(ctx.analysis.sents.len(), || None);
    for (sent, tree) in ctx.analysis.sents.iter().zip(trees.iter_mut()) {
        if tree.is_none() && worth_parsing(sent, names[sent.index]) {
            let words: Vec<&str> = sent.toks.iter().map(|t| t.text).collect();
            let tags: Vec<Upos> = sent.toks.iter().map(|t| t.tag).collect();
            *tree = Some(Deps::new(parser, &parser.parse(&words, &tags)));
        }
    }
}
