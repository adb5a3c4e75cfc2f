//! Pass 1: one walk over the lines. It separates the preamble (furniture,
//! metadata, title) from the report, finds the headings, and builds the
//! section tree and the inline enumerations.

use super::front::{self, LabelLine, Role};
use super::limits::{MAX_FURNITURE, MAX_PAGE_FURNITURE, MAX_SECTIONS};
use super::marker::part_title;
pub use super::marker::{is_marker_numeral, marker};
use super::text::{self, fold, is_han, is_space, Line};
use crate::{Field, Meta};

/// A heading found in the text, in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 1–4 by marker style; unmarked heading lines are 1.
    pub level: u8,
    /// The marker's byte range (empty for an unmarked heading).
    pub marker: (usize, usize),
    /// The title's byte range.
    pub title: (usize, usize),
    /// First byte of the heading (the marker).
    pub start: usize,
    /// One past the heading (after the `。` of a run-in heading).
    pub end: usize,
}

/// What pass 1 found.
#[derive(Debug, Default)]
pub struct Structure {
    /// The report's title.
    pub title: Option<String>,
    /// Portal metadata.
    pub meta: Meta,
    /// A date standing alone in the preamble (a publication banner).
    pub banner_date: Option<String>,
    /// Trimmed byte ranges of the furniture lines: the preamble's, and
    /// printed pages' numbers and running headers anywhere, in text order.
    pub furniture: Vec<(usize, usize)>,
    /// Headings in document order.
    pub headings: Vec<Heading>,
    /// True when [`MAX_SECTIONS`] cut the outline short.
    pub truncated: bool,
    /// True when [`MAX_FURNITURE`] left later furniture lines as text or
    /// later metadata fields unrecorded.
    pub furniture_truncated: bool,
    /// True when [`MAX_PAGE_FURNITURE`] left later page numbers and running
    /// headers as text.
    pub page_lines_truncated: bool,
}

/// Reads a trimmed line `text[s..e]` as a marked heading.
fn marked_heading(text: &str, s: usize, e: usize) -> Option<Heading> {
    let line = &text[s..e];
    let (level, marker_len) = marker(line)?;
    let rest = &line[marker_len..];
    let t0 = marker_len + (rest.len() - rest.trim_start_matches(is_space).len());
    let after = &line[t0..];
    let (title_end, end) = match after.find('。') {
        // A part of the national format run into its text (crawler text:
        // `一、总体情况2019年，…`): the part's title is the heading.
        _ if level == 1 && part_title(after).is_some() => {
            let k = t0 + part_title(after).unwrap_or(0);
            (k, k)
        }
        // A run-in heading: the title ends at the first 。, the rest is body.
        Some(k) => (t0 + k, t0 + k + '。'.len_utf8()),
        None => (line.len(), line.len()),
    };
    let title_text = line[t0..title_end].trim_end_matches(is_space);
    Some(Heading {
        level,
        marker: (s, s + marker_len),
        title: (s + t0, s + t0 + title_text.len()),
        start: s,
        end: s + end,
    })
}

/// Characters a heading line without a marker cannot contain.
fn breaks_unmarked(c: char) -> bool {
    matches!(
        fold(c),
        '。' | ',' | '，' | ';' | ':' | '!' | '?' | '、' | '|' | '•' | '—' | '>'
    )
}

/// Body-like text: a line of at least 20 characters with clause punctuation.
fn is_paragraph(line: &str) -> bool {
    text::chars_at_least(line, 20)
        && line
            .chars()
            .any(|c| matches!(fold(c), '。' | ',' | '，' | ';'))
}

/// What the walk remembers about the previous non-blank line.
#[derive(Clone, Copy)]
struct Prev {
    last: char,
    /// The line ends a sentence: `。！？；：`, or a closing quote right
    /// after one (`……。”`).
    ends_sentence: bool,
    heading: Option<u8>,
    chrome: bool,
    blank_after: bool,
}

impl Prev {
    /// True when a heading may start on the next line: the previous line
    /// ended a sentence, was a heading or page chrome, or a blank line
    /// separates them. A line that ends mid-sentence (a hard line break
    /// copied from a PDF) cannot be followed by a heading.
    fn allows_heading(&self) -> bool {
        self.heading.is_some()
            || self.chrome
            || self.blank_after
            || !(is_han(self.last)
                || self.last.is_alphanumeric()
                || matches!(self.last, ',' | '、'))
    }
}

