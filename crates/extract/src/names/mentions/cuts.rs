//! Model spans that join two names, or a name and what surrounds it, and where to cut them
//! ("Governor of Washington Ana Silva", "the Aviation Museum of Springfield").

use super::*;

/// Whether the word before a country's name at `start` makes an agency of it ("Environment
/// Canada"): an agency word, not itself inside a run of capitalised words.
pub(super) fn agency_before(lex: &Lexicon, sent: &Sent<'_>, start: usize) -> bool {
    start > 0
        && lex.agency_word(sent.toks[start - 1].text)
        && country_at(lex, sent, start).is_some()
        && (start < 2 || !sent.toks[start - 2].capitalised() || start - 2 == 0)
}

/// A hyphenated given name as romanised from Chinese or Korean: "Cheuk-ting", "Jong-un".
pub(super) fn hyphenated_name(word: &str) -> bool {
    let Some((a, b)) = word.split_once('-') else {
        return false;
    };
    let mut first = a.chars();
    first.next().is_some_and(|c| c.is_uppercase())
        && first.all(|c| c.is_lowercase())
        && !b.is_empty()
        && b.len() <= 4
        && b.chars().all(|c| c.is_lowercase())
}

/// Whether a word is a surname opened by the Arabic article in lower case ("al-Amr",
/// "el-Sisi", "Abu al-Ragheb"'s "al-Ragheb"): after a person's name it is part of the name.
pub(super) fn article_surname(word: &str) -> bool {
    ["al-", "el-"].iter().any(|article| {
        word.strip_prefix(article).is_some_and(|rest| {
            let mut chars = rest.chars();
            chars.next().is_some_and(char::is_uppercase)
                && rest.chars().count() >= 2
                && chars.all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        })
    })
}

/// The last "of" of a span at `from` or after, with a word after it before `end`.
fn last_of(sent: &Sent<'_>, from: usize, end: usize) -> Option<usize> {
    (from..end.saturating_sub(1))
        .rev()
        .find(|&p| sent.toks[p].is("of"))
}

/// The "of" in an organisation's span that ends in a known city right before `, <region>`
/// ("the Aviation Museum of Springfield, Illinois"): the city is where it is, not part of its
/// name.
pub(super) fn city_after_of(
    lex: &Lexicon,
    sent: &Sent<'_>,
    text: &str,
    start: usize,
    end: usize,
) -> Option<usize> {
    let of = last_of(sent, start + 1, end)?;
    let city = sent.span_text(text, of + 1, end);
    let before_region = sent.toks.get(end).is_some_and(|t| t.text == ",")
        && sent
            .toks
            .get(end + 1)
            .is_some_and(|t| lex.region(t.text).is_some() || lex.country(t.text).is_some());
    let institution = sent.toks[start..of]
        .iter()
        .any(|t| lex.institution(t.text) || lex.org_suffix(t.text).is_some());
    // "the Blue River Planetarium of Dayton": a name of two or more words that ends in an
    // institution word is whole before "of"; the city after it is where it stands.
    let named = of - start >= 2
        && (lex.institution(sent.toks[of - 1].text)
            || lex.org_suffix(sent.toks[of - 1].text).is_some())
        && of + 2 == end;
    // "Thalassa Maritime of Piraeus": a firm's name before it.
    let firm = of - start >= 2 && firm_word(lex, sent.toks[of - 1].text);
    ((before_region || named || firm)
        && (institution || firm)
        && lex.city(&city).is_some()
        && lex.region(&city).is_none()
        && lex.country(&city).is_none())
    .then_some(of)
}

/// Words that end the name of a school or a research body, which names no country after "of"
/// once it has two words ("Colorado State University of the US").
const SCHOOL_WORDS: &[&str] = &["University", "College", "Institute", "School", "Academy"];

/// Words that open the names of national bodies, which name their country after "of".
const NATIONAL_WORDS: &[&str] = &[
    "National", "Royal", "Federal", "Central", "State", "Imperial", "Public", "Supreme",
];

