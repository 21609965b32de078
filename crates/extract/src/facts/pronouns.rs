//! Personal pronouns that stand for one named person, so that the trees can read facts whose
//! subject or object is "he", "she" or "his" ("He was born in Leeds", "her visit to Oslo").
//!
//! A wrong link is worse than a missing one, so a pronoun is resolved only where one person is
//! the clear antecedent, among the people its gender fits (a given name borne by one sex, from
//! `given_genders.tsv`, says the person's; a name that does not say fits either):
//!
//! * the one person named earlier in the same sentence; two or more: no link;
//! * else the people of the nearest of the [`LOOK_BACK`] sentences before that names any: the one
//!   person there (when it is not the document's topic, only if it opens that sentence), or,
//!   among several, the topic (the person the pronoun fits named most often, at least
//!   [`TOPIC_MIN`] times and more often than anyone else it fits) when it is one of them.
//!
//! Only the pronouns resolved this way become slots; the facts the trees read from them are
//! tested like any other (`tests/trees.rs`).

use crate::doc::analysis::Sent;
use crate::doc::{ClusterId, Doc};
use crate::facts::relations::Slots;
use crate::model::EntityType;
use crate::pos::Upos;

/// Sentences before a pronoun's own in which its antecedent is looked for.
const LOOK_BACK: usize = 3;
/// Tokens before a name that still count as the opening of its sentence ("Then Ana Berg ...").
const OPENING: usize = 2;
/// Mentions a person needs to be the document's topic.
const TOPIC_MIN: usize = 3;

/// The gender of a third-person singular personal pronoun (subject, object or possessive): 0
/// masculine, 1 feminine; `None` for any other word.
fn gender(word: &str) -> Option<usize> {
    let is = |forms: &[&str]| forms.iter().any(|p| word.eq_ignore_ascii_case(p));
    if is(&["he", "him", "his", "himself"]) {
        Some(0)
    } else if is(&["she", "her", "hers", "herself"]) {
        Some(1)
    } else {
        None
    }
}

/// The pronoun slots of every sentence: each resolved pronoun as a one-token slot of its
/// person's cluster.
pub(crate) fn resolve(ctx: &Doc<'_, '_>) -> Vec<Slots> {
    let n = ctx.analysis.sents.len();
    // People named in each sentence: (first token, cluster), in text order.
    let mut people: Vec<Vec<(usize, ClusterId)>> = vec![Vec::new(); n];
    let mut counts: Vec<usize> = vec![0; ctx.clusters.len()];
    for (m, f) in ctx.found.iter().enumerate() {
        let c = ctx.cluster_of[m];
        if ctx.clusters[c].kind == EntityType::Person
            && f.sent < n
            && !modifier(&ctx.analysis.sents[f.sent], f.start, f.end)
        {
            people[f.sent].push((f.start, c));
            counts[c.0] += 1;
        }
    }
    // The gender of each cluster, from the given name its label opens with, where nearly all
    // who bear it are of one sex: "she" is not Gary Fan.
    let mut genders: Vec<Option<usize>> = ctx
        .clusters
        .iter()
        .map(|c| {
            (c.kind == EntityType::Person)
                .then(|| c.label.split_whitespace().next())
                .flatten()
                .and_then(|w| ctx.analysis.lex.given_gender(w))
        })
        .collect();
    // "Mei-Ling Tran-Whitaker", whose given name says no sex: the pronouns a first reading
    // gives her say it, when nearly all are of one gender ("she" at least twice, and "he" at
    // most a third as often); a second reading then keeps "he" for the men.
    let first = read(ctx, people.clone(), &counts, &genders);
    let mut said = vec![[0usize; 2]; ctx.clusters.len()];
    for (sent, slots) in ctx.analysis.sents.iter().zip(&first) {
        for &(i, _, c) in slots {
            if let Some(g) = gender(sent.toks[i].text) {
                said[c.0][g] += 1;
            }
        }
    }
    let mut learnt = false;
    for (c, g) in genders.iter_mut().enumerate() {
        let [he, she] = said[c];
        if g.is_none() {
            if she >= 2 && she >= 3 * he {
                *g = Some(1);
                learnt = true;
            } else if he >= 2 && he >= 3 * she {
                *g = Some(0);
                learnt = true;
            }
        }
    }
    if learnt {
        read(ctx, people, &counts, &genders)
    } else {
        first
    }
}