/// Walks the lines of `text`.
#[cfg(test)]
pub fn scan(text: &str, lines: &[Line]) -> Structure {
    let running = front::running_headers(text, lines);
    scan_with(text, lines, &running)
}

/// [`scan`] with the running headers of the whole text given
/// ([`front::running_headers`]: `lines` may have tables cut out).
pub fn scan_with(text: &str, lines: &[Line], running: &front::Running) -> Structure {
    let mut out = Structure::default();
    let trimmed: Vec<(usize, usize)> = lines
        .iter()
        .map(|l| text::trim_range(text, l.start, l.end))
        .collect();
    let mut in_preamble = true;
    let mut before_text = true;
    let mut seen_paragraph = false;
    let mut prev: Option<Prev> = None;
    let mut pending: Option<front::Label> = None;
    let mut fields = Fields::default();
    // The second line of a title broken in two (PDF text), read with the first.
    let mut title_tail: Option<usize> = None;
    let mut page_lines = 0;

    for idx in 0..lines.len() {
        let (s, e) = trimmed[idx];
        if s == e {
            if let Some(p) = prev.as_mut() {
                p.blank_after = true;
            }
            continue;
        }
        let line = &text[s..e];
        let last = line.chars().next_back().map(fold).unwrap_or(' ');
        let mut tail = line.chars().rev().map(fold);
        let ends_sentence = matches!(
            (tail.next(), tail.next()),
            (Some('。' | '!' | '?' | ';' | ':'), _)
                | (
                    Some('”' | '’' | '"' | ')' | '）' | '」'),
                    Some('。' | '!' | '?')
                )
        );
        let set_prev = |prev: &mut Option<Prev>, heading: Option<u8>, chrome: bool| {
            *prev = Some(Prev {
                ends_sentence,
                last,
                heading,
                chrome,
                blank_after: false,
            });
        };

        // A printed page's number or running header, anywhere (PDF text).
        if front::is_page_number(line) || (!in_preamble && running.contains(line)) {
            if page_lines < MAX_PAGE_FURNITURE {
                page_lines += 1;
                out.furniture.push((s, e));
                set_prev(&mut prev, None, true);
                continue;
            }
            out.page_lines_truncated = true;
        }
        if let Some(h) = marked_heading(text, s, e) {
            if prev.is_none_or(|p| p.allows_heading()) && !(in_preamble && pending.is_some()) {
                if out.headings.len() >= MAX_SECTIONS {
                    out.truncated = true;
                } else {
                    in_preamble = false;
                    before_text = false;
                    set_prev(&mut prev, Some(h.level), false);
                    out.headings.push(h);
                    continue;
                }
            }
        }

        if in_preamble && out.furniture.len() >= MAX_FURNITURE {
            // Nothing more is page furniture: later lines are text.
            if let Some(label) = pending.take() {
                fields.record(label, "");
            }
            if front::label_line(line).is_some() || front::is_furniture(line, before_text) {
                out.furniture_truncated = true;
            }
        } else if in_preamble {
            let mut chrome = false;
            if let Some(label) = pending.take() {
                // The value on the line after a bare label, unless that
                // line is the report's title (a page that leaves 文号 empty
                // and goes on with the title), which only 标题 may take.
                let is_title = label.role != Role::Title && front::title_candidate(line).is_some();
                if front::label_line(line).is_none()
                    && text::chars_at_most(line, 40)
                    && !is_paragraph(line)
                    && !is_title
                {
                    fields.record(label, line);
                    out.furniture.push((s, e));
                    set_prev(&mut prev, None, true);
                    continue;
                }
                fields.record(label, "");
            }
            match front::label_line(line) {
                Some(LabelLine::Bare(label)) => {
                    pending = Some(label);
                    chrome = true;
                }
                Some(LabelLine::Inline(pairs)) => {
                    if let [only] = pairs.as_slice() {
                        if only.value.0 == only.value.1 && only.label.role != Role::Other {
                            pending = Some(only.label);
                        }
                    }
                    for p in &pairs {
                        if pending != Some(p.label) {
                            let value = &line[p.value.0..p.value.1];
                            fields.record(p.label, value);
                        }
                    }
                    chrome = true;
                }
                None => {}
            }
            if title_tail == Some(idx) {
                out.furniture.push((s, e));
                set_prev(&mut prev, None, true);
                continue;
            }
            if !chrome
                && out.title.is_none()
                && before_text
                && front::title_candidate(line).is_none()
            {
                // `2024 年上海市科委政府信息公开工作` + `年度报告`.
                if let Some(&(ns, ne)) = trimmed.get(idx + 1).filter(|&&(ns, ne)| ns < ne) {
                    let tail = &text[ns..ne];
                    let joined = format!("{line}{tail}");
                    // The first half names the year (`平潭综合实验区2019年`).
                    if text::chars_at_most(tail, 20)
                        && line.chars().any(|c| text::digit(c).is_some())
                        && front::title_candidate(&joined) == Some(joined.len())
                    {
                        out.title = Some(joined);
                        title_tail = Some(idx + 1);
                        before_text = false;
                        out.furniture.push((s, e));
                        set_prev(&mut prev, None, true);
                        continue;
                    }
                }
            }
            // A whole page on one line (crawler text): the title is one of
            // its first blank-separated pieces.
            if !chrome && out.title.is_none() && before_text && line.len() > 300 {
                out.title = front::title_inside(line).map(str::to_string);
            }
            if !chrome {
                if let Some(n) = front::title_candidate(line) {
                    let candidate = &line[..n];
                    let better = match &out.title {
                        None => true,
                        // Prefer a title that names a year over a generic one.
                        Some(t) => !has_year(t) && has_year(candidate) && before_text,
                    };
                    if better {
                        out.title = Some(candidate.to_string());
                    }
                    chrome = out.title.as_deref() == Some(candidate) || before_text;
                    if chrome {
                        before_text = false;
                    }
                }
            }
            if !chrome && front::is_furniture(line, before_text) {
                if out.banner_date.is_none() && front::is_date_line(line) {
                    out.banner_date = front::find_date(line).map(|d| d.0);
                }
                chrome = true;
            }
            if chrome {
                out.furniture.push((s, e));
                set_prev(&mut prev, None, true);
                continue;
            }
        }

        // A heading line without a marker (`主要工作`).
        if seen_paragraph && is_unmarked_heading(text, line, prev, &trimmed[idx + 1..]) {
            if out.headings.len() >= MAX_SECTIONS {
                out.truncated = true;
            } else {
                in_preamble = false;
                out.headings.push(Heading {
                    level: 1,
                    marker: (s, s),
                    title: (s, e),
                    start: s,
                    end: e,
                });
                set_prev(&mut prev, Some(1), false);
                continue;
            }
        }

        if text::chars_at_least(line, 20) || front::has_sentence_punct(line) {
            before_text = false;
        }
        if is_paragraph(line) && matches!(last, '。' | '!' | '?' | ':' | ';' | '”') {
            seen_paragraph = true;
        }
        set_prev(&mut prev, None, false);
    }
    if let Some(label) = pending {
        fields.record(label, "");
    }
    fields.finish(&mut out);
    out
}

