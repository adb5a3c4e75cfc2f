//! Robustness: parse never panics, never hangs, never loses text, whatever
//! the input; every output keeps the guarantees of `govreport::validate`.
#![cfg(not(target_arch = "wasm32"))]

use govreport::{parse, validate};
use proptest::prelude::*;
#[path = "common/corpus.rs"]
mod corpus;

fn assert_valid(text: &str) -> govreport::Report {
    let report = parse(text);
    let errors = validate(text, &report);
    assert!(
        errors.is_empty(),
        "{} broken guarantees, first: {:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    report
}

/// Pieces real reports are made of, so that random inputs reach deep paths.
const FRAGMENTS: &[&str] = &[
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "（ 三 ）",
    "1.",
    "2．",
    "3、",
    "（1）",
    "(2)",
    "一是",
    "二是",
    "三是",
    "主要举措和成效",
    "存在的问题",
    "2022年度主要安排",
    "特此报告。",
    "其他需要报告的情况",
    "审结行政复议案件553件，",
    "综合纠错280件，",
    "纠错率50.63%。",
    "2.4万余人次",
    "近20个",
    "约2350亿元",
    "增长5.4%",
    "高于全国0.4个百分点",
    "八成以上",
    "三分之一",
    "3至5个",
    "1-2部",
    "翻一番",
    "超千亿元",
    "连续五年",
    "第三名",
    "“十四五”",
    "《纲要(2021—2025年)》",
    "12345",
    "PM2.5",
    "石发〔2016〕23号",
    "分别达到29处、353处",
    "1409万、1305万人次",
    "24小时",
    "50米内",
    "万亿级",
    "百万英才",
    "索引号: 123/2022 文号:",
    "发文日期: 2022-02-23 发布机构: 某局",
    "发布日期:2022-02-23",
    "来源：",
    "• 字号:",
    "首页 > 政务公开",
    "【字号：",
    "淄博市2021年度法治政府建设工作的报告",
    "主要工作",
    "附件1",
    "名词解释",
    "。",
    "，",
    "、",
    "：",
    "；",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    "（",
    "）",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "\u{3000}",
    "\u{A0}",
    "\u{200B}",
    "\u{FEFF}",
    "𠀀",
    "😀",
    "\u{FFFD}",
    "١٢٣",
    "ཀ་",
    "ئۇيغۇر",
    "Report 2021",
    "0",
    "9",
    "00000",
    "。\n一、",
    "一、总体情况\n",
    "（一）主动公开。内容",
    "1.加强领导。",
    "——",
    "—",
    "-",
    "%",
    "％",
    "１２３",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn fragments_keep_every_guarantee(text in fragments()) {
        let report = parse(&text);
        let errors = validate(&text, &report);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    #[test]
    fn any_string_keeps_every_guarantee(text in any::<String>()) {
        let report = parse(&text);
        let errors = validate(&text, &report);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    #[test]
    fn fragments_with_noise_keep_every_guarantee(parts in prop::collection::vec((fragments(), "[\\PC]{0,4}"), 0..12)) {
        let text: String = parts.into_iter().map(|(a, b)| a + &b).collect();
        let report = parse(&text);
        let errors = validate(&text, &report);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }
}

#[test]
fn empty_and_blank_inputs() {
    for text in [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        "\u{3000}\u{A0}\u{200B}\u{FEFF}",
        "\t\t\t",
    ] {
        let r = assert_valid(text);
        assert!(r.sections.is_empty() && r.metrics.is_empty());
    }
}

#[test]
fn ten_megabytes_of_one_character() {
    for c in ["一", "9", "。", "\n", "(", "、"] {
        let text = c.repeat(10 * 1024 * 1024 / c.len());
        assert_valid(&text);
    }
}

#[test]
fn a_million_digits() {
    let text = format!("共办理{}件。", "7".repeat(1_000_000));
    let r = assert_valid(&text);
    assert!(r.metrics.is_empty(), "a million digits are no quantity");
}

/// Sentences that never end, each figure reading its context: the work
/// per figure is bounded (`limits::CONTEXT_BEFORE`, and a quotation's
/// length counted no further than a short one's), so these take about as
/// long as the same number of figures in ordinary sentences. Before, a
/// figure read back to the start of its sentence, its clause or an
/// unclosed quotation: 40 000 of the first kind took 80 s.
#[test]
fn twenty_thousand_figures_in_one_sentence() {
    for (unit, per) in [
        ("审结案件553件，纠错280件，纠错率50.63%，", 3),
        ("（一）依法行政12件", 1),
        ("「12件", 1),
        ("\"12件", 1),
    ] {
        let text = format!("一、总体情况\n“{}\n", unit.repeat(20_000));
        let r = assert_valid(&text);
        assert!(
            r.metrics.len() >= 20_000 * per / 2,
            "{unit}: {}",
            r.metrics.len()
        );
    }
}

/// The bound itself: a figure's indicator reads its sentence back at most
/// `limits::CONTEXT_BEFORE` bytes.
#[test]
fn an_indicator_reads_its_sentence_back_to_the_bound_only() {
    let indicator = |gap: usize| {
        let text = format!(
            "一、总体情况\n行政复议{}，纠错率50%。\n",
            "工作".repeat(gap)
        );
        let r = parse(&text);
        assert_eq!(r.metrics.len(), 1, "{gap}");
        r.metrics[0].indicator.clone()
    };
    // 行政复议 a third of the bound back: read; past the bound: not.
    let bound = govreport::limits::CONTEXT_BEFORE;
    assert_eq!(
        indicator(bound / 6 / 3).as_deref(),
        Some("admin_reconsideration_correction_rate")
    );
    assert_eq!(indicator(bound / 6 + 50), None);
}

#[test]
fn a_million_heading_lines_are_capped() {
    let text = "（一）标题\n".repeat(1_000_000);
    let r = assert_valid(&text);
    assert_eq!(r.all_sections().count(), govreport::limits::MAX_SECTIONS);
    assert!(
        r.warnings.iter().any(|w| w.contains("20000")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_collapsed_line_of_headings_every_few_characters_is_capped() {
    // One line, a marker every few characters, every one in sequence: the
    // collapsed-line pass splits it, and the section cap holds.
    let mut text = String::from("现将有关情况报告如下：");
    for n in 1..=9 {
        let numeral = ["一", "二", "三", "四", "五", "六", "七", "八", "九"][n - 1];
        text.push_str(&format!("{numeral}、标题"));
        for k in 1..=9 {
            let sub = ["一", "二", "三", "四", "五", "六", "七", "八", "九"][k - 1];
            text.push_str(&format!("（{sub}）内容。"));
            for j in 1..=99 {
                text.push_str(&format!("{j}.事项。"));
            }
        }
    }
    let r = assert_valid(&text);
    assert!(
        r.all_sections().count() > 9 * 9 * 90,
        "{}",
        r.all_sections().count()
    );
    // The same text 40 times (one line of 3 MB): capped, and still whole.
    let big = text.repeat(40);
    let r = assert_valid(&big);
    assert!(r.all_sections().count() <= govreport::limits::MAX_SECTIONS);
}

#[test]
fn page_furniture_and_metadata_fields_are_capped() {
    let limit = govreport::limits::MAX_FURNITURE;
    // Date lines between paragraphs, before any heading: each was a run of
    // furniture of its own (a `<details>` in the viewer).
    let text = "2022-02-23\n持续深化法治政府建设，办理12件。\n".repeat(3 * limit);
    let r = assert_valid(&text);
    assert_eq!(r.furniture.len(), limit);
    // The lines past the limit are text, and their figures are read.
    assert_eq!(r.metrics.len(), 3 * limit);
    assert!(
        r.warnings.iter().any(|w| w.contains(&limit.to_string())),
        "{:?}",
        r.warnings
    );

    // Labelled fields, many on one line.
    let text = "索引号：1 文号：2 ".repeat(2 * limit);
    let r = assert_valid(&text);
    assert_eq!(r.meta.fields.len(), limit);
    assert_eq!(r.meta.index_no.as_deref(), Some("1"));
    assert!(
        r.warnings.iter().any(|w| w.contains(&limit.to_string())),
        "{:?}",
        r.warnings
    );

    // A real page stays well inside both.
    let seed = parse(include_str!("fixtures/seed.txt"));
    assert!(!seed.furniture.is_empty() && !seed.meta.fields.is_empty());
    assert!(seed.warnings.is_empty(), "{:?}", seed.warnings);
}

#[test]
fn deep_and_cyclic_looking_numbering() {
    let mut text = String::new();
    for i in 0..5000 {
        text.push_str(
            [
                "一、",
                "（一）",
                "1.",
                "（1）",
                "（1）",
                "1.",
                "（一）",
                "一、",
            ][i % 8],
        );
        text.push_str("标题\n");
    }
    let r = assert_valid(&text);
    fn depth(s: &govreport::Section) -> usize {
        1 + s.children.iter().map(depth).max().unwrap_or(0)
    }
    assert!(r.sections.iter().map(depth).max().unwrap() <= govreport::limits::MAX_DEPTH);
}

#[test]
fn binary_garbage_decoded_as_text() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..2_000_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    assert_valid(&String::from_utf8_lossy(&bytes));
}

#[test]
fn lone_surrogates_from_javascript_arrive_as_replacement_characters() {
    // A JavaScript string with a lone surrogate reaches Rust with U+FFFD in
    // its place (one UTF-16 unit, like the surrogate), so offsets still match.
    let units: Vec<u16> = "一、总体情况\n共办理12件"
        .encode_utf16()
        .chain([0xD800])
        .chain("。".encode_utf16())
        .collect();
    let text = String::from_utf16_lossy(&units);
    let r = assert_valid(&text);
    assert_eq!(r.length as usize, units.len());
    assert_eq!(r.metrics[0].text, "12件");
}

#[test]
fn other_scripts() {
    for text in [
        "一、總體情況\n（一）主動公開。全年公開信息5,994條，辦理申請21件。",
        "1. Overview\nThe county published 5994 items and handled 21 requests (100%).",
        "༡ སྤྱིའི་གནས་ཚུལ།\nལོ་འདིར་ ༢༠༢༢ ཡིག་ཆ་ ༥༩༩༤ བཏོན།",
        "بىرىنچى، ئومۇمىي ئەھۋال\n2022-يىلى 5994 ئۇچۇر ئاشكارىلاندى.",
    ] {
        assert_valid(text);
    }
}

/// Every long report, concatenated and shuffled by paragraph.
#[test]
fn stress_long_reports_shuffled_by_paragraph() {
    let dir = corpus::long_dir();
    let mut paragraphs: Vec<String> = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        paragraphs.extend(text.lines().map(str::to_string));
    }
    let mut x: u64 = 42;
    for round in 0..3 {
        for i in (1..paragraphs.len()).rev() {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            paragraphs.swap(i, (x >> 33) as usize % (i + 1));
        }
        let text = paragraphs.join(if round == 1 { "\r\n" } else { "\n" });
        let r = assert_valid(&text);
        // 3 fixture reports (640 metrics) or the 10 of ../shared (2 500).
        assert!(r.metrics.len() > 500 && !r.sections.is_empty());
    }
}

#[test]
fn pages_of_wrapped_lines_numbers_and_headers_are_capped_and_whole() {
    // A PDF's text: each page a running header, two lines wrapped inside
    // a sentence (a figure on each), and the page's number; more pages
    // than the furniture cap allows.
    let limit = govreport::limits::MAX_PAGE_FURNITURE;
    let mut text = String::from("一、总体情况\n");
    let pages = limit; // two furniture lines a page: twice the cap
                       // Its lines recur too, but closer than a page: no header.
    let page_lines = govreport::limits::PAGE_LINES / 2;
    for n in 1..=pages {
        text.push_str("某某区2024年政府信息公开工作年度报告\n");
        for _ in 0..page_lines {
            text.push_str("全区各级行政机关全年共受理政府信息公开申请12\n");
            text.push_str("件，办结11件，其余依法转入下一年度继续办理并按\n");
        }
        text.push_str(&format!("— {n} —\n"));
    }
    let r = assert_valid(&text);
    assert_eq!(r.furniture.len(), limit);
    assert!(
        r.warnings.iter().any(|w| w.contains(&limit.to_string())),
        "{:?}",
        r.warnings
    );
    // Every figure is read, the one split by the line break too.
    let twelve = r.metrics.iter().filter(|m| m.text == "12\n件").count();
    assert_eq!(twelve, page_lines * pages);
}
