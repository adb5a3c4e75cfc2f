//! Text → [`Report`]. Pure Rust: nothing here knows about wasm or the DOM.
//!
//! Two passes, as in pulldown-cmark: [`structure`] walks the lines once to
//! find the preamble, metadata, title and headings; [`metrics`] then scans
//! each line for quantities. [`indicators`] and [`checks`] read the result.
//! All work is in byte offsets of the untouched input; [`text::TextIndex`]
//! converts them to the contract's UTF-16 offsets at the very end.

pub mod checks;
pub mod collapsed;
pub mod document;
pub mod front;
pub mod index;
pub mod indicators;
pub mod limits;
pub mod marker;
pub mod metrics;
pub mod numeral;
pub mod rules;
pub mod structure;
pub mod tables;
pub mod text;
pub mod units;
pub mod wraps;

use crate::i18n::{Lang, Msg};
use crate::{Document, Item, Metric, Report, Section, Span};
use limits::{MAX_INPUT_BYTES, MAX_METRICS};
use std::borrow::Cow;
use structure::{RawItem, RawSection, Structure};
use text::TextIndex;

/// Options for [`parse_with`].
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Language of `checks[].message` and `warnings`.
    ///
    /// Default: [`Lang::Zh`] (Simplified Chinese), the language of the
    /// portals the viewer runs on.
    pub lang: Lang,
    /// Indicator rules of the user's, asked before the built-in taxonomy
    /// (see [`crate::Indicators`]).
    pub indicators: rules::Indicators,
}

impl ParseOptions {
    /// Sets the language of messages and warnings.
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Sets the user's indicator rules.
    #[must_use]
    pub fn with_indicators(mut self, indicators: rules::Indicators) -> Self {
        self.indicators = indicators;
        self
    }
}

/// Reads a report. Never fails and never panics: what it cannot
/// understand is reported in [`Report::warnings`], and every character of
/// the input stays covered by the preamble or a section.
///
/// ```
/// let text = "2021年度法治政府建设情况报告\n\n一、主要举措和成效\n审结案件553件，综合纠错280件，纠错率50.63%。\n";
/// let report = govreport::parse(text);
/// assert_eq!(report.title.as_deref(), Some("2021年度法治政府建设情况报告"));
/// assert_eq!(report.year, Some(2021));
/// assert_eq!(report.sections[0].title, "主要举措和成效");
/// let texts: Vec<&str> = report.metrics.iter().map(|m| m.text.as_str()).collect();
/// assert_eq!(texts, ["553件", "280件", "50.63%"]);
/// ```
pub fn parse(text: &str) -> Report {
    parse_with(text, &ParseOptions::default())
}

/// [`parse`] with options.
pub fn parse_with(text: &str, options: &ParseOptions) -> Report {
    let (lines, running) = lines_and_headers(text);
    let found = if text.len() > MAX_INPUT_BYTES {
        Vec::new()
    } else {
        tables::find::find(text, &running)
    };
    build(text, found, &running, lines, options)
}

/// Reads a [`Document`]: text whose tables are given as grids (from HTML).
/// The report's spans index `document.text`, which the report carries as
/// [`Report::text`]. A grid whose spans do not lie in the text is left out,
/// with a warning.
pub fn parse_document(document: &Document, options: &ParseOptions) -> Report {
    let text = document.text.as_str();
    let map = TextIndex::new(text);
    let mut raws = Vec::new();
    let mut bad = 0;
    for t in document.tables.iter().take(limits::MAX_TABLES) {
        let byte = |s: Span| Some((map.byte(s.start)?, map.byte(s.end)?)).filter(|(a, b)| a <= b);
        let grid: Option<Vec<Vec<(usize, usize, bool)>>> = t
            .rows
            .iter()
            .take(limits::MAX_TABLE_ROWS)
            .map(|row| {
                row.iter()
                    .take(limits::MAX_TABLE_COLUMNS)
                    .map(|c| byte(c.span).map(|(a, b)| (a, b, c.copy)))
                    .collect()
            })
            .collect();
        match (byte(t.span), grid) {
            (Some((a, b)), Some(grid)) => raws.push((tables::from_grid(text, a, b, &grid), None)),
            _ => bad += 1,
        }
    }
    let (lines, running) = lines_and_headers(text);
    let mut report = build(text, raws, &running, lines, options);
    report.warnings.extend(document.warnings.iter().cloned());
    if bad > 0 {
        report.warnings.push(
            options
                .lang
                .say(Msg::Key("warn.bad_grid", vec![bad.to_string()])),
        );
    }
    report.text = Some(document.text.clone());
    report
}

