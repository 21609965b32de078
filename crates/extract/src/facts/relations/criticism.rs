//! Criticism in a speaker's own words: a word of blame (`data/rules/criticism.txt`) inside a quote
//! with a named speaker, and the first organisation, company, country or person named right
//! after it in the same quoted words, make `criticises` ("“I am disappointed with NASA's
//! decision,” said X": X criticises NASA). Only words between quotation marks count (not a
//! reported clause), only names within [`NEAR`] words after the cue ("reckless action as firing
//! shells at Y" blames not Y), and never the speaker.

use std::sync::LazyLock;

use super::{FoundRelation, cues};
use crate::doc::Doc;
use crate::facts::quotes::FoundQuote;
use crate::model::EntityType;

/// Words after a cue within which the criticised name must start.
const NEAR: usize = 4;

static CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/rules/criticism.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Adds the criticisms that quotes with a speaker state.
pub(crate) fn find(ctx: &Doc<'_, '_>, quotes: &[FoundQuote], out: &mut Vec<FoundRelation>) {
    for q in quotes {
        let Some(speaker) = q.speaker else { continue };
        let sent = &ctx.analysis.sents[q.sent];
        // Words between marks only: a reported clause ("X said the governor felt betrayed by
        // Y") may be someone else's view.
        let marked = (q.start > 0 && crate::facts::quotes::opening(sent.toks[q.start - 1].text))
            || (q.start == 0 && q.opened.0 < q.sent);
        if !marked {
            continue;
        }
        let end = q.end.min(sent.toks.len());
        let Some(cue) = (q.start..end).find(|&k| CUES.iter().any(|c| sent.toks[k].is(c))) else {
            continue;
        };
        let target = ctx
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.sent == q.sent && f.start > cue && f.start <= cue + NEAR && f.end <= end
            })
            .map(|(m, f)| (f.start, ctx.cluster_of[m]))
            .filter(|&(_, c)| c != speaker && criticisable(ctx.clusters[c].kind))
            .min_by_key(|&(start, _)| start);
        let Some((_, object)) = target else { continue };
        let (negated, hedged) = cues(sent, cue);
        out.push(FoundRelation {
            sent: q.sent,
            subject: speaker,
            object,
            predicate: "criticises".into(),
            label: sent.toks[cue].lower(),
            negated,
            hedged,
            trigger: cue,
            rule: "quote:criticism".into(),
            confidence: 0.6,
            place: None,
        });
    }
}

fn criticisable(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Organization | EntityType::Company | EntityType::Country | EntityType::Person
    )
}