/// Whether the words of an organisation's name before "of [the] <country>" make a whole name,
/// so that the country is where it is and no part of the name ("Colorado State University of
/// the US", "the University of Sheffield of the UK", "Vexa Corp of Norway"): two words or more
/// ending in a school, museum or corporate word, or with an "of" of their own. "Bank of Norway"
/// and "Communist Party of China" are not.
pub(super) fn whole_before_country(lex: &Lexicon, name: &[crate::doc::analysis::Tok<'_>]) -> bool {
    let Some(last) = name.last().filter(|_| name.len() >= 2) else {
        return false;
    };
    // "National Library of the Netherlands", "Royal Academy of Norway": a generic word before
    // the institution word needs the country to name one.
    if NATIONAL_WORDS.contains(&name[0].text) {
        return false;
    }
    SCHOOL_WORDS.contains(&last.text)
        || lex.institution(last.text)
        || super::CORPORATE.contains(&last.text)
        || firm_word(lex, last.text)
        || name.iter().any(|t| t.is("of"))
}

/// Whether a last word ends a firm's whole name, so that "of <place>" after it says where the
/// firm is ("Lindahl Radio Systems of Sweden", "Thalassa Maritime of Piraeus"); banks name
/// their country or city ("Commonwealth Bank of Australia").
fn firm_word(lex: &Lexicon, word: &str) -> bool {
    lex.company_word(word) && !matches!(word, "Bank" | "Banco" | "Banque")
}

/// The "of" in a span the model read as one name that ends in "of [the] <country>" after a
/// whole name ([`whole_before_country`]).
pub(super) fn country_after_of(
    lex: &Lexicon,
    sent: &Sent<'_>,
    text: &str,
    start: usize,
    end: usize,
) -> Option<usize> {
    let of = last_of(sent, start + 2, end)?;
    lex.country(&sent.span_text(text, of + 1, end))?;
    whole_before_country(lex, &sent.toks[start..of]).then_some(of)
}

/// The "for" in a span that joins two company or club names ("left Kestrel Media for Vexa
/// Corp.", "left Hibernian FC for Malmo FF"): the words on each side end in a company word or
/// a club's, so neither is the name of a body "for" something ("Campaign for Real Ale",
/// "Centre for Policy Studies").
pub(super) fn company_after_for(
    lex: &Lexicon,
    sent: &Sent<'_>,
    start: usize,
    end: usize,
) -> Option<usize> {
    let f = (start + 1..end.saturating_sub(1)).find(|&p| sent.toks[p].is("for"))?;
    let ends_a_name = |w: &str| lex.company_word(w) || lex.team_word(w);
    (ends_a_name(sent.toks[f - 1].text) && ends_a_name(sent.toks[end - 1].text)).then_some(f)
}

/// Where the region starts in a place's span that is a known city, then its region or country
/// written without a comma ("Miramar California", "Lyon France"); the whole is no known place.
pub(super) fn city_then_region(
    lex: &Lexicon,
    sent: &Sent<'_>,
    text: &str,
    start: usize,
    end: usize,
) -> Option<usize> {
    let whole = sent.span_text(text, start, end);
    // "Manila Bay": a name that ends in a landmark word is one place.
    if end - start < 2
        || lex.city(&whole).is_some()
        || lex.region(&whole).is_some()
        || lex.facility(sent.toks[end - 1].text)
    {
        return None;
    }
    (start + 1..end).find(|&k| {
        let region = sent.span_text(text, k, end);
        lex.city(&sent.span_text(text, start, k)).is_some()
            && (lex.region(&region).is_some() || lex.country(&region).is_some())
    })
}

/// Where the person starts in a span that joins a place and a person after "of" or "to [the]"
/// ("Governor of Washington Ana Silva", "Ambassador to the United States Ola Berg"): the place
/// is a country, city or region, the person two or three capitalised words from a given name
/// (any name after a title).
pub(super) fn place_then_person(
    lex: &Lexicon,
    sent: &Sent<'_>,
    start: usize,
    end: usize,
) -> Option<usize> {
    let after_of = start > 0
        && (sent.toks[start - 1].is("of")
            || sent.toks[start - 1].is("to")
            || (start > 1 && sent.toks[start - 1].is("the") && sent.toks[start - 2].is("to")));
    if !after_of || end - start < 3 {
        return None;
    }
    // "Ambassador to the United States Hamdullah Mohib": after a title, the person's name
    // needs no known given name.
    let link = if sent.toks[start - 1].is("the") {
        start - 2
    } else {
        start - 1
    };
    let titled = titled_before(lex, sent, link);
    (start + 1..end - 1).find(|&p| {
        let place = sent.toks[start..p]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        let is_place = lex.country(&place).is_some()
            || lex.city(&place).is_some()
            || lex.region(&place).is_some();
        // "the Chicago Symphony Orchestra": no organisation word in the person's name.
        is_place
            && (titled || lex.given_name(sent.toks[p].text) > 0)
            && unclaimed_name(lex, &sent.toks[p..end])
    })
}

/// Whether a title stands right before token `link` ("Ambassador" before "to").
fn titled_before(lex: &Lexicon, sent: &Sent<'_>, link: usize) -> bool {
    link > 0 && {
        let t = sent.toks[link - 1].text;
        lex.title(t) || lex.title_word(t)
    }
}

/// Whether `toks` may be a person's name that follows a place or a body in one span: two or
/// three capitalised words that no list claims.
fn unclaimed_name(lex: &Lexicon, toks: &[crate::doc::analysis::Tok<'_>]) -> bool {
    (2..=3).contains(&toks.len())
        && toks
            .iter()
            .all(|t| t.capitalised() && lex.unclaimed(t.text))
}

/// Where the person starts in a span that joins a body and a person after "Title of|for|at
/// [the]" ("CEO of the Refugee Board Ana Silva"): the part before ends in an organisation,
/// institution or company word, the person is two or three capitalised words from a given
/// name that no list claims.
pub(super) fn body_then_person(
    lex: &Lexicon,
    sent: &Sent<'_>,
    start: usize,
    end: usize,
) -> Option<usize> {
    let toks = &sent.toks;
    let k = if start > 0 && toks[start - 1].is("the") {
        start - 1
    } else {
        start
    };
    let titled = k > 1
        && ["of", "for", "at"].iter().any(|w| toks[k - 1].is(w))
        && titled_before(lex, sent, k - 1);
    if !titled || end - start < 3 {
        return None;
    }
    (start + 1..end - 1).find(|&p| {
        let last = toks[p - 1].text;
        (lex.org_suffix(last).is_some() || lex.institution(last) || lex.company_word(last))
            && lex.given_name(toks[p].text) > 0
            && unclaimed_name(lex, &toks[p..end])
    })
}

/// Where the person starts in a span that follows "Title of|for" and opens with the title's
/// field ("Minister of Education Ana Silva"): the first word that is a given name, with one or
/// two capitalised words after it.
pub(super) fn field_then_person(
    lex: &Lexicon,
    sent: &Sent<'_>,
    start: usize,
    end: usize,
) -> Option<usize> {
    let titled = start > 1
        && (sent.toks[start - 1].is("of") || sent.toks[start - 1].is("for"))
        && lex.title(sent.toks[start - 2].text);
    if !titled {
        return None;
    }
    (start + 1..end.saturating_sub(1)).find(|&p| {
        lex.given_name(sent.toks[p].text) > 0
            && (2..=3).contains(&(end - p))
            && sent.toks[start..p]
                .iter()
                .all(|t| lex.given_name(t.text) == 0 && lex.country(t.text).is_none())
    })
}

/// The "of" or "from" in a span the model read as one organisation or place that opens with a
/// person's name ("Tanya Chan of the Civic Party", "Wong Kwok-hing of FTU"): two or three
/// capitalised words starting with a given name or ending in a hyphenated one, none of them a
/// title, organisation, place or building word, then "of"/"from" and the organisation.
pub(super) fn person_then_org(
    lex: &Lexicon,
    sent: &Sent<'_>,
    start: usize,
    end: usize,
) -> Option<usize> {
    let of = (start + 2..end.saturating_sub(1))
        .find(|&k| sent.toks[k].is("of") || sent.toks[k].is("from"))?;
    if !(2..=3).contains(&(of - start)) {
        return None;
    }
    let name = &sent.toks[start..of];
    let plain = name
        .iter()
        .all(|t| t.capitalised() && lex.unclaimed(t.text));
    let personal =
        lex.given_name(name[0].text) >= 100 || name.last().is_some_and(|t| hyphenated_name(t.text));
    let org_start = if sent.toks.get(of + 1).is_some_and(|t| t.is("the")) {
        of + 2
    } else {
        of + 1
    };
    (plain && personal && org_start < end && sent.toks[org_start].capitalised()).then_some(of)
}

/// Whether a span the model read as an organisation or place is a person's name right after a
/// title ("Party Secretary Li Wenhua"): two or three capitalised words, none of them
/// a title, organisation, building or place word, after a capitalised title word.
pub(super) fn titled_person(lex: &Lexicon, sent: &Sent<'_>, start: usize, end: usize) -> bool {
    let titled = start > 0
        && sent.toks[start - 1].capitalised()
        && lex.title_word(sent.toks[start - 1].text);
    titled
        && (2..=3).contains(&(end - start))
        && sent.toks[start..end]
            .iter()
            .all(|t| t.capitalised() && lex.unclaimed(t.text))
}

/// The end of an organisation name that goes on after "and" ("Department of Housing and Urban
/// Development", "Ministry of Trade and Industry"): the span names an organisation word, then
/// "of", and after it come "and" and one to three capitalised words that no lexicon knows as a
/// name of their own and where the model starts no person's name (`people`), then an
/// uncapitalised word.
pub(super) fn and_phrase_after(
    lex: &Lexicon,
    sent: &Sent<'_>,
    start: usize,
    end: usize,
    people: &[usize],
) -> Option<usize> {
    let of_phrase = (start + 1..end.saturating_sub(1))
        .any(|k| sent.toks[k].is("of") && lex.org_suffix(sent.toks[k - 1].text).is_some());
    if !of_phrase || !sent.toks.get(end).is_some_and(|t| t.is("and")) {
        return None;
    }
    let mut e = end + 1;
    while e < sent.toks.len() && e < end + 4 {
        let t = &sent.toks[e];
        let plain = t.capitalised()
            && !people.contains(&e)
            && lex.given_name(t.text) < 2000
            && lex.country(t.text).is_none()
            && lex.city(t.text).is_none()
            && lex.region(t.text).is_none()
            && !lex.company(t.text);
        if !plain {
            break;
        }
        e += 1;
    }
    let closed = sent.toks.get(e).is_none_or(|t| !t.capitalised());
    (e > end + 1 && closed).then_some(e)
}

/// Words that open or close a letter, never part of a name ("Dear", "Thanks"), and list heads
/// ("Attendees"). Lines of an email run together in running text: "... Take Care Traci Traci,
/// I have visited ...", "Vince Dear All".
const LETTER_WORDS: [&str; 11] = [
    "dear",
    "hi",
    "hello",
    "thanks",
    "regards",
    "cheers",
    "attendees",
    "participants",
    "cc",
    "p.s.",
    "ps",
];

/// Cuts person spans of the model where two names of running text meet: at a word repeated
/// right after itself before a comma ("Renee Renee,": a signature, then the next greeting) and
/// before or after a letter word ("Vince Dear"), which is dropped.
pub(super) fn split_joined_people(words: &[&str], spans: &mut Vec<crate::ner::Span>) {
    let letter = |w: &str| LETTER_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w));
    let mut out = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if s.label != NerLabel::Per || s.end - s.start < 2 {
            out.push(s);
            continue;
        }
        // A repeated word is a name meeting itself only before the greeting's comma ("Renee
        // Renee,"); "Nasser Nasser" alone is one name.
        let greeting = words.get(s.end).is_some_and(|w| matches!(*w, "," | ":"));
        let mut from = s.start;
        for k in s.start..=s.end {
            let cut = k == s.end
                || letter(words[k])
                || (greeting && k > from && words[k].eq_ignore_ascii_case(words[k - 1]));
            if !cut {
                continue;
            }
            if k > from {
                out.push(crate::ner::Span {
                    start: from,
                    end: k,
                    ..s
                });
            }
            from = if k < s.end && letter(words[k]) {
                k + 1
            } else {
                k
            };
        }
    }
    *spans = out;
}

