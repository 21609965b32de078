//! Relations read from a sentence's dependency tree.
//!
//! For every trigger word (`data/rules/predicates.tsv`: a verb, or an event noun such as
//! "visit", "deal", "backing") the tree gives its arguments wherever they stand: the subject
//! (inherited through "agreed to buy", "met X and signed", relative clauses "X, which bought Y",
//! participles "a firm based in Y"), the passive agent ("was shot by Y"), the direct and
//! indirect objects ("sold Castell a stake": Castell is what it was sold to), the prepositional
//! phrases ("backing from studios such as X and Y"), the possessor of an event noun ("X's visit
//! to Y"), and the subject of the verb that governs an event noun ("X won backing from Y").
//! Every argument is widened over its coordination ("X and Y"), its appositions and "such as"
//! lists. The trigger's rule then says which argument is the object and what the predicate is.
//!
//! Two names joined as subject and object of a verb no rule covers make an open `related`
//! relation labelled with the verb's lemma (and its preposition), never for a verb of saying:
//! speech makes a quote.

use crate::doc::analysis::Sent;
use crate::doc::{ClusterId, Doc};
use crate::facts::trees::Deps;
use crate::model::{EntityType, RELATED};
use crate::pos::Upos;

use super::{FoundRelation, RULES, Reader, Rule, Slots, TriggerPos, fits, pos_ok};

/// Confidence of a relation whose arguments the tree gave and a rule typed.
const TREE_CONFIDENCE: f32 = 0.8;
/// Confidence of an open relation read from the tree.
const OPEN_CONFIDENCE: f32 = 0.45;

/// Verbs whose subject and object make no fact of their own (the copula, light and speech
/// verbs); their lemma.
const NO_OPEN: &[&str] = &[
    "be",
    "have",
    "hold",
    "do",
    "say",
    "tell",
    "add",
    "ask",
    "call",
    "according",
    "note",
    "write",
    "report",
    "claim",
    "state",
    "explain",
    "insist",
    "argue",
    "announce",
    "describe",
    "make",
    "get",
    "take",
    "give",
    "see",
    "know",
    "think",
    "want",
    "need",
    "include",
    "become",
    "let",
    "use",
    "find",
    "thank",
    "quote",
    "cite",
    "deny",
    "confirm",
    "name",
    "list",
];

/// Prepositions whose object takes part in what the verb says (not a time or a place, which
/// "in", "at", "on" mostly give).
const OPEN_PREPOSITIONS: &[&str] = &[
    "with", "from", "against", "into", "over", "for", "to", "toward", "towards", "onto",
];

/// Event nouns whose possessor is what happened to, not who did it ("X's assassination").
const PATIENT_NOUNS: &[&str] = &[
    "assassination",
    "killing",
    "murder",
    "arrest",
    "acquisition",
    "takeover",
    "election",
    "appointment",
    "firing",
    "dismissal",
    "release",
];

/// Nouns for a part of a whole, whose "of" phrase is what a verb's act is on ("owns 22
/// percent of X").
const PART_NOUNS: [&str; 8] = [
    "percent", "cent", "majority", "half", "third", "quarter", "stake", "control",
];

/// Verbs whose object names the event they report ("held talks", "opened negotiations").
const LIGHT_VERBS: [&str; 6] = ["hold", "have", "conduct", "open", "begin", "resume"];

/// Nouns for the body that acts for its possessor ("OpenAI's board fired him").
const GOVERNING: &[&str] = &[
    "board",
    "government",
    "administration",
    "management",
    "leadership",
    "cabinet",
];

/// Nouns for a body after its name in lower case ("the Civic Renewal party").
const BODY_HEADS: &[&str] = &["party"];

/// Nouns for the people a body acts through ("officers from the National Police").
const AGENTS: &[&str] = &[
    "officers",
    "agents",
    "troops",
    "soldiers",
    "investigators",
    "detectives",
    "officials",
    "authorities",
    "prosecutors",
    "fighters",
];

/// Which token stands for which entity: every token of a mention.
fn cluster_at(slots: &Slots, i: usize) -> Option<ClusterId> {
    slots
        .iter()
        .find(|(s, e, _)| (*s..*e).contains(&i))
        .map(|s| s.2)
}

