//! Relations from trigger words: the subject before the trigger (with the names coordinated
//! with it, across a relative clause), the object after it or after its preposition, passives
//! and agents, "between X and Y".

use super::*;

pub(super) fn triggered(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    slots: &Slots,
    out: &mut Vec<FoundRelation>,
) {
    let rules = &*RULES;
    let clauses = relative_clauses(sent, slots);
    for (k, tok) in sent.toks.iter().enumerate() {
        let Some(candidates) = rules.by_form.get(&tok.lower()) else {
            continue;
        };
        if slots.iter().any(|&(s, e, _)| (s..e).contains(&k)) {
            continue;
        }
        for rule in candidates
            .iter()
            .filter(|r| pos_ok(tok.tag, r.pos) && r.reader != Reader::Tree)
        {
            let passive = rule.prep.is_none()
                && sent.toks.get(k + 1).is_some_and(|t| t.is("by"))
                && k > 0
                && sent.toks[..k].iter().rev().take(3).any(|t| {
                    matches!(
                        t.lower().as_str(),
                        "was" | "were" | "been" | "is" | "are" | "be"
                    )
                });
            // "talks between X and Y"
            if sent.toks.get(k + 1).is_some_and(|t| t.is("between")) {
                let x = slots
                    .iter()
                    .find(|s| s.0 == k + 2 || (s.0 == k + 3 && sent.toks[k + 2].is("the")));
                if let Some(&(_, xe, xc)) = x
                    && let Some(&(_, _, yc)) = slots.iter().find(|s| {
                        sent.toks.get(xe).is_some_and(|t| t.is("and"))
                            && (s.0 == xe + 1 || (s.0 == xe + 2 && sent.toks[xe + 1].is("the")))
                    })
                {
                    push(ctx, sent, out, xc, yc, k, rule, "between", 0.75);
                    continue;
                }
            }
            // "Halvard's subsidiary Vexa", "Vexa's founder Ana Berg": "Y, subsidiary of X".
            if let Some((x, y)) = possessor_and_name(sent, slots, k, rule) {
                let (s, o) = if rule.reverse { (x, y) } else { (y, x) };
                push(ctx, sent, out, s, o, k, rule, "possessive", 0.7);
                continue;
            }
            let mut subjects = subjects_before(ctx.analysis.lex, sent, slots, &clauses, k);
            // "X was criticised by former members of Y": a noun after "by" is an agent, and
            // the sentence's subject is not what it says.
            if tok.tag == Upos::Noun && agent_noun(sent, k) {
                subjects.clear();
            }
            // "X, a critic of Y": only a subject tied to the noun that names it.
            if rule.agent {
                subjects.retain(|&c| {
                    slots
                        .iter()
                        .rfind(|s| s.2 == c && s.1 <= k)
                        .is_some_and(|s| tied(sent, s.1, k))
                });
            }
            let Some(object) = object_after(ctx, sent, slots, k, rule, passive) else {
                // "X and Y met": a symmetric relation between coordinated subjects.
                // Not when a "with" phrase follows whose name we could not read ("X and Y
                // met with ...": they met someone else).
                let with_phrase = sent.toks[k + 1..(k + 12).min(sent.toks.len())]
                    .iter()
                    .take_while(|t| !clause_break(&t.lower()) && t.text != ",")
                    .any(|t| t.is("with"));
                if SYMMETRIC.contains(&rule.predicate.as_str())
                    && subjects.len() >= 2
                    && !with_phrase
                {
                    push(
                        ctx,
                        sent,
                        out,
                        subjects[1],
                        subjects[0],
                        k,
                        rule,
                        "coordination",
                        0.75,
                    );
                }
                continue;
            };
            let objects = coordinated_after(sent, slots, k, object);
            // "members of Y, including A and B": the names the list gives are the subjects.
            if subjects.is_empty() && tok.tag == Upos::Noun {
                subjects = included(sent, slots, k, &objects);
            }
            // "donated to X by Y": the agent after the object is the subject.
            if rule.prep.is_some()
                && !passive
                && let Some(agent) = agent_after(sent, slots, k, &objects)
            {
                subjects = vec![agent];
            }
            for (subject, object) in subjects
                .iter()
                .flat_map(|s| objects.iter().map(move |o| (*s, *o)))
            {
                let (s, o) = if passive != rule.reverse {
                    (object, subject)
                } else {
                    (subject, object)
                };
                let confidence = if rule.pos == TriggerPos::Noun {
                    0.65
                } else {
                    0.8
                };
                push(
                    ctx,
                    sent,
                    out,
                    s,
                    o,
                    k,
                    rule,
                    if passive { "passive" } else { "trigger" },
                    confidence,
                );
            }
        }
    }
}

