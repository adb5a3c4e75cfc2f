//! Lines that hold a whole report. A crawler (or the `textContent` of an
//! article whose paragraphs are `<p>`s) joins the paragraphs into one line:
//! `……总结如下：一、加强组织领导（一）全面部署……。实验区高度重视……二、……`.
//! Every heading is then inside the line. This pass splits such a line
//! into virtual lines, each starting at a heading marker, so that the
//! structure pass reads them as it reads any line; the byte offsets stay
//! those of the input.
//!
//! A marker inside a line begins a heading when
//!
//! - it follows the end of a sentence (`。！？；：`) or the text of the
//!   heading it continues (`一、加强组织领导（一）…`: a heading line with no
//!   `。` yet), not a quotation, a book title or other text
//!   (`第（一）项`, `如下：一是` are not markers at all);
//! - it is next in sequence: `二、` after `一、`, `（一）` first under a new
//!   `一、`, `（二）` after `（一）`; and
//! - the line holds at least [`MIN_MARKERS`] such markers and is at least
//!   [`MIN_CHARS`] characters long, so that a paragraph of an ordinary
//!   report with an inline list (`做法如下：1.加强领导；2.完善制度。`) is left
//!   as it is.

use super::numeral::cjk_value_of;
use super::structure::{is_marker_numeral, marker};
use super::text::{fold, Line};

/// Fewest in-sequence markers in a line that is split.
pub const MIN_MARKERS: usize = 3;
/// Shortest line (in characters) that is split.
pub const MIN_CHARS: usize = 400;

/// Longest quotation or book title (bytes, about 100 characters) inside
/// which markers are not headings; one open longer was left unclosed.
const MAX_QUOTE: usize = 300;

/// `lines`, with every collapsed line split at its heading markers.
pub fn split(text: &str, lines: Vec<Line>) -> Vec<Line> {
    if !lines.iter().any(|l| long(text, l)) {
        return lines;
    }
    let mut levels = Levels::default();
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let s = &text[line.start..line.end];
        if let Some((level, len)) = marker(s.trim_start_matches(super::text::is_space)) {
            let m = s.trim_start_matches(super::text::is_space);
            if let Some(n) = number(&m[..len]) {
                levels.accept(level, n);
            }
        }
        if !long(text, &line) || markers_after_stops(&text[line.start..line.end]) + 1 < MIN_MARKERS
        {
            out.push(line);
            continue;
        }
        let cuts = cuts(text, &line, &levels);
        if cuts.len() < MIN_MARKERS {
            out.push(line);
            continue;
        }
        // Replay the accepted markers so that the sequence goes on after.
        for &(_, level, n) in &cuts {
            levels.accept(level, n);
        }
        let mut start = line.start;
        for &(at, _, _) in &cuts {
            out.push(Line {
                start,
                end: at,
                next: at,
            });
            start = at;
        }
        out.push(Line { start, ..line });
    }
    out
}

/// How many `。` or `：` in `s` are followed by a heading marker: a quick
/// test (a byte search for the stops) before the line is read character by
/// character. The paragraphs of an ordinary long report have none.
fn markers_after_stops(s: &str) -> usize {
    let mut n = 0;
    for stop in ["。", "："] {
        for at in super::text::match_starts(s, stop) {
            let rest = &s[at + stop.len()..];
            if marker(rest.trim_start_matches(super::text::is_space)).is_some() {
                n += 1;
            }
        }
    }
    n
}

fn long(text: &str, line: &Line) -> bool {
    super::text::chars_at_least(&text[line.start..line.end], MIN_CHARS)
}

/// The last number seen at each level (0: none since the level above).
#[derive(Clone, Default)]
struct Levels([u32; 5]);

impl Levels {
    fn expects(&self, level: u8, n: u32) -> bool {
        // A level begins at 1 (under each heading of the level above) and
        // goes on one at a time.
        n == self.0[usize::from(level)] + 1
    }

    fn accept(&mut self, level: u8, n: u32) {
        let l = usize::from(level);
        self.0[l] = n;
        for deeper in &mut self.0[l + 1..] {
            *deeper = 0;
        }
    }
}

