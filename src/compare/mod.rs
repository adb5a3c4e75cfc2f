//! **compare**: two reports, older and newer → [`Comparison`]. Sections
//! aligned, figures paired, table cells side by side with the checks across
//! years of `disclosure.md`, and the newer report's text found in the older
//! ([`reuse`]). Pure Rust, linear in the reports' length apart from the
//! alignment of headings (a few hundred at most).

mod reuse;

use crate::parse::checks::{disclosure, parts};
use crate::parse::text::{fold, TextIndex};
use crate::{format_number, parse_with, ParseOptions};
use crate::{
    CellPair, Check, CheckStatus, Comparison, FigurePair, Lang, Metric, Report, Section,
    SectionPair, SectionStatus, Side, Unpaired,
};

/// Compares two reports, each with the text its spans index (for a
/// document, [`Report::text`]).
///
/// ```
/// let older = "某区2023年法治政府建设年度报告\n一、主要举措和成效\n审结行政复议案件120件。全面推行行政执法三项制度。\n";
/// let newer = "某区2024年法治政府建设年度报告\n一、主要举措和成效\n审结行政复议案件150件。全面推行行政执法三项制度。\n";
/// let c = govreport::compare_texts(older, newer, &Default::default());
/// assert_eq!(c.pairs[0].difference, 30.0);
/// // Every line is found: the heading and one sentence word for word, the
/// // title and the other sentence with their figures changed.
/// let verbatim: Vec<bool> = c.reuse.spans.iter().map(|s| s.verbatim).collect();
/// assert_eq!(verbatim, [false, true, false, true]);
/// assert_eq!(c.reuse.share, 1.0);
/// ```
pub fn compare(
    older: &Report,
    older_text: &str,
    newer: &Report,
    newer_text: &str,
    lang: Lang,
) -> Comparison {
    // One index of each text serves every part.
    let (oi, ni) = (TextIndex::new(older_text), TextIndex::new(newer_text));
    let (pairs, unpaired) = pair_figures(&older.metrics, &oi, &newer.metrics, &ni);
    Comparison {
        older: side(older),
        newer: side(newer),
        sections: align(older, &oi, newer, &ni),
        pairs,
        unpaired,
        cells: cells(older, newer),
        checks: cross_year(older, newer, lang),
        reuse: reuse::reuse((older_text, &oi), (newer_text, &ni), newer),
    }
}

/// [`compare`] of two texts, parsed with `options`.
pub fn compare_texts(older: &str, newer: &str, options: &ParseOptions) -> Comparison {
    let (a, b) = (parse_with(older, options), parse_with(newer, options));
    compare(&a, older, &b, newer, options.lang)
}

fn side(r: &Report) -> Side {
    Side {
        title: r.title.clone(),
        year: r.year,
        publisher: r.meta.publisher.clone(),
    }
}

/// A heading's role: a part of the national format (信息公开) or of an
/// annual report on law-based government, when it names one.
fn role(s: &Section) -> Option<&'static str> {
    if s.level != 1 {
        return None;
    }
    disclosure::PARTS
        .iter()
        .find(|(_, words, _)| words.iter().any(|w| s.title.contains(w)))
        .map(|(id, _, _)| *id)
        .or_else(|| parts::role(&s.title))
}

/// Characters without blanks, folded.
fn key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).map(fold).collect()
}

/// A title's character bigrams, sorted (blanks removed, widths folded).
fn bigrams(title: &str) -> Vec<(char, char)> {
    let c: Vec<char> = key(title).chars().collect();
    let mut g: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
    g.sort_unstable();
    g
}

/// Dice coefficient of two titles' sorted bigrams (a merge, linear).
fn similarity(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * both as f64 / (a.len() + b.len()) as f64
}

/// Offers candidate pairs `(score, older, newer)` to `take`, the most
/// alike first, ties by position (the sum of the two indices, then their
/// distance, then the smaller), so that swapping the reports swaps the
/// pairs taken. `take` keeps a pair when both ends are still free.
fn best_first(mut candidates: Vec<(f64, usize, usize)>, mut take: impl FnMut(usize, usize)) {
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1 + x.2).cmp(&(y.1 + y.2)))
            .then(x.1.abs_diff(x.2).cmp(&y.1.abs_diff(y.2)))
            .then(x.1.min(x.2).cmp(&y.1.min(y.2)))
    });
    for (_, i, j) in candidates {
        take(i, j);
    }
}

