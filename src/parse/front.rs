//! The preamble: page furniture, portal metadata lines and the title.
//!
//! Everything here looks at one trimmed line at a time; the walk over the
//! lines (and the state it needs) is in [`super::structure`].

use super::text::{contains, fold, is_space};

/// What a metadata label fills in [`crate::Meta`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// 标题: the title.
    Title,
    /// 索引号.
    IndexNo,
    /// 文号 / 发文字号.
    DocNo,
    /// 发文日期 / 成文日期.
    Issued,
    /// 发布日期 / 发布时间 / 时间 / 日期.
    Published,
    /// 更新时间: used for `published` when nothing better is given.
    Updated,
    /// 发布机构 / 发文单位 / 发文机关.
    Publisher,
    /// 来源: used for `publisher` when nothing better is given.
    Source,
    /// Kept in `fields` only.
    Other,
}

/// Labels of portal metadata fields. Longer labels come before the labels
/// they end with (`文章来源` before `来源`, `发布时间` before `时间`).
const LABELS: &[(&str, Role)] = &[
    ("标题", Role::Title),
    ("索引号", Role::IndexNo),
    ("发文字号", Role::DocNo),
    ("文号", Role::DocNo),
    ("发文日期", Role::Issued),
    ("成文日期", Role::Issued),
    ("发布日期", Role::Published),
    ("发布时间", Role::Published),
    ("更新时间", Role::Updated),
    ("更新日期", Role::Updated),
    ("发文单位", Role::Publisher),
    ("发文机关", Role::Publisher),
    ("发布机构", Role::Publisher),
    ("发布单位", Role::Publisher),
    ("文章来源", Role::Source),
    ("信息来源", Role::Source),
    ("来源", Role::Source),
    ("时间", Role::Published),
    ("日期", Role::Published),
    ("主题分类", Role::Other),
    ("体裁分类", Role::Other),
    ("组配分类", Role::Other),
    ("服务对象分类", Role::Other),
    ("效力状态", Role::Other),
    ("生效日期", Role::Other),
    ("废止日期", Role::Other),
    ("公开方式", Role::Other),
    ("公开范围", Role::Other),
    ("所属机构", Role::Other),
    ("主题词", Role::Other),
    ("分类", Role::Other),
    ("点击率", Role::Other),
    ("浏览次数", Role::Other),
    ("访问量", Role::Other),
    ("阅读量", Role::Other),
    ("作者", Role::Other),
    ("责任编辑", Role::Other),
];

/// A label found in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    /// The label text (one of [`LABELS`]).
    pub label: &'static str,
    /// What it fills.
    pub role: Role,
}

/// One `label: value` pair; `value` is a byte range into the line, trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The label.
    pub label: Label,
    /// The value's byte range in the line (empty when the page left it
    /// empty).
    pub value: (usize, usize),
}

/// How a line carries metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelLine {
    /// `label: value label2: value2` on one line.
    Inline(Vec<Pair>),
    /// The label alone (its value, if any, is on the next line).
    Bare(Label),
}

/// The label (with its spaces and colon) starting at byte `at` of `line`:
/// returns it and the byte where its value starts. With `need_colon` false,
/// a label that ends the line also counts.
fn label_at(line: &str, at: usize, need_colon: bool) -> Option<(Label, usize)> {
    let rest = &line[at..];
    for &(label, role) in LABELS {
        if let Some(after) = rest.strip_prefix(label) {
            // Labels may be written with spaces inside ("索 引 号") on some
            // portals; the common forms have none, and allowing them would
            // let ordinary words match, so they are not accepted.
            let spaces = after.len() - after.trim_start_matches(is_space).len();
            let after_spaces = &after[spaces..];
            let mut chars = after_spaces.chars();
            match chars.next().map(fold) {
                Some(':') => {
                    let colon = after_spaces.chars().next().map_or(0, char::len_utf8);
                    let value_start = at + label.len() + spaces + colon;
                    return Some((Label { label, role }, value_start));
                }
                None if !need_colon => return Some((Label { label, role }, line.len())),
                _ => {}
            }
        }
    }
    None
}