/// Whether the words from `from` to the noun at `k` tie a name to the noun that names it: only
/// commas, articles, modifiers, a copula, "as" or "one of" ("X, a longtime critic of", "X was
/// the co-founder of", "X became one of the first members of"), no other verb or noun.
fn tied(sent: &Sent<'_>, from: usize, k: usize) -> bool {
    sent.toks[from..k].iter().all(|t| {
        matches!(
            t.tag,
            Upos::Det | Upos::Adj | Upos::Adv | Upos::Aux | Upos::Num | Upos::Part
        ) || t.text == ","
            || [
                "as", "of", "among", "one", "became", "becomes", "remained", "remains",
            ]
            .iter()
            .any(|w| t.is(w))
    })
}

/// For a noun trigger at `k` whose object follows "of", a name with a possessive right before
/// it and a name right after it (or after a comma, or after one more noun and a comma: "X's
/// parent company, Y"): the possessor and the name, which stand as the object and the subject of
/// "Y, N of X".
fn possessor_and_name(
    sent: &Sent<'_>,
    slots: &Slots,
    k: usize,
    rule: &Rule,
) -> Option<(ClusterId, ClusterId)> {
    let of = rule.pos != TriggerPos::Verb && rule.prep.as_deref() == Some("of");
    if !of || sent.toks[k].tag != Upos::Noun || k < 2 {
        return None;
    }
    if !super::structure::possessive(sent.toks[k - 1].text) {
        return None;
    }
    let x = slots.iter().find(|s| s.1 == k - 1)?.2;
    let comma = sent.toks.get(k + 1).is_some_and(|t| t.text == ",");
    // "Vexa's parent company, Orbis": one noun more before the comma.
    let noun_comma = sent.toks.get(k + 1).is_some_and(|t| t.tag == Upos::Noun)
        && sent.toks.get(k + 2).is_some_and(|t| t.text == ",");
    let y = slots
        .iter()
        .find(|s| s.0 == k + 1 || (comma && s.0 == k + 2) || (noun_comma && s.0 == k + 3))?
        .2;
    Some((x, y))
}

/// Whether the noun at `k` heads the agent of a passive: "by" within the few words before it,
/// with only determiners and modifiers between ("by former members").
fn agent_noun(sent: &Sent<'_>, k: usize) -> bool {
    sent.toks[k.saturating_sub(4)..k]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.tag, Upos::Verb | Upos::Propn | Upos::Punct))
        .any(|t| t.is("by"))
}