/// The entities an argument headed by `i` names: its own mention, else a name in apposition
/// to it or after "such as" ("studios such as Orion"), each widened over its conjuncts.
fn entities(deps: &Deps<'_>, sent: &Sent<'_>, slots: &Slots, i: usize, out: &mut Vec<ClusterId>) {
    let mut stack = vec![(i, 0u8)];
    while let Some((t, depth)) = stack.pop() {
        if depth > 6 {
            continue;
        }
        if let Some(c) = cluster_at(slots, t) {
            // "Ohio Gov. Ana Berg" parsed as one flat name headed by "Ohio": the name at its
            // end is who it is.
            let c = deps
                .children(t, "flat")
                .last()
                .and_then(|k| cluster_at(slots, k))
                .unwrap_or(c);
            if !out.contains(&c) {
                out.push(c);
            }
        } else if matches!(sent.toks[t].tag, Upos::Noun | Upos::Propn | Upos::Num) {
            // "On Monday Vexa Corp named ...", parsed as one flat name headed by "Monday": the
            // name the run ends in; "the Civic Renewal party": the name of the body the noun
            // says it is.
            // (The name right before the noun, and none named after it: "the Madrid law firm
            // X" is X, not Madrid.)
            let body = BODY_HEADS.iter().any(|w| sent.toks[t].is(w))
                && !deps.has_child(t, "appos")
                && !deps.has_child(t, "flat");
            let named_before = |k: usize| slots.iter().any(|&(s, e, _)| s <= k && k < e && e == t);
            if let Some(c) = deps.kids[t]
                .iter()
                .filter(|&&k| {
                    deps.rel[k] == "flat" || (body && deps.rel[k] == "compound" && named_before(k))
                })
                .filter_map(|&k| cluster_at(slots, k))
                .next_back()
                && !out.contains(&c)
            {
                out.push(c);
            }
            // "OpenAI's board", "Norway's government", "the board of Vexa Corp": the body that
            // acts for its owner.
            if GOVERNING.iter().any(|w| sent.toks[t].is(w)) {
                let of = deps
                    .children(t, "nmod")
                    .filter(|&k| preposition(deps, sent, k).as_deref() == Some("of"));
                // "the Luxembourg government": the name before the noun, too.
                let before = deps.children(t, "compound").filter(|&k| named_before(k));
                for k in deps.children(t, "nmod:poss").chain(of).chain(before) {
                    stack.push((k, depth + 1));
                }
            }
            // "officers from the National Police detained X": the people a body acts through.
            if AGENTS.iter().any(|w| sent.toks[t].is(w)) {
                for k in deps.children(t, "nmod").filter(|&k| {
                    matches!(preposition(deps, sent, k).as_deref(), Some("of" | "from"))
                }) {
                    stack.push((k, depth + 1));
                }
            }
            // "the firm, Andessa", "studios such as Orion".
            for &k in &deps.kids[t] {
                let such_as = deps.base(k) == "nmod"
                    && deps.kids[k].iter().any(|&c| {
                        deps.rel[c] == "case"
                            && (sent.toks[c].is("as") || sent.toks[c].is("including"))
                    });
                if deps.rel[k] == "appos" || such_as {
                    stack.push((k, depth + 1));
                }
            }
        }
        for k in deps.children(t, "conj") {
            stack.push((k, depth + 1));
        }
    }
}

/// "Co-founder of Google, Sergey Brin, met ...", parsed with the person in apposition to
/// Google: a subject that names no one and has no apposition of its own stands for the person
/// in apposition to the name it governs (a person is no name for a body).
fn post_holder(
    ctx: &Doc<'_, '_>,
    deps: &Deps<'_>,
    slots: &Slots,
    subjects: &[usize],
    out: &mut Vec<ClusterId>,
) {
    for &s in subjects {
        if deps.has_child(s, "appos") {
            continue;
        }
        for k in deps.children(s, "nmod") {
            let Some(named) = cluster_at(slots, k) else {
                continue;
            };
            for a in deps.children(k, "appos") {
                if let Some(c) = cluster_at(slots, a)
                    && c != named
                    && ctx.clusters[c].kind == EntityType::Person
                    && ctx.clusters[named].kind != EntityType::Person
                    && !out.contains(&c)
                {
                    out.push(c);
                }
            }
        }
    }
}

/// The preposition of an oblique or nominal modifier: its `case` child, lower case, or that of
/// the first word of its name, where the parser often hangs it ("to Halvard Labs" with "to"
/// under "Halvard").
fn preposition(deps: &Deps<'_>, sent: &Sent<'_>, i: usize) -> Option<String> {
    let case = |k: usize| {
        deps.children(k, "case")
            .find(|&c| sent.toks[c].tag == Upos::Adp)
            .map(|c| sent.toks[c].text.to_lowercase())
    };
    case(i).or_else(|| {
        deps.kids[i]
            .iter()
            .copied()
            .filter(|&k| k < i && matches!(deps.rel[k], "compound" | "flat"))
            .find_map(case)
    })
}

/// Whether a verb is passive (a passive subject or auxiliary, or an agent: "the party, led by
/// X").
fn passive(deps: &Deps<'_>, i: usize) -> bool {
    deps.has_child(i, "nsubj:pass")
        || deps.has_child(i, "aux:pass")
        || deps.has_child(i, "obl:agent")
}

/// Whether token `s` is a relative pronoun ("who", "whom", "which", "that").
fn relative_pronoun(sent: &Sent<'_>, s: usize) -> bool {
    matches!(
        sent.toks[s].text.to_lowercase().as_str(),
        "who" | "whom" | "which" | "that"
    )
}

