//! Scores the parser against hand-checked gold labels.
//!
//! ```text
//! cargo run --release --example eval -- ../shared/corpus/seed.txt ../shared/corpus/dev ../shared/corpus/dev-long
//! ```
//!
//! Every `X.txt` given (or found in a folder given) that has an
//! `X.gold.json` beside it is parsed and compared as
//! `shared/corpus/README.md` describes: a heading matches when level and
//! title agree (trailing punctuation and whitespace ignored, full- and
//! half-width folded); a metric matches when value and unit agree and its
//! text overlaps the gold text. Prints each file's misses, then precision,
//! recall and F1 over all files, and the share of matched metrics whose
//! qualifier agrees. `--quiet` prints the totals only.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{A0}' => ' ',
            c => c,
        })
        .collect::<String>()
        .trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "。，、；：！？”’）".contains(c))
        .trim()
        .to_string()
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    matched: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.matched += other.matched;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.found == 0 { 1.0 } else { self.matched as f64 / self.found as f64 };
        let r = if self.gold == 0 { 1.0 } else { self.matched as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

fn files(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            v.retain(|f| f.extension().is_some_and(|e| e == "txt") && gold_path(f).exists());
            v.sort();
            out.extend(v);
        } else if gold_path(p).exists() {
            out.push(p.to_path_buf());
        } else {
            eprintln!("skipping {a}: no gold labels beside it");
        }
    }
    out
}

fn gold_path(txt: &Path) -> PathBuf {
    txt.with_extension("gold.json")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let paths: Vec<String> = args.into_iter().filter(|a| !a.starts_with("--")).collect();
    let files = files(&paths);
    if files.is_empty() {
        eprintln!("usage: eval [--quiet] FILE.txt|DIR ...   (each FILE.txt needs FILE.gold.json)");
        std::process::exit(2);
    }
    let (mut heads, mut mets) = (Tally::default(), Tally::default());
    let (mut qual_ok, mut title_ok, mut titles) = (0usize, 0usize, 0usize);
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read text");
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path(path)).expect("read gold")).expect("gold json");
        let report = govreport::parse(&text);
        let name = path.file_name().unwrap().to_string_lossy();
        let mut misses = Vec::new();

        // Title
        titles += 1;
        let gold_title = gold["title"].as_str();
        if gold_title.map(fold) == report.title.as_deref().map(fold) {
            title_ok += 1;
        } else {
            misses.push(format!("title: gold {gold_title:?}, got {:?}", report.title));
        }

        // Headings
        let mut t = Tally::default();
        let got: Vec<(u8, String)> = report.all_sections().map(|s| (s.level, fold(&s.title))).collect();
        let want: Vec<(u8, String)> = gold["sections"]
            .as_array()
            .map(|a| a.iter().map(|s| (s["level"].as_u64().unwrap_or(0) as u8, fold(s["title"].as_str().unwrap_or("")))).collect())
            .unwrap_or_default();
        t.gold = want.len();
        t.found = got.len();
        let mut used = vec![false; got.len()];
        for w in &want {
            match got.iter().enumerate().position(|(i, g)| !used[i] && g == w) {
                Some(i) => {
                    used[i] = true;
                    t.matched += 1;
                }
                None => misses.push(format!("heading missed: {} {}", w.0, w.1)),
            }
        }
        for (i, g) in got.iter().enumerate() {
            if !used[i] {
                misses.push(format!("heading extra: {} {}", g.0, g.1));
            }
        }
        heads.add(&t);
        let th = t;

        // Metrics: locate each gold text in document order (UTF-16 units).
        let utf16_at = |byte: usize| text[..byte].encode_utf16().count() as u32;
        let mut t = Tally::default();
        let mut cursor = 0usize;
        let gold_metrics = gold["metrics"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; report.metrics.len()];
        t.gold = gold_metrics.len();
        t.found = report.metrics.len();
        for g in &gold_metrics {
            let gt = g["text"].as_str().unwrap_or("");
            let at = text[cursor..].find(gt).map(|p| p + cursor).or_else(|| text.find(gt));
            let Some(at) = at else {
                misses.push(format!("gold text not in input: {gt}"));
                continue;
            };
            cursor = at + gt.len();
            let (gs, ge) = (utf16_at(at), utf16_at(at + gt.len()));
            let gv = g["value"].as_f64().unwrap_or(f64::NAN);
            let gu = g["unit"].as_str();
            let hit = report.metrics.iter().enumerate().position(|(i, m)| {
                !used[i]
                    && m.span.start < ge
                    && gs < m.span.end
                    && (m.value - gv).abs() <= 1e-6 * gv.abs().max(1.0)
                    && m.unit.as_deref() == gu
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    t.matched += 1;
                    let gq = g["qualifier"].as_str().unwrap_or("exact");
                    if report.metrics[i].qualifier.as_str() == gq {
                        qual_ok += 1;
                    } else {
                        misses.push(format!("qualifier: {gt} gold {gq}, got {}", report.metrics[i].qualifier.as_str()));
                    }
                }
                None => {
                    let near: Vec<String> = report
                        .metrics
                        .iter()
                        .filter(|m| m.span.start < ge && gs < m.span.end)
                        .map(|m| format!("{} = {} {:?}", m.text, m.value, m.unit))
                        .collect();
                    misses.push(format!("metric missed: {gt} = {gv} {gu:?}  (got {})", near.join("; ")));
                }
            }
        }
        for (i, m) in report.metrics.iter().enumerate() {
            if !used[i] {
                let ctx_start = m.span.start.saturating_sub(8);
                let ctx = govreport::Span::new(ctx_start, m.span.end + 4).slice(&text).unwrap_or("");
                misses.push(format!("metric extra: {} = {} {:?}  …{}…", m.text, m.value, m.unit, ctx.replace('\n', " ")));
            }
        }
        mets.add(&t);
        if !quiet {
            println!(
                "{name}: headings {}/{} (found {}), metrics {}/{} (found {})",
                th.matched, th.gold, th.found, t.matched, t.gold, t.found
            );
            for m in &misses {
                println!("    {m}");
            }
        }
    }
    let (hp, hr, hf) = heads.prf();
    let (mp, mr, mf) = mets.prf();
    println!("files {}", files.len());
    println!("titles   {title_ok}/{titles}");
    println!("headings P {hp:.3}  R {hr:.3}  F1 {hf:.3}  ({} gold, {} found, {} matched)", heads.gold, heads.found, heads.matched);
    println!("metrics  P {mp:.3}  R {mr:.3}  F1 {mf:.3}  ({} gold, {} found, {} matched)", mets.gold, mets.found, mets.matched);
    let qa = if mets.matched == 0 { 1.0 } else { qual_ok as f64 / mets.matched as f64 };
    println!("qualifier agreement {qa:.3}  ({qual_ok}/{})", mets.matched);
}
