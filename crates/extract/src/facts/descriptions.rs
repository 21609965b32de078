//! Definite descriptions that stand for an organisation, a country or a city named shortly
//! before, or for the person given a post ([`posts`]):
//! "Kestrel Media cut 200 jobs. The company said ..." (`data/rules/descriptions.tsv`). The
//! description's head noun becomes a one-token slot of that entity, as a resolved pronoun does
//! (`facts::pronouns`), so the trees and the quotes read it as the name.
//!
//! As with pronouns, a wrong link is worse than none: a description is resolved only to the one
//! entity of a fitting kind named earlier in its sentence, else in the nearest of the
//! [`LOOK_BACK`] sentences before that names any; among several there, the document's topic of
//! that kind (named most often, at least [`TOPIC_MIN`] times and more than any other) if it is
//! one of them. "The company" followed by a name ("the company Vantor") or by "of" is no
//! description of an earlier name.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::doc::analysis::Sent;
use crate::doc::{ClusterId, Doc};
use crate::facts::relations::Slots;
use crate::model::EntityType;
use crate::pos::Upos;

/// Sentences before a description's own in which its antecedent is looked for.
const LOOK_BACK: usize = 3;
/// Mentions an entity needs to be the document's topic of its kind.
const TOPIC_MIN: usize = 3;

/// What a description may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Firm,
    Body,
    Country,
    City,
}

impl Kind {
    /// Whether an entity of this type, with this label, may be what `noun` describes: a
    /// company or body for a firm word (the tagger types many firms as bodies), a body named
    /// with the word for a body word ("the church": the Church of Scientology; "the committee"
    /// is no description of an agency named otherwise), a country for a country word.
    fn fits(self, noun: &str, kind: EntityType, label: &str) -> bool {
        let named = || {
            label
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(noun))
        };
        match self {
            Kind::Firm => matches!(kind, EntityType::Company | EntityType::Organization),
            Kind::Body => matches!(kind, EntityType::Company | EntityType::Organization) && named(),
            Kind::Country => kind == EntityType::Country,
            Kind::City => kind == EntityType::City,
        }
    }
}

static NOUNS: LazyLock<HashMap<&'static str, Kind>> = LazyLock::new(|| {
    include_str!("../../data/rules/descriptions.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (kind, noun) = l.split_once('\t')?;
            let kind = match kind {
                "firm" => Kind::Firm,
                "body" => Kind::Body,
                "country" => Kind::Country,
                "city" => Kind::City,
                _ => return None,
            };
            Some((noun.trim(), kind))
        })
        .collect()
});

/// The description at token `i`: "the NOUN" with NOUN in the table, not followed by a name,
/// "of" or another noun ("the company chairman"). An adjective makes it another one ("the
/// investigative committee").
fn description(sent: &Sent<'_>, i: usize) -> Option<Kind> {
    let t = &sent.toks[i];
    if t.tag != Upos::Noun || t.capitalised() || i == 0 || !sent.toks[i - 1].is("the") {
        return None;
    }
    let kind = *NOUNS.get(t.text)?;
    let next = sent.toks.get(i + 1);
    let open = next.is_none_or(|n| {
        !n.capitalised() && !n.is("of") && !matches!(n.tag, Upos::Noun | Upos::Propn)
    });
    open.then_some(kind)
}

/// A named organisation, country or city of a sentence: first token, cluster, type and label.
type Named<'a> = (usize, ClusterId, EntityType, &'a str);

/// The description slots of every sentence.
pub(crate) fn resolve(ctx: &Doc<'_, '_>) -> Vec<Slots> {
    let (named, counts) = named_bodies(ctx);
    one_token_slots(ctx, |sent, i| {
        let kind = description(sent, i)?;
        antecedent(sent.index, i, (kind, sent.toks[i].text), &named, &counts)
    })
}

/// The city that "city" or "town" right before token `at` of sentence `s` stands for ("city
/// mayor Ana Berg", "the city's mayor"), found as "the city" is.
pub(crate) fn city_before(ctx: &Doc<'_, '_>, s: usize, at: usize) -> Option<ClusterId> {
    described_before(ctx, s, at, |noun| {
        matches!(noun, "city" | "town").then_some(Kind::City)
    })
}