/// The subject tokens of predicate `p`: its own, else inherited from the verb it depends on.
fn subjects(deps: &Deps<'_>, sent: &Sent<'_>, p: usize, depth: u8) -> Vec<usize> {
    // Two subjects is a misparse of a name before a name ("Dayton Mayor Ana Berg"): the one
    // next to the verb.
    let own: Vec<usize> = deps.children(p, "nsubj").last().into_iter().collect();
    let up = deps.head[p];
    if let Some(&s) = own.first() {
        // "X, which bought Y": the relative pronoun stands for the noun.
        if relative_pronoun(sent, s)
            && deps.rel[p] == "acl:relcl"
            && let Some(h) = up
        {
            return vec![h];
        }
        return own;
    }
    if depth > 3 {
        return Vec::new();
    }
    let Some(h) = up else {
        return Vec::new();
    };
    match deps.rel[p] {
        // "X agreed to buy Y": the controller; "persuaded X to buy": the object.
        "xcomp" => {
            let objects: Vec<usize> = deps.children(h, "obj").collect();
            if objects.is_empty() {
                subjects(deps, sent, h, depth + 1)
            } else {
                objects
            }
        }
        // "X met Y and signed ...".
        "conj" if matches!(sent.toks[h].tag, Upos::Verb) => subjects(deps, sent, h, depth + 1),
        // "Andessa, a firm based in Chile", "the man who shot X" (pronoun handled above).
        "acl" | "acl:relcl" => vec![h],
        // "After meeting X, Y said": the main clause's subject; so too for a purpose ("X left
        // Y to join Z", "X flew to Oslo to meet Y").
        "advcl"
            if sent.toks[p].text.ends_with("ing")
                || deps.children(p, "mark").any(|m| sent.toks[m].is("to")) =>
        {
            subjects(deps, sent, h, depth + 1)
        }
        // "Born in Pune in 1933, X studied ...": a participle clause before its main clause,
        // with no word to open it, no auxiliary and no subject, is said of that clause's
        // subject.
        "advcl"
            if p < h
                && sent.toks[p].tag == Upos::Verb
                && !deps.kids[p]
                    .iter()
                    .any(|&k| matches!(deps.base(k), "mark" | "aux" | "nsubj")) =>
        {
            subjects(deps, sent, h, depth + 1)
        }
        // "... rose after Microsoft announced a deal": the parser hung "after Microsoft" on the
        // main verb; the name right before the clause's verb is its subject.
        "advcl" => subject_read_as_oblique(deps, sent, p).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Words that open a clause, and that the parser may read as the preposition of the clause's
/// subject.
const CLAUSE_OPENERS: &[&str] = &["after", "before", "since", "until", "as", "while", "when"];

/// The subject of clause `p` (no subject of its own) that the parser read as an oblique of the
/// verb above ("rose after Microsoft announced ..."): an oblique of that verb, opened by a word
/// that opens clauses, ending right before `p` (or before its auxiliaries and adverbs).
fn subject_read_as_oblique(deps: &Deps<'_>, sent: &Sent<'_>, p: usize) -> Option<usize> {
    let h = deps.head[p]?;
    let mut j = p;
    while j > 0 && deps.head[j - 1] == Some(p) && matches!(deps.base(j - 1), "aux" | "advmod") {
        j -= 1;
    }
    let last = j.checked_sub(1)?;
    let o = if deps.rel[last] == "flat" {
        deps.head[last]?
    } else {
        last
    };
    let opened = deps
        .children(o, "case")
        .any(|c| CLAUSE_OPENERS.iter().any(|w| sent.toks[c].is(w)));
    (deps.head[o] == Some(h) && deps.base(o) == "obl" && opened && o < p).then_some(o)
}

/// The subject of an event noun: its possessor (for nouns whose possessor acts), a "by" phrase,
/// else the subject of the verb whose object it is ("X signed a deal with Y").
fn noun_subjects(
    deps: &Deps<'_>,
    sent: &Sent<'_>,
    p: usize,
    patient: bool,
    actor: &dyn Fn(usize) -> bool,
    agent: bool,
) -> Vec<usize> {
    let mut out: Vec<usize> = deps.kids[p]
        .iter()
        .copied()
        .filter(|&k| deps.base(k) == "nmod" && preposition(deps, sent, k).as_deref() == Some("by"))
        .collect();
    if !patient {
        out.extend(deps.children(p, "nmod:poss"));
        // "the US assault on Fallujah", "US support for Israel": a name compounded with the
        // event noun, when it names who may act (not "the Oslo talks").
        if out.is_empty() {
            out.extend(deps.children(p, "compound").filter(|&k| actor(k)));
        }
    }
    // "X signed a deal with Y"; "X arrived in Oslo for talks with Y", "X is in Oslo for a
    // visit to Y": an event noun after "for" is the verb's subject's too.
    // So is one after "after", "before" or "during" ("After talks with Y, X said ...").
    let purpose = || {
        deps.base(p) == "obl"
            && matches!(
                preposition(deps, sent, p).as_deref(),
                Some("for" | "after" | "before" | "during" | "following")
            )
    };
    if out.is_empty()
        && !agent
        && let Some(h) = deps.head[p]
        && (matches!(deps.rel[p], "obj" | "nsubj:pass") || purpose())
        && sent.toks[h].tag == Upos::Verb
    {
        out = subjects(deps, sent, h, 1);
        if deps.rel[p] == "nsubj:pass" {
            out = deps
                .children(h, "obl:agent")
                .chain(deps.kids[h].iter().copied().filter(|&k| {
                    deps.base(k) == "obl" && preposition(deps, sent, k).as_deref() == Some("by")
                }))
                .collect();
        }
    }
    // "X, a native of Y", "X is a critic of Y": the noun describes the name it stands in
    // apposition to, or the subject of its copula.
    if out.is_empty() {
        if deps.rel[p] == "appos" {
            out.extend(deps.head[p]);
        } else if deps.kids[p].iter().any(|&k| deps.rel[k] == "cop") {
            out.extend(deps.children(p, "nsubj"));
            // "X was born in Y and is a native of Z": the copula joined to a verb shares its
            // subject.
            if out.is_empty()
                && deps.rel[p] == "conj"
                && let Some(h) = deps.head[p]
            {
                out.extend(deps.children(h, "nsubj"));
                out.extend(deps.children(h, "nsubj:pass"));
            }
        }
    }
    out
}

/// The arguments of predicate `p` by role: subjects, direct objects, and prepositional
/// arguments with their preposition (an indirect object counts as "to").
struct Args {
    subjects: Vec<usize>,
    objects: Vec<usize>,
    preps: Vec<(String, usize)>,
}

fn arguments(
    deps: &Deps<'_>,
    sent: &Sent<'_>,
    p: usize,
    actor: &dyn Fn(usize) -> bool,
    agent: bool,
) -> Args {
    let noun = matches!(sent.toks[p].tag, Upos::Noun | Upos::Propn);
    let lower = sent.toks[p].text.to_lowercase();
    let mut preps: Vec<(String, usize)> = Vec::new();
    for &k in &deps.kids[p] {
        let rel = deps.rel[k];
        let prepositional = if noun {
            deps.base(k) == "nmod" && rel != "nmod:poss"
        } else {
            deps.base(k) == "obl" && !other_verb_between(sent, p, k)
        };
        if prepositional && let Some(q) = preposition(deps, sent, k) {
            preps.push((q, k));
        }
        // An indirect object with no direct object beside it is the parser's reading of a
        // direct one ("hired Ana Berg to run its unit"): `objects` takes it.
        if rel == "iobj" && deps.has_child(p, "obj") {
            preps.push(("to".into(), k));
        }
    }
    // "held talks on Monday with Ana Berg": the prepositional phrases of a light verb whose
    // object is the event noun are the noun's.
    if noun
        && deps.rel[p] == "obj"
        && let Some(h) = deps.head[p]
        && LIGHT_VERBS.contains(&deps.lemma(sent, h).as_str())
    {
        for &k in &deps.kids[h] {
            if deps.base(k) == "obl"
                && !other_verb_between(sent, h, k)
                && let Some(q) = preposition(deps, sent, k)
            {
                preps.push((q, k));
            }
        }
    }
    if noun {
        let patient = PATIENT_NOUNS.contains(&lower.as_str());
        // "X's assassination", "the assassination of X": the noun's patient is its object.
        let mut objects: Vec<usize> = Vec::new();
        if patient {
            objects.extend(deps.children(p, "nmod:poss"));
            objects.extend(preps.iter().filter(|(q, _)| q == "of").map(|(_, k)| *k));
        }
        return Args {
            subjects: noun_subjects(deps, sent, p, patient, actor, agent),
            objects,
            preps,
        };
    }
    if passive(deps, p) {
        // The agent; also a "by" phrase the parser took for an object ("which is owned by
        // Kestrel Media").
        let by_object = deps
            .children(p, "obj")
            .filter(|&k| preposition(deps, sent, k).as_deref() == Some("by"));
        let agents: Vec<usize> = deps
            .children(p, "obl:agent")
            .chain(preps.iter().filter(|(q, _)| q == "by").map(|(_, k)| *k))
            .chain(by_object)
            .collect();
        let patients = passive_patients(deps, sent, p);
        // "X was born in Y", "a firm based in Y": without an agent, the patient is the subject
        // of the prepositional rules.
        let (subjects, objects) = if agents.is_empty() {
            (patients, Vec::new())
        } else {
            (agents, patients)
        };
        return Args {
            subjects,
            objects,
            preps: preps.into_iter().filter(|(q, _)| q != "by").collect(),
        };
    }
    Args {
        subjects: subjects(deps, sent, p, 0),
        objects: objects(deps, sent, p),
        preps,
    }
}

/// The patients of passive verb `p`: its passive subject; in a relative clause the noun the
/// clause qualifies stands for a relative pronoun ("Halvard Labs, which is owned by Vexa") and,
/// with no subject, in a reduced one ("the Green Party, led by Ola Dahl"), and a noun in
/// apposition to a name stands for the name ("Vexa Corp, a firm founded by Ana Berg"); an
/// opening participle clause's is its main clause's subject.
fn passive_patients(deps: &Deps<'_>, sent: &Sent<'_>, p: usize) -> Vec<usize> {
    let own: Vec<usize> = deps.children(p, "nsubj:pass").collect();
    // "Founded in 2018 by Ana Berg, Vexa Corp makes ...": a participle clause opening the
    // sentence is said of its main clause's subject.
    if own.is_empty() && deps.rel[p] == "advcl" {
        return subjects(deps, sent, p, 0);
    }
    // The same clause parsed as the root, the main clause hung on it as parataxis.
    if own.is_empty()
        && p == 0
        && deps.rel[p] == "root"
        && let Some(main) = deps
            .children(p, "parataxis")
            .find(|&k| sent.toks[k].tag == Upos::Verb)
    {
        return deps.children(main, "nsubj").collect();
    }
    let qualifies = matches!(deps.rel[p], "acl" | "acl:relcl");
    let stands = match own[..] {
        [] if qualifies => deps.head[p],
        [s] if qualifies && relative_pronoun(sent, s) => deps.head[p],
        _ => return own,
    };
    let Some(h) = stands else { return own };
    let named = (deps.rel[h] == "appos" && sent.toks[h].tag == Upos::Noun)
        .then(|| deps.head[h])
        .flatten();
    vec![named.unwrap_or(h)]
}

/// The direct objects of verb `p`; in a relative clause with a subject of its own, the noun
/// the clause qualifies stands for a relative pronoun object or a missing one ("Vexa, which
/// Ana Berg founded", "the firm Ana Berg founded").
fn objects(deps: &Deps<'_>, sent: &Sent<'_>, p: usize) -> Vec<usize> {
    let mut own: Vec<usize> = deps.children(p, "obj").collect();
    if own.is_empty() {
        own.extend(deps.children(p, "iobj"));
    }
    // "owns 22 percent of Havgard", "holds a majority of X": the part's whole is what is owned
    // (a part bought may be a stake or a takeover: left to the words).
    let parts: Vec<usize> = own
        .iter()
        .filter(|&&k| {
            PART_NOUNS.contains(&sent.toks[k].lower().as_str()) || sent.toks[k].text == "%"
        })
        .flat_map(|&k| deps.children(k, "nmod"))
        .filter(|&n| matches!(preposition(deps, sent, n).as_deref(), Some("of" | "in")))
        .collect();
    if !parts.is_empty() && matches!(deps.lemma(sent, p).as_str(), "own" | "hold" | "control") {
        own.extend(parts);
    }
    // "beat Real Castellar": a name right after the verb whose first word the tagger read as
    // an adjective, parsed as a complement.
    if own.is_empty() {
        own.extend(deps.children(p, "xcomp").filter(|&k| {
            k == p + 1 && sent.toks[k].capitalised() && sent.toks[k].tag == Upos::Adj
        }));
    }
    let qualified = deps.head[p].filter(|_| {
        deps.rel[p] == "acl:relcl"
            && deps.has_child(p, "nsubj")
            && !deps.kids[p].iter().any(|&k| {
                matches!(deps.rel[k], "advmod" | "mark" | "obl") && k < p
                    || matches!(deps.base(k), "ccomp" | "xcomp")
            })
    });
    let Some(h) = qualified else { return own };
    // With no pronoun, the clause's subject follows the noun with nothing between but its own
    // words ("the firm Ana Berg founded").
    let next_to = || {
        deps.children(p, "nsubj").next().is_some_and(|s| {
            let first = deps.subtree(s).into_iter().min().unwrap_or(s);
            first > h && sent.toks[h + 1..first].is_empty()
        })
    };
    match own[..] {
        [] if next_to() => vec![h],
        [o] if relative_pronoun(sent, o) => vec![h],
        _ => own,
    }
}

/// Whether "and" or "but" and then a verb stand between predicate `p` and its oblique `k`: "born
/// in Bergen and lives in Oslo" hangs "in Oslo" off "born" when the tagger reads "lives" as a
/// noun; the place is the second verb's.
fn other_verb_between(sent: &Sent<'_>, p: usize, k: usize) -> bool {
    let Some(c) = (p + 1..k).find(|&c| sent.toks[c].tag == Upos::Cconj) else {
        return false;
    };
    sent.toks[c + 1..k].iter().any(|t| {
        matches!(t.tag, Upos::Verb | Upos::Aux) || super::RULES.verb_form(&t.text.to_lowercase())
    })
}

/// Negation and hedging from the tree: "not"/"never" on the predicate, a modal auxiliary (the
/// future too: "will meet" is planned, not done), or a conditional clause.
fn tree_cues(deps: &Deps<'_>, sent: &Sent<'_>, p: usize) -> (bool, bool) {
    // An event noun under "no" did not happen; under "any" it is only supposed ("any attack
    // on Y would ...").
    let det = |w: &str| deps.children(p, "det").any(|k| sent.toks[k].is(w));
    let noun = matches!(sent.toks[p].tag, Upos::Noun | Upos::Propn);
    // "ruled out working with X", "refused to meet X": the act under a verb that denies it.
    let denied = deps.head[p].is_some_and(|h| {
        matches!(deps.base(p), "xcomp" | "ccomp" | "obj")
            && match deps.lemma(sent, h).as_str() {
                "refuse" | "decline" | "deny" | "reject" | "fail" => true,
                "rule" => deps
                    .children(h, "compound:prt")
                    .any(|k| sent.toks[k].is("out")),
                _ => false,
            }
    });
    let negated = deps.negated(sent, p) || (noun && det("no")) || denied;
    let hedged = (noun && det("any"))
        || deps.kids[p].iter().any(|&k| {
            (deps.rel[k] == "aux"
                && matches!(
                    sent.toks[k].text.to_lowercase().as_str(),
                    "may" | "might" | "could" | "would" | "should" | "will" | "'ll" | "shall"
                ))
                || (deps.rel[k] == "mark" && sent.toks[k].is("if"))
        });
    (negated, hedged)
}

/// The relations of one sentence read from its tree.
pub(super) fn read(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    deps: &Deps<'_>,
    slots: &Slots,
    out: &mut Vec<FoundRelation>,
) {
    let rules = &*RULES;
    let mut subj = Vec::new();
    let mut obj = Vec::new();
    for p in 0..sent.toks.len() {
        let tag = sent.toks[p].tag;
        // A word of a name is no predicate ("Lam Cheuk-ting", its last part read as a verb).
        if !matches!(tag, Upos::Verb | Upos::Noun | Upos::Adj) || cluster_at(slots, p).is_some() {
            continue;
        }
        let mut form = sent.toks[p].text.to_lowercase();
        // "set up the Deshpande Foundation": a verb with its particle is read whole where the
        // table lists it so.
        if let Some(k) = deps.children(p, "compound:prt").next() {
            let phrasal = format!("{form} {}", sent.toks[k].lower());
            if rules.by_form.contains_key(&phrasal) {
                form = phrasal;
            }
        }
        let found_rules: Vec<&Rule> = rules
            .by_form
            .get(&form)
            .map(|v| {
                v.iter()
                    .filter(|r| pos_ok(tag, r.pos) && r.reader != Reader::Words)
                    .collect()
            })
            .unwrap_or_default();
        if found_rules.is_empty() && tag != Upos::Verb {
            continue;
        }
        let noun = tag == Upos::Noun;
        // "the Oslo talks": a place compounded with an event noun is where it is.
        let actor = |t: usize| {
            cluster_at(slots, t).is_some_and(|c| {
                !matches!(ctx.clusters[c].kind, EntityType::City | EntityType::Place)
            })
        };
        // A noun that names its own subject ("owner", "founder") is not the verb's subject's
        // ("police detained the owner of X").
        let agent = noun && !found_rules.is_empty() && found_rules.iter().all(|r| r.agent);
        let args = arguments(deps, sent, p, &actor, agent);
        // (A passive-only rule reads its own subject, the patient.)
        let passive_rule = found_rules.iter().any(|r| r.passive);
        if args.subjects.is_empty() && !passive_rule {
            continue;
        }
        subj.clear();
        for &s in &args.subjects {
            entities(deps, sent, slots, s, &mut subj);
        }
        if subj.is_empty() {
            post_holder(ctx, deps, slots, &args.subjects, &mut subj);
        }
        if subj.is_empty() {
            reporter_for_pronoun(ctx, deps, sent, slots, &args.subjects, &mut subj);
        }
        if subj.is_empty() && !passive_rule {
            continue;
        }
        let (negated, hedged) = all_cues(deps, sent, p);
        let mut typed = false;
        let mut push = |s: ClusterId, o: ClusterId, predicate: &str, label: String, how: &str| {
            if s == o {
                return;
            }
            out.push(FoundRelation {
                sent: sent.index,
                subject: s,
                object: o,
                predicate: predicate.to_string(),
                label,
                negated,
                hedged,
                trigger: p,
                rule: format!("tree-{how}:{predicate}"),
                confidence: if predicate == RELATED {
                    OPEN_CONFIDENCE
                } else {
                    TREE_CONFIDENCE
                },
                place: None,
            });
        };
        for rule in &found_rules {
            if rule.as_post && !as_phrase(deps, sent, p) {
                continue;
            }
            // "born and raised in Bergen": a conjunct shares the passive of its head.
            let shared = deps.head[p].filter(|&h| deps.base(p) == "conj" && passive(deps, h));
            let voice = if passive(deps, p) { Some(p) } else { shared };
            if rule.passive && voice.is_none() {
                continue;
            }
            // A passive-only rule's subject is the patient, whatever agent the clause names
            // ("was raised in Dayton by his aunt").
            let mut patients = Vec::new();
            if rule.passive
                && let Some(v) = voice
            {
                for k in passive_patients(deps, sent, v) {
                    entities(deps, sent, slots, k, &mut patients);
                }
            }
            let subjects = if rule.passive { &patients } else { &subj };
            // "lost his fortune to Y" is no defeat by Y: a reversed rule ("lost to Y") reads no
            // verb whose object someone owns.
            if rule.reverse && !noun && args.objects.iter().any(|&o| deps.has_child(o, "nmod:poss"))
            {
                continue;
            }
            obj.clear();
            match &rule.prep {
                None => {
                    for &o in &args.objects {
                        entities(deps, sent, slots, o, &mut obj);
                    }
                    // "Vexa Corp named Ana Berg as ...", parsed as "a firm named Ana Berg".
                    if rule.as_post && obj.is_empty() {
                        for o in deps.children(p, "xcomp") {
                            entities(deps, sent, slots, o, &mut obj);
                        }
                    }
                }
                Some(q) => {
                    for (_, k) in args.preps.iter().filter(|(pq, _)| pq == q) {
                        entities(deps, sent, slots, *k, &mut obj);
                    }
                }
            }
            for &o in &obj {
                for &s in subjects {
                    let (s, o) = if rule.reverse { (o, s) } else { (s, o) };
                    if !super::subject_fits(ctx.clusters[s].kind, &rule.predicate) {
                        continue;
                    }
                    if fits(ctx.clusters[o].kind, rule.object) {
                        typed = true;
                        let how = if rule.prep.is_some() { "prep" } else { "obj" };
                        push(s, o, &rule.predicate, form.clone(), how);
                    }
                }
            }
        }
        if typed
            || tag != Upos::Verb
            || matches!(found_rules.first(), Some(r) if r.pos == TriggerPos::Noun)
        {
            continue;
        }
        // An open relation: subject and direct object of a verb no rule covers.
        let lemma = deps.lemma(sent, p);
        if NO_OPEN.contains(&lemma.as_str()) || rules.not_verbs.contains(&lemma) {
            continue;
        }
        obj.clear();
        for &o in &args.objects {
            entities(deps, sent, slots, o, &mut obj);
        }
        for &o in &obj {
            for &s in &subj {
                push(s, o, RELATED, lemma.clone(), "open");
            }
        }
        // "X withdrew from Y", "X sided with Y": a prepositional object that is no time or
        // place adjunct.
        for (q, k) in &args.preps {
            if !OPEN_PREPOSITIONS.contains(&q.as_str()) {
                continue;
            }
            obj.clear();
            entities(deps, sent, slots, *k, &mut obj);
            for &o in &obj {
                for &s in &subj {
                    push(s, o, RELATED, format!("{lemma} {q}"), "open");
                }
            }
        }
    }
}

/// Whether verb `p` has a phrase opened by "as" ("named Ana Berg as its chief executive").
fn as_phrase(deps: &Deps<'_>, sent: &Sent<'_>, p: usize) -> bool {
    deps.kids[p].iter().any(|&k| {
        matches!(deps.base(k), "obl" | "advcl" | "xcomp")
            && deps
                .children(k, "case")
                .chain(deps.children(k, "mark"))
                .any(|c| sent.toks[c].is("as"))
    })
}

/// Verbs of reporting whose subject a bare "it" or "we" of the reported clause stands for:
/// their lemma.
const REPORTING: &[&str] = &[
    "say", "tell", "announce", "add", "state", "report", "confirm", "disclose", "reveal", "write",
    "explain", "insist", "note",
];

/// "Vexa said it had agreed to buy Halvard Labs", "Norway announced that we will ...": a bare
/// "it" or "we" that subjects a clause reported by a verb of saying is the organisation, firm or
/// country that says it (a person never: "Ana Berg said it would rain").
fn reporter_for_pronoun(
    ctx: &Doc<'_, '_>,
    deps: &Deps<'_>,
    sent: &Sent<'_>,
    slots: &Slots,
    subjects: &[usize],
    out: &mut Vec<ClusterId>,
) {
    for &s in subjects {
        if !(sent.toks[s].is("it") || sent.toks[s].is("we")) {
            continue;
        }
        // Up from the pronoun's verb through "agreed to buy" and "met X and signed" to the
        // reported clause.
        let mut v = deps.head[s];
        let mut steps = 0;
        while let Some(x) = v
            && matches!(deps.rel[x], "xcomp" | "conj")
            && steps < 4
        {
            v = deps.head[x];
            steps += 1;
        }
        let Some(clause) = v.filter(|&x| deps.rel[x] == "ccomp") else {
            continue;
        };
        let Some(verb) = deps.head[clause].filter(|&h| {
            sent.toks[h].tag == Upos::Verb && REPORTING.contains(&deps.lemma(sent, h).as_str())
        }) else {
            continue;
        };
        let mut said = Vec::new();
        for k in deps.children(verb, "nsubj") {
            entities(deps, sent, slots, k, &mut said);
        }
        let bodies = said.iter().copied().filter(|&c| {
            matches!(
                ctx.clusters[c].kind,
                EntityType::Organization | EntityType::Company | EntityType::Country
            )
        });
        for c in bodies {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
}

/// Negation and hedging of the fact at `p`, from the tree and from the words around it.
fn all_cues(deps: &Deps<'_>, sent: &Sent<'_>, p: usize) -> (bool, bool) {
    let (n1, h1) = tree_cues(deps, sent, p);
    let (n2, h2) = super::cues(sent, p);
    (n1 || n2, h1 || h2)
}

/// "X has been to Y" (a place): the copula "been" with "to" before the place is a visit. The
/// tree hangs both on the place, and its subject is the visitor. What one has been to may also
/// be an event or a body in a place ("been to the Jazz Fair in Bergen and the Halvard Society
/// in Oslo"): the site, when it is one, and the place it is in are visited, for each conjunct.
/// So is a place one is in for an occasion ("Ana Berg is in Oslo for a conference").
pub(super) fn been_to(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    deps: &Deps<'_>,
    slots: &Slots,
    out: &mut Vec<FoundRelation>,
) {
    for p in 0..sent.toks.len() {
        let been = deps.children(p, "cop").any(|c| sent.toks[c].is("been"));
        let case = |w: &str| deps.children(p, "case").any(|c| sent.toks[c].is(w));
        let label = if been && case("to") {
            "been to"
        } else if deps.has_child(p, "cop")
            && (case("in") || case("at"))
            && for_occasion(deps, sent, p)
        {
            "in for"
        } else {
            continue;
        };
        let mut visitors = Vec::new();
        for s in deps.children(p, "nsubj") {
            entities(deps, sent, slots, s, &mut visitors);
        }
        if visitors.is_empty() {
            continue;
        }
        let mut sites = Vec::new();
        for t in conjuncts(deps, p) {
            visited(ctx, deps, sent, slots, t, &mut sites);
        }
        let (negated, hedged) = all_cues(deps, sent, p);
        for &v in &visitors {
            for &(place, at) in sites.iter().filter(|s| s.0 != v) {
                out.push(FoundRelation {
                    sent: sent.index,
                    subject: v,
                    object: place,
                    predicate: "visits".into(),
                    label: label.into(),
                    negated,
                    hedged,
                    trigger: at,
                    rule: "tree-been-to:visits".into(),
                    confidence: TREE_CONFIDENCE,
                    place: None,
                });
            }
        }
    }
}

/// Occasions one travels to a place for: the `occasion` rows of `data/rules/cues.tsv`.
static OCCASIONS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| crate::facts::cue_words("occasion"));

/// Whether `p` has a "for" phrase naming an occasion ("is in Oslo for a conference"): a stay
/// for it is a visit, where "is in Oslo" alone may be where one lives.
fn for_occasion(deps: &Deps<'_>, sent: &Sent<'_>, p: usize) -> bool {
    let occasion = |k: usize| {
        matches!(deps.base(k), "obl" | "nmod")
            && preposition(deps, sent, k).as_deref() == Some("for")
            && OCCASIONS.iter().any(|w| sent.toks[k].is(w))
    };
    // The phrase may hang off a time phrase before it ("in Oslo this week for a conference").
    deps.kids[p].iter().any(|&k| {
        occasion(k) || (deps.base(k) == "obl" && deps.kids[k].iter().any(|&j| occasion(j)))
    })
}

/// Token `p` and the tokens joined to it by "and", "or" or commas, nearest first.
fn conjuncts(deps: &Deps<'_>, p: usize) -> Vec<usize> {
    let mut all = vec![p];
    let mut k = 0;
    while k < all.len() && all.len() < 16 {
        all.extend(deps.children(all[k], "conj"));
        k += 1;
    }
    all
}

/// What "been to" token `t` names as visited: `t` itself when it is a place or a body (a
/// site), and the places an "in" or "at" phrase on it names ("the fair in Bergen").
fn visited(
    ctx: &Doc<'_, '_>,
    deps: &Deps<'_>,
    sent: &Sent<'_>,
    slots: &Slots,
    t: usize,
    out: &mut Vec<(ClusterId, usize)>,
) {
    let mut add = |c: ClusterId, at: usize, kind: super::ObjectKind| {
        if fits(ctx.clusters[c].kind, kind) && !out.iter().any(|x| x.0 == c) {
            out.push((c, at));
        }
    };
    if let Some(c) = cluster_at(slots, t) {
        add(c, t, super::ObjectKind::Site);
    }
    let mut listed = Vec::new();
    for k in deps.children(t, "nmod") {
        let located = matches!(preposition(deps, sent, k).as_deref(), Some("in" | "at"));
        if let Some(c) = cluster_at(slots, k).filter(|_| located) {
            add(c, k, super::ObjectKind::Place);
            // "the Jazz Fair in Bergen, the Halvard Society in Oslo and Lima", the list parsed
            // as conjuncts of "Bergen": its next items are what one has been to as well.
            listed.extend(conjuncts(deps, k).into_iter().skip(1));
        }
    }
    for k in listed {
        visited(ctx, deps, sent, slots, k, out);
    }
}
