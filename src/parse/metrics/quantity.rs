//! One quantity at a number: its magnitude, unit, qualifiers, whether it
//! is a change, and the exclusions (years, ordinals, names).

use super::*;

/// Reads the quantity whose number starts at char `k`, returning it and
/// the char index to continue from.
pub(super) fn quantity_at(line: &Line, k: usize) -> Option<(RawMetric, usize)> {
    let prev = line.before(k);
    // The character before, past blanks (`第 3 条`).
    let mut solid = k;
    while solid > 0 && line.before(solid) == ' ' && k - solid < 3 {
        solid -= 1;
    }
    if solid < k && matches!(line.before(solid), '第' | '每') {
        return None;
    }
    // Inside an identifier or a code (`PM2.5`, `G20`), after an ordinal or a
    // denominator (`第三名`, `每万人`), or continuing a date or phone number
    // (`2022-02-23`).
    if prev.is_ascii_alphabetic() || matches!(prev, '第' | '每' | '_' | '#') {
        return None;
    }
    if matches!(prev, '-' | '/' | ':' | '.' | '~') && k >= 2 && digit(line.before(k - 1)).is_some()
    {
        return None;
    }
    if sets().fixed.starting_at(line, k).is_some() {
        return None;
    }
    let (prefix_q, prefix_in_text, prefix_len) = prefix_qualifier(line, k);
    let c = line.at(k);

    // 翻番, 翻一番, 翻两番: a change of one or more doublings.
    if c == '翻' {
        let mut j = k + 1;
        if line.at(j) == '了' {
            j += 1;
        }
        let times = match line.at(j) {
            '番' => Some(1.0),
            d => cjk_digit(d).filter(|_| line.at(j + 1) == '番').map(|v| {
                j += 1;
                f64::from(v)
            }),
        }?;
        let end = j + 1;
        let metric = raw(
            line,
            k,
            end,
            times,
            None,
            Some("番"),
            MetricKind::Other,
            Qualifier::Exact,
            true,
        );
        return Some((metric, end));
    }

    let number = if digit(c).is_some() {
        arabic_at(line, k)?
    } else {
        cjk_number(line, k, prefix_q.is_some())?
    };
    let mut j = number.end;

    // Fractions: 三分之一, 百分之九十五.
    if number.cjk && line.starts_with(j, "分之") {
        let den = number.value;
        let num = cjk_at(line, j + 2).filter(|n| n.end > j + 2)?;
        if den <= 0.0 {
            return None;
        }
        let value = (num.value / den * 100.0 * 100.0).round() / 100.0;
        let end = num.end;
        let (q, end) = suffix_qualifier(line, end, prefix_q);
        let metric = raw(
            line,
            k,
            end,
            value,
            None,
            Some("%"),
            MetricKind::Percent,
            q,
            false,
        );
        return Some((metric, end));
    }

    // Ranges: 3至5个, 1-2部, 3～5.
    let mut upper = None;
    if matches!(line.at(j), '至' | '到' | '-' | '~' | '～' | '—' | '－') && !number.yearlike {
        let second = if number.cjk {
            cjk_at(line, j + 1)
        } else {
            arabic_at(line, j + 1)
        };
        if let Some(second) = second.filter(|s| s.end > j + 1 && s.value > number.value) {
            if unit_at(&line.chars[second.end.min(line.chars.len())..]).is_some()
                || line.at(second.end) == '%'
            {
                upper = Some(second.value);
                j = second.end;
            }
        }
    }

    // Blanks between an Arabic number and its qualifier or unit (`62 人`,
    // `470 余人次`, `96.25 %`: text converted from PDF, or typed so):
    // skipped when one of those follows them.
    if !number.cjk && line.at(j) == ' ' {
        let mut b = j;
        while line.at(b) == ' ' && b < j + 3 {
            b += 1;
        }
        if matches!(line.at(b), '余' | '多' | '%')
            || unit_at(&line.chars[b.min(line.chars.len())..]).is_some()
        {
            j = b;
        }
    }

    // Approximation between the number and its unit: 2.4万余人次, 1000多个.
    let mut q = prefix_q.unwrap_or_default();
    if matches!(line.at(j), '余' | '多') {
        q = Qualifier::Over;
        j += 1;
    }
    if line.at(j) == '几' {
        return None; // 十几个: too vague to state a value
    }

    let unit = unit_at(&line.chars[j.min(line.chars.len())..]);
    let (unit, unit_end) = match unit {
        Some(u) if unit_allowed(line, k, j, u, &number) => (Some(u), j + usize::from(u.chars)),
        Some(_) => return None,
        None => {
            // A figure with 万/亿 and no unit word is still a quantity
            // (`使用人次已达508万`), unless a word follows it (`百万英才`).
            let after = line.at(j);
            let boundary = !is_han(after)
                || matches!(after, '和' | '与' | '及' | '、')
                || is_cjk_numeral(after);
            if !(number.multiplied && boundary && !number.magnitude_only)
                && !(number.multiplied && number.magnitude_only && prefix_q.is_some() && boundary)
            {
                return None;
            }
            (None, j)
        }
    };
    if number.magnitude_only && number.cjk && !(number.value == 10.0 || magnitude_verb(line, k)) {
        return None;
    }
    // A lone 一 is the article "a/one" in running text (一批, 一系列),
    // unless a bound makes it a count (`每年至少举办一期`).
    if number.cjk
        && number.value == 1.0
        && line.chars[k..number.end].len() == 1
        && q != Qualifier::AtLeast
        && !only_before(line, k)
    {
        return None;
    }
    // A window or threshold: 50米内, 3年内.
    if line.at(unit_end) == '内' {
        return None;
    }
    let (q2, end) = suffix_qualifier(line, unit_end, Some(q));
    let q = q2;
    // Class thresholds: 万亿级, 亿元以上项目, 超千万人次的机场, 超千亿元县.
    let next = line.at(end);
    if next == '级' {
        return None;
    }
    if number.magnitude_only
        && number.value != 10.0
        && is_han(next)
        && !matches!(next, '和' | '与' | '及' | '、')
    {
        return None;
    }
    // 海拔5000米以上乡镇, 亿元以上项目: an amount or a measure with a bound,
    // followed by the noun it classifies. (Counts and shares quantify the
    // noun instead: 50%以上号源, 10家以上企业.)
    if matches!(q, Qualifier::AtLeast | Qualifier::AtMost)
        && matches!(
            unit.map(|u| u.kind),
            Some(MetricKind::Money | MetricKind::Other)
        )
        && end >= 2
        && matches!(
            (line.before(end - 1), line.before(end)),
            ('以', '上' | '下')
        )
        && (is_han(next) && !matches!(next, '和' | '与' | '及' | '、'))
    {
        return None;
    }
    if prefix_q == Some(Qualifier::Over) && next == '的' {
        return None;
    }
    // A rank: 前10名, 排名前1%; but 提前两周 is a duration.
    if line.ends_with(k, "前") && !line.ends_with(k, "提前") {
        return None;
    }

    let kind = unit.map_or(MetricKind::Other, |u| u.kind);
    let start = if prefix_in_text { k - prefix_len } else { k };
    let change = is_change(line, start, k, kind, prefix_len, prefix_in_text);
    let mut metric = raw(
        line,
        start,
        end,
        number.value,
        upper,
        unit.map(|u| u.base),
        kind,
        q,
        change,
    );
    if unit.is_none() {
        metric.kind = MetricKind::Other;
    }
    Some((metric, end))
}