/// Sections aligned: by role first, then by title (the most similar of the
/// same level, at least half alike), each at most once; then the rest of
/// either side as removed or added, in document order.
fn align(older: &Report, ia: &TextIndex, newer: &Report, ib: &TextIndex) -> Vec<SectionPair> {
    let a: Vec<&Section> = older.all_sections().collect();
    let b: Vec<&Section> = newer.all_sections().collect();
    let body = |s: &Section, text: &TextIndex| key(text.slice(s.body_span).unwrap_or(""));
    let mut partner: Vec<Option<usize>> = vec![None; b.len()];
    let mut taken = vec![false; a.len()];
    for (j, s) in b.iter().enumerate() {
        if let Some(r) = role(s) {
            if let Some(i) = (0..a.len()).find(|&i| !taken[i] && role(a[i]) == Some(r)) {
                taken[i] = true;
                partner[j] = Some(i);
            }
        }
    }
    // Then titles: every candidate pair of one level at least half alike,
    // the most alike first (ties by position), so that swapping the
    // reports swaps the pairs. Past a few thousand headings, equal titles
    // only (hashing), to stay linear.
    const MANY: usize = 2000;
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    if a.len() <= MANY && b.len() <= MANY {
        let ga: Vec<Vec<(char, char)>> = a.iter().map(|s| bigrams(&s.title)).collect();
        let gb: Vec<Vec<(char, char)>> = b.iter().map(|s| bigrams(&s.title)).collect();
        for (j, s) in b.iter().enumerate() {
            if partner[j].is_some() {
                continue;
            }
            for (i, o) in a.iter().enumerate() {
                if !taken[i] && o.level == s.level {
                    let sim = similarity(&ga[i], &gb[j]);
                    if sim >= 0.5 {
                        candidates.push((sim, i, j));
                    }
                }
            }
        }
    } else {
        let mut titles: std::collections::HashMap<(u8, String), Vec<usize>> =
            std::collections::HashMap::new();
        for (i, o) in a.iter().enumerate() {
            if !taken[i] {
                titles.entry((o.level, key(&o.title))).or_default().push(i);
            }
        }
        for (j, s) in b.iter().enumerate() {
            if partner[j].is_none() {
                for &i in titles
                    .get(&(s.level, key(&s.title)))
                    .into_iter()
                    .flatten()
                    .take(8)
                {
                    candidates.push((1.0, i, j));
                }
            }
        }
    }
    best_first(candidates, |i, j| {
        if !taken[i] && partner[j].is_none() {
            taken[i] = true;
            partner[j] = Some(i);
        }
    });
    let mut out = Vec::new();
    for (j, s) in b.iter().enumerate() {
        match partner[j] {
            Some(i) => {
                let same = key(&a[i].title) == key(&s.title) && body(a[i], ia) == body(s, ib);
                out.push(SectionPair {
                    older: Some(a[i].id.clone()),
                    newer: Some(s.id.clone()),
                    status: if same {
                        SectionStatus::Same
                    } else {
                        SectionStatus::Changed
                    },
                });
            }
            None => out.push(SectionPair {
                older: None,
                newer: Some(s.id.clone()),
                status: SectionStatus::Added,
            }),
        }
    }
    for (i, s) in a.iter().enumerate() {
        if !taken[i] {
            out.push(SectionPair {
                older: Some(s.id.clone()),
                newer: None,
                status: SectionStatus::Removed,
            });
        }
    }
    out
}

/// Up to `n` UTF-16 units of text after a figure (one fewer where the
/// last would split a character).
fn after<'t>(text: &TextIndex<'t>, m: &Metric, n: u32) -> &'t str {
    let end = m.span.end.saturating_add(n).min(text.len_utf16());
    text.slice(crate::Span::new(m.span.end, end))
        .or_else(|| text.slice(crate::Span::new(m.span.end, end.saturating_sub(1))))
        .unwrap_or("")
}

