//! In a sports report, a person named right after a country's possessive ("Norway's Sindre
//! Berg finished first", "Canada's Luc Roy") or after a nationality and "teammate" ("Norwegian
//! teammate Kristoffer Dahl") competes for that country (`represents`). A story is a sports
//! report when words of sport (`data/rules/sport_words.txt`) stand in it at least
//! [`SPORT_MIN`] times; elsewhere "Norway's Ana Berg" says only where she is from.

use std::sync::LazyLock;

use super::{FoundRelation, cues};
use crate::doc::Doc;
use crate::model::EntityType;

/// Words of sport a story needs to be read as a sports report.
const SPORT_MIN: usize = 4;

static SPORT: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/rules/sport_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Appends `represents` for the athletes named after their country.
pub(crate) fn find(ctx: &mut Doc<'_, '_>, out: &mut Vec<FoundRelation>) {
    let analysis = ctx.analysis;
    let sport = analysis
        .sents
        .iter()
        .flat_map(|s| s.toks.iter())
        .filter(|t| SPORT.contains(&t.lower().as_str()))
        .take(SPORT_MIN)
        .count();
    if sport < SPORT_MIN {
        return;
    }
    for m in 0..ctx.found.len() {
        let f = &ctx.found[m];
        if f.kind != EntityType::Person || f.start < 2 {
            continue;
        }
        let (s, start) = (f.sent, f.start);
        let sent = &analysis.sents[s];
        let before = &sent.toks[start - 1];
        let country = if crate::facts::relations::structure::possessive(before.text) {
            // "Norway's Sindre Berg"
            ctx.found
                .iter()
                .enumerate()
                .find(|(_, c)| c.sent == s && c.end == start - 1)
                .map(|(k, _)| ctx.cluster_of[k])
                .filter(|&c| ctx.clusters[c].kind == EntityType::Country)
        } else if before.is("teammate") || before.is("team-mate") {
            // "Norwegian teammate Kristoffer Dahl"
            analysis
                .lex
                .demonym(sent.toks[start - 2].text)
                .map(|c| c.name.clone())
                .map(|name| ctx.country_cluster(&name))
        } else {
            None
        };
        let Some(country) = country else { continue };
        let person = ctx.cluster_of[m];
        let (negated, hedged) = cues(sent, start);
        out.push(FoundRelation {
            sent: s,
            subject: person,
            object: country,
            predicate: "represents".to_string(),
            label: "competes for".to_string(),
            negated,
            hedged,
            trigger: start - 1,
            rule: "athletes:country".to_string(),
            confidence: 0.6,
            place: None,
        });
    }
}