/// A Chinese number at `k`, including a bare 万/亿 after a qualifier verb
/// (`超万亿元`).
pub(super) fn cjk_number(line: &Line, k: usize, has_prefix: bool) -> Option<Number> {
    let c = line.at(k);
    if matches!(c, '万' | '亿') && !has_prefix {
        return None;
    }
    cjk_at(line, k).filter(|n| n.end > k)
}

pub(super) fn magnitude_verb(line: &Line, k: usize) -> bool {
    sets().magnitude.ending_at(line, k).is_some()
}

/// Unit guards (see [`Guard`]).
pub(super) fn unit_allowed(line: &Line, k: usize, j: usize, unit: &Unit, number: &Number) -> bool {
    let after = j + usize::from(unit.chars);
    match unit.guard {
        Guard::None => true,
        Guard::AfterLianxu => line.ends_with(k, "连续") && !number.yearlike,
        Guard::OrdinalWithCjk => {
            // 二十余期 (an approximate count) is no ordinal.
            !number.cjk
                || matches!(line.before(j), '余' | '多')
                || line.at(k) == '两'
                || line.ends_with(k, "连续")
                || line.ends_with(k, "共")
                // `每年至少举办一期`: a bound counts.
                || prefix_qualifier(line, k).0 == Some(Qualifier::AtLeast)
        }
        Guard::NotBeforeMeeting => ![
            "全会",
            "会议",
            "全体会议",
            "党代会",
            "代表大会",
            "人大",
            "常委会",
            "产业",
        ]
        .iter()
        .any(|w| line.starts_with(after, w)),
        Guard::NotBeforeNian => line.at(after) != '年',
        Guard::NotRoundTheClock => number.value != 24.0 || line.at(after) == '内',
        Guard::NotClassName => {
            number.value > 3.0 || !matches!(line.before(k), '个' | '种' | '款' | '项' | '级')
        }
        Guard::NotBumen => !matches!(line.at(after), '门' | '分' | '署' | '委' | '长'),
    }
}

