//! Relations read from how two names stand next to each other, without a verb.
//!
//! Places, for `X` a place or an organisation and `Y` a place:
//! - `X in [the] Y`, `X at [the] Y` (places only), `X, located|based|headquartered in Y`, `X's headquarters
//!   [located] in Y`;
//! - `X, Y` when `Y` is a country or a state, province or region of the lexicon and the two are
//!   not part of a list ("Kanata, Ontario"; not "Paris, Berlin and Rome"), and `X` is not an
//!   organisation before a country (often two clauses);
//! - `X, a|an|the <description> [based|located] in Y` ("Acme, a software company based in
//!   Lyon"), and `X is|was a|an|the <description> in Y` ("Vardby is a port town in Norway");
//! - `Org of City` ("the Aviation Museum of Springfield"), `Y's X` ("Mecca's Grand Mosque",
//!   "Italy's la Repubblica").
//!
//! `X` is `locatedIn` `Y` when it is a place, `basedIn` when it is an organisation. An
//! organisation "in" a country is not said to be based there (it may only work there).
//!
//! Where people live: `Person, age, [of|from] Place` ("Ana Berg, 34, of Bergen"), `Person of
//! City` ("Tom Reyes of Dunmore"), `Place resident Person`, `Person, a [word] Place resident,`:
//! livesIn; `Place native Person`, `Person, a Place native,`: bornIn.
//!
//! Bodies: `Org at [the] University` ("the Kessler Institute at Tampere University"): partOf.
//!
//! People: `Person and Person of respectively Org and Org` (or `... Org and Org, respectively`):
//! each with its own, as below;
//! `Person, [age,] a|an [former] member of [the] Org`: memberOf, whatever the kind;
//! `Person of [the] Org`, `Person from [the] Party` and `Org's Person [and Person]`: `memberOf` a party,
//! team, church or council, `worksFor` a company, newspaper or government body (the kinds are
//! read from the organisation's last word, `data/rules/org_kinds.tsv`); nothing for a university,
//! whose named people are students as often as staff. An organisation of no known kind gives
//! `memberOf` at lower confidence. A person with a title right before the name is left to the
//! roles ("publisher Ana Silva of the Daily Post" holds a post).
//!
//! `Person for [the] Org, said|says` (a spokesperson, "Sara Lind for the Red Cross said"):
//! worksFor.
//!
//! Counsel and cases: `Person, a|the [adjective] lawyer|attorney|counsel for|of X` and `X's
//! lawyer|attorney[,] Person`: represents; a caption `X v. Y`: X sues Y.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{FoundRelation, Slots, cues};
use crate::doc::analysis::Sent;
use crate::doc::{ClusterId, Doc};
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::pos::Upos;

const LOCATED_IN: &str = "locatedIn";
const BASED_IN: &str = "basedIn";
const MEMBER_OF: &str = "memberOf";
const WORKS_FOR: &str = "worksFor";
const LIVES_IN: &str = "livesIn";
const BORN_IN: &str = "bornIn";
const REPRESENTS: &str = "represents";
const SUES: &str = "sues";
const PLAYS_FOR: &str = "playsFor";
const OWNS: &str = "owns";
const PART_OF: &str = "partOf";

/// Every predicate the structural rules can give (kg-schema must list each one).
#[cfg(test)]
pub(super) const PREDICATES: [&str; 11] = [
    LOCATED_IN, BASED_IN, MEMBER_OF, WORKS_FOR, LIVES_IN, BORN_IN, REPRESENTS, SUES, PLAYS_FOR,
    OWNS, PART_OF,
];

/// Nouns for whoever acts for a party in law ("a lawyer for X", "X's attorney").
const COUNSEL: [&str; 8] = [
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "counsel",
    "solicitor",
    "barrister",
    "advocate",
];

/// What an organisation's last word says about how people belong to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OrgKind {
    Member,
    Work,
    School,
}

static ORG_KINDS: LazyLock<HashMap<&'static str, OrgKind>> = LazyLock::new(|| {
    include_str!("../../../data/rules/org_kinds.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (kind, word) = l.split_once('\t')?;
            let kind = match kind {
                "member" => OrgKind::Member,
                "school" => OrgKind::School,
                _ => OrgKind::Work,
            };
            Some((word.trim(), kind))
        })
        .collect()
});

/// Whether `word` is the possessive ending "'s".
pub(crate) fn possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s")
}

/// Whether a word is an age set off after a name ("Ana Berg, 34, of Bergen").
fn is_age(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit())
}

/// Words that say where an organisation sits: "based in", "located in".
fn seated(word: &str) -> bool {
    matches!(
        word,
        "located" | "based" | "headquartered" | "situated" | "headquarters"
    )
}

/// Whether a word names a side of a country or a region ("northern", "south-eastern").
fn compass(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.as_str();
    ["northern", "southern", "eastern", "western", "central"].contains(&w)
        || ["north-", "south-"].iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|r| r == "eastern" || r == "western")
        })
}

/// How the gap between two names reads, for the place relations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlaceGap {
    /// "in", "based in", "'s headquarters in".
    In,
    /// "at": a place at a place ("the Museum Centre at Dulles Airport"); not an organisation,
    /// which is as often only visiting ("faced England at the Arena").
    At,
    /// ", " between a place and its country or region.
    Comma,
    /// "of" before a city, or before the country of an organisation ("the University of
    /// Sheffield of the UK").
    Of,
}

