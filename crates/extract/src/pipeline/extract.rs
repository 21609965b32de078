//! The steps of the pipeline over one document: clean, segment and tag, find names, group them
//! into entities, then read roles, relations, quotes and values, each with its evidence.

use crate::clean::{Cleaned, clean};
use crate::doc::analysis::Analysis;
use crate::doc::{ClusterId, Doc};
use crate::facts::{descriptions, pronouns, quotes, relations, roles, trees, values};
use crate::model::{
    Document, Entity, EntityType, Evidence, Extraction, Mention, Quote, Relation, Role,
    SentenceSpan, Value, ValueKind,
};
use crate::names::{coref, mentions};

use super::{Options, Pipeline};

/// Runs every step of `pipeline` over `doc`.
pub(super) fn extract(pipeline: &Pipeline, doc: &Document, options: Options) -> Extraction {
    let text = doc.text.as_str();
    let cleaned = if options.clean {
        clean(text)
    } else {
        Cleaned {
            keep: std::iter::once(0..text.len()).collect(),
            ..Cleaned::default()
        }
    };
    let mut meta = doc.clone();
    if meta.title.is_none() {
        meta.title = cleaned.title.clone().map(|r| text[r].trim().to_string());
    }
    if meta.date.is_none() {
        meta.date = cleaned.date.clone();
    }
    let analysis = Analysis::new(&pipeline.lexicon, &pipeline.tagger, text, &cleaned);
    let mut found = mentions::find(&analysis, &pipeline.recognizer);
    let (clusters, cluster_of) = coref::cluster(&analysis, &mut found);
    let values = values::find(&analysis, meta.date.as_deref());
    let mut ctx = Doc {
        analysis: &analysis,
        found,
        clusters,
        cluster_of,
        pronouns: Vec::new(),
    };
    ctx.pronouns = pronouns::resolve(&ctx);
    // "The company said ...": descriptions of a named organisation or country are slots too.
    let (described, aged) = (descriptions::resolve(&ctx), descriptions::ages(&ctx));
    add_slots(&mut ctx.pronouns, described);
    add_slots(&mut ctx.pronouns, aged);
    // "since it was founded": "it" for the body named before.
    let bodies = pronouns::bodies(&ctx);
    add_slots(&mut ctx.pronouns, bodies);
    let mut trees = trees::parse(&ctx, pipeline.parser());
    let mut found_roles = roles::find(&mut ctx);
    roles::appositions(&ctx, &trees, &mut found_roles);
    // "The minister said ...": the one person given that post before.
    let described = descriptions::posts(&ctx, &found_roles);
    add_slots(&mut ctx.pronouns, described);
    trees::parse_more(&ctx, pipeline.parser(), &mut trees);
    // Quotes before relations: "I" in quoted words is their speaker, for the trees to read.
    let mut found_quotes = quotes::find(&ctx, &trees);
    let interview = pronouns::Interview::find(&ctx, &found_quotes);
    if let Some(interview) = &interview {
        interview.claim_quotes(&ctx, &mut found_quotes);
    }
    let mut slots = std::mem::take(&mut ctx.pronouns);
    pronouns::add_speakers(&ctx, &found_quotes, &mut slots);
    if let Some(interview) = &interview {
        interview.add_slots(&mut slots);
    }
    ctx.pronouns = slots;
    trees::parse_more(&ctx, pipeline.parser(), &mut trees);
    let mut found_relations = relations::find(&ctx, &trees);
    governments_for_capitals(&mut ctx, &mut found_relations);
    relations::based::find(&mut ctx, &mut found_relations);
    relations::nationality::find(&mut ctx, &mut found_relations);
    relations::funding::find(&ctx, &mut found_relations);
    relations::structure::seats(&ctx, &mut found_relations);
    relations::structure::apposed_at(&ctx, &mut found_relations);
    relations::athletes::find(&mut ctx, &mut found_relations);
    relations::structure::counsel(&ctx, &mut found_relations);
    relations::criticism::find(&ctx, &found_quotes, &mut found_relations);
    relations::structure::from_posts(&ctx, &found_roles, &mut found_relations);
    relations::drop_open_where_typed(&mut found_relations);

    let keys: Vec<String> = ctx.clusters.iter().map(|c| c.key()).collect();
    let evidence = |sent: usize, rule: &str, confidence: f32| {
        let s = &analysis.sents[sent];
        Evidence {
            sentence: sent,
            start: analysis.ch(s.start),
            end: analysis.ch(s.end),
            text: analysis.sentence_text(sent),
            rule: rule.to_string(),
            confidence,
        }
    };
    let sentences = analysis
        .sents
        .iter()
        .map(|s| SentenceSpan {
            start: analysis.ch(s.start),
            end: analysis.ch(s.end),
        })
        .collect();
    let mentions = ctx
        .found
        .iter()
        .zip(&ctx.cluster_of)
        .map(|(f, &c)| {
            let s = &analysis.sents[f.sent];
            Mention {
                start: analysis.ch(s.toks[f.start].start),
                end: analysis.ch(s.toks[f.end - 1].end),
                text: f.name.clone(),
                kind: ctx.clusters[c].kind,
                entity: keys[c.index()].clone(),
                sentence: f.sent,
            }
        })
        .collect();
    let entities = ctx
        .clusters
        .iter()
        .zip(&keys)
        .map(|(c, key)| Entity {
            key: key.clone(),
            kind: c.kind,
            label: c.label.clone(),
            aliases: c.aliases.clone(),
            wikidata: c.wikidata.clone(),
        })
        .collect();
    let roles = found_roles
        .iter()
        .map(|r| Role {
            person: keys[ctx.cluster_of[r.person].index()].clone(),
            role: r.role.clone(),
            org: r.org.map(|o| keys[o.index()].clone()),
            former: roles::former(
                &analysis.sents[r.sent],
                &ctx.found[r.person.index()],
                &r.role,
            ),
            evidence: evidence(r.sent, r.rule, 0.85),
        })
        .collect();
    let relations = found_relations
        .iter()
        .map(|r| Relation {
            subject: keys[r.subject.index()].clone(),
            predicate: r.predicate.clone(),
            object: keys[r.object.index()].clone(),
            label: Some(r.label.clone()),
            negated: r.negated,
            hedged: r.hedged,
            values: values_for(&analysis, &values, r.sent, r.trigger),
            place: r.place.map(|p| keys[p.index()].clone()),
            evidence: evidence(r.sent, &r.rule, r.confidence),
        })
        .collect();
    let mut relations: Vec<Relation> = relations;
    carry_amounts(&analysis, &values, &mut relations);
    let quotes = found_quotes
        .iter()
        .map(|q| {
            let s = &analysis.sents[q.sent];
            let (start, end) = (s.toks[q.start].start, s.toks[q.end - 1].end);
            Quote {
                speaker: q.speaker.map(|c| keys[c.index()].clone()),
                start: analysis.ch(start),
                end: analysis.ch(end),
                text: analysis.text[start..end].to_string(),
                evidence: evidence(q.sent, "quote", if q.speaker.is_some() { 0.8 } else { 0.5 }),
            }
        })
        .collect();
    Extraction {
        doc: meta,
        sentences,
        mentions,
        entities,
        values,
        roles,
        relations,
        quotes,
    }
}

