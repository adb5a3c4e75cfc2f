//! `govreport`: the command line for reviewers and researchers.
//!
//! ```text
//! govreport parse [--lang zh|en] [--indicators RULES] FILE|-     print the Report as JSON
//! govreport parse [...] --out DIR FILE...                        write DIR/<stem>.json per file
//! govreport metrics [--format csv|jsonl] [--out FILE] FILE|DIR...
//!                                                               every metric of every report
//! govreport tables [--format csv|jsonl] [--out FILE] FILE|DIR... every table cell of every report
//! govreport compare [--format json|csv] [--out FILE] OLDER NEWER  two reports compared
//! govreport series [--format csv|jsonl] DIR...                   each report against the year before
//! govreport panel [--format csv|jsonl] [--wide] FILE|DIR...      one row per report and indicator
//! govreport COMMAND --help
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod commands;
#[cfg(not(target_arch = "wasm32"))]
mod csv;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod series;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    // The options of the flags (the rules file read and compiled) first: a
    // bad rule is a usage error, before any report is read.
    let with_options = |a: args::Args, run: fn(args::Args, govreport::ParseOptions) -> ExitCode| {
        match input::options(&a) {
            Ok(options) => run(a, options),
            Err(e) => {
                eprintln!("govreport: {e}");
                ExitCode::from(2)
            }
        }
    };
    match args::parse(std::env::args_os().skip(1)) {
        Ok(args::Command::Parse(a)) => with_options(a, commands::cmd_parse),
        Ok(args::Command::Metrics(a)) => with_options(a, commands::cmd_metrics),
        Ok(args::Command::Tables(a)) => with_options(a, commands::cmd_tables),
        Ok(args::Command::Compare(a)) => with_options(a, commands::cmd_compare),
        Ok(args::Command::Series(a)) => with_options(a, series::cmd_series),
        Ok(args::Command::Panel(a)) => with_options(a, series::cmd_panel),
        Ok(args::Command::Help(text)) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Ok(args::Command::Version) => {
            println!("govreport {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Err(args::Usage { message, usage }) => {
            eprintln!("govreport: {message}\n\n{usage}");
            ExitCode::from(2)
        }
    }
}
