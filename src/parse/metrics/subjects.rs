//! The phrase a figure measures, and lists (`分别…、…`) whose figures share
//! a sentence.

use super::*;

/// The phrase a figure measures: the text before it since `from` (without
/// the verbs that only introduce the figure), or, when the figure comes
/// first, the noun phrase after its unit (`完成了152项重点改革任务`).
/// Returns the subject and where the text it used ends (char index).
pub(super) fn subject(line: &Line, from: usize, k: usize, end: usize) -> (Option<String>, usize) {
    let mut from = from.max(k.saturating_sub(LOOKBACK)).min(k);
    // Strip the verbs that only introduce the figure, then the connectives
    // that only start the clause (on char indices: no allocation).
    let mut to = k;
    let trailers = &sets().trailers;
    while let Some(t) = trailers.ending_at(line, to).filter(|_| to > from) {
        to -= trailers.len_of(t);
    }
    for l in SUBJECT_LEADERS {
        if from < to && line.starts_with(from, l) {
            from += l.chars().count();
        }
    }
    // Trimmed on the chars, then one string for the phrase chosen.
    let keep = |c: char| is_han(c) || c.is_alphanumeric() || matches!(c, '“' | '”');
    let mut lo = from;
    let mut hi = to.max(from);
    while lo < hi && !keep(line.chars[lo]) {
        lo += 1;
    }
    while hi > lo && !keep(line.chars[hi - 1]) {
        hi -= 1;
    }
    if lo < hi && matches!(line.chars[lo], '对' | '将' | '把' | '从' | '向' | '由') {
        lo += 1;
    }
    let before = &line.chars[lo..hi];
    // The noun after the unit, up to a verb or a clause break.
    let noun_follows = is_han(line.at(end)) && sets().noun_stops.starting_at(line, end).is_none();
    let mut after_end = end;
    let after: Option<&[char]> = noun_follows.then(|| {
        let mut j = end;
        while j < line.chars.len()
            && j - end < LOOKAHEAD
            && (is_han(line.at(j)) || matches!(line.at(j), '“' | '”'))
            && !(j > end && sets().noun_stops.starting_at(line, j).is_some())
        {
            j += 1;
        }
        after_end = j;
        &line.chars[end..j]
    });
    let n_before = before.len();
    let none: &[char] = &[];
    // The phrase as two runs of chars, joined.
    let chosen: Option<(&[char], &[char])> = match after {
        // `对群众反映的1889个热点难点问题`: the clause qualifies the noun.
        Some(a) if before.last() == Some(&'的') && !a.is_empty() => Some((before, a)),
        // `义务教育入学“网上办”等80余个场景`: examples, then the noun.
        Some(a) if before.last() == Some(&'等') && a.len() >= 2 => Some((a, none)),
        Some(a) if a.len() >= 2 && n_before <= 2 => Some((a, none)),
        _ if n_before >= 2 => Some((before, none)),
        Some(a) if !a.is_empty() => Some((a, none)),
        _ if n_before > 0 => Some((before, none)),
        // `393项实现“秒批秒办”`: name the figure by what it achieved.
        _ => {
            let mut j = end;
            while j < line.chars.len()
                && j - end < LOOKAHEAD
                && !crate::parse::text::is_clause_break(line.at(j))
            {
                j += 1;
            }
            // Blanks around it are layout, not the phrase (a run of
            // them is no subject at all).
            let mut p = &line.chars[end..j];
            while let [' ', rest @ ..] = p {
                p = rest;
            }
            while let [rest @ .., ' '] = p {
                p = rest;
            }
            (p.len() >= 2).then_some((p, none))
        }
    };
    let used = if chosen.is_some_and(|(x, y)| {
        let mut phrase = x.iter().chain(y).rev();
        after_end > end
            && line.chars[end..after_end]
                .iter()
                .rev()
                .all(|a| phrase.next() == Some(a))
    }) {
        after_end
    } else {
        end
    };
    let chosen = chosen.map(|(x, y)| {
        let mut s = String::with_capacity((x.len() + y.len()) * 3);
        s.extend(x.iter().chain(y));
        s
    });
    (chosen, used)
}

