//! Relations between two entities of one sentence, from trigger words (`data/rules/predicates.tsv`):
//! the subject is the nearest name before the trigger (with the names coordinated with it: "X and
//! Y signed"), the object the first name after it, or after the required preposition
//! ("agreement with Y"). Passives ("X was criticised by Y") swap the two; "talks between X and Y"
//! reads both from the right. Negation and hedging words between subject and trigger are kept
//! as flags (`data/rules/cues.tsv`). Two names joined by a verb that no trigger covers make an open
//! relation, `related`, labelled with the verb, at lower confidence. Names that stand next to
//! each other without a verb give places, seats and memberships (`structure`); events get the
//! place named in their sentence.
//!
//! `triggers` reads trigger words, `open` open relations, `structure` how names stand, `kin`
//! family ties ("X and his wife Y", "X, the son of Y").

pub(crate) mod athletes;
pub(crate) mod based;
pub(crate) mod criticism;
pub(crate) mod funding;
mod kin;
pub(crate) mod nationality;
mod open;
pub(crate) mod structure;
mod tree;
mod triggers;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::doc::analysis::Sent;
use crate::doc::{ClusterId, Doc};
use crate::facts::trees::Deps;
use crate::lexicon::Lexicon;
use crate::model::{EVENT_PREDICATES, EntityType, RELATED};
use crate::pos::Upos;
use open::open;
use triggers::triggered;

/// A relation between two clusters, before keys are assigned.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundRelation {
    pub sent: usize,
    pub subject: ClusterId,
    pub object: ClusterId,
    pub predicate: String,
    pub label: String,
    pub negated: bool,
    pub hedged: bool,
    /// Token where the trigger stands (values after it belong to the relation).
    pub trigger: usize,
    pub rule: String,
    pub confidence: f32,
    /// Cluster of the place where the reported event happened.
    pub place: Option<ClusterId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ObjectKind {
    Any,
    Place,
    Org,
    /// An organisation or a company, not a country.
    Body,
    /// A company.
    Firm,
    /// An organisation or a country, not a company (what one joins as a member).
    Group,
    Site,
    /// A person.
    Person,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TriggerPos {
    Verb,
    Noun,
    Any,
}

#[derive(Debug, Clone)]
pub(super) struct Rule {
    predicate: String,
    prep: Option<String>,
    object: ObjectKind,
    pos: TriggerPos,
    /// The name after the trigger is the subject ("support from X").
    reverse: bool,
    /// The noun names its subject ("X, a critic of Y"): the subject is tied to it by a comma,
    /// a copula or "as", not found anywhere before it.
    agent: bool,
    /// The verb gives the fact only with an "as" phrase after its object ("named Ana Berg as
    /// its chief executive"); its object may be the parser's predicate (`xcomp`).
    as_post: bool,
    /// The verb gives the fact only in the passive ("was raised in Bergen", not "raised funds
    /// in Bergen"); read from the tree only.
    passive: bool,
    /// Which reader may use the rule.
    reader: Reader,
}

/// The reader a trigger rule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reader {
    /// Both the tree and the word-order rules.
    Both,
    /// The tree only: the name heads the object ("bought Halvard Labs" is a takeover).
    Tree,
    /// The word-order rules only: the next name after the trigger ("bought 50 Osprey jets"
    /// buys from Osprey).
    Words,
}

#[derive(Debug)]
pub(super) struct Rules {
    by_form: HashMap<String, Vec<Rule>>,
    negations: Vec<String>,
    hedges: Vec<String>,
    not_verbs: Vec<String>,
}

impl Rules {
    /// Whether `form` (lower case) is a verb form of a trigger ("lives", "owns").
    pub(super) fn verb_form(&self, form: &str) -> bool {
        self.by_form
            .get(form)
            .is_some_and(|rules| rules.iter().any(|r| r.pos == TriggerPos::Verb))
    }
}