/// Reads a trimmed line as metadata, if it starts with a known label.
///
/// ```text
/// 索引号: 113703000042242984/2022-None 文号:      → Inline [索引号=…, 文号=""]
/// 时间 : 2022-03-30 11:40:23 来源 : 本网          → Inline [时间=…, 来源=本网]
/// 发文单位                                         → Bare 发文单位
/// ```
pub fn label_line(line: &str) -> Option<LabelLine> {
    let (first, value_start) = label_at(line, 0, false)?;
    if value_start == line.len() && !line[first.label.len()..].chars().any(|c| fold(c) == ':') {
        return Some(LabelLine::Bare(first));
    }
    let mut pairs = Vec::new();
    let mut current = (first, value_start);
    loop {
        // The value runs to the next label that follows a space.
        let mut next = None;
        let mut prev_space = false;
        for (i, c) in line[current.1..].char_indices() {
            let at = current.1 + i;
            if prev_space {
                if let Some(found) = label_at(line, at, true) {
                    next = Some((at, found));
                    break;
                }
            }
            prev_space = is_space(c) || c == '|' || c == '】';
        }
        let value_end = next.map_or(line.len(), |(at, _)| at);
        let (vs, ve) = trim(line, current.1, value_end);
        pairs.push(Pair {
            label: current.0,
            value: (vs, ve),
        });
        match next {
            Some((_, found)) => current = found,
            None => break,
        }
    }
    Some(LabelLine::Inline(pairs))
}

fn trim(line: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &line[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let body = s.trim_matches(is_space);
    (start + lead, start + lead + body.len())
}

/// Words that mark a line of page chrome: buttons, banners, breadcrumbs,
/// counters.
const FURNITURE_WORDS: &[&str] = &[
    "字号",
    "字体",
    "打印",
    "关闭窗口",
    "关闭本页",
    "分享",
    "收藏",
    "您所在的位置",
    "当前位置",
    "您当前的位置",
    "当前所在位置",
    "今天是",
    "点击率",
    "浏览次数",
    "访问量",
    "返回顶部",
    "扫一扫",
    "微信",
    "微博",
    "【",
    "】",
    "首页",
];

/// True when a trimmed preamble line is page furniture.
///
/// `before_text` is true until the title or the first line of real text has
/// been seen: up to then any short line that is not metadata is navigation
/// (`首页`, `政务公开`, `通知公告`, `工作报告`).
pub fn is_furniture(line: &str, before_text: bool) -> bool {
    let chars = line.chars().count();
    if chars == 0 {
        return false;
    }
    let first = line.chars().next().map(fold).unwrap_or(' ');
    if matches!(first, '•' | '·' | '|' | '>' | '»') {
        return true;
    }
    if chars <= 60 && line.chars().any(|c| matches!(fold(c), '>' | '→' | '»')) {
        return true;
    }
    if chars <= 40 && FURNITURE_WORDS.iter().any(|w| contains(line, w)) {
        return true;
    }
    if is_date_line(line) {
        return true;
    }
    if before_text
        && chars <= 16
        && !has_sentence_punct(line)
        && !line.chars().any(|c| fold(c) == ':')
    {
        return true;
    }
    false
}

/// True when the line has sentence punctuation (`。，；` and their ASCII forms).
pub fn has_sentence_punct(line: &str) -> bool {
    line.chars()
        .any(|c| matches!(fold(c), '。' | ',' | '，' | ';' | '!' | '?'))
}

/// True when a trimmed line is a page number of a printed page: `— 3 —`,
/// `- 12 -`, `第 3 页`, `第3页 共12页`, `3 / 12`, `Page 3 of 12`. A bare
/// number is not one: it may be a table's value on its own line.
pub fn is_page_number(line: &str) -> bool {
    // Twenty characters at most (three bytes each), starting with a dash,
    // `第`, a digit or `P`: every other line is out at once.
    if line.len() > 60 {
        return false;
    }
    let starts = line.chars().next().map(fold).is_some_and(|c| {
        matches!(c, '-' | '—' | '–' | '─' | '―' | '第' | 'P' | 'p') || c.is_ascii_digit()
    });
    if !starts {
        return false;
    }
    let s: String = line.chars().map(fold).filter(|c| !is_space(*c)).collect();
    if s.chars().count() > 20 {
        return false;
    }
    let digits = |n: &str| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit());
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '─' | '―');
    // — 3 —
    let inner = s.trim_start_matches(dash);
    let lead = s[..s.len() - inner.len()].chars().count();
    let (core, tail) = inner.split_at(inner.find(dash).unwrap_or(inner.len()));
    if (1..4).contains(&lead) && digits(core) && !tail.is_empty() && tail.chars().all(dash) {
        return true;
    }
    // 第3页, 第3页共12页, 第3页/共12页
    let numbered = |p: &str, head: char| {
        p.strip_prefix(head)
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(digits)
    };
    if numbered(&s, '第') {
        return true;
    }
    if let Some(i) = s
        .find("页共")
        .or_else(|| s.find("页,共"))
        .or_else(|| s.find("页/共"))
    {
        let (a, b) = s.split_at(i + '页'.len_utf8());
        return numbered(a, '第') && numbered(b.trim_start_matches([',', '/']), '共');
    }
    // 3/12
    if let Some((a, b)) = s.split_once('/') {
        return digits(a) && digits(b);
    }
    // Page 3 of 12
    let lower = s.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let (n, of) = rest.split_once("of").unwrap_or((rest, "1"));
        return digits(n) && digits(of);
    }
    false
}

