//! Direct speech and its speaker.
//!
//! A quote is text between quotation marks (curly or straight) inside one sentence, of at least
//! four words (shorter quoted text is a term, not speech: the “comprehensive partnership”). The
//! speaker is a person named next to a speech verb right after the quote (“...,” Ana Silva said /
//! said Silva) or right before it (Silva said: “...”; Silva, noting, “...”), or in "quoted X as
//! saying". "he"/"she" next to the verb is the person `facts::pronouns` resolves it to (one clear
//! antecedent in this sentence or the few before). The halves of a quote split by its reporting
//! clause share their speaker; a paragraph of quotation with no speaker of its own is the words
//! of the person a lead-in sentence just reported ("X said ...", "X issued a statement"), or
//! continues the last speaker's.

use crate::doc::analysis::{Sent, Tok};
use crate::doc::{ClusterId, Doc, MentionId};
use crate::facts::trees::Deps;
use crate::model::EntityType;
use crate::pos::Upos;

/// Words of reporting that the dependency tree reads speech from (with [`SPEECH`]): their
/// subject is the speaker, their clausal complement what was said.
const REPORTING: [&str; 74] = [
    "report",
    "reports",
    "reported",
    "announce",
    "announces",
    "announced",
    "claim",
    "claims",
    "claimed",
    "indicate",
    "indicates",
    "indicated",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "tell",
    "add",
    "state",
    "explain",
    "insist",
    "according",
    "admit",
    "admits",
    "admitted",
    "concede",
    "conceded",
    "predict",
    "predicted",
    "suggest",
    "suggested",
    "stress",
    "stressed",
    "emphasise",
    "emphasised",
    "emphasize",
    "emphasized",
    "reveal",
    "revealed",
    "allege",
    "alleged",
    "testify",
    "testified",
    "recall",
    "recalled",
    "reply",
    "replied",
    "respond",
    "responded",
    "comment",
    "commented",
    "tweet",
    "tweeted",
    "warn",
    "write",
    "assert",
    "asserts",
    "asserted",
    "conclude",
    "concludes",
    "concluded",
    "remark",
    "remarks",
    "remarked",
    "observe",
    "observes",
    "observed",
    "continue",
    "continued",
    "continues",
    "reads",
    "reasoned",
];

const SPEECH: [&str; 26] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "stating",
    "noted",
    "noting",
    "notes",
    "asked",
    "explained",
    "insisted",
    "warned",
    "declared",
    "wrote",
    "argued",
    "saying",
    "acknowledged",
    "posted",
    "adding",
    "insisting",
    "explaining",
];

/// A quote before it is tied to entity keys.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundQuote {
    pub sent: usize,
    /// Token range of the quoted text, marks excluded.
    pub start: usize,
    pub end: usize,
    pub speaker: Option<ClusterId>,
    /// Sentence and token where the quote this is a piece of opens (a quote over several
    /// sentences has one piece per sentence).
    pub opened: (usize, usize),
}

pub(crate) fn opening(w: &str) -> bool {
    matches!(w, "\u{201C}" | "\"" | "``")
}

fn closing(w: &str) -> bool {
    matches!(w, "\u{201D}" | "\"" | "''")
}

/// Whether `w` closes a quote opened with `open`: marks pair by style (curly with curly,
/// straight with straight), and a curly opening mark that ends its sentence is a closing one
/// mistyped (“...decision.“).
fn closes(open: &str, w: &str, last: bool) -> bool {
    match open {
        "\u{201C}" => w == "\u{201D}" || (last && w == "\u{201C}"),
        "``" => w == "''" || w == "\u{201D}",
        _ => closing(w),
    }
}

/// The mark in `toks[from..]` that closes a quote opened with `open`. Straight marks nest: one
/// that faces open starts a quote inside the quote (`be called "research", would it?"`), closed
/// by the next mark. When no mark closes that way, the first mark that may close does (`To
/// "was featured`: a space mistyped).
fn closing_mark(text: &str, toks: &[Tok<'_>], from: usize, open: &str) -> Option<usize> {
    let ends = |j: usize| toks[j + 1..].iter().all(|t| t.tag == Upos::Punct);
    let marks: Vec<usize> = (from..toks.len())
        .filter(|&j| {
            closes(open, toks[j].text, ends(j)) || (open != "\u{201C}" && doubled(toks, j))
        })
        .collect();
    let mut depth = 0;
    for &j in &marks {
        if faces(text, &toks[j]) == Some(Facing::Opens) {
            depth += 1;
        } else if depth > 0 {
            depth -= 1;
        } else {
            return Some(j);
        }
    }
    marks.first().copied()
}

/// Whether token `j` is the first of two apostrophes typed as one closing mark (`concern,''
/// Robinson said`), which the segmenter splits.
fn doubled(toks: &[Tok<'_>], j: usize) -> bool {
    toks[j].text == "'"
        && toks
            .get(j + 1)
            .is_some_and(|t| t.text == "'" && t.start == toks[j].end)
}

/// Which way a straight mark faces, read from the characters around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facing {
    Opens,
    Closes,
}

/// The way a straight mark `t` faces, when the text around it tells: space (or a line's start,
/// a bracket or a dash) before it and a word after it opens (`said, "We`, a paragraph that
/// goes on quoting); a word or punctuation before it and space or punctuation after it closes
/// (`win."`, `it",`). Curly marks face the way they are drawn; a straight mark between two
/// words tells nothing.
fn faces(text: &str, t: &Tok<'_>) -> Option<Facing> {
    if t.text != "\"" {
        return None;
    }
    let before = text[..t.start].chars().next_back();
    let after = text[t.end..].chars().next();
    let open_side = |c: Option<char>| {
        c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}'))
    };
    let close_side = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']')
        })
    };
    if open_side(before) && !close_side(after) {
        Some(Facing::Opens)
    } else if close_side(after) && !open_side(before) {
        Some(Facing::Closes)
    } else {
        None
    }
}

fn speech(w: &str) -> bool {
    SPEECH.iter().any(|s| s.eq_ignore_ascii_case(w))
}

