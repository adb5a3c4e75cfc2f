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
    use std::io::{IsTerminal, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const USAGE: &str = "\
govreport: reads Chinese government annual reports

usage:
  govreport parse [--lang zh|en] FILE|-              print the report as JSON
  govreport parse [--lang zh|en] --out DIR FILE...   write DIR/<file stem>.json for each file
  govreport metrics [--format csv|jsonl] [--out FILE] [--lang zh|en] FILE|DIR...
                                                     one table of every metric of every report
                                                     (a folder means its *.txt files)
  govreport --help | --version

FILE is UTF-8 text; - reads standard input. Offsets in the JSON are UTF-16
code units, as in JavaScript. An unreadable file is reported on stderr and
skipped; the exit status is 1 if any file failed, 2 for a usage error.";

    /// A command-line mistake: printed with the usage, exit status 2.
    struct Usage(String);

    struct Args {
        lang: Lang,
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

    /// Reads a file (or stdin for `-`) as UTF-8, with an error a person can act on.
    fn read(path: &str) -> Result<String, String> {
        let bytes = if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("standard input: {e}"))?;
            buf
        } else {
            std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?
        };
        String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let name = if path == "-" { "standard input" } else { path };
        format!("{name}: not UTF-8 text (invalid byte at offset {at}); convert it first, e.g. iconv -f GBK -t UTF-8")
    })
    }

    fn json(report: &Report) -> String {
        serde_json::to_string_pretty(report).expect("a Report always serialises")
    }

    fn cmd_parse(args: Args) -> ExitCode {
        let options = ParseOptions::default().with_lang(args.lang);
        let mut failed = false;
        match &args.out {
            None => {
                if args.files.len() > 1 {
                    eprintln!("govreport: several files need --out DIR");
                    return ExitCode::from(2);
                }
                match read(&args.files[0]) {
                    Ok(text) => println!("{}", json(&parse_with(&text, options))),
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
                for file in &args.files {
                    let stem = if file == "-" {
                        "stdin".to_string()
                    } else {
                        Path::new(file)
                            .file_stem()
                            .map_or("report".into(), |s| s.to_string_lossy().into_owned())
                    };
                    let target = dir.join(format!("{stem}.json"));
                    let result = read(file).and_then(|text| {
                        std::fs::write(&target, json(&parse_with(&text, options)) + "\n")
                            .map_err(|e| format!("{}: cannot write: {e}", target.display()))
                    });
                    if let Err(e) = result {
                        eprintln!("govreport: {e}");
                        failed = true;
                    }
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
        let options = ParseOptions::default().with_lang(args.lang);
        let (files, mut errors) = expand(&args.files);
        let done = AtomicUsize::new(0);
        let show_progress = files.len() >= 20 && std::io::stderr().is_terminal();
        let results: Vec<Result<(String, Report), String>> = files
            .par_iter()
            .map(|file| {
                let result = read(file).map(|text| (file.clone(), parse_with(&text, options)));
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if show_progress {
                    progress(n, files.len());
                }
                result
            })
            .collect();
        if show_progress {
            eprintln!();
        }
        let mut out = String::new();
        if args.format == Format::Csv {
            out.push_str(&govreport::csv::HEADER.join(","));
            out.push('\n');
        }
        for result in results {
            match result {
                Ok((file, report)) => {
                    for m in &report.metrics {
                        match args.format {
                            Format::Csv => {
                                out.push_str(&govreport::csv::metric_row(&file, &report, m))
                            }
                            Format::Jsonl => {
                                let row = serde_json::json!({
                                    "file": file,
                                    "title": report.title,
                                    "year": report.year,
                                    "section_path": m.section.as_deref().map(|id| govreport::csv::section_path(&report, id)),
                                    "metric": m,
                                });
                                out.push_str(&row.to_string());
                            }
                        }
                        out.push('\n');
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        let written = match &args.out {
            Some(path) => std::fs::write(path, &out)
                .map_err(|e| format!("{}: cannot write: {e}", path.display())),
            None => std::io::stdout()
                .lock()
                .write_all(out.as_bytes())
                .map_err(|e| format!("standard output: {e}")),
        };
        if let Err(e) = written {
            errors.push(e);
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
