//! The commands: `parse` (the report as JSON) and `metrics` (a table of
//! every metric of every report), each streaming its output.

use crate::args::{Args, Format};
use crate::csv;
use crate::input::{expand, parse_file, parse_file_with_text, unless_closed};
use govreport::{ParseOptions, Report};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes the report as pretty JSON and a newline, streamed: a report
/// of a 100 MB input is about 150 MB of JSON, never held whole.
fn write_json(out: impl Write, report: &Report) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")?;
    out.flush()
}

pub fn cmd_parse(args: Args, options: ParseOptions) -> ExitCode {
    let mut failed = false;
    match &args.out {
        None => {
            if args.files.len() > 1 {
                eprintln!("govreport: several files need --out DIR");
                return ExitCode::from(2);
            }
            match parse_file(&args.files[0], &options) {
                Ok(report) => {
                    let written = write_json(std::io::stdout().lock(), &report);
                    if let Err(e) = unless_closed(written) {
                        eprintln!("govreport: standard output: {e}");
                        failed = true;
                    }
                }
                Err(e) => {
                    eprintln!("govreport: {e}");
                    failed = true;
                }
            }
        }
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("govreport: cannot create {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            // One output per input, named after its stem; the files are
            // read, parsed and written in parallel. Two inputs with the
            // same stem (a/x.txt, b/x.txt) would write the same file:
            // the first named keeps it, the others are reported.
            let mut owner: std::collections::HashMap<String, &str> = Default::default();
            let jobs: Vec<(&str, Result<PathBuf, String>)> = args
                .files
                .iter()
                .map(|file| {
                    let stem = if file == "-" {
                        "stdin".to_string()
                    } else {
                        Path::new(file)
                            .file_stem()
                            .map_or("report".into(), |s| s.to_string_lossy().into_owned())
                    };
                    let target = dir.join(format!("{stem}.json"));
                    let job = match owner.get(&stem) {
                        Some(first) => Err(format!(
                            "{file}: skipped: its output {} is {first}'s",
                            target.display()
                        )),
                        None => {
                            owner.insert(stem, file);
                            Ok(target)
                        }
                    };
                    (file.as_str(), job)
                })
                .collect();
            let results: Vec<Result<(), String>> = jobs
                .par_iter()
                .map(|(file, job)| {
                    let target = job.as_ref().map_err(Clone::clone)?;
                    let report = parse_file(file, &options)?;
                    std::fs::File::create(target)
                        .and_then(|file| write_json(file, &report))
                        .map_err(|e| format!("{}: cannot write: {e}", target.display()))
                })
                .collect();
            for e in results.into_iter().filter_map(Result::err) {
                eprintln!("govreport: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

pub fn cmd_metrics(args: Args, options: ParseOptions) -> ExitCode {
    stream(args, options, csv::HEADER, rows)
}

pub fn cmd_tables(args: Args, options: ParseOptions) -> ExitCode {
    stream(args, options, csv::TABLE_HEADER, table_rows)
}

/// Rows of every file, streamed in order: a header for CSV, then each
/// file's rows as `rows` writes them; bad files skipped and reported.
pub(crate) fn stream(
    args: Args,
    options: ParseOptions,
    header: &[&str],
    rows: fn(Format, &str, &Report) -> String,
) -> ExitCode {
    let (mut files, mut errors) = expand(&args.files);
    // The output, left by an earlier run inside a folder being read
    // (`--out corpus/all.txt corpus`), is not one of the reports.
    if let Some(out) = args
        .out
        .as_ref()
        .and_then(|p| std::fs::canonicalize(p).ok())
    {
        files.retain(|f| std::fs::canonicalize(f).map_or(true, |f| f != out));
    }
    let where_ = |e: std::io::Error| match &args.out {
        Some(path) => format!("{}: cannot write: {e}", path.display()),
        None => format!("standard output: {e}"),
    };
    let opened = match &args.out {
        Some(path) => std::fs::File::create(path).map(|f| Box::new(f) as Box<dyn Write>),
        None => Ok(Box::new(std::io::stdout().lock()) as Box<dyn Write>),
    };
    let mut sink = match opened {
        Ok(w) => std::io::BufWriter::with_capacity(1 << 16, w),
        Err(e) => {
            eprintln!("govreport: {}", where_(e));
            return ExitCode::FAILURE;
        }
    };
    let done = AtomicUsize::new(0);
    // Rows stream out as files are done: on a terminal they show the
    // progress themselves, and a bar would be drawn across them.
    let show_progress = files.len() >= 20
        && std::io::stderr().is_terminal()
        && (args.out.is_some() || !std::io::stdout().is_terminal());
    let mut written = if args.format == Format::Csv {
        sink.write_all(format!("{}\n", header.join(",")).as_bytes())
    } else {
        Ok(())
    };
    // The files in chunks, each read, parsed and turned into its lines
    // in parallel, then written in order: memory holds one chunk's
    // lines, not every report of a large folder.
    let chunk = (rayon::current_num_threads() * 8).max(32);
    for group in files.chunks(chunk) {
        if written.is_err() {
            break;
        }
        let lines: Vec<Result<String, String>> = group
            .par_iter()
            .map(|file| {
                let result =
                    parse_file(file, &options).map(|report| rows(args.format, file, &report));
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if show_progress {
                    progress(n, files.len());
                }
                result
            })
            .collect();
        for result in lines {
            match result {
                Ok(text) => {
                    written = sink.write_all(text.as_bytes());
                    if written.is_err() {
                        break;
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }
    if show_progress {
        eprintln!();
    }
    let written = written.and_then(|()| sink.flush());
    let written = if args.out.is_none() {
        unless_closed(written)
    } else {
        written
    };
    if let Err(e) = written {
        errors.push(where_(e));
    }
    report(&errors)
}

/// Reports the files skipped and what could not be written; failure if any.
pub(crate) fn report(errors: &[String]) -> ExitCode {
    for e in errors {
        eprintln!("govreport: {e} (skipped)");
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One line of `metrics --format jsonl`: the metric with where it is.
#[derive(serde::Serialize)]
struct Row<'a> {
    file: &'a str,
    title: &'a Option<String>,
    year: &'a Option<i32>,
    section_path: Option<String>,
    metric: &'a govreport::Metric,
}

/// The lines of every metric of `report` (read from `file`) in `format`.
fn rows(format: Format, file: &str, report: &Report) -> String {
    let mut out = String::new();
    match format {
        Format::Csv => csv::push_rows(&mut out, file, report),
        Format::Jsonl | Format::Json => {
            for m in &report.metrics {
                let row = Row {
                    file,
                    title: &report.title,
                    year: &report.year,
                    section_path: m.section.as_deref().map(|id| csv::section_path(report, id)),
                    metric: m,
                };
                out.push_str(&serde_json::to_string(&row).expect("a metric always serialises"));
                out.push('\n');
            }
            for d in &report.derived {
                let row = DerivedRow {
                    file,
                    title: &report.title,
                    year: &report.year,
                    derived: d,
                };
                out.push_str(
                    &serde_json::to_string(&row).expect("a derived indicator always serialises"),
                );
                out.push('\n');
            }
        }
    }
    out
}

pub fn cmd_compare(args: Args, options: ParseOptions) -> ExitCode {
    let read = |f: &String| parse_file_with_text(f, &options);
    let (older, newer) = match (read(&args.files[0]), read(&args.files[1])) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                eprintln!("govreport: {e}");
            }
            return ExitCode::FAILURE;
        }
    };
    let c = govreport::compare(&older.0, &older.1, &newer.0, &newer.1, options.lang);
    let body = match args.format {
        Format::Csv => csv::comparison(&c),
        _ => {
            let mut s = serde_json::to_string_pretty(&c).expect("a comparison always serialises");
            s.push('\n');
            s
        }
    };
    match crate::series::write(&args, &body) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("govreport: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A line of `metrics --format jsonl` for an indicator derived from the
/// tables.
#[derive(serde::Serialize)]
struct DerivedRow<'a> {
    file: &'a str,
    title: &'a Option<String>,
    year: &'a Option<i32>,
    derived: &'a govreport::Derived,
}

/// One line of `tables --format jsonl`: a cell with where it is.
#[derive(serde::Serialize)]
struct CellRow<'a> {
    file: &'a str,
    title: &'a Option<String>,
    year: &'a Option<i32>,
    format: Option<govreport::TableFormat>,
    table: &'a str,
    row: &'a str,
    column: &'a str,
    #[serde(flatten)]
    cell: &'a govreport::Cell,
}

/// The lines of every table cell of `report` (read from `file`) in `format`.
fn table_rows(format: Format, file: &str, report: &Report) -> String {
    let mut out = String::new();
    match format {
        Format::Csv => csv::push_table_rows(&mut out, file, report),
        Format::Jsonl | Format::Json => {
            for t in &report.tables {
                for c in &t.cells {
                    let (table, row, column) = csv::cell_parts(&c.id);
                    let line = CellRow {
                        file,
                        title: &report.title,
                        year: &report.year,
                        format: t.format,
                        table,
                        row,
                        column,
                        cell: c,
                    };
                    out.push_str(&serde_json::to_string(&line).expect("a cell always serialises"));
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The progress bar on a terminal: `[###   ] 12/400 files`.
pub(crate) fn progress(n: usize, total: usize) {
    const WIDTH: usize = 30;
    let filled = n * WIDTH / total.max(1);
    eprint!(
        "\r[{}{}] {n}/{total} files",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    );
}