/// The running headers and footers of a text: short lines that recur on
/// at least [`RUNNING_MIN`] pages.
pub type Running<'t> = std::collections::HashSet<&'t str>;

/// A short line repeated this often is a running header, not text.
pub const RUNNING_MIN: usize = 3;

/// Short lines of `lines` that recur at least [`RUNNING_MIN`] times, each
/// at least [`PAGE_LINES`](super::limits::PAGE_LINES) lines after the last: the running header or
/// footer of a printed report (`上海市科委2024年政府信息公开工作年度报告`).
/// A line counts when, trimmed, it has 4 to 40 characters, an ideograph,
/// no sentence punctuation and no heading marker, and does not end inside
/// a figure or a clause (a digit or a comma). The labels of a table in
/// plain text recur too, but a few lines apart.
pub fn running_headers<'t>(text: &'t str, lines: &[super::text::Line]) -> Running<'t> {
    // Per line: times seen, the last line it was seen on, and whether the
    // gaps so far were all a page long.
    let mut seen: std::collections::HashMap<&str, (usize, usize, bool)> =
        std::collections::HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let (s, e) = super::text::trim_range(text, l.start, l.end);
        let line = &text[s..e];
        // 4 to 40 characters: 4 to 160 bytes first, then counted.
        if (4..=160).contains(&line.len())
            && super::text::chars_at_least(line, 4)
            && super::text::chars_at_most(line, 40)
            && line.chars().any(super::text::is_han)
            && !has_sentence_punct(line)
            && !line.ends_with(|c: char| c.is_ascii_digit() || matches!(fold(c), ',' | '、'))
            && super::marker::marker(line).is_none()
        {
            let entry = seen.entry(line).or_insert((0, i, true));
            if entry.0 > 0 && i - entry.1 < super::limits::PAGE_LINES {
                entry.2 = false;
            }
            entry.0 += 1;
            entry.1 = i;
        }
    }
    seen.into_iter()
        .filter(|&(_, (n, _, paged))| n >= RUNNING_MIN && paged)
        .map(|(l, _)| l)
        .collect()
}