/// The organisation that a word for a body or a firm right before token `at` of sentence `s`
/// stands for ("club president Ana Berg", "the company's chief technology officer"), found as
/// "the company" is.
pub(crate) fn body_before(ctx: &Doc<'_, '_>, s: usize, at: usize) -> Option<ClusterId> {
    described_before(ctx, s, at, |noun| {
        NOUNS
            .get(noun)
            .copied()
            .filter(|k| matches!(k, Kind::Firm | Kind::Body))
    })
}

/// The entity a description noun right before token `at` (or before its possessive) stands
/// for, when `kind_of` gives the noun, in lower case, a kind.
fn described_before(
    ctx: &Doc<'_, '_>,
    s: usize,
    at: usize,
    kind_of: impl Fn(&str) -> Option<Kind>,
) -> Option<ClusterId> {
    let toks = &ctx.analysis.sents.get(s)?.toks;
    let possessive = at >= 2 && matches!(toks[at - 1].text, "'s" | "\u{2019}s");
    let i = if possessive {
        at - 2
    } else {
        at.checked_sub(1)?
    };
    let kind = kind_of(toks[i].lower().as_str())?;
    // (A proper noun inside the sentence is a name, not a description.)
    if toks[i].tag == Upos::Propn && i > 0 {
        return None;
    }
    let (named, counts) = named_bodies(ctx);
    antecedent(s, i, (kind, toks[i].text), &named, &counts)
}

/// The named organisations, countries and cities of each sentence, and how often each is named.
fn named_bodies<'a>(ctx: &'a Doc<'_, '_>) -> (Vec<Vec<Named<'a>>>, HashMap<ClusterId, usize>) {
    let n = ctx.analysis.sents.len();
    let mut named: Vec<Vec<Named<'_>>> = vec![Vec::new(); n];
    let mut counts: HashMap<ClusterId, usize> = HashMap::new();
    for (m, f) in ctx.found.iter().enumerate() {
        let c = ctx.cluster_of[m];
        let kind = ctx.clusters[c].kind;
        if f.sent < n
            && matches!(
                kind,
                EntityType::Company
                    | EntityType::Organization
                    | EntityType::Country
                    | EntityType::City
            )
        {
            named[f.sent].push((f.start, c, kind, ctx.clusters[c].label.as_str()));
            *counts.entry(c).or_default() += 1;
        }
    }
    (named, counts)
}

