//! `govreport series` (each report against the previous year's of the same
//! body) and `govreport panel` (one row per report and indicator: the
//! dataset researchers build by hand).

use crate::args::{Args, Format};
use crate::csv;
use crate::input::{expand, parse_file, parse_file_with_text, unless_closed};
use govreport::{format_number, ParseOptions, Report};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// The body a report is of: its publisher, else its title without years.
pub fn body_of(report: &Report) -> Option<String> {
    if let Some(p) = report
        .meta
        .publisher
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    {
        return Some(p.trim().to_string());
    }
    let title = report.title.as_deref()?;
    let mut out = String::new();
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            // A year and its 年 / 年度.
            while chars.peek().is_some_and(|d| {
                d.is_ascii_digit() || ('０'..='９').contains(d) || d.is_whitespace()
            }) {
                chars.next();
            }
            if chars.peek() == Some(&'年') {
                chars.next();
                if chars.peek() == Some(&'度') {
                    chars.next();
                }
            }
            continue;
        }
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Writes `body` to `--out` or standard output.
pub fn write(args: &Args, body: &str) -> Result<(), String> {
    match &args.out {
        Some(path) => {
            std::fs::write(path, body).map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => unless_closed(std::io::stdout().lock().write_all(body.as_bytes()))
            .map_err(|e| format!("standard output: {e}")),
    }
}

/// A file with the body and the year it reports on, if found.
type Placed = (String, Option<String>, Option<i32>);

pub fn cmd_series(args: Args, options: ParseOptions) -> ExitCode {
    let (files, mut errors) = expand(&args.files);
    // First the body and year of every file (in parallel), then each
    // body's reports in order of year, each compared with the one before.
    let done = std::sync::atomic::AtomicUsize::new(0);
    // The progress bar of `metrics`, while the files are placed.
    let show_progress = files.len() >= 20 && std::io::stderr().is_terminal();
    let placed: Vec<Result<Placed, String>> = files
        .par_iter()
        .map(|f| {
            let r = parse_file(f, &options);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if show_progress {
                crate::commands::progress(n, files.len());
            }
            r.map(|r| (f.clone(), body_of(&r), r.year))
        })
        .collect();
    if show_progress {
        eprintln!();
    }
    let mut bodies: BTreeMap<String, Vec<(i32, String)>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for p in placed {
        match p {
            Ok((f, Some(body), Some(year))) => bodies.entry(body).or_default().push((year, f)),
            Ok((f, _, _)) => unplaced.push(f),
            Err(e) => errors.push(e),
        }
    }
    let mut out = String::new();
    if args.format == Format::Csv {
        out.push_str("body,older,newer,older_year,newer_year,pairs,cells_changed,reuse_share,cross_year_failed\n");
    }
    // Every consecutive pair of every body, compared in parallel and
    // written in order.
    let mut jobs = Vec::new();
    for (body, mut reports) in bodies {
        reports.sort();
        for w in reports.windows(2) {
            jobs.push((body.clone(), w[0].clone(), w[1].clone()));
        }
    }
    let lines: Vec<Result<String, String>> = jobs
        .par_iter()
        .map(|(body, (ya, fa), (yb, fb))| {
            let a = parse_file_with_text(fa, &options)?;
            let b = parse_file_with_text(fb, &options)?;
            let c = govreport::compare(&a.0, &a.1, &b.0, &b.1, options.lang);
            Ok(match args.format {
                Format::Csv => {
                    let changed = c.cells.iter().filter(|x| x.difference.is_some_and(|d| d != 0.0)).count();
                    let failed = c.checks.iter().filter(|k| k.status == govreport::CheckStatus::Fail).count();
                    let fields: Vec<String> = [body.as_str(), fa, fb].iter().map(|s| csv::text_field(s)).collect();
                    format!(
                        "{},{ya},{yb},{},{changed},{},{failed}\n",
                        fields.join(","),
                        c.pairs.len(),
                        format_number((c.reuse.share * 10000.0).round() / 10000.0)
                    )
                }
                _ => {
                    let line = serde_json::json!({ "body": body, "older_file": fa, "newer_file": fb, "comparison": c });
                    format!("{line}\n")
                }
            })
        })
        .collect();
    for l in lines {
        match l {
            Ok(s) => out.push_str(&s),
            Err(e) => errors.push(e),
        }
    }
    for f in &unplaced {
        eprintln!("govreport: {f}: no body or year found (not placed in a series)");
    }
    finish(&args, &out, errors)
}

/// One report's values by indicator: the first figure of each canonical
/// indicator (document order), each derived indicator, each table cell.
fn values(report: &Report) -> Vec<(String, f64, Option<String>, &'static str)> {
    let mut out: Vec<(String, f64, Option<String>, &'static str)> = Vec::new();
    for m in &report.metrics {
        if let Some(id) = &m.indicator {
            if !out.iter().any(|(k, ..)| k == id.as_ref()) {
                out.push((
                    id.to_string(),
                    m.value,
                    m.unit.as_deref().map(str::to_string),
                    "metric",
                ));
            }
        }
    }
    for d in &report.derived {
        out.push((d.indicator.clone(), d.value, d.unit.clone(), "derived"));
    }
    for c in report.tables.iter().flat_map(|t| &t.cells) {
        out.push((c.id.clone(), c.value, None, "cell"));
    }
    out
}

/// The wide columns, known before any report: every indicator of the
/// taxonomy, every derived one, every canonical cell.
fn columns() -> &'static [String] {
    static COLUMNS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    COLUMNS.get_or_init(|| {
        govreport::INDICATORS
            .iter()
            .map(|i| i.id.to_string())
            .chain(govreport::DERIVED.iter().map(|i| i.id.to_string()))
            .chain(govreport::cell_ids())
            .collect()
    })
}

/// `panel`: streamed file by file as `metrics` is (progress bar, bad files
/// skipped and reported).
pub fn cmd_panel(args: Args, options: ParseOptions) -> ExitCode {
    if args.wide {
        let mut header = vec!["file", "title", "year", "body"];
        header.extend(columns().iter().map(String::as_str));
        crate::commands::stream(args, options, &header, |f, file, r| {
            panel_rows(f, true, columns(), file, r)
        })
    } else {
        let header = [
            "file",
            "title",
            "year",
            "body",
            "indicator",
            "value",
            "unit",
            "source",
        ];
        crate::commands::stream(args, options, &header, |f, file, r| {
            panel_rows(f, false, &[], file, r)
        })
    }
}

/// Writes the output, reports the files skipped, and says how it went.
fn finish(args: &Args, out: &str, mut errors: Vec<String>) -> ExitCode {
    if let Err(e) = write(args, out) {
        errors.push(e);
    }
    crate::commands::report(&errors)
}

fn panel_rows(format: Format, wide: bool, columns: &[String], file: &str, r: &Report) -> String {
    let vals = values(r);
    let body = body_of(r).unwrap_or_default();
    let title = r.title.clone().unwrap_or_default();
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let head = [file, title.as_str(), year.as_str(), body.as_str()]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 2 {
                s.to_string()
            } else {
                csv::text_field(s)
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    let mut out = String::new();
    match (format, wide) {
        (Format::Csv, true) => {
            out.push_str(&head);
            for c in columns {
                out.push(',');
                if let Some((_, v, ..)) = vals.iter().find(|(k, ..)| k == c) {
                    out.push_str(&format_number(*v));
                }
            }
            out.push('\n');
        }
        (Format::Csv, false) => {
            for (id, v, unit, source) in &vals {
                out.push_str(&format!(
                    "{head},{},{},{},{source}\n",
                    csv::text_field(id),
                    format_number(*v),
                    csv::text_field(unit.as_deref().unwrap_or_default())
                ));
            }
        }
        (_, true) => {
            let map: serde_json::Map<String, serde_json::Value> = vals
                .iter()
                .map(|(k, v, ..)| (k.clone(), serde_json::json!(v)))
                .collect();
            let line = serde_json::json!({ "file": file, "title": r.title, "year": r.year, "body": body, "values": map });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        (_, false) => {
            for (id, v, unit, source) in &vals {
                let line = serde_json::json!({ "file": file, "title": r.title, "year": r.year, "body": body, "indicator": id, "value": v, "unit": unit, "source": source });
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
    }
    out
}