/// Whether quoted words are a title, not speech: every word of four letters or more
/// capitalised ("Scarne on Card Tricks", "The Internet Explorer 6 Countdown").
fn title(words: &[crate::doc::analysis::Tok<'_>]) -> bool {
    let mut long = words
        .iter()
        .filter(|t| t.text.chars().count() >= 4 && t.text.chars().all(char::is_alphabetic))
        .peekable();
    long.peek().is_some() && long.all(|t| t.capitalised())
}

/// Whether a word reports speech: a verb of saying or reporting, or "according (to)".
pub(crate) fn reporting(w: &str) -> bool {
    speech(w) || REPORTING.iter().any(|s| s.eq_ignore_ascii_case(w))
}

/// Finds quotes in every sentence.
pub fn find(ctx: &Doc<'_, '_>, trees: &[Option<Deps<'_>>]) -> Vec<FoundQuote> {
    let mut out = marked(ctx);
    for sent in &ctx.analysis.sents {
        if let Some(Some(deps)) = trees.get(sent.index) {
            reported(ctx, sent, deps, &mut out);
            colon_frame(ctx, sent, deps, &mut out);
        }
    }
    out.sort_by_key(|q| (q.sent, q.start));
    share_split(ctx, &mut out);
    share_adjacent(ctx, &mut out);
    credit_line(ctx, &mut out);
    share_speakers(&mut out);
    lead_in(ctx, &mut out);
    continue_speakers(ctx, &mut out);
    fragments(ctx, trees, &mut out);
    share_speakers(&mut out);
    // Quoted marks with no word between them ("...") are no speech; nor are a few words in
    // marks inside a sentence that no one is reported to say: a term or a title ("features
    // “free as in beer” content", "granted “parole” status").
    out.retain(|q| {
        let toks = &ctx.analysis.sents[q.sent].toks;
        let words = toks[q.start..q.end]
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphanumeric))
            .count();
        let outside = toks[..q.start]
            .iter()
            .chain(&toks[q.end..])
            .any(|t| t.text.chars().any(char::is_alphanumeric));
        words > 0
            && (q.speaker.is_some() || ((words >= TERM_WORDS || !outside) && !cited(toks, q.end)))
    });
    out
}

/// Whether the quoted words ending at `end` are a title in a list of sources: the closing mark,
/// a dash, then a publisher and a date (`“...” — The Daily Post, August 15, 2008`).
fn cited(toks: &[crate::doc::analysis::Tok<'_>], end: usize) -> bool {
    let mut k = end;
    while toks
        .get(k)
        .is_some_and(|t| closing(t.text) || t.text == ",")
    {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| dash(t.text)) {
        return false;
    }
    toks[k + 1..]
        .iter()
        .take(CITATION)
        .take_while(|t| !opening(t.text))
        .any(|t| crate::facts::values::is_month(t.text) || crate::facts::values::is_year(t.text))
}

/// Words after a title's dash within which a citation gives its date.
const CITATION: usize = 10;

/// Fewer words than this between marks, with no speaker, inside a sentence, are a term.
const TERM_WORDS: usize = 5;

/// Whether a token is a dash (as typed or as the segmenter writes it).
fn dash(w: &str) -> bool {
    matches!(w, "-" | "--" | "\u{2013}" | "\u{2014}")
}

/// The person named right after a dash at token `at` ("— Ana Berg", "- Ana Berg, on the
/// talks"), as a quote's credit line names its speaker.
fn credited(ctx: &Doc<'_, '_>, sent: &Sent<'_>, at: usize) -> Option<ClusterId> {
    if !sent.toks.get(at).is_some_and(|t| dash(t.text)) {
        return None;
    }
    let m = ctx.mention_starting_at(sent.index, at + 1)?.index();
    let closes = sent
        .toks
        .get(ctx.found[m].end)
        .is_none_or(|t| matches!(t.text, "," | "." | ";" | "("));
    (ctx.found[m].kind == EntityType::Person && closes).then(|| ctx.cluster_of[m])
}

/// The entity a description of a speaker stands for, when it may speak: a body, or a city
/// ("the city said": its council; a city's bare name says nothing).
fn described_speaker(ctx: &Doc<'_, '_>, c: ClusterId) -> Option<ClusterId> {
    let kind = ctx.clusters[c].kind;
    (may_speak(kind) || kind == EntityType::City).then_some(c)
}

/// The cluster of mention `m` when it may speak (a person, or a body that issues statements).
fn speaker_of(ctx: &Doc<'_, '_>, m: MentionId) -> Option<ClusterId> {
    may_speak(ctx.found[m.index()].kind).then(|| ctx.cluster_of[m.index()])
}

/// A line that opens with a dash and a name right after a quote that ends its sentence credits
/// the quote: `“... We have brains.” — Ana Berg, on the talks.`
fn credit_line(ctx: &Doc<'_, '_>, out: &mut [FoundQuote]) {
    let sents = &ctx.analysis.sents;
    for q in out.iter_mut().filter(|q| q.speaker.is_none()) {
        let Some(next) = sents.get(q.sent + 1) else {
            continue;
        };
        let ends = sents[q.sent].toks[q.end..]
            .iter()
            .all(|t| t.tag == Upos::Punct);
        if ends {
            q.speaker = credited(ctx, next, 0);
        }
    }
}

/// Most words between the two halves of a quote split by its reporting clause.
const SPLIT_GAP: usize = 10;

/// `“We came to win,” Ana Berg told the press, “and we will.”`: the two halves of a quote split
/// by a short reporting clause share the speaker either was given.
fn share_split(ctx: &Doc<'_, '_>, out: &mut [FoundQuote]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.sent != b.sent || b.opened != (b.sent, b.start.wrapping_sub(1)) || a.end >= b.start {
            continue;
        }
        // The words between the closing mark of the first half and the opening one of the second
        // (a quote read from the tree has no mark).
        let toks = &ctx.analysis.sents[a.sent].toks;
        if toks.get(a.end).is_none_or(|t| !closing(t.text)) && !doubled(toks, a.end) {
            continue;
        }
        let Some(gap) = toks.get(a.end + 1..b.start - 1) else {
            continue;
        };
        let framed = gap.len() <= SPLIT_GAP
            && gap.last().is_some_and(|t| matches!(t.text, "," | ":"))
            && gap.iter().any(|t| reporting(t.text) && !t.is("according"));
        if !framed {
            continue;
        }
        match (a.speaker, b.speaker) {
            (Some(s), None) => out[k].speaker = Some(s),
            (None, Some(s)) => out[k - 1].speaker = Some(s),
            _ => {}
        }
    }
}

/// `Ana Berg said the plan was bold,” “We owe it to the town.”`, `told the press it “must be
/// fair”: “...”`: a quote with no speaker that follows another one of its sentence with only
/// punctuation between them goes on in the same voice, unless the first names someone who may
/// be its voice instead ("reported that Bush told his cabinet, “...”").
fn share_adjacent(ctx: &Doc<'_, '_>, out: &mut [FoundQuote]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.sent != b.sent || a.end > b.start || b.speaker.is_some() {
            continue;
        }
        let toks = &ctx.analysis.sents[a.sent].toks;
        let named = ctx.found.iter().enumerate().any(|(m, f)| {
            f.sent == a.sent
                && f.start >= a.start
                && f.end <= a.end
                && may_speak(f.kind)
                && Some(ctx.cluster_of[m]) != a.speaker
        });
        if !named && toks[a.end..b.start].iter().all(|t| t.tag == Upos::Punct) {
            out[k].speaker = out[k - 1].speaker;
        }
    }
}

/// Most words between a person named in a lead-in sentence and its word of saying.
const LEAD_IN_REACH: usize = 12;

/// Other words that introduce the quote of the next sentence: nouns of saying ("X issued a
/// statement"), speaking ("X spoke to reporters") and the manner of it ("X was defiant").
const STATEMENTS: [&str; 13] = [
    "statement",
    "remarks",
    "interview",
    "comments",
    "spoke",
    "speaking",
    "blunt",
    "defiant",
    "adamant",
    "emphatic",
    "unapologetic",
    "unrepentant",
    "candid",
];

