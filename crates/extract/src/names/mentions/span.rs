//! Model spans made names: what is cut off their edges, which are kept, and their type.

use super::*;

/// Longest country name or alias starting at token `i` (up to five tokens); returns the end and
/// the country's common name.
pub fn country_at(lex: &Lexicon, sent: &Sent<'_>, i: usize) -> Option<(usize, String)> {
    let first = sent.toks.get(i)?;
    if !first.capitalised() {
        return None;
    }
    let mut best = None;
    let mut name = String::new();
    for j in i..(i + 5).min(sent.toks.len()) {
        let t = &sent.toks[j];
        if j > i {
            if !(t.capitalised() || t.is("of") || t.is("the") || t.is("and")) {
                break;
            }
            name.push(' ');
        }
        name.push_str(t.text);
        // "Thai" is listed among Thailand's names, but alone it is the people's adjective.
        let adjective = j == i && lex.demonym(&name).is_some_and(|c| c.name != name);
        if t.capitalised()
            && !adjective
            && let Some(country) = lex.country(&name)
        {
            best = Some((j + 1, country.name.clone()));
        }
    }
    best
}

/// Whether token `i` starts a run of title words that ends right before `end`.
pub(super) fn title_run_start(lex: &Lexicon, sent: &Sent<'_>, end: usize) -> usize {
    let mut i = end;
    while i > 0 {
        let t = &sent.toks[i - 1];
        let inner = t.is("of") || t.is("the");
        if lex.title_word(t.text) && (t.capitalised() || !inner) {
            i -= 1;
        } else {
            break;
        }
    }
    // A run may not start with a connector.
    while i < end && (sent.toks[i].is("of") || sent.toks[i].is("the")) {
        i += 1;
    }
    i
}

/// Letters written after a person's name and a comma ("Mark Tedeschi, QC").
const POST_NOMINALS: [&str; 14] = [
    "QC", "KC", "SC", "MD", "PhD", "MP", "MEP", "OBE", "CBE", "MBE", "KBE", "DBE", "Jr", "Jr.",
];

/// Words that greet someone before their name ("Welcome Darin", "Morning Debra"). "Doctor"
/// spelled out is trimmed the same way; it is not in the honorifics list, whose words are also
/// features of the trained entity tagger.
const GREETINGS: [&str; 9] = [
    "Welcome",
    "Morning",
    "Hi",
    "Hello",
    "Hey",
    "Dear",
    "Thanks",
    "Congratulations",
    "Congrats",
];

/// Words before a day or a month that make it a time, not part of a name.
const TIME_WORDS: &[&str] = &[
    "on", "last", "next", "this", "since", "until", "by", "early", "late", "in",
];

/// Whether token `k` is a known city or region with a post in capitals right after it ("Lyon
/// Mayor Etienne Bonnafous", a span the model read as one person), or a word no list knows,
/// no given name, before the post of a town or a province ("Iloilo Gov. Teodoro Salcedo").
pub(super) fn place_before_post(lex: &Lexicon, sent: &Sent<'_>, k: usize) -> bool {
    let Some(post) = sent.toks.get(k + 1) else {
        return false;
    };
    let word = &sent.toks[k];
    let known = lex.city(word.text).is_some() || lex.region(word.text).is_some();
    let local = local_post(post.text);
    let unknown = word.tag == Upos::Propn
        && word.capitalised()
        && lex.unclaimed(word.text)
        && lex.given_name(word.text) < RARE_NAME;
    (known && (local || (post.capitalised() && lex.title_word(post.text)))) || (local && unknown)
}

/// The post of a town or a province, written before its holder's name.
pub(super) fn local_post(word: &str) -> bool {
    matches!(word, "Mayor" | "Governor" | "Gov." | "Gov")
}

