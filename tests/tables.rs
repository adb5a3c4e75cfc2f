//! The tables of 政府信息公开工作年度报告 under hostile input: limits hold,
//! the time stays linear, nothing in a `<script>` is read, no text is lost.
//! (Accuracy on the corpus is in `tests/accuracy.rs`, the forms in
//! `tests/fixtures/tables.md`.)
#![cfg(not(target_arch = "wasm32"))]

use govreport::{html, limits, parse, parse_document, validate, Lang, Report};

fn from_html(page: &str) -> Report {
    let doc = html::read(page, Lang::Zh);
    let report = parse_document(&doc, &Default::default());
    let errors = validate(&doc.text, &report);
    assert!(errors.is_empty(), "{errors:?}");
    report
}

const HEAD: &str = "<p>二、主动公开政府信息情况</p>";

#[test]
fn a_span_of_a_billion_is_cut_to_the_limits() {
    let page = format!(
        "{HEAD}<table><tr><td colspan=\"1000000000\" rowspan=\"1000000000\">规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>"
    );
    let doc = html::read(&page, Lang::Zh);
    let grid = &doc.tables[0].rows;
    assert_eq!(grid.len(), 2);
    assert!(grid.iter().all(|r| r.len() <= limits::MAX_TABLE_COLUMNS));
    from_html(&page);
}

#[test]
fn a_hundred_thousand_rows_keep_their_text() {
    let rows = "<tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr><tr><td>规范性文件</td><td>2</td><td>0</td><td>5</td></tr>"
        .repeat(50_000);
    let page = format!("{HEAD}<table>{rows}</table>");
    let doc = html::read(&page, Lang::Zh);
    assert_eq!(doc.tables[0].rows.len(), limits::MAX_TABLE_ROWS);
    // Rows past the limit stay text, with a warning.
    assert_eq!(doc.text.matches("规章").count(), 50_000);
    let report = from_html(&page);
    assert!(report
        .warnings
        .iter()
        .any(|w| w.contains(&limits::MAX_TABLE_ROWS.to_string())));
    assert_eq!(report.tables[0].cells.len(), 6);
}

#[test]
fn scripts_styles_and_comments_in_cells_are_never_read() {
    let page = format!(
        "{HEAD}<table><tr><td>规章<script>document.title='x'</script></td><td>1<style>td{{color:red}}</style></td><td><!-- 9 -->0</td><td>3</td></tr><tr><td>行政规范性文件</td><td>2</td><td>0</td><td>7</td></tr></table>"
    );
    let doc = html::read(&page, Lang::Zh);
    assert!(
        !doc.text.contains("document.title")
            && !doc.text.contains("color")
            && !doc.text.contains('9')
    );
    let report = from_html(&page);
    let cells: Vec<f64> = report.tables[0].cells.iter().map(|c| c.value).collect();
    assert_eq!(cells, [1.0, 0.0, 3.0, 2.0, 0.0, 7.0]);
}

#[test]
fn tables_in_tables_empty_tables_and_word_tables_warn_or_pass() {
    let nested = from_html("<p>一、总体情况</p><table><tr><td><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>");
    assert_eq!(nested.warnings.len(), 1, "{:?}", nested.warnings);
    assert!(nested.tables.iter().all(|t| t.cells.is_empty()));
    for page in [
        "<table></table>",
        "<table><tr></tr></table>",
        "<table><tr><td>姓名</td><td>张三</td></tr></table>",
    ] {
        let r = from_html(&format!("<p>一、总体情况</p>{page}<p>正文。</p>"));
        assert!(
            r.tables
                .iter()
                .all(|t| t.kind.is_none() && t.cells.is_empty()),
            "{page}"
        );
    }
}

#[test]
fn a_run_of_a_million_digits_is_unreadable_not_slow() {
    let text = format!(
        "三、收到和处理政府信息公开申请情况\n申请人情况\n一、本年新收政府信息公开申请数量{}\n二、上年结转政府信息公开申请数量0000000",
        "1".repeat(1_000_000)
    );
    let report = parse(&text);
    assert!(validate(&text, &report).is_empty());
    let ids: Vec<&str> = report.tables[0]
        .cells
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        !ids.iter().any(|id| id.starts_with("requests.new.")),
        "{ids:?}"
    );
    assert!(ids.contains(&"requests.carried_in.total"));
}

#[test]
fn rows_that_split_many_ways_stay_within_the_step_limit() {
    // Every row a run the arithmetic cannot settle: each gives up within
    // MAX_SPLIT_STEPS, and the rows after still read.
    let row = "一、本年新收政府信息公开申请数量1111111111111111111111111111";
    let text = format!(
        "三、收到和处理政府信息公开申请情况\n申请人情况\n{}",
        row.repeat(2_000)
    );
    let report = parse(&text);
    assert!(validate(&text, &report).is_empty());
}

#[test]
fn the_corpus_pages_keep_every_guarantee() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/xxgk"));
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().into_owned();
        if name.ends_with(".html") || name.ends_with("-11.txt") {
            let page = std::fs::read_to_string(&path).unwrap();
            let r = from_html(&page);
            assert!(
                r.tables.iter().filter(|t| t.kind.is_some()).count() >= 3,
                "{name}"
            );
            n += 1;
        } else if name.ends_with(".txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let r = parse(&text);
            assert!(validate(&text, &r).is_empty(), "{name}");
            n += 1;
        }
    }
    assert_eq!(n, 8);
}
