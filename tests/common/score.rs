//! Scoring against the corpus's gold labels, shared by the integration
//! tests and `examples/eval.rs` (`#[path]`-included by both).
//!
//! As `shared/corpus/README.md` describes: a heading matches when level and
//! title agree (trailing punctuation and whitespace ignored, full- and
//! half-width folded); a metric matches when value and unit agree and its
//! text overlaps the gold text.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Folds widths and drops trailing punctuation and whitespace.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{A0}' => ' ',
            c => c,
        })
        .collect::<String>()
        .trim_end_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_punctuation() || "。，、；：！？”’）".contains(c)
        })
        .trim()
        .to_string()
}

/// Found / gold / matched counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub gold: usize,
    pub found: usize,
    pub matched: usize,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.matched += other.matched;
    }
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The score of one file.
#[derive(Debug, Default)]
pub struct FileScore {
    pub headings: Tally,
    pub metrics: Tally,
    pub qualifiers_agreeing: usize,
    /// Matched metrics whose change flag agrees (gold without `change` is a level).
    pub changes_agreeing: usize,
    /// Matched metrics whose gold labels say change or level.
    pub changes_compared: usize,
    /// Sum over matched metrics of the subject overlap (distinct
    /// characters both subjects share over those either has; 1 when both
    /// are empty).
    pub subject_overlap: f64,
    /// Each matched metric's text, gold subject, found subject and overlap.
    pub subjects: Vec<(String, String, String, f64)>,
    pub title_ok: bool,
    pub misses: Vec<String>,
    /// Table cells (gold `cells`): a cell matches when id and value agree.
    pub cells: Tally,
    /// Gold `arith` rules whose check has the gold's verdict, of those
    /// compared (rules that need an `unreadable` gold cell left out).
    pub arith_agreeing: usize,
    pub arith_compared: usize,
    /// Read as HTML (a `.html` file or text that starts with a tag).
    pub html: bool,
}

/// The distinct characters `a` and `b` share over those either has (1 when
/// both are empty), as shared/corpus/README.md scores subjects.
pub fn overlap(a: &str, b: &str) -> f64 {
    let a: std::collections::BTreeSet<char> = fold(a).chars().collect();
    let b: std::collections::BTreeSet<char> = fold(b).chars().collect();
    let either = a.union(&b).count();
    if either == 0 {
        1.0
    } else {
        a.intersection(&b).count() as f64 / either as f64
    }
}

/// Subject overlap averaged over every matched metric of `scores`.
pub fn subject_overlap(scores: &[(String, FileScore)]) -> f64 {
    let matched: usize = scores.iter().map(|(_, s)| s.metrics.matched).sum();
    let sum: f64 = scores.iter().map(|(_, s)| s.subject_overlap).sum();
    if matched == 0 {
        1.0
    } else {
        sum / matched as f64
    }
}

/// `X.gold.json` beside `X.txt` or `X.page.html`.
pub fn gold_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".page.html")
        .or_else(|| name.strip_suffix(".html"))
        .or_else(|| name.strip_suffix(".txt"))
        .unwrap_or(&name);
    file.with_file_name(format!("{stem}.gold.json"))
}

/// A file the command line reads as HTML.
pub fn is_html(path: &Path, text: &str) -> bool {
    path.extension().is_some_and(|e| e == "html" || e == "htm")
        || govreport::html::looks_like_html(text)
}

/// Every `*.txt` with gold labels among `args` (files or folders), sorted.
pub fn labelled_files(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            v.retain(|f| {
                f.extension().is_some_and(|e| e == "txt" || e == "html") && gold_path(f).exists()
            });
            v.sort();
            out.extend(v);
        } else if gold_path(p).exists() {
            out.push(p.to_path_buf());
        }
    }
    out
}

/// The report of a corpus file, read as the command line reads it.
pub fn report_of(path: &Path, text: &str) -> govreport::Report {
    if is_html(path, text) {
        let doc = govreport::html::read(text, govreport::Lang::Zh);
        govreport::parse_document(&doc, &Default::default())
    } else {
        govreport::parse(text)
    }
}

/// Scores the parse of `text` against `gold`.
pub fn score(text: &str, gold: &Value) -> FileScore {
    score_report(&govreport::parse(text), text, gold)
}

