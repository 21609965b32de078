//! In a sports report, a person named right after a country's possessive ("Norway's Sindre
//! Berg finished first", "Canada's Luc Roy") or after a nationality and "teammate" ("Norwegian
//! teammate Kristoffer Dahl") competes for that country (`represents`). A story is a sports
//! report when at least [`SPORT_MIN`] different words of sport (`data/rules/sport_words.txt`)
//! stand in it; elsewhere "Norway's Ana Berg" says only where she is from.

use std::sync::LazyLock;

use super::{FoundRelation, cues};
use crate::doc::Doc;
use crate::model::EntityType;

/// Different words of sport a story needs to be read as a sports report.
const SPORT_MIN: usize = 3;

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
    let mut seen: Vec<&str> = Vec::new();
    for t in analysis.sents.iter().flat_map(|s| s.toks.iter()) {
        if seen.len() >= SPORT_MIN {
            break;
        }
        if let Some(w) = SPORT.iter().find(|w| t.is(w))
            && !seen.contains(w)
        {
            seen.push(w);
        }
    }
    let sport = seen.len();
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
            ctx.mention_ending_at(s, start - 1)
                .map(|k| ctx.cluster_of[k])
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