/// True when a trimmed line is only a date, optionally with a time
/// (`2020-12-22 11:50`, `2026年02月10日 07时41分`).
pub fn is_date_line(line: &str) -> bool {
    // The date must open the line (`2020-12-22 11:50`), not follow a label
    // (`发布日期:2022-02-23` is metadata).
    // The longest date, `2022年12月31日`, has 11 characters, and its end is
    // known one character later: 16 are enough, however long the line.
    let chars: Vec<(usize, char)> = line
        .char_indices()
        .take(16)
        .map(|(i, c)| (i, fold(c)))
        .collect();
    let Some((_, end)) = date_at(&chars, 0) else {
        return false;
    };
    let end = chars.get(end).map_or(line.len(), |&(b, _)| b);
    line[end..].chars().all(|c| {
        is_space(c)
            || c.is_ascii_digit()
            || matches!(fold(c), ':' | '时' | '分' | '秒' | '星' | '期')
    })
}

/// Finds the first date `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.MM.DD` or
/// `YYYY年M月D日` in `s`, returning it normalised and the byte where it ends.
pub fn find_date(s: &str) -> Option<(String, usize)> {
    let chars: Vec<(usize, char)> = s.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_ascii_digit()) {
            if let Some((date, end)) = date_at(&chars, i) {
                let end_byte = chars.get(end).map_or(s.len(), |&(b, _)| b);
                return Some((date, end_byte));
            }
        }
        i += 1;
    }
    None
}

fn date_at(chars: &[(usize, char)], start: usize) -> Option<(String, usize)> {
    let number = |from: usize, max: usize| -> Option<(u32, usize)> {
        let mut value = 0u32;
        let mut k = from;
        while k < chars.len() && k - from < max && chars[k].1.is_ascii_digit() {
            value = value * 10 + (chars[k].1 as u32 - '0' as u32);
            k += 1;
        }
        (k > from && (k == chars.len() || !chars[k].1.is_ascii_digit())).then_some((value, k))
    };
    let (year, k) = number(start, 4)?;
    if k - start != 4 || !(1949..=2100).contains(&year) {
        return None;
    }
    let sep = chars.get(k)?.1;
    if !matches!(sep, '-' | '/' | '.' | '年') {
        return None;
    }
    let (month, k) = number(k + 1, 2)?;
    let sep2 = chars.get(k)?.1;
    let expected = if sep == '年' { '月' } else { sep };
    if sep2 != expected || !(1..=12).contains(&month) {
        return None;
    }
    let (day, mut k) = number(k + 1, 2)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    if sep == '年' && chars.get(k).map(|c| c.1) == Some('日') {
        k += 1;
    }
    Some((format!("{year:04}-{month:02}-{day:02}"), k))
}

/// A title among the first blank-separated pieces of a long line (a page
/// whose line breaks were lost: `平潭…2019年政府信息公开工作年度报告 根据…`):
/// a whole piece that is a title and names a year.
pub fn title_inside(line: &str) -> Option<&str> {
    let head = &line[..crate::parse::text::floor_boundary(line, 400)];
    head.split(is_space)
        .map(|p| p.trim_matches(is_space))
        .take_while(|p| !has_sentence_punct(p))
        .find(|p| title_candidate(p) == Some(p.len()) && p.chars().any(|c| c.is_ascii_digit()))
}

