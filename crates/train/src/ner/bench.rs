//! `kg-train ner --bench`: throughput of the recognizer alone and of the whole text path.

use std::path::Path;
use std::time::Instant;

use kg_extract::Pipeline;
use kg_extract::ner::Recognizer;

use crate::Error;
use crate::corpus::{Corpus, Split, load};
use crate::score::ner::read_docs;

/// Times the recognizer alone over pre-tokenised, pre-tagged sentences (UNER train + GUM).
pub fn bench(data: &Path, pipeline: &Pipeline, model: &Recognizer) -> Result<(), Error> {
    let (lex, tagger) = (pipeline.lexicon(), pipeline.tagger());
    let mut docs = load(data, Corpus::Uner(Split::Train))?;
    for split in [Split::Train, Split::Dev, Split::Test] {
        docs.extend(load(data, Corpus::Gum(split))?);
    }
    let sentences: Vec<(Vec<&str>, Vec<kg_extract::pos::Upos>)> = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            (words, tags)
        })
        .collect();
    let words: usize = sentences.iter().map(|s| s.0.len()).sum();
    let mut spans = 0usize;
    for (w, t) in sentences.iter().take(1000) {
        spans += model.recognize(lex, w, t).len();
    }
    let secs = best_of(PASSES, || {
        for (w, t) in &sentences {
            spans += model.recognize(lex, w, t).len();
        }
    });
    println!(
        "\nNER alone: {words} words, fastest of {PASSES} passes {secs:.2}s = {:.0} words/s ({spans} spans)",
        words as f64 / secs
    );
    Ok(())
}

/// Times the whole text path (segmentation + POS + NER) over the benchmark corpus
/// (`<data>/../bench/corpus.jsonl`), one core, and segmentation + POS alone for comparison.
pub fn bench_text(data: &Path, pipeline: &Pipeline, model: &Recognizer) -> Result<(), Error> {
    let lex = pipeline.lexicon();
    let path = data.join("../bench/corpus.jsonl");
    let file = std::fs::File::open(&path).map_err(crate::io(&path))?;
    let docs = read_docs(std::io::BufReader::new(file)).map_err(|e| e.in_file(&path))?;
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let tagger = pipeline.tagger();
    let mut spans = 0usize;
    for t in texts.iter().take(20) {
        spans += model.recognize_text(lex, tagger, t).len();
    }
    let seg_pos = best_of(PASSES, || {
        for t in &texts {
            let seg = kg_extract::segment::segment(t);
            for s in &seg.sentences {
                let w: Vec<&str> = seg.tokens[s.tokens.clone()]
                    .iter()
                    .map(|k| &t[k.start..k.end])
                    .collect();
                spans += tagger.tag(&w).len();
            }
        }
    });
    let all = best_of(PASSES, || {
        for t in &texts {
            spans += model.recognize_text(lex, tagger, t).len();
        }
    });
    println!(
        "segmentation + POS: {words} words, fastest of {PASSES} passes {seg_pos:.2}s = {:.0} words/s\n\
         segmentation + POS + NER: {words} words, fastest of {PASSES} passes {all:.2}s = {:.0} words/s ({spans})",
        words as f64 / seg_pos,
        words as f64 / all
    );
    Ok(())
}

/// Times segmentation + POS and segmentation + POS + parsing over the benchmark corpus
/// (`<data>/../bench/corpus.jsonl`), one core, words counted as tokens.
pub fn bench_parse(data: &Path, pipeline: &Pipeline) -> Result<String, Error> {
    use kg_extract::parse::{ParseScratch, Tree};
    use kg_extract::pos::TagScratch;
    let path = data.join("../bench/corpus.jsonl");
    let file = std::fs::File::open(&path).map_err(crate::io(&path))?;
    let docs = read_docs(std::io::BufReader::new(file)).map_err(|e| e.in_file(&path))?;
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let (tagger, parser) = (pipeline.tagger(), pipeline.parser());
    let (mut ts, mut ps) = (TagScratch::default(), ParseScratch::default());
    let (mut tags, mut tree) = (Vec::new(), Tree::default());
    let mut run = |parse: bool| {
        let mut tokens = 0usize;
        let secs = best_of(PASSES, || {
            tokens = 0;
            for t in &texts {
                let seg = kg_extract::segment::segment(t);
                for s in &seg.sentences {
                    let w: Vec<&str> = seg.tokens[s.tokens.clone()]
                        .iter()
                        .map(|k| &t[k.start..k.end])
                        .collect();
                    tagger.tag_into(&w, &mut ts, &mut tags);
                    if parse {
                        parser.parse_into(&w, &tags, &mut ps, &mut tree);
                    }
                    tokens += w.len();
                }
            }
        });
        (tokens, secs)
    };
    let (tokens, seg_pos) = run(false);
    let (_, all) = run(true);
    let parse_only = (all - seg_pos).max(1e-9);
    Ok(format!(
        "segmentation + POS: {tokens} tokens, fastest of {PASSES} passes {seg_pos:.2}s = {:.0} tokens/s\n\
         segmentation + POS + parse: {:.2}s = {:.0} tokens/s (the parse step alone {:.0} tokens/s)",
        tokens as f64 / seg_pos,
        all,
        tokens as f64 / all,
        tokens as f64 / parse_only
    ))
}

/// Timed passes per benchmark: the fastest is reported, since a shared machine only ever
/// slows a pass down.
const PASSES: usize = 5;

/// Seconds of the fastest of `passes` runs of `f`.
fn best_of(passes: usize, mut f: impl FnMut()) -> f64 {
    (0..passes)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}