/// Cuts articles, honorifics, titles and demonyms (and a place before a post) off the front
/// and possessives off the end.
pub(super) fn trim(
    lex: &Lexicon,
    sent: &Sent<'_>,
    mut start: usize,
    mut end: usize,
    kind: NerLabel,
) -> (usize, usize) {
    while start < end {
        let t = &sent.toks[start];
        let strip = is_article(t.text)
            || is_possessive(t.text)
            || lex.honorific(t.text)
            || (kind == NerLabel::Per && (GREETINGS.contains(&t.text) || t.text == "Doctor"))
            || (kind == NerLabel::Per
                && (lex.title_word(t.text) || local_post(t.text) || lex.demonym(t.text).is_some()));
        // "Said Ana Berg, chief of ...": a verb of saying before a full name opening the
        // clause (a given name follows it) is no part of the name.
        let said = kind == NerLabel::Per
            && end - start >= 3
            && matches!(t.text, "Said" | "Says" | "Added" | "Asked" | "Told")
            && (start == 0 || !sent.toks[start - 1].capitalised())
            && lex.given_name(sent.toks[start + 1].text) >= RARE_NAME;
        // "On Monday Vexa Corp named ...": a day or a month after a word of time opens no name
        // ("the Sunday Times" keeps its day).
        let dated = crate::values::is_month_or_day(t.text)
            && start > 0
            && TIME_WORDS
                .iter()
                .any(|w| sent.toks[start - 1].text.eq_ignore_ascii_case(w));
        // "Lyon Mayor Etienne Bonnafous": a known place before a post opens no person's name
        // (the place is named on its own, the post is stripped next).
        let placed =
            kind == NerLabel::Per && end - start >= 3 && place_before_post(lex, sent, start);
        if (strip || said || dated || placed) && end - start > 1 {
            start += 1;
        } else {
            break;
        }
    }
    while end > start
        && (is_possessive(sent.toks[end - 1].text) || sent.toks[end - 1].tag == Upos::Punct)
    {
        end -= 1;
    }
    // "Cape Town-based Fynbos Capital": the place that describes the name is no part of it.
    if let Some(k) = (start..end.saturating_sub(1))
        .rev()
        .find(|&k| sent.toks[k].text.to_lowercase().ends_with("-based"))
    {
        start = k + 1;
    }
    // "Bryan Hull - Analyst", "Hotel Rome - thanks": what follows a dash written apart is a
    // job or a word of the sentence, not the rest of the name.
    if let Some(k) = (start + 1..end.saturating_sub(1)).find(|&k| {
        matches!(sent.toks[k].text, "-" | "\u{2013}" | "\u{2014}")
            && sent.toks[k + 1..end]
                .iter()
                .all(|t| !t.capitalised() || lex.title_word(t.text))
    }) {
        end = k;
    }
    // "coached Tampere United for three years": a capitalised name runs on over a joining
    // word into words written in capitals ("Campaign for Real Ale"); when every word after
    // the joining word is in lower case, they are the sentence's (a number keeps the name:
    // "Group of 20").
    if sent.toks[start].capitalised()
        && let Some(k) = (start + 1..end.saturating_sub(1)).find(|&k| {
            matches!(
                sent.toks[k].text,
                "for" | "of" | "and" | "in" | "at" | "with"
            ) && sent.toks[k + 1..end]
                .iter()
                .all(|t| t.text.chars().next().is_some_and(char::is_lowercase))
        })
    {
        end = k;
    }
    // "Norway's Labour Party": the possessor is a name of its own, the span is what follows.
    // But "New People's Party", "Children's Hospital": a lone organisation word after the
    // possessive is not a name of its own.
    if let Some(p) = (start..end.saturating_sub(1))
        .rev()
        .find(|&p| is_possessive(sent.toks[p].text))
        && !(end == p + 2 && lex.org_suffix(sent.toks[p + 1].text).is_some())
    {
        start = p + 1;
        // "Platt ' s Music Hall": a possessive split in two.
        if sent.toks[p].text != "'s"
            && sent.toks[p].text != "\u{2019}s"
            && start + 1 < end
            && sent.toks[start].text == "s"
        {
            start += 1;
        }
    }
    (start, end)
}