/// Whether a verb puts into words what it is about ("describe", "characterised"), as a lead-in
/// to a quote.
fn portraying(w: &str) -> bool {
    ["describe", "characteri"]
        .iter()
        .any(|s| w.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))
}

/// `Ana Berg said the plant would stay open. “We owe it to the town.”`: a quote that opens its
/// sentence with no speaker of its own, right after a sentence without quotation that opens with
/// a person who says something ("X said", "X also said", "X issued a statement", "He told
/// reporters", "X and colleagues describe ..."), is that person's.
fn lead_in(ctx: &Doc<'_, '_>, out: &mut [FoundQuote]) {
    let quoted: Vec<usize> = out.iter().map(|q| q.sent).collect();
    for q in out.iter_mut() {
        if q.speaker.is_some() || q.opened != (q.sent, 0) || q.sent == 0 {
            continue;
        }
        let p = q.sent - 1;
        if quoted.contains(&p) {
            continue;
        }
        let toks = &ctx.analysis.sents[p].toks;
        let says = |from: usize| {
            (from..toks.len().min(from + LEAD_IN_REACH)).find(|&r| {
                let t = &toks[r];
                (reporting(t.text) && !t.is("according"))
                    || STATEMENTS.iter().any(|w| t.is(w))
                    || (t.tag == Upos::Verb && portraying(t.text))
            })
        };
        let speaker = if toks.first().is_some_and(|t| t.is("he") || t.is("she")) {
            says(1).and_then(|_| pronoun(ctx, p, 0))
        } else {
            let Some(m) = ctx.found.iter().position(|f| {
                f.sent == p
                    && f.kind == EntityType::Person
                    && !toks[..f.start]
                        .iter()
                        .any(|t| matches!(t.tag, Upos::Verb | Upos::Aux))
            }) else {
                continue;
            };
            let f = &ctx.found[m];
            let other = |r: usize| {
                ctx.found.iter().any(|g| {
                    g.sent == p && g.kind == EntityType::Person && g.start >= f.end && g.start < r
                })
            };
            says(f.end)
                .filter(|&r| !other(r))
                .map(|_| ctx.cluster_of[m])
        };
        q.speaker = speaker;
    }
}

/// The pieces of a quote over several sentences share the speaker any of them was given
/// (`X tweeted: “Cool idea. Come and see us. We need you.”`: the tree names X in the first).
fn share_speakers(out: &mut [FoundQuote]) {
    let mut of: Vec<((usize, usize), ClusterId)> = out
        .iter()
        .filter_map(|q| q.speaker.map(|s| (q.opened, s)))
        .collect();
    of.sort_by_key(|p| p.0);
    of.dedup_by_key(|p| p.0);
    for q in out.iter_mut().filter(|q| q.speaker.is_none()) {
        if let Ok(k) = of.binary_search_by_key(&q.opened, |p| p.0) {
            q.speaker = Some(of[k].1);
        }
    }
}

/// Where the quotes of a document stand: (sentence, first token, end), for telling the words
/// of a sentence outside its quotes from those inside.
pub(crate) struct Spans(Vec<(usize, usize, usize)>);

impl Spans {
    pub(crate) fn of(quotes: &[FoundQuote]) -> Spans {
        Spans(quotes.iter().map(|q| (q.sent, q.start, q.end)).collect())
    }

    /// Whether token `tok` of sentence `sent` is quoted words or one of their marks.
    pub(crate) fn covers(&self, sent: usize, tok: usize) -> bool {
        self.0
            .iter()
            .any(|&(s, a, b)| s == sent && (a.saturating_sub(1)..=b).contains(&tok))
    }

    /// Whether sentence `sent` reports speech outside its quotes ("..., a member told the
    /// press"): a speaker the extractor may not have found.
    pub(crate) fn reports_outside(&self, ctx: &Doc<'_, '_>, sent: usize) -> bool {
        ctx.analysis.sents[sent]
            .toks
            .iter()
            .enumerate()
            .any(|(k, t)| reporting(t.text) && !self.covers(sent, k))
    }
}

/// Sentences after a speaker's quote within which a quote that opens its sentence, with no
/// speaker of its own, still continues that speaker's words.
const CONTINUATION: usize = 3;

/// A quote that opens its sentence and names no speaker continues the last quote's speaker
/// (and passes it on to its pieces in the next sentences)
/// when it follows within [`CONTINUATION`] sentences and no other person is named in between
/// (news paragraphs that go on quoting the same person). Names inside the quote itself do not
/// count; a sentence whose own words outside the quote report speech ("..., a member told the
/// press") has a speaker the extractor did not find, and is left alone.
fn continue_speakers(ctx: &Doc<'_, '_>, out: &mut [FoundQuote]) {
    let spans = Spans::of(out);
    let mut last: Option<(usize, ClusterId)> = None;
    for q in out.iter_mut() {
        match (q.speaker, last) {
            (Some(s), _) => last = Some((q.sent, s)),
            (None, Some((at, s)))
                if q.start <= 1
                    && q.opened.0 == q.sent
                    && q.sent > at
                    && q.sent <= at + CONTINUATION =>
            {
                let other = ctx.found.iter().enumerate().any(|(m, f)| {
                    f.kind == EntityType::Person
                        && f.sent > at
                        && f.sent <= q.sent
                        && ctx.cluster_of[m] != s
                        && !(f.sent == q.sent && (q.start..q.end).contains(&f.start))
                });
                if !other && !spans.reports_outside(ctx, q.sent) {
                    q.speaker = Some(s);
                    last = Some((q.sent, s));
                }
            }
            _ => {}
        }
    }
}

/// Who spoke last, for "he said" (`person`) or "it said" (a body: organisation, company or
/// country): the speaker of the last quote within [`CONTINUATION`] sentences, when it is of that
/// kind and no other of that kind is named since. A person's quote counts only before sentence
/// `sent` and a person named in `sent` breaks the chain; a body's quote may stand in `sent`
/// itself, whose quoted words may name other bodies.
fn last_speaker(
    ctx: &Doc<'_, '_>,
    out: &[FoundQuote],
    sent: usize,
    person: bool,
) -> Option<ClusterId> {
    let of_kind = |k: EntityType| {
        if person {
            k == EntityType::Person
        } else {
            k != EntityType::Person && may_speak(k)
        }
    };
    let (at, speaker) = out
        .iter()
        .filter(|q| (q.sent < sent || (!person && q.sent == sent)) && q.sent + CONTINUATION >= sent)
        .filter_map(|q| q.speaker.map(|s| (q.sent, s)))
        .next_back()?;
    let until = if person { sent + 1 } else { sent };
    let other = ctx.found.iter().enumerate().any(|(m, f)| {
        of_kind(f.kind) && f.sent > at && f.sent < until && ctx.cluster_of[m] != speaker
    });
    (of_kind(ctx.clusters[speaker].kind) && !other).then_some(speaker)
}

