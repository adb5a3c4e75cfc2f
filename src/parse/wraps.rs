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
/// neither is a heading or page furniture. `headings` and `furniture`
/// (trimmed byte ranges) are in text order.
pub fn paragraphs(
    text: &str,
    lines: Vec<Line>,
    headings: &[Heading],
    furniture: &[(usize, usize)],
) -> Vec<Line> {
    let starts_heading = |s: usize| headings.binary_search_by_key(&s, |h| h.start).is_ok();
    let is_furniture = |r: (usize, usize)| furniture.binary_search(&r).is_ok();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // Whether the last line pushed may run on into the next.
    let mut runs_on = false;
    for line in lines {
        let (s, e) = trim_range(text, line.start, line.end);
        let joins = runs_on
            && s < e
            && out.last().is_some_and(|p| p.next == line.start)
            && !starts_heading(s)
            && !is_furniture((s, e));
        runs_on = s < e && !is_furniture((s, e)) && ends_mid_sentence(&text[s..e]);
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
            }
            _ => out.push(line),
        }
    }
    out
}

/// True when `line` (trimmed) stops where a page's width would stop it: on
/// an ideograph, a letter or digit, or a comma, after at least
/// [`MIN_WRAPPED`] characters.
pub fn ends_mid_sentence(line: &str) -> bool {
    let last = line.chars().next_back().map(fold).unwrap_or(' ');
    (is_han(last) || last.is_alphanumeric() || matches!(last, ',' | '、'))
        && line.chars().nth(MIN_WRAPPED - 1).is_some()
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
}