/// One reading of the document's pronouns, with the people named in each sentence and the
/// gender known of each cluster.
fn read(
    ctx: &Doc<'_, '_>,
    mut people: Vec<Vec<(usize, ClusterId)>>,
    counts: &[usize],
    genders: &[Option<usize>],
) -> Vec<Slots> {
    // The topic for each pronoun gender, among the people it fits: in a story about a girl and
    // her father, "he" is the father, the man named most often, not nobody.
    let topic = [0, 1].map(|g| {
        let fitting: Vec<usize> = counts
            .iter()
            .zip(genders)
            .map(|(&k, x)| if x.is_none_or(|x| x == g) { k } else { 0 })
            .collect();
        topic(&fitting)
    });
    let mut out = Vec::with_capacity(people.len());
    for sent in &ctx.analysis.sents {
        // A relative named after a possessive ("his mentor X", "her husband, X") is not who a
        // later "he" or "she" stands for.
        people[sent.index].retain(|&(start, _)| !after_possessive(sent, start));
        let slots = slots_of(sent, &people, topic, genders);
        // A resolved pronoun names its person for the sentences after it ("He married X. In
        // 1997 he married Y": the second "he" is not X).
        for &(start, _, c) in &slots {
            people[sent.index].push((start, c));
        }
        people[sent.index].sort_unstable();
        out.push(slots);
    }
    out
}

/// Whether the name at tokens `start..end` modifies a common noun after an article ("the Cruise
/// video", "a Tom Hanks film"): it names no one a later "he" or "she" stands for.
fn modifier(sent: &Sent<'_>, start: usize, end: usize) -> bool {
    let article = start
        .checked_sub(1)
        .is_some_and(|k| sent.toks[k].tag == crate::pos::Upos::Det);
    article
        && sent
            .toks
            .get(end)
            .is_some_and(|t| t.tag == crate::pos::Upos::Noun && !t.capitalised())
}

/// Whether a possessive pronoun stands in the few words before token `start`.
fn after_possessive(sent: &Sent<'_>, start: usize) -> bool {
    sent.toks[start.saturating_sub(3)..start]
        .iter()
        .any(|t| t.is("his") || t.is("her"))
        // "She is the daughter of the late playwright X": a relative named after a kin noun
        // and "of" neither.
        || sent.toks[start.saturating_sub(6)..start].windows(2).any(|w| {
            w[1].is("of")
                && matches!(
                    w[0].lower().as_str(),
                    "daughter" | "son" | "wife" | "husband" | "widow" | "mother" | "father"
                        | "sister" | "brother" | "grandson" | "granddaughter" | "niece"
                        | "nephew"
                )
        })
}

/// The person named most often, if clearly so.
fn topic(counts: &[usize]) -> Option<ClusterId> {
    let mut best: Option<(usize, usize)> = None;
    let mut second = 0;
    for (c, &k) in counts.iter().enumerate() {
        match best {
            Some((_, b)) if k > b => {
                second = b;
                best = Some((c, k));
            }
            Some(_) => second = second.max(k),
            None => best = Some((c, k)),
        }
    }
    let (c, k) = best?;
    (k >= TOPIC_MIN && k > second).then_some(ClusterId(c))
}