fn has_year(s: &str) -> bool {
    super::text::first_year(s).is_some()
}

/// Metadata fields as they are read, before the fallbacks are applied.
#[derive(Default)]
struct Fields {
    meta: Meta,
    /// A field past [`MAX_FURNITURE`] was not recorded.
    truncated: bool,
    updated: Option<String>,
    source: Option<String>,
    title: Option<String>,
}

impl Fields {
    /// Stores one labelled field.
    fn record(&mut self, label: front::Label, value: &str) {
        if self.meta.fields.len() >= MAX_FURNITURE {
            self.truncated = true;
            return;
        }
        self.meta.fields.push(Field {
            label: label.label.to_string(),
            value: value.to_string(),
        });
        let text = (!value.is_empty()).then(|| value.to_string());
        let date = front::find_date(value).map(|d| d.0);
        let fill = |slot: &mut Option<String>, v: Option<String>| {
            if slot.is_none() {
                *slot = v;
            }
        };
        let meta = &mut self.meta;
        match label.role {
            Role::Title => fill(&mut self.title, text),
            Role::IndexNo => fill(&mut meta.index_no, text),
            Role::DocNo => fill(&mut meta.doc_no, text),
            Role::Issued => fill(&mut meta.issued, date),
            Role::Published => fill(&mut meta.published, date),
            Role::Updated => fill(&mut self.updated, date),
            Role::Publisher => fill(&mut meta.publisher, text),
            Role::Source => fill(&mut self.source, text),
            Role::Other => {}
        }
    }

