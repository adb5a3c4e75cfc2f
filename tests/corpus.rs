//! The parser against real reports with hand-checked gold labels
//! (copies in tests/fixtures; the full corpus in ../shared/corpus is used
//! too when it is there).
#![cfg(not(target_arch = "wasm32"))]

use govreport::{parse, CheckStatus, Report, TextIndex};
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel),
    )
    .expect(rel)
}

#[test]
fn seed_title_metadata_year() {
    let r = parse(&fixture("seed.txt"));
    assert_eq!(
        r.title.as_deref(),
        Some("淄博市2021年度法治政府建设工作的报告")
    );
    assert_eq!(r.year, Some(2021));
    assert_eq!(
        r.meta.index_no.as_deref(),
        Some("113703000042242984/2022-None")
    );
    assert_eq!(r.meta.doc_no, None, "文号 is empty on the page");
    assert_eq!(r.meta.issued.as_deref(), Some("2022-02-23"));
    assert_eq!(r.meta.published.as_deref(), Some("2022-02-23"));
    assert_eq!(r.meta.publisher.as_deref(), Some("淄博市司法局"));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn seed_outline_nests_by_marker_style() {
    let r = parse(&fixture("seed.txt"));
    let top: Vec<(&str, usize)> = r
        .sections
        .iter()
        .map(|s| (s.marker.as_str(), s.children.len()))
        .collect();
    assert_eq!(top, [("一、", 0), ("二、", 9), ("三、", 0), ("四、", 0)]);
    let run_in = &r.sections[1].children[0];
    assert_eq!(
        (run_in.id.as_str(), run_in.level, run_in.title.as_str()),
        ("s2.1", 2, "全面提升依法履职效能")
    );
    // 一是/二是/三是 are items of their section, not headings.
    let items: Vec<&str> = r.sections[2]
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "法治思维有待加强",
            "依法行政有待规范",
            "普法宣传效果有待提升"
        ]
    );
}

#[test]
fn seed_checks() {
    let r = parse(&fixture("seed.txt"));
    let status = |id: &str| r.checks.iter().find(|c| c.id == id).map(|c| c.status);
    assert_eq!(
        status("required.measures_and_results"),
        Some(CheckStatus::Pass)
    );
    assert_eq!(status("required.leaders_duty"), Some(CheckStatus::Pass));
    assert_eq!(status("required.next_year_plan"), Some(CheckStatus::Pass));
    // 三、 lists problems but states no causes; 其他需要报告的情况 is absent.
    assert_eq!(
        status("required.problems_and_causes"),
        Some(CheckStatus::Warn)
    );
    assert_eq!(status("required.other_matters"), Some(CheckStatus::Warn));
    assert_eq!(
        status("timeliness.published_on_time"),
        Some(CheckStatus::Pass)
    );
    assert_eq!(status("format.closing"), Some(CheckStatus::Pass));
    let rate = r
        .checks
        .iter()
        .find(|c| c.id == "consistency.rate")
        .expect("rate check");
    assert_eq!(rate.status, CheckStatus::Pass);
    assert!(
        rate.message.contains("280 ÷ 553 = 50.63%"),
        "{}",
        rate.message
    );
    let texts: Vec<&str> = rate
        .metrics
        .iter()
        .map(|id| {
            r.metrics
                .iter()
                .find(|m| &m.id == id)
                .unwrap()
                .text
                .as_str()
        })
        .collect();
    assert_eq!(texts, ["280件", "553件", "50.63%"]);
    assert_eq!(rate.section.as_deref(), Some("s2.6"));
}

#[test]
fn seed_metrics_resolve_value_unit_qualifier_subject_indicator() {
    let r = parse(&fixture("seed.txt"));
    let m = |text: &str| {
        r.metrics
            .iter()
            .find(|m| m.text == text)
            .unwrap_or_else(|| panic!("{text}"))
    };
    let training = m("2.4万余人次");
    assert_eq!(
        (training.value, training.unit.as_deref()),
        (24000.0, Some("人次"))
    );
    assert_eq!(training.qualifier.as_str(), "over");
    assert_eq!(training.section.as_deref(), Some("s2.4"));
    assert_eq!(m("48057件").subject.as_deref(), Some("诉前成功调解案件"));
    assert_eq!(
        m("50.63%").indicator.as_deref(),
        Some("admin_reconsideration_correction_rate.comprehensive")
    );
    let drop = m("92.2%");
    assert!(drop.change, "降幅达92.2% is a change");
    assert!(!m("99.5%").change, "满意率达到99.5% is a level");
    // 分别达到29处、353处: each value its own subject.
    assert_eq!(m("29处").subject.as_deref(), Some("省级示范基地"));
    assert_eq!(m("353处").subject.as_deref(), Some("市级示范基地"));
}