fn slots_of(
    sent: &Sent<'_>,
    people: &[Vec<(usize, ClusterId)>],
    topic: [Option<ClusterId>; 2],
    genders: &[Option<usize>],
) -> Slots {
    let mut out = Slots::new();
    // The person the last resolved pronoun of each gender stands for: a second "he" of the
    // sentence is the first one's ("he travelled with X to Gaul, where he copied ...").
    let mut last: [Option<(usize, ClusterId)>; 2] = [None, None];
    // Which tokens are inside quotation marks: a name inside a quote is no antecedent of a
    // pronoun outside it ("“Kwame is a son of this club,” he told ...").
    let mut quoted = vec![false; sent.toks.len()];
    let mut inside = false;
    for (k, t) in sent.toks.iter().enumerate() {
        match t.text {
            "\u{201c}" => inside = true,
            "\u{201d}" => inside = false,
            "\"" | "``" | "''" => inside = !inside,
            _ => quoted[k] = inside,
        }
    }
    for (i, t) in sent.toks.iter().enumerate() {
        let Some(g) = gender(t.text) else { continue };
        // Only the people the pronoun's gender fits (any whose gender is unknown).
        let fits = |c: &ClusterId| genders[c.0].is_none_or(|x| x == g);
        let topic = topic[g];
        // "he said", "she added": the pronoun reports speech.
        let speech = sent
            .toks
            .get(i + 1)
            .is_some_and(|t| crate::facts::quotes::reporting(t.text));
        let outside = |start: usize| quoted[i] || !quoted.get(start).copied().unwrap_or(false);
        // The last pronoun's person, when it stood on the same side of the quotation marks.
        let found = last[g]
            .filter(|&(at, _)| quoted[at] == quoted[i])
            .map(|(_, c)| c)
            .or_else(|| antecedent(sent.index, i, people, topic, &fits, &outside, speech));
        if let Some(c) = found {
            out.push((i, i + 1, c));
            last[g] = Some((i, c));
        }
    }
    out
}

/// The one person pronoun `i` of sentence `s` stands for, if clear.
fn antecedent(
    s: usize,
    i: usize,
    people: &[Vec<(usize, ClusterId)>],
    topic: Option<ClusterId>,
    fits: &dyn Fn(&ClusterId) -> bool,
    outside: &dyn Fn(usize) -> bool,
    speech: bool,
) -> Option<ClusterId> {
    let mut here: Vec<(usize, ClusterId)> = people[s]
        .iter()
        .copied()
        .filter(|(start, c)| *start < i && fits(c) && outside(*start))
        .collect();
    here.sort_unstable_by_key(|p| (p.1, p.0));
    here.dedup_by_key(|p| p.1);
    let before = earlier(s, people, topic, fits, speech);
    match here[..] {
        // "X said he ...": the sentence's first name, or the topic, is the subject's; another
        // ("Placed in the care of X, he ...") only when no earlier sentence says otherwise.
        [(start, one)] if start == 0 || Some(one) == topic || before.is_none_or(|b| b == one) => {
            Some(one)
        }
        [] => before,
        _ => None,
    }
}

/// The person the nearest earlier sentence that names people leaves as the clear antecedent.
fn earlier(
    s: usize,
    people: &[Vec<(usize, ClusterId)>],
    topic: Option<ClusterId>,
    fits: &dyn Fn(&ClusterId) -> bool,
    speech: bool,
) -> Option<ClusterId> {
    let earlier = (s.saturating_sub(LOOK_BACK)..s)
        .rev()
        .find(|&k| people[k].iter().any(|p| fits(&p.1)))?;
    let mut there: Vec<ClusterId> = people[earlier]
        .iter()
        .map(|p| p.1)
        .filter(|c| fits(c))
        .collect();
    there.sort_unstable();
    there.dedup();
    // The one person of that sentence; when the document has a topic and this is someone
    // else, only if the sentence opens with them ("Byron ... Placed in the care of Dr. X, he
    // ... In 1801 he was sent to Harrow": "he" is not X).
    let opens = |c: ClusterId| people[earlier].iter().any(|p| p.1 == c && p.0 <= OPENING);
    // "For Kevin Allton, a USI instructor, Warhol was a legend. He said, ...": the one person
    // named there for the first time, beside the topic, is who "he said" means.
    let introduced = |c: ClusterId| !people[..earlier].iter().flatten().any(|p| p.1 == c);
    let mut new = there
        .iter()
        .copied()
        .filter(|&c| Some(c) != topic && introduced(c));
    match there[..] {
        [one] if topic.is_none_or(|t| t == one) || opens(one) => Some(one),
        [_] => None,
        _ if speech => match (new.next(), new.next()) {
            (Some(one), None) if topic.is_some_and(|t| there.contains(&t)) => Some(one),
            (Some(_), _) => None,
            (None, _) => topic.filter(|t| there.contains(t)),
        },
        _ => topic.filter(|t| there.contains(t)),
    }
}

/// Whether `word` is a first-person singular pronoun ("I", "me", "my", "myself", "mine").
fn first_person(word: &str) -> bool {
    word == "I"
        || ["me", "my", "myself", "mine"]
            .iter()
            .any(|p| word.eq_ignore_ascii_case(p))
}