/// The names listed after "including" right after a noun trigger's objects ("members of Y,
/// including musician A and actor B"): joined by commas and "and", with lower-case words (what
/// each one is) between.
fn included(sent: &Sent<'_>, slots: &Slots, k: usize, objects: &[ClusterId]) -> Vec<ClusterId> {
    let Some(last) = slots
        .iter()
        .filter(|s| s.0 > k && objects.contains(&s.2))
        .map(|s| s.1)
        .max()
    else {
        return Vec::new();
    };
    let mut at = last;
    if sent.toks.get(at).is_some_and(|t| t.text == ",") {
        at += 1;
    }
    if !sent.toks.get(at).is_some_and(|t| t.is("including")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = at + 1;
    for &(start, end, c) in slots.iter().filter(|s| s.0 > at) {
        let gap_ok = sent.toks[from..start]
            .iter()
            .all(|t| t.text == "," || t.is("and") || (t.tag == Upos::Noun && !t.capitalised()));
        if !gap_ok || start - from > 3 {
            break;
        }
        if !out.contains(&c) && !objects.contains(&c) {
            out.push(c);
        }
        from = end;
    }
    out
}

/// The object and the names coordinated with it: "with Norway, Sweden and Finland".
pub(super) fn coordinated_after(
    sent: &Sent<'_>,
    slots: &Slots,
    k: usize,
    object: ClusterId,
) -> Vec<ClusterId> {
    let mut objects = vec![object];
    let Some(mut at) = slots.iter().position(|s| s.0 > k && s.2 == object) else {
        return objects;
    };
    while let Some(next) = slots.get(at + 1) {
        let Some(between) = sent.toks.get(slots[at].1..next.0) else {
            break;
        };
        let gap: Vec<&str> = between.iter().map(|t| t.text).collect();
        if !matches!(gap[..], [","] | ["and"] | [",", "and"] | ["or"]) {
            break;
        }
        if !objects.contains(&next.2) {
            objects.push(next.2);
        }
        at += 1;
    }
    objects
}

#[allow(clippy::too_many_arguments)]
pub(super) fn push(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    out: &mut Vec<FoundRelation>,
    subject: ClusterId,
    object: ClusterId,
    k: usize,
    rule: &Rule,
    how: &str,
    confidence: f32,
) {
    if subject == object {
        return;
    }
    if !fits(ctx.clusters[object].kind, rule.object)
        || !super::subject_fits(ctx.clusters[subject].kind, &rule.predicate)
    {
        return;
    }
    let (negated, hedged) = cues(sent, k);
    let label = match &rule.prep {
        Some(p) => format!("{} {p}", sent.toks[k].lower()),
        None => sent.toks[k].lower(),
    };
    out.push(FoundRelation {
        sent: sent.index,
        subject,
        object,
        predicate: rule.predicate.clone(),
        label,
        negated,
        hedged,
        trigger: k,
        rule: format!("{how}:{}", rule.predicate),
        confidence,
        place: None,
    });
}

/// The nearest mention before the trigger in the same clause, and those coordinated with it.
pub(super) fn subjects_before(
    lex: &Lexicon,
    sent: &Sent<'_>,
    slots: &Slots,
    clauses: &[Clause],
    k: usize,
) -> Vec<ClusterId> {
    // Inside "X, who heads Y," the subject is X.
    // ("X, which Y invaded," has its own subject.)
    if let Some(&(head, _, _)) = clauses
        .iter()
        .find(|&&(_, w, c)| w < k && k < c && !slots.iter().any(|s| w < s.0 && s.0 < k))
    {
        return head.map(|h| vec![slots[h].2]).unwrap_or_default();
    }
    // After such a clause, what stands inside it is out of sight: "X, which borders Y, accused Z".
    let hidden = |j: usize| {
        clauses
            .iter()
            .any(|&(_, w, c)| c < k && (w - 1..=c).contains(&j))
    };
    let Some(pos) = slots.iter().rposition(|&(st, e, _)| e <= k && !hidden(st)) else {
        return Vec::new();
    };
    let (start, end, cluster) = slots[pos];
    // "Vexa AI, a San Francisco startup whose ..., sued Y": a name right after the article
    // of an apposition qualifies its noun.
    if start >= 2
        && matches!(sent.toks[start - 1].lower().as_str(), "a" | "an")
        && sent.toks[start - 2].text == ","
    {
        return Vec::new();
    }
    let gap: Vec<&crate::doc::analysis::Tok<'_>> = (end..k)
        .filter(|&j| !hidden(j))
        .map(|j| &sent.toks[j])
        .collect();
    if gap.len() > 10 || gap.iter().any(|t| clause_break(&t.lower())) {
        return Vec::new();
    }
    // A name that modifies a noun is not the subject: "an event of the WTA Tour".
    if sent
        .toks
        .get(end)
        .is_some_and(|t| matches!(t.tag, Upos::Noun | Upos::Propn) && !t.capitalised())
        || modifier(sent, slots, end)
    {
        return Vec::new();
    }
    // Possessed names are not subjects: "Xi's deputy said".
    if sent
        .toks
        .get(end)
        .is_some_and(|t| matches!(t.text, "'s" | "\u{2019}s"))
        && end + 1 < k
        && sent.toks[end + 1].tag == Upos::Noun
    {
        return Vec::new();
    }
    // A name inside a prepositional phrase is not the subject ("talks with X are ...", "the war
    // in X, including negotiations", "Ana Berg of Kestrel Media visited"), unless a participle
    // makes it one ("reports of X engaging in talks").
    let in_pp = after_preposition(sent, start);
    let participle = sent
        .toks
        .get(end)
        .is_some_and(|t| t.tag == Upos::Verb && t.text.ends_with("ing"));
    if in_pp && !participle {
        return Vec::new();
    }
    // "In the United States, he taught ...": a pronoun between is the subject.
    if gap.iter().any(|t| subject_pronoun(t.text)) {
        return Vec::new();
    }
    let mut subjects = vec![cluster];
    // "X and Y", "X, Y and Z", "X and General Secretary of the Party (P) Y": between two joined
    // names stands a conjunction, then only titles, brackets and names inside the title.
    let inside = |j: usize| slots.iter().any(|s| (s.0..s.1).contains(&j));
    let allowed = |j: usize| {
        let t = &sent.toks[j];
        lex.title_word(t.text) || matches!(t.text, "(" | ")" | "and" | ",") || inside(j)
    };
    let mut p = pos;
    'outer: loop {
        let current = slots[p].0;
        for q in (0..p).rev() {
            let qe = slots[q].1;
            if qe > current || inside(qe) {
                continue;
            }
            if !(qe..current).all(allowed) {
                break 'outer;
            }
            if sent
                .toks
                .get(qe)
                .is_some_and(|t| t.is("and") || t.text == ",")
            {
                if !subjects.contains(&slots[q].2) {
                    subjects.push(slots[q].2);
                }
                p = q;
                continue 'outer;
            }
        }
        break;
    }
    // A list inside a prepositional phrase ("executives from X, Y and Z met ...") is not the
    // subject either.
    let first = slots[p].0;
    if first > 0 && sent.toks[first - 1].tag == Upos::Adp && subjects.len() > 1 {
        return Vec::new();
    }
    subjects
}

