//! The phrase a figure measures, and lists (`分别…、…`) whose figures share
//! a sentence.

use super::*;

/// The phrase a figure measures. When a noun phrase follows the unit
/// (`建成1个区级公共法律服务中心`), it is that phrase, with the verb
/// before the figure when the words before are short; when the figure ends
/// its phrase, the words before it since `from` (`受理行政复议案件53宗`).
/// The time, the reporting body and the verbs and adverbs that only
/// introduce the figure are left out either way. Returns the subject and
/// where the text it used ends (char index).
pub(super) fn subject(line: &Line, from: usize, k: usize, end: usize) -> (Option<String>, usize) {
    let (lo, hi) = before_range(line, from, k);
    let before = &line.chars[lo..hi];
    let (after_start, after_end) = after_range(line, end);
    let after = &line.chars[after_start..after_end];
    let n_before = before.iter().filter(|&&c| c != '共').count();
    let none: &[char] = &[];
    // The phrase as two runs of chars, joined.
    let lasting = before.ends_with(&['连', '续']);
    let chosen: Option<(&[char], &[char])> = match after.len() {
        // `对群众反映的1889个热点难点问题`: the clause qualifies the noun.
        1.. if before.last() == Some(&'的') => Some((before, after)),
        // `义务教育入学“网上办”等80余个场景`: examples, then the noun.
        2.. if before.last() == Some(&'等') => Some((after, none)),
        // `建成1个区级公共法律服务中心`: the verb and its object.
        2.. => Some((before, after)),
        _ if n_before >= 2 && !lasting => Some((before, none)),
        1.. => Some((after, none)),
        _ if n_before > 0 && !lasting => Some((before, none)),
        // `393项实现“秒批秒办”`: name the figure by what it achieved;
        // `连续8年开展领导干部述法考核`: what went on so long.
        _ => {
            let j = clause_run(line, end, false);
            // Blanks around it are layout, not the phrase (a run of
            // them is no subject at all).
            let mut p = &line.chars[end..j];
            while let [' ', rest @ ..] = p {
                p = rest;
            }
            while let [rest @ .., ' '] = p {
                p = rest;
            }
            (p.len() >= 2).then_some((p, before))
        }
    };
    let used = if chosen.is_some_and(|(x, y)| {
        let mut phrase = x.iter().chain(y).rev();
        after_end > end
            && line.chars[after_start..after_end]
                .iter()
                .rev()
                .all(|a| phrase.next() == Some(a))
    }) {
        after_end
    } else {
        end
    };
    let mut chosen = chosen.map(|(x, y)| without_adverbs(x, y));
    // `25家党政机关均已配备法律顾问`: what the clause says of the noun
    // narrows what is counted (the bodies that have one), unless it runs
    // into the next figure.
    if used == after_end && after_end > end {
        // An aside in brackets right after the noun is passed over
        // (`25家党政机关（含四个片区）均已配备法律顾问`).
        let mut from = after_end;
        if matches!(line.at(from), '(' | '（') {
            if let Some(close) = (from + 1..(from + LOOKAHEAD).min(line.chars.len()))
                .find(|&j| matches!(line.at(j), ')' | '）'))
            {
                from = close + 1;
            }
        }
        let j = clause_run(line, from, true);
        if !(j < line.chars.len() && line.at(j).is_ascii_digit()) {
            if let Some(c) = chosen.as_mut() {
                c.extend(line.chars[from..j].iter().filter(|c| !c.is_whitespace()));
            }
        }
    }
    (chosen.filter(|s| !s.is_empty()), used)
}

/// Where the words from `from` stop: at a clause break, a digit (the next
/// figure), `LOOKAHEAD` characters on, and with `brackets` at a bracket.
fn clause_run(line: &Line, from: usize, brackets: bool) -> usize {
    let mut j = from;
    while j < line.chars.len()
        && j - from < LOOKAHEAD
        && !crate::parse::text::is_clause_break(line.at(j))
        && !line.at(j).is_ascii_digit()
        && !(brackets && matches!(line.at(j), '(' | ')' | '（' | '）'))
    {
        j += 1;
    }
    j
}

/// The phrase without the adverbs inside it that only say how the figure
/// adds up: `分别` (`警情分别下降`), and `共`/`共计` "in all"
/// (`各调解组织共排查`), not the `共` of `公共` or `共享`.
fn without_adverbs(x: &[char], y: &[char]) -> String {
    let at = |i: usize| {
        if i < x.len() {
            x[i]
        } else {
            y.get(i - x.len()).copied().unwrap_or('\n')
        }
    };
    let len = x.len() + y.len();
    let mut s = String::with_capacity(len * 3);
    let mut i = 0;
    while i < len {
        let (prev, c, next) = (if i == 0 { '\n' } else { at(i - 1) }, at(i), at(i + 1));
        if c == '分' && next == '别' {
            i += 2;
        } else if c == '共'
            && !GONG_AFTER.contains(prev)
            && is_han(next)
            && !GONG_BEFORE.contains(next)
        {
            i += if next == '计' { 2 } else { 1 };
        } else {
            s.push(c);
            i += 1;
        }
    }
    s
}