pub(super) static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let mut by_form: HashMap<String, Vec<Rule>> = HashMap::new();
    for line in include_str!("../../../data/rules/predicates.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            continue;
        }
        let flag = |name: &str| f.get(5).is_some_and(|x| x.split(',').any(|x| x == name));
        let rule = Rule {
            predicate: f[1].to_string(),
            prep: (f[2] != "-").then(|| f[2].to_string()),
            object: match f[3] {
                "place" => ObjectKind::Place,
                "org" => ObjectKind::Org,
                "body" => ObjectKind::Body,
                "firm" => ObjectKind::Firm,
                "group" => ObjectKind::Group,
                "site" => ObjectKind::Site,
                "person" => ObjectKind::Person,
                _ => ObjectKind::Any,
            },
            pos: match f[4] {
                "verb" => TriggerPos::Verb,
                "noun" => TriggerPos::Noun,
                _ => TriggerPos::Any,
            },
            reverse: flag("reverse"),
            agent: flag("agent"),
            as_post: flag("as"),
            passive: flag("passive"),
            reader: if flag("tree") || flag("passive") {
                Reader::Tree
            } else if flag("words") {
                Reader::Words
            } else {
                Reader::Both
            },
        };
        for form in f[0].split('|') {
            by_form
                .entry(form.to_string())
                .or_default()
                .push(rule.clone());
        }
    }
    let mut negations = Vec::new();
    let mut hedges = Vec::new();
    let mut not_verbs = Vec::new();
    for line in include_str!("../../../data/rules/cues.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        match line.split_once('\t') {
            Some(("negation", w)) => negations.push(w.to_string()),
            Some(("hedge", w)) => hedges.push(w.to_string()),
            Some(("notverb", w)) => not_verbs.push(w.to_string()),
            _ => {}
        }
    }
    Rules {
        by_form,
        negations,
        hedges,
        not_verbs,
    }
});

/// Every canonical predicate the trigger table can produce, plus `related` for open relations.
pub fn canonical_predicates() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = RULES
        .by_form
        .values()
        .flatten()
        .map(|r| r.predicate.as_str())
        .collect();
    names.push(RELATED);
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether an entity of this kind may be the subject of `predicate`: where one lives or was
/// born is a person's ("the firm moved to Oslo" is no home).
pub(super) fn subject_fits(kind: EntityType, predicate: &str) -> bool {
    match predicate {
        "livesIn" | "bornIn" => kind == EntityType::Person,
        // "based in" says where a body sits; a reporter or a town "based in" a place is
        // neither's seat (a place in a place is read by the structure rules).
        "basedIn" => matches!(kind, EntityType::Organization | EntityType::Company),
        _ => true,
    }
}

/// Predicates that read the same both ways round.
pub(super) const SYMMETRIC: [&str; 8] = [
    "meets",
    "mergesWith",
    "spouseOf",
    "siblingOf",
    "negotiatesWith",
    "signsAgreementWith",
    "partnerOf",
    "cooperatesWith",
];

/// Words that end the clause a subject or object is looked for in.
pub(super) fn clause_break(word: &str) -> bool {
    matches!(
        word,
        ";" | ":" | "which" | "who" | "that" | "while" | "whereas" | "but"
    )
}

pub(super) fn fits(kind: EntityType, object: ObjectKind) -> bool {
    match object {
        ObjectKind::Any => true,
        ObjectKind::Place => matches!(
            kind,
            EntityType::Country | EntityType::City | EntityType::Place
        ),
        ObjectKind::Org => matches!(
            kind,
            EntityType::Organization | EntityType::Company | EntityType::Country
        ),
        ObjectKind::Body => matches!(kind, EntityType::Organization | EntityType::Company),
        ObjectKind::Firm => kind == EntityType::Company,
        ObjectKind::Group => matches!(kind, EntityType::Organization | EntityType::Country),
        ObjectKind::Site => kind != EntityType::Person,
        ObjectKind::Person => kind == EntityType::Person,
    }
}