/// A relative clause: (slot of the name before it, index of "who", index of the closing comma).
pub(super) type Clause = (Option<usize>, usize, usize);

/// Relative clauses: `[X], who|which ... ,` as (slot of X when a name stands before the comma,
/// index of "who", index of the closing comma).
pub(super) fn relative_clauses(sent: &Sent<'_>, slots: &Slots) -> Vec<Clause> {
    let mut out = Vec::new();
    for w in 1..sent.toks.len() {
        let opens =
            sent.toks[w - 1].text == "," && (sent.toks[w].is("who") || sent.toks[w].is("which"));
        if !opens {
            continue;
        }
        let head = slots.iter().position(|s| s.1 == w - 1);
        if let Some(c) = (w + 1..sent.toks.len()).find(|&j| sent.toks[j].text == ",") {
            out.push((head, w, c));
        }
    }
    out
}

/// Whether the name at `start` stands in a prepositional phrase: a preposition before it, with
/// at most a determiner between ("in the United States").
pub(super) fn after_preposition(sent: &Sent<'_>, start: usize) -> bool {
    let mut p = start;
    if p > 0 && sent.toks[p - 1].tag == Upos::Det {
        p -= 1;
    }
    p > 0 && sent.toks[p - 1].tag == Upos::Adp
}

/// A personal pronoun that can be a subject.
pub(super) fn subject_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "they" | "we" | "I" | "He" | "She" | "They" | "We"
    )
}

/// Whether the name ending at `end` is followed by a capitalised word of no name: a modifier in
/// a longer name the recogniser cut ("WTA Tour event", "the Budweiser Man of the Match").
pub(super) fn modifier(sent: &Sent<'_>, slots: &Slots, end: usize) -> bool {
    sent.toks.get(end).is_some_and(|t| {
        t.capitalised()
            && matches!(t.tag, Upos::Noun | Upos::Propn)
            && !slots.iter().any(|s| s.0 == end)
    })
}

