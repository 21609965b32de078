//! Throughput of segmentation, POS tagging and dependency parsing (words = tokens).
//!
//! Uses a made-up news article repeated to about 50,000 tokens, or the documents of a JSONL
//! file (`{"text": ...}` per line) named by the `KG_BENCH_CORPUS` environment variable.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kg_extract::parse::{ParseScratch, Tree};
use kg_extract::pos::TagScratch;
use kg_extract::segment::segment;

const SAMPLE: &str = include_str!("news_sample.txt");

fn corpus() -> Vec<String> {
    if let Ok(path) = std::env::var("KG_BENCH_CORPUS") {
        let data = std::fs::read_to_string(&path).expect("KG_BENCH_CORPUS is readable");
        return data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
            .collect();
    }
    let per_copy = segment(SAMPLE).tokens.len().max(1);
    vec![SAMPLE.to_string(); 50_000 / per_copy + 1]
}

fn segment_and_tag(
    texts: &[String],
    scratch: &mut TagScratch,
    tags: &mut Vec<kg_extract::pos::Upos>,
) -> usize {
    let tagger = kg_extract::Pipeline::embedded().tagger();
    let mut n = 0;
    let mut words: Vec<&str> = Vec::new();
    for text in texts {
        let seg = segment(text);
        for s in &seg.sentences {
            words.clear();
            words.extend(seg.sentence_tokens(s).iter().map(|t| t.text(text)));
            tagger.tag_into(&words, scratch, tags);
            n += tags.len();
        }
    }
    n
}

fn segment_tag_and_parse(
    texts: &[String],
    scratch: &mut (TagScratch, ParseScratch),
    tags: &mut Vec<kg_extract::pos::Upos>,
    tree: &mut Tree,
) -> usize {
    let pipeline = kg_extract::Pipeline::embedded();
    let (tagger, parser) = (pipeline.tagger(), pipeline.parser());
    let mut n = 0;
    let mut words: Vec<&str> = Vec::new();
    for text in texts {
        let seg = segment(text);
        for s in &seg.sentences {
            words.clear();
            words.extend(seg.sentence_tokens(s).iter().map(|t| t.text(text)));
            tagger.tag_into(&words, &mut scratch.0, tags);
            parser.parse_into(&words, tags, &mut scratch.1, tree);
            n += tree.heads.len();
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let tokens: usize = texts.iter().map(|t| segment(t).tokens.len()).sum();
    let mut group = c.benchmark_group("core");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(20);
    group.bench_function("segment", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(segment(black_box(t))).tokens.len())
                .sum::<usize>()
        })
    });
    let mut scratch = TagScratch::default();
    let mut tags = Vec::new();
    group.bench_function("segment+pos", |b| {
        b.iter(|| segment_and_tag(black_box(&texts), &mut scratch, &mut tags))
    });
    let mut scratches = (TagScratch::default(), ParseScratch::default());
    let mut tree = Tree::default();
    group.bench_function("segment+pos+parse", |b| {
        b.iter(|| segment_tag_and_parse(black_box(&texts), &mut scratches, &mut tags, &mut tree))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
