//! CSV rows of metrics and of table cells: what `govreport metrics` and
//! `govreport tables` write. (The viewer's CSV
//! export is written by `www/viewer.js`, with its own columns and the same
//! guard against formulas.)

use govreport::{format_number, Metric, Report};

/// The CSV header of [`metric_row`].
pub const HEADER: &[&str] = &[
    "file",
    "title",
    "year",
    "section",
    "subject",
    "text",
    "value",
    "upper",
    "unit",
    "qualifier",
    "kind",
    "change",
    "indicator",
];

/// The CSV header of `govreport tables`.
pub const TABLE_HEADER: &[&str] = &[
    "file",
    "title",
    "year",
    "format",
    "table",
    "row",
    "column",
    "cell",
    "value",
    "blank",
    "recovered",
];

/// A canonical cell id's table, row and column: `requests.withheld.secret.natural`
/// → (`requests`, `withheld.secret`, `natural`).
pub fn cell_parts(id: &str) -> (&str, &str, &str) {
    let (table, rest) = id.split_once('.').unwrap_or((id, ""));
    let (row, column) = rest.rsplit_once('.').unwrap_or((rest, ""));
    (table, row, column)
}

/// Appends one CSV line per table cell of `report` read from `file`.
pub fn push_table_rows(out: &mut String, file: &str, report: &Report) {
    let fixed = fixed_cells(file, report);
    for t in &report.tables {
        let format = match t.format {
            Some(govreport::TableFormat::Trial2019) => "2019",
            Some(govreport::TableFormat::Revised2021) => "2021",
            None => "",
        };
        for c in &t.cells {
            let (table, row, column) = cell_parts(&c.id);
            out.push_str(&fixed);
            for f in [format, table, row, column, c.id.as_str()] {
                push_field(out, f);
                out.push(',');
            }
            out.push_str(&format_number(c.value));
            out.push(',');
            out.push_str(if c.blank { "true" } else { "false" });
            out.push(',');
            out.push_str(if c.recovered { "true" } else { "false" });
            out.push('\n');
        }
    }
}

/// `compare --format csv`: one row per figure pair, then per table cell.
pub fn comparison(c: &govreport::Comparison) -> String {
    let mut out = String::from("kind,id,indicator,subject,unit,older,newer,difference,ratio\n");
    let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
    for p in &c.pairs {
        out.push_str("figure,");
        push_field(&mut out, &format!("{}→{}", p.older, p.newer));
        out.push(',');
        push_field(&mut out, p.indicator.as_deref().unwrap_or_default());
        out.push(',');
        push_field(&mut out, p.subject.as_deref().unwrap_or_default());
        out.push(',');
        push_field(&mut out, p.unit.as_deref().unwrap_or_default());
        out.push_str(&format!(
            ",{},{},{},{}\n",
            format_number(p.older_value),
            format_number(p.newer_value),
            format_number(p.difference),
            num(p.ratio)
        ));
    }
    for cell in &c.cells {
        out.push_str("cell,");
        push_field(&mut out, &cell.id);
        out.push_str(",,,");
        let ratio = match (cell.older, cell.newer) {
            (Some(o), Some(n)) if o != 0.0 => Some(n / o),
            _ => None,
        };
        out.push_str(&format!(
            ",{},{},{},{}\n",
            num(cell.older),
            num(cell.newer),
            num(cell.difference),
            num(ratio)
        ));
    }
    out
}

/// One CSV text field: quoted when it needs it (RFC 4180), and with a
/// leading `'` when it begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, which a spreadsheet would otherwise run as a formula (numbers
/// are written by [`push_row`] as they are, never through here).
pub fn text_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_field(&mut out, s);
    out
}

/// Appends `s` to `out` as one CSV text field (see [`field`]).
fn push_field(out: &mut String, s: &str) {
    let guard = matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    // Bytes, not chars: the four are ASCII, and UTF-8 never hides ASCII
    // inside another character.
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        for (i, part) in s.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        if guard {
            out.push('\'');
        }
        out.push_str(s);
    }
}

/// The path of section titles from the top to section `id` (`二、…/（六）…`).
pub fn section_path(report: &Report, id: &str) -> String {
    let mut path = String::new();
    let mut level = report.sections.as_slice();
    'outer: loop {
        for s in level {
            let within = id
                .strip_prefix(s.id.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
            if within {
                if !path.is_empty() {
                    path.push_str(" / ");
                }
                path.push_str(&s.marker);
                path.push_str(&s.title);
                if s.id == id {
                    break 'outer;
                }
                level = &s.children;
                continue 'outer;
            }
        }
        break;
    }
    path
}

/// One CSV line (without newline) for a metric of `report` read from `file`.
#[cfg(test)]
pub fn metric_row(file: &str, report: &Report, m: &Metric) -> String {
    let section = m
        .section
        .as_deref()
        .map(|id| section_path(report, id))
        .unwrap_or_default();
    let mut out = String::new();
    push_row(&mut out, &fixed_cells(file, report), &section, m);
    out
}

