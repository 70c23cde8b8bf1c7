//! Benchmarks of the redline engine, stage by stage and whole:
//! segmentation, alignment (including 20,000 × 20,000 synthetic
//! provisions), word diff, and the whole pipeline on the corpus pair.
//! Corpus benchmarks are skipped with a message when ../shared/corpus is
//! absent; the synthetic ones always run.
//!
//! `cargo bench --bench redline` (add `-- align` etc. to filter).

#[path = "../tests/redline_common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clausediff::redline::{self, Document, Format, InputFormat, Provision, RedlineOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus_file(rel: &str) -> Option<PathBuf> {
    common::corpus(rel)
}

fn parse(path: &Path, bytes: &[u8]) -> Document {
    redline::parse_document(path, bytes, &RedlineOptions::default()).expect("corpus parses")
}

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for rel in ["text/pta_156.txt", "tota/pta_156.xml", "text/pta_449.txt"] {
        let Some(path) = corpus_file(rel) else {
            continue;
        };
        let bytes = std::fs::read(&path).unwrap();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(rel, |b| {
            b.iter(|| parse(black_box(&path), black_box(&bytes)))
        });
    }
    group.finish();
}

fn alignment(c: &mut Criterion) {
    let mut group = c.benchmark_group("align");
    if let (Some(a), Some(b)) = (
        corpus_file("text/pta_156.txt"),
        corpus_file("text/pta_342.txt"),
    ) {
        let old = parse(&a, &std::fs::read(&a).unwrap());
        let new = parse(&b, &std::fs::read(&b).unwrap());
        group.bench_function("pta_156-vs-pta_342", |bench| {
            bench.iter(|| {
                redline::align_provisions(black_box(&old.provisions), black_box(&new.provisions))
            })
        });
    }
    // 20,000 × 20,000: 200 moves, 1,000 edits, 500 removals, 500 additions.
    let old = common::synthetic(20_000, 1);
    let new = common::perturb(&old, 200, 1000, 500, 500, 1);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("synthetic-20000x20000", |bench| {
        bench.iter(|| {
            let pairs =
                redline::align_provisions(black_box(&old.provisions), black_box(&new.provisions));
            redline::moved_pairs(&pairs)
        })
    });
    group.finish();
}

fn word_diff(c: &mut Criterion) {
    let mut group = c.benchmark_group("word_diff");
    let Some((a, b)) = corpus_file("text/pta_156.txt").zip(corpus_file("text/pta_342.txt")) else {
        return;
    };
    let old = parse(&a, &std::fs::read(&a).unwrap());
    let new = parse(&b, &std::fs::read(&b).unwrap());
    // Single aligned pairs, as one-provision documents: a short edit and the
    // longest changed article (footnotes renumbered and moved).
    for locator in ["ARTICLE 2.12", "ARTICLE 16.11"] {
        let pick = |d: &Document| -> Document {
            let p: &Provision = d.provisions.iter().find(|p| p.locator == locator).unwrap();
            Document {
                name: locator.into(),
                format: InputFormat::Text,
                provisions: vec![p.clone()],
            }
        };
        let (o, n) = (pick(&old), pick(&new));
        let opts = RedlineOptions {
            threads: 1,
            ..RedlineOptions::default()
        };
        group.bench_function(locator, |bench| {
            bench.iter(|| redline::redline(black_box(&o), black_box(&n), &opts))
        });
    }
    // Alignment plus every word diff of the pair, single-threaded.
    let opts = RedlineOptions {
        threads: 1,
        ..RedlineOptions::default()
    };
    group.bench_function("pta_156-vs-pta_342 compare", |bench| {
        bench.iter(|| redline::redline(black_box(&old), black_box(&new), &opts))
    });
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    let whole = |old: &Path, new: &Path, opts: &RedlineOptions| {
        let (a, b) = redline::load_pair(old, new, opts).unwrap();
        let r = redline::redline(&a, &b, opts);
        let mut out = Vec::with_capacity(1 << 20);
        redline::render(&r, &a, &b, Format::Json, &mut out, false).unwrap();
        out.len()
    };
    for (name, a, b) in [
        (
            "text pta_156-vs-pta_342",
            "text/pta_156.txt",
            "text/pta_342.txt",
        ),
        (
            "tota pta_156-vs-pta_342",
            "tota/pta_156.xml",
            "tota/pta_342.xml",
        ),
    ] {
        let Some((a, b)) = corpus_file(a).zip(corpus_file(b)) else {
            continue;
        };
        for threads in [1, 0] {
            let opts = RedlineOptions {
                threads,
                ..RedlineOptions::default()
            };
            let label = format!(
                "{name} json threads={}",
                if threads == 0 {
                    "auto".into()
                } else {
                    threads.to_string()
                }
            );
            group.bench_function(label, |bench| bench.iter(|| whole(&a, &b, &opts)));
        }
    }
    if let Some(tpp) = corpus_file("text/pta_449.txt") {
        let edited = std::env::temp_dir().join("redline-bench-pta_449-edited.txt");
        std::fs::write(
            &edited,
            common::edited_copy(&std::fs::read_to_string(&tpp).unwrap(), 449),
        )
        .unwrap();
        let opts = RedlineOptions::default();
        group.bench_function("text pta_449-vs-edited json", |bench| {
            bench.iter(|| whole(&tpp, &edited, &opts))
        });
    }
    group.finish();
}

criterion_group!(benches, segmentation, alignment, word_diff, pipeline);
criterion_main!(benches);
