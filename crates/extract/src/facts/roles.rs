//! Posts held by people, read from the patterns around a person's name:
//! - pre-modifier: `[Country|demonym|Org ['s]] Title... Person [of [the] Org]` ("French Prime
//!   Minister Ana Silva", "Norway's Labour Party Leader Ola Berg", "club owner Ola Berg of the
//!   Blue Note");
//! - the same with a comma: `[Country|demonym|Org ['s]] Title..., Person` ("Norway's Prime
//!   Minister, Ola Berg");
//! - title of an organisation: `Title... of [the] Org [(ACR)] [,] Person`;
//! - appositive: `Person, [the|a|an] [Country|demonym|Org ['s]] title... [of|for|at [the]
//!   Org],` ("Ola Berg, the Norwegian deputy finance minister, said"; "Ana Silva, director of
//!   the Blue Note, said"), also after a pre-modifier ("Professor Ana Silva, director of ...")
//!   and after capitalised words ("Ola Berg, an Oslo Labour MP");
//! - `as`: `Person <verb>... as [the] [owner ['s]] title... [of Org]` ("Ana Silva resigned as
//!   finance minister");
//! - copula: `Person is|was|became|has been [named|appointed|elected] [the] title... [of Org]`
//!   ("Ola Berg is the chief executive of Nordvik Labs").
//!
//! A title must end in a word that is a title on its own ("minister", "adviser", "leader"). A
//! job ("columnist", "attorney": `job` in `data/lexicons/titles.txt`) is a post only with the
//! organisation it is held in.

use std::sync::LazyLock;

use crate::doc::analysis::Sent;
use crate::doc::{ClusterId, Doc, MentionId};
use crate::facts::relations::structure::{self, possessive};
use crate::facts::trees::Deps;
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::pos::Upos;

/// A role before it is tied to entity keys.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundRole {
    pub sent: usize,
    /// Index of the person mention in the document's mention list.
    pub person: MentionId,
    pub role: String,
    /// Cluster of the organisation or country the post belongs to.
    pub org: Option<ClusterId>,
    pub rule: &'static str,
}

/// Verbs of leaving a post ("resigned as", "stepped down as"): the `left` rows of
/// `data/rules/cues.tsv`.
static LEFT: LazyLock<Vec<&'static str>> = LazyLock::new(|| crate::facts::cue_words("left"));

/// Words that say a post is no longer held, right before its title ("former minister",
/// "ex-chief", "then-governor").
const FORMER: [&str; 4] = ["former", "ex", "then", "erstwhile"];

/// Whether the post `role` of the person `who` is said to be a former one: a word of
/// [`FORMER`] (or a prefix "ex-"/"then-") within the few words before the title's first word,
/// near the name.
pub fn former(sent: &Sent<'_>, who: &crate::names::mentions::Found, role: &str) -> bool {
    let Some(first) = role.split_whitespace().next() else {
        return false;
    };
    // "the former Federal Energy Regulatory Commission chairman": the title says it itself.
    if FORMER.contains(&first.to_lowercase().as_str()) || first.starts_with("Ex-") {
        return true;
    }
    let from = who.start.saturating_sub(8);
    let to = (who.end + 10).min(sent.toks.len());
    // "X resigned as chief executive", "X stepped down as mayor": a post left.
    // "X replaced Y as chief executive": the one named after the verb left it, not X.
    let left_as = (who.end..to).any(|a| {
        sent.toks[a].is("as")
            && (who.end..a).any(|v| {
                LEFT.contains(&sent.toks[v].lower().as_str())
                    && !sent.toks[v + 1..a].iter().any(|t| t.tag == Upos::Propn)
            })
            && sent.toks[a + 1..(a + 5).min(sent.toks.len())]
                .iter()
                .any(|n| n.text.eq_ignore_ascii_case(first))
    });
    // "Wellsby sacked manager Declan Moore": a post taken away (only the post's words, and
    // "its", "the" or "their", between the verb and the name).
    let role_words: Vec<String> = role.split_whitespace().map(str::to_lowercase).collect();
    let dismissed = (who.start.saturating_sub(6)..who.start).any(|v| {
        DISMISSING.iter().any(|w| sent.toks[v].is(w))
            && sent.toks[v + 1..who.start].iter().all(|t| {
                let w = t.lower();
                matches!(w.as_str(), "its" | "the" | "their") || role_words.contains(&w)
            })
    });
    left_as
        || dismissed
        || (from..to).any(|i| {
            let t = sent.toks[i].text;
            let lower = t.to_lowercase();
            let prefixed = ["ex-", "then-"].iter().find_map(|p| lower.strip_prefix(p));
            if let Some(rest) = prefixed {
                return rest.eq_ignore_ascii_case(first);
            }
            FORMER.contains(&lower.as_str())
                && sent.toks[i + 1..(i + 5).min(sent.toks.len())]
                    .iter()
                    .any(|n| n.text.eq_ignore_ascii_case(first))
                && own_post(sent, who, i)
        })
}

/// Whether a word of [`FORMER`] at `i` describes the post of `who`, not of someone else in a
/// list: before the name, with no "and" between ("former Liberal leader X", "her former
/// professor, X", not "former Liberal leader Y and Green Party leader X"); after it, in an
/// apposition or a copula ("X, the former leader", "X was a former leader"), not after "and".
fn own_post(sent: &Sent<'_>, who: &crate::names::mentions::Found, i: usize) -> bool {
    if i < who.start {
        return !sent.toks[i..who.start]
            .iter()
            .any(|t| t.is("and") || t.text == ";");
    }
    sent.toks[who.end.min(i)..i].iter().all(|t| {
        [
            ",", "a", "an", "the", "is", "was", "who", "as", "its", "their",
        ]
        .iter()
        .any(|w| t.is(w))
    })
}