/// The lines of `text` and its running headers, split once for both; none
/// for a text past `MAX_INPUT_BYTES` (not analysed). Running headers are
/// looked for only where some line ends mid-sentence (a PDF's text: a
/// portal page's lines end their sentences).
fn lines_and_headers(text: &str) -> (Vec<text::Line>, front::Running<'_>) {
    if text.len() > MAX_INPUT_BYTES {
        return (Vec::new(), front::Running::default());
    }
    let lines = text::lines(text);
    let running = if wraps::any_wrapped(text, &lines) {
        front::running_headers(text, &lines)
    } else {
        front::Running::default()
    };
    (lines, running)
}

fn build(
    text: &str,
    found: Vec<(tables::RawTable, Option<crate::TableKind>)>,
    running: &front::Running,
    lines: Vec<text::Line>,
    options: &ParseOptions,
) -> Report {
    let lang = options.lang;
    let map = TextIndex::new(text);
    let mut report = Report {
        length: map.len_utf16(),
        ..Report::default()
    };
    if text.len() > MAX_INPUT_BYTES {
        report.preamble = map.span(0, text.len());
        report.warnings.push(lang.say(Msg::TooLong {
            bytes: text.len(),
            limit: MAX_INPUT_BYTES,
        }));
        return report;
    }
    // The tables first: their text is neither headings nor prose.
    let hint = text::first_year(text::first_chars(text, 2000));
    let read = tables::read(text, &map, &found, hint, lang);
    report.tables = read.tables;
    report.warnings.extend(read.warnings);
    // Lines, with a line that holds a whole report split at its headings,
    // then the tables cut out.
    let lines = tables::mask(collapsed::split(text, lines), &read.ranges);
    let mut structure = structure::scan_with(text, &lines, running);
    if !read.furniture.is_empty() {
        structure.furniture.extend(&read.furniture);
        structure.furniture.sort_unstable();
    }
    let tree = structure::tree(&structure.headings, text.len());
    let preamble_end = structure.headings.first().map_or(text.len(), |h| h.start);

    // Section ids by heading index, for placing metrics.
    let mut section_of_heading = vec![String::new(); structure.headings.len()];
    fn index(sections: &[RawSection], out: &mut [String]) {
        for s in sections {
            out[s.heading] = s.id.clone();
            index(&s.children, out);
        }
    }
    index(&tree, &mut section_of_heading);

    // Pass 2: metrics on every line that is not page furniture.
    let mut raw = Vec::new();
    let mut furniture = structure.furniture.iter().peekable();
    let mut sentence = 0;
    let mut capped = false;
    let mut scanner = metrics::Scanner::default();
    let (paragraphs, holes) =
        wraps::paragraphs(text, lines, &structure.headings, &structure.furniture);
    let mut hole = 0;
    for line in &paragraphs {
        while furniture.peek().is_some_and(|f| f.1 <= line.start) {
            furniture.next();
        }
        // A furniture line (a paragraph holding furniture between its
        // lines is read around it).
        if furniture
            .peek()
            .is_some_and(|&&f| f == text::trim_range(text, line.start, line.end))
        {
            continue;
        }
        if is_glossary_term(&text[line.start..line.end]) {
            continue;
        }
        while hole < holes.len() && holes[hole].0 < line.start {
            hole += 1;
        }
        let inside = holes[hole..].partition_point(|h| h.1 <= line.end);
        scanner.scan_paragraph(
            text,
            (line.start, line.end),
            &holes[hole..hole + inside],
            &mut sentence,
            &mut raw,
        );
        if raw.len() > MAX_METRICS {
            raw.truncate(MAX_METRICS);
            capped = true;
            break;
        }
    }

    let heading_starts: Vec<usize> = structure.headings.iter().map(|h| h.start).collect();
    let section_at = |byte: usize| -> Option<String> {
        let i = heading_starts.partition_point(|&s| s <= byte);
        (i > 0).then(|| section_of_heading[i - 1].clone())
    };

    let mut sentences = indicators::SentenceCache::default();
    report.metrics = raw
        .iter_mut()
        .enumerate()
        .map(|(i, m)| {
            let (clause_end, sentence_end) = clause_and_sentence_end(text, m.end);
            // At most CONTEXT_BEFORE bytes back (on a char boundary).
            let back = text::ceil_boundary(text, m.start.saturating_sub(limits::CONTEXT_BEFORE));
            let clause = &text[m.clause.max(back)..clause_end];
            let indicator = match options.indicators.classify(clause, m.unit) {
                Some(id) => Some(Cow::Owned(id.to_string())),
                None => indicators::classify(
                    m,
                    clause,
                    &text[m.sentence.min(m.start).max(back)..sentence_end],
                    &mut sentences,
                )
                .map(Cow::Borrowed),
            };
            Metric {
                id: numbered("m", i + 1),
                text: text[m.start..m.end].to_string(),
                span: map.span(m.start, m.end),
                value: m.value,
                upper: m.upper,
                unit: m.unit.map(Cow::Borrowed),
                qualifier: m.qualifier,
                kind: m.kind,
                change: m.change,
                // Moved: the checks read it from the public metric.
                subject: m.subject.take(),
                indicator,
                section: section_at(m.start),
            }
        })
        .collect();

    report.sections = convert(text, &map, &structure, &tree);
    report.items = convert_items(text, &map, &structure::items(text, 0, preamble_end));
    report.preamble = map.span(0, preamble_end);
    report.furniture = structure
        .furniture
        .iter()
        .map(|&(s, e)| map.span(s, e))
        .collect();
    report.title = structure.title.clone();
    // The genre, decided once: the year reported on and the checks read it.
    let genre = checks::genre(structure.title.as_deref(), text);
    report.year = year(text, &structure, genre);
    report.meta = structure.meta.clone();
    if report.meta.published.is_none() {
        report.meta.published = structure.banner_date.clone();
    }

    if structure.truncated {
        report.warnings.push(lang.say(Msg::TooManySections {
            limit: limits::MAX_SECTIONS,
        }));
    }
    if structure.page_lines_truncated {
        report.warnings.push(lang.say(Msg::Key(
            "warn.too_many_page_lines",
            vec![limits::MAX_PAGE_FURNITURE.to_string()],
        )));
    }
    if structure.furniture_truncated {
        report.warnings.push(lang.say(Msg::TooMuchFurniture {
            limit: limits::MAX_FURNITURE,
        }));
    }
    if capped {
        report
            .warnings
            .push(lang.say(Msg::TooManyMetrics { limit: MAX_METRICS }));
    }
    if !text.chars().any(text::is_han) && !text.trim().is_empty() {
        report.warnings.push(lang.say(Msg::NoChinese));
    } else if report.sections.is_empty() && !text.trim().is_empty() {
        report.warnings.push(lang.say(Msg::NoHeadings));
    }
    let mut flat = Vec::new();
    fn flatten<'a>(
        text: &'a str,
        structure: &'a Structure,
        tree: &'a [RawSection],
        out: &mut Vec<checks::Sec<'a>>,
    ) {
        for s in tree {
            let h = &structure.headings[s.heading];
            out.push(checks::Sec {
                id: s.id.clone(),
                level: h.level,
                title: &text[h.title.0..h.title.1],
                text: &text[s.span.0..s.span.1],
                range: s.span,
            });
            flatten(text, structure, &s.children, out);
        }
    }
    flatten(text, &structure, &tree, &mut flat);
    let input = checks::Input {
        text,
        sections: &flat,
        meta: &report.meta,
        title: report.title.as_deref(),
        year: report.year,
        metrics: &report.metrics,
        raw: &raw,
        genre,
    };
    report.checks = checks::run(&input, lang);
    if genre == checks::Genre::Disclosure {
        checks::disclosure::run(&input, &read.facts, lang, &mut report.checks);
    }
    tables::arith::run(&read.facts, lang, &mut report.checks);
    report.derived = tables::derived::compute(&read.facts);
    report
}

