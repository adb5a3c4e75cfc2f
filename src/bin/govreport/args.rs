//! The command line's arguments (lexopt): each command takes its own flags,
//! `--flag value` or `--flag=value`, and has its own `--help`.

use govreport::Lang;
use lexopt::prelude::*;
use std::path::PathBuf;

/// The overview: `govreport --help`.
pub const USAGE: &str = "\
govreport: reads Chinese government annual reports

usage:
  govreport parse [options] FILE|-             print the report as JSON
  govreport parse [options] --out DIR FILE...  write DIR/<file stem>.json for each file
  govreport metrics [options] FILE|DIR...      one table of every metric of every report
  govreport tables [options] FILE|DIR...       one table of every statistical table cell
  govreport compare [options] OLDER NEWER      this year against last year, one body against another
  govreport series [options] DIR...            each report against the previous year's of its body
  govreport panel [options] FILE|DIR...        one row per report and indicator (--wide: per report)
  govreport --help | --version
  govreport COMMAND --help                     the options of a command

FILE is UTF-8 text (or UTF-16 with its byte order mark), or HTML (.html,
.htm, or text that starts with a tag: read with its tables); - reads
standard input. Offsets in the JSON are UTF-16 code units, as in JavaScript. An
unreadable file is reported on stderr and skipped; the exit status is 1 if
any file failed, 2 for a usage error.";

/// `govreport parse --help`.
pub const PARSE_USAGE: &str = "\
usage: govreport parse [--lang zh|en] [--indicators RULES] FILE|-
       govreport parse [--lang zh|en] [--indicators RULES] --out DIR FILE...