/// A capital that acts ("Washington and Beijing agreed", "Oslo signed a deal with ...") stands for
/// its country's government: the relation is the country's. The city stays a City entity, and
/// where it is a place (the object of "visits", "based in", "located in") it stays the city.
/// Adds to each sentence's slots the new ones of `more` whose token no slot holds yet, in
/// token order.
fn add_slots(slots: &mut [relations::Slots], more: Vec<relations::Slots>) {
    for (slots, more) in slots.iter_mut().zip(more) {
        for s in more {
            if !slots.iter().any(|t| t.0 == s.0) {
                slots.push(s);
            }
        }
        slots.sort_unstable_by_key(|s| s.0);
    }
}

fn governments_for_capitals(ctx: &mut Doc<'_, '_>, relations: &mut [relations::FoundRelation]) {
    let lex = ctx.analysis.lex;
    let country_of = |ctx: &Doc<'_, '_>, cluster: ClusterId| {
        let c = &ctx.clusters[cluster];
        (c.kind == EntityType::City)
            .then(|| lex.capital_of(&c.label).map(|k| k.name.clone()))
            .flatten()
    };
    for r in relations.iter_mut() {
        // "Oslo, Norway" places the city; it does not stand for the government.
        if r.rule.starts_with("structure:") {
            continue;
        }
        let capital_acts = country_of(ctx, r.subject);
        if let Some(country) = &capital_acts {
            r.subject = ctx.country_cluster(country);
        }
        // A city a verb goes to or happens in stays the city ("welcomed X to Oslo"), unless a
        // capital acts on it ("Beijing has opened out to New Delhi": two governments).
        let locative = capital_acts.is_none()
            && r.predicate == "related"
            && r.label.rsplit(' ').next().is_some_and(|p| {
                matches!(p, "to" | "in" | "at" | "from" | "into" | "near" | "across")
            });
        let place = locative
            || matches!(
                r.predicate.as_str(),
                "visits" | "locatedIn" | "basedIn" | "bornIn" | "livesIn"
            );
        if !place && let Some(country) = country_of(ctx, r.object) {
            r.object = ctx.country_cluster(&country);
        }
    }
}