    /// Applies the fallbacks (更新时间 for the publication date, 来源 for the
    /// publisher, a 标题 field for the title) and hands the result over.
    fn finish(self, out: &mut Structure) {
        let mut meta = self.meta;
        meta.published = meta.published.or(self.updated);
        meta.publisher = meta.publisher.or(self.source);
        out.meta = meta;
        out.furniture_truncated |= self.truncated;
        if let Some(t) = self.title.filter(|t| !t.is_empty()) {
            out.title = Some(t);
        }
    }
}

/// A short line without punctuation that stands between a finished
/// sentence and body text, like `主要工作` or `坚持高位推动 法治政府建设责任不断强化`.
fn is_unmarked_heading(
    text: &str,
    line: &str,
    prev: Option<Prev>,
    rest: &[(usize, usize)],
) -> bool {
    if !text::chars_at_least(line, 2)
        || !text::chars_at_most(line, 30)
        || line.chars().any(breaks_unmarked)
        || front::is_date_line(line)
    {
        return false;
    }
    if line
        .chars()
        .next()
        .is_some_and(|c| !is_han(c) && !matches!(c, '“' | '"'))
    {
        return false;
    }
    // Appendix headings stand alone whatever follows: 附件1, 名词解释.
    let appendix = line.starts_with("附件") && text::chars_at_most(line, 6)
        || matches!(line, "名词解释" | "注释" | "附录" | "说明" | "注解");
    if appendix && prev.is_some_and(|p| p.heading.is_some() || p.ends_sentence) {
        return true;
    }
    let after_sentence = prev.is_some_and(|p| p.blank_after || p.ends_sentence);
    if !after_sentence {
        return false;
    }
    let Some(&(ns, ne)) = rest.iter().find(|(s, e)| s < e) else {
        return false;
    };
    let next = &text[ns..ne];
    is_paragraph(next) || marker(next).is_some_and(|(level, _)| level >= 2)
}

/// A section under construction: heading index, children, end byte.
struct Node {
    heading: usize,
    children: Vec<usize>,
    end: usize,
}

/// Nests the headings by level. Each heading goes under the nearest
/// shallower heading before it, so skipped levels (`1.` right under `一、`)
/// and numbering that runs on across sections (`（二）` then `3.`) nest as
/// written. Returns the nodes and the indices of the top-level ones.
fn nest(headings: &[Heading], len: usize) -> (Vec<Node>, Vec<usize>) {
    let mut nodes: Vec<Node> = Vec::with_capacity(headings.len());
    let mut roots = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if headings[nodes[top].heading].level >= h.level {
                nodes[top].end = h.start;
                stack.pop();
            } else {
                break;
            }
        }
        nodes.push(Node {
            heading: i,
            children: Vec::new(),
            end: len,
        });
        match stack.last() {
            Some(&parent) => nodes[parent].children.push(i),
            None => roots.push(i),
        }
        stack.push(i);
    }
    (nodes, roots)
}

/// A section in byte offsets, before conversion to the public model.
#[derive(Debug)]
pub struct RawSection {
    /// `s1.2`.
    pub id: String,
    /// Index into [`Structure::headings`].
    pub heading: usize,
    /// Whole section.
    pub span: (usize, usize),
    /// The section's own text after its heading.
    pub body: (usize, usize),
    /// Sub-sections.
    pub children: Vec<RawSection>,
}

/// Builds the section tree over `text` of length `len`.
pub fn tree(headings: &[Heading], len: usize) -> Vec<RawSection> {
    let (nodes, roots) = nest(headings, len);
    fn build(nodes: &[Node], headings: &[Heading], i: usize, id: String) -> RawSection {
        let node = &nodes[i];
        let h = &headings[node.heading];
        let body_end = node
            .children
            .first()
            .map_or(node.end, |&c| headings[nodes[c].heading].start);
        let children = node
            .children
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                build(
                    nodes,
                    headings,
                    c,
                    super::numbered(&format!("{id}."), k + 1),
                )
            })
            .collect();
        RawSection {
            id,
            heading: node.heading,
            span: (h.start, node.end),
            body: (h.end, body_end),
            children,
        }
    }
    roots
        .iter()
        .enumerate()
        .map(|(k, &r)| build(&nodes, headings, r, super::numbered("s", k + 1)))
        .collect()
}

/// An inline enumeration item in byte offsets: marker, lead phrase, span.
#[derive(Debug, PartialEq, Eq)]
pub struct RawItem {
    /// `二是`.
    pub marker: (usize, usize),
    /// The lead phrase after the marker.
    pub title: (usize, usize),
    /// Marker to the next item or the end of the paragraph.
    pub span: (usize, usize),
}