/// `prefix` followed by `n` (`m12`), without the formatting machinery.
pub(crate) fn numbered(prefix: &str, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(prefix.len() + digits.len() - i);
    s.push_str(prefix);
    s.extend(digits[i..].iter().map(|&d| d as char));
    s
}

/// A glossary entry's term line (`［10］两个基地、两个枢纽、两个网络：`):
/// it names terms, so its numerals are names, not quantities.
fn is_glossary_term(line: &str) -> bool {
    let t = line.trim_matches(text::is_space);
    let open = t.starts_with('［') || t.starts_with('[') || t.starts_with('【');
    open && text::chars_at_most(t, 40) && matches!(t.chars().next_back().map(text::fold), Some(':'))
}

/// Where the clause and the sentence that go on at byte `from` end: the
/// next `，,、` or sentence stop, and the next `。；;` or line break,
/// looking at most 300 bytes ahead so that the work per metric stays
/// bounded. One pass over the bytes: every stop is ASCII or one of four
/// three-byte characters, recognised without decoding.
pub(crate) fn clause_and_sentence_end(text: &str, from: usize) -> (usize, usize) {
    let limit = text::floor_boundary(text, from + 300);
    let bytes = text.as_bytes();
    let mut clause = None;
    let mut i = from;
    while i < limit {
        let b = bytes[i];
        let (clause_stop, sentence_stop, len) = match STOP_CLASS[usize::from(b)] {
            // Any other character: skipped by the width its lead byte gives.
            w @ 1..=4 => {
                i += usize::from(w);
                continue;
            }
            SENTENCE => (true, true, 1),
            CLAUSE => (true, false, 1),
            MAYBE_STOP if i + 2 < limit => match (b, bytes[i + 1], bytes[i + 2]) {
                // 。 U+3002, ； U+FF1B
                (0xE3, 0x80, 0x82) | (0xEF, 0xBC, 0x9B) => (true, true, 3),
                // 、 U+3001, ， U+FF0C
                (0xE3, 0x80, 0x81) | (0xEF, 0xBC, 0x8C) => (true, false, 3),
                _ => (false, false, 3),
            },
            // E3 or EF with the text ending inside the character.
            _ => (false, false, 3),
        };
        if clause_stop && clause.is_none() {
            clause = Some(i);
        }
        if sentence_stop {
            return (clause.unwrap_or(i), i);
        }
        i += len;
    }
    (clause.unwrap_or(limit), limit)
}

