//! Heading markers (GB/T 9704-2012: `一、`, `（一）`, `1.`, `（1）`) and the
//! part titles of the national disclosure format.

use super::text::fold;

/// A marker at the start of a trimmed line: its level and byte length.
///
/// ```text
/// 一、   十二、        → 1        （一）(一)（ 一 ）  → 2
/// 1.  1．  12、       → 3        （1）(1)            → 4
/// 1.5亿元  2022年  (以下简称)  一是                → none
/// ```
pub fn marker(s: &str) -> Option<(u8, usize)> {
    // Most lines start with no marker: one character tells.
    let first = fold(s.chars().next()?);
    if first != '(' && !first.is_ascii_digit() && !is_marker_numeral(first) {
        return None;
    }
    // Markers are short: looking at the first 16 characters is enough.
    let mut buf = [(0usize, ' '); 16];
    let mut n = 0;
    for (slot, (i, c)) in buf.iter_mut().zip(s.char_indices()) {
        *slot = (i, fold(c));
        n += 1;
    }
    let chars = &buf[..n];
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let end_of = |k: usize| chars.get(k + 1).map_or(s.len(), |&(i, _)| i);
    let skip_spaces = |mut k: usize| {
        while at(k) == Some(' ') {
            k += 1;
        }
        k
    };
    let run = |k: usize, pred: fn(char) -> bool| {
        let mut j = k;
        while at(j).is_some_and(pred) {
            j += 1;
        }
        j
    };
    let first = at(0)?;
    if first == '(' {
        let k = skip_spaces(1);
        let c = at(k)?;
        let (level, j) = if c.is_ascii_digit() {
            (4, run(k, |c| c.is_ascii_digit()))
        } else if is_marker_numeral(c) {
            (2, run(k, is_marker_numeral))
        } else {
            return None;
        };
        let limit = if level == 4 { 2 } else { 3 };
        if j - k > limit {
            return None;
        }
        let close = skip_spaces(j);
        return (at(close)? == ')').then(|| (level, end_of(close)));
    }
    if first.is_ascii_digit() {
        let j = run(0, |c| c.is_ascii_digit());
        if j > 2 {
            return None;
        }
        let sep = skip_spaces(j);
        // `1.5亿元`, `2.0版`: a decimal, not a marker.
        if !matches!(at(sep)?, '.' | '、') || at(sep + 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        return Some((3, end_of(sep)));
    }
    if is_marker_numeral(first) {
        let j = run(0, is_marker_numeral);
        let sep = skip_spaces(j);
        return (j <= 3 && at(sep)? == '、').then(|| (1, end_of(sep)));
    }
    None
}

/// The numerals of heading markers (`一、` … `十二、`, `（三）`).
pub fn is_marker_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The six parts of a 政府信息公开工作年度报告 (`disclosure.md`), as their
/// headings print them.
const PART_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// The closing parts of a 法治政府建设 report, as their headings print
/// them: in a collapsed line they run straight into their first sentence
/// (`七、存在问题与不足执法制度执行力有待提升。`).
const CLOSING_TITLES: [&str; 12] = [
    "存在问题与不足",
    "存在问题和不足",
    "存在的问题与不足",
    "存在的问题和不足",
    "存在的主要问题",
    "存在的不足",
    "存在的问题",
    "下一步工作计划",
    "下一步工作打算",
    "下一步工作安排",
    "下一步工作思路",
    "下一步工作措施",
];

/// The length of the part title `s` starts with, when more text follows
/// it on the line: one of the six parts of a 信息公开 report, or a
/// closing part of a 法治 report followed by a sentence of its own (at
/// least four characters before the next stop: `存在的不足之处。` is one
/// title).
pub fn part_title(s: &str) -> Option<usize> {
    if let Some(t) = PART_TITLES
        .iter()
        .find(|t| s.starts_with(*t) && s.len() > t.len())
    {
        return Some(t.len());
    }
    CLOSING_TITLES
        .iter()
        .find(|t| {
            s.strip_prefix(*t).is_some_and(|rest| {
                let run = rest
                    .chars()
                    .take_while(|&c| super::text::is_han(c))
                    .take(4)
                    .count();
                run == 4 && rest.contains('。') && !rest.starts_with(['之', '及', '和', '与'])
            })
        })
        .map(|t| t.len())
}