/// Title-cases a role: "principal deputy national security adviser" -> "Principal Deputy ...".
pub fn normalise_role(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            if matches!(*w, "of" | "the" | "for" | "and") {
                (*w).to_string()
            } else if let Some(full) = abbreviated(w) {
                full.to_string()
            } else {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title an abbreviation before a name stands for ("Gov." is "Governor").
fn abbreviated(word: &str) -> Option<&'static str> {
    Some(match word.trim_end_matches('.') {
        "Gov" => "Governor",
        "Sen" => "Senator",
        "Rep" => "Representative",
        "Lt" => "Lieutenant",
        "Gen" => "General",
        "Col" => "Colonel",
        "Capt" => "Captain",
        "Sgt" => "Sergeant",
        "Supt" => "Superintendent",
        "Insp" => "Inspector",
        "Prof" => "Professor",
        _ => return None,
    })
}

/// The run of title words ending right before token `end` (exclusive), with its start.
fn title_run_before(lex: &Lexicon, sent: &Sent<'_>, end: usize) -> Option<usize> {
    let mut i = end;
    loop {
        while i > 0 && (lex.title_word(sent.toks[i - 1].text) || lex.title(sent.toks[i - 1].text)) {
            i -= 1;
        }
        // "interior and overseas minister": "and" between two title words.
        if i > 1 && i < end && sent.toks[i - 1].is("and") && lex.title_word(sent.toks[i - 2].text) {
            i -= 1;
        } else {
            break;
        }
    }
    while i < end && matches!(sent.toks[i].lower().as_str(), "of" | "the" | "for") {
        i += 1;
    }
    let head = sent.toks.get(end.checked_sub(1)?)?;
    // The head is a title on its own ("minister"), or the run ends in a known title phrase
    // ("Secretary of State").
    let phrase = (i..end).any(|from| {
        let words: Vec<&str> = sent.toks[from..end].iter().map(|t| t.text).collect();
        words.len() > 1 && lex.title(&words.join(" "))
    });
    (i < end && (lex.title(head.text) || phrase)).then_some(i)
}

/// The singular of a plural title word ("ministers", "secretaries"), when it is a title.
fn singular_title(lex: &Lexicon, word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let one = if let Some(stem) = lower.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        lower.strip_suffix('s')?.to_string()
    };
    (one.len() > 2 && !one.ends_with('s') && lex.title(&one)).then_some(one)
}

/// A plural title before a list of people that the person at `start` belongs to ("foreign
/// ministers A of Finland and B of Norway", "publishers A of X, B of Y and C"): walks back
/// over the items before (a person, or a person "of [the]" a name) and their commas and "and";
/// returns where the title starts, where its plural word is, and that word's singular.
pub(crate) fn plural_title_before(
    ctx: &Doc<'_, '_>,
    s: usize,
    start: usize,
) -> Option<(usize, usize, String)> {
    let sent = &ctx.analysis.sents[s];
    let lex = ctx.analysis.lex;
    let word = |k: usize| sent.toks[k].text;
    let mut p = start;
    for _ in 0..8 {
        if p == 0 {
            return None;
        }
        // "Ambassador to the United States X": a word of a name is no title.
        let named = ctx
            .found
            .iter()
            .any(|f| f.sent == s && f.start < p && p <= f.end);
        if !named && let Some(one) = singular_title(lex, word(p - 1)) {
            let mut r = p - 1;
            while r > 0 && (lex.title_word(word(r - 1)) || lex.title(word(r - 1))) {
                r -= 1;
            }
            // "the foreign ministers": no article in the post.
            while r < p - 1 && matches!(sent.toks[r].lower().as_str(), "the" | "of" | "for") {
                r += 1;
            }
            return Some((r, p - 1, one));
        }
        // The item before: "..., " or "... and " or "..., and ".
        let mut q = p;
        if word(q - 1) == "and" {
            q -= 1;
        }
        if q > 0 && word(q - 1) == "," {
            q -= 1;
        }
        if q == p || q == 0 {
            return None;
        }
        let m = ctx.mention_ending_at(s, q)?;
        let item = &ctx.found[m.index()];
        if item.kind == EntityType::Person {
            p = item.start;
            continue;
        }
        let mut k = item.start;
        if k > 0 && sent.toks[k - 1].is("the") {
            k -= 1;
        }
        if k == 0 || !sent.toks[k - 1].is("of") {
            return None;
        }
        let person = ctx.mention_ending_at(s, k - 1)?;
        let person = &ctx.found[person.index()];
        if person.kind != EntityType::Person {
            return None;
        }
        p = person.start;
    }
    None
}

/// "Minister of Education Ana Silva", "Undersecretary for Trade Mr Berg": a title, "of" or
/// "for", one to three capitalised words that are no name of the document, right before the
/// person (an honorific may stand between); returns where the title starts.
fn title_of_field(lex: &Lexicon, sent: &Sent<'_>, start: usize) -> Option<usize> {
    let mut end = start;
    if end > 0 && lex.honorific(sent.toks[end - 1].text) {
        end -= 1;
    }
    let field_start = (end.saturating_sub(3)..end).find(|&f| {
        f > 1
            && (sent.toks[f - 1].is("of") || sent.toks[f - 1].is("for"))
            && sent.toks[f..end]
                .iter()
                .all(|t| t.capitalised() && !lex.title_word(t.text))
    })?;
    let r = title_run_before(lex, sent, field_start - 1)?;
    Some(r)
}