/// Babies a word must have been the given name of to be read as the name a letter greets
/// after a signature ("Reyes", 5,375 since 1940, is more often a surname).
const GREETED_NAME_MIN: u32 = 7_000;

/// Cuts person spans of the model where a letter's lines meet in running text: a name that
/// signs one message and the given name that greets the next ("Debra Berg Tammi, Attached
/// is ...", "Phillip Jim, Take a look"; the comma and a word that opens a clause, not a name,
/// say the last word is greeted), a signed name repeated before the full one ("Traci Traci
/// Warner"), and a capitalised word of the next sentence after a name ("John Attached is",
/// "Sean Here you go": a verb or an adverb that is no given name).
pub(super) fn split_letter_lines(
    lex: &Lexicon,
    words: &[&str],
    tags: &[Upos],
    spans: &mut Vec<crate::ner::Span>,
) {
    let opens_clause = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && (LETTER_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w))
                    || matches!(
                        tags[k],
                        Upos::Pron
                            | Upos::Verb
                            | Upos::Aux
                            | Upos::Intj
                            | Upos::Adv
                            | Upos::Det
                            | Upos::Sconj
                    ))
        })
    };
    let mut out = Vec::with_capacity(spans.len());
    for mut s in spans.drain(..) {
        if s.label != NerLabel::Per || s.end - s.start < 2 {
            out.push(s);
            continue;
        }
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let last = words[s.end - 1];
        if matches!(tags[s.end - 1], Upos::Verb | Upos::Adv | Upos::Aux)
            && capitalised(last)
            && last.chars().all(char::is_alphabetic)
            && lex.given_name(last) == 0
            && words
                .get(s.end)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            s.end -= 1;
        }
        // "to Darin Darin Fisher" is a slip inside a sentence; after a comma or at a
        // sentence's start, a signature.
        let signed = s.start == 0 || matches!(words[s.start - 1], "," | ":" | "." | "!");
        if signed && s.end - s.start >= 3 && words[s.start] == words[s.start + 1] {
            out.push(crate::ner::Span {
                end: s.start + 1,
                ..s
            });
            s.start += 1;
        }
        let greeted = s.end - s.start >= 2
            && words.get(s.end) == Some(&",")
            && opens_clause(s.end + 1)
            && lex.given_name(words[s.end - 1]) >= GREETED_NAME_MIN;
        if greeted {
            out.push(crate::ner::Span {
                end: s.end - 1,
                ..s
            });
            s.start = s.end - 1;
        }
        out.push(s);
    }
    *spans = out;
}

