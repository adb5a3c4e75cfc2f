//! Accuracy against the corpus's hand-checked gold labels, held as lists
//! of the misses that remain: `tests/fixtures/misses/SET.txt`, one line
//! each (`file: what`), as `cargo run --example eval` prints them. A new
//! miss fails the test, and so does a listed miss that has gone, until the
//! list is updated: `UPDATE_MISSES=1 cargo test --test accuracy` writes
//! the lists anew (then read the diff).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/score.rs"]
mod score;

use std::collections::BTreeMap;

/// Misses with how often each occurs (a file can miss the same text twice).
type Misses = BTreeMap<String, usize>;
use std::path::Path;

/// The labelled sets: a name and its files or folders under tests/fixtures.
const SETS: &[(&str, &[&str])] = &[
    ("seed-dev", &["seed.txt", "dev"]),
    ("dev-long", &["dev-long"]),
    ("fazhi-long", &["fazhi-long"]),
    // 信息公开 reports: table cells and arithmetic verdicts too, from the
    // crawler text and from the portal's HTML.
    ("xxgk", &["xxgk"]),
];

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// Every miss of a set, `file: miss`, in order.
fn misses(paths: &[&str]) -> (usize, Misses) {
    let args: Vec<String> = paths
        .iter()
        .map(|p| fixtures().join(p).to_string_lossy().into_owned())
        .collect();
    let files = score::labelled_files(&args);
    let scores = score::score_files(&files);
    let mut all = Misses::new();
    for (name, s) in &scores {
        for m in &s.misses {
            *all.entry(format!("{name}: {m}")).or_default() += 1;
        }
    }
    (files.len(), all)
}

fn listed(set: &str) -> Misses {
    let path = fixtures().join("misses").join(format!("{set}.txt"));
    let mut out = Misses::new();
    for l in std::fs::read_to_string(&path).unwrap_or_default().lines() {
        if !l.trim().is_empty() && !l.starts_with('#') {
            *out.entry(l.to_string()).or_default() += 1;
        }
    }
    out
}

/// What `a` has more of than `b`, each as often as the difference.
fn more(a: &Misses, b: &Misses) -> Vec<String> {
    a.iter()
        .flat_map(|(m, &n)| {
            std::iter::repeat_n(m.clone(), n.saturating_sub(*b.get(m).unwrap_or(&0)))
        })
        .collect()
}

fn write(set: &str, misses: &Misses) {
    let path = fixtures().join("misses").join(format!("{set}.txt"));
    let mut out = format!(
        "# The misses that remain on tests/fixtures/{set}: see tests/accuracy.rs.\n# {} in all.\n",
        misses.values().sum::<usize>()
    );
    for (m, &n) in misses {
        for _ in 0..n {
            out.push_str(m);
            out.push('\n');
        }
    }
    std::fs::write(path, out).unwrap();
}

/// The copies in tests/fixtures are the corpus's own files: checked
/// against `../shared/corpus` where it is (it is not on a user's clone).
#[test]
fn the_fixture_copies_are_the_corpus() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if !shared.is_dir() {
        println!("../shared/corpus not found: scoring the copies in tests/fixtures only");
        return;
    }
    let mut same = 0;
    for (_, paths) in SETS {
        for p in *paths {
            let copy = fixtures().join(p);
            let files: Vec<_> = if copy.is_dir() {
                std::fs::read_dir(&copy)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect()
            } else {
                vec![copy.clone()]
            };
            for f in files {
                let rel = f.strip_prefix(fixtures()).unwrap();
                let original = shared.join(rel);
                if original.exists() {
                    assert_eq!(
                        std::fs::read(&f).unwrap(),
                        std::fs::read(&original).unwrap(),
                        "{}",
                        rel.display()
                    );
                    same += 1;
                }
            }
        }
    }
    assert!(same > 0, "no fixture found in ../shared/corpus");
    println!("{same} fixture files are identical to ../shared/corpus");
}

#[test]
fn the_misses_are_the_listed_ones() {
    let update = std::env::var_os("UPDATE_MISSES").is_some();
    let mut report = Vec::new();
    for (set, paths) in SETS {
        let (files, got) = misses(paths);
        assert!(files > 0, "{set}: no labelled files under tests/fixtures");
        if update {
            write(set, &got);
            continue;
        }
        let want = listed(set);
        let (new, gone) = (more(&got, &want), more(&want, &got));
        if !new.is_empty() || !gone.is_empty() {
            report.push(format!(
                "{set} ({files} files): {} new misses, {} listed misses gone\n  new:\n    {}\n  gone:\n    {}",
                new.len(),
                gone.len(),
                new.join("\n    "),
                gone.join("\n    "),
            ));
        }
    }
    assert!(
        report.is_empty(),
        "{}\n(UPDATE_MISSES=1 cargo test --test accuracy writes the lists anew)",
        report.join("\n")
    );
}
