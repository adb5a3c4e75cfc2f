//! Inputs that once broke an invariant or caught a bug, kept as named tests
//! (fuzz crashes go here too).
#![cfg(not(target_arch = "wasm32"))]

use govreport::{parse, validate};

fn valid(text: &str) -> govreport::Report {
    let r = parse(text);
    let errors = validate(text, &r);
    assert!(errors.is_empty(), "{errors:?}");
    r
}

/// An unclosed `《` (garbled source, dev/013) hid every later figure of the
/// line until a book title had to close within 240 bytes.
#[test]
fn unclosed_book_title_does_not_hide_figures() {
    let r = valid("法治日报》、《中国税务报国家级重要媒体宣传报道7次被推介推广");
    assert_eq!(
        r.metrics
            .iter()
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>(),
        ["7次"]
    );
}

/// A heading line right after a wrapped glossary heading (long/05: `揭榜`
/// on its own line inside a paragraph) is no unmarked heading.
#[test]
fn wrapped_line_after_a_heading_is_not_a_heading() {
    let r = valid("一、总体情况\n正文。\n7.“双向揭榜挂帅”：企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称，其中“企业找技术”聚焦产业核心技术难题，由企业出题。\n");
    assert!(r.all_sections().all(|s| s.title != "揭榜"));
}

/// A number, a numeral or a qualifier at the very end of the text must not
/// read past it.
#[test]
fn numeral_at_line_end() {
    for text in [
        "共办理1",
        "共办理一",
        "增长5.",
        "翻",
        "翻一",
        "三分之",
        "1至",
        "3万",
        "超万",
        "近",
    ] {
        valid(text);
    }
}

/// Text copied from a PDF breaks lines inside sentences: a line that
/// starts with `1.5亿元`, `2、` or `（3）` there continues the sentence, it is
/// no heading; CRLF, NBSP and ideographic spaces change nothing.
#[test]
fn pdf_hard_line_breaks() {
    let text = "一、主要举措和成效\r\n\u{3000}\u{3000}全年共投入资金\r\n1.5亿元，其中用于执法装备的\r\n2、3类设备采购，以及\r\n（3）项培训。\r\n（一）加强组织领导。\u{A0}召开会议12次。\r\n";
    let r = valid(text);
    let headings: Vec<(u8, &str)> = r
        .all_sections()
        .map(|s| (s.level, s.marker.as_str()))
        .collect();
    assert_eq!(headings, [(1, "一、"), (2, "（一）")]);
    assert!(r
        .metrics
        .iter()
        .any(|m| m.text == "1.5亿元" && m.value == 150_000_000.0));
}

/// A glossary entry names terms (long/19: `［10］两个基地、两个枢纽、两个网络：`);
/// the same words quoted in the text are names too.
#[test]
fn glossary_terms_are_names() {
    let r = valid("提升“两个基地”“两个枢纽”“两个网络”［10］能级。\n［10］两个基地、两个枢纽、两个网络：\n中国企业走向国际市场的总部基地和境外企业进入中国市场的总部基地。\n［26］七个有之：\n搞任人唯亲的有之。\n");
    assert!(
        r.metrics.is_empty(),
        "{:?}",
        r.metrics.iter().map(|m| &m.text).collect::<Vec<_>>()
    );
}

/// With no phrase before it, a figure is named by what follows it; blanks
/// there (a PDF's spacing) were taken for that phrase.
#[test]
fn blanks_are_no_subject() {
    let r = valid("其中已有12个  各地积极推进法治建设");
    assert_eq!(r.metrics[0].text, "12个");
    assert_eq!(
        r.metrics[0].subject.as_deref(),
        Some("各地积极推进法治建设")
    );
    let r = valid(&format!("其中已有12个{}各地积极推进", " ".repeat(30)));
    assert_eq!(r.metrics[0].subject, None);
}

/// Fuzzing: a run of digits right before `、` in a table part read the
/// byte after the run as a character boundary (the middle of `、`).
#[test]
fn a_run_before_an_ideographic_comma_in_a_table() {
    valid(
        "三、收到和处理政府信息公开申请情况\n申请人情况\n一、本年新收政府信息公开申请数量1、其他",
    );
    valid("二、主动公开政府信息情况\n第二十条规章1、2、3");
}
