//! `govreport`: the command line for reviewers and researchers.
//!
//! ```text
//! govreport parse [--lang zh|en] FILE|-             print the Report as JSON
//! govreport parse [--lang zh|en] --out DIR FILE...  write DIR/<stem>.json per file
//! govreport metrics [--format csv|jsonl] [--out FILE] FILE|DIR...
//!                                                  every metric of every report
//! ```

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use govreport::{parse_with, Lang, ParseOptions, Report};
    use rayon::prelude::*;
    use std::borrow::Cow;
    use std::io::{IsTerminal, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const USAGE: &str = "\
govreport: reads Chinese government annual reports

usage:
  govreport parse [--lang zh|en] [--indicators RULES] FILE|-
                                                     print the report as JSON
  govreport parse [--lang zh|en] [--indicators RULES] --out DIR FILE...
                                                     write DIR/<file stem>.json for each file
  govreport metrics [--format csv|jsonl] [--out FILE] [--lang zh|en] [--indicators RULES] FILE|DIR...
                                                     one table of every metric of every report
                                                     (a folder means its *.txt files)

RULES is a JSON file of indicator rules, [{ \"id\", \"name\", \"pattern\", \"unit\" }]:
a metric whose clause matches the regular expression `pattern` (and whose
unit is `unit`, when given) gets `id` as its indicator.
  govreport --help | --version

FILE is UTF-8 text; - reads standard input. Offsets in the JSON are UTF-16
code units, as in JavaScript. An unreadable file is reported on stderr and
skipped; the exit status is 1 if any file failed, 2 for a usage error.";

    /// A command-line mistake: printed with the usage, exit status 2.
    struct Usage(String);

    struct Args {
        lang: Lang,
        indicators: Option<PathBuf>,
        out: Option<PathBuf>,
        format: Format,
        files: Vec<String>,
    }

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Format {
        Csv,
        Jsonl,
    }

    fn parse_args(args: &[String]) -> Result<Args, Usage> {
        let mut out = Args {
            lang: Lang::Zh,
            indicators: None,
            out: None,
            format: Format::Csv,
            files: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| Usage(format!("{name} needs a value")))
            };
            match a.as_str() {
                "--lang" => {
                    out.lang = match value("--lang")?.as_str() {
                        "zh" => Lang::Zh,
                        "en" => Lang::En,
                        other => {
                            return Err(Usage(format!("unknown language {other:?} (zh or en)")))
                        }
                    }
                }
                "--out" | "-o" => out.out = Some(PathBuf::from(value("--out")?)),
                "--indicators" => out.indicators = Some(PathBuf::from(value("--indicators")?)),
                "--format" => {
                    out.format = match value("--format")?.as_str() {
                        "csv" => Format::Csv,
                        "jsonl" => Format::Jsonl,
                        other => {
                            return Err(Usage(format!("unknown format {other:?} (csv or jsonl)")))
                        }
                    }
                }
                "-" => out.files.push(a.clone()),
                s if s.starts_with('-') => return Err(Usage(format!("unknown option {s}"))),
                _ => out.files.push(a.clone()),
            }
        }
        if out.files.is_empty() {
            return Err(Usage("no input file".into()));
        }
        Ok(out)
    }

    /// Reads a file (or stdin for `-`), with an error a person can act on.
    fn read(path: &str) -> Result<Vec<u8>, String> {
        if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("standard input: {e}"))?;
            Ok(buf)
        } else {
            std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))
        }
    }

    /// The text of `bytes` read from `path`: UTF-8, or UTF-16 that starts
    /// with its byte order mark (what Windows Notepad saved as "Unicode"),
    /// kept as U+FEFF so that spans count the file's own UTF-16 units; or
    /// what is wrong with them.
    fn text<'b>(path: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>, String> {
        // The SIMD check first; std's only to say where a bad file goes wrong.
        if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
            return Ok(Cow::Borrowed(s));
        }
        let name = if path == "-" { "standard input" } else { path };
        let unit: Option<fn([u8; 2]) -> u16> = match bytes {
            [0xFF, 0xFE, ..] => Some(u16::from_le_bytes),
            [0xFE, 0xFF, ..] => Some(u16::from_be_bytes),
            _ => None,
        };
        if let Some(unit) = unit {
            let units = bytes.chunks(2).map(|c| match *c {
                [a, b] => unit([a, b]),
                // An odd last byte: no whole unit, so no character.
                _ => 0xDC00,
            });
            return char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .map(Cow::Owned)
                .map_err(|_| {
                    format!("{name}: UTF-16 text (it starts with a byte order mark) that is cut or has a lone surrogate")
                });
        }
        let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
        Err(format!("{name}: not UTF-8 text (invalid byte at offset {at}); convert it first, e.g. iconv -f GBK -t UTF-8"))
    }

    /// A write to standard output, where a reader that went away
    /// (`govreport … | head`) is no error: the rest was not wanted.
    fn unless_closed(written: std::io::Result<()>) -> std::io::Result<()> {
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }

    /// The parse options of the command line: its language and the
    /// indicator rules of `--indicators FILE` (a JSON array of
    /// `{ "id", "name", "pattern", "unit" }`).
    fn options(args: &Args) -> Result<ParseOptions, String> {
        let options = ParseOptions::default().with_lang(args.lang);
        let Some(path) = &args.indicators else {
            return Ok(options);
        };
        let name = path.display();
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let rules: Vec<govreport::IndicatorRule> = serde_json::from_slice(&bytes)
            .map_err(|e| format!("{name}: not a JSON array of indicator rules {{ \"id\", \"name\", \"pattern\", \"unit\" }}: {e}"))?;
        let rules = govreport::Indicators::new(rules).map_err(|e| format!("{name}: {e}"))?;
        Ok(options.with_indicators(rules))
    }

    /// The report in the file at `path`.
    fn parse_file(path: &str, options: &ParseOptions) -> Result<Report, String> {
        let bytes = read(path)?;
        Ok(parse_with(&text(path, &bytes)?, options))
    }

    /// Writes the report as pretty JSON and a newline, streamed: a report
    /// of a 100 MB input is about 150 MB of JSON, never held whole.
    fn write_json(out: impl Write, report: &Report) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut out, report)?;
        out.write_all(b"\n")?;
        out.flush()
    }

    fn cmd_parse(args: Args) -> ExitCode {
        let options = match options(&args) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("govreport: {e}");
                return ExitCode::from(2);
            }
        };
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

    /// The files named, with folders expanded to their `*.txt` files (sorted).
    fn expand(inputs: &[String]) -> (Vec<String>, Vec<String>) {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for input in inputs {
            let path = Path::new(input);
            if path.is_dir() {
                match std::fs::read_dir(path) {
                    Ok(entries) => {
                        let mut found: Vec<String> = entries
                            .filter_map(|e| e.ok().map(|e| e.path()))
                            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                            .map(|p| p.to_string_lossy().into_owned())
                            .collect();
                        found.sort();
                        files.extend(found);
                    }
                    Err(e) => errors.push(format!("{input}: cannot list: {e}")),
                }
            } else {
                files.push(input.clone());
            }
        }
        (files, errors)
    }

    fn cmd_metrics(args: Args) -> ExitCode {
        let options = match options(&args) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("govreport: {e}");
                return ExitCode::from(2);
            }
        };
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
            sink.write_all(format!("{}\n", govreport::csv::HEADER.join(",")).as_bytes())
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
        for e in &errors {
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
            Format::Csv => govreport::csv::push_rows(&mut out, file, report),
            Format::Jsonl => {
                for m in &report.metrics {
                    let row = Row {
                        file,
                        title: &report.title,
                        year: &report.year,
                        section_path: m
                            .section
                            .as_deref()
                            .map(|id| govreport::csv::section_path(report, id)),
                        metric: m,
                    };
                    out.push_str(&serde_json::to_string(&row).expect("a metric always serialises"));
                    out.push('\n');
                }
            }
        }
        out
    }

    fn progress(n: usize, total: usize) {
        const WIDTH: usize = 30;
        let filled = n * WIDTH / total.max(1);
        eprint!(
            "\r[{}{}] {n}/{total} files",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled)
        );
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let (command, rest) = match args.split_first() {
            Some((c, rest)) => (c.as_str(), rest),
            None => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        let run = |f: fn(Args) -> ExitCode| match parse_args(rest) {
            Ok(a) => f(a),
            Err(Usage(msg)) => {
                eprintln!("govreport: {msg}\n\n{USAGE}");
                ExitCode::from(2)
            }
        };
        match command {
            "parse" => run(cmd_parse),
            "metrics" => run(cmd_metrics),
            "--help" | "-h" | "help" => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            "--version" | "-V" => {
                println!("govreport {}", env!("CARGO_PKG_VERSION"));
                ExitCode::SUCCESS
            }
            other => {
                eprintln!("govreport: unknown command {other:?}\n\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }
}