/// Predicates that describe how things stand, not a deal: amounts never join them.
const STANDING: [&str; 5] = ["locatedIn", "basedIn", "memberOf", "worksFor", "related"];

/// An amount in a sentence without a fact of its own joins the latest fact of the three
/// sentences before it whose sentence names the same thing: "talks on a credit line Oslo would
/// extend to Lima. ... The credit line is worth $8 billion." The value keeps its own sentence.
fn carry_amounts(analysis: &Analysis<'_>, values: &[Value], relations: &mut [Relation]) {
    let nouns_near = |sent: usize, from: usize, to: usize| -> Vec<String> {
        analysis.sents[sent]
            .toks
            .iter()
            .filter(|t| {
                let (a, b) = (analysis.ch(t.start), analysis.ch(t.end));
                b + 40 >= from && a <= to + 40
            })
            .filter(|t| t.tag == crate::pos::Upos::Noun && t.text.len() > 3)
            .map(|t| t.lower())
            .collect()
    };
    let used: Vec<usize> = relations.iter().flat_map(|r| r.values.clone()).collect();
    for (i, v) in values.iter().enumerate() {
        if v.kind != ValueKind::Money || used.contains(&i) {
            continue;
        }
        let own = relations.iter().any(|r| {
            r.evidence.sentence == v.sentence && !STANDING.contains(&r.predicate.as_str())
        });
        if own {
            continue;
        }
        let words = nouns_near(v.sentence, v.start, v.end);
        let earlier = v.sentence.saturating_sub(3)..v.sentence;
        let target = earlier.rev().find(|&s| {
            let nouns: Vec<String> = analysis.sents[s]
                .toks
                .iter()
                .filter(|t| t.tag == crate::pos::Upos::Noun)
                .map(|t| t.lower())
                .collect();
            words.iter().any(|w| nouns.contains(w))
                && relations
                    .iter()
                    .any(|r| r.evidence.sentence == s && !STANDING.contains(&r.predicate.as_str()))
        });
        if let Some(s) = target {
            for r in relations
                .iter_mut()
                .filter(|r| r.evidence.sentence == s && !STANDING.contains(&r.predicate.as_str()))
            {
                r.values.push(i);
            }
        }
    }
}

/// The amounts, counts and dates of a sentence that stand after a relation's trigger.
fn values_for(
    analysis: &Analysis<'_>,
    values: &[Value],
    sent: usize,
    trigger: usize,
) -> Vec<usize> {
    let after = analysis.ch(analysis.sents[sent].toks[trigger].start);
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.sentence == sent && (v.start >= after || v.kind == ValueKind::Date))
        .map(|(i, _)| i)
        .collect()
}
