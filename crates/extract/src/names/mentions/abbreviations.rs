//! A state's or a province's abbreviation after a city and a comma ("Ponchatoula, La.",
//! "Cranston, RI 02920", "Gatineau, Que."; `data/lexicons/region_abbreviations.tsv`) is a
//! place, whatever the model read it as, and is found where the model missed it; the clusters
//! give it the region's name (`coref`).

use super::*;

/// Types or adds the abbreviated regions of one sentence.
pub(super) fn apply(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = analysis.lex;
    for k in 2..sent.toks.len() {
        if !follows_place(sent, found, k) || region_at(lex, sent, k).is_none() {
            continue;
        }
        // "Paris, IN Style": an abbreviation runs into no capitalised word (a postal code may
        // follow).
        let closed = sent
            .toks
            .get(k + 1)
            .is_none_or(|t| !t.capitalised() || t.tag == Upos::Num);
        if !closed {
            continue;
        }
        if let Some(f) = found.iter_mut().find(|f| f.start == k && f.end == k + 1) {
            f.kind = EntityType::Place;
            f.country = None;
        } else if !taken[k] {
            take(
                analysis,
                sent,
                taken,
                found,
                (k, k + 1),
                EntityType::Place,
                None,
            );
        }
    }
}

/// The region an abbreviation at token `k` stands for, with its full stop when the tokeniser
/// split it off ("Que" ".").
fn region_at<'a>(lex: &'a Lexicon, sent: &Sent<'_>, k: usize) -> Option<&'a str> {
    let word = sent.toks[k].text;
    lex.region_abbreviation(word).or_else(|| {
        sent.toks
            .get(k + 1)
            .filter(|t| t.text == ".")
            .and_then(|_| lex.region_abbreviation(&format!("{word}.")))
    })
}

/// Whether token `k` of `sent` comes right after a city or a place of `found` and a comma.
fn follows_place(sent: &Sent<'_>, found: &[Found], k: usize) -> bool {
    k >= 2
        && sent.toks[k - 1].text == ","
        && found.iter().any(|f| {
            f.sent == sent.index
                && f.end == k - 1
                && matches!(f.kind, EntityType::City | EntityType::Place)
        })
}

/// The region a place's name abbreviates, as written or without its full stop ("Que").
pub(crate) fn region_named<'a>(lex: &'a Lexicon, name: &str) -> Option<&'a str> {
    lex.region_abbreviation(name)
        .or_else(|| lex.region_abbreviation(&format!("{name}.")))
}

/// The region the mention `f` of `sent` stands for when it is an abbreviation right after a
/// city or a place of `found` and a comma ("Alexandria, Va."): what [`apply`] read, for the
/// rules and the clusters after it (an abbreviation elsewhere, "PA" or "Miss", is no region).
pub(crate) fn abbreviated_region<'a>(
    lex: &'a Lexicon,
    sent: &Sent<'_>,
    found: &[Found],
    f: &Found,
) -> Option<&'a str> {
    if f.kind != EntityType::Place || !follows_place(sent, found, f.start) {
        return None;
    }
    region_named(lex, &f.name)
}