/// Whether token `i` of `sent` is a first-person pronoun standing for a speaker: not part of a
/// name ("Elizabeth I", "World War I", a mention's own words).
fn speaker_pronoun(ctx: &Doc<'_, '_>, sent: &Sent<'_>, i: usize) -> bool {
    let t = &sent.toks[i];
    if !first_person(t.text) {
        return false;
    }
    let numeral = t.text == "I" && i > 0 && sent.toks[i - 1].tag == crate::pos::Upos::Propn;
    let named = ctx
        .found
        .iter()
        .any(|f| f.sent == sent.index && (f.start..f.end).contains(&i));
    !numeral && !named
}

/// Adds to `slots` the first-person pronouns of quoted words whose speaker is a person: in
/// `"I was in Oslo last week," said Ana Berg`, "I" is Ana Berg, so the trees read her visit.
pub(crate) fn add_speakers(
    ctx: &Doc<'_, '_>,
    quotes: &[crate::facts::quotes::FoundQuote],
    slots: &mut [Slots],
) {
    for q in quotes {
        let Some(speaker) = q.speaker else { continue };
        if ctx.clusters[speaker].kind != EntityType::Person {
            continue;
        }
        let (Some(sent), Some(out)) = (ctx.analysis.sents.get(q.sent), slots.get_mut(q.sent))
        else {
            continue;
        };
        let end = q.end.min(sent.toks.len());
        for i in q.start.min(end)..end {
            if speaker_pronoun(ctx, sent, i) && !out.iter().any(|s| s.0 == i) {
                out.push((i, i + 1, speaker));
            }
        }
        out.sort_unstable_by_key(|s| s.0);
    }
}

/// Words after an answer's "I" or "me" within which a word of saying reports its quote.
const SAYING_REACH: usize = 3;

/// Sentences at the top of a document in which an interview is announced.
const LEAD: usize = 6;
/// Words between an interview word and the name of the one interviewed.
const NEAR: usize = 8;
/// First-person pronouns outside quotes, after the announcement, that make a document an
/// interview transcript rather than a report about one.
const ANSWERS_MIN: usize = 3;

/// Words that announce an interview: the `interview` rows of `data/rules/cues.tsv`.
static INTERVIEW: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| crate::facts::cue_words("interview"));

/// An interview transcript: the one person interviewed, and the first-person pronouns of the
/// answers that stand for them.
pub(crate) struct Interview {
    /// The sentence that announces the interview.
    from: usize,
    person: ClusterId,
    /// (sentence, token) of each "I", "me", "my" of the answers.
    answers: Vec<(usize, usize)>,
}

impl Interview {
    /// The interview `ctx` transcribes, if any: one of the document's first sentences
    /// announces an interview of exactly one named person ("Wikinews interviews Ana Berg",
    /// "Ana Berg, interviewed by Wikinews"), and at least [`ANSWERS_MIN`] "I", "me" or "my"
    /// stand outside `quotes` after it, except in questions (a sentence ending with "?", or
    /// followed on its line by one).
    pub(crate) fn find(
        ctx: &Doc<'_, '_>,
        quotes: &[crate::facts::quotes::FoundQuote],
    ) -> Option<Interview> {
        let (from, person) = interviewee(ctx)?;
        let sents = &ctx.analysis.sents;
        let spans = crate::facts::quotes::Spans::of(quotes);
        let asks = |k: usize| sents[k].toks.last().is_some_and(|t| t.text == "?");
        let question = |s: usize| {
            asks(s)
                || (s + 1 < sents.len()
                    && asks(s + 1)
                    && !ctx.analysis.text[sents[s].end..sents[s + 1].start].contains('\n'))
        };
        let mut answers = Vec::new();
        for sent in sents[from + 1..].iter().filter(|s| !question(s.index)) {
            for i in 0..sent.toks.len() {
                if speaker_pronoun(ctx, sent, i) && !spans.covers(sent.index, i) {
                    answers.push((sent.index, i));
                }
            }
        }
        (answers.len() >= ANSWERS_MIN).then_some(Interview {
            from,
            person,
            answers,
        })
    }