/// Appends the CSV lines of every metric of `report` read from `file`, each
/// ending in `\n`: the lines [`metric_row`] gives, written into one buffer
/// (each section's path worked out once, no string per field).
pub fn push_rows(out: &mut String, file: &str, report: &Report) {
    let fixed = fixed_cells(file, report);
    // Metrics come in text order: runs of them share a section.
    let mut last: Option<(&str, String)> = None;
    for m in &report.metrics {
        let section = match m.section.as_deref() {
            None => "",
            Some(id) => {
                if last.as_ref().is_none_or(|(at, _)| *at != id) {
                    last = Some((id, section_path(report, id)));
                }
                last.as_ref().map_or("", |(_, path)| path.as_str())
            }
        };
        push_row(out, &fixed, section, m);
        out.push('\n');
    }
    push_derived(out, &fixed, report);
}

/// The indicators derived from the tables, as rows after the metrics: the
/// indicator's name as subject, its cells as text.
fn push_derived(out: &mut String, fixed: &str, report: &Report) {
    for d in &report.derived {
        let name = govreport::indicator(&d.indicator).map_or("", |i| i.zh);
        let percent = d.unit.as_deref() == Some("%");
        out.push_str(fixed);
        out.push(',');
        push_field(out, name);
        out.push(',');
        push_field(out, &d.cells.join(" "));
        out.push(',');
        out.push_str(&format_number(d.value));
        out.push_str(",,");
        push_field(out, d.unit.as_deref().unwrap_or_default());
        out.push_str(if percent {
            ",exact,percent,false,"
        } else {
            ",exact,count,false,"
        });
        push_field(out, &d.indicator);
        out.push('\n');
    }
}

/// The cells every row of one report repeats, quoted once:
/// `file,title,year,`.
fn fixed_cells(file: &str, report: &Report) -> String {
    let mut head = String::new();
    push_field(&mut head, file);
    head.push(',');
    push_field(&mut head, report.title.as_deref().unwrap_or_default());
    head.push(',');
    if let Some(y) = report.year {
        head.push_str(&y.to_string());
    }
    head.push(',');
    head
}

/// Appends one row after `fixed` (from [`fixed_cells`]).
fn push_row(out: &mut String, fixed: &str, section: &str, m: &Metric) {
    out.push_str(fixed);
    push_field(out, section);
    out.push(',');
    push_field(out, m.subject.as_deref().unwrap_or_default());
    out.push(',');
    push_field(out, &m.text);
    out.push(',');
    out.push_str(&format_number(m.value));
    out.push(',');
    if let Some(u) = m.upper {
        out.push_str(&format_number(u));
    }
    out.push(',');
    push_field(out, m.unit.as_deref().unwrap_or_default());
    out.push(',');
    out.push_str(m.qualifier.as_str());
    out.push(',');
    out.push_str(m.kind.as_str());
    out.push(',');
    out.push_str(if m.change { "true" } else { "false" });
    out.push(',');
    push_field(out, m.indicator.as_deref().unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_in_one_buffer_are_the_rows_one_by_one() {
        let text = "某市2021年度法治政府建设情况报告\n一、总体\n（一）第一\n办理12件，“重点”事项3项。\n二、其他\n纠错率为50%。\n“x,y”共有5个。\n";
        let report = govreport::parse(text);
        assert!(report.metrics.len() >= 4);
        let mut all = String::new();
        push_rows(&mut all, "dir/a \"b\".txt", &report);
        let one_by_one: String = report
            .metrics
            .iter()
            .map(|m| metric_row("dir/a \"b\".txt", &report, m) + "\n")
            .collect();
        assert_eq!(all, one_by_one);
        assert!(all.starts_with("\"dir/a \"\"b\"\".txt\",某市2021年度法治政府建设情况报告,2021,一、总体 / （一）第一,"), "{all}");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(text_field("plain"), "plain");
        assert_eq!(text_field("a\"b"), "\"a\"\"b\"");
        assert_eq!(text_field("\"\""), "\"\"\"\"\"\"");
        assert_eq!(text_field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(text_field("cr\r"), "\"cr\r\"");
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_gets_a_quote() {
        for (cell, written) in [
            ("=1+2", "'=1+2"),
            ("+86", "'+86"),
            ("-0件", "'-0件"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            (
                "=HYPERLINK(\"a\",\"b\")",
                "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"",
            ),
            ("a=b", "a=b"),
            ("纠错率-1", "纠错率-1"),
            ("", ""),
        ] {
            assert_eq!(text_field(cell), written, "{cell:?}");
        }
        // A title and a section title that begin with one, in real rows;
        // a negative value stays a number.
        let report = govreport::parse("=某市2021年度法治政府建设情况报告\n一、+总体\n增长-5件。\n");
        let mut out = String::new();
        push_rows(&mut out, "a.txt", &report);
        let cells: Vec<&str> = out.trim_end().split(',').collect();
        assert_eq!(cells[1], "'=某市2021年度法治政府建设情况报告", "{out}");
    }
}
