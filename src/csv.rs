//! CSV rows of metrics, shared by the command line and the viewer's export.

use crate::{Metric, Report};

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

/// Quotes one CSV field when it needs it (RFC 4180).
///
/// ```
/// assert_eq!(govreport::csv::field("a,b"), "\"a,b\"");
/// assert_eq!(govreport::csv::field("纠错率"), "纠错率");
/// ```
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The path of section titles from the top to section `id` (`二、…/（六）…`).
pub fn section_path(report: &Report, id: &str) -> String {
    let mut path = Vec::new();
    let mut level = report.sections.as_slice();
    'outer: loop {
        for s in level {
            if id == s.id || id.starts_with(&format!("{}.", s.id)) {
                path.push(format!("{}{}", s.marker, s.title));
                if s.id == id {
                    break 'outer;
                }
                level = &s.children;
                continue 'outer;
            }
        }
        break;
    }
    path.join(" / ")
}

/// One CSV line (without newline) for a metric of `report` read from `file`.
pub fn metric_row(file: &str, report: &Report, m: &Metric) -> String {
    let section = m
        .section
        .as_deref()
        .map(|id| section_path(report, id))
        .unwrap_or_default();
    let cells = [
        file.to_string(),
        report.title.clone().unwrap_or_default(),
        report.year.map(|y| y.to_string()).unwrap_or_default(),
        section,
        m.subject.clone().unwrap_or_default(),
        m.text.clone(),
        crate::format_number(m.value),
        m.upper.map(crate::format_number).unwrap_or_default(),
        m.unit.as_deref().unwrap_or_default().to_string(),
        m.qualifier.as_str().to_string(),
        m.kind.as_str().to_string(),
        m.change.to_string(),
        m.indicator.as_deref().unwrap_or_default().to_string(),
    ];
    cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",")
}
