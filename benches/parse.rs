//! Throughput of the parser core (one core): bytes per second on each long
//! report, and on 10× and 100× concatenations, which must stay within 20%
//! of the single report (linear time). `cargo bench --bench parse`.
//! Uses tests/fixtures/long, plus ../shared/corpus/long when present.

#![allow(missing_docs)] // criterion_group! generates undocumented functions

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
#[path = "../tests/common/corpus.rs"]
mod corpus;

use std::path::Path;

fn corpus() -> Vec<(String, String)> {
    let dir = corpus::long_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("long reports")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn per_file(c: &mut Criterion) {
    let mut g = c.benchmark_group("file");
    for (name, text) in corpus() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, t| {
            b.iter(|| govreport::parse(t))
        });
    }
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let all: String = corpus()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n");
    let mut g = c.benchmark_group("concatenated");
    g.sample_size(10);
    for times in [1usize, 10, 100] {
        let text = vec![all.as_str(); times].join("\n");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{times}x")),
            &text,
            |b, t| b.iter(|| govreport::parse(t)),
        );
    }
    g.finish();
}

fn seed(c: &mut Criterion) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.txt"),
    )
    .unwrap();
    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse", |b| b.iter(|| govreport::parse(&text)));
    g.finish();
}

criterion_group!(benches, seed, per_file, scaling);
criterion_main!(benches);