/// Scores the cells and the arithmetic checks of `report` against `gold`.
fn score_tables(report: &govreport::Report, gold: &Value, out: &mut FileScore) {
    let Some(cells) = gold["cells"].as_object() else {
        return;
    };
    let got: Vec<&govreport::Cell> = report.tables.iter().flat_map(|t| &t.cells).collect();
    out.cells.gold = cells.len();
    out.cells.found = got.len();
    for c in &got {
        match cells.get(&c.id).and_then(Value::as_f64) {
            Some(v) if (v - c.value).abs() < 1e-6 => out.cells.matched += 1,
            Some(v) => out
                .misses
                .push(format!("cell wrong: {} = {} (gold {v})", c.id, c.value)),
            None => out
                .misses
                .push(format!("cell extra: {} = {}", c.id, c.value)),
        }
    }
    for id in cells.keys() {
        if !got.iter().any(|c| &c.id == id) {
            out.misses.push(format!("cell missed: {id}"));
        }
    }
    let unreadable: Vec<&str> = gold["unreadable"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(arith) = gold["arith"].as_object() else {
        return;
    };
    for (rule, v) in arith {
        let needs_unreadable = v["cells"].as_array().is_some_and(|c| {
            c.iter()
                .any(|c| c.as_str().is_some_and(|c| unreadable.contains(&c)))
        });
        if needs_unreadable {
            continue;
        }
        out.arith_compared += 1;
        let check = report
            .checks
            .iter()
            .find(|c| c.id == format!("arith.{rule}"));
        let holds = v["holds"].as_bool().unwrap_or(true);
        let agrees = check.is_some_and(|c| match c.status {
            govreport::CheckStatus::Fail => !holds,
            _ => holds,
        });
        if agrees {
            out.arith_agreeing += 1;
        } else {
            out.misses.push(format!(
                "arith: {rule} gold {} got {:?}",
                if holds { "holds" } else { "fails" },
                check.map(|c| c.status)
            ));
        }
    }
}

/// Scores a report against `gold`.
pub fn score_report(report: &govreport::Report, input: &str, gold: &Value) -> FileScore {
    // The text the spans index: the document's, for HTML.
    let text = report.text.as_deref().unwrap_or(input);
    let mut out = FileScore::default();
    score_tables(report, gold, &mut out);
    let gold_title = gold["title"].as_str();
    out.title_ok = gold_title.map(fold) == report.title.as_deref().map(fold);
    if !out.title_ok {
        out.misses.push(format!(
            "title: gold {gold_title:?}, got {:?}",
            report.title
        ));
    }

    // Headings, in document order.
    let got: Vec<(u8, String)> = report
        .all_sections()
        .map(|s| (s.level, fold(&s.title)))
        .collect();
    let want: Vec<(u8, String)> = gold["sections"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    (
                        s["level"].as_u64().unwrap_or(0) as u8,
                        fold(s["title"].as_str().unwrap_or("")),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.headings.gold = want.len();
    out.headings.found = got.len();
    let mut used = vec![false; got.len()];
    for w in &want {
        match got.iter().enumerate().position(|(i, g)| !used[i] && g == w) {
            Some(i) => {
                used[i] = true;
                out.headings.matched += 1;
            }
            None => out.misses.push(format!("heading missed: {} {}", w.0, w.1)),
        }
    }
    for (i, g) in got.iter().enumerate() {
        if !used[i] {
            out.misses.push(format!("heading extra: {} {}", g.0, g.1));
        }
    }

    // Metrics: each gold text is located in document order (UTF-16 units).
    let utf16_at = |byte: usize| text[..byte].encode_utf16().count() as u32;
    // Gold without metrics (the tables' files) scores no metrics.
    if gold["metrics"].is_null() {
        return out;
    }
    let gold_metrics = gold["metrics"].as_array().cloned().unwrap_or_default();
    // Only some gold files label changes (dev-long); elsewhere there is
    // nothing to compare.
    let labels_changes = gold_metrics.iter().any(|g| g.get("change").is_some());
    let mut used = vec![false; report.metrics.len()];
    out.metrics.gold = gold_metrics.len();
    out.metrics.found = report.metrics.len();
    let mut cursor = 0usize;
    for g in &gold_metrics {
        let gt = g["text"].as_str().unwrap_or("");
        let Some(at) = text[cursor..]
            .find(gt)
            .map(|p| p + cursor)
            .or_else(|| text.find(gt))
        else {
            out.misses.push(format!("gold text not in input: {gt}"));
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
                out.metrics.matched += 1;
                let gold_change = g["change"].as_bool().unwrap_or(false);
                if labels_changes {
                    out.changes_compared += 1;
                    if report.metrics[i].change == gold_change {
                        out.changes_agreeing += 1;
                    } else {
                        out.misses.push(format!(
                            "change: {gt} gold {gold_change}, got {}",
                            report.metrics[i].change
                        ));
                    }
                }
                let (gs, fs) = (
                    g["subject"].as_str().unwrap_or(""),
                    report.metrics[i].subject.as_deref().unwrap_or(""),
                );
                let o = overlap(gs, fs);
                out.subject_overlap += o;
                out.subjects
                    .push((gt.to_string(), gs.to_string(), fs.to_string(), o));
                let gq = g["qualifier"].as_str().unwrap_or("exact");
                if report.metrics[i].qualifier.as_str() == gq {
                    out.qualifiers_agreeing += 1;
                } else {
                    out.misses.push(format!(
                        "qualifier: {gt} gold {gq}, got {}",
                        report.metrics[i].qualifier.as_str()
                    ));
                }
            }
            None => {
                let near: Vec<String> = report
                    .metrics
                    .iter()
                    .filter(|m| m.span.start < ge && gs < m.span.end)
                    .map(|m| format!("{} = {} {:?}", m.text, m.value, m.unit))
                    .collect();
                out.misses.push(format!(
                    "metric missed: {gt} = {gv} {gu:?}  (got {})",
                    near.join("; ")
                ));
            }
        }
    }
    let index = govreport::TextIndex::new(text);
    for (i, m) in report.metrics.iter().enumerate() {
        if !used[i] {
            let ctx = index
                .slice(govreport::Span::new(
                    m.span.start.saturating_sub(8),
                    (m.span.end + 4).min(index.len_utf16()),
                ))
                .unwrap_or("");
            out.misses.push(format!(
                "metric extra: {} = {} {:?}  …{}…",
                m.text,
                m.value,
                m.unit,
                ctx.replace('\n', " ")
            ));
        }
    }
    out
}

/// Scores every file; returns the per-file scores with their names.
pub fn score_files(files: &[PathBuf]) -> Vec<(String, FileScore)> {
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("read text");
            let gold: Value =
                serde_json::from_str(&std::fs::read_to_string(gold_path(path)).expect("read gold"))
                    .expect("gold is JSON");
            let mut s = score_report(&report_of(path, &text), &text, &gold);
            s.html = is_html(path, &text);
            (path.file_name().unwrap().to_string_lossy().into_owned(), s)
        })
        .collect()
}