/// Finds `一是……二是……` enumerations in `text[start..end]`. An item marker
/// counts where a sentence or line begins; a run must start at `一是`, go
/// up one at a time and have at least two items.
pub fn items(text: &str, start: usize, end: usize) -> Vec<RawItem> {
    let body = &text[start..end];
    // value, marker start, marker end
    let mut found: Vec<(u32, usize, usize)> = Vec::new();
    // Look only where 是 is (a fast search), then back over the numeral.
    for p in text::match_starts(body, "是") {
        let mut ms = p;
        let mut numeral = ['\0'; 3];
        let mut n = 0;
        for c in body[..p].chars().rev().take(3) {
            if !is_marker_numeral(c) {
                break;
            }
            numeral[n] = c;
            n += 1;
            ms -= c.len_utf8();
        }
        if n == 0 {
            continue;
        }
        let numeral = &mut numeral[..n];
        // A sentence or line must begin right before the numeral.
        let before = body[..ms].trim_end_matches(is_space);
        let boundary = before.is_empty()
            || before.ends_with(['。', '；', '：', '！', '？', ';', ':', '!', '?', '\n', '\r']);
        if !boundary {
            continue;
        }
        numeral.reverse();
        let value = super::numeral::cjk_value_of(numeral).map_or(0, |v| v as u32);
        if value > 0 {
            found.push((value, start + ms, start + p + '是'.len_utf8()));
        }
    }
    // Keep runs 1, 2, 3, … of length ≥ 2.
    let mut runs: Vec<Vec<(u32, usize, usize)>> = Vec::new();
    for f in found {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|l| l.0 + 1 == f.0) => run.push(f),
            _ if f.0 == 1 => runs.push(vec![f]),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for run in runs.into_iter().filter(|r| r.len() >= 2) {
        for (k, &(_, ms, me)) in run.iter().enumerate() {
            let para_end = text[me..end].find(['\n', '\r']).map_or(end, |p| me + p);
            let item_end = run.get(k + 1).map_or(para_end, |n| n.1.min(para_end));
            let lead_end = text[me..item_end]
                .char_indices()
                .find(|&(_, c)| matches!(fold(c), '。' | ';' | ',' | '，' | ':'))
                .map_or(item_end, |(p, _)| me + p);
            out.push(RawItem {
                marker: (ms, me),
                title: (me, lead_end),
                span: (ms, item_end),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_by_style() {
        let m = |s: &'static str| marker(s).map(|(l, n)| (l, &s[..n]));
        assert_eq!(m("一、总体情况"), Some((1, "一、")));
        assert_eq!(m("十二、其他"), Some((1, "十二、")));
        assert_eq!(m("（一）主动公开"), Some((2, "（一）")));
        assert_eq!(m("( 二 )推进"), Some((2, "( 二 )")));
        assert_eq!(m("(一）混合括号"), Some((2, "(一）")));
        assert_eq!(m("1.加强领导"), Some((3, "1.")));
        assert_eq!(m("１．全角"), Some((3, "１．")));
        assert_eq!(m("3、深化改革"), Some((3, "3、")));
        assert_eq!(m("（1）细则"), Some((4, "（1）")));
        assert_eq!(m("1.5亿元用于"), None);
        assert_eq!(m("2022年，全市"), None);
        assert_eq!(m("(以下简称条例)"), None);
        assert_eq!(m("一是抓好学习"), None);
        assert_eq!(m("(2021—2025年)"), None);
        assert_eq!(m("2.5"), None);
    }

    #[test]
    fn enumerations() {
        let text =
            "问题。一是法治思维有待加强。少数干部。二是依法行政有待规范，执法不够。\n三是普法。";
        let items = items(text, 0, text.len());
        let markers: Vec<&str> = items
            .iter()
            .map(|i| &text[i.marker.0..i.marker.1])
            .collect();
        assert_eq!(markers, ["一是", "二是", "三是"]);
        assert_eq!(
            &text[items[0].title.0..items[0].title.1],
            "法治思维有待加强"
        );
        assert_eq!(
            &text[items[1].span.0..items[1].span.1],
            "二是依法行政有待规范，执法不够。"
        );
        // 统一是 is not an item, and a lone 一是 is no enumeration.
        assert!(super::items("坚持统一是原则。一是只有一个。", 0, 30).is_empty());
    }
}