/// The noun phrase after the unit ending at `end` (char range), up to a
/// verb or a clause break: `1758个突发事件应急预案`; after `的` for a share
/// (`99.8%的群众诉求`). Empty when none follows, or when the words run
/// into the next figure (a lost comma: `93 件办理法律援助案件 186 件`: they
/// are that figure's).
fn after_range(line: &Line, end: usize) -> (usize, usize) {
    // `93%以上的行政许可事项`: a share of what follows `的`.
    let share = line.before(end) == '%'
        || (line.ends_with(end, "以上") && line.chars[end.saturating_sub(4)..end].contains(&'%'));
    let start = if line.at(end) == '的' && share {
        end + 1
    } else {
        end
    };
    let quote = |c: char| matches!(c, '“' | '”');
    if !(is_han(line.at(start)) || line.at(start) == '“') || noun_stop_at(line, start) {
        return (start, start);
    }
    let mut j = start;
    while j < line.chars.len()
        && j - start < LOOKAHEAD
        && (is_han(line.at(j)) || quote(line.at(j)))
        && !(j > start && noun_stop_at(line, j) && !(line.at(j) == '的' && j > start + 1))
    {
        j += 1;
    }
    // A `的` that ends the run joins nothing.
    let mut e = j;
    while e > start && line.chars[e - 1] == '的' {
        e -= 1;
    }
    let mut n = j;
    while line.at(n) == ' ' {
        n += 1;
    }
    // Words that run into the next figure are its own (`由15个工作日压缩
    // 至5个工作日`; a lost comma: `93 件办理法律援助案件 186 件`).
    if line.at(n).is_ascii_digit() {
        return (start, start);
    }
    (start, e)
}

/// True when a word that ends a noun phrase begins at `j`; the `共` of
/// `公共` does not.
fn noun_stop_at(line: &Line, j: usize) -> bool {
    sets().noun_stops.starting_at(line, j).is_some()
        && !(line.at(j) == '共' && GONG_AFTER.contains(line.before(j)))
        // `涉及`, `以及`, `普及`: a word, not "and".
        && !(line.at(j) == '及' && "涉以普危波顾触遍".contains(line.before(j)))
}

/// The words before the figure at `k` since `from` that can name it (char
/// range): the verbs that only introduce the figure, the clause's time,
/// body and connectives, and the marks around them left out.
fn before_range(line: &Line, from: usize, k: usize) -> (usize, usize) {
    let mut from = from.max(k.saturating_sub(LOOKBACK)).min(k);
    // Strip the verbs that only introduce the figure, then what only
    // starts the clause (on char indices: no allocation).
    let mut to = k;
    let trailers = &sets().trailers;
    loop {
        while to > from && line.chars[to - 1] == ' ' {
            to -= 1;
        }
        match trailers.ending_at(line, to).filter(|_| to > from) {
            Some(t) => to -= trailers.len_of(t),
            None => break,
        }
    }
    let keep = |c: char| is_han(c) || c.is_alphanumeric() || matches!(c, '“' | '”');
    loop {
        while from < to && !keep(line.chars[from]) {
            from += 1;
        }
        let start = from;
        // The leader at `at` (its length), if one fits before `to`; not
        // the `共` of `共享`.
        let leaders = &sets().leaders;
        let leader = |at: usize| {
            leaders.starting_at(line, at).and_then(|i| {
                let n = leaders.len_of(i);
                let word = &leaders.list[i];
                (at + n <= to && !(**word == ['共'] && GONG_BEFORE.contains(line.at(at + 1))))
                    .then_some((n, word))
            })
        };
        if let Some((n, _)) = leader(from) {
            from += n;
        } else if let Some(n) = (2..=4).find(|&n| {
            // `光明区全年受理…`: the body by name, then what opens a clause.
            from + n < to
                && matches!(line.at(from + n - 1), '区' | '市' | '县' | '省')
                && line.chars[from..from + n].iter().all(|&c| is_han(c))
                && leader(from + n).is_some_and(|(_, w)| {
                    !matches!(&**w, ['和'] | ['及'] | ['并'] | ['还'] | ['另'])
                })
        }) {
            from += n;
        } else {
            from = past_date(line, from, to);
        }
        if from == start {
            break;
        }
    }
    let mut hi = to.max(from);
    while hi > from && !keep(line.chars[hi - 1]) {
        hi -= 1;
    }
    if from < hi && matches!(line.chars[from], '对' | '将' | '把' | '从' | '向' | '由') {
        from += 1;
    }
    (from, hi)
}