/// Babies a word must have been the given name of to start a second name in a run of names.
const GIVEN_NAME_MIN: u32 = 2_000;

/// Cuts a person span of four capitalised words or more where a second given name follows a
/// surname: lists of names whose commas or line breaks are gone ("Pam Butler Renee Ratcliff").
/// Both parts must be two words or more and start with a common given name, and the word
/// before the cut must not be one ("Mary Ann Smith" stays whole).
pub(super) fn split_name_lists(lex: &Lexicon, words: &[&str], spans: &mut Vec<crate::ner::Span>) {
    let given = |w: &str| lex.given_name(w) >= GIVEN_NAME_MIN;
    let capitalised = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
    };
    let mut out = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        let plain = s.label == NerLabel::Per
            && s.end - s.start >= 4
            && words[s.start..s.end].iter().all(|w| capitalised(w));
        if !plain || !given(words[s.start]) {
            out.push(s);
            continue;
        }
        let mut from = s.start;
        let mut k = s.start + 2;
        while k + 2 <= s.end {
            if given(words[k]) && !given(words[k - 1]) {
                out.push(crate::ner::Span {
                    start: from,
                    end: k,
                    ..s
                });
                from = k;
                k += 2;
            } else {
                k += 1;
            }
        }
        out.push(crate::ner::Span {
            start: from,
            end: s.end,
            ..s
        });
    }
    *spans = out;
}
