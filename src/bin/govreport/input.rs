//! What the command line reads: files and folders, their text (UTF-8, or
//! UTF-16 with a byte order mark), and the parse options of its flags.

use crate::args::Args;
use govreport::{parse_with, ParseOptions, Report};
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

/// Reads a file (or stdin for `-`), with an error a person can act on.
pub fn read(path: &str) -> Result<Vec<u8>, String> {
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
pub fn text<'b>(path: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>, String> {
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
pub fn unless_closed(written: std::io::Result<()>) -> std::io::Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The parse options of the command line: its language and the
/// indicator rules of `--indicators FILE` (a JSON array of
/// `{ "id", "name", "pattern", "unit" }`).
pub fn options(args: &Args) -> Result<ParseOptions, String> {
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

/// The report in the file at `path`: HTML (`.html`, `.htm`, or text that
/// starts with a tag) is read as a document with tables, anything else as
/// text.
pub fn parse_file(path: &str, options: &ParseOptions) -> Result<Report, String> {
    parse_file_with_text(path, options).map(|(report, _)| report)
}

/// [`parse_file`], with the text the report's spans index (the file's, or
/// for HTML the document's).
pub fn parse_file_with_text(
    path: &str,
    options: &ParseOptions,
) -> Result<(Report, String), String> {
    let bytes = read(path)?;
    let text = text(path, &bytes)?;
    if is_html(path) || govreport::html::looks_like_html(&text) {
        let doc = govreport::html::read(&text, options.lang);
        let report = govreport::parse_document(&doc, options);
        return Ok((report, doc.text));
    }
    let report = parse_with(&text, options);
    Ok((report, text.into_owned()))
}

/// A file named as HTML.
fn is_html(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"))
}

/// The files named, with folders expanded to their `*.txt`, `*.html` and
/// `*.htm` files (sorted).
pub fn expand(inputs: &[String]) -> (Vec<String>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<String> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| {
                            p.extension()
                                .is_some_and(|x| x == "txt" || x == "html" || x == "htm")
                        })
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