#[test]
fn dev_titles_and_alternating_metadata() {
    let r = parse(&fixture("dev/013.txt"));
    assert_eq!(r.title.as_deref(), Some("黄陂区2020年法治政府建设工作报告"));
    assert_eq!(r.meta.publisher.as_deref(), Some("区人民政府"));
    assert_eq!(r.meta.issued.as_deref(), Some("2020-12-03"));
    assert_eq!(r.meta.index_no.as_deref(), Some("010898141/2022-06521"));
    assert_eq!(r.meta.doc_no, None);
    let labels: Vec<&str> = r.meta.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "发文单位",
            "发文字号",
            "发文日期",
            "效力状态",
            "索引号",
            "主题分类"
        ]
    );

    let r = parse(&fixture("dev/010.txt"));
    assert_eq!(r.meta.publisher.as_deref(), Some("司法局"), "文章来源");
    assert_eq!(
        r.meta.published.as_deref(),
        Some("2021-03-29"),
        "更新时间 2021/03/29"
    );
    let r = parse(&fixture("dev/016.txt"));
    assert_eq!(r.meta.published.as_deref(), Some("2022-03-30"));
    let r = parse(&fixture("dev/001.txt"));
    assert_eq!(
        r.meta.published.as_deref(),
        Some("2017-02-28"),
        "发布时间:2017年02月28日"
    );
    let r = parse(&fixture("dev-long/gzbg-2026-03.txt"));
    assert_eq!(r.title.as_deref(), Some("2026年北京市政府工作报告"));
    assert_eq!(r.year, Some(2025), "a 2026 work report reviews 2025");
    assert_eq!(r.meta.publisher.as_deref(), Some("北京日报"));
    assert_eq!(r.meta.published.as_deref(), Some("2026-02-02"));
    // Text that starts mid-report has no title.
    assert_eq!(parse(&fixture("dev/004.txt")).title, None);
    assert_eq!(
        parse(&fixture("dev/007.txt")).title,
        None,
        "a site-written intro that quotes the title"
    );
}

/// Top-level headings of a long report, as its text has them.
fn outline(r: &Report) -> Vec<String> {
    r.sections
        .iter()
        .map(|s| format!("{}{}|{}", s.marker, s.title, s.children.len()))
        .collect()
}

#[test]
fn long_report_outlines_are_pinned() {
    let r = parse(&fixture("long/gzbg-2026-24.txt"));
    assert_eq!(r.title.as_deref(), Some("2026年西藏自治区政府工作报告"));
    assert_eq!(
        outline(&r),
        [
            "一、2025年和“十四五”时期工作回顾|0",
            "二、“十五五”时期经济社会发展把握的重要要求|0",
            "三、2026年重点工作|8"
        ]
    );
    let r = parse(&fixture("long/gzbg-2026-14.txt"));
    assert_eq!(
        outline(&r),
        [
            "一、“十四五”时期和2025年工作回顾|6",
            "二、“十五五”时期工作总体要求和目标任务|5",
            "三、2026年重点工作|10"
        ]
    );
    let r = parse(&fixture("long/gzbg-2026-11.txt"));
    let o = outline(&r);
    assert_eq!(
        o[..3],
        [
            "一、2025年和“十四五”时期工作回顾|0",
            "二、“十五五”时期的主要目标和重点任务|0",
            "三、2026年工作安排|14"
        ]
    );
    // The appendices: the ten livelihood projects, then the glossary.
    assert_eq!(o[3], "附件1|0");
    assert_eq!(o.iter().filter(|s| s.contains('、')).count(), 13);
    assert_eq!(o[o.len() - 2..], ["附件2|0", "名词解释|13"]);
}

/// Every file of the corpus copy, and of ../shared/corpus when present.
fn all_texts() -> Vec<PathBuf> {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if shared.is_dir() {
        dirs.push(shared);
    } else {
        eprintln!(
            "note: ../shared/corpus not found; span round-trips checked on tests/fixtures only"
        );
    }
    let mut out = Vec::new();
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn every_span_round_trips_on_every_corpus_file() {
    let files = all_texts();
    assert!(files.len() >= 21, "{}", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let r = parse(&text);
        let index = TextIndex::new(&text);
        let name = path.display();
        assert_eq!(r.length as usize, text.encode_utf16().count(), "{name}");
        for s in r.all_sections() {
            let heading = index
                .slice(s.heading_span)
                .unwrap_or_else(|| panic!("{name} {}", s.id));
            assert!(
                heading.starts_with(&s.marker) && heading.contains(&s.title),
                "{name}: {heading:?} vs {s:?}"
            );
            index
                .slice(s.body_span)
                .unwrap_or_else(|| panic!("{name} {}", s.id));
            index
                .slice(s.span)
                .unwrap_or_else(|| panic!("{name} {}", s.id));
        }
        for m in &r.metrics {
            assert_eq!(
                index.slice(m.span),
                Some(m.text.as_str()),
                "{name} {}",
                m.id
            );
        }
        // The preamble and every heading and body cover the input once.
        let mut pieces = vec![r.preamble];
        for s in r.all_sections() {
            pieces.push(s.heading_span);
            pieces.push(s.body_span);
        }
        pieces.sort();
        let mut at = 0;
        for p in pieces {
            assert_eq!(p.start, at, "{name}: gap or overlap at {at}");
            at = p.end;
        }
        assert_eq!(at, r.length, "{name}: the pieces end before the text");
    }
}