    /// Adds to `slots` each pronoun of the answers as the person interviewed.
    pub(crate) fn add_slots(&self, slots: &mut [Slots]) {
        for &(s, i) in &self.answers {
            let Some(out) = slots.get_mut(s) else {
                continue;
            };
            if !out.iter().any(|x| x.0 == i) {
                out.push((i, i + 1, self.person));
                out.sort_unstable_by_key(|x| x.0);
            }
        }
    }

    /// Gives the person interviewed the quoted words with no speaker, in the first person, in
    /// a sentence that reports no speech and asks nothing (a pull quote of the interviewee's
    /// words, "“I have no doubt ...”", also above the announcement), and the words the answers
    /// say they said ("Let me say, “...”", "I told them, “...”").
    pub(crate) fn claim_quotes(
        &self,
        ctx: &Doc<'_, '_>,
        quotes: &mut [crate::facts::quotes::FoundQuote],
    ) {
        let spans = crate::facts::quotes::Spans::of(quotes);
        for q in quotes
            .iter_mut()
            .filter(|q| q.speaker.is_none() && q.sent != self.from)
        {
            let toks = &ctx.analysis.sents[q.sent].toks;
            let first = toks[q.start..q.end].iter().any(|t| first_person(t.text));
            let asks = toks.last().is_some_and(|t| t.text == "?");
            let pull = first && !asks && !spans.reports_outside(ctx, q.sent);
            // An answer's "I" or "me" before the quote, then, within a few words, one of
            // saying ("I told them", "let me say"; not "my father would say").
            let told = self.answers.iter().any(|&(s, i)| {
                s == q.sent
                    && i < q.start
                    && (toks[i].text == "I" || toks[i].is("me"))
                    && toks[i + 1..q.start]
                        .iter()
                        .take(SAYING_REACH)
                        .any(|t| crate::facts::quotes::reporting(t.text))
            });
            if pull || told {
                q.speaker = Some(self.person);
            }
        }
    }
}

/// The sentence announcing an interview of one named person, and that person: one whose name
/// starts within [`NEAR`] words after an interview word, or ends within [`NEAR`] words before
/// one that "by" follows or "an" comes before ("X: An Interview with ..."). A sentence in the
/// first person ("I have an interview with X") announces none.
fn interviewee(ctx: &Doc<'_, '_>) -> Option<(usize, ClusterId)> {
    let sents = &ctx.analysis.sents;
    let cue = |s: &Sent<'_>, i: usize| {
        INTERVIEW
            .iter()
            .any(|w| s.toks[i].text.eq_ignore_ascii_case(w))
    };
    for s in sents.iter().take(LEAD) {
        let cues: Vec<usize> = (0..s.toks.len()).filter(|&i| cue(s, i)).collect();
        if cues.is_empty() {
            continue;
        }
        let first_person_here = s
            .toks
            .iter()
            .any(|t| first_person(t.text) || ["we", "our", "your"].iter().any(|w| t.is(w)));
        if first_person_here {
            return None;
        }
        let after = |f: &crate::names::mentions::Found| {
            cues.iter().any(|&i| f.start > i && f.start - i <= NEAR)
        };
        let before = |f: &crate::names::mentions::Found| {
            cues.iter().any(|&i| {
                let by = s.toks.get(i + 1).is_some_and(|t| t.is("by"));
                let an = i > 0 && s.toks[i - 1].is("an");
                f.end <= i && i - f.end <= NEAR && (by || an)
            })
        };
        let people = |near: &dyn Fn(&crate::names::mentions::Found) -> bool| {
            let mut people: Vec<ClusterId> = ctx
                .found
                .iter()
                .zip(&ctx.cluster_of)
                .filter(|(f, c)| {
                    f.sent == s.index && ctx.clusters[**c].kind == EntityType::Person && near(f)
                })
                .map(|(_, &c)| c)
                .collect();
            people.sort_unstable();
            people.dedup();
            people
        };
        // "X: An Interview with the 'Y'": the name before the cue, and Y a name for X.
        if let [one] = people(&before)[..] {
            return Some((s.index, one));
        }
        // A cue near no name ("Outlet interviews the president of X") leaves the name to a
        // later sentence ("Outlet spoke with Ana Berg, ...").
        match people(&|f| before(f) || after(f))[..] {
            [] => continue,
            [one] => return Some((s.index, one)),
            _ => return None,
        }
    }
    None
}