/// Lists of figures joined by `、`, `和`, `与`, `及`: a unit written once
/// applies to the figures before it (`1409万、1305万人次`); a qualifier or
/// change verb before the first applies to the rest (`分别超98.5%和99%`,
/// `分别下降3.6%和1.3%`); `分别` pairs each figure with its own subject
/// (`省级市级示范基地分别达到29处、353处`).
pub(super) fn resolve_lists(text: &str, metrics: &mut [RawMetric]) {
    let joined = |a: &RawMetric, b: &RawMetric| {
        let between = &text[a.end..b.start];
        // One or two of these three-byte characters, and nothing else.
        (3..=6).contains(&between.len())
            && between
                .chars()
                .all(|c| matches!(c, '、' | '和' | '与' | '及'))
    };
    // Shared units, back to front.
    for i in (0..metrics.len().saturating_sub(1)).rev() {
        if metrics[i].unit.is_none()
            && joined(&metrics[i], &metrics[i + 1])
            && metrics[i + 1].unit.is_some()
        {
            metrics[i].unit = metrics[i + 1].unit;
            metrics[i].kind = metrics[i + 1].kind;
        }
    }
    // Qualifiers, change marks and subjects, front to back.
    let mut i = 0;
    while i < metrics.len() {
        let mut j = i;
        while j + 1 < metrics.len() && joined(&metrics[j], &metrics[j + 1]) {
            j += 1;
        }
        if j > i {
            let head_q = metrics[i].qualifier;
            let head_prefix = &text[metrics[i].clause..metrics[i].start];
            for m in &mut metrics[i + 1..=j] {
                if m.qualifier == Qualifier::Exact
                    && matches!(
                        head_q,
                        Qualifier::Over | Qualifier::AtLeast | Qualifier::Nearly
                    )
                {
                    m.qualifier = head_q;
                }
            }
            let head_change = metrics[i].change;
            let head_kind = metrics[i].kind;
            for m in &mut metrics[i + 1..=j] {
                if head_change && m.kind == head_kind {
                    m.change = true;
                }
            }
            if crate::parse::text::contains(head_prefix, "分别") {
                let subjects =
                    split_subjects(metrics[i].subject.as_deref().unwrap_or(""), j - i + 1);
                if let Some(subjects) = subjects {
                    for (m, s) in metrics[i..=j].iter_mut().zip(subjects) {
                        m.subject = Some(s);
                    }
                }
            } else {
                // A figure that follows a list separator has the head's
                // subject when its own clause gives none.
                let head_subject = metrics[i].subject.clone();
                for m in &mut metrics[i + 1..=j] {
                    if m.subject.as_deref().is_none_or(|s| s.chars().count() < 2) {
                        m.subject = head_subject.clone();
                    }
                }
            }
        }
        i = j + 1;
    }
    // `平均压减时间58%、材料52%`: a share after `、` and a short new subject
    // continues the change of the share before it.
    for i in 1..metrics.len() {
        let (prev, cur) = (&metrics[i - 1], &metrics[i]);
        if prev.change
            && !cur.change
            && cur.unit == prev.unit
            && cur.kind == MetricKind::Percent
            && cur.start >= prev.end
        {
            let between = &text[prev.end..cur.start];
            // `、` and one to four ideographs (at most 4 bytes each).
            if between.starts_with('、')
                && between.len() <= 20
                && (2..=5).contains(&between.chars().count())
                && between.chars().skip(1).all(is_han)
            {
                metrics[i].change = true;
            }
        }
    }
}

/// Splits a coordinated subject into `n` subjects that share a head noun:
/// `城镇和农村居民人均可支配收入` → `城镇居民人均可支配收入`,
/// `农村居民人均可支配收入`; `省级市级示范基地` → `省级示范基地`, `市级示范基地`.
pub(super) fn split_subjects(subject: &str, n: usize) -> Option<Vec<String>> {
    let parts: Vec<&str> = subject
        .split(['、', '和', '与', '及'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == n {
        let first_len = parts[0].chars().count();
        let last = parts[n - 1];
        let tail: String = last.chars().skip(first_len).collect();
        return Some(
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if i + 1 < n && p.chars().count() == first_len {
                        format!("{p}{tail}")
                    } else {
                        p.to_string()
                    }
                })
                .collect(),
        );
    }
    // Adjacent two-character modifiers with the same last character:
    // 省级市级示范基地.
    let chars: Vec<char> = subject.chars().collect();
    for s in 0..chars.len() {
        if s + 2 * n > chars.len() {
            break;
        }
        let ok = (1..n).all(|m| chars[s + 2 * m + 1] == chars[s + 1]);
        if ok && chars[s + 1] != chars[s] {
            let head: String = chars[..s].iter().collect();
            let tail: String = chars[s + 2 * n..].iter().collect();
            return Some(
                (0..n)
                    .map(|m| format!("{head}{}{}{tail}", chars[s + 2 * m], chars[s + 2 * m + 1]))
                    .collect(),
            );
        }
    }
    None
}