/// Where the title ends within a trimmed candidate line: the line is cut
/// before a bracketed date or meeting note that follows a space
/// (`政府工作报告 (2019年1月21日在…)`) and before `——`.
///
/// Returns the byte length of the title when the line reads as a report
/// title: it names a report (`…报告`, optionally `（全文）`), is 6–60
/// characters long, has no sentence punctuation, no book-title marks and is
/// not a breadcrumb.
pub fn title_candidate(line: &str) -> Option<usize> {
    let mut cut = line.len();
    let mut prev_space = false;
    for (i, c) in line.char_indices() {
        let f = fold(c);
        if (prev_space && matches!(f, '(' | '[')) || line[i..].starts_with("——") {
            cut = i;
            break;
        }
        prev_space = is_space(c);
    }
    let title = line[..cut].trim_end_matches(is_space);
    let core = [
        "（全文）",
        "(全文)",
        "（摘要）",
        "(摘要)",
        "（草案）",
        "(草案)",
    ]
    .iter()
    .find_map(|s| title.strip_suffix(s))
    .unwrap_or(title);
    let chars = title.chars().count();
    let ok = core.ends_with("报告")
        && (6..=60).contains(&chars)
        && !has_sentence_punct(title)
        && !title.contains('《')
        && !title.contains('：')
        && !title.chars().any(|c| matches!(fold(c), '>' | ':'));
    ok.then_some(title.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<(&'static str, &str)> {
        match label_line(line) {
            Some(LabelLine::Inline(pairs)) => pairs
                .iter()
                .map(|p| (p.label.label, &line[p.value.0..p.value.1]))
                .collect(),
            other => panic!("not inline: {other:?}"),
        }
    }

    #[test]
    fn inline_pairs_with_empty_values_and_spaced_colons() {
        assert_eq!(
            values("索引号: 113703000042242984/2022-None 文号:"),
            [("索引号", "113703000042242984/2022-None"), ("文号", "")]
        );
        assert_eq!(
            values("时间 : 2022-03-30 11:40:23 来源 : 本网"),
            [("时间", "2022-03-30 11:40:23"), ("来源", "本网")]
        );
        assert_eq!(
            values("文章来源:司法局 更新时间:2021/03/29 11:30:01")[1],
            ("更新时间", "2021/03/29 11:30:01")
        );
        assert_eq!(values("来源：北京日报"), [("来源", "北京日报")]);
    }

    #[test]
    fn bare_label_and_non_labels() {
        assert!(matches!(
            label_line("发文字号"),
            Some(LabelLine::Bare(Label {
                label: "发文字号",
                ..
            }))
        ));
        assert_eq!(label_line("时间就是生命"), None);
        assert_eq!(label_line("来源于群众"), None);
    }

    #[test]
    fn dates_normalise() {
        assert_eq!(
            find_date("发布时间:2017年02月28日").unwrap().0,
            "2017-02-28"
        );
        assert_eq!(find_date("2021/03/29 11:30:01").unwrap().0, "2021-03-29");
        assert_eq!(find_date("2020-12-03 10:00").unwrap().0, "2020-12-03");
        assert_eq!(find_date("20256月"), None);
        assert!(is_date_line("2026年02月10日 07时41分"));
        assert!(!is_date_line("发布日期:2022-02-23"));
        assert!(!is_date_line("2022年,全市上下深入学习"));
    }

    #[test]
    fn titles() {
        let t = |s: &'static str| title_candidate(s).map(|n| &s[..n]);
        assert_eq!(
            t("淄博市2021年度法治政府建设工作的报告"),
            Some("淄博市2021年度法治政府建设工作的报告")
        );
        assert_eq!(
            t("政府工作报告 (2019年1月21日在杭州市第十三届人民代表大会第四次会议上) 杭州市人民政府市长 徐立毅"),
            Some("政府工作报告")
        );
        assert_eq!(t("工作报告"), None);
        assert_eq!(
            t("《梧州市人民政府2018年度法治政府建设工作报告》是2019年梧州市人民政府发布的通知。"),
            None
        );
        assert_eq!(t("您所在的位置:政务公开 > 工作报告"), None);
    }

    #[test]
    fn furniture() {
        assert!(is_furniture("【字号：", false));
        assert!(is_furniture("• 打印", false));
        assert!(is_furniture("首页 > 政务公开 > 法治政府建设", false));
        assert!(is_furniture(
            "今天是:2019年10月31日 星期三 农历十月初七",
            false
        ));
        assert!(is_furniture("渝快办", true));
        assert!(!is_furniture("渝快办", false));
        assert!(!is_furniture("各位代表：", true));
    }

    #[test]
    fn page_numbers_are_told_from_figures() {
        for line in [
            "— 3 —",
            "- 12 -",
            "－ 7 －",
            "—3—",
            "第 3 页",
            "第3页 共12页",
            "第 3 页，共 12 页",
            "3 / 12",
            "Page 3 of 12",
            "page 4",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in [
            "3",
            "1",
            "— 2021年 —",
            "3/12件",
            "第三页",
            "—— 3 —— 共 5 件 ——",
            "共12页",
            "第12345页",
            "12/2021/3",
        ] {
            assert!(!is_page_number(line), "{line}");
        }
    }
}