/// Two levels that can be one quantity a year apart: within a factor of
/// 20 of each other (a count of 2 against one of 237 is a part against the
/// whole, not the same thing grown). Changes and percentages may differ
/// by more.
fn plausible(a: &Metric, b: &Metric) -> bool {
    if a.change || a.kind != crate::MetricKind::Count {
        return true;
    }
    let (x, y) = (a.value.abs(), b.value.abs());
    if x == 0.0 || y == 0.0 {
        return x == y || x.max(y) <= 20.0;
    }
    x.max(y) / x.min(y) <= 20.0
}

/// Most figures of one kind a figure is compared with (a report of a
/// million figures with one indicator stays linear).
const MAX_PER_FIGURE: usize = 256;
/// Most pairs of figures whose subjects are compared one by one; past it,
/// equal subjects only, by hashing.
const MAX_PAIRS_COMPARED: usize = 4_000_000;

/// The words just before a figure (up to 12 characters, back to its
/// sentence's start), as a key: a figure in a sentence carried over from
/// the older report, its number changed, has the same.
fn context(text: &TextIndex, m: &Metric) -> Option<String> {
    let before = text
        .slice(crate::Span::new(
            m.span.start.saturating_sub(24),
            m.span.start,
        ))
        .or_else(|| {
            text.slice(crate::Span::new(
                m.span.start.saturating_sub(23),
                m.span.start,
            ))
        })?;
    let tail: String = before
        .chars()
        .rev()
        .take_while(|c| !matches!(c, '。' | '！' | '？' | '；' | '\n'))
        .filter(|c| !c.is_whitespace())
        .take(12)
        .map(|c| if c.is_ascii_digit() { '0' } else { fold(c) })
        .collect();
    (tail.chars().count() >= 4).then_some(tail)
}