fn place_gap(gap: &[&str]) -> Option<PlaceGap> {
    match gap {
        ["in"] | ["in", "the"] => Some(PlaceGap::In),
        // "in southern Kazakhstan", "in north-eastern Finland".
        ["in", side] if compass(side) => Some(PlaceGap::In),
        ["at"] | ["at", "the"] => Some(PlaceGap::At),
        [","] => Some(PlaceGap::Comma),
        ["of"] | ["of", "the"] => Some(PlaceGap::Of),
        [",", w, "in"] | [w, "in"] if seated(w) => Some(PlaceGap::In),
        // "Vexa Corp is based in Oslo", "Vexa Corp, which is based in Oslo".
        ["is" | "was" | "are" | "were", w, "in"]
        | [",", "which" | "that", "is" | "was", w, "in"]
            if seated(w) =>
        {
            Some(PlaceGap::In)
        }
        [s, "headquarters", "in"] | [s, "headquarters", "located" | "based", "in"]
            if possessive(s) =>
        {
            Some(PlaceGap::In)
        }
        _ => None,
    }
}

/// Finds the structural relations of one sentence.
pub(crate) fn find(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    slots: &Slots,
    out: &mut Vec<FoundRelation>,
) {
    let lex = ctx.analysis.lex;
    let kind = |c: ClusterId| ctx.clusters[c].kind;
    let is_org = |c: ClusterId| matches!(kind(c), EntityType::Organization | EntityType::Company);
    let is_place = |c: ClusterId| {
        matches!(
            kind(c),
            EntityType::City | EntityType::Place | EntityType::Country
        )
    };
    // A country, or a state or province: what "X, Y" may name as the larger place.
    let is_region = |c: ClusterId| {
        kind(c) == EntityType::Country
            || (is_place(c) && lex.region(&ctx.clusters[c].label).is_some())
    };
    let gap_of = |from: usize, to: usize| -> Vec<&str> {
        sent.toks[from..to.max(from)]
            .iter()
            .map(|t| t.text)
            .collect()
    };
    let mut add =
        |a: ClusterId, b: ClusterId, predicate: &str, at: usize, rule: &str, confidence| {
            if a == b {
                return;
            }
            let (negated, hedged) = cues(sent, at);
            out.push(FoundRelation {
                sent: sent.index,
                subject: a,
                object: b,
                predicate: predicate.to_string(),
                label: sent.toks[at].lower(),
                negated,
                hedged,
                trigger: at,
                rule: format!("structure:{rule}"),
                confidence,
                place: None,
            });
        };
    let paired = respectively(sent, slots);
    for (i, pair) in slots.windows(2).enumerate() {
        let ((as_, ae, a), (bs, be, b)) = (pair[0], pair[1]);
        if bs < ae {
            continue;
        }
        let mut gap = gap_of(ae, bs);
        // "Johnson Space Center (JSC) in Houston": the bracketed acronym is the same name.
        if gap.first() == Some(&")") && as_ > 0 && sent.toks[as_ - 1].text == "(" {
            gap.remove(0);
        }
        if let ["(", acronym, ")", ..] = gap[..]
            && acronym.len() >= 2
            && acronym.chars().all(|c| c.is_ascii_uppercase())
        {
            gap.drain(..3);
        }
        // Where people live, as news names them: "Ana Berg, 34, of Bergen", "Tom Reyes, 41,
        // Dunmore", "Tom Reyes of Dunmore" (a city; a titled person is left to the roles).
        if kind(a) == EntityType::Person && is_place(b) {
            let lives = match gap[..] {
                [",", n, ","] | [",", n, ",", "of" | "from"] if is_age(n) => Some(0.75),
                ["of"] if kind(b) == EntityType::City && !titled(lex, sent, as_) => Some(0.6),
                _ => None,
            };
            if let Some(confidence) = lives {
                add(a, b, LIVES_IN, bs - 1, "person-place", confidence);
                continue;
            }
            // "Piet Olsen, a Dayton native," / "Ana Berg, a longtime Oslo resident.".
            let closed = sent
                .toks
                .get(be + 1)
                .is_none_or(|t| matches!(t.text, "," | "." | ";" | ")"));
            if let ([",", "a" | "an", ..], Some(noun)) = (&gap[..], sent.toks.get(be))
                && gap.len() <= 3
                && closed
                && let Some(predicate) = home_noun(noun.text)
            {
                add(a, b, predicate, be, "home", 0.7);
                continue;
            }
        }
        // "Dayton resident Tom Reyes", "Oslo native Ana Berg".
        if is_place(a)
            && kind(b) == EntityType::Person
            && let [noun] = gap[..]
            && let Some(predicate) = home_noun(noun)
        {
            add(b, a, predicate, ae, "home", 0.7);
            continue;
        }
        // "the Kessler Institute at Tampere University": a body at a university is part of it.
        if is_org(a)
            && is_org(b)
            && kind(a) != EntityType::Country
            && matches!(gap[..], ["at"] | ["at", "the"])
            && school(ctx, b)
        {
            add(a, b, PART_OF, bs - 1, "part", 0.7);
            continue;
        }
        // Places.
        let how = place_gap(&gap).or_else(|| described_in(sent, ae, bs).then_some(PlaceGap::In));
        // "Building 31", "Route 66": a name cut before its number is not the place.
        // (A postal code after a state's abbreviation is none: "Cranston, RI 02920".)
        let numbered = sent.toks.get(be).is_some_and(|t| t.tag == Upos::Num)
            && crate::names::mentions::region_named(
                lex,
                &sent.span_text(ctx.analysis.text, bs, be),
            )
            .is_none();
        if let Some(how) = how.filter(|_| !numbered) {
            let in_list = || {
                let before = i.checked_sub(1).is_some_and(|p| {
                    let g = gap_of(slots[p].1, as_);
                    is_place(slots[p].2) && matches!(g[..], [","] | ["and"] | ["or"] | [",", "and"])
                });
                let after = slots.get(i + 2).is_some_and(|n| {
                    let g = gap_of(be, n.0);
                    is_place(n.2)
                        && (matches!(g[..], ["and"] | ["or"] | [",", "and"] | [",", "or"])
                            || (g[..] == [","] && kind(n.2) != EntityType::Country))
                });
                before || after
            };
            let larger = match how {
                // A region is in no city ("Tunisia faced England in Volgograd").
                PlaceGap::In => is_place(b) && !(is_region(a) && kind(b) == EntityType::City),
                PlaceGap::At => is_place(b) && !is_org(a),
                // An organisation, then a country: too often two clauses ("As she told the
                // Daily Post, US ozone ...").
                PlaceGap::Comma => {
                    (is_region(b) || (is_org(a) && kind(b) == EntityType::City))
                        && kind(a) != EntityType::Country
                        && !(is_org(a) && kind(b) == EntityType::Country)
                        && !in_list()
                }
                PlaceGap::Of => {
                    kind(b) == EntityType::City || (is_org(a) && kind(b) == EntityType::Country)
                }
            };
            if larger {
                match kind(a) {
                    EntityType::City | EntityType::Place if how != PlaceGap::Of => {
                        add(a, b, LOCATED_IN, ae, "place", 0.75)
                    }
                    EntityType::Organization | EntityType::Company
                        if how != PlaceGap::In || kind(b) != EntityType::Country =>
                    {
                        add(a, b, BASED_IN, ae, "place", 0.7);
                        // "MIT and Colorado State University of the US": the whole list.
                        if how == PlaceGap::Of && kind(b) == EntityType::Country {
                            let mut first = as_;
                            for p in slots[..i].iter().rev() {
                                let g = gap_of(p.1, first);
                                if !is_org(p.2) || !matches!(g[..], [","] | ["and"] | [",", "and"])
                                {
                                    break;
                                }
                                add(p.2, b, BASED_IN, ae, "place", 0.7);
                                first = p.0;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // "the University of Jerusalem's Institute": the possessor is part of a longer name.
        let inside_name = as_ > 1
            && sent.toks[as_ - 1].is("of")
            && i.checked_sub(1)
                .is_some_and(|p| slots[p].1 == as_ - 1 && is_org(slots[p].2));
        if let [s] = gap[..]
            && possessive(s)
            && !inside_name
        {
            // "Mecca's Grand Mosque", "Italy's la Repubblica"; a region or a district the
            // lexicon does not call a city ("Manhattan's Central Park") holds its places too.
            match (kind(a), kind(b)) {
                (EntityType::City | EntityType::Country | EntityType::Place, EntityType::Place) => {
                    add(b, a, LOCATED_IN, ae, "possessive-place", 0.7)
                }
                (EntityType::City | EntityType::Country, _) if is_org(b) => {
                    add(b, a, BASED_IN, ae, "possessive-place", 0.65)
                }
                _ => {}
            }
            // "DAB's Ana Silva and Ola Berg".
            if is_org(a) && kind(b) == EntityType::Person {
                let mut people = vec![b];
                let mut last = (bs, be);
                for n in &slots[i + 2..] {
                    let g = gap_of(last.1, n.0);
                    let owned_apart = sent.toks.get(n.1).is_some_and(|t| possessive(t.text));
                    if !matches!(g[..], ["and"] | [","] | [",", "and"])
                        || kind(n.2) != EntityType::Person
                        || owned_apart
                    {
                        break;
                    }
                    people.push(n.2);
                    last = (n.0, n.1);
                }
                for p in people {
                    if let Some((predicate, confidence)) = belonging(ctx, a) {
                        add(p, a, predicate, ae, "possessive", confidence);
                    }
                }
            }
        }
        // Counsel: "Ana Berg, a lawyer for Tom Reyes," and "Tom Reyes's attorney, Ana Berg".
        let counsel = |w: &str| COUNSEL.contains(&w.to_lowercase().as_str());
        if kind(a) == EntityType::Person {
            let lawyer_for = match gap[..] {
                [",", art, adj, w, "for" | "of"]
                    if matches!(art, "a" | "an" | "the") && !counsel(adj) =>
                {
                    counsel(w)
                }
                [",", "a" | "an" | "the", w, "for" | "of"] => counsel(w),
                [",", w, "for"] => counsel(w),
                _ => false,
            };
            if lawyer_for {
                add(a, b, REPRESENTS, ae, "counsel", 0.7);
            }
        }
        if kind(b) == EntityType::Person {
            let lawyer_of = match gap[..] {
                [s, w, ","] | [s, w] if possessive(s) => counsel(w),
                _ => false,
            };
            if lawyer_of {
                add(b, a, REPRESENTS, ae, "counsel", 0.7);
            }
        }
        // A case's caption: "Kestrel Media v. Vantor Systems" (the plaintiff first).
        if gap[..] == ["v."]
            && !matches!(kind(a), EntityType::City | EntityType::Place)
            && !matches!(kind(b), EntityType::City | EntityType::Place)
        {
            add(a, b, SUES, ae, "caption", 0.7);
        }
        // "Ana Silva, 40, a member of the Green Party"; "Ron Wyden, a Democrat from Oregon".
        let person_org = kind(a) == EntityType::Person && is_org(b);
        let party = person_org && lex.party_adjective(&sent.span_text(ctx.analysis.text, bs, be));
        if person_org && member_apposition(sent, ae, bs, party) {
            add(a, b, MEMBER_OF, ae, "member-of", 0.75);
        }
        // "Ana Silva of the Green Party", "Ola Berg from the Daily Post", "Mara Quint, of
        // Halvard Laboratories," (set off by commas).
        let lower: Vec<String> = gap.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let closed = sent
            .toks
            .get(be)
            .is_none_or(|t| matches!(t.text, "," | "." | ";" | ")"));
        let of_from = match lower[..] {
            ["of" | "from"] | ["of" | "from", "the"] => true,
            [",", "of" | "from"] | [",", "of" | "from", "the"] => closed,
            _ => false,
        };
        // "Sara Lind for the Bergen Red Cross said ...": a person speaking for a body works for
        // it.
        let speaks_for = matches!(lower[..], ["for"] | ["for", "the"])
            && sent.toks.get(be).is_some_and(|t| {
                t.text == "," || (crate::facts::quotes::reporting(t.text) && !t.is("according"))
            });
        if speaks_for && kind(a) == EntityType::Person && is_org(b) && !titled(lex, sent, as_) {
            add(a, b, WORKS_FOR, ae, "speaks-for", 0.6);
        }
        // Set off by commas, a university is where the person works ("Nick Holm, of the
        // University of Helsinki, studies ants"); without them, a student as often as not.
        let set_off = lower.first() == Some(&",");
        let belongs =
            belonging(ctx, b).or_else(|| (set_off && school(ctx, b)).then_some((WORKS_FOR, 0.6)));
        if of_from
            && kind(a) == EntityType::Person
            && is_org(b)
            && !titled(lex, sent, as_)
            && !sent.toks[be..].iter().take(3).any(|t| t.is("respectively"))
            && !paired.iter().any(|&(p, _, _)| p == a)
            && let Some((predicate, confidence)) = belongs
            && (lower.contains(&"of") || predicate == MEMBER_OF)
            // "publishers X of the Daily Post and Y of ...": the post says it (but
            // "councillors X of the Green Party" are the party's members all the same).
            && (predicate == MEMBER_OF
                || crate::facts::roles::plural_title_before(ctx, sent.index, as_).is_none())
        {
            add(a, b, predicate, ae, "of", confidence);
        }
    }
    // "Kwok Ka-ki and Andrew Wan of respectively Civic Party and the Democratic Party".
    for (a, b, at) in paired {
        if kind(a) == EntityType::Person
            && is_org(b)
            && let Some((predicate, confidence)) = belonging(ctx, b)
        {
            add(a, b, predicate, at, "respectively", confidence);
        }
    }
}

/// "Ana Berg's home in Oslo", "at his home in the village of Westerhoek": where a person lives
/// (a name with its possessive, or "his"/"her" resolved to one person, then "home in" and a
/// place, possibly after "the town/village/city of").
pub(crate) fn homes(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    slots: &Slots,
    pronouns: &[(usize, usize, ClusterId)],
    out: &mut Vec<FoundRelation>,
) {
    let kind = |c: ClusterId| ctx.clusters[c].kind;
    let word = |k: usize| sent.toks.get(k).map_or("", |t| t.text);
    for (k, person) in super::kin::possessors(ctx, sent, slots, pronouns) {
        if !(sent.toks.get(k).is_some_and(|t| t.is("home")) && word(k + 1) == "in") {
            continue;
        }
        let mut at = k + 2;
        if sent.toks.get(at).is_some_and(|t| t.is("the"))
            && crate::names::mentions::settlement_noun(&word(at + 1).to_lowercase())
            && word(at + 2) == "of"
        {
            at += 3;
        }
        let Some(&(_, _, place)) = slots.iter().find(|s| s.0 == at) else {
            continue;
        };
        if matches!(
            kind(place),
            EntityType::City | EntityType::Place | EntityType::Country
        ) {
            let (negated, hedged) = cues(sent, k);
            out.push(FoundRelation {
                sent: sent.index,
                subject: person,
                object: place,
                predicate: LIVES_IN.to_string(),
                label: "home".to_string(),
                negated,
                hedged,
                trigger: k,
                rule: "structure:home".to_string(),
                confidence: 0.7,
                place: None,
            });
        }
    }
}

/// Whether the words `gap` join two names of a list: ",", "and", ", and" (an article may open
/// the next name: "and the Democratic Party").
fn list_gap(gap: &[&crate::doc::analysis::Tok<'_>]) -> bool {
    let words: Vec<String> = gap.iter().map(|t| t.lower()).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let words = words.strip_suffix(&["the"]).unwrap_or(&words);
    matches!(words, [","] | ["and"] | [",", "and"])
}

/// The names of a list whose last name ends at token `end` (slot indices, in order).
fn list_ending(sent: &Sent<'_>, slots: &Slots, end: usize) -> Vec<usize> {
    let Some(mut k) = slots.iter().position(|s| s.1 == end) else {
        return Vec::new();
    };
    let mut list = vec![k];
    while k > 0 && slots[k - 1].1 <= slots[k].0 {
        let gap: Vec<_> = sent.toks[slots[k - 1].1..slots[k].0].iter().collect();
        if !list_gap(&gap) {
            break;
        }
        k -= 1;
        list.push(k);
    }
    list.reverse();
    list
}

/// The names of a list whose first name starts at token `start`, or after "the" there.
fn list_starting(sent: &Sent<'_>, slots: &Slots, start: usize) -> Vec<usize> {
    let start = if sent.toks.get(start).is_some_and(|t| t.is("the")) {
        start + 1
    } else {
        start
    };
    let Some(mut k) = slots.iter().position(|s| s.0 == start) else {
        return Vec::new();
    };
    let mut list = vec![k];
    while k + 1 < slots.len() && slots[k].1 <= slots[k + 1].0 {
        let gap: Vec<_> = sent.toks[slots[k].1..slots[k + 1].0].iter().collect();
        if !list_gap(&gap) {
            break;
        }
        k += 1;
        list.push(k);
    }
    list
}

/// Pairs read from "respectively": "A and B of respectively X and Y", "A and B of X and Y,
/// respectively" give (A, X) and (B, Y), with the token of each pair's "of"; lists of two or
/// more names of equal length only.
fn respectively(sent: &Sent<'_>, slots: &Slots) -> Vec<(ClusterId, ClusterId, usize)> {
    let mut pairs = Vec::new();
    let of = |k: usize| sent.toks[k].is("of") || sent.toks[k].is("from");
    for r in 1..sent.toks.len() {
        if !sent.toks[r].is("respectively") {
            continue;
        }
        let (people, bodies, at) = if of(r - 1) {
            (
                list_ending(sent, slots, r - 1),
                list_starting(sent, slots, r + 1),
                r - 1,
            )
        } else {
            let end = if sent.toks[r - 1].text == "," {
                r - 1
            } else {
                r
            };
            let bodies = list_ending(sent, slots, end);
            let Some(&first) = bodies.first() else {
                continue;
            };
            let mut q = slots[first].0;
            if q > 0 && sent.toks[q - 1].is("the") {
                q -= 1;
            }
            if q == 0 || !of(q - 1) {
                continue;
            }
            (list_ending(sent, slots, q - 1), bodies, q - 1)
        };
        if people.len() >= 2 && people.len() == bodies.len() {
            for (p, b) in people.iter().zip(&bodies) {
                pairs.push((slots[*p].2, slots[*b].2, at));
            }
        }
    }
    pairs
}

/// `, [a|an|the] [lower-case words] [based|located] in [the]` between two names, or the same
/// after `is`/`was`: "Acme, a software company based in Lyon"; "St Mary's, a catholic school in
/// Milan"; "Vardby is a small port town in Norway".
fn described_in(sent: &Sent<'_>, from: usize, to: usize) -> bool {
    let toks = &sent.toks[from..to];
    let [first, rest @ ..] = toks else {
        return false;
    };
    let Some(article) = rest.first() else {
        return false;
    };
    let joins = first.text == "," || first.is("is") || first.is("was");
    if !joins || !(article.is("a") || article.is("an") || article.is("the")) {
        return false;
    }
    let mut end = rest.len();
    if end > 0 && rest[end - 1].is("the") {
        end -= 1;
    }
    if end == 0 || !rest[end - 1].is("in") {
        return false;
    }
    end -= 1;
    if end > 0 && seated(&rest[end - 1].lower()) {
        end -= 1;
    }
    let words = &rest[1..end];
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|t| !t.capitalised() && matches!(t.tag, Upos::Adj | Upos::Noun))
}

/// `, [age ,] a|an [former] member of [the]` between a person and an organisation; without
/// "member of" when the organisation is named by a party's adjective (`party`: ", a Democrat").
fn member_apposition(sent: &Sent<'_>, from: usize, to: usize, party: bool) -> bool {
    let mut toks = &sent.toks[from..to];
    let mut take = |f: &dyn Fn(&crate::doc::analysis::Tok<'_>) -> bool| match toks.split_first() {
        Some((t, rest)) if f(t) => {
            toks = rest;
            true
        }
        _ => false,
    };
    if !take(&|t| t.text == ",") {
        return false;
    }
    if take(&|t| t.tag == Upos::Num) && !take(&|t| t.text == ",") {
        return false;
    }
    if !take(&|t| t.is("a") || t.is("an")) {
        return false;
    }
    take(&|t| t.tag == Upos::Adj);
    if party {
        return !take(&|_| true);
    }
    let member = take(&|t| t.is("member")) && take(&|t| t.is("of"));
    take(&|t| t.is("the"));
    member && toks.is_empty()
}

/// Whether a title word stands right before a name ("publisher Ana Silva").
fn titled(lex: &Lexicon, sent: &Sent<'_>, start: usize) -> bool {
    start > 0 && lex.title(sent.toks[start - 1].text)
}

/// The head word of an organisation's name: the last, or the last before "of" ("University of
/// Helsinki").
fn head_word(label: &str) -> &str {
    label
        .split(" of ")
        .next()
        .and_then(|h| h.split_whitespace().last())
        .unwrap_or_default()
}

/// Whether an organisation is a university or a school.
fn school(ctx: &Doc<'_, '_>, org: ClusterId) -> bool {
    ORG_KINDS.get(head_word(&ctx.clusters[org].label)) == Some(&OrgKind::School)
}

/// What a current post says of how its holder belongs to its organisation: a post in a
/// political party makes a member ("Green Party leader Ola Dahl", "Republican Party nominee X");
/// a position in a team, a player for it ("Tunisia's goalkeeper X"); an owner owns it; a
/// candidate only stands for it; another job at a body or a firm, one who works for it
/// ("Wikinews reporter X"). Read where the post was; not for a
/// former post, nor for an office in a body people belong to (a council's spokesman, a
/// charity's chief executive: those are the posts themselves).
pub(crate) fn from_posts(
    ctx: &Doc<'_, '_>,
    roles: &[crate::facts::roles::FoundRole],
    out: &mut Vec<FoundRelation>,
) {
    let lex = ctx.analysis.lex;
    for r in roles {
        let Some(org) = r.org else { continue };
        let person = ctx.cluster_of[r.person];
        let found = &ctx.found[r.person.index()];
        let sent = &ctx.analysis.sents[r.sent];
        let label = &ctx.clusters[org].label;
        let title = r.role.rsplit(' ').next().unwrap_or_default();
        let firm = matches!(
            ctx.clusters[org].kind,
            EntityType::Organization | EntityType::Company
        );
        let kind = lex.title_kind(&r.role).or_else(|| lex.title_kind(title));
        // "its founder and executive director, X": who founded a body stays its founder.
        let founder = firm
            && r.role.split(' ').any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "founder" | "co-founder" | "cofounder"
                )
            });
        let predicate = if founder {
            "founded"
        } else if head_word(label) == "Party" || lex.party_name(label) || lex.party_adjective(label)
        {
            MEMBER_OF
        } else {
            match kind {
                Some("player") => PLAYS_FOR,
                Some("owner") => OWNS,
                Some(_) => continue,
                None if firm && (lex.job_title(&r.role) || lex.job_title(title)) => WORKS_FOR,
                None => continue,
            }
        };
        let known = out
            .iter()
            .any(|f| f.subject == person && f.object == org && f.predicate == predicate);
        if known || (!founder && crate::facts::roles::former(sent, found, &r.role)) {
            continue;
        }
        let (negated, hedged) = cues(sent, found.start);
        out.push(FoundRelation {
            sent: r.sent,
            subject: person,
            object: org,
            predicate: predicate.to_string(),
            label: r.role.to_lowercase(),
            negated,
            hedged,
            trigger: found.start,
            rule: "structure:post".to_string(),
            confidence: 0.65,
            place: None,
        });
    }
}

/// "Lim Shu Fen, a marine biologist at the Straits Institute of Marine Science,", "Kavita Rao,
/// a telecoms analyst at Mumbai brokerage Arundhati Capital": a person, then in apposition a
/// description in lower case and "at" an organisation or company (after at most a place and a
/// few lower-case words): the person works there.
pub(crate) fn apposed_at(ctx: &Doc<'_, '_>, out: &mut Vec<FoundRelation>) {
    for (m, f) in ctx.found.iter().enumerate() {
        let person = ctx.cluster_of[m];
        if ctx.clusters[person].kind != EntityType::Person {
            continue;
        }
        let sent = &ctx.analysis.sents[f.sent];
        let toks = &sent.toks;
        let word = |k: usize| toks.get(k).map_or(String::new(), |t| t.lower());
        // "Graham Ferguson, 58, a property developer from Bearsden": past the age.
        let aged = word(f.end) == ","
            && toks.get(f.end + 1).is_some_and(|t| is_age(t.text))
            && word(f.end + 2) == ",";
        let base = if aged { f.end + 2 } else { f.end };
        if word(base) != "," || !matches!(word(base + 1).as_str(), "a" | "an") {
            continue;
        }
        // The description: one to five words in lower case, the last a noun, then "at" (or
        // "from" a place: "Marc Delvaux, a 41-year-old antiques dealer from Antwerp").
        let Some(at) = (base + 3..(base + 8).min(toks.len()))
            .find(|&k| matches!(word(k).as_str(), "at" | "from"))
        else {
            continue;
        };
        let described = toks[base + 2..at]
            .iter()
            .all(|t| !t.capitalised() && matches!(t.tag, Upos::Noun | Upos::Adj | Upos::Propn))
            && toks[at - 1].tag == Upos::Noun;
        if !described {
            continue;
        }
        if word(at) == "from" {
            let home = ctx
                .mention_starting_at(f.sent, at + 1)
                .map(|h| (ctx.cluster_of[h], ctx.found[h.index()].end))
                .filter(|&(c, _)| {
                    matches!(ctx.clusters[c].kind, EntityType::City | EntityType::Place)
                });
            if let Some((home, end)) = home
                && toks
                    .get(end)
                    .is_none_or(|t| matches!(t.text, "," | "." | ";" | ")"))
                && !out
                    .iter()
                    .any(|r| r.subject == person && r.object == home && r.predicate == LIVES_IN)
            {
                let (negated, hedged) = cues(sent, f.start);
                out.push(FoundRelation {
                    sent: f.sent,
                    subject: person,
                    object: home,
                    predicate: LIVES_IN.to_string(),
                    label: format!("{} from", word(at - 1)),
                    negated,
                    hedged,
                    trigger: at,
                    rule: "structure:apposed-from".to_string(),
                    confidence: 0.65,
                    place: None,
                });
            }
            continue;
        }
        // "at Mumbai brokerage Arundhati Capital", "at the Mumbai-based consultancy X".
        let mut k = at + 1;
        let limit = (k + 6).min(toks.len());
        let body = loop {
            if k >= limit || matches!(toks[k].text, "," | ";" | "." | ")") {
                break None;
            }
            if let Some(b) = ctx.mention_starting_at(f.sent, k) {
                let c = ctx.cluster_of[b];
                match ctx.clusters[c].kind {
                    EntityType::Organization | EntityType::Company => break Some(c),
                    EntityType::City | EntityType::Place | EntityType::Country => {
                        k = ctx.found[b.index()].end;
                        continue;
                    }
                    _ => break None,
                }
            }
            if toks[k].capitalised() && !toks[k].text.ends_with("-based") {
                break None;
            }
            k += 1;
        };
        let Some(body) = body else { continue };
        if out
            .iter()
            .any(|r| r.subject == person && r.object == body && r.predicate == WORKS_FOR)
        {
            continue;
        }
        let (negated, hedged) = cues(sent, f.start);
        out.push(FoundRelation {
            sent: f.sent,
            subject: person,
            object: body,
            predicate: WORKS_FOR.to_string(),
            label: format!("{} at", word(at - 1)),
            negated,
            hedged,
            trigger: at,
            rule: "structure:apposed-at".to_string(),
            confidence: 0.7,
            place: None,
        });
    }
}

/// Posts of a members' body that name whom the holder sits for.
const SEAT_TITLES: &[&str] = &[
    "mp",
    "lawmaker",
    "legislator",
    "senator",
    "congressman",
    "congresswoman",
    "deputy",
    "councillor",
    "councilor",
    "assemblyman",
    "assemblywoman",
    "representative",
];

/// "Ana Berg, an MP from Winnipeg": the place a member of a body of representatives sits for
/// (`represents`); "a lawmaker from the Green Party": the party (`memberOf`). The post in
/// apposition after the person, then "from" or "for" and the name.
pub(crate) fn seats(ctx: &Doc<'_, '_>, out: &mut Vec<FoundRelation>) {
    for (m, f) in ctx.found.iter().enumerate() {
        let person = ctx.cluster_of[m];
        if ctx.clusters[person].kind != EntityType::Person {
            continue;
        }
        let sent = &ctx.analysis.sents[f.sent];
        let toks = &sent.toks;
        let word = |k: usize| toks.get(k).map_or(String::new(), |t| t.lower());
        // "Dutch lawmaker Joost Hermsen of the Christian Civic Union": the post before the
        // name, the body after it.
        if f.start > 0
            && SEAT_TITLES.contains(&word(f.start - 1).as_str())
            && matches!(word(f.end).as_str(), "of" | "from")
        {
            let at = if word(f.end + 1) == "the" {
                f.end + 2
            } else {
                f.end + 1
            };
            if let Some(body) = ctx.mention_starting_at(f.sent, at)
                && ctx.clusters[ctx.cluster_of[body]].kind == EntityType::Organization
            {
                let (negated, hedged) = cues(sent, f.start);
                out.push(FoundRelation {
                    sent: f.sent,
                    subject: person,
                    object: ctx.cluster_of[body],
                    predicate: MEMBER_OF.to_string(),
                    label: format!("{} {}", word(f.start - 1), word(f.end)),
                    negated,
                    hedged,
                    trigger: f.start - 1,
                    rule: "structure:seat".to_string(),
                    confidence: 0.7,
                    place: None,
                });
            }
            continue;
        }
        if word(f.end) != "," || !matches!(word(f.end + 1).as_str(), "a" | "an" | "the") {
            continue;
        }
        // Up to two words before the title ("a senior Labour MP", "a first-term lawmaker").
        let Some(title) = (f.end + 2..(f.end + 5).min(toks.len()))
            .find(|&k| SEAT_TITLES.contains(&word(k).as_str()))
        else {
            continue;
        };
        // A seat held no longer is no relation now ("a former MP for Leeds").
        if !matches!(word(title + 1).as_str(), "from" | "for")
            || (f.end + 2..title).any(|k| matches!(word(k).as_str(), "former" | "ex-"))
        {
            continue;
        }
        let mut at = title + 2;
        if word(at) == "the" {
            at += 1;
        }
        let Some(seat) = ctx.mention_starting_at(f.sent, at) else {
            continue;
        };
        let seat = ctx.cluster_of[seat];
        let predicate = match ctx.clusters[seat].kind {
            EntityType::City | EntityType::Place => REPRESENTS,
            EntityType::Organization if ctx.clusters[seat].label.ends_with("Party") => MEMBER_OF,
            _ => continue,
        };
        let (negated, hedged) = cues(sent, f.start);
        out.push(FoundRelation {
            sent: f.sent,
            subject: person,
            object: seat,
            predicate: predicate.to_string(),
            label: format!("{} {}", word(title), word(title + 1)),
            negated,
            hedged,
            trigger: title,
            rule: "structure:seat".to_string(),
            confidence: 0.7,
            place: None,
        });
    }
}

/// Nouns for one who acts for another in law.
pub(crate) fn counsel_noun(word: &str) -> bool {
    matches!(
        word,
        "lawyer" | "attorney" | "counsel" | "solicitor" | "barrister"
    )
}

/// "His lawyer, Ana Berg,", "Tom Reyes's attorney, Ana Berg", "a lawyer for Tom Reyes, Ana
/// Berg", "Ana Berg, a lawyer for Tom Reyes", "Ana Berg, Tom Reyes's lawyer": the lawyer
/// represents the client (a person or a body, or "his"/"her" resolved to one).
pub(crate) fn counsel(ctx: &Doc<'_, '_>, out: &mut Vec<FoundRelation>) {
    let client_ok = |c: ClusterId| {
        matches!(
            ctx.clusters[c].kind,
            EntityType::Person | EntityType::Organization | EntityType::Company
        )
    };
    for (m, f) in ctx.found.iter().enumerate() {
        let lawyer = ctx.cluster_of[m];
        if ctx.clusters[lawyer].kind != EntityType::Person {
            continue;
        }
        let s = f.sent;
        let sent = &ctx.analysis.sents[s];
        let word = |k: usize| sent.toks.get(k).map_or(String::new(), |t| t.lower());
        // The client named around a counsel noun at `n`: a possessor or a pronoun before it,
        // or a name after "for".
        let client_of = |n: usize| -> Option<ClusterId> {
            if n >= 1 && possessive(&word(n - 1)) {
                return ctx.mention_ending_at(s, n - 1).map(|c| ctx.cluster_of[c]);
            }
            if n >= 1 && matches!(word(n - 1).as_str(), "his" | "her" | "its" | "their") {
                return ctx
                    .pronouns
                    .get(s)?
                    .iter()
                    .find(|&&(st, _, _)| st == n - 1)
                    .map(|&(_, _, c)| c);
            }
            if word(n + 1) == "for" {
                let at = if word(n + 2) == "the" { n + 3 } else { n + 2 };
                return ctx.mention_starting_at(s, at).map(|c| ctx.cluster_of[c]);
            }
            None
        };
        let mut clients = Vec::new();
        // Before the name: "His lawyer, X", "a lawyer for Y, X".
        if f.start >= 2 && word(f.start - 1) == "," {
            let n = (f.start.saturating_sub(6)..f.start - 1)
                .rev()
                .find(|&k| counsel_noun(&word(k)));
            if let Some(n) = n
                && let Some(c) = client_of(n)
            {
                // Only the client's name (or "for" and it) between the noun and the comma.
                let end = ctx
                    .found
                    .iter()
                    .find(|g| g.sent == s && g.start > n && g.end < f.start)
                    .map_or(n + 1, |g| g.end);
                if end == f.start - 1 {
                    clients.push((c, n));
                }
            }
        }
        // After it: "X, a lawyer for Y", "X, Y's lawyer".
        if word(f.end) == "," {
            let n = (f.end + 1..(f.end + 6).min(sent.toks.len())).find(|&k| counsel_noun(&word(k)));
            if let Some(n) = n
                && let Some(c) = client_of(n)
            {
                clients.push((c, n));
            }
        }
        for (client, n) in clients {
            let known = out.iter().any(|r| {
                r.sent == s
                    && r.subject == lawyer
                    && r.object == client
                    && r.predicate == REPRESENTS
            });
            if client == lawyer || !client_ok(client) || known {
                continue;
            }
            let (negated, hedged) = cues(sent, f.start);
            out.push(FoundRelation {
                sent: s,
                subject: lawyer,
                object: client,
                predicate: REPRESENTS.to_string(),
                label: word(n),
                negated,
                hedged,
                trigger: n,
                rule: "structure:counsel".to_string(),
                confidence: 0.7,
                place: None,
            });
        }
    }
}

/// How a named person belongs to an organisation, from the organisation's kind.
fn belonging(ctx: &Doc<'_, '_>, org: ClusterId) -> Option<(&'static str, f32)> {
    let cluster = &ctx.clusters[org];
    if cluster.kind == EntityType::Company {
        return Some((WORKS_FOR, 0.65));
    }
    match ORG_KINDS.get(head_word(&cluster.label)) {
        Some(OrgKind::Member) => Some((MEMBER_OF, 0.7)),
        Some(OrgKind::Work) => Some((WORKS_FOR, 0.65)),
        Some(OrgKind::School) => None,
        None => Some((MEMBER_OF, 0.55)),
    }
}

/// What a noun after a place says of a person it describes: "resident" lives there, "native"
/// was born there.
fn home_noun(word: &str) -> Option<&'static str> {
    match word {
        "resident" | "residents" => Some(LIVES_IN),
        "native" | "natives" => Some(BORN_IN),
        _ => None,
    }
}

/// Whether people "of" an organisation are its members (a party, a team, a body of no known
/// kind), not its staff: a post named with it is held elsewhere ("councillors X of the Green
/// Party").
pub(crate) fn members_body(ctx: &Doc<'_, '_>, org: ClusterId) -> bool {
    matches!(belonging(ctx, org), Some((MEMBER_OF, _)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_that_place_a_name() {
        assert_eq!(place_gap(&["in"]), Some(PlaceGap::In));
        assert_eq!(place_gap(&["at", "the"]), Some(PlaceGap::At));
        assert_eq!(place_gap(&[",", "based", "in"]), Some(PlaceGap::In));
        assert_eq!(place_gap(&["'s", "headquarters", "in"]), Some(PlaceGap::In));
        assert_eq!(place_gap(&[","]), Some(PlaceGap::Comma));
        assert_eq!(place_gap(&["of"]), Some(PlaceGap::Of));
        assert_eq!(place_gap(&["and"]), None);
        assert_eq!(place_gap(&["'s", "office", "in"]), None);
    }

    #[test]
    fn organisation_kinds_come_from_the_data_file() {
        assert_eq!(ORG_KINDS.get("Party"), Some(&OrgKind::Member));
        assert_eq!(ORG_KINDS.get("Gazette"), Some(&OrgKind::Work));
        assert_eq!(ORG_KINDS.get("University"), Some(&OrgKind::School));
        assert_eq!(ORG_KINDS.get("Paris"), None);
    }
}