/// Text between quotation marks, with the speaker named next to it.
fn marked(ctx: &Doc<'_, '_>) -> Vec<FoundQuote> {
    let sents = &ctx.analysis.sents;
    let mut out: Vec<FoundQuote> = Vec::new();
    // A quote opened in an earlier sentence and not closed yet: where its mark stands, and the
    // index in `out` of its first piece (every later entry of `out` is a piece of it).
    let mut open: Option<(usize, usize, usize, &str)> = None;
    for sent in sents {
        let toks = &sent.toks;
        let mut i = 0;
        if let Some((at, mark, first, style)) = open {
            if sent.index > at + MAX_QUOTE_SENTENCES {
                // Never closed: a stray mark, not speech.
                out.truncate(first);
                open = None;
            } else if toks.first().is_some_and(|t| {
                t.text == "\u{201C}" || faces(ctx.analysis.text, t) == Some(Facing::Opens)
            }) {
                // A new paragraph of quotation, or the closing mark mistyped and split off
                // (“...decision.“ However): the open quote ends with the sentence before.
                let speaker = speaker_before(ctx, &sents[at], mark);
                for q in &mut out[first..] {
                    q.speaker = speaker;
                }
                open = None;
            } else if let Some(close) = closing_mark(ctx.analysis.text, toks, 0, style) {
                if faces(ctx.analysis.text, &toks[close]) == Some(Facing::Opens) {
                    // `also known as "Wild 2) ... used to "discover" the`: a mark that opens
                    // a quote of its own sentence shows the open one a stray mark.
                    out.truncate(first);
                    open = None;
                } else {
                    if close > 0 {
                        out.push(FoundQuote {
                            sent: sent.index,
                            start: 0,
                            end: close,
                            speaker: None,
                            opened: (at, mark),
                        });
                    }
                    let speaker = speaker_after(ctx, sent, close)
                        .or_else(|| speaker_before(ctx, &sents[at], mark));
                    for q in &mut out[first..] {
                        q.speaker = speaker;
                    }
                    open = None;
                    i = close + 1;
                }
            } else {
                out.push(FoundQuote {
                    sent: sent.index,
                    start: 0,
                    end: toks.len(),
                    speaker: None,
                    opened: (at, mark),
                });
                continue;
            }
        }
        while i < toks.len() {
            if !opening(toks[i].text) {
                i += 1;
                continue;
            }
            let style = toks[i].text;
            let Some(close) = closing_mark(ctx.analysis.text, toks, i + 1, style) else {
                if faces(ctx.analysis.text, &toks[i]) == Some(Facing::Closes) {
                    // `funny" rather than`: a closing mark whose opening was lost opens no
                    // quote over the next sentences.
                    i += 1;
                    continue;
                }
                // “We will win. The people know it,” he said: the quote goes on in the next
                // sentences.
                open = Some((sent.index, i, out.len(), style));
                if i + 1 < toks.len() {
                    out.push(FoundQuote {
                        sent: sent.index,
                        start: i + 1,
                        end: toks.len(),
                        speaker: None,
                        opened: (sent.index, i),
                    });
                }
                break;
            };
            if close - i > 4 && !title(&toks[i + 1..close]) {
                let speaker =
                    speaker_after(ctx, sent, close).or_else(|| speaker_before(ctx, sent, i));
                out.push(FoundQuote {
                    sent: sent.index,
                    start: i + 1,
                    end: close,
                    speaker,
                    opened: (sent.index, i),
                });
            }
            i = close + 1;
        }
    }
    if let Some((_, _, first, _)) = open {
        out.truncate(first);
    }
    out
}

/// Sentences after its opening within which a quote must close to be one.
const MAX_QUOTE_SENTENCES: usize = 4;

/// The person cluster of a mention starting or ending at a token, if it is a person.
fn person_at(
    ctx: &Doc<'_, '_>,
    sent: usize,
    start: Option<usize>,
    end: Option<usize>,
) -> Option<ClusterId> {
    let m = ctx
        .found
        .iter()
        .position(|f| f.sent == sent && (Some(f.start) == start || Some(f.end) == end))?;
    (ctx.found[m].kind == EntityType::Person).then(|| ctx.cluster_of[m])
}

/// "he"/"she" at token `at`: the person `facts::pronouns` resolved it to, if any.
fn pronoun(ctx: &Doc<'_, '_>, sent: usize, at: usize) -> Option<ClusterId> {
    ctx.pronouns
        .get(sent)?
        .iter()
        .find(|slot| slot.0 == at)
        .map(|slot| slot.2)
}

/// The person named after mention `m` (a body's, or a person's the model may have misread)
/// and a post in lower case: "Kestrel chief executive Ana Berg", "Kestrel Media's spokesman
/// Tom Reyes", "Ola Dahl spokesman Tom Reyes".
fn titled_person_after(ctx: &Doc<'_, '_>, sent: &Sent<'_>, m: MentionId) -> Option<ClusterId> {
    let f = &ctx.found[m.index()];
    let toks = &sent.toks;
    let lex = ctx.analysis.lex;
    let mut k = f.end;
    if toks
        .get(k)
        .is_some_and(|t| crate::facts::relations::structure::possessive(t.text))
    {
        k += 1;
    }
    let title = k;
    while k < title + 4
        && toks
            .get(k)
            .is_some_and(|t| !t.capitalised() && (lex.title_word(t.text) || lex.title(t.text)))
    {
        k += 1;
    }
    if k == title {
        return None;
    }
    let person = ctx.mention_starting_at(sent.index, k)?;
    (ctx.found[person.index()].kind == EntityType::Person).then(|| ctx.cluster_of[person.index()])
}

/// From token `at`, the possessive of an owner named before it, a post in lower case (with a
/// field after "of": "director of football"), a comma and a person: that person.
fn post_then_person(ctx: &Doc<'_, '_>, sent: &Sent<'_>, at: usize) -> Option<ClusterId> {
    let toks = &sent.toks;
    let lex = ctx.analysis.lex;
    if !toks
        .get(at)
        .is_some_and(|t| crate::facts::relations::structure::possessive(t.text))
    {
        return None;
    }
    let lower_title = |k: usize| {
        toks.get(k).is_some_and(|t| {
            !t.capitalised()
                && !t.is("of")
                && (lex.title_word(t.text) || lex.title(t.text) || t.is("and"))
        })
    };
    let from = at + 1;
    let mut q = from;
    while q < from + 4 && lower_title(q) {
        q += 1;
    }
    if q == from {
        return None;
    }
    // "director of football", "head of international projects".
    if toks.get(q).is_some_and(|t| t.is("of")) {
        let field = q + 1;
        let mut f = field;
        while f < field + 3
            && toks
                .get(f)
                .is_some_and(|t| !t.capitalised() && matches!(t.tag, Upos::Noun | Upos::Adj))
        {
            f += 1;
        }
        if f > field {
            q = f;
        }
    }
    if toks.get(q).is_none_or(|t| t.text != ",") {
        return None;
    }
    let person = ctx.mention_starting_at(sent.index, q + 1)?;
    (ctx.found[person.index()].kind == EntityType::Person).then(|| ctx.cluster_of[person.index()])
}