/// Figures paired: the same indicator with alike words around them, else
/// alike subjects, else the same words before them, else the same words
/// around them; always the same unit, kind and change. Each stage pairs
/// best first (ties by position), so swapping the reports swaps every
/// pair.
fn pair_figures(
    older: &[Metric],
    older_text: &TextIndex,
    newer: &[Metric],
    newer_text: &TextIndex,
) -> (Vec<FigurePair>, Unpaired) {
    let mut used = vec![false; older.len()];
    let mut paired = vec![None; newer.len()];
    let compatible =
        |a: &Metric, b: &Metric| a.unit == b.unit && a.change == b.change && a.kind == b.kind;
    // The words around each figure (before it in its sentence, and just
    // after: the counted noun), as sorted bigrams.
    let words = |text: &TextIndex, m: &Metric| {
        let after = after(text, m, 8);
        let mut k = context(text, m).unwrap_or_default();
        k.push('|');
        k.extend(
            after
                .chars()
                .take_while(|c| !matches!(c, '。' | '，' | '\n'))
                .filter(|c| !c.is_ascii_digit()),
        );
        bigrams(&k)
    };
    let wa: Vec<_> = older.iter().map(|m| words(older_text, m)).collect();
    let wb: Vec<_> = newer.iter().map(|m| words(newer_text, m)).collect();
    // 1. The same canonical indicator, the words around alike enough.
    let mut by_indicator: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (j, m) in newer.iter().enumerate() {
        if let Some(ind) = &m.indicator {
            by_indicator.entry(ind.as_ref()).or_default().push(j);
        }
    }
    let mut cands = Vec::new();
    for (i, m) in older.iter().enumerate() {
        let Some(list) = m.indicator.as_deref().and_then(|ind| by_indicator.get(ind)) else {
            continue;
        };
        for &j in list.iter().take(MAX_PER_FIGURE) {
            if compatible(m, &newer[j]) && plausible(m, &newer[j]) {
                let score = similarity(&wa[i], &wb[j]);
                if score >= 0.3 {
                    cands.push((score, i, j));
                }
            }
        }
    }
    best_first(cands, |i, j| {
        if !used[i] && paired[j].is_none() {
            used[i] = true;
            paired[j] = Some((i, true));
        }
    });
    // 2. Subjects alike (at least 0.6), each against the figures of the
    // other report of its unit; past a bound, equal subjects only.
    let subject = |m: &Metric| m.subject.as_deref().map(bigrams).filter(|g| !g.is_empty());
    let (sa, sb): (Vec<_>, Vec<_>) = (
        older.iter().map(subject).collect(),
        newer.iter().map(subject).collect(),
    );
    let mut cands = Vec::new();
    if older.len().saturating_mul(newer.len()) <= MAX_PAIRS_COMPARED {
        // Each older figure against the newer ones of its unit, kind and
        // change only.
        let mut by_kind: std::collections::HashMap<(Option<&str>, bool, usize), Vec<usize>> =
            std::collections::HashMap::new();
        for (j, m) in newer.iter().enumerate() {
            if paired[j].is_none() && sb[j].is_some() {
                by_kind
                    .entry((m.unit.as_deref(), m.change, m.kind.index()))
                    .or_default()
                    .push(j);
            }
        }
        for (i, o) in older.iter().enumerate() {
            let Some(x) = &sa[i] else { continue };
            if used[i] {
                continue;
            }
            let Some(list) = by_kind.get(&(o.unit.as_deref(), o.change, o.kind.index())) else {
                continue;
            };
            for &j in list {
                let m = &newer[j];
                if !compatible(o, m) || !plausible(o, m) {
                    continue;
                }
                if let Some(y) = &sb[j] {
                    let score = similarity(x, y);
                    if score >= 0.6 {
                        cands.push((score, i, j));
                    }
                }
            }
        }
    } else {
        let mut by_subject: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, m) in older.iter().enumerate() {
            if let Some(s) = m
                .subject
                .as_deref()
                .map(key)
                .filter(|s| s.chars().count() >= 2)
            {
                by_subject.entry(s).or_default().push(i);
            }
        }
        for (j, m) in newer.iter().enumerate() {
            let Some(list) = m
                .subject
                .as_deref()
                .map(key)
                .and_then(|s| by_subject.get(&s))
            else {
                continue;
            };
            for &i in list.iter().take(MAX_PER_FIGURE) {
                if !used[i] && compatible(&older[i], m) {
                    cands.push((1.0, i, j));
                }
            }
        }
    }
    best_first(cands, |i, j| {
        if !used[i] && paired[j].is_none() {
            used[i] = true;
            paired[j] = Some((i, false));
        }
    });
    let mut by_context: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, m) in older.iter().enumerate() {
        if !used[i] {
            if let Some(k) = context(older_text, m) {
                by_context.entry(k).or_default().push(i);
            }
        }
    }
    for (j, m) in newer.iter().enumerate() {
        if paired[j].is_some() {
            continue;
        }
        let Some(list) = context(newer_text, m).and_then(|k| by_context.get(&k)) else {
            continue;
        };
        if let Some(&i) = list.iter().find(|&&i| !used[i] && compatible(&older[i], m)) {
            used[i] = true;
            paired[j] = Some((i, false));
        }
    }
    // Last, the same words around it at all (a figure at a line's start,
    // a figure with no subject): what remains, k-th with k-th.
    let around = |text: &TextIndex, m: &Metric| -> String {
        let after = after(text, m, 6);
        let mut k = context(text, m).unwrap_or_default();
        k.push('|');
        k.extend(
            after
                .chars()
                .take_while(|c| !matches!(c, '。' | '\n'))
                .map(fold),
        );
        k
    };
    let mut by_around: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, m) in older.iter().enumerate() {
        if !used[i] {
            by_around.entry(around(older_text, m)).or_default().push(i);
        }
    }
    for (j, m) in newer.iter().enumerate() {
        if paired[j].is_some() {
            continue;
        }
        let Some(list) = by_around.get(&around(newer_text, m)) else {
            continue;
        };
        if let Some(&i) = list.iter().find(|&&i| !used[i] && compatible(&older[i], m)) {
            used[i] = true;
            paired[j] = Some((i, false));
        }
    }
    let mut pairs = Vec::new();
    let mut unpaired = Unpaired::default();
    for (j, m) in newer.iter().enumerate() {
        match paired[j] {
            Some((i, by_indicator)) => {
                let o = &older[i];
                pairs.push(FigurePair {
                    indicator: if by_indicator {
                        m.indicator.as_deref().map(str::to_string)
                    } else {
                        None
                    },
                    subject: m.subject.clone(),
                    unit: m.unit.as_deref().map(str::to_string),
                    older: o.id.clone(),
                    newer: m.id.clone(),
                    older_value: o.value,
                    newer_value: m.value,
                    difference: m.value - o.value,
                    ratio: (o.value != 0.0).then(|| m.value / o.value),
                });
            }
            None => unpaired.newer.push(m.id.clone()),
        }
    }
    unpaired.older = older
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(m, _)| m.id.clone())
        .collect();
    (pairs, unpaired)
}

