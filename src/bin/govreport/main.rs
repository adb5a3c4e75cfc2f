//! `govreport`: the command line for reviewers and researchers.
//!
//! ```text
//! govreport parse [--lang zh|en] [--indicators RULES] FILE|-     print the Report as JSON
//! govreport parse [...] --out DIR FILE...                        write DIR/<stem>.json per file
//! govreport metrics [--format csv|jsonl] [--out FILE] FILE|DIR...
//!                                                               every metric of every report
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

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    match args::parse(std::env::args_os().skip(1)) {
        Ok(args::Command::Parse(a)) => commands::cmd_parse(a),
        Ok(args::Command::Metrics(a)) => commands::cmd_metrics(a),
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