fn speaker_after(ctx: &Doc<'_, '_>, sent: &Sent<'_>, close: usize) -> Option<ClusterId> {
    let toks = &sent.toks;
    let mut j = close + 1 + usize::from(doubled(toks, close));
    if toks.get(j).is_some_and(|t| t.text == ",") {
        j += 1;
    }
    // “...” — Ana Berg
    if let Some(person) = credited(ctx, sent, j) {
        return Some(person);
    }
    // “...,” said a spokeswoman for Vexa; “...,” a Vexa spokesman said
    let said = |k: usize| toks.get(k).is_some_and(|t| speech(t.text));
    if said(j)
        && let Some((body, _)) = spokesperson(ctx, sent, j + 1)
    {
        return Some(body);
    }
    if let Some((body, end)) = spokesperson(ctx, sent, j)
        && said(end)
    {
        return Some(body);
    }
    let lex = ctx.analysis.lex;
    while toks
        .get(j)
        .is_some_and(|t| lex.honorific(t.text) || (lex.title_word(t.text) && t.capitalised()))
    {
        j += 1;
    }
    let t = toks.get(j)?;
    if reporting(t.text) && !t.is("according") {
        // said Silva, said Mr Silva, added the Kestrel Agency
        let mut k = j + 1;
        while toks
            .get(k)
            .is_some_and(|t| lex.honorific(t.text) || t.is("the"))
        {
            k += 1;
        }
        // "said its founder and executive director, Ana Berg", "said the company's chief
        // executive, Ana Berg": a post, then the person.
        if ctx.mention_starting_at(sent.index, k).is_none() {
            let mut q = k;
            if toks
                .get(q)
                .is_some_and(|t| matches!(t.lower().as_str(), "its" | "his" | "her" | "their"))
            {
                q += 1;
            } else if toks
                .get(q)
                .is_some_and(|t| !t.capitalised() && t.tag == Upos::Noun)
                && toks
                    .get(q + 1)
                    .is_some_and(|t| crate::facts::relations::structure::possessive(t.text))
            {
                // "said the company's chief executive, Ana Berg"
                q += 2;
            }
            let from = q;
            while toks.get(q).is_some_and(|t| {
                !t.capitalised()
                    && ((matches!(t.tag, Upos::Noun | Upos::Adj)
                        && (lex.title_word(t.text) || lex.title(t.text)))
                        || t.is("and"))
            }) {
                q += 1;
            }
            if q > from && toks.get(q).is_some_and(|t| t.text == ",") {
                q += 1;
            }
            let m = ctx.mention_starting_at(sent.index, q)?;
            return (q > from && ctx.found[m.index()].kind == EntityType::Person)
                .then(|| ctx.cluster_of[m]);
        }
        let m = ctx.mention_starting_at(sent.index, k)?;
        // "said Kestrel chief executive Ana Berg": the body owns the post; the person speaks.
        if let Some(person) = titled_person_after(ctx, sent, m) {
            return Some(person);
        }
        // "said Wellsby's director of football, Priya Chaudhary": so too after a comma.
        if let Some(person) = post_then_person(ctx, sent, ctx.found[m.index()].end) {
            return Some(person);
        }
        return speaker_of(ctx, m);
    }
    if t.is("he") || t.is("she") {
        return toks
            .get(j + 1)
            .filter(|t| reporting(t.text))
            .and_then(|_| pronoun(ctx, sent.index, j));
    }
    // “...,” the chief executive said: a description resolved to its person or body.
    if t.is("the")
        && let Some(k) = (j + 1..(j + 4).min(toks.len()))
            .find(|&k| toks.get(k + 1).is_some_and(|v| reporting(v.text)))
        && toks[j + 1..k].iter().all(|w| lex.title_word(w.text))
        && let Some(c) = pronoun(ctx, sent.index, k)
    {
        return Some(c);
    }
    // Agency quoted Silva as saying
    let quoted = (j..(j + 4).min(toks.len())).find(|&k| toks[k].is("quoted"));
    if let Some(q) = quoted {
        let mut k = q + 1;
        while toks.get(k).is_some_and(|t| lex.honorific(t.text)) {
            k += 1;
        }
        let m = ctx
            .found
            .iter()
            .position(|f| f.sent == sent.index && f.start == k)?;
        let end = ctx.found[m].end;
        let as_saying = toks.get(end).is_some_and(|t| t.is("as"))
            && toks.get(end + 1).is_some_and(|t| t.is("saying"));
        return (ctx.found[m].kind == EntityType::Person && as_saying).then(|| ctx.cluster_of[m]);
    }
    // Silva said; Silva, 45, said; Silva, the union's leader, told reporters
    let m = ctx
        .found
        .iter()
        .position(|f| f.sent == sent.index && f.start == j)?;
    // "Pacifica spokesman Jerome Ty told The Associated Press": the body's post, then who.
    if ctx.found[m].kind != EntityType::Person
        && let Some(person) = titled_person_after(ctx, sent, MentionId(m))
        && let Some(p) = ctx
            .found
            .iter()
            .enumerate()
            .find(|(q, f)| f.sent == sent.index && f.start > j && ctx.cluster_of[*q] == person)
            .map(|(_, f)| f)
        && toks.get(p.end).is_some_and(|t| reporting(t.text))
    {
        return Some(person);
    }
    let mut end = ctx.found[m].end;
    if toks.get(end).is_some_and(|t| t.text == ",")
        && let Some(c) = (end + 1..(end + 15).min(toks.len()))
            .take_while(|&k| !matches!(toks[k].tag, Upos::Verb | Upos::Aux))
            .find(|&k| toks[k].text == ",")
    {
        end = c + 1;
    }
    let verb = toks.get(end)?;
    (ctx.found[m].kind == EntityType::Person && reporting(verb.text)).then(|| ctx.cluster_of[m])
}

/// "a spokeswoman for Vexa", "an official at the ministry", "a Vexa spokesman" from token `at`:
/// the body that speaks through the spokesperson, and the token after the phrase.
fn spokesperson(ctx: &Doc<'_, '_>, sent: &Sent<'_>, at: usize) -> Option<(ClusterId, usize)> {
    let toks = &sent.toks;
    let article = toks
        .get(at)
        .is_some_and(|t| t.is("a") || t.is("an") || t.is("the") || t.is("one"));
    // The first word after the article, if any.
    let first = if article { at + 1 } else { at };
    let body = |m: MentionId| {
        let kind = ctx.found[m.0].kind;
        (kind != EntityType::Person && may_speak(kind)).then(|| ctx.cluster_of[m.0])
    };
    let spokes = |k: usize| {
        toks.get(k)
            .is_some_and(|t| SPOKESPEOPLE.iter().any(|w| t.is(w)))
    };
    // "a Vexa spokesman", "a senior Vexa official"
    let mut j = first;
    while j < first + 3 && toks.get(j).is_some_and(|t| t.tag == Upos::Adj) {
        j += 1;
    }
    if let Some(m) = ctx.mention_starting_at(sent.index, j) {
        let end = ctx.found[m.0].end;
        // "Vexa spokeswoman Ana Berg": the spokesperson is named and speaks herself.
        let named = ctx
            .mention_starting_at(sent.index, end + 1)
            .is_some_and(|p| ctx.found[p.0].kind == EntityType::Person);
        return (spokes(end) && !named)
            .then(|| body(m))
            .flatten()
            .map(|c| (c, end + 1));
    }
    // "a spokeswoman for Vexa", "a senior official at the ministry"
    if !spokes(j) {
        return None;
    }
    let mut k = j + 1;
    if !toks
        .get(k)
        .is_some_and(|t| t.is("for") || t.is("of") || t.is("at"))
    {
        return None;
    }
    k += 1;
    if toks.get(k).is_some_and(|t| t.is("the")) {
        k += 1;
    }
    let m = ctx.mention_starting_at(sent.index, k)?;
    body(m).map(|c| (c, ctx.found[m.0].end))
}