/// The value of a marker's numeral (`十二、` → 12, `（3）` → 3).
fn number(marker: &str) -> Option<u32> {
    let digits: String = marker
        .chars()
        .map(fold)
        .filter(char::is_ascii_digit)
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let numeral: Vec<char> = marker.chars().filter(|&c| is_marker_numeral(c)).collect();
    cjk_value_of(&numeral).map(|v| v as u32)
}

/// The markers inside `line` (not at its start) that begin headings, in
/// order: byte offset, level, number.
fn cuts(text: &str, line: &Line, levels: &Levels) -> Vec<(usize, u8, u32)> {
    let s = &text[line.start..line.end];
    let mut levels = levels.clone();
    let mut out = Vec::new();
    // Whether the text since the last cut is a heading with no 。 yet.
    let mut in_heading = marker(s.trim_start_matches(super::text::is_space)).is_some();
    let mut quote = 0i32;
    let mut quote_at = 0;
    let mut last = '\n';
    for (i, c) in s.char_indices() {
        let f = fold(c);
        match f {
            '“' | '《' | '「' | '‘' => {
                if quote == 0 {
                    quote_at = i;
                }
                quote += 1;
            }
            '”' | '》' | '」' | '’' => quote = (quote - 1).max(0),
            // A quotation still open after a sentence end and
            // MAX_QUOTE bytes was never closed (`推进“法律七进。专项…`).
            '。' if quote > 0 && i - quote_at > MAX_QUOTE => quote = 0,
            _ => {}
        }
        let numeral = is_marker_numeral(f);
        if i > 0 && quote == 0 && (numeral || matches!(f, '(' | '0'..='9')) {
            let after_stop = matches!(
                last,
                '。' | '!' | '?' | ';' | ':' | '！' | '？' | '；' | '：'
            );
            if after_stop || in_heading {
                if let Some((level, len)) = marker(&s[i..]) {
                    let row = table_row(&s[i + len..]);
                    let fits = |n: u32| {
                        levels.expects(level, n)
                            || (last == '。' && restarts(level, n, &s[i..i + len], &s[i + len..]))
                    };
                    if let Some(n) = number(&s[i..i + len]).filter(|&n| !row && fits(n)) {
                        levels.accept(level, n);
                        out.push((line.start + i, level, n));
                        in_heading = true;
                        last = f;
                        continue;
                    }
                }
            }
        }
        if f == '。' {
            in_heading = false;
        }
        if !super::text::is_space(c) {
            last = f;
        }
    }
    out
}

/// A numbering that starts again at （一） with no heading of the level
/// above (a report's plan items after its unheaded shortcomings): taken
/// when it follows a `。` and its （二） follows a `。` further on (within
/// 4 000 bytes), so that a single （一） in prose is not.
fn restarts(level: u8, n: u32, marker: &str, after: &str) -> bool {
    if level < 2 || n != 1 || !marker.contains('一') {
        return false;
    }
    let next = format!("。{}", marker.replacen('一', "二", 1));
    let window = &after[..super::text::floor_boundary(after, 4000)];
    super::text::contains(window, &next)
}

/// True when the text after a marker reads as a row of a statistical
/// table flattened into the line (`予以公开7000007（二）…`,
/// `属于国家秘密000000 02.…`): right after a row's label (within 32
/// characters, and before any `。`) a run of five or more digits, spaces
/// allowed between them, that is not followed by a word (`12345平台` is a
/// name). A heading followed by a table further on is not a row.
fn table_row(after: &str) -> bool {
    let chars: Vec<char> = after
        .chars()
        .take(32)
        .take_while(|&c| c != '。')
        .map(fold)
        .collect();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        let (mut digits, mut j) = (0, k);
        while j < chars.len() && (chars[j].is_ascii_digit() || (chars[j] == ' ' && digits > 0)) {
            digits += usize::from(chars[j].is_ascii_digit());
            j += 1;
        }
        let next = chars.get(j).copied().unwrap_or('\n');
        let word = super::text::is_han(next) && !is_marker_numeral(next);
        if digits >= 5 && !word {
            return true;
        }
        k = j;
    }
    false
}