const SENTENCE: u8 = 5;
const CLAUSE: u8 = 6;
/// E3 and EF lead the four three-byte stops.
const MAYBE_STOP: u8 = 7;

/// For [`clause_and_sentence_end`], by a character's first byte: its width
/// in bytes (1–4) when it cannot be a stop, else what kind of stop it is or
/// may be.
static STOP_CLASS: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0x80;
    while b < 256 {
        // Continuation bytes never start a character; two-, three- and
        // four-byte leads.
        t[b] = if b < 0xE0 {
            2
        } else if b < 0xF0 {
            3
        } else {
            4
        };
        b += 1;
    }
    t[b'\n' as usize] = SENTENCE;
    t[b'\r' as usize] = SENTENCE;
    t[b';' as usize] = SENTENCE;
    t[b',' as usize] = CLAUSE;
    t[0xE3] = MAYBE_STOP;
    t[0xEF] = MAYBE_STOP;
    t
};

fn convert(
    text: &str,
    map: &TextIndex,
    structure: &Structure,
    tree: &[RawSection],
) -> Vec<Section> {
    tree.iter()
        .map(|s| {
            let h = &structure.headings[s.heading];
            Section {
                id: s.id.clone(),
                level: h.level,
                marker: text[h.marker.0..h.marker.1].to_string(),
                title: text[h.title.0..h.title.1].to_string(),
                span: map.span(s.span.0, s.span.1),
                heading_span: map.span(h.start, h.end),
                body_span: map.span(s.body.0, s.body.1),
                children: convert(text, map, structure, &s.children),
                items: convert_items(text, map, &structure::items(text, s.body.0, s.body.1)),
            }
        })
        .collect()
}

fn convert_items(text: &str, map: &TextIndex, items: &[RawItem]) -> Vec<Item> {
    items
        .iter()
        .map(|i| Item {
            marker: text[i.marker.0..i.marker.1].to_string(),
            title: text[i.title.0..i.title.1].to_string(),
            span: map.span(i.span.0, i.span.1),
        })
        .collect()
}