/// The run of title words starting at `start`, with its end (exclusive): up to the last word
/// that is a title on its own ("deputy finance minister"), or the end of a known title phrase
/// ("Secretary of State"), whichever is longer.
fn title_run_after(lex: &Lexicon, sent: &Sent<'_>, start: usize) -> Option<usize> {
    let mut j = start;
    while j < sent.toks.len() && (lex.title_word(sent.toks[j].text) || lex.title(sent.toks[j].text))
    {
        j += 1;
    }
    let run = j;
    // Grow back to the last word that is a title on its own ("adviser", not "of").
    while j > start && !lex.title(sent.toks[j - 1].text) {
        j -= 1;
    }
    // A title the list names whole may hold words that are no title's ("chief financial
    // officer").
    let longest = (start + 6).min(sent.toks.len()).max(run);
    let phrase = (start + 2..=longest).rev().find(|&end| {
        let words: Vec<&str> = sent.toks[start..end].iter().map(|t| t.text).collect();
        lex.title(&words.join(" "))
    });
    let end = phrase.map_or(j, |p| p.max(j));
    (end > start).then_some(end)
}

/// A name after one of `preps` and an optional "the", from token `at`, whose kind `fits`;
/// returns its cluster and the token after it.
fn named_after(
    ctx: &Doc<'_, '_>,
    sent: usize,
    at: usize,
    preps: &[&str],
    fits: fn(EntityType) -> bool,
) -> Option<(ClusterId, usize)> {
    let toks = &ctx.analysis.sents[sent].toks;
    if !toks.get(at).is_some_and(|t| preps.iter().any(|p| t.is(p))) {
        return None;
    }
    let mut j = at + 1;
    if toks.get(j).is_some_and(|t| t.is("the")) {
        j += 1;
    }
    let mut m = ctx.mention_starting_at(sent, j)?;
    // "of Italy's la Repubblica": the name the possessor owns.
    let end = ctx.found[m.index()].end;
    if toks.get(end).is_some_and(|t| possessive(t.text))
        && let Some(owned) = ctx.mention_starting_at(sent, end + 1)
    {
        m = owned;
    }
    let cluster = ctx.cluster_of[m];
    fits(ctx.clusters[cluster].kind).then_some((cluster, ctx.found[m.index()].end))
}

/// An organisation named by `of|for|at [the] Org` from token `at`; returns it and the token
/// after it.
fn org_phrase(ctx: &Doc<'_, '_>, sent: usize, at: usize) -> Option<(ClusterId, usize)> {
    named_after(ctx, sent, at, &["of", "for", "at"], |k| {
        matches!(
            k,
            EntityType::Organization | EntityType::Company | EntityType::Country
        )
    })
}

/// The city, region or country named by `of [the] Place` from token `at`: the place a local
/// post belongs to ("elected mayor of Dayton").
fn place_of(ctx: &Doc<'_, '_>, sent: usize, at: usize) -> Option<ClusterId> {
    named_after(ctx, sent, at, &["of"], |k| {
        matches!(
            k,
            EntityType::City | EntityType::Place | EntityType::Country
        )
    })
    .map(|(place, _)| place)
}

/// Last words of the posts a city, state or region has ("Dayton Mayor", "Ohio Gov.").
const LOCAL_POSTS: [&str; 10] = [
    "mayor",
    "governor",
    "premier",
    "sheriff",
    "senator",
    "councillor",
    "councilman",
    "councilwoman",
    "alderman",
    "assemblyman",
];

/// Whether a title is a post of a place, not of a body ("Mayor", "Lieutenant Governor").
fn local(title: &[&str]) -> bool {
    title.last().is_some_and(|w| {
        let w = abbreviated(w).unwrap_or(w).to_lowercase();
        LOCAL_POSTS.contains(&w.as_str())
    })
}