fn cell_values(r: &Report) -> Vec<(&str, f64)> {
    r.tables
        .iter()
        .flat_map(|t| &t.cells)
        .map(|c| (c.id.as_str(), c.value))
        .collect()
}

/// The value of cell `id` in a report's `cell_values`.
fn value_in(list: &[(&str, f64)], id: &str) -> Option<f64> {
    list.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

/// Every cell of either report, the newer's order first.
fn cells(older: &Report, newer: &Report) -> Vec<CellPair> {
    let (a, b) = (cell_values(older), cell_values(newer));
    let mut out: Vec<CellPair> = b
        .iter()
        .map(|&(id, v)| {
            let o = value_in(&a, id);
            CellPair {
                id: id.to_string(),
                older: o,
                newer: Some(v),
                difference: o.map(|o| v - o),
            }
        })
        .collect();
    for &(id, v) in &a {
        if value_in(&b, id).is_none() {
            out.push(CellPair {
                id: id.to_string(),
                older: Some(v),
                newer: None,
                difference: None,
            });
        }
    }
    out
}

/// The checks across years: 上年结转 this year = 结转下年度 last year, per
/// column; 现行有效 this year = last year's + 制发 − 废止 (规章, 规范性文件).
/// Only for consecutive years (or years unknown).
fn cross_year(older: &Report, newer: &Report, lang: Lang) -> Vec<Check> {
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (older.year, newer.year) {
        if b != a + 1 {
            return out;
        }
    }
    let (a, b) = (cell_values(older), cell_values(newer));
    let mut push = |id: String,
                    lhs: f64,
                    rhs: f64,
                    key: &'static str,
                    args: Vec<String>,
                    cells: Vec<String>| {
        let holds = (lhs - rhs).abs() < 1e-6;
        let mut message = lang.say(crate::i18n::Msg::Key(key, args));
        message.push_str(&lang.say(crate::i18n::Msg::Key(
            if holds {
                "check.arith.holds"
            } else {
                "check.arith.differs"
            },
            vec![],
        )));
        out.push(Check {
            id,
            status: if holds {
                CheckStatus::Pass
            } else {
                CheckStatus::Fail
            },
            message,
            metrics: vec![],
            section: None,
            cells,
        });
    };
    for c in crate::parse::tables::layout::REQUEST_COLUMNS {
        let (this, last) = (
            format!("requests.carried_in.{c}"),
            format!("requests.carried_out.{c}"),
        );
        if let (Some(x), Some(y)) = (value_in(&b, &this), value_in(&a, &last)) {
            push(
                format!("cross_year.requests.carried.{c}"),
                x,
                y,
                "check.cross_year.carried",
                vec![c.to_string(), format_number(x), format_number(y)],
                vec![format!("newer.{this}"), format!("older.{last}")],
            );
        }
    }
    for row in ["rules", "normative"] {
        let id = |r: &str, c: &str| format!("active.{r}.{c}");
        let (now, before) = (
            value_in(&b, &id(row, "in_force")),
            value_in(&a, &id(row, "in_force")),
        );
        let (issued, repealed) = (
            value_in(&b, &id(row, "issued")),
            value_in(&b, &id(row, "repealed")),
        );
        if let (Some(now), Some(before), Some(i), Some(r)) = (now, before, issued, repealed) {
            push(
                format!("cross_year.active.in_force.{row}"),
                now,
                before + i - r,
                "check.cross_year.in_force",
                vec![
                    row.to_string(),
                    format_number(now),
                    format_number(before),
                    format_number(i),
                    format_number(r),
                ],
                vec![
                    format!("newer.{}", id(row, "in_force")),
                    format!("older.{}", id(row, "in_force")),
                    format!("newer.{}", id(row, "issued")),
                    format!("newer.{}", id(row, "repealed")),
                ],
            );
        }
    }
    out
}