/// "going to Gino's for dinner", "drinks at Kelly's at five": after "at" or "to", a name
/// with a possessive and no noun after it is a place (a shop, a restaurant, someone's home),
/// and the possessive is part of its name. Returns the span's new end.
pub(super) fn possessive_place(sent: &Sent<'_>, start: usize, end: usize) -> Option<usize> {
    let before = sent.toks.get(start.checked_sub(1)?)?;
    if !["at", "to", "near"].iter().any(|w| before.is(w)) || end - start > 3 {
        return None;
    }
    let possessive = sent.toks.get(end)?;
    if !matches!(possessive.text, "'s" | "\u{2019}s") {
        return None;
    }
    // A quoted title after it is its head ("Kelly's \"Morning Notes\"").
    let quote = |w: &str| {
        w.chars()
            .all(|c| "\"'`\u{2018}\u{2019}\u{201c}\u{201d}([".contains(c))
    };
    let headless = sent.toks.get(end + 1).is_none_or(|t| {
        matches!(
            t.tag,
            Upos::Adp | Upos::Punct | Upos::Cconj | Upos::Sconj | Upos::Adv | Upos::Part
        ) && !quote(t.text)
    });
    headless.then_some(end + 1)
}

pub(super) fn acceptable(lex: &Lexicon, sent: &Sent<'_>, start: usize, end: usize) -> bool {
    if start >= end {
        return false;
    }
    let toks = &sent.toks[start..end];
    // Web text writes places in lower case ("flights to san francisco"): a known one counts.
    let title_case = || {
        toks.iter()
            .map(|t| {
                let mut c = t.text.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let known_place = || {
        let name = title_case();
        lex.country(&name).is_some() || lex.city(&name).is_some() || lex.region(&name).is_some()
    };
    // In a sentence typed without capitals, the (uncased) model's reading stands on its own.
    let uncased = || {
        let words: Vec<&str> = sent.toks.iter().map(|t| t.text).collect();
        crate::ner::is_uncased(&words)
    };
    if !toks
        .iter()
        .any(|t| t.capitalised() || t.text.chars().any(|c| c.is_ascii_digit()))
        && !known_place()
        && !uncased()
    {
        return false;
    }
    if toks
        .iter()
        .all(|t| lex.title_word(t.text) || lex.honorific(t.text))
    {
        return false;
    }
    // "Mark Tedeschi, QC,": letters after a name are no organisation (but "Baltimore, MD"
    // is a city and its state).
    if end - start == 1
        && start > 1
        && sent.toks[start - 1].text == ","
        && POST_NOMINALS.contains(&toks[0].text)
        && lex.city(sent.toks[start - 2].text).is_none()
    {
        return false;
    }
    // "Tuesday Aug": dates are values, not names.
    if toks
        .iter()
        .all(|t| crate::values::is_month_or_day(t.text) || t.text == ".")
    {
        return false;
    }
    // "the Spanish, Thai and other contingents": a people's adjective alone names nothing.
    if end - start == 1
        && lex
            .demonym(toks[0].text)
            .is_some_and(|c| c.name != toks[0].text)
    {
        return false;
    }
    toks.iter()
        .any(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

pub(super) fn refine(
    lex: &Lexicon,
    name: &str,
    label: NerLabel,
    sent: &Sent<'_>,
    (start, end): (usize, usize),
) -> (EntityType, Option<String>) {
    if let Some(country) = lex.country(name) {
        return (EntityType::Country, Some(country.name.clone()));
    }
    if lex.company(name) {
        return (EntityType::Company, None);
    }
    let last = sent.toks[end - 1].text;
    // The head of "Museum of Flight" is "Museum": the last word before "of".
    let head = sent.toks[start..end]
        .iter()
        .position(|t| t.is("of"))
        .filter(|&p| p > 0)
        .map_or(last, |p| sent.toks[start + p - 1].text);
    // "Springfield, Ohio": a city before its state or country.
    let before_region = sent.toks.get(end).is_some_and(|t| t.text == ",")
        && sent.toks.get(end + 1).is_some_and(|t| {
            t.capitalised() && (lex.region(t.text).is_some() || lex.country(t.text).is_some())
        });
    if lex.institution(head) {
        return (EntityType::Organization, None);
    }
    // The words up to the head: "Fourth International Congress" of "... of Linguists".
    let to_head = sent.toks[start..end]
        .iter()
        .position(|t| t.is("of"))
        .filter(|&p| p > 0)
        .unwrap_or(end - start);
    let words: Vec<&str> = sent.toks[start..start + to_head]
        .iter()
        .map(|t| t.text)
        .collect();
    let opened = words.first().is_some_and(|w| lex.event_opener(w));
    if (label != NerLabel::Per || opened) && lex.event(&words) {
        return (EntityType::Event, None);
    }
    // "Tampere United", "FC Lahti" read as a place or a person: a club (a first word only in
    // capitals: "United Airlines" is no club).
    let first = sent.toks[start].text;
    let abbreviation = first.chars().all(|c| c.is_uppercase() || c == '.');
    if end - start >= 2
        && (lex.team_word(last) || (abbreviation && lex.team_word(first)) || lex.team_opener(first))
    {
        return (EntityType::Organization, None);
    }
    // "Laboratorios Miravalle", "Grupo Herdez": a company word of another language first.
    if end - start >= 2 && lex.company_opener(first) {
        return (EntityType::Company, None);
    }
    match label {
        // A capital read as a person at the start of a sentence ("Oslo said ...") is the city,
        // unless the word is also a given name; so is a city before its region.
        NerLabel::Per
            if end == start + 1
                && ((lex.capital_of(name).is_some() && lex.given_name(name) == 0)
                    || (before_region
                        && lex.city(name).is_some()
                        && lex.given_name(name) < RARE_NAME)) =>
        {
            (EntityType::City, None)
        }
        // "Nordvik Labs": no person's name ends in a company word.
        NerLabel::Per if lex.company_word(last) => (EntityType::Company, None),
        // "The Bergen Courier", "Kestrel Party" read as a person: a name of two words or more
        // ending in a word for a body, not opening with a common given name, is that body.
        NerLabel::Per
            if end - start >= 2
                && lex.org_suffix(last) == Some(EntityType::Organization)
                && lex.given_name(sent.toks[start].text) < super::rules::COMMON_GIVEN_NAME =>
        {
            (EntityType::Organization, None)
        }
        NerLabel::Per => (EntityType::Person, None),
        NerLabel::Org if lex.company_word(last) => (EntityType::Company, None),
        NerLabel::Org => match lex.org_suffix(last) {
            Some(kind) => (kind, None),
            None => (EntityType::Organization, None),
        },
        NerLabel::Loc => {
            // "Bank of England", "Workers Party of Korea": a word for a body before "of". A
            // word that also ends places counts only first ("Oil Capital of the World"), and a
            // first word counts only when it also ends places ("House of Commons" stays a
            // place: "House" names no firm there).
            if head != last
                && let Some(kind) = lex.org_suffix(head)
                && (lex.place_word(head) == (head == first))
            {
                (kind, None)
            // "West Bank": a company word that also ends place names keeps the place.
            } else if lex.company_word(last) && !lex.place_word(last) {
                (EntityType::Company, None)
            } else if lex.city(name).is_some() {
                (EntityType::City, None)
            } else {
                (EntityType::Place, None)
            }
        }
    }
}

/// Where the name starts in a span that opens with a title ("Deputy Minister Ana Silva"), when
/// the rest is a short capitalised name.
pub(super) fn person_after_title(
    lex: &Lexicon,
    sent: &Sent<'_>,
    start: usize,
    end: usize,
) -> Option<usize> {
    let mut j = start;
    while j < end && sent.toks[j].capitalised() && lex.title_word(sent.toks[j].text) {
        j += 1;
    }
    let rest = &sent.toks[j..end];
    let titled = j > start && lex.title(sent.toks[j - 1].text);
    let name_like = !rest.is_empty()
        && rest.len() <= 4
        && rest.iter().all(|t| {
            t.capitalised() && lex.org_suffix(t.text).is_none() && lex.country(t.text).is_none()
        });
    (titled && name_like).then_some(j)
}