/// Past a date that opens a clause (`2023年1月以来`, `2021 年度`), or
/// `from` itself when none does.
fn past_date(line: &Line, from: usize, to: usize) -> usize {
    let mut j = from;
    let mut digits = 0;
    while j < to && (line.chars[j].is_ascii_digit() || line.chars[j] == ' ') {
        digits += usize::from(line.chars[j] != ' ');
        j += 1;
    }
    if digits == 0 || digits > 4 || j >= to || !matches!(line.chars[j], '年' | '月' | '日') {
        return from;
    }
    j += 1;
    if j < to && matches!(line.chars[j], '度' | '底' | '初') {
        j += 1;
    }
    if j < to {
        j
    } else {
        from
    }
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

/// A figure right after another of its sentence measures the same thing
/// when only a change verb stands between them: the second unit of one
/// count (`办理…犯罪9件14人`), the end of a from→to pair (`时限由15个工作日
/// 压缩至5个工作日`), a change after a level (`生产总值5.2万亿元、增长5.4%`).
/// Such a figure has no subject of its own, or only the verb; it gets the
/// first one's subject, with the verb.
pub(super) fn inherit_subjects(text: &str, metrics: &mut [RawMetric]) {
    for i in 1..metrics.len() {
        let (prev, cur) = (&metrics[i - 1], &metrics[i]);
        if prev.sentence != cur.sentence || cur.start < prev.end || cur.start - prev.end > 40 {
            continue;
        }
        let Some(head) = prev.subject.as_deref() else {
            continue;
        };
        let between = &text[prev.end..cur.start];
        // The words of the first figure's phrase that follow it
        // (`62项考核指标精简为13项`) are not the verb.
        let between = (1..=head.len())
            .rev()
            .filter(|&n| head.is_char_boundary(head.len() - n))
            .find_map(|n| between.strip_prefix(&head[head.len() - n..]))
            .unwrap_or(between);
        let mut verb =
            between.trim_matches(|c: char| matches!(c, ' ' | '、' | '，' | ',' | '\u{3000}'));
        for lead in ["实际", "预计", "分别", "均"] {
            verb = verb.strip_prefix(lead).unwrap_or(verb);
        }
        for tail in ["至", "到", "为", "达", "了"] {
            verb = verb.strip_suffix(tail).unwrap_or(verb);
        }
        if verb.chars().count() > 6 || verb.chars().any(|c| !is_han(c)) {
            continue;
        }
        let own = cur.subject.as_deref().unwrap_or("");
        let is_change = CHANGE_WORDS
            .iter()
            .chain(COMPARED)
            .any(|w| verb.starts_with(w));
        let takes = if verb.is_empty() {
            own.is_empty()
        } else {
            is_change && (own.is_empty() || between.contains(own))
        };
        if takes {
            let s = format!("{head}{verb}");
            metrics[i].subject = Some(s);
        }
    }
    // `2批500类高频事项`: a figure with no words of its own right before
    // another counts what that one counts.
    for i in (0..metrics.len().saturating_sub(1)).rev() {
        if metrics[i].subject.is_none()
            && metrics[i].end == metrics[i + 1].start
            && metrics[i].sentence == metrics[i + 1].sentence
        {
            metrics[i].subject = metrics[i + 1].subject.clone();
        }
    }
    // `共收到行政复议申请103宗，不受理12宗`: a subject of a word or two
    // says what it is only with the sentence's topic, its first longer
    // subject.
    let mut topic: Option<(usize, String)> = None;
    for m in metrics.iter_mut() {
        if topic.as_ref().is_some_and(|(s, _)| *s != m.sentence) {
            topic = None;
        }
        let own = m.subject.as_deref().unwrap_or("");
        let n = own.chars().count();
        if n >= TOPIC_MIN {
            if topic.is_none() {
                topic = Some((m.sentence, own.to_string()));
            }
        } else if let Some((_, t)) = topic
            .as_ref()
            .filter(|_| n < TOPIC_MIN - 1 || status_only(own))
        {
            m.subject = Some(format!("{own}{t}"));
        }
    }
}

/// Verbs of comparison that continue a figure's subject
/// (`增长5.4%、高于全国0.4个百分点`).
const COMPARED: &[&str] = &["高于", "低于", "快于", "慢于", "超过", "超出", "领先"];

/// True when a subject of three characters is only what became of a
/// thing, not the thing (`拟修订`, `不受理`): the sentence's topic names it.
/// (Longer ones, `实际失效`, read better alone against the labels.)
fn status_only(own: &str) -> bool {
    own.chars().count() <= 3
        && ["拟", "不", "未", "已", "实际", "正式", "予以"]
            .iter()
            .any(|w| own.starts_with(w))
}

/// Subjects of at least this many characters name a figure on their own.
const TOPIC_MIN: usize = 4;

/// Splits a coordinated subject into `n` subjects that share a head noun:
/// `城镇和农村居民人均可支配收入` → `城镇居民人均可支配收入`,
/// `农村居民人均可支配收入`; `省级市级示范基地` → `省级示范基地`, `市级示范基地`.
pub(super) fn split_subjects(subject: &str, n: usize) -> Option<Vec<String>> {
    let parts: Vec<&str> = subject
        .split(['、', '和', '与', '及'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == n {
        // The head noun the last part adds to the others: what it has
        // past the length of the one before it (`刑事治安、涉诈、涉毒警情`).
        let first_len = parts[n - 2].chars().count();
        let last = parts[n - 1];
        let tail: String = last.chars().skip(first_len).collect();
        return Some(
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if i + 1 < n && !p.ends_with(tail.as_str()) {
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