Prints the report of FILE as JSON (the contract's object), or writes
DIR/<file stem>.json for each FILE.

  --lang zh|en        language of checks' messages and warnings (zh)
  --indicators RULES  a JSON file of indicator rules (below)
  --out DIR, -o DIR   write one JSON file per input into DIR
  --help, -h          this text

RULES is [{ \"id\", \"name\", \"pattern\", \"unit\" }, …]: a metric whose clause
matches the regular expression `pattern` (and whose unit is `unit`, when
given) gets `id` as its indicator, before the built-in taxonomy is asked.";

/// `govreport metrics --help`.
pub const METRICS_USAGE: &str = "\
usage: govreport metrics [--format csv|jsonl] [--out FILE] [--lang zh|en] [--indicators RULES] FILE|DIR...

One row per metric of every report (a folder means its *.txt, *.html and
*.htm files, sorted), streamed as the files are parsed; then, for a
政府信息公开工作年度报告, the indicators derived from its tables (予以公开率 …,
their cells in the text column).

  --format csv|jsonl  CSV with a header (default), or one JSON object a line
  --out FILE, -o FILE write to FILE instead of standard output
  --lang zh|en        language of messages (zh)
  --indicators RULES  a JSON file of indicator rules (see govreport parse --help)
  --help, -h          this text

CSV text cells that begin with = + - @, a tab or a carriage return get a
leading ' so that a spreadsheet does not run them as formulas; numbers are
written as numbers.";

/// `govreport tables --help`.
pub const TABLES_USAGE: &str = "\
usage: govreport tables [--format csv|jsonl] [--out FILE] [--lang zh|en] FILE|DIR...

One row per cell of the statistical tables of every 政府信息公开工作年度报告
(a folder means its *.txt, *.html and *.htm files, sorted), streamed as the
files are parsed: file, title, year, format (2019 or 2021), table (active,
requests, appeals), row, column, cell id (requests.new.natural), value,
blank (printed empty: 0), recovered (its boundaries recovered from digits
that ran together).

  --format csv|jsonl  CSV with a header (default), or one JSON object a line
  --out FILE, -o FILE write to FILE instead of standard output
  --lang zh|en        language of messages (zh)
  --help, -h          this text

CSV text cells that begin with = + - @, a tab or a carriage return get a
leading ' (spreadsheet formulas); numbers are written as numbers.";

/// `govreport compare --help`.
pub const COMPARE_USAGE: &str = "\
usage: govreport compare [--format json|csv] [--out FILE] [--lang zh|en] OLDER NEWER

Compares two reports (text or HTML), the older first: sections aligned
(same, changed, added, removed), figures paired (the same indicator, else
the same subject, else the same words around them; never different units
or a level with a change), table cells with their differences, the checks
across years of a 政府信息公开 report's tables, and the newer report's text
found in the older (reuse).

  --format json|csv   the comparison as JSON (default), or CSV: one row per
                      figure pair and per table cell
  --out FILE, -o FILE write to FILE instead of standard output
  --lang zh|en        language of messages (zh)
  --help, -h          this text";

/// `govreport series --help`.
pub const SERIES_USAGE: &str = "\
usage: govreport series [--format csv|jsonl] [--out FILE] [--lang zh|en] FILE|DIR...

Groups the reports by body (the publisher the page names, else the title
without its year), orders each body's reports by year, and compares each
with the one before: one row per comparison (CSV: body, files, years,
figures paired, table cells changed, the reused share, checks across years
that failed; JSON Lines: the whole comparison). Reports with no body or no
year are reported on stderr.

  --format csv|jsonl  CSV with a header (default), or one JSON object a line
  --out FILE, -o FILE write to FILE instead of standard output
  --lang zh|en        language of messages (zh)
  --help, -h          this text";

/// `govreport panel --help`.
pub const PANEL_USAGE: &str = "\
usage: govreport panel [--format csv|jsonl] [--wide] [--out FILE] [--lang zh|en] FILE|DIR...

One row per report and indicator: file, title, year, body, indicator,
value, unit, source (metric: the first figure of that canonical indicator
in the report; derived: computed from its tables; cell: a table cell). With
--wide, one row per report and one column per canonical indicator, derived
indicator and table cell (the same columns for every report).

  --format csv|jsonl  CSV with a header (default), or one JSON object a line
  --wide              one row per report
  --out FILE, -o FILE write to FILE instead of standard output
  --lang zh|en        language of messages (zh)
  --help, -h          this text";

/// What the command line was asked to do.
pub enum Command {
    /// `parse`.
    Parse(Args),
    /// `metrics`.
    Metrics(Args),
    /// `tables`.
    Tables(Args),
    /// `compare`.
    Compare(Args),
    /// `series`.
    Series(Args),
    /// `panel`.
    Panel(Args),
    /// Print this text and succeed.
    Help(&'static str),
    /// `--version`.
    Version,
}

/// The flags of `parse` and `metrics` (each accepts only its own).
pub struct Args {
    pub lang: Lang,
    pub indicators: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub format: Format,
    /// `--format` was given (compare's default differs).
    pub format_given: bool,
    /// `panel --wide`.
    pub wide: bool,
    pub files: Vec<String>,
}

/// `metrics --format`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    /// `compare`'s default.
    Json,
}

/// A command-line mistake, with the usage text that goes with it.
pub struct Usage {
    pub message: String,
    pub usage: &'static str,
}

/// Reads the command line (without the program name).
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Command, Usage> {
    let mut parser = lexopt::Parser::from_iter(
        std::iter::once(std::ffi::OsString::from("govreport")).chain(args),
    );
    let fail = |usage: &'static str| {
        move |e: lexopt::Error| Usage {
            message: e.to_string(),
            usage,
        }
    };
    let command = match parser.next().map_err(fail(USAGE))? {
        None => {
            return Err(Usage {
                message: "no command".into(),
                usage: USAGE,
            })
        }
        Some(Long("help") | Short('h')) => return Ok(Command::Help(USAGE)),
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(Value(v)) => v.string().map_err(fail(USAGE))?,
        Some(other) => return Err(fail(USAGE)(other.unexpected())),
    };
    let (usage, rows) = match command.as_str() {
        "parse" => (PARSE_USAGE, false),
        "metrics" => (METRICS_USAGE, true),
        "tables" => (TABLES_USAGE, true),
        "compare" => (COMPARE_USAGE, true),
        "series" => (SERIES_USAGE, true),
        "panel" => (PANEL_USAGE, true),
        "help" => return Ok(Command::Help(USAGE)),
        other => {
            return Err(Usage {
                message: format!(
                    "unknown command {other:?} (parse, metrics, tables, compare, series or panel)"
                ),
                usage: USAGE,
            })
        }
    };
    let err = |message: String| Usage { message, usage };
    let mut args = Args {
        lang: Lang::Zh,
        indicators: None,
        out: None,
        format: Format::Csv,
        format_given: false,
        wide: false,
        files: Vec::new(),
    };
    while let Some(arg) = parser.next().map_err(fail(usage))? {
        match arg {
            Long("help") | Short('h') => return Ok(Command::Help(usage)),
            Long("lang") => {
                args.lang = match text_value(&mut parser).map_err(fail(usage))?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(err(format!("unknown language {other:?} (zh or en)"))),
                }
            }
            Long("indicators") => {
                args.indicators = Some(parser.value().map_err(fail(usage))?.into());
            }
            Long("out") | Short('o') => {
                args.out = Some(parser.value().map_err(fail(usage))?.into())
            }
            Long("format") if rows => {
                args.format = match text_value(&mut parser).map_err(fail(usage))?.as_str() {
                    "csv" => Format::Csv,
                    "jsonl" if command != "compare" => Format::Jsonl,
                    "json" if command == "compare" => Format::Json,
                    other if command == "compare" => {
                        return Err(err(format!("unknown format {other:?} (json or csv)")))
                    }
                    other => return Err(err(format!("unknown format {other:?} (csv or jsonl)"))),
                };
                args.format_given = true;
            }
            Long("wide") if command == "panel" => args.wide = true,
            Value(v) => args.files.push(v.string().map_err(fail(usage))?),
            other => return Err(fail(usage)(other.unexpected())),
        }
    }
    if args.files.is_empty() {
        return Err(err("no input file".into()));
    }
    if command == "compare" {
        if args.files.len() != 2 {
            return Err(err(format!(
                "compare takes two files, OLDER and NEWER ({} given)",
                args.files.len()
            )));
        }
        if !args.format_given {
            args.format = Format::Json;
        }
    }
    Ok(match command.as_str() {
        "metrics" => Command::Metrics(args),
        "tables" => Command::Tables(args),
        "compare" => Command::Compare(args),
        "series" => Command::Series(args),
        "panel" => Command::Panel(args),
        _ => Command::Parse(args),
    })
}

/// The value of the option just read, as text.
fn text_value(parser: &mut lexopt::Parser) -> Result<String, lexopt::Error> {
    parser.value()?.string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(line: &str) -> Result<Command, Usage> {
        parse(line.split_whitespace().map(std::ffi::OsString::from))
    }

    fn message(line: &str) -> String {
        match run(line) {
            Err(u) => u.message,
            Ok(_) => panic!("{line}: accepted"),
        }
    }

    #[test]
    fn flags_are_per_command() {
        assert_eq!(
            message("parse --format csv a.txt"),
            "invalid option '--format'"
        );
        assert!(
            matches!(run("metrics --format jsonl a.txt"), Ok(Command::Metrics(a)) if a.format == Format::Jsonl)
        );
        assert!(
            matches!(run("parse --lang=en a.txt"), Ok(Command::Parse(a)) if a.lang == Lang::En)
        );
        assert!(
            matches!(run("metrics --format=jsonl --out=x.csv d"), Ok(Command::Metrics(a)) if a.out.is_some())
        );
        assert!(matches!(run("parse -"), Ok(Command::Parse(a)) if a.files == ["-"]));
        assert!(matches!(
            run("parse --help"),
            Ok(Command::Help(PARSE_USAGE))
        ));
        assert!(matches!(
            run("metrics -h"),
            Ok(Command::Help(METRICS_USAGE))
        ));
        assert!(matches!(run("--help"), Ok(Command::Help(USAGE))));
        assert_eq!(
            message("parse --lang fr a.txt"),
            "unknown language \"fr\" (zh or en)"
        );
        assert_eq!(
            message("parse --lang"),
            "missing argument for option '--lang'"
        );
        assert_eq!(message("parse"), "no input file");
        assert_eq!(
            message("frobnicate x"),
            "unknown command \"frobnicate\" (parse, metrics, tables, compare, series or panel)"
        );
        assert_eq!(message(""), "no command");
    }
}
