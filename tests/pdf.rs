//! Text converted from PDF: hard line breaks inside paragraphs, page
//! numbers and running headers between the lines of a page. The report
//! of 上海市科委 2024 (`tests/fixtures/xxgk/xxgk-09.txt`, a PDF converted to
//! markdown with its line breaks) is read as is, and again with the page
//! furniture a PDF's text layer carries put back in: every 38 lines (a
//! printed page of this report) a page number `— N —` and the running
//! header, wherever the page breaks, mid-sentence included.
#![cfg(not(target_arch = "wasm32"))]

use govreport::{parse, validate, Report};

const HEADER: &str = "2024 年上海市科委政府信息公开工作年度报告";

fn fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/xxgk/xxgk-09.txt"
    );
    std::fs::read_to_string(path).unwrap()
}

/// The fixture with a page number and the running header after every 38th
/// line (not inside a table's rows: a converter puts those after the
/// table). Returns the text and the lines put in.
fn paged(text: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut added = Vec::new();
    let mut page = 1;
    let mut since = 0;
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        since += 1;
        if since >= 38 && !line.starts_with('|') {
            for l in [format!("— {page} —"), HEADER.to_string()] {
                out.push_str(&l);
                out.push('\n');
                added.push(l);
            }
            page += 1;
            since = 0;
        }
    }
    (out, added)
}

fn valid(text: &str) -> Report {
    let r = parse(text);
    let errors = validate(text, &r);
    assert!(errors.is_empty(), "{errors:?}");
    r
}

fn furniture_text<'t>(text: &'t str, r: &Report) -> Vec<&'t str> {
    let index = govreport::TextIndex::new(text);
    r.furniture.iter().filter_map(|&f| index.slice(f)).collect()
}

#[test]
fn page_numbers_and_running_headers_are_furniture_and_change_nothing_else() {
    let text = fixture();
    let (with_pages, added) = paged(&text);
    assert!(added.len() >= 6, "{} lines put in", added.len());
    let plain = valid(&text);
    let r = valid(&with_pages);
    // Every line put in is furniture, and nothing of the text is.
    let furniture = furniture_text(&with_pages, &r);
    for l in &added {
        assert!(furniture.contains(&l.as_str()), "{l} is not furniture");
    }
    assert_eq!(
        furniture.len() - added.len(),
        furniture_text(&text, &plain).len()
    );
    // The outline, the tables and the figures are those of the text
    // without them.
    let outline = |r: &Report| {
        r.all_sections()
            .map(|s| (s.level, s.title.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(outline(&r), outline(&plain));
    let cells = |r: &Report| {
        r.tables
            .iter()
            .flat_map(|t| t.cells.iter().map(|c| (c.id.clone(), c.value)))
            .collect::<Vec<_>>()
    };
    assert_eq!(cells(&r), cells(&plain));
    let figures = |r: &Report| {
        r.metrics
            .iter()
            .map(|m| (m.value, m.unit.clone(), m.subject.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(&r), figures(&plain));
    assert!(!r.metrics.iter().any(|m| m.text.contains('—')));
}

#[test]
fn figures_broken_by_the_page_width_are_read() {
    let r = valid(&fixture());
    let texts: Vec<&str> = r.metrics.iter().map(|m| m.text.as_str()).collect();
    // `不予公开答复 2` / `件`, `原创文章 294` / `篇`: each a figure across the break.
    for t in ["2\n件", "294\n篇"] {
        assert!(texts.contains(&t), "{t:?} not in {texts:?}");
    }
    let m = r.metrics.iter().find(|m| m.text == "294\n篇").unwrap();
    assert_eq!(m.subject.as_deref(), Some("原创文章"));
    // `六\n部分` is six parts, not six 部.
    assert!(!r.metrics.iter().any(|m| m.unit.as_deref() == Some("部")));
}