/// The qualifier word right before char `k`, whether it belongs to the
/// surface form, and its length in chars.
pub(super) fn prefix_qualifier(line: &Line, k: usize) -> (Option<Qualifier>, bool, usize) {
    // Allow one 了 between verb and number (`突破了47万次`).
    let at = if line.before(k) == '了' { k - 1 } else { k };
    // The table in order, longest words first (the index by last
    // character rejects most positions, which have no qualifier, at once).
    let prefix = &sets().prefix;
    for i in prefix.ending_at_all(line, at) {
        let (word, q, in_text) = PREFIX_QUALIFIERS[i];
        // `最近`, `附近`, `临近` are not `近`; `大约` is handled above.
        if word == "近" && matches!(line.before(at - 1), '最' | '附' | '临' | '接' | '将' | '靠')
        {
            continue;
        }
        let in_text = in_text && at == k;
        return (Some(q), in_text, prefix.len_of(i));
    }
    // `至少` before the verb that the number follows (`每年至少举办两期`):
    // one or two Chinese characters between, neither a numeral.
    for verb in 1..=2 {
        let word = (1..=verb).all(|d| {
            at >= d
                && crate::parse::text::is_han(line.before(at + 1 - d))
                && !crate::parse::text::is_cjk_numeral(line.before(at + 1 - d))
        });
        if word && at >= verb && line.ends_with(at - verb, "至少") {
            return (Some(Qualifier::AtLeast), false, 0);
        }
    }
    (None, false, 0)
}

/// True when `只` or `仅` stands one to three characters before `k`, in
/// its clause: `只保留一个行政复议机关` counts one.
fn only_before(line: &Line, k: usize) -> bool {
    (1..=3).any(|d| {
        k >= d
            && matches!(line.chars[k - d], '只' | '仅')
            && line.chars[k - d + 1..k]
                .iter()
                .all(|&c| crate::parse::text::is_han(c))
    })
}

