//! Funding rounds: "Vexa AI has raised $48 million in a round led by Kestrel Ventures", "...
//! from investors including Halvard Capital and Nordvik Partners": the bodies named after a
//! word that introduces the investors invest in the body that raised the money. A later
//! sentence that names bodies joining the round ("Tallis Capital also joined the round, along
//! with existing investors ...") speaks of the last round raised, within three sentences.

use super::FoundRelation;
use crate::doc::{ClusterId, Doc};
use crate::model::EntityType;

/// Verb forms that raise money.
const RAISING: [&str; 6] = ["raised", "raises", "raise", "raising", "secured", "secures"];

fn raising(word: &str) -> bool {
    RAISING.contains(&word)
}

/// Words after which the investors of a round are named.
fn introduces_investors(words: &[String], k: usize) -> bool {
    let w = words[k].as_str();
    let before = k.checked_sub(1).map_or("", |j| words[j].as_str());
    matches!(
        (before, w),
        ("led", "by") | ("backed", "by") | (_, "including") | ("participation", "from")
    ) || (w == "from" && before != "participation")
}

/// Sentences apart, at most, between a round raised and a sentence naming who joined it.
const REACH: usize = 3;

/// Appends `investsIn` for the investors of the funding rounds of the document.
pub(crate) fn find(ctx: &Doc<'_, '_>, out: &mut Vec<FoundRelation>) {
    let body = |c: ClusterId| {
        matches!(
            ctx.clusters[c].kind,
            EntityType::Organization | EntityType::Company
        )
    };
    let mut last: Option<(usize, ClusterId)> = None;
    for (s, sent) in ctx.analysis.sents.iter().enumerate() {
        // Most sentences raise nothing and join no round: looked at no further.
        let cue = sent
            .toks
            .iter()
            .any(|t| t.is("round") || RAISING.iter().any(|w| t.is(w)));
        if !cue {
            continue;
        }
        let words: Vec<String> = sent.toks.iter().map(|t| t.lower()).collect();
        // The bodies of the sentence, not in an "of" phrase ("the arm of the World Bank").
        let bodies: Vec<(usize, ClusterId)> = ctx
            .found
            .iter()
            .zip(&ctx.cluster_of)
            .filter(|(f, c)| f.sent == s && body(**c))
            .filter(|(f, _)| {
                let at = if f.start > 0 && words[f.start - 1] == "the" {
                    f.start - 1
                } else {
                    f.start
                };
                at == 0 || words[at - 1] != "of"
            })
            .map(|(f, &c)| (f.start, c))
            .collect();
        let money = words.iter().any(|w| {
            matches!(
                w.as_str(),
                "$" | "million" | "billion" | "round" | "funding"
            )
        });
        let raised = words.iter().position(|w| raising(w)).filter(|_| money);
        let (raiser, from) = if let Some(k) = raised {
            // The first body before the verb, not an agency credited in brackets
            // ("SHENZHEN (Reuters) - Lumora Technologies ... said it had raised").
            let Some(&(_, raiser)) = bodies
                .iter()
                .find(|&&(start, _)| start < k && (start == 0 || words[start - 1] != "("))
            else {
                continue;
            };
            last = Some((s, raiser));
            let Some(cue) = (k + 1..words.len()).find(|&j| introduces_investors(&words, j)) else {
                continue;
            };
            (raiser, Some(cue))
        } else if words.iter().any(|w| w == "round")
            && words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "joined" | "join" | "joins" | "participated" | "invested"
                )
            })
            && let Some((at, raiser)) = last
            && s - at <= REACH
        {
            (raiser, None)
        } else {
            continue;
        };
        let mut seen = Vec::new();
        for &(start, investor) in &bodies {
            if from.is_some_and(|f| start <= f) || investor == raiser || seen.contains(&investor) {
                continue;
            }
            seen.push(investor);
            out.push(FoundRelation {
                sent: s,
                subject: investor,
                object: raiser,
                predicate: "investsIn".into(),
                label: "round".into(),
                negated: false,
                hedged: false,
                trigger: from.unwrap_or(start),
                rule: "structure:funding".into(),
                confidence: 0.7,
                place: None,
            });
        }
    }
}