fn speaker_before(ctx: &Doc<'_, '_>, sent: &Sent<'_>, open: usize) -> Option<ClusterId> {
    let toks = &sent.toks;
    let mut j = open;
    while j > 0 && matches!(toks[j - 1].text, "," | ":") {
        j -= 1;
    }
    // "a line attributed to Einstein — “...”"
    let mut d = j;
    while d > 0 && dash(toks[d - 1].text) {
        d -= 1;
    }
    if let Some(m) = ctx.mention_ending_at(sent.index, d) {
        let a = ctx.found[m.index()].start;
        if a >= 2 && toks[a - 1].is("to") && toks[a - 2].is("attributed") {
            return speaker_of(ctx, m);
        }
    }
    let verb = j.checked_sub(1)?;
    // "in the words of the prosecutor, Ana Berg, “...”"
    if let Some(person) = in_the_words_of(ctx, sent, j) {
        return Some(person);
    }
    // "He described the conflict as “...”"
    if let Some(speaker) = described_as(ctx, sent, j) {
        return Some(speaker);
    }
    // "X said of the letter, “...”": a verb of saying, then a short phrase opened by a
    // preposition.
    let verb = if reporting(toks[verb].text) {
        verb
    } else {
        (verb.saturating_sub(PHRASE_REACH)..verb)
            .rev()
            .find(|&v| {
                toks[v].tag == Upos::Verb
                    && speech(toks[v].text)
                    && toks[v + 1].tag == Upos::Adp
                    && !toks[v + 1..j]
                        .iter()
                        .any(|t| t.tag == Upos::Verb || t.text == ",")
            })
            .unwrap_or(verb)
    };
    if !reporting(toks[verb].text) || toks[verb].is("according") {
        return None;
    }
    if toks[verb].is("saying") && verb >= 3 && toks[verb - 1].is("as") {
        return person_at(ctx, sent.index, None, Some(verb - 1));
    }
    // X said, / X, noting / he said
    let mut k = verb;
    if k > 0 && toks[k - 1].text == "," {
        k -= 1;
    }
    if k > 0 && (toks[k - 1].is("he") || toks[k - 1].is("she")) {
        return pronoun(ctx, sent.index, k - 1);
    }
    // "the company notes, “...”": a description that stands for a body ("the city reasoned":
    // its council).
    if let Some(c) = k.checked_sub(1).and_then(|d| pronoun(ctx, sent.index, d)) {
        return described_speaker(ctx, c);
    }
    // "Ana Berg said, “...”", "The Department of Agriculture notes, “...”"; not the object of
    // a preposition ("a letter seen by Sky News says").
    if let Some(m) = ctx.mention_ending_at(sent.index, k) {
        let governed = toks[..ctx.found[m.index()].start]
            .iter()
            .rev()
            .find(|t| t.tag != Upos::Det)
            .is_some_and(|t| t.tag == Upos::Adp);
        return speaker_of(ctx, m).filter(|_| !governed);
    }
    if let Some(person) = apposed_subject(ctx, sent, k) {
        return Some(person);
    }
    // "X acknowledged ..., noting, “...”": a participle after a comma speaks for the sentence's
    // subject, when the sentence opens with a person.
    let participle = toks[verb].text.ends_with("ing") && k < verb;
    let first = ctx.found.iter().position(|f| f.sent == sent.index)?;
    let f = &ctx.found[first];
    let subject = toks
        .get(f.end)
        .is_some_and(|t| t.tag == crate::pos::Upos::Verb);
    (participle && f.kind == EntityType::Person && subject).then(|| ctx.cluster_of[first])
}

/// Most words of a phrase between a verb of saying and the quote it reports ("said of this
/// letter,").
const PHRASE_REACH: usize = 5;

/// "in the words of [the prosecutor,] Ana Berg[, QC]," before a quote's mark at `open` (commas
/// before it skipped): the person named in the phrase, which must end at the mark.
fn in_the_words_of(ctx: &Doc<'_, '_>, sent: &Sent<'_>, open: usize) -> Option<ClusterId> {
    let toks = &sent.toks;
    let from = (0..open).rev().take(12).find(|&k| {
        toks[k].is("words")
            && k >= 2
            && toks[k - 2].is("in")
            && toks[k - 1].is("the")
            && toks.get(k + 1).is_some_and(|t| t.is("of"))
    })?;
    let m = ctx.found.iter().position(|f| {
        f.sent == sent.index && f.start > from && f.end <= open && f.kind == EntityType::Person
    })?;
    Some(ctx.cluster_of[m])
}

/// Verbs that put words on what they name ("described the plan as “...”").
const DESCRIBING: [&str; 10] = [
    "described",
    "describes",
    "characterized",
    "characterised",
    "characterizes",
    "characterises",
    "called",
    "calls",
    "labelled",
    "labeled",
];

/// "X described the conflict as [an individual,] “...”": a quote that the phrase after "as"
/// opens (at most four words before the mark at `open`), after a verb of describing whose
/// subject, a name, stands right before it.
fn described_as(ctx: &Doc<'_, '_>, sent: &Sent<'_>, open: usize) -> Option<ClusterId> {
    let toks = &sent.toks;
    let as_at = (open.saturating_sub(5)..open)
        .rev()
        .find(|&k| toks[k].is("as"))?;
    if toks[as_at + 1..open]
        .iter()
        .any(|t| matches!(t.tag, Upos::Verb | Upos::Aux))
    {
        return None;
    }
    let v = (as_at.saturating_sub(15)..as_at)
        .rev()
        .find(|&k| DESCRIBING.iter().any(|w| toks[k].is(w)))?;
    if let Some(m) = ctx.mention_ending_at(sent.index, v) {
        return speaker_of(ctx, m);
    }
    // "He described Montalvo as ...": "he" often resolves to the one described; then no one.
    if v == 0 || !(toks[v - 1].is("he") || toks[v - 1].is("she")) {
        return None;
    }
    let who = pronoun(ctx, sent.index, v - 1)?;
    let described = ctx.found.iter().enumerate().any(|(m, f)| {
        f.sent == sent.index && f.start > v && f.end <= as_at && ctx.cluster_of[m] == who
    });
    (!described).then_some(who)
}