/// Reads a bound after the unit (`左右`, `以上`, `以内`); returns the
/// qualifier and the end of the surface form.
pub(super) fn suffix_qualifier(
    line: &Line,
    at: usize,
    current: Option<Qualifier>,
) -> (Qualifier, usize) {
    // The index by first character rejects most positions, which have no
    // bound, at once.
    let suffix = &sets().suffix;
    match suffix.starting_at(line, at) {
        Some(i) => (SUFFIX_QUALIFIERS[i].1, at + suffix.len_of(i)),
        None => (current.unwrap_or_default(), at),
    }
}

/// True when a share right after the change words before it is a change
/// (`增长5.4%`, `降幅达92.2%`, `高于全国0.4个百分点`), not a level
/// (`提高到90%`, `占比95.87%`).
pub(super) fn is_change(
    line: &Line,
    start: usize,
    k: usize,
    kind: MetricKind,
    prefix_len: usize,
    prefix_in_text: bool,
) -> bool {
    // Where the words before the figure end: before its qualifier, and
    // before one 了 (`增长了5%`).
    let verb_end = if prefix_in_text {
        start
    } else {
        k - prefix_len
    };
    let verb_end = if line.before(verb_end) == '了' {
        verb_end - 1
    } else {
        verb_end
    };
    match kind {
        MetricKind::PercentagePoint => return true,
        MetricKind::Percent => {}
        _ => return is_compared_change(line, verb_end),
    }
    // Look back within the clause for the nearest change word.
    let floor = verb_end.saturating_sub(8);
    let mut j = verb_end;
    while j > floor {
        let c = line.chars[j - 1];
        if crate::parse::text::is_clause_break(c) {
            break;
        }
        if sets().change.ending_at(line, j).is_some() {
            let gap = &line.chars[j..verb_end];
            // 提高到 / 增至 / 降至: the level reached.
            if matches!(gap.first(), Some('到' | '至' | '为')) {
                return false;
            }
            // 占比 / 占 / 比重 / 比例 / 贡献: a share, not a change.
            if gap.contains(&'占')
                || gap
                    .windows(2)
                    .any(|w| matches!(w, ['比', '重' | '例'] | ['贡', '献']))
            {
                return false;
            }
            return gap.len() <= 4;
        }
        j -= 1;
    }
    false
}

/// The verbs of [`is_compared_change`].
pub(super) const COMPARED_VERBS: [&str; 9] = [
    "提高", "增加", "增长", "下降", "减少", "降低", "上升", "缩短", "延长",
];

/// A count or measure is a change only when compared with a base and
/// introduced by a change verb: `较2020年提高1.16岁`, `比上年增加198项`
/// (not `新增198项`, which is the amount added). `verb_end` is where the
/// words before the figure end (see [`is_change`]).
pub(super) fn is_compared_change(line: &Line, verb_end: usize) -> bool {
    let compared = &sets().compared;
    let Some(verb) = compared.ending_at(line, verb_end) else {
        return false;
    };
    let verb_start = verb_end - compared.len_of(verb);
    let floor = verb_start.saturating_sub(LOOKBACK);
    (floor..verb_start)
        .rev()
        .take_while(|&j| !crate::parse::text::is_clause_break(line.chars[j]))
        .any(|j| {
            ["较", "比", "同比", "环比"]
                .iter()
                .any(|w| line.starts_with(j, w))
                && !line.starts_with(j, "比例")
                && !line.starts_with(j, "比重")
        })
}

#[allow(clippy::too_many_arguments)]
pub(super) fn raw(
    line: &Line,
    start: usize,
    end: usize,
    value: f64,
    upper: Option<f64>,
    unit: Option<&'static str>,
    kind: MetricKind,
    qualifier: Qualifier,
    change: bool,
) -> RawMetric {
    RawMetric {
        start: line.offs[start],
        end: line.offs[end],
        value,
        upper,
        unit,
        kind,
        qualifier,
        change,
        subject: None,
        sentence: 0,
        clause: 0,
    }
}
