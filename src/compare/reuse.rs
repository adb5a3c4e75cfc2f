//! Text reuse: every sentence of the newer report found in the older one,
//! word for word or nearly (dates and figures changed, or a few characters
//! of a long sentence), by hashing: each older sentence is indexed once
//! under its whole key and under each half of it, so a report of any
//! length costs time linear in the two texts.

use crate::parse::text::{fold, TextIndex};
use crate::{Report, Reuse, ReusedSpan, SectionShare, Span};
use std::collections::HashMap;

/// A sentence: its byte range and its key (blanks removed, widths folded,
/// digits as `0`).
struct Sentence {
    start: usize,
    end: usize,
    exact: String,
    key: Vec<char>,
}

/// Sentences end at `。！？；!?;` and at line breaks.
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let raw = &text[s..e];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return;
        }
        let s = s + (raw.len() - raw.trim_start().len());
        let e = s + trimmed.len();
        let exact: String = trimmed
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(fold)
            .collect();
        let key = exact
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        out.push(Sentence {
            start: s,
            end: e,
            exact,
            key,
        });
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
            push(start, end, &mut out);
            start = end;
        } else if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            push(start, i, &mut out);
            start = end;
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// Sentences this long or longer are also found with a few characters
/// changed outside their digits.
const NEAR_MIN: usize = 16;

/// True when `a` and `b` differ in at most a few characters: their common
/// beginning and end leave at most max(2, ⅛ of the length) on each side.
fn nearly(a: &[char], b: &[char]) -> bool {
    let n = a.len().max(b.len());
    let allowed = (n / 8).max(2);
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let q = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.len() - p - q <= allowed && b.len() - p - q <= allowed
}

/// The reuse of the older text in the newer (whose report is `newer`),
/// each text with its index.
pub fn reuse(
    (older_text, oi): (&str, &TextIndex),
    (newer_text, ni): (&str, &TextIndex),
    newer: &Report,
) -> Reuse {
    let old = sentences(older_text);
    let mut exact: HashMap<&str, usize> = HashMap::new();
    let mut whole: HashMap<&[char], usize> = HashMap::new();
    let mut halves: HashMap<(bool, &[char]), Vec<usize>> = HashMap::new();
    for (i, s) in old.iter().enumerate() {
        exact.entry(s.exact.as_str()).or_insert(i);
        whole.entry(&s.key).or_insert(i);
        if s.key.len() >= NEAR_MIN {
            let mid = s.key.len() / 2;
            halves.entry((false, &s.key[..mid])).or_default().push(i);
            halves.entry((true, &s.key[mid..])).or_default().push(i);
        }
    }
    let new = sentences(newer_text);
    let mut spans = Vec::new();
    let mut reused = vec![false; new.len()];
    for (j, s) in new.iter().enumerate() {
        // Word for word first, then with its digits changed, then nearly.
        let found = exact
            .get(s.exact.as_str())
            .or_else(|| whole.get(s.key.as_slice()))
            .copied()
            .or_else(|| {
                if s.key.len() < NEAR_MIN {
                    return None;
                }
                let mid = s.key.len() / 2;
                // A few characters changed leave one half whole (its own
                // length, at the start or the end).
                let by_start = halves.get(&(false, &s.key[..mid])).into_iter().flatten();
                let by_end = halves.get(&(true, &s.key[mid..])).into_iter().flatten();
                by_start
                    .chain(by_end)
                    .take(64)
                    .copied()
                    .find(|&i| nearly(&old[i].key, &s.key))
            });
        if let Some(i) = found {
            reused[j] = true;
            spans.push(ReusedSpan {
                older: oi.span(old[i].start, old[i].end),
                newer: ni.span(s.start, s.end),
                verbatim: old[i].exact == s.exact,
            });
        }
    }
    // Shares: the whole text, then each top-level section in one pass
    // over the sentences (both are in document order).
    let spans_new: Vec<Span> = new.iter().map(|s| ni.span(s.start, s.end)).collect();
    let ratio = |hit: usize, all: usize| {
        if all == 0 {
            0.0
        } else {
            hit as f64 / all as f64
        }
    };
    let total: usize = new.iter().map(|s| s.key.len()).sum();
    let hit: usize = new
        .iter()
        .zip(&reused)
        .filter(|(_, r)| **r)
        .map(|(s, _)| s.key.len())
        .sum();
    let mut sections = Vec::with_capacity(newer.sections.len());
    let mut k = 0;
    for sec in &newer.sections {
        while k < new.len() && spans_new[k].start < sec.span.start {
            k += 1;
        }
        let (mut all, mut got) = (0, 0);
        while k < new.len() && sec.span.contains(&spans_new[k]) {
            all += new[k].key.len();
            if reused[k] {
                got += new[k].key.len();
            }
            k += 1;
        }
        sections.push(SectionShare {
            section: sec.id.clone(),
            share: ratio(got, all),
        });
    }
    Reuse {
        share: ratio(hit, total),
        sections,
        spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_characters_changed_is_nearly_the_same() {
        let k = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(nearly(
            &k("全面推行行政执法公示制度执法全过程记录制度"),
            &k("全面推行行政执法公示制度和执法全过程记录制度")
        ));
        assert!(!nearly(
            &k("全面推行行政执法公示制度执法全过程记录制度"),
            &k("深入开展法治宣传教育提升全民法治素养水平")
        ));
    }
}