/// Cells over the files read as HTML (`true`) or as text, and the
/// arithmetic verdicts agreeing / compared over all files.
pub fn cell_totals(scores: &[(String, FileScore)], html: bool) -> Tally {
    let mut t = Tally::default();
    for (_, s) in scores.iter().filter(|(_, s)| s.html == html) {
        t.add(&s.cells);
    }
    t
}

/// Gold arithmetic verdicts agreeing, and compared.
pub fn arith_totals(scores: &[(String, FileScore)]) -> (usize, usize) {
    scores.iter().fold((0, 0), |(a, c), (_, s)| {
        (a + s.arith_agreeing, c + s.arith_compared)
    })
}

/// Share of matched metrics whose change flag agrees.
pub fn change_agreement(scores: &[(String, FileScore)]) -> f64 {
    let (agree, matched) = scores.iter().fold((0, 0), |(a, m), (_, s)| {
        (a + s.changes_agreeing, m + s.changes_compared)
    });
    if matched == 0 {
        1.0
    } else {
        agree as f64 / matched as f64
    }
}

/// Totals over files: headings, metrics, qualifier agreement, titles right.
pub fn totals(scores: &[(String, FileScore)]) -> (Tally, Tally, f64, usize) {
    let (mut h, mut m, mut q, mut t) = (Tally::default(), Tally::default(), 0, 0);
    for (_, s) in scores {
        h.add(&s.headings);
        m.add(&s.metrics);
        q += s.qualifiers_agreeing;
        t += usize::from(s.title_ok);
    }
    let qa = if m.matched == 0 {
        1.0
    } else {
        q as f64 / m.matched as f64
    };
    (h, m, qa, t)
}