/// "it" as the subject of a verb, standing for the one organisation or company named (or
/// described: "the startup") before it in its sentence ("Tanipintar has raised $70 million
/// since it was founded ..."), or, when "it" opens its sentence, for the body that opens the
/// sentence before ("Halvard Labs makes sensors. It was founded in 2001 by X").
/// Not "it" that stands for no one ("it is clear that", "it seems"), nor inside quotation
/// marks.
pub(crate) fn bodies(ctx: &Doc<'_, '_>) -> Vec<Slots> {
    let body = |c: ClusterId| {
        matches!(
            ctx.clusters[c].kind,
            EntityType::Organization | EntityType::Company
        )
    };
    // Names and described bodies of each sentence: (first token, cluster).
    let n = ctx.analysis.sents.len();
    let mut named: Vec<Vec<(usize, ClusterId)>> = vec![Vec::new(); n];
    for (m, f) in ctx.found.iter().enumerate() {
        if f.sent < n {
            named[f.sent].push((f.start, ctx.cluster_of[m]));
        }
    }
    for (s, slots) in ctx.pronouns.iter().enumerate().take(n) {
        for &(start, _, c) in slots {
            if body(c) {
                named[s].push((start, c));
            }
        }
    }
    for list in &mut named {
        list.sort_unstable();
    }
    let mut out = vec![Slots::new(); n];
    for sent in &ctx.analysis.sents {
        let toks = &sent.toks;
        for i in 0..toks.len() {
            if !toks[i].is("it") {
                continue;
            }
            let quoted = toks[..i]
                .iter()
                .filter(|t| matches!(t.text, "\"" | "\u{201c}" | "\u{201d}"))
                .count()
                % 2
                == 1;
            let Some(next) = toks.get(i + 1) else {
                continue;
            };
            let be = ["is", "was", "'s", "has", "had"].iter().any(|w| next.is(w));
            // "it was founded", "it has sold"; not "it is clear", "it seems".
            let acts = if be {
                toks.get(i + 2)
                    .is_some_and(|t| t.tag == Upos::Verb || t.is("been"))
            } else {
                next.tag == Upos::Verb
                    && !["seems", "appears", "remains", "matters", "means"]
                        .iter()
                        .any(|w| next.is(w))
            };
            if quoted || !acts {
                continue;
            }
            let before: Vec<(usize, ClusterId)> = named[sent.index]
                .iter()
                .copied()
                .filter(|(start, _)| *start < i)
                .collect();
            let mut bodies: Vec<ClusterId> =
                before.iter().map(|p| p.1).filter(|&c| body(c)).collect();
            bodies.sort_unstable();
            bodies.dedup();
            let found = match bodies[..] {
                // ("Al Qaeda has had anthrax since 1997, when it was purchased": a thing
                // named between may be what "it" is.)
                [one] => before
                    .iter()
                    .rev()
                    .find(|p| p.1 == one)
                    .filter(|p| !thing_between(toks, p.0 + 1, i))
                    .map(|p| p.1),
                [] if before.is_empty() && i <= 1 => sent.index.checked_sub(1).and_then(|p| {
                    let (start, c) = *named[p].first()?;
                    let prev = &ctx.analysis.sents[p].toks;
                    (start <= 2 && body(c) && !thing_between(prev, start + 1, prev.len()))
                        .then_some(c)
                }),
                _ => None,
            };
            if let Some(c) = found {
                out[sent.index].push((i, i + 1, c));
            }
        }
    }
    out
}

/// Whether a common noun in the singular stands between tokens `from` and `to` (something "it"
/// may stand for), other than words of amounts and time.
fn thing_between(toks: &[crate::doc::analysis::Tok<'_>], from: usize, to: usize) -> bool {
    toks[from.min(to)..to].iter().any(|t| {
        t.tag == Upos::Noun
            && !t.capitalised()
            && !t.text.ends_with('s')
            && ![
                "million", "billion", "percent", "cent", "year", "month", "week", "time", "today",
            ]
            .iter()
            .any(|w| t.is(w))
    })
}
