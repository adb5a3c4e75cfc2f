//! Hard line breaks. Text copied from a PDF arrives with a line break every
//! thirty or so characters, inside sentences, inside figures
//! (`不予公开答复 2` / `件`) and inside the words a figure measures
//! (`行政复` / `议`). Pass 2 reads such a paragraph as one line; the spans
//! still index the input as given (a figure's text then holds the break).

use super::structure::Heading;
use super::text::{fold, is_han, trim_range, Line};

/// A line at least this many characters long that ends mid-sentence was
/// broken by the page's width, not by its writer (a short line without a
/// stop is a label, a caption or a title).
pub const MIN_WRAPPED: usize = 16;

/// `lines` with every paragraph broken by hard line breaks joined into
/// one line: a line that ends mid-sentence (on an ideograph, a letter or
/// digit, or `，`/`、`) and is at least [`MIN_WRAPPED`] characters long runs
/// on into the next when nothing but its line break separates them, and
/// neither is a heading. Page furniture between them (a page's number and
/// running header where a printed page broke the paragraph) joins too,
/// as a hole: the second value lists the holes, trimmed byte ranges in
/// text order, which pass 2 does not read. `headings` and `furniture`
/// (trimmed byte ranges) are in text order.
pub fn paragraphs(
    text: &str,
    lines: Vec<Line>,
    headings: &[Heading],
    furniture: &[(usize, usize)],
) -> (Vec<Line>, Vec<(usize, usize)>) {
    let starts_heading = |s: usize| headings.binary_search_by_key(&s, |h| h.start).is_ok();
    let is_furniture = |r: (usize, usize)| furniture.binary_search(&r).is_ok();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut holes = Vec::new();
    // Furniture lines after a line that runs on, not yet known to be holes.
    let mut pending: Vec<(Line, (usize, usize))> = Vec::new();
    // Whether the last text line may run on into the next.
    let mut runs_on = false;
    let mut last_next = usize::MAX;
    for line in lines {
        let (s, e) = trim_range(text, line.start, line.end);
        let furniture_line = s < e && is_furniture((s, e));
        let adjacent = last_next == line.start;
        last_next = line.next;
        if furniture_line && runs_on && adjacent {
            pending.push((line, (s, e)));
            continue;
        }
        let joins = runs_on && s < e && adjacent && !starts_heading(s) && !furniture_line;
        runs_on = s < e && !furniture_line && ends_mid_sentence(&text[s..e]);
        // A heading line runs on only when its heading ends inside it (a
        // run-in heading whose sentence wraps).
        if starts_heading(s) {
            let i = headings.partition_point(|h| h.start < s);
            runs_on &= headings[i].end < e;
        }
        match out.last_mut() {
            Some(p) if joins => {
                p.end = line.end;
                p.next = line.next;
                holes.extend(pending.drain(..).map(|(_, r)| r));
            }
            _ => {
                out.extend(pending.drain(..).map(|(l, _)| l));
                out.push(line);
            }
        }
    }
    out.extend(pending.drain(..).map(|(l, _)| l));
    (out, holes)
}

/// True when `line` (trimmed) stops where a page's width would stop it: on
/// an ideograph, a letter or digit, or a comma, after at least
/// [`MIN_WRAPPED`] characters.
pub fn ends_mid_sentence(line: &str) -> bool {
    let last = line.chars().next_back().map(fold).unwrap_or(' ');
    (is_han(last) || last.is_ascii_alphanumeric() || matches!(last, ',' | '、'))
        && line.chars().nth(MIN_WRAPPED - 1).is_some()
}

/// True when some line of `lines` ends mid-sentence ([`ends_mid_sentence`]):
/// the text may be a PDF's, with running headers to look for.
pub fn any_wrapped(text: &str, lines: &[Line]) -> bool {
    lines.iter().any(|l| {
        let (s, e) = trim_range(text, l.start, l.end);
        ends_mid_sentence(&text[s..e])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> Vec<&str> {
        let s = crate::parse::structure::scan(text, &crate::parse::text::lines(text));
        paragraphs(
            text,
            crate::parse::text::lines(text),
            &s.headings,
            &s.furniture,
        )
        .0
        .iter()
        .map(|l| &text[l.start..l.end])
        .collect()
    }

    #[test]
    fn a_wrapped_paragraph_is_one_line() {
        let text = "一、总体情况\n上海市科委 2024 年深入贯彻《政府信息公开条例》和《上\n海市政府信息公开规定》，有 1 件涉及政府信息公开工作的行政复\n议。\n二、工作机制保障\n市科委设立政务公开工作协调小组。";
        assert_eq!(
            joined(text),
            [
                "一、总体情况",
                "上海市科委 2024 年深入贯彻《政府信息公开条例》和《上\n海市政府信息公开规定》，有 1 件涉及政府信息公开工作的行政复\n议。",
                "二、工作机制保障",
                "市科委设立政务公开工作协调小组。",
            ]
        );
    }

    #[test]
    fn stops_blank_lines_and_short_lines_end_a_paragraph() {
        let text = "第一段到这里结束了。\n短行没有句号也不接下行\n下一行\n\n空行之后是新的一段文字内容而且足够长\n所以接上这一行。";
        assert_eq!(
            joined(text),
            [
                "第一段到这里结束了。",
                "短行没有句号也不接下行",
                "下一行",
                "",
                "空行之后是新的一段文字内容而且足够长\n所以接上这一行。",
            ]
        );
    }

    #[test]
    fn a_page_break_inside_a_paragraph_is_a_hole() {
        // The header recurs a page (12 lines or more) apart.
        let page = "正文一行。\n".repeat(12);
        let text = format!("一、总体情况\n{page}及主合办人大代表建议 50 件，主合办政协提案 85 件，主合\n— 2 —\n2024 年市科委年度报告\n办政协提案 85 件的办理复文。\n{page}二、其他\n— 3 —\n2024 年市科委年度报告\n{page}2024 年市科委年度报告\n");
        let text = text.as_str();
        let lines = crate::parse::text::lines(text);
        let s = crate::parse::structure::scan(text, &lines);
        let (paras, holes) = paragraphs(text, lines, &s.headings, &s.furniture);
        let at = |r: (usize, usize)| &text[r.0..r.1];
        assert_eq!(
            holes.iter().map(|&h| at(h)).collect::<Vec<_>>(),
            ["— 2 —", "2024 年市科委年度报告"]
        );
        assert!(paras.iter().any(|l| at((l.start, l.end))
            .ends_with("主合\n— 2 —\n2024 年市科委年度报告\n办政协提案 85 件的办理复文。")));
    }
}