/// The owner of a post named before lower-case words of the post's field ("China's foreign
/// ministry spokeswoman", "the Chinese foreign ministry spokeswoman", "its board member"): one
/// to three nouns or adjectives between a possessive or a demonym and the title, the title no
/// honorific ("the Pakistani bacteriologist Dr. X" is no post of Pakistan, nor is "the BBC
/// production Inspector Lynley" one of the BBC), the field naming no other body ("Vietnamese
/// party leader"); returns the owner and where the field starts.
fn owner_before_field(
    ctx: &mut Doc<'_, '_>,
    s: usize,
    r: usize,
    start: usize,
) -> Option<(ClusterId, usize)> {
    let analysis = ctx.analysis;
    let (toks, lex) = (&analysis.sents[s].toks, analysis.lex);
    if lex.honorific(toks[start - 1].text) {
        return None;
    }
    let owned = |k: usize| {
        k > 0 && {
            let w = toks[k - 1].text;
            possessive(w) || w.eq_ignore_ascii_case("its") || lex.demonym(w).is_some()
        }
    };
    let field: Vec<usize> = (1..=3.min(r))
        .take_while(|&n| {
            let t = &toks[r - n];
            // (a lower-case word the tagger read as a name is still a noun: "ministry")
            // A noun for a body makes the post that body's ("Vietnamese party leader").
            !t.capitalised()
                && matches!(t.tag, Upos::Noun | Upos::Adj | Upos::Propn)
                && lex.org_noun(t.text).is_none()
                && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        .collect();
    field
        .into_iter()
        .filter(|&n| owned(r - n))
        .find_map(|n| ctx.owner_before(s, r - n).map(|owner| (owner, r - n)))
}

/// Whether a title written before a name is a country's post: a minister or a president, in
/// capitals as a post before a name is ("Commerce Minister", "President"; not "club
/// president").
fn national(title: &[crate::doc::analysis::Tok<'_>]) -> bool {
    title
        .last()
        .is_some_and(|t| matches!(t.lower().as_str(), "minister" | "president"))
        && title
            .iter()
            .all(|t| t.capitalised() || matches!(t.lower().as_str(), "of" | "and" | "the"))
}

/// Finds roles in every sentence of the document.
pub fn find(ctx: &mut Doc<'_, '_>) -> Vec<FoundRole> {
    let mut out = Vec::new();
    let home = crate::names::mentions::home_country(ctx.analysis).map(str::to_string);
    for m in 0..ctx.found.len() {
        if ctx.found[m].kind != EntityType::Person {
            continue;
        }
        let (s, start, end) = (ctx.found[m].sent, ctx.found[m].start, ctx.found[m].end);
        let sent = &ctx.analysis.sents[s];
        let lex = ctx.analysis.lex;
        let words: Vec<&str> = sent.toks.iter().map(|t| t.text).collect();
        // "By Morag Baird, Court Reporter": a byline's post is the reporter's, of no body its
        // words name (a job here, held at the paper).
        if start == 1
            && words[0] == "By"
            && words.get(end) == Some(&",")
            && (end + 2..=end + 4).contains(&words.len())
            && sent.toks[end + 1..].iter().all(|t| t.capitalised())
            // ("By Ana Berg, Reuters" names her agency, no post.)
            && lex.title_word(words[words.len() - 1])
        {
            out.push(FoundRole {
                sent: s,
                person: MentionId(m),
                role: normalise_role(&words[end + 1..]),
                org: None,
                rule: "role-byline",
            });
            continue;
        }
        let mut role = |role: &[&str], org: Option<ClusterId>, rule: &'static str| {
            out.push(FoundRole {
                sent: s,
                person: MentionId(m),
                role: normalise_role(role),
                org,
                rule,
            });
        };
        // [owner ['s]] Title... Person [of [the] Org]
        if let Some(mut r) = title_run_before(lex, sent, start) {
            // "Labour Minister Ana Berg": a portfolio the titles list names whole, though its
            // first word may name a party.
            while r > 0
                && sent.toks[r - 1].capitalised()
                && lex.title(&words[r - 1..start].join(" "))
            {
                r -= 1;
            }
            // "Danish Industry Minister Ana Berg": the post's field, one or two capitalised
            // words no name covers, between the country and the title.
            if let Some(n) = (1..=2).find(|&n| {
                r > n
                    && sent.toks[r - n..r].iter().all(|t| {
                        t.capitalised() && matches!(t.tag, Upos::Noun | Upos::Propn | Upos::Adj)
                    })
                    && !ctx
                        .found
                        .iter()
                        .any(|f| f.sent == s && f.start < r && f.end > r - n)
                    && lex.demonym(sent.toks[r - n - 1].text).is_some()
            }) {
                r -= n;
            }
            // "Moroccan winger Ana Berg": a player's country adjective is a nationality, not
            // the team ("Morocco's winger" is); "Almarena's Spanish defender Ana Berg": the
            // team before it owns the post.
            let mut field_from = r;
            // So is a coach's ("the Spanish coach Ramón de la Cruz"; "Spain coach" is not).
            let nationality = r > 0
                && lex.demonym(words[r - 1]).is_some()
                && (lex.title_kind(words[start - 1]) == Some("player")
                    || matches!(
                        words[start - 1].to_lowercase().as_str(),
                        "coach" | "manager" | "trainer"
                    ));
            // A mayor's or governor's place stays a place ("Ohio Gov."), other owners are
            // bodies ("Kremlin spokesman").
            let org = local(&words[r..start])
                .then(|| {
                    ctx.place_before(s, r)
                        .or_else(|| crate::facts::descriptions::city_before(ctx, s, r))
                })
                .flatten()
                .or_else(|| {
                    if nationality {
                        ctx.owner_before(s, r - 1)
                    } else {
                        ctx.owner_before(s, r)
                    }
                })
                .or_else(|| {
                    let (owner, from) = owner_before_field(ctx, s, r, start)?;
                    field_from = from;
                    Some(owner)
                })
                .or_else(|| org_phrase(ctx, s, end).map(|(org, _)| org))
                // "Senior researcher Mu Li, of the University of Sydney's school of ..."
                .or_else(|| {
                    (words.get(end) == Some(&","))
                        .then(|| org_phrase(ctx, s, end + 1).map(|(org, _)| org))
                        .flatten()
                })
                // "club president Ana Berg": the body the word for one stands for.
                .or_else(|| crate::facts::descriptions::body_before(ctx, s, field_from))
                // "Wellsby Athletic have sacked manager Declan Moore": the body that appoints
                // or dismisses.
                .or_else(|| {
                    let verb = appointing_before(&ctx.analysis.sents[s], field_from)?;
                    appointer(ctx, s, verb)
                })
                .or_else(|| {
                    let home = home.as_deref()?;
                    national(&sent.toks[r..start]).then(|| ctx.country_cluster(home))
                });
            role(&words[field_from..start], org, "role-premodifier");
        } else if let Some((r, plural, one)) = plural_title_before(ctx, s, start) {
            // "foreign ministers Lena Sorvik of Finland and Piet Olsen of Norway": each holds
            // the post, of the body or country named after their own name ("councillors X of
            // the Green Party" are the party's members, their seats elsewhere: an office, not a
            // job, of people of a members' body gives no post).
            let org = ctx.owner_before(s, r).or_else(|| {
                org_phrase(ctx, s, end).map(|(org, _)| org).filter(|&org| {
                    lex.job_title(&one)
                        || ctx.clusters[org].kind == EntityType::Country
                        || !structure::members_body(ctx, org)
                })
            });
            let mut title: Vec<&str> = words[r..plural].to_vec();
            title.push(&one);
            if org.is_some() {
                role(&title, org, "role-plural-title");
            }
        } else if start > 1
            && words[start - 1] == ","
            && let Some(r) = title_run_before(lex, sent, start - 1)
        {
            // [the] [owner ['s]] Title..., Person ("Norway's Prime Minister, Ola Berg"; "the
            // city's mayor, Ana Berg": the city named before)
            let org = ctx.owner_before(s, r).or_else(|| {
                local(&words[r..start - 1])
                    .then(|| crate::facts::descriptions::city_before(ctx, s, r))
                    .flatten()
            });
            role(&words[r..start - 1], org, "role-comma");
        } else {
            // Title of|for|at [the] Org [(ACR)] [,] Person ("a spokeswoman for Vexa, Ana Berg,")
            let mut k = start;
            if k > 1 && words[k - 1] == "," {
                k -= 1;
            }
            if k > 2
                && words[k - 1] == ")"
                && let Some(open) = (k.saturating_sub(8)..k - 1)
                    .rev()
                    .find(|&o| words[o] == "(")
            {
                k = open;
            }
            let mut of_org = false;
            if let Some(org) = ctx.mention_ending_at(s, k) {
                let org_start = ctx.found[org].start;
                let mut of = org_start;
                if of > 0 && sent.toks[of - 1].is("the") {
                    of -= 1;
                }
                if of > 0
                    && ["of", "for", "at"].iter().any(|w| sent.toks[of - 1].is(w))
                    && let Some(r) = title_run_before(lex, sent, of - 1)
                    // "A lawyer for Vexa, Ana Berg": she acts for it, from a firm of her own.
                    && !(sent.toks[of - 1].is("for")
                        && structure::counsel_noun(&sent.toks[of - 2].lower()))
                {
                    let cluster = ctx.cluster_of[org];
                    role(&words[r..of - 1], Some(cluster), "role-title-of");
                    of_org = true;
                }
            }
            // "Minister of Education Ana Silva": a title of a field, of no organisation unless
            // one stands before it.
            if !of_org && let Some(r) = title_of_field(lex, sent, start) {
                // "Undersecretary for Education Mr Berg": the honorific is no part of the post.
                let lex = ctx.analysis.lex;
                let field_end = if lex.honorific(words[start - 1]) {
                    start - 1
                } else {
                    start
                };
                // "UAE Minister of Economy Ana Silva": the country or body before it.
                let owner = ctx.owner_before(s, r);
                role(&words[r..field_end], owner, "role-title-of-field");
            }
        }
        // Person, [the|a|an] [owner ['s]] title... [of|for|at [the] Org][,.]
        if words.get(end) == Some(&",") {
            let j = after_article(sent, end + 1);
            let (mut owner, mut after) = ctx.owner_after(s, j);
            // "an Ottawa New Democrat MP": up to three capitalised words before the title.
            if owner.is_none() && title_run_after(lex, sent, after).is_none() {
                let lex = ctx.analysis.lex;
                if let Some(t) = (after + 1..=after + 3).find(|&t| {
                    t < words.len()
                        && sent.toks[after..t]
                            .iter()
                            .all(|w| w.capitalised() && !lex.title_word(w.text))
                        && title_run_after(lex, sent, t).is_some()
                }) {
                    owner = (after..t).find_map(|q| {
                        ctx.mention_starting_at(s, q)
                            .map(|m| ctx.cluster_of[m])
                            .filter(|&c| ctx.is_owner(c))
                    });
                    after = t;
                }
            }
            if let Some(e) = title_run_after(lex, sent, after) {
                let (org, next) = match org_phrase(ctx, s, e) {
                    Some((org, next)) if owner.is_none() => (Some(org), next),
                    _ => (owner, e),
                };
                let closes = |at: usize| {
                    words
                        .get(at)
                        .is_none_or(|w| matches!(*w, "," | "." | ";" | "said" | "says" | "told"))
                };
                // "director of the gallery," / "curator of the show at the Art Museum,": the
                // phrase up to the next comma names the organisation, if any.
                let (org, closed) = if closes(next) {
                    (org, true)
                } else if org.is_none()
                    && matches!(words.get(next), Some(&("of" | "for" | "at" | "in")))
                {
                    let stop = (next..words.len())
                        .find(|&q| closes(q))
                        .unwrap_or(words.len());
                    let in_phrase = (next..stop).find_map(|q| {
                        ctx.mention_starting_at(s, q)
                            .map(|m| ctx.cluster_of[m])
                            .filter(|&c| ctx.is_owner(c))
                    });
                    (in_phrase, stop - next <= 10)
                } else {
                    (org, false)
                };
                if closed {
                    out.push(FoundRole {
                        sent: s,
                        person: MentionId(m),
                        role: normalise_role(&words[after..e]),
                        org,
                        rule: "role-appositive",
                    });
                }
            }
        }
        // Person ... resigned|served|was named as [the] [owner ['s]] title...
        for (found, rule) in [
            (as_title(ctx, s, (start, end)), "role-as"),
            (copula_title(ctx, s, end), "role-copula"),
            (appointed_title(ctx, s, (start, end)), "role-appointed"),
        ] {
            if let Some((role, org)) = found {
                out.push(FoundRole {
                    sent: s,
                    person: MentionId(m),
                    role,
                    org,
                    rule,
                });
            }
        }
    }
    // A job without its organisation is a profession, not a post ("columnist Ana Silva").
    let lex = ctx.analysis.lex;
    out.retain(|r| r.org.is_some() || r.rule == "role-byline" || !lex.job_title(&r.role));
    out
}

/// Posts read from the tree: a title in apposition to the name ("said Ana Berg, chief
/// technology officer for Kestrel Media") or a name in apposition to a title ("the president of
/// the Lombardy region, Roberto Maroni"), with the organisation after "for", "of" or "at" (the
/// name there, or the name that owns or qualifies the noun there: "a representative for the LA
/// Sheriff's office"). A person the patterns gave no post gets this one; a post the patterns
/// found without its organisation gets the tree's.
pub fn appositions(ctx: &Doc<'_, '_>, trees: &[Option<Deps<'_>>], out: &mut Vec<FoundRole>) {
    let lex = ctx.analysis.lex;
    for (m, f) in ctx.found.iter().enumerate() {
        if f.kind != EntityType::Person {
            continue;
        }
        let Some(Some(deps)) = trees.get(f.sent) else {
            continue;
        };
        let sent = &ctx.analysis.sents[f.sent];
        // The name's head: the token of the mention whose head is outside it.
        let inside_name = |i: usize| (f.start..f.end).contains(&i);
        let Some(head) = (f.start..f.end).find(|&i| deps.head[i].is_none_or(|h| !inside_name(h)))
        else {
            continue;
        };
        let is_title = |a: usize| {
            let t = &sent.toks[a];
            matches!(t.tag, Upos::Noun | Upos::Adj | Upos::Propn) && lex.title_word(t.text)
        };
        let parent = deps.head[head].filter(|_| deps.rel[head] == "appos");
        let first_title = deps
            .children(head, "appos")
            .find(|&a| is_title(a))
            .or(parent.filter(|&p| is_title(p)));
        let Some(a) = first_title else { continue };
        // "Professor X, director of A, and chairman of B": each title joined to the first.
        // The parser joins the second to the first or to the name itself.
        let unnamed = |c: usize| {
            !ctx.found
                .iter()
                .any(|g| g.sent == f.sent && (g.start..g.end).contains(&c))
        };
        let mut titles = vec![a];
        titles.extend(deps.children(a, "conj").filter(|&c| is_title(c)));
        if a > head {
            titles.extend(
                deps.children(head, "conj")
                    .filter(|&c| c > a && is_title(c) && unnamed(c)),
            );
        }
        for a in titles {
            let org = post_org(ctx, sent, deps, a);
            // The title: the apposition's words up to its head, without article or numbers.
            let inside = deps.subtree(a);
            let mut first = a;
            while first > 0
                && inside.contains(&(first - 1))
                && matches!(deps.rel[first - 1], "amod" | "compound")
            {
                first -= 1;
            }
            let words: Vec<&str> = sent.toks[first..=a].iter().map(|t| t.text).collect();
            let role = normalise_role(&words);
            let mine = |r: &FoundRole| r.person == MentionId(m);
            // The same post as one the patterns found: the same title or the same last word
            // ("NASA Administrator" and "Administrator"), or the one the patterns read, without
            // its organisation, from the same apposition.
            let head_word = sent.toks[a].text;
            let same = |r: &FoundRole| {
                r.role == role
                    || r.role
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case(head_word))
                    || (r.rule == "role-appositive" && r.org.is_none())
            };
            if let Some(r) = out.iter().position(|r| mine(r) && same(r)) {
                if out[r].org.is_none() && out[r].rule != "role-byline" {
                    out[r].org = org;
                }
                continue;
            }
            // Another post of a person the patterns gave one: only with an organisation of
            // its own ("Professor X, director of A, and chairman of B").
            let posts = || out.iter().filter(|r| mine(r));
            if posts().next().is_some() && (org.is_none() || posts().any(|r| r.org == org)) {
                continue;
            }
            // A job ("columnist") is a post only with its organisation.
            if org.is_none() && lex.job_title(&words.join(" ")) {
                continue;
            }
            out.push(FoundRole {
                sent: f.sent,
                person: MentionId(m),
                role,
                org,
                rule: "role-tree-apposition",
            });
        }
    }
}

/// The organisation of the post titled at token `a`: the owner named in its "for", "of" or
/// "at" phrase, or the owner of the noun there ("the LA Sheriff's office", "the Lombardy
/// region").
fn post_org(ctx: &Doc<'_, '_>, sent: &Sent<'_>, deps: &Deps<'_>, a: usize) -> Option<ClusterId> {
    let owner_at = |k: usize| {
        let o = ctx
            .found
            .iter()
            .position(|g| g.sent == sent.index && (g.start..g.end).contains(&k))?;
        let c = ctx.cluster_of[o];
        (ctx.is_owner(c) || matches!(ctx.clusters[c].kind, EntityType::Place | EntityType::City))
            .then_some(c)
    };
    let phrase = deps.kids[a].iter().copied().find_map(|k| {
        let by = deps.base(k) == "nmod"
            && deps
                .children(k, "case")
                .any(|c| sent.toks[c].is("for") || sent.toks[c].is("of") || sent.toks[c].is("at"));
        if !by {
            return None;
        }
        owner_at(k).or_else(|| {
            deps.kids[k]
                .iter()
                .copied()
                .filter(|&q| matches!(deps.rel[q], "nmod:poss" | "compound"))
                .find_map(owner_at)
        })
    });
    // "X, USI associate professor of art history": the owner named before the title.
    let inside = deps.subtree(a);
    phrase
        .or_else(|| {
            (0..a)
                .filter(|q| inside.contains(q))
                .find_map(owner_at)
                .filter(|&c| {
                    matches!(
                        ctx.clusters[c].kind,
                        EntityType::Organization | EntityType::Company | EntityType::Country
                    )
                })
        })
        // "Qureshi, the company's chief technology officer": the body the description
        // stands for.
        .or_else(|| {
            (0..a)
                .filter(|q| inside.contains(q))
                .find(|&q| {
                    sent.toks
                        .get(q + 1)
                        .is_some_and(|t| structure::possessive(t.text))
                })
                .and_then(|q| crate::facts::descriptions::body_before(ctx, sent.index, q + 2))
        })
}

/// The token after an article at `j` ("the", "a", "an") and a word of [`FORMER`], or `j`.
fn after_article(sent: &Sent<'_>, j: usize) -> usize {
    let article = sent
        .toks
        .get(j)
        .is_some_and(|t| t.is("the") || t.is("a") || t.is("an"));
    let j = if article { j + 1 } else { j };
    // "the former finance minister": the post is read, and `former` marks it.
    let was = sent
        .toks
        .get(j)
        .is_some_and(|t| FORMER.contains(&t.text.to_lowercase().as_str()));
    if was { j + 1 } else { j }
}

/// A post named from token `j`: `[the|a|an] [owner ['s]] title... [of|for|at [the] Org]`, with
/// no name right after the title ("as President Ana Silva arrived" names no post of the
/// subject); returns the role and its organisation.
fn post_from(ctx: &mut Doc<'_, '_>, s: usize, j: usize) -> Option<(String, Option<ClusterId>)> {
    let j = after_article(&ctx.analysis.sents[s], j);
    let (owner, after) = ctx.owner_after(s, j);
    let sent = &ctx.analysis.sents[s];
    let e = title_run_after(ctx.analysis.lex, sent, after)?;
    if ctx.mention_starting_at(s, e).is_some() {
        return None;
    }
    let words: Vec<&str> = sent.toks[after..e].iter().map(|t| t.text).collect();
    let org = owner
        .or_else(|| org_phrase(ctx, s, e).map(|(org, _)| org))
        .or_else(|| local(&words).then(|| place_of(ctx, s, e)).flatten());
    Some((normalise_role(&words), org))
}

/// "X was forced to resign as Foreign Affairs minister", "X served as Norway's finance
/// minister": a verb after the person, then `as` and a post, with no other name in between.
fn as_title(
    ctx: &mut Doc<'_, '_>,
    s: usize,
    (start, end): (usize, usize),
) -> Option<(String, Option<ClusterId>)> {
    let sent = &ctx.analysis.sents[s];
    let limit = (end + 8).min(sent.toks.len());
    let at = (end..limit).find(|&q| sent.toks[q].is("as"))?;
    // "Ana Berg, 45, succeeded ...": an age set off by commas.
    let end = match &sent.toks[end..at] {
        [c, n, d, ..] if c.text == "," && n.tag == Upos::Num && d.text == "," => end + 3,
        _ => end,
    };
    let between = &sent.toks[end..at];
    // "pleaded with Ana Silva to stand as leader": the person is not the subject, and no post
    // she holds is named.
    let object = start > 0 && sent.toks[start - 1].tag == Upos::Adp;
    // "X succeeded Y as chief executive": the one named between was the post's holder before.
    let succeeds = between
        .first()
        .is_some_and(|t| SUCCEEDING.iter().any(|w| t.is(w)));
    // "X joined Vexa Corp as chief executive": the body joined is the post's, when the post
    // names none.
    let joined = match between {
        [verb, ..] if JOINING.iter().any(|w| verb.is(w)) => ctx
            .mention_starting_at(s, end + 1)
            .filter(|&m| ctx.found[m.index()].end == at)
            .map(|m| ctx.cluster_of[m])
            .filter(|&c| {
                matches!(
                    ctx.clusters[c].kind,
                    EntityType::Organization | EntityType::Company
                )
            }),
        _ => None,
    };
    if object
        || !between.iter().any(|t| t.tag == Upos::Verb)
        || between
            .iter()
            .any(|t| matches!(t.text, "," | ";" | ":") || t.is("and") || t.is("but"))
        || (!succeeds
            && joined.is_none()
            && (end..at).any(|q| ctx.mention_starting_at(s, q).is_some()))
    {
        return None;
    }
    let (role, org) = post_from(ctx, s, at + 1)?;
    Some((role, org.or(joined)))
}

/// Verbs of entering a body, whose object is where a post after "as" is held ("joined Vexa
/// Corp as chief executive").
const JOINING: [&str; 8] = [
    "joined",
    "joins",
    "join",
    "joining",
    "rejoined",
    "rejoins",
    "rejoin",
    "rejoining",
];

/// Verbs of taking over a post from its holder ("succeeded Tom Reyes as chairman").
const SUCCEEDING: [&str; 8] = [
    "succeeds",
    "succeeded",
    "succeeding",
    "replaces",
    "replaced",
    "replacing",
    "succeed",
    "replace",
];

/// Verbs that give a person a post, the person their object ("named Ana Berg chief
/// executive", "appointed Tom Reyes as its finance director").
const APPOINTING: [&str; 12] = [
    "named",
    "names",
    "appointed",
    "appoints",
    "elected",
    "elects",
    "picked",
    "picks",
    "tapped",
    "taps",
    "chose",
    "chooses",
];

/// "Vexa Corp named Ana Berg chief executive", "the club appointed Tom Reyes as its new
/// coach": a verb of appointment right before the person, then `[as] [its|their] [new]` and a
/// post. The post's organisation is the one the phrase names, else the appointer: the
/// organisation or country named last before the verb with no other name between ("Vexa Corp
/// on Monday named ...").
fn appointed_title(
    ctx: &mut Doc<'_, '_>,
    s: usize,
    (start, end): (usize, usize),
) -> Option<(String, Option<ClusterId>)> {
    let toks = &ctx.analysis.sents[s].toks;
    let verb = start.checked_sub(1).filter(|&v| {
        APPOINTING.iter().any(|w| toks[v].is(w)) && matches!(toks[v].tag, Upos::Verb | Upos::Aux)
    })?;
    let word = |q: usize| toks.get(q).map(|t| t.lower()).unwrap_or_default();
    let mut j = end;
    if word(j) == "as" {
        j += 1;
    }
    if matches!(word(j).as_str(), "its" | "their") {
        j += 1;
    }
    if matches!(word(j).as_str(), "new" | "next") {
        j += 1;
    }
    let appointer = appointer(ctx, s, verb);
    let (role, org) = post_from(ctx, s, j)?;
    Some((role, org.or(appointer)))
}

/// Verbs that take a post from its holder, before the post and the person ("Wellsby sacked
/// manager Declan Moore"): the post is held no longer.
const DISMISSING: [&str; 8] = [
    "sacked",
    "sacks",
    "fired",
    "fires",
    "dismissed",
    "dismisses",
    "ousted",
    "ousts",
];

/// The organisation or country that appoints or dismisses with the verb at `verb`: the one
/// named last before it with no other name, verb or punctuation between ("Vexa Corp on Monday
/// named ...").
fn appointer(ctx: &Doc<'_, '_>, s: usize, verb: usize) -> Option<ClusterId> {
    let toks = &ctx.analysis.sents[s].toks;
    ctx.found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.sent == s && f.end <= verb)
        .max_by_key(|(_, f)| f.end)
        // "After talks with Vexa, the board named ...": a clause between is another's.
        .filter(|(_, f)| {
            toks[f.end..verb]
                .iter()
                .all(|t| !matches!(t.tag, Upos::Verb | Upos::Punct | Upos::Sconj | Upos::Cconj))
        })
        .map(|(m, _)| ctx.cluster_of[m])
        .filter(|&c| ctx.is_owner(c))
}

/// The verb of appointing or dismissing right before a post written before its holder's name
/// ("named chief executive Ana Berg", "sacked its manager Declan Moore"), skipping "its",
/// "their" or "the"; the verb's token.
fn appointing_before(sent: &Sent<'_>, r: usize) -> Option<usize> {
    let mut v = r.checked_sub(1)?;
    if ["its", "their", "the"].iter().any(|w| sent.toks[v].is(w)) {
        v = v.checked_sub(1)?;
    }
    let t = &sent.toks[v];
    (matches!(t.tag, Upos::Verb | Upos::Aux)
        && (APPOINTING.iter().any(|w| t.is(w)) || DISMISSING.iter().any(|w| t.is(w))))
    .then_some(v)
}

/// "X is the chief executive of Y", "X became prime minister", "X was named chairman of Y": a
/// copula or a verb of appointment right after the person (or after ", who": "X, who was
/// elected mayor of Dayton,"), then a post.
fn copula_title(
    ctx: &mut Doc<'_, '_>,
    s: usize,
    end: usize,
) -> Option<(String, Option<ClusterId>)> {
    let toks = &ctx.analysis.sents[s].toks;
    let word = |q: usize| toks.get(q).map(|t| t.lower()).unwrap_or_default();
    let mut j = end;
    if word(j) == "," && word(j + 1) == "who" {
        j += 2;
    }
    if matches!(word(j).as_str(), "has" | "had" | "have") && word(j + 1) == "been" {
        j += 2;
    } else if matches!(
        word(j).as_str(),
        "is" | "was" | "became" | "becomes" | "remains" | "remained"
    ) {
        j += 1;
    } else {
        return None;
    }
    if matches!(
        word(j).as_str(),
        "named" | "appointed" | "elected" | "made" | "chosen"
    ) {
        j += 1;
        if word(j) == "as" {
            j += 1;
        }
    }
    post_from(ctx, s, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_title_cased() {
        assert_eq!(
            normalise_role(&["principal", "deputy", "national", "security", "adviser"]),
            "Principal Deputy National Security Adviser"
        );
        assert_eq!(
            normalise_role(&["Secretary", "of", "State"]),
            "Secretary of State"
        );
        assert_eq!(normalise_role(&["Lt.", "Gov."]), "Lieutenant Governor");
        assert_eq!(normalise_role(&["Government"]), "Government");
    }
}
