//! Scores the parser against hand-checked gold labels.
//!
//! ```text
//! cargo run --release --example eval -- ../shared/corpus/seed.txt ../shared/corpus/dev ../shared/corpus/dev-long
//! ```
//!
//! Every `X.txt` or `X.page.html` given (or found in a folder given) that
//! has an `X.gold.json` beside it is parsed (HTML as the command line
//! reads it) and compared as
//! `shared/corpus/README.md` describes (see `tests/common/score.rs`). Prints
//! each file's misses, then precision, recall and F1 over all files for
//! headings and metrics, and the share of matched metrics whose qualifier
//! agrees, and the share whose change flag agrees (gold labels mark
//! changes only in dev-long; elsewhere a metric without `change` counts as
//! a level), and the subject overlap (distinct characters both subjects
//! share over those either has, averaged over matched metrics); for
//! tables, cell precision, recall and F1 (a cell matches when id and value
//! agree) from HTML and from text, and the share of gold `arith` rules
//! whose check has the gold's verdict. `--quiet` prints the totals only;
//! `--subjects` also prints each matched metric's two subjects.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/score.rs"]
mod score;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let subjects = args.iter().any(|a| a == "--subjects");
    let paths: Vec<String> = args.into_iter().filter(|a| !a.starts_with("--")).collect();
    let files = score::labelled_files(&paths);
    if files.is_empty() {
        eprintln!("usage: eval [--quiet] FILE.txt|DIR ...   (each FILE.txt needs FILE.gold.json beside it)");
        std::process::exit(2);
    }
    let scores = score::score_files(&files);
    if !quiet {
        for (name, s) in &scores {
            println!(
                "{name}: headings {}/{} (found {}), metrics {}/{} (found {})",
                s.headings.matched,
                s.headings.gold,
                s.headings.found,
                s.metrics.matched,
                s.metrics.gold,
                s.metrics.found
            );
            for m in &s.misses {
                println!("    {m}");
            }
            if subjects {
                for (text, gold, found, o) in &s.subjects {
                    println!("    subject {o:.2}  {text}  gold {gold}  got {found}");
                }
            }
        }
    }
    let (h, m, qa, titles) = score::totals(&scores);
    println!("files {}", scores.len());
    println!("titles   {titles}/{}", scores.len());
    println!(
        "headings P {:.3}  R {:.3}  F1 {:.3}  ({} gold, {} found, {} matched)",
        h.precision(),
        h.recall(),
        h.f1(),
        h.gold,
        h.found,
        h.matched
    );
    println!(
        "metrics  P {:.3}  R {:.3}  F1 {:.3}  ({} gold, {} found, {} matched)",
        m.precision(),
        m.recall(),
        m.f1(),
        m.gold,
        m.found,
        m.matched
    );
    println!("qualifier agreement {qa:.3}");
    println!("change agreement {:.3}", score::change_agreement(&scores));
    println!("subject overlap {:.3}", score::subject_overlap(&scores));
    for (html, from) in [(true, "HTML"), (false, "text")] {
        let c = score::cell_totals(&scores, html);
        if c.gold > 0 {
            println!(
                "cells from {from}: P {:.3}  R {:.3}  F1 {:.3}  ({} gold, {} found, {} matched)",
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold,
                c.found,
                c.matched
            );
        }
    }
    let (agree, compared) = score::arith_totals(&scores);
    if compared > 0 {
        println!("arith verdicts {agree}/{compared} agree");
    }
}