#[cfg(test)]
mod tests {
    fn headings(text: &str) -> Vec<String> {
        crate::parse(text)
            .all_sections()
            .map(|s| format!("{} {}{}", s.level, s.marker, s.title))
            .collect()
    }

    #[test]
    fn a_collapsed_report_gets_its_outline() {
        let body = "实验区高度重视法治政府建设工作，坚持把依法行政作为全局性、综合性、基础性的系统工程，持续推进。".repeat(3);
        let text = format!(
            "2023年，实验区深入推进依法行政。现将有关情况总结如下：一、党对法治政府建设领导全面加强（一）坚持科学理论指引。{body}（二）切实履行第一责任人职责。{body}二、法治服务保障大局作用充分彰显（一）深化“放管服”改革。{body}一是持续规范。二是持续推进。三、依法行政（一）健全制度。{body}四、严格执法（一）深化改革。{body}"
        );
        assert_eq!(
            headings(&text),
            [
                "1 一、党对法治政府建设领导全面加强",
                "2 （一）坚持科学理论指引",
                "2 （二）切实履行第一责任人职责",
                "1 二、法治服务保障大局作用充分彰显",
                "2 （一）深化“放管服”改革",
                "1 三、依法行政",
                "2 （一）健全制度",
                "1 四、严格执法",
                "2 （一）深化改革",
            ]
        );
        // The spans still index the input as given.
        let report = crate::parse(&text);
        assert!(crate::validate(&text, &report).is_empty());
    }

    #[test]
    fn table_rows_flattened_into_the_line_are_not_headings() {
        let body =
            "我区政府信息公开工作扎实推进，主动公开政府信息，依申请公开办理及时，工作取得实效。"
                .repeat(4);
        let text = format!(
            "一、总体情况。{body}（一）主动公开。{body}（二）依申请公开。{body}二、主动公开政府信息情况。{body}三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况（一）予以公开7000007（二）部分公开10000（三）不予公开1.属于国家秘密000000（七）总计23 0 00 0 023四、结转下年度继续办理 0 0 00 00 0 四、政府信息公开行政复议、行政诉讼情况。{body}五、存在的主要问题及改进情况。{body}上线试运行12345平台新系统。六、其他需要报告的事项。无。"
        );
        // The six parts and the prose's headings; the table's rows are
        // not headings (the third part's title runs on into the table: a
        // title inside a collapsed line ends only at a marker or a 。).
        let markers: Vec<String> = crate::parse(&text)
            .all_sections()
            .map(|s| format!("{} {}", s.level, s.marker))
            .collect();
        assert_eq!(
            markers,
            [
                "1 一、",
                "2 （一）",
                "2 （二）",
                "1 二、",
                "1 三、",
                "1 四、",
                "1 五、",
                "1 六、"
            ],
            "{:#?}",
            headings(&text)
        );
    }

    #[test]
    fn ordinary_lines_and_references_are_left_alone() {
        let list = "主要做法如下：1.加强领导；2.完善制度；3.强化监督。".to_string();
        assert_eq!(headings(&list), Vec::<String>::new());
        // A lone （一） in prose after a numbering has gone on is not a
        // restart: no （二） follows it.
        let body =
            "实验区高度重视法治政府建设工作，坚持把依法行政作为系统工程，持续推进。".repeat(4);
        let once = format!("一、总体。{body}（一）第一项。{body}（二）第二项。{body}（一）再一次。{body}二、问题。{body}");
        assert_eq!(
            headings(&once),
            [
                "1 一、总体",
                "2 （一）第一项",
                "2 （二）第二项",
                "1 二、问题"
            ]
        );
        let again = format!("{once}（一）计划一。{body}（二）计划二。{body}");
        assert!(
            headings(&again)
                .ends_with(&["2 （一）计划一".to_string(), "2 （二）计划二".to_string()]),
            "{:#?}",
            headings(&again)
        );
        // Long, but its markers are quoted, cross-references or out of sequence.
        let quoted = format!(
            "{}“（一）引号里的编号”。根据第（一）项规定。三、不在序列里。五、也不在。",
            "正文内容。".repeat(100)
        );
        assert_eq!(headings(&quoted), Vec::<String>::new());
    }
}