/// The object: the first mention after the trigger (after the rule's preposition when it has
/// one, after "by" for a passive) in the same clause.
pub(super) fn object_after(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    slots: &Slots,
    k: usize,
    rule: &Rule,
    passive: bool,
) -> Option<ClusterId> {
    let limit = (k + 12).min(sent.toks.len());
    let mut from = k + 1;
    let prep = if passive {
        Some("by")
    } else {
        rule.prep.as_deref()
    };
    if let Some(prep) = prep {
        from = (k + 1..limit).find(|&j| sent.toks[j].is(prep))? + 1;
        // "support from X to Y" is a range, not support to Y.
        if prep == "to" && sent.toks[k + 1..from].iter().any(|t| t.is("from")) {
            return None;
        }
    }
    let lex = ctx.analysis.lex;
    for j in from..limit {
        let t = &sent.toks[j];
        if let Some(&(_, e, c)) = slots.iter().find(|s| s.0 == j) {
            // "US President Ana Silva": the person, not the country that owns the post.
            let mut q = e;
            while q < sent.toks.len() && lex.title_word(sent.toks[q].text) {
                q += 1;
            }
            if q > e
                && let Some(&(_, _, p)) = slots.iter().find(|s| s.0 == q)
                && ctx.clusters[p].kind == EntityType::Person
            {
                return Some(p);
            }
            if modifier(sent, slots, e) {
                return None;
            }
            // "lost to Accra side Tema FC", "paid the Lima law firm Quispe & Partners": a
            // place before a noun for a body qualifies the body named after it.
            if let Some(body) = (e..(e + 2).min(sent.toks.len()))
                .take_while(|&n| sent.toks[n].tag == Upos::Noun && !sent.toks[n].capitalised())
                .find(|&n| lex.org_noun(sent.toks[n].text).is_some())
                .and_then(|n| slots.iter().find(|s| s.0 == n + 1))
                .map(|&(_, _, b)| b)
            {
                return Some(body);
            }
            // "sign with X" takes X; a direct object must not be a possessor ("Vietnam's X").
            let possessor = sent
                .toks
                .get(e)
                .is_some_and(|t| super::structure::possessive(t.text));
            // Nor is one a member of a name that only qualifies a noun ("a member of the
            // Australia women's national team").
            let qualifies = possessor
                || (sent
                    .toks
                    .get(e)
                    .is_some_and(|t| matches!(t.tag, Upos::Noun | Upos::Adj))
                    && sent.toks[e + 1..(e + 3).min(sent.toks.len())]
                        .iter()
                        .any(|t| super::structure::possessive(t.text)));
            if (possessor && prep.is_none()) || (qualifies && rule.predicate == "memberOf") {
                return None;
            }
            return Some(c);
        }
        if clause_break(&t.lower())
            || t.text == "."
            || t.text == ","
            || (t.tag == Upos::Verb && prep.is_none() && j > k + 1)
        {
            return None;
        }
        // A direct object comes before any preposition; a prepositional object right after its
        // preposition's phrase starts.
        if matches!(t.tag, Upos::Adp) && (prep.is_none() || j > from) {
            return None;
        }
    }
    None
}

/// The agent of a reduced passive after the object and the names joined to it: "donated to X
/// by [the] Y".
pub(super) fn agent_after(
    sent: &Sent<'_>,
    slots: &Slots,
    k: usize,
    objects: &[ClusterId],
) -> Option<ClusterId> {
    let last = slots
        .iter()
        .filter(|s| s.0 > k && objects.contains(&s.2))
        .map(|s| s.1)
        .max()?;
    if !sent.toks.get(last).is_some_and(|t| t.is("by")) {
        return None;
    }
    let start = if sent.toks.get(last + 1).is_some_and(|t| t.is("the")) {
        last + 2
    } else {
        last + 1
    };
    slots.iter().find(|s| s.0 == start).map(|s| s.2)
}