/// "Mara Quint, of Halvard Laboratories, said": the person who opens the clause, set off by a
/// comma, with only a description (no verb) between the name and the comma at `comma`.
fn apposed_subject(ctx: &Doc<'_, '_>, sent: &Sent<'_>, comma: usize) -> Option<ClusterId> {
    let toks = &sent.toks;
    if toks.get(comma).is_none_or(|t| t.text != ",") {
        return None;
    }
    let verbal = |t: &crate::doc::analysis::Tok<'_>| matches!(t.tag, Upos::Verb | Upos::Aux);
    let m = ctx.found.iter().position(|f| {
        f.sent == sent.index
            && f.kind == EntityType::Person
            && f.end < comma
            && toks[f.end].text == ","
            && !toks[f.end..comma].iter().any(verbal)
            && !toks[..f.start].iter().any(|t| verbal(t) || t.text == ",")
    })?;
    Some(ctx.cluster_of[m])
}

/// Whether an entity of this kind may speak: a person, or a body that issues statements.
fn may_speak(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Person | EntityType::Organization | EntityType::Company | EntityType::Country
    )
}

/// The speaker named at token `i`: the mention over it, or "he"/"she" resolved as for quotes.
fn speaker_at(
    ctx: &Doc<'_, '_>,
    sent: &Sent<'_>,
    deps: &Deps<'_>,
    i: usize,
    out: &[FoundQuote],
) -> Option<ClusterId> {
    let t = &sent.toks[i];
    if t.is("he") || t.is("she") {
        // The one person just named, else the one who spoke last.
        return pronoun(ctx, sent.index, i).or_else(|| last_speaker(ctx, out, sent.index, true));
    }
    if t.is("it") {
        return last_speaker(ctx, out, sent.index, false);
    }
    // "CEO of the Refugee Council Ana Berg told ...": a post whose phrase ends in a person's
    // name is that person.
    let lex = ctx.analysis.lex;
    if (lex.title_word(t.text) || lex.title(t.text))
        && let Some((_, end)) = deps.span(sent, i, None)
        && let Some(m) = ctx.found.iter().position(|f| {
            f.sent == sent.index && f.end == end && f.start > i && f.kind == EntityType::Person
        })
    {
        return Some(ctx.cluster_of[m]);
    }
    // "the company said": the body a description stands for (`facts::descriptions`).
    if let Some(c) = pronoun(ctx, sent.index, i) {
        return described_speaker(ctx, c);
    }
    let at = |k: usize| {
        ctx.found
            .iter()
            .position(|f| f.sent == sent.index && (f.start..f.end).contains(&k))
    };
    if let Some(m) = at(i) {
        // "the Refugee Board Ana Silva told ...": a body's name the parser heads a person's
        // name with is the person's post, and the person speaks.
        let f = &ctx.found[m];
        if f.kind != EntityType::Person
            && let Some(p) = ctx.mention_starting_at(sent.index, f.end)
            && ctx.found[p.index()].kind == EntityType::Person
            && deps.head[f.end].is_some_and(|h| (f.start..f.end).contains(&h))
        {
            return Some(ctx.cluster_of[p.index()]);
        }
        return may_speak(f.kind).then(|| ctx.cluster_of[m]);
    }
    // "the firm's chief executive, Ana Berg, said": the name in apposition to the subject, a
    // person before a body ("the head of CEI (Italian Episcopal Conference), Ana Berg").
    let mut chain: Vec<usize> = deps.children(i, "appos").collect();
    let mut k = 0;
    while k < chain.len() && chain.len() < 8 {
        chain.extend(deps.children(chain[k], "appos"));
        k += 1;
    }
    let apposed: Vec<usize> = chain.into_iter().filter_map(at).collect();
    if let Some(&m) = apposed
        .iter()
        .find(|&&m| ctx.found[m].kind == EntityType::Person)
        .or(apposed.first())
    {
        return may_speak(ctx.found[m].kind).then(|| ctx.cluster_of[m]);
    }
    // "a spokesman for Nordhavn Motors said": the body speaks through its spokesperson.
    if !SPOKESPEOPLE
        .iter()
        .chain(&ISSUED)
        .any(|w| w.eq_ignore_ascii_case(t.text))
    {
        return None;
    }
    // "Dahl's statement added", "the Kestrel statement said": whose words the text is.
    if let Some(m) = deps.kids[i]
        .iter()
        .copied()
        .filter(|&k| matches!(deps.rel[k], "nmod:poss" | "compound"))
        .find_map(at)
    {
        return may_speak(ctx.found[m].kind).then(|| ctx.cluster_of[m]);
    }
    deps.kids[i].iter().copied().find_map(|k| {
        // "a spokesman for X", "a statement from X"
        let by = deps.base(k) == "nmod"
            && deps.children(k, "case").any(|c| {
                ["for", "of", "at", "from"]
                    .iter()
                    .any(|w| sent.toks[c].is(w))
            });
        let m = at(k).filter(|_| by)?;
        let kind = ctx.found[m].kind;
        (kind != EntityType::Person && may_speak(kind)).then(|| ctx.cluster_of[m])
    })
}

/// Verbs of going on that report speech only next to quotation marks ("she continued: “...”").
const CONTINUING: [&str; 3] = ["continue", "continued", "continues"];

/// Nouns for whoever speaks for a body ("a spokesman for X", "officials at X").
const SPOKESPEOPLE: [&str; 6] = [
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "official",
    "officials",
];

/// Nouns for what a body or a person issues, whose words are theirs ("the Kestrel statement
/// said", "Ana Berg's message was clear: “...”").
const ISSUED: [&str; 14] = [
    "source",
    "sources",
    "statement",
    "message",
    "response",
    "reply",
    "remarks",
    "words",
    "analysis",
    "letter",
    "release",
    "announcement",
    "editorial",
    "filing",
];

/// Clauses that hang off another and so do not frame a quote after a colon.
const SUBORDINATE: [&str; 7] = [
    "acl",
    "acl:relcl",
    "advcl",
    "ccomp",
    "xcomp",
    "csubj",
    "conj",
];

/// Verbs whose subject shows others' words rather than saying its own.
const CITING: [&str; 8] = [
    "cited",
    "cites",
    "quoted",
    "quotes",
    "listed",
    "lists",
    "published",
    "publishes",
];

/// Most steps from a quoted fragment's first word up to the verb of its clause.
const FRAGMENT_REACH: usize = 6;