pub(super) fn pos_ok(tag: Upos, pos: TriggerPos) -> bool {
    match pos {
        TriggerPos::Verb => matches!(tag, Upos::Verb | Upos::Aux),
        TriggerPos::Noun => matches!(tag, Upos::Noun | Upos::Propn),
        // "is married to": a participle the tagger reads as an adjective.
        TriggerPos::Any => matches!(tag, Upos::Verb | Upos::Aux | Upos::Noun | Upos::Adj),
    }
}

/// Mentions of one sentence: (first token, end token, cluster).
pub(crate) type Slots = Vec<(usize, usize, ClusterId)>;

/// Finds the relations in every sentence, with the sentences' trees where they were parsed. The
/// trees also read the pronouns that stand for a named person (`Doc::pronouns`); the rules that
/// read how names stand read names only.
pub fn find(ctx: &Doc<'_, '_>, trees: &[Option<Deps<'_>>]) -> Vec<FoundRelation> {
    let mut out: Vec<FoundRelation> = Vec::new();
    for sent in &ctx.analysis.sents {
        let slots: Slots = ctx
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.sent == sent.index)
            .map(|(m, f)| (f.start, f.end, ctx.cluster_of[m]))
            .collect();
        let resolved = ctx.pronouns.get(sent.index).map_or(&[][..], |p| &p[..]);
        if slots.len() + resolved.len() < 2 || crate::names::mentions::credit_line(sent) {
            continue;
        }
        let before = out.len();
        if let Some(Some(deps)) = trees.get(sent.index) {
            let mut with_pronouns = slots.clone();
            with_pronouns.extend_from_slice(resolved);
            tree::read(ctx, sent, deps, &with_pronouns, &mut out);
            tree::been_to(ctx, sent, deps, &with_pronouns, &mut out);
        }
        // Family ties are added after the other rules, so that they never stand in for an open
        // relation.
        let mut family = Vec::new();
        kin::find(ctx, sent, &slots, resolved, &mut family);
        if slots.len() < 2 {
            out.extend(family);
            continue;
        }
        let tree_end = out.len();
        triggered(ctx, sent, &slots, &mut out);
        // The tree read the same trigger between the same two names otherwise ("agreed to buy
        // Halvard Labs" is a takeover, not a purchase from it), or gave the same object another
        // subject: the tree's reading stands.
        let words = out.split_off(tree_end);
        let tree_part = &out[before..];
        let kept: Vec<FoundRelation> = words
            .into_iter()
            .filter(|w| {
                !tree_part.iter().any(|t| {
                    let same_pair = [t.subject, t.object] == [w.subject, w.object];
                    // "She met Tom Reyes during her visit to Vexa", "Ana Berg founded Vexa and
                    // sold it to Halvard": the tree says who visited or sold; the name the
                    // words put before the trigger is another's.
                    let other_subject = t.predicate == w.predicate
                        && t.object == w.object
                        && t.subject != w.subject;
                    t.trigger == w.trigger
                        && ((t.predicate != w.predicate && same_pair) || other_subject)
                })
            })
            .collect();
        out.extend(kept);
        structure::find(ctx, sent, &slots, &mut out);
        let resolved = ctx.pronouns.get(sent.index).map_or(&[][..], |p| &p[..]);
        structure::homes(ctx, sent, &slots, resolved, &mut out);
        if out.len() == before {
            open(ctx.analysis.lex, sent, &slots, &mut out);
        }
        out.extend(family);
    }
    place_events(ctx, &mut out);
    // A city or a region trades with no one ("farmers across Java and Sumatra, and sells ...
    // to X": the list is no subject of the verb); a capital may, for its government ("Moscow
    // sells arms to X").
    out.retain(|r| {
        let place = &ctx.clusters[r.subject];
        !(matches!(place.kind, EntityType::City | EntityType::Place)
            && ctx.analysis.lex.capital_of(&place.label).is_none()
            && matches!(
                r.predicate.as_str(),
                "sellsTo" | "buysFrom" | "acquires" | "owns" | "investsIn" | "hires" | "founded"
            ))
    });
    // One fact per sentence, subject, predicate and object: the most confident reading.
    out.sort_by(|a, b| {
        (a.sent, a.subject, &a.predicate, a.object)
            .cmp(&(b.sent, b.subject, &b.predicate, b.object))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    out.dedup_by(|a, b| {
        a.sent == b.sent
            && a.subject == b.subject
            && a.predicate == b.predicate
            && a.object == b.object
    });
    out
}

/// Drops an open relation of a pair that a typed relation of the same sentence joins, either
/// way round ("Kazakhstan's state-owned KazSteppe Power signed": owns, not an open "sign";
/// "lost 2-1 to X": X beats them, not an open "lose"). Run once every rule has.
pub(crate) fn drop_open_where_typed(out: &mut Vec<FoundRelation>) {
    let typed: Vec<(usize, ClusterId, ClusterId)> = out
        .iter()
        .filter(|r| r.predicate != RELATED)
        .map(|r| (r.sent, r.subject, r.object))
        .collect();
    out.retain(|r| {
        r.predicate != RELATED
            || !typed.iter().any(|&(s, a, b)| {
                s == r.sent && ((a, b) == (r.subject, r.object) || (b, a) == (r.subject, r.object))
            })
    });
}

/// The place of each event: a city, place or country named after "in" or "at" in the same
/// sentence that is neither party ("met ... in Oslo").
pub(super) fn place_events(ctx: &Doc<'_, '_>, out: &mut [FoundRelation]) {
    // A visit's place is its object.
    let placed = |p: &str| EVENT_PREDICATES.contains(&p) && p != "visits";
    for r in out.iter_mut().filter(|r| placed(&r.predicate)) {
        let sent = &ctx.analysis.sents[r.sent];
        r.place = ctx
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.sent == r.sent && f.start > 0)
            .find_map(|(m, f)| {
                let c = ctx.cluster_of[m];
                let mut p = f.start - 1;
                if sent.toks[p].is("the") && p > 0 {
                    p -= 1;
                }
                let placed = sent.toks[p].is("in") || sent.toks[p].is("at");
                let kind = ctx.clusters[c].kind;
                let place = matches!(
                    kind,
                    EntityType::City | EntityType::Place | EntityType::Country
                );
                (placed && place && c != r.subject && c != r.object).then_some(c)
            });
    }
}

/// Negation and hedging words in the few tokens before the trigger.
pub(crate) fn cues(sent: &Sent<'_>, k: usize) -> (bool, bool) {
    let rules = &*RULES;
    let window = &sent.toks[k.saturating_sub(4)..k];
    let negated = window.iter().any(|t| rules.negations.contains(&t.lower()));
    let hedged = window.iter().any(|t| rules.hedges.contains(&t.lower()));
    (negated, hedged)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// kg-schema lists every predicate the extractor can produce, and nothing else: the trigger
    /// table, the structural rules and the open relation.
    #[test]
    fn kg_schema_lists_exactly_the_predicates_the_rules_produce() {
        let produced: BTreeSet<&str> = canonical_predicates()
            .into_iter()
            .chain(structure::PREDICATES)
            .chain(kin::PREDICATES)
            .collect();
        let listed: BTreeSet<&str> = kg_schema::predicates().iter().map(|p| p.name).collect();
        let missing: Vec<_> = produced.difference(&listed).collect();
        assert!(
            missing.is_empty(),
            "produced but missing from crates/schema/data/predicates.tsv: {missing:?}"
        );
        let unused: Vec<_> = listed.difference(&produced).collect();
        assert!(
            unused.is_empty(),
            "listed in crates/schema/data/predicates.tsv but produced by no rule: {unused:?}"
        );
    }

    #[test]
    fn canonical_predicates_are_the_trigger_table_and_related() {
        let names = canonical_predicates();
        assert!(names.contains(&"meets") && names.contains(&RELATED));
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        // Structural only: no trigger word gives it ("headquartered in" gives basedIn).
        assert!(!names.contains(&"locatedIn") && names.contains(&"basedIn"));
    }

    #[test]
    fn symmetric_predicates_are_canonical() {
        for p in SYMMETRIC {
            assert!(kg_schema::predicate(p).is_some(), "{p}");
        }
    }
}
