//! "the Oslo-based firm Kestrel Media", "Kestrel Media, a Lyon-based maker": a place written as
//! the prefix of "-based" is where the organisation it describes is based. The place needs no
//! mention of its own: a known country or city (or a place the document names) is enough.

use super::FoundRelation;
use crate::doc::{ClusterId, Doc};
use crate::model::EntityType;
use crate::pos::Upos;

/// Words between "-based" and the organisation it describes, or between the organisation and
/// its "-based" description, at most.
const REACH: usize = 4;

/// The organisation mention that a "-based" word at token `k` of sentence `s` describes: the
/// next one within [`REACH`] words ("Oslo-based Kestrel Media", "the Oslo-based firm Kestrel
/// Media"), else the one before ", a|an|the ..." ("Kestrel Media, an Oslo-based firm").
fn described(ctx: &Doc<'_, '_>, s: usize, k: usize) -> Option<ClusterId> {
    let toks = &ctx.analysis.sents[s].toks;
    let org = |m: usize| {
        let c = ctx.cluster_of[m];
        matches!(
            ctx.clusters[c].kind,
            EntityType::Organization | EntityType::Company
        )
        .then_some(c)
    };
    let after = ctx
        .found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.sent == s && f.start > k && f.start <= k + REACH)
        .find(|(_, f)| {
            toks[k + 1..f.start]
                .iter()
                .all(|t| matches!(t.tag, Upos::Noun | Upos::Adj | Upos::Propn))
        })
        .and_then(|(m, _)| org(m));
    after.or_else(|| {
        let article = (k.saturating_sub(REACH)..k)
            .rev()
            .find(|&j| toks[j].is("a") || toks[j].is("an") || toks[j].is("the"))?;
        let comma = article.checked_sub(1).filter(|&j| toks[j].text == ",")?;
        let m = ctx
            .found
            .iter()
            .position(|f| f.sent == s && f.end == comma)?;
        org(m)
    })
}

/// Appends `basedIn` for every "-based" word whose prefix is a known or named place.
pub(crate) fn find(ctx: &mut Doc<'_, '_>, out: &mut Vec<FoundRelation>) {
    let lex = ctx.analysis.lex;
    for s in 0..ctx.analysis.sents.len() {
        for k in 0..ctx.analysis.sents[s].toks.len() {
            let word = ctx.analysis.sents[s].toks[k].text;
            let Some(place) = word
                .strip_suffix("-based")
                .or_else(|| word.strip_suffix("-Based"))
                .filter(|p| !p.is_empty())
            else {
                continue;
            };
            let Some(org) = described(ctx, s, k) else {
                continue;
            };
            // "Cape Town-based": the word before may open the place's name.
            let toks = &ctx.analysis.sents[s].toks;
            let longer = k
                .checked_sub(1)
                .filter(|&j| toks[j].capitalised())
                .map(|j| format!("{} {place}", toks[j].text))
                .filter(|p| lex.city(p).is_some() || lex.country(p).is_some());
            let place = longer.as_deref().unwrap_or(place);
            let named = ctx.clusters.iter().position(|c| {
                c.label == place
                    && matches!(
                        c.kind,
                        EntityType::City | EntityType::Place | EntityType::Country
                    )
            });
            let cluster = match named {
                Some(i) => ClusterId(i),
                None if lex.country(place).is_some() => ctx.country_cluster(place),
                None if lex.city(place).is_some() => ctx.implied_cluster(EntityType::City, place),
                None => continue,
            };
            out.push(FoundRelation {
                sent: s,
                subject: org,
                object: cluster,
                predicate: "basedIn".into(),
                label: word.to_lowercase(),
                negated: false,
                hedged: false,
                trigger: k,
                rule: "structure:based-prefix".into(),
                confidence: 0.8,
                place: None,
            });
        }
    }
}