/// `wikiHow aims to “build the world's largest manual”`, `Ana Berg called it “a disgrace to
/// the town”`: a fragment quoted inside a clause (its first word in lower case, after the
/// mark) with no speaker found is the words of that clause's subject, when it names a person
/// or a body (through "aims to", "wants to": the controller of the verb).
fn fragments(ctx: &Doc<'_, '_>, trees: &[Option<Deps<'_>>], out: &mut [FoundQuote]) {
    for q in out.iter_mut() {
        if q.speaker.is_some() || q.start < 2 || q.opened != (q.sent, q.start - 1) {
            continue;
        }
        let Some(Some(deps)) = trees.get(q.sent) else {
            continue;
        };
        let sent = &ctx.analysis.sents[q.sent];
        let first = &sent.toks[q.start];
        if !first.text.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        // A fragment, not a clause with its own subject ("and that “the day will come”",
        // "said Bush “was a natural leader”"), nor an example after a preposition ("e.g. in
        // “well honed phrase”").
        let inside = |k: usize| (q.start..q.end).contains(&k);
        let Some(root) = (q.start..q.end).find(|&k| deps.head[k].is_none_or(|h| !inside(h))) else {
            continue;
        };
        if deps.has_child(root, "nsubj")
            || deps.has_child(root, "nsubj:pass")
            || sent.toks[q.start - 2].tag == Upos::Adp
        {
            continue;
        }
        // The verb of the clause the fragment stands in, outside the quote.
        let mut v = root;
        let mut steps = 0;
        while steps < FRAGMENT_REACH && (sent.toks[v].tag != Upos::Verb || inside(v)) {
            let Some(h) = deps.head[v] else { break };
            v = h;
            steps += 1;
        }
        if sent.toks[v].tag != Upos::Verb || inside(v) {
            continue;
        }
        // "an evaluation said Bush was “a natural leader”": a clause someone else reports.
        let mut a = v;
        let mut reported = false;
        while let Some(h) = deps.head[a].filter(|_| steps < 2 * FRAGMENT_REACH) {
            reported |= reporting(sent.toks[h].text);
            a = h;
            steps += 1;
        }
        if reported {
            continue;
        }
        // "aims to build": the subject of the verb it completes.
        let mut subject = deps.children(v, "nsubj").last();
        let mut up = v;
        while subject.is_none() && deps.rel[up] == "xcomp" {
            let Some(h) = deps.head[up] else { break };
            up = h;
            subject = deps.children(up, "nsubj").last();
        }
        let Some(s) = subject else { continue };
        let speaker = ctx
            .found
            .iter()
            .position(|f| f.sent == q.sent && (f.start..f.end).contains(&s))
            .filter(|&m| may_speak(ctx.found[m].kind))
            .map(|m| ctx.cluster_of[m]);
        q.speaker = speaker;
    }
}

/// "X defended the plan: “...”", "She continued: “...”": a quote opened right after a colon
/// is the words of the subject of the main clause before it.
fn colon_frame(ctx: &Doc<'_, '_>, sent: &Sent<'_>, deps: &Deps<'_>, out: &mut [FoundQuote]) {
    let toks = &sent.toks;
    let Some(colon) = (1..toks.len())
        .find(|&c| toks[c].text == ":" && toks.get(c + 1).is_some_and(|t| opening(t.text)))
    else {
        return;
    };
    let Some(v) = (0..colon).find(|&v| {
        toks[v].tag == Upos::Verb
            && deps.has_child(v, "nsubj")
            && !SUBORDINATE.contains(&deps.rel[v])
    }) else {
        return;
    };
    // "X cited examples, including: “...”": words X cites are not X's own.
    if CITING.iter().any(|w| toks[v].is(w)) || toks[colon - 1].is("including") {
        return;
    }
    let Some(s) = deps.children(v, "nsubj").last() else {
        return;
    };
    let Some(speaker) = speaker_at(ctx, sent, deps, s, out) else {
        return;
    };
    for q in out
        .iter_mut()
        .filter(|q| q.opened == (sent.index, colon + 1) && q.speaker.is_none())
    {
        q.speaker = Some(speaker);
    }
}

/// Speech read from the tree: "X said (that) ...", "..., X said", "X told Y ...", "according to
/// X, ...". A quote between marks that the reported clause covers gets its speaker; reported
/// speech without marks becomes a quote of its clause.
fn reported(ctx: &Doc<'_, '_>, sent: &Sent<'_>, deps: &Deps<'_>, out: &mut Vec<FoundQuote>) {
    for v in 0..sent.toks.len() {
        let t = &sent.toks[v];
        if !reporting(t.text) {
            continue;
        }
        let (speaker, content) = if t.is("according") {
            // "according to X": X is the head of "according"; the clause is X's head.
            let Some(x) = deps.head[v] else { continue };
            // "According to the Citation Index Professor X is ...", parsed with X as the head
            // of "according": the subject of the clause is no source of it.
            if deps.rel[x].starts_with("nsubj") {
                continue;
            }
            let Some(clause) = deps.head[x] else { continue };
            // "a policy which, according to AFP, the UN has criticised": a relative clause
            // gives no words of its own to quote.
            if deps.rel[clause] == "acl:relcl" {
                continue;
            }
            // "According to the Herald, Ana Berg said ...": Ana Berg speaks, the paper reports.
            let other_speaker = (0..sent.toks.len()).any(|k| {
                k != v
                    && sent.toks[k].tag == Upos::Verb
                    && reporting(sent.toks[k].text)
                    && deps.has_child(k, "nsubj")
            });
            if other_speaker {
                continue;
            }
            (
                speaker_at(ctx, sent, deps, x, out),
                deps.span(sent, clause, Some(x)),
            )
        } else {
            if !matches!(t.tag, Upos::Verb) {
                continue;
            }
            // "X said ... and added “...”": a verb joined to another shares its subject.
            // "X said ..., adding that “...”": so does a verb of saying in "-ing" hung off it.
            let subject = deps.children(v, "nsubj").last().or_else(|| {
                let joined =
                    deps.rel[v] == "conj" || (deps.rel[v] == "advcl" && t.text.ends_with("ing"));
                let h = deps.head[v].filter(|_| joined)?;
                deps.children(h, "nsubj").last()
            });
            let Some(s) = subject else {
                continue;
            };
            // "officials have not said why ...": what no one said is no quote.
            if deps.negated(sent, v) {
                continue;
            }
            let complement = deps.kids[v]
                .iter()
                .copied()
                .find(|&k| matches!(deps.rel[k], "ccomp" | "parataxis"));
            let content = match (complement, deps.head[v]) {
                (Some(c), _) => deps.span(sent, c, None),
                // "“...,” X said": the verb hangs off the quoted clause; "As X told Y, “...”".
                (None, Some(h))
                    if matches!(deps.rel[v], "parataxis" | "ccomp")
                        || (deps.rel[v] == "advcl"
                            && deps.children(v, "mark").any(|m| sent.toks[m].is("as"))) =>
                {
                    deps.span(sent, h, Some(v))
                }
                _ => None,
            };
            (speaker_at(ctx, sent, deps, s, out), content)
        };
        let (Some(speaker), Some((start, end))) = (speaker, content) else {
            continue;
        };
        let overlapping = out
            .iter_mut()
            .find(|q| q.sent == sent.index && q.start < end && start < q.end);
        match overlapping {
            Some(q) if q.speaker.is_none() => q.speaker = Some(speaker),
            Some(_) => {}
            // "he continues to write books; his latest book was a bestseller": going on frames
            // quoted words only, never a clause of its own.
            None if end - start >= 3 && !CONTINUING.iter().any(|w| t.is(w)) => {
                out.push(FoundQuote {
                    sent: sent.index,
                    start,
                    end,
                    speaker: Some(speaker),
                    opened: (sent.index, start),
                })
            }
            None => {}
        }
    }
}