/// The one-token slots of every sentence: each token `stands_for` resolves.
fn one_token_slots(
    ctx: &Doc<'_, '_>,
    stands_for: impl Fn(&Sent<'_>, usize) -> Option<ClusterId>,
) -> Vec<Slots> {
    ctx.analysis
        .sents
        .iter()
        .map(|sent| {
            (0..sent.toks.len())
                .filter_map(|i| stands_for(sent, i).map(|c| (i, i + 1, c)))
                .collect()
        })
        .collect()
}

/// The one entity of a fitting kind that description `i` of sentence `s` stands for.
fn antecedent(
    s: usize,
    i: usize,
    (kind, noun): (Kind, &str),
    named: &[Vec<Named<'_>>],
    counts: &HashMap<ClusterId, usize>,
) -> Option<ClusterId> {
    let fitting = |k: usize, before: usize| {
        let mut cs: Vec<ClusterId> = named[k]
            .iter()
            .filter(|(start, _, t, label)| *start < before && kind.fits(noun, *t, label))
            .map(|p| p.1)
            .collect();
        cs.sort_unstable();
        cs.dedup();
        cs
    };
    let here = fitting(s, i);
    match here[..] {
        [one] => return Some(one),
        [] => {}
        _ => return None,
    }
    let there = (s.saturating_sub(LOOK_BACK)..s)
        .rev()
        .map(|k| fitting(k, usize::MAX))
        .find(|cs| !cs.is_empty())?;
    match there[..] {
        [one] => Some(one),
        _ => topic((kind, noun), named, counts).filter(|t| there.contains(t)),
    }
}

/// The entity of a fitting kind named most often, if clearly so.
fn topic(
    (kind, noun): (Kind, &str),
    named: &[Vec<Named<'_>>],
    counts: &HashMap<ClusterId, usize>,
) -> Option<ClusterId> {
    let mut ranked: Vec<(usize, ClusterId)> = named
        .iter()
        .flatten()
        .filter(|p| kind.fits(noun, p.2, p.3))
        .map(|p| (counts.get(&p.1).copied().unwrap_or(0), p.1))
        .collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    ranked.dedup();
    match ranked[..] {
        [(k, c), (second, _), ..] if k >= TOPIC_MIN && k > second => Some(c),
        [(k, c)] if k >= TOPIC_MIN => Some(c),
        _ => None,
    }
}

/// "the minister", "the prime minister", "the chief executive": descriptions of the one person
/// who, earlier in the document, was given a post ending in the same word and holding any words
/// before it ("Interior Minister Ana Berg ... the minister said"). Two people with such a post:
/// no link. Returns the slots of every sentence.
pub(crate) fn posts(ctx: &Doc<'_, '_>, roles: &[crate::facts::roles::FoundRole]) -> Vec<Slots> {
    let lex = ctx.analysis.lex;
    one_token_slots(ctx, |sent, i| {
        let t = &sent.toks[i];
        // The tagger reads "the chief executive" as two adjectives now and then.
        if i == 0 || !matches!(t.tag, Upos::Noun | Upos::Adj) || t.capitalised() {
            return None;
        }
        // "the [foreign] minister", not "the minister of ..." nor "the minister Ana".
        let modifier = |w: &crate::doc::analysis::Tok<'_>| {
            lex.title_word(w.text) && !w.is("the") && !w.is("of")
        };
        let mut a = i;
        while a > 0 && i - a < 3 && modifier(&sent.toks[a - 1]) {
            a -= 1;
        }
        let open = sent.toks.get(i + 1).is_none_or(|n| {
            !n.capitalised() && !n.is("of") && !matches!(n.tag, Upos::Noun | Upos::Propn)
        });
        if a == 0 || !sent.toks[a - 1].is("the") || !open {
            return None;
        }
        let words: Vec<&str> = sent.toks[a..=i].iter().map(|t| t.text).collect();
        if !lex.title(t.text) && !lex.title(&words.join(" ")) {
            return None;
        }
        let people = roles
            .iter()
            .filter(|r| {
                let earlier = r.sent < sent.index
                    || (r.sent == sent.index && ctx.found[r.person.index()].end <= a);
                let role: Vec<&str> = r.role.split(' ').collect();
                earlier
                    && role.len() >= words.len()
                    && role[role.len() - words.len()..]
                        .iter()
                        .zip(&words)
                        .all(|(x, y)| x.eq_ignore_ascii_case(y))
            })
            .map(|r| ctx.cluster_of[r.person]);
        the_one(people)
    })
}

/// The one person among `people`, if they are all the same.
fn the_one(people: impl Iterator<Item = ClusterId>) -> Option<ClusterId> {
    let mut people: Vec<ClusterId> = people.collect();
    people.sort_unstable();
    people.dedup();
    match people[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// "the 45-year-old": the one person the document gave that age before, set off by commas after
/// the name ("Ana Berg, 45, ... the 45-year-old said"). Returns the slots of every sentence.
pub(crate) fn ages(ctx: &Doc<'_, '_>) -> Vec<Slots> {
    let sents = &ctx.analysis.sents;
    // (sentence, token after the age, age, person) for every "Name, 45,".
    let given: Vec<(usize, usize, &str, ClusterId)> = ctx
        .found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == EntityType::Person)
        .filter_map(|(m, f)| {
            let toks = &sents[f.sent].toks;
            let (c, n, d) = (toks.get(f.end)?, toks.get(f.end + 1)?, toks.get(f.end + 2)?);
            (c.text == "," && n.tag == Upos::Num && d.text == ",")
                .then(|| (f.sent, f.end + 3, n.text, ctx.cluster_of[m]))
        })
        .collect();
    one_token_slots(ctx, |sent, i| {
        let age = sent.toks[i].text.strip_suffix("-year-old")?;
        if i == 0 || !sent.toks[i - 1].is("the") {
            return None;
        }
        the_one(
            given
                .iter()
                .filter(|g| g.2 == age && (g.0 < sent.index || (g.0 == sent.index && g.1 <= i)))
                .map(|g| g.3),
        )
    })
}