/// The year reported on: from the title (a 政府工作报告 of year Y reviews
/// Y − 1), else the first heading that names a year, else the first year
/// the text names.
fn year(text: &str, structure: &Structure, genre: checks::Genre) -> Option<i32> {
    if let Some(title) = &structure.title {
        if let Some(y) = text::first_year(title) {
            let work_report = genre == checks::Genre::WorkReport && !title.contains("年度");
            return Some(if work_report { y - 1 } else { y });
        }
    }
    for h in &structure.headings {
        if let Some(y) = text::first_year(&text[h.title.0..h.title.1]) {
            return Some(y);
        }
    }
    let preamble_end = structure.headings.first().map_or(text.len(), |h| h.start);
    let mut in_furniture = structure.furniture.iter();
    let mut next = in_furniture.next();
    for line in text::lines(&text[..preamble_end]) {
        while next.is_some_and(|f| f.1 <= line.start) {
            next = in_furniture.next();
        }
        if next.is_some_and(|f| f.0 <= line.start && line.end <= f.1 + 1) {
            continue;
        }
        let s = &text[line.start..line.end];
        // A meeting line (`——2019年1月6日在…会议上`) dates the speech,
        // not the year reviewed.
        if s.trim_start_matches(text::is_space).starts_with('—') {
            continue;
        }
        if let Some(y) = text::first_year(s) {
            return Some(y);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`clause_and_sentence_end`] written plainly, on characters.
    fn ends_by_chars(text: &str, from: usize) -> (usize, usize) {
        let limit = text::floor_boundary(text, from + 300);
        let mut clause = None;
        for (p, c) in text[from..limit].char_indices() {
            let at = from + p;
            let sentence = matches!(c, '\n' | '\r' | ';' | '。' | '；');
            if (sentence || matches!(c, ',' | '、' | '，')) && clause.is_none() {
                clause = Some(at);
            }
            if sentence {
                return (clause.unwrap_or(at), at);
            }
        }
        (clause.unwrap_or(limit), limit)
    }

    /// Every text made of three of `pieces` in a row (repeats allowed).
    fn sequences_of_three(pieces: &[&str]) -> Vec<String> {
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            texts = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
        }
        texts
    }

    /// The years of `s` as the parser read them before [`text::first_year`]:
    /// every position's four characters collected and parsed.
    fn years_by_strings(s: &str) -> Vec<i32> {
        let chars: Vec<char> = s.chars().map(text::fold).collect();
        (0..chars.len())
            .filter_map(|at| {
                let digits: String = chars.get(at..at + 4)?.iter().collect();
                let y: i32 = digits.parse().ok()?;
                (chars.get(at + 4) == Some(&'年')
                    && (1949..=2100).contains(&y)
                    && (at == 0 || !chars[at - 1].is_ascii_digit()))
                .then_some(y)
            })
            .collect()
    }

    #[test]
    fn first_year_reads_what_parsing_each_position_read() {
        let pieces = [
            "2021",
            "２０２１",
            "1948",
            "2101",
            "1",
            "+202",
            "-202",
            "年",
            "度",
            "x",
            "０",
        ];
        let mut texts = sequences_of_three(&pieces);
        texts.push("广州市2021年度法治政府建设情况报告".into());
        texts.push("12021年、2022年".into());
        let mut found = 0;
        for t in &texts {
            let want = years_by_strings(t).first().copied();
            found += usize::from(want.is_some());
            assert_eq!(text::first_year(t), want, "{t:?}");
        }
        assert!(found >= 30, "the pieces make years: {found}");
    }

    #[test]
    fn clause_and_sentence_ends_are_found_as_on_characters() {
        let pieces = [
            "共办理12件",
            "，",
            "、",
            "。",
            "；",
            ",",
            ";",
            "\n",
            "\r\n",
            "é",
            "𠀀",
            "「」",
            "〇",
            "＂",
            "x",
            "纠错率50.63%",
        ];
        // Every short sequence of the pieces, from every character boundary.
        let mut texts = sequences_of_three(&pieces);
        texts.push("共".repeat(150) + "。");
        texts.push("，".repeat(120));
        for text in &texts {
            for (from, _) in text.char_indices() {
                assert_eq!(
                    clause_and_sentence_end(text, from),
                    ends_by_chars(text, from),
                    "{text:?} from {from}"
                );
            }
        }
    }
}
